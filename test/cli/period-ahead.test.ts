// A week or month that starts after --as-of (a typo, 2026-W52 for 2026-W50) is refused as --since after
// --until is, rather than judged "on track" with nothing in it (fresh-eyes wave 15 H3).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectUsageError, sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => {
  box = sandbox({ today: '2026-12-07' });
  box.ok(['log', '--with', 'Ann Lee', '--account', 'Acme', '--summary', 'a call']);
});
afterEach(() => box.cleanup());

describe('a period that has not begun', () => {
  it('is a usage error naming the current one, in pm report and pm export, and writes nothing', () => {
    for (const [args, said, hint] of [
      [
        ['report', '--week', '2026-W52'],
        '2026-W52 has not begun: as of 2026-12-07, this week is 2026-W50',
        '--week 2026-W52 --as-of 2026-12-21',
      ],
      [
        ['report', '--month', '2027-03', '--json'],
        '2027-03 has not begun: as of 2026-12-07, this month is 2026-12',
        '--as-of 2027-03-01',
      ],
      [
        ['report', '--since', '2027-01-01', '--until', '2027-01-05'],
        'the period from 2027-01-01 has not begun',
        '--as-of 2027-01-01',
      ],
      // without --until the range ends today: the message names that, not an --until never typed (wave 16 H11)
      [
        ['report', '--since', '2026-12-20'],
        '--since 2026-12-20 is after 2026-12-07, the day the report is made as of (--as-of, else today)',
        'try: pm report --since 2026-12-07',
      ],
      [
        ['export', '--week', '2026-W52', '--out', 'w52.md'],
        '2026-W52 has not begun',
        'pm export --week (this week, 2026-W50)',
      ],
    ] as const) {
      const before = box.snapshot();
      const r = box.pm([...args]);
      expectUsageError(r);
      expect(r.out).toBe('');
      expect(r.err).toContain(said);
      expect(r.err).toContain(hint);
      expect(box.snapshot()).toBe(before);
    }
  });

  it('is a page once --as-of reaches it, and this week is one as before', () => {
    expect(box.pm(['report', '--week', '2026-W52', '--as-of', '2026-12-21']).code).toBe(0);
    expect(box.ok(['report', '--week', '2026-W50']).out).toMatch(/2026-W50/);
    expect(box.pm(['export', '--week', '2026-W52', '--as-of', '2026-12-22']).code).toBe(0);
  });

  it('a week typed without its year is refused with the likely one named', () => {
    const r = box.pm(['report', '--week', 'W49']);
    expectUsageError(r);
    expect(r.err).toContain('did you mean 2026-W49?');
  });

  it('names the latest week of that number that has begun, in the week-year (fresh-eyes wave 17 H1)', () => {
    const guess = (week: string, today: string) =>
      /did you mean (\S+)\?/.exec(box.pm(['report', '--week', week], { env: { PM_TODAY: today } }).err)?.[1];
    // New Year's Day 2027 is in 2026-W53: W53 is the running week, W52 the one just ended
    expect(guess('W53', '2027-01-01')).toBe('2026-W53');
    expect(guess('W52', '2027-01-01')).toBe('2026-W52');
    expect(guess('1', '2027-01-04')).toBe('2027-W01');
    // a week of this year that has not begun: last year's
    expect(guess('W52', '2026-12-07')).toBe('2025-W52');
    expect(box.pm(['report', '--week', '2026-W53'], { env: { PM_TODAY: '2027-01-01' } }).code).toBe(0);
  });
});
