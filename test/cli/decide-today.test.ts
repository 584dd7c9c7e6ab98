// A hypothesis's decide-by day is the day to decide (fresh-eyes wave 14 H11): the standup said "Nothing
// needs action." and --check exited 0 that day, and the first line naming it came the morning after,
// already "1 day past".
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => {
  box = sandbox({ today: '2026-12-01' });
  box.ok(['init', '--target', '1']);
  box.ok(['hyp', 'add', 'Finance leads will pay', '--decide-by', '2026-12-04']);
  box.ok(['log', '--with', 'Ann A', '--account', 'Acme', '--summary', 'a', '--supports', 'H1']);
});
afterEach(() => box.cleanup());

const on = (PM_TODAY: string) => ({ env: { PM_TODAY } });

describe('the decide-by day', () => {
  it('is a line of Needs action with the command that acts, and --check exits 3 (decide-today)', () => {
    const page = box.ok(['report'], on('2026-12-04')).out;
    expect(page).toMatch(/^ {2}! Decide H1 today, its decide-by — Finance leads will pay {2}→ pm hyp show H1$/m);
    expect(page).not.toMatch(/Nothing needs action|to decide within 7 days/);
    expect(box.pm(['report', '--check'], on('2026-12-04')).code).toBe(3);
    const json = box.json(['report'], on('2026-12-04'));
    expect(json.flags.map((f: { kind: string }) => f.kind)).toEqual(['decide-today']);
    expect(json.hypotheses.unvalidated[0].flags).toEqual(['decide-soon', 'decide-today']);
  });

  it('the days before it, is counted to decide soon (informational); the day after, is past it', () => {
    const before = box.ok(['report'], on('2026-12-03')).out;
    expect(before).toMatch(/Nothing needs action\./);
    expect(before).toMatch(/1 to decide within 7 days/);
    expect(box.pm(['report', '--check'], on('2026-12-03')).code).toBe(0);
    expect(box.ok(['report'], on('2026-12-05')).out).toMatch(/! Decide H1: 1 day past its decide-by/);
  });

  it('is held by a running bet, as past-decide-by is', () => {
    box.ok(['hyp', 'bet', 'H1', '--until', '2026-12-10', '--reason', 'a hunch']);
    expect(box.pm(['report', '--check'], on('2026-12-04')).code).toBe(0);
    expect(box.json(['report'], on('2026-12-04')).flags).toEqual([]);
  });
});
