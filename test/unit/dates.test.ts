import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { getISOWeek } from 'date-fns/getISOWeek';
import { getISOWeekYear } from 'date-fns/getISOWeekYear';
import {
  addDays,
  dayNumber,
  daysBetween,
  fromDayNumber,
  isIsoDay,
  isoWeekday,
  isoWeekLabel,
  isoWeekMonday,
  parseDeadline,
  parseMonth,
  parsePastDate,
  parseWeek,
  rangePeriod,
  today,
  weekHolding,
} from '../../src/core/dates.js';
import { UsageError } from '../../src/errors.js';

const originalTZ = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTZ;
});

describe('calendar days', () => {
  it('knows real dates from impossible ones', () => {
    expect(isIsoDay('2026-02-28')).toBe(true);
    expect(isIsoDay('2028-02-29')).toBe(true);
    expect(isIsoDay('2026-02-29')).toBe(false);
    expect(isIsoDay('2026-02-31')).toBe(false);
    expect(isIsoDay('2026-13-01')).toBe(false);
    expect(isIsoDay('2026-00-10')).toBe(false);
    expect(isIsoDay('2026-1-1')).toBe(false);
    expect(isIsoDay('2100-02-29')).toBe(false);
    expect(isIsoDay('2000-02-29')).toBe(true);
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366);
  });

  it('is not shifted by daylight-saving changes, whatever the time zone', () => {
    for (const tz of ['America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'Pacific/Apia', 'UTC']) {
      process.env.TZ = tz;
      // the nights the clocks change in the US (2026-03-08, 2026-11-01) and the EU (2026-03-29, 2026-10-25)
      expect(daysBetween('2026-03-07', '2026-03-09')).toBe(2);
      expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
      expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
      expect(addDays('2026-11-01', 7)).toBe('2026-11-08');
      expect(isoWeekLabel('2026-03-29')).toBe('2026-W13');
      expect(isoWeekLabel('2026-10-25')).toBe('2026-W43');
    }
  });

  it('labels every day of 1899-2101 with the ISO week date-fns gives it', () => {
    for (let n = dayNumber('1899-01-01'); n <= dayNumber('2101-12-31'); n++) {
      const iso = fromDayNumber(n);
      const d = new Date(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10), 12);
      const expected = `${getISOWeekYear(d)}-W${String(getISOWeek(d)).padStart(2, '0')}`;
      if (isoWeekLabel(iso) !== expected) expect(`${iso}: ${isoWeekLabel(iso)}`).toBe(`${iso}: ${expected}`);
    }
  });

  it("today is the local calendar date, not UTC's", () => {
    const instant = new Date('2026-11-21T03:30:00Z');
    process.env.TZ = 'America/Los_Angeles';
    expect(today(instant)).toBe('2026-11-20');
    process.env.TZ = 'Asia/Tokyo';
    expect(today(instant)).toBe('2026-11-21');
    process.env.TZ = 'UTC';
    expect(today(instant)).toBe('2026-11-21');
  });

  it("writes every day of the years 1 to 9999, and around them, as the calendar's UTC date does", () => {
    // the days from the year 1 are made without Math.floor or a template (fromDayNumber): the same text
    const day = 86_400_000;
    const written = (n: number) => {
      const y = new Date(n * day).getUTCFullYear();
      const iso = new Date(n * day).toISOString();
      // toISOString writes years outside 0-9999 as +YYYYYY or -YYYYYY; fromDayNumber pads to four
      return y < 0 || y > 9999 ? null : iso.slice(0, 10);
    };
    // (Date.UTC takes the years 0-99 as 1900-1999)
    const first = new Date(0).setUTCFullYear(1, 0, 1) / day;
    const last = Date.UTC(9999, 11, 31) / day;
    for (let n = first - 800; n <= last + 800; n += n < first + 400 || n > last - 400 ? 1 : 7) {
      const expected = written(n);
      if (expected !== null && fromDayNumber(n) !== expected)
        expect(`${n}: ${fromDayNumber(n)}`).toBe(`${n}: ${expected}`);
    }
    expect(fromDayNumber(first)).toBe('0001-01-01');
    expect(fromDayNumber(first - 1)).toBe('0000-12-31');
    expect(fromDayNumber(last)).toBe('9999-12-31');
    expect(fromDayNumber(last + 1)).toBe('10000-01-01');
    expect(fromDayNumber(dayNumber('2026-11-20'))).toBe('2026-11-20');
  });

  it('day numbers round-trip for any date from 1900 to 2199', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayNumber('1900-01-01'), max: dayNumber('2199-12-31') }), (n) => {
        const iso = fromDayNumber(n);
        return isIsoDay(iso) && dayNumber(iso) === n;
      }),
    );
  });

  it('ISO weekdays: 2026-11-16 is a Monday, 2026-11-22 a Sunday', () => {
    expect(isoWeekday('2026-11-16')).toBe(1);
    expect(isoWeekday('2026-11-22')).toBe(7);
    expect(isoWeekday('1970-01-01')).toBe(4);
  });
});

describe('dates that something happened on (--date, --since, --as-of)', () => {
  const friday = '2026-11-20';

  it('accepts every form of the contract', () => {
    expect(parsePastDate('2026-11-03', friday)).toBe('2026-11-03');
    expect(parsePastDate('today', friday)).toBe(friday);
    expect(parsePastDate('yesterday', friday)).toBe('2026-11-19');
    expect(parsePastDate('3d', friday)).toBe('2026-11-17');
    expect(parsePastDate('2w', friday)).toBe('2026-11-06');
    expect(parsePastDate('0d', friday)).toBe(friday);
    expect(parsePastDate(' Today ', friday)).toBe(friday);
  });

  it('a weekday name is the most recent past one, today excluded', () => {
    expect(parsePastDate('mon', friday)).toBe('2026-11-16');
    expect(parsePastDate('monday', friday)).toBe('2026-11-16');
    expect(parsePastDate('thu', friday)).toBe('2026-11-19');
    expect(parsePastDate('fri', friday)).toBe('2026-11-13');
    expect(parsePastDate('Saturday', friday)).toBe('2026-11-14');
    expect(parsePastDate('sun', friday)).toBe('2026-11-15');
  });

  it('crosses month and year boundaries', () => {
    expect(parsePastDate('yesterday', '2026-01-01')).toBe('2025-12-31');
    expect(parsePastDate('1w', '2026-03-03')).toBe('2026-02-24');
    expect(parsePastDate('mon', '2027-01-01')).toBe('2026-12-28');
  });

  it('refuses anything else with the accepted forms', () => {
    for (const bad of [
      '2026-02-31',
      'tomorrow',
      '+3d',
      'next week',
      '',
      '3',
      '3x',
      '20261120',
      '2026/11/20',
      '-3d',
      'mon day',
    ]) {
      let err: unknown;
      try {
        parsePastDate(bad, friday);
      } catch (e) {
        err = e;
      }
      expect(err, bad).toBeInstanceOf(UsageError);
      expect((err as UsageError).hint).toMatch(/YYYY-MM-DD/);
    }
  });

  it('--as-of and --until may be ahead (tomorrow, +3d, +2w); --date and --since say "in the future" (E7)', () => {
    for (const flag of ['--as-of', '--until']) {
      expect(parsePastDate('tomorrow', friday, flag)).toBe(addDays(friday, 1));
      expect(parsePastDate('+3d', friday, flag)).toBe(addDays(friday, 3));
      expect(parsePastDate('+2W', friday, flag)).toBe(addDays(friday, 14));
      expect(() => parsePastDate('next week', friday, flag)).toThrow(/is not a date/);
    }
    for (const flag of ['--date', '--since'])
      for (const ahead of ['tomorrow', '+3d'])
        expect(() => parsePastDate(ahead, friday, flag)).toThrow(`${flag}: "${ahead}" is in the future`);
  });

  it('property: any real date in ISO form is accepted as itself; nothing it returns is impossible', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayNumber('1990-01-01'), max: dayNumber('2100-12-31') }), (n) => {
        const iso = fromDayNumber(n);
        return parsePastDate(iso, friday) === iso;
      }),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (s) => {
        try {
          return isIsoDay(parsePastDate(s, friday));
        } catch (e) {
          return e instanceof UsageError;
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('deadlines (--decide-by, --follow-up)', () => {
  const friday = '2026-11-20';

  it('accepts every form of the contract', () => {
    expect(parseDeadline('2026-12-01', friday)).toBe('2026-12-01');
    expect(parseDeadline('today', friday)).toBe(friday);
    expect(parseDeadline('tomorrow', friday)).toBe('2026-11-21');
    expect(parseDeadline('+3d', friday)).toBe('2026-11-23');
    expect(parseDeadline('+2w', friday)).toBe('2026-12-04');
  });

  it('a weekday name is the next one, today excluded', () => {
    expect(parseDeadline('fri', friday)).toBe('2026-11-27');
    expect(parseDeadline('mon', friday)).toBe('2026-11-23');
    expect(parseDeadline('saturday', friday)).toBe('2026-11-21');
  });

  it('+N and a weekday name count from the record date when one is given', () => {
    expect(parseDeadline('fri', friday, '2026-11-16')).toBe(friday); // that Monday's week's Friday
    expect(parseDeadline('mon', friday, '2026-11-16')).toBe('2026-11-23'); // that day excluded
    expect(parseDeadline('+14d', friday, '2026-11-01')).toBe('2026-11-15');
    expect(parseDeadline('+1w', friday, '2026-12-28')).toBe('2027-01-04');
  });

  it('a bare 3d (a past date) is refused', () => {
    for (const bad of ['3d', '2w', 'yesterday', '2026-02-30', '+3', '+3m', 'soon']) {
      expect(() => parseDeadline(bad, friday), bad).toThrow(UsageError);
    }
  });

  it('property: never returns an impossible date, and any other input is a usage error', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 10 }),
          fc.integer({ min: 0, max: 9999 }).map((n) => `+${n}d`),
        ),
        (s) => {
          try {
            return isIsoDay(parseDeadline(s, friday));
          } catch (e) {
            return e instanceof UsageError;
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('weeks and months', () => {
  it('the ISO week holding a day, Monday to Sunday', () => {
    expect(weekHolding('2026-11-20', 'monday')).toEqual({ start: '2026-11-16', end: '2026-11-22', label: '2026-W47' });
    expect(weekHolding('2026-11-22', 'monday')).toEqual({ start: '2026-11-16', end: '2026-11-22', label: '2026-W47' });
    expect(weekHolding('2026-11-23', 'monday').label).toBe('2026-W48');
  });

  it('2026 has 53 ISO weeks; 2027-W01 starts 2027-01-04; 2027-W53 does not exist', () => {
    expect(parseWeek('2026-W53', '2026-11-20', 'monday')).toEqual({
      start: '2026-12-28',
      end: '2027-01-03',
      label: '2026-W53',
    });
    expect(parseWeek('2027-W01', '2026-11-20', 'monday').start).toBe('2027-01-04');
    expect(() => parseWeek('2027-W53', '2026-11-20', 'monday')).toThrow(/2027 has no week 53/);
    expect(weekHolding('2027-01-02', 'monday').label).toBe('2026-W53');
  });

  it('last week across the year boundary', () => {
    expect(parseWeek('last', '2027-01-05', 'monday')).toEqual({
      start: '2026-12-28',
      end: '2027-01-03',
      label: '2026-W53',
    });
    expect(parseWeek('last', '2026-01-04', 'monday')).toEqual({
      start: '2025-12-22',
      end: '2025-12-28',
      label: '2025-W52',
    });
  });

  it('Sunday weeks run Sunday to Saturday and are labelled by their range', () => {
    expect(weekHolding('2026-11-20', 'sunday')).toEqual({
      start: '2026-11-15',
      end: '2026-11-21',
      label: '2026-11-15..2026-11-21',
    });
    expect(weekHolding('2026-11-22', 'sunday').start).toBe('2026-11-22');
    // the contract's example: 2026-W46 with Sunday weeks is the one holding its Monday 2026-11-09
    expect(parseWeek('2026-W46', '2026-11-20', 'sunday')).toEqual({
      start: '2026-11-08',
      end: '2026-11-14',
      label: '2026-11-08..2026-11-14',
    });
  });

  it('refuses a malformed week', () => {
    for (const bad of ['W46', '2026-W00', '2026-W54', 'next', '2026-46'])
      expect(() => parseWeek(bad, '2026-11-20', 'monday'), bad).toThrow(UsageError);
  });

  it('months, this and last, and their last day', () => {
    expect(parseMonth(undefined, '2026-11-20')).toEqual({ start: '2026-11-01', end: '2026-11-30', label: '2026-11' });
    expect(parseMonth('2028-02', '2026-11-20')).toEqual({ start: '2028-02-01', end: '2028-02-29', label: '2028-02' });
    expect(parseMonth('last', '2027-01-10').label).toBe('2026-12');
    expect(() => parseMonth('2026-13', '2026-11-20')).toThrow(UsageError);
  });

  it('ranges are labelled start..end and must run forwards', () => {
    expect(rangePeriod('2026-11-01', '2026-11-22').label).toBe('2026-11-01..2026-11-22');
    expect(() => rangePeriod('2026-11-22', '2026-11-01')).toThrow(UsageError);
  });

  it('the Monday of every week of a year is a Monday in that ISO year', () => {
    for (let w = 1; w <= 52; w++) {
      const monday = isoWeekMonday(2025, w);
      expect(isoWeekday(monday)).toBe(1);
      expect(isoWeekLabel(monday)).toBe(`2025-W${String(w).padStart(2, '0')}`);
    }
  });
});

describe('whole-day numbers agree with the calendar', () => {
  it('match Date.UTC for every day from 1600 to 2400 (sampled) and round-trip', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1600, 0, 1) / 86_400_000, max: Date.UTC(2400, 11, 31) / 86_400_000 }),
        (n) => {
          const iso = new Date(n * 86_400_000).toISOString().slice(0, 10);
          return dayNumber(iso) === n && fromDayNumber(n) === iso;
        },
      ),
      { numRuns: 5000 },
    );
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2000-03-01') - dayNumber('2000-02-28')).toBe(2);
    expect(dayNumber('1900-03-01') - dayNumber('1900-02-28')).toBe(1);
  });
});
