// The report's 52 weeks (the chart and the streak) are counted back from the week holding --as-of
// (weeksUpTo, src/core/report.ts): they must be the weeks weekHolding gives a day of each, with their
// labels, whatever the day, the year's 52 or 53 ISO weeks, and the week's first day.
import { describe, expect, it } from 'vitest';
import { weeksUpTo, STREAK_WEEKS } from '../../src/core/report.js';
import { addDays, weekHolding, type WeekStart } from '../../src/core/dates.js';

/** The simple rule: weekHolding of the day 7 × k days before asOf, oldest first. */
function simple(asOf: string, weekStart: WeekStart, count: number) {
  return Array.from({ length: count }, (_, k) => weekHolding(addDays(asOf, -7 * (count - 1 - k)), weekStart));
}

describe('the weeks up to the one holding --as-of', () => {
  for (const weekStart of ['monday', 'sunday'] as const)
    it(`are weekHolding's weeks of the days 7 apart, as of every day of seven years, with ${weekStart} weeks`, () => {
      // every day of seven years (2020 and 2026 have a W53), and the first and last years pm takes
      const days = Array.from({ length: 7 * 366 }, (_, k) => addDays('2019-12-01', k));
      days.push('1900-12-31', '2099-12-31');
      let newYears = 0;
      for (const asOf of days) {
        const weeks = weeksUpTo(asOf, weekStart, STREAK_WEEKS);
        expect(weeks).toEqual(simple(asOf, weekStart, STREAK_WEEKS));
        if (weeks.some((w) => w.label.endsWith('-W01'))) newYears++;
      }
      if (weekStart === 'monday') expect(newYears).toBeGreaterThan(300);
      expect(weeksUpTo('2026-01-01', weekStart, 1)).toEqual([weekHolding('2026-01-01', weekStart)]);
    });
});
