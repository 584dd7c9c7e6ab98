// Text laid out by words: never wider than the room, never a word cut unless it alone is wider.
import { describe, expect, it } from 'vitest';
import { clipWords, wrap } from '../../src/render/wrap.js';
import { displayWidth } from '../../src/render/width.js';

describe('wrap', () => {
  it('breaks at spaces, indents the lines after the first, and keeps every word whole', () => {
    const text = 'last customer conversation 2026-11-17 (5 days ago) · 4 signals · 1 stakeholder meeting';
    const lines = wrap(text, 40, '  ');
    expect(lines).toEqual([
      'last customer conversation 2026-11-17 (5', // 40 columns: full
      '  days ago) · 4 signals · 1 stakeholder',
      '  meeting',
    ]);
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(40);
    expect(lines.join(' ').replace(/\s+/g, ' ')).toBe(text);
  });

  it('counts wide characters as the terminal shows them, and cuts only a word wider than a line', () => {
    expect(wrap('会議 会議 会議', 10)).toEqual(['会議 会議', '会議']);
    expect(wrap('a supercalifragilistic word', 10)).toEqual(['a', 'supercali…', 'word']);
    expect(wrap('', 10)).toEqual(['']);
  });
});

describe('clipWords', () => {
  it('shortens at a space with an ellipsis, and leaves text that fits alone', () => {
    expect(clipWords('Would not read another digest email', 20)).toBe('Would not read…');
    expect(clipWords('short', 20)).toBe('short');
    expect(clipWords('Northwind 45d, Bluebird 20d, Lostway 90d', 30)).toBe('Northwind 45d, Bluebird 20d…');
    expect(clipWords('Supercalifragilistic', 8)).toBe('Superca…');
    for (const w of [8, 12, 20])
      expect(displayWidth(clipWords('Would not read another digest email', w))).toBeLessThanOrEqual(w);
  });
});
