// pm contacts is whom to call next: an erased person's placeholder topped it as the most overdue
// (fresh-eyes wave 14 H14), with nobody to call.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => {
  box = sandbox({ today: '2026-11-25' });
});
afterEach(() => box.cleanup());

describe('pm contacts after pm forget', () => {
  it('leaves the placeholder out of the table; JSON stays complete', () => {
    box.ok(['log', '--with', 'Zoë Ŝtraße', '--account', 'Ünïcode GmbH', '--role', 'prospect', '--summary', 'exports']);
    box.ok(['log', '--with', 'Raj Patel', '--account', 'Globex', '--summary', 'pricing', '--date', '2026-11-20']);
    box.ok(['forget', 'Zoë Ŝtraße', '--yes']);
    const later = { env: { PM_TODAY: '2027-01-15' } };
    const table = box.pm(['contacts'], later);
    expect(table.out).not.toContain('Forgotten contact');
    expect(table.out).toMatch(/^Raj Patel +Globex/m);
    const json = JSON.parse(box.pm(['contacts', '--json'], later).out);
    expect(json.map((c: { name: string }) => c.name).sort()).toEqual(['Forgotten contact', 'Raj Patel']);
    // its conversations stay, as the erasure says
    expect(box.json(['ls', '--with', 'Forgotten contact'])).toHaveLength(1);
  });
});
