// pm search: the contact hint after an empty result folds accents as the search does, and a query with
// no word the index holds (emoji, symbols) is refused with why, not answered "Nothing matches"
// (fresh-eyes wave 19 H22).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => {
  box = sandbox({ today: '2026-12-07' });
  box.ok(['log', '--with', 'José 🦄 Núñez', '--account', 'شركة الأمل', '--summary', 'Loves the 🚀 launch and café']);
});
afterEach(() => box.cleanup());

describe('pm search', () => {
  it('names the contact José for "jose" as for "José"', () => {
    for (const q of ['José', 'jose', 'NUNEZ']) {
      const r = box.ok(['search', q]);
      expect(r.out + r.err, q).toContain('José 🦄 Núñez (شركة الأمل) is a contact, 1 conversation → pm show');
    }
  });

  it('refuses a query of emoji and symbols alone, saying they are not indexed', () => {
    const r = box.pm(['search', '🚀']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('pm: "🚀" has no word to search for (symbols and emoji are not indexed)');
    expect(box.ok(['search', '🚀 launch']).out).toContain('I1');
  });
});
