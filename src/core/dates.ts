// Calendar days, as the contract defines them: 'YYYY-MM-DD' strings in the user's local time zone.
// Arithmetic is done on whole-day numbers (days since 1970-01-01 of that calendar date), which
// cannot be shifted by daylight-saving changes; ISO weeks are numbered the same way (checked
// against date-fns by the unit tests), and date-fns says how many weeks a year has.
import { getISOWeeksInYear } from 'date-fns/getISOWeeksInYear';
import { UsageError } from '../errors.js';

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The years a date may fall in. Wide enough for any journal, narrow enough that a slip of the
 * finger (0226, 20260) is an error, and that the arithmetic around a date (a week's end, the
 * report's eight weeks back, +99999d) keeps four-digit years that sort as text: year 0000 used to
 * give a week labelled 00-1-W52, and JavaScript's Date reads years 0–99 as 1900–1999.
 */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2999;
const YEARS = `${FIRST_YEAR}–${LAST_YEAR}`;

export const PAST_FORMS = 'YYYY-MM-DD, today, yesterday, a weekday (mon, monday: the last one), 3d, 2w';
export const DEADLINE_FORMS = 'YYYY-MM-DD, today, tomorrow, a weekday (fri: the next one), +3d, +2w';

/** Today's calendar date in the local time zone (TZ). */
export function today(now: Date = new Date()): string {
  return `${String(now.getFullYear()).padStart(4, '0')}-${pad2(now.getMonth() + 1)}-${pad2(now.getDate())}`;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Is this a real calendar date written as YYYY-MM-DD, in the years pm accepts? (2026-02-31 is not.) */
export function isIsoDay(s: string): boolean {
  const m = ISO_DAY.exec(s);
  if (!m) return false;
  const y = +m[1],
    mo = +m[2],
    d = +m[3];
  if (y < FIRST_YEAR || y > LAST_YEAR || mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

function daysInMonth(y: number, month: number): number {
  return new Date(Date.UTC(y, month, 0)).getUTCDate();
}

/**
 * Whole-day number of a calendar date: 1970-01-01 is 0. Pure integer arithmetic (the days-from-civil
 * algorithm), no Date objects: the report calls this thousands of times.
 */
export function dayNumber(iso: string): number {
  // remembered: the report compares the same few days (--as-of above all) thousands of times, and
  // the arithmetic allocates a number for every division while the code is still cold
  let n = known.get(iso);
  if (n === undefined) {
    if (known.size > 10_000) known.clear();
    n = daysFromCivil(iso);
    known.set(iso, n);
  }
  return n;
}

const known = new Map<string, number>();

function daysFromCivil(iso: string): number {
  // the digits read in place, without slicing the string
  let y = digit(iso, 0) * 1000 + digit(iso, 1) * 100 + digit(iso, 2) * 10 + digit(iso, 3);
  const m = digit(iso, 5) * 10 + digit(iso, 6),
    d = digit(iso, 8) * 10 + digit(iso, 9);
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const digit = (s: string, at: number): number => s.charCodeAt(at) - 48;

/**
 * The calendar date of a whole-day number (civil-from-days). From the year 1 (every date pm writes),
 * each quotient is taken as (a - a % b) / b, exact, and the text made by one String.fromCharCode:
 * in cold code each Math.floor of a fraction and each piece of a template made a young object, ~280
 * bytes a date, and a report makes its 52 weeks' days at every start (~30 KB).
 */
export function fromDayNumber(n: number): string {
  const z = n + 719468;
  if (z < 146097) return fromDayNumberAnyYear(n);
  const doe = z % 146097;
  const era = (z - doe) / 146097;
  const t = doe - (doe - (doe % 1460)) / 1460 + (doe - (doe % 36524)) / 36524 - (doe - (doe % 146096)) / 146096;
  const yoe = (t - (t % 365)) / 365;
  const doy = doe - (365 * yoe + (yoe - (yoe % 4)) / 4 - (yoe - (yoe % 100)) / 100);
  const p = 5 * doy + 2;
  const mp = (p - (p % 153)) / 153;
  const q = 153 * mp + 2;
  const d = doy - (q - (q % 5)) / 5 + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  if (y > 9999) return fromDayNumberAnyYear(n);
  const y3 = y % 10;
  const y2 = ((y - y3) / 10) % 10;
  const y1 = ((y - y3 - 10 * y2) / 100) % 10;
  const y0 = (y - y3 - 10 * y2 - 100 * y1) / 1000;
  const m1 = m % 10;
  const d1 = d % 10;
  return String.fromCharCode(
    48 + y0,
    48 + y1,
    48 + y2,
    48 + y3,
    45,
    48 + (m - m1) / 10,
    48 + m1,
    45,
    48 + (d - d1) / 10,
    48 + d1,
  );
}

/** fromDayNumber for any day: before the year 1 or after 9999 too. */
function fromDayNumberAnyYear(n: number): string {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

export function addDays(iso: string, days: number): string {
  return fromDayNumber(dayNumber(iso) + days);
}

/** Days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/**
 * A conversation's day more than a year before today, or a follow-up more than a year after it: taken
 * (a call is back-filled, a renewal is a year out), but said, since a year typed wrong files the call
 * where no week, report or coverage window shows it (fresh-eyes wave 11 E11: `--date 2016-12-01`).
 */
export function farDateWarnings(date: string, followUp: string | null, todayIso: string, id: string): string[] {
  // whole calendar years from one day to the other ("10 years" from 2016-11-20 to 2026-11-20)
  const years = (from: string, to: string) => {
    const n = Number(to.slice(0, 4)) - Number(from.slice(0, 4)) - (to.slice(5) < from.slice(5) ? 1 : 0);
    return n < 2 ? 'more than a year' : `${n} years`;
  };
  const warnings: string[] = [];
  if (daysBetween(date, todayIso) > 365)
    warnings.push(
      `${id} is dated ${date}, ${years(date, todayIso)} ago; if that is a typo: pm edit ${id} --date YYYY-MM-DD`,
    );
  if (followUp !== null && daysBetween(date, followUp) > 365)
    warnings.push(
      `${id}'s follow-up is ${followUp}, ${years(date, followUp)} after the conversation; if that is a typo: ` +
        `pm edit ${id} --follow-up YYYY-MM-DD`,
    );
  return warnings;
}

/** ISO weekday: Monday 1 … Sunday 7. */
export function isoWeekday(iso: string): number {
  // 1970-01-01 was a Thursday (ISO 4)
  return ((((dayNumber(iso) + 3) % 7) + 7) % 7) + 1;
}

// a Map, not an object literal: a typed word must never find Object.prototype's keys (`--date constructor`)
const WEEKDAYS = new Map<string, number>([
  ['mon', 1],
  ['monday', 1],
  ['tue', 2],
  ['tues', 2],
  ['tuesday', 2],
  ['wed', 3],
  ['wednesday', 3],
  ['thu', 4],
  ['thur', 4],
  ['thurs', 4],
  ['thursday', 4],
  ['fri', 5],
  ['friday', 5],
  ['sat', 6],
  ['saturday', 6],
  ['sun', 7],
  ['sunday', 7],
]);

/** The flags of parsePastDate that may name a day after today. */
const MAY_BE_AHEAD = new Set(['--as-of', '--until']);

/**
 * A date that something happened on (--date, --since, --as-of): YYYY-MM-DD, today, yesterday,
 * a weekday name (the most recent past one, today excluded), Nd or Nw ago. --as-of and --until may
 * be in the future, so they take tomorrow, +Nd and +Nw too (`pm report --as-of tomorrow` said "not a
 * date": fresh-eyes E7); elsewhere those forms are refused as the future, not as "not a date".
 */
export function parsePastDate(input: string, todayIso: string, flag = '--date'): string {
  const s = input.trim().toLowerCase();
  if (isIsoDay(s)) return s;
  if (s === 'today') return todayIso;
  if (s === 'yesterday') return addDays(todayIso, -1);
  const ahead = s === 'tomorrow' ? ['+1d', '1', 'd'] : /^\+(\d{1,5})([dw])$/.exec(s);
  if (ahead) {
    if (!MAY_BE_AHEAD.has(flag))
      throw new UsageError(said(flag, `${shownInput(input)} is in the future`), `accepted: ${PAST_FORMS}`);
    return inYears(addDays(todayIso, Number(ahead[1]) * (ahead[2] === 'w' ? 7 : 1)), input, flag);
  }
  const wd = WEEKDAYS.get(s);
  if (wd !== undefined) {
    const back = (isoWeekday(todayIso) - wd + 7) % 7 || 7;
    return addDays(todayIso, -back);
  }
  const rel = /^(\d{1,5})([dw])$/.exec(s);
  if (rel) return inYears(addDays(todayIso, -Number(rel[1]) * (rel[2] === 'w' ? 7 : 1)), input, flag);
  throw badDate(input, flag, MAY_BE_AHEAD.has(flag) ? `${PAST_FORMS}; ahead: tomorrow, +3d, +2w` : PAST_FORMS);
}

/**
 * A deadline (--decide-by, --follow-up): YYYY-MM-DD, today, tomorrow, a weekday name (the next
 * one after `base`, that day excluded) and +Nd / +Nw counted from `base` (the record's --date, else
 * today): a call backfilled from Monday with "fri" means that week's Friday, as "+4d" does.
 */
export function parseDeadline(input: string, todayIso: string, base: string = todayIso, flag = '--follow-up'): string {
  const s = input.trim().toLowerCase();
  if (isIsoDay(s)) return s;
  if (s === 'today') return todayIso;
  if (s === 'tomorrow') return addDays(todayIso, 1);
  const wd = WEEKDAYS.get(s);
  if (wd !== undefined) {
    const ahead = (wd - isoWeekday(base) + 7) % 7 || 7;
    return addDays(base, ahead);
  }
  const rel = /^\+(\d{1,5})([dw])$/.exec(s);
  if (rel) return inYears(addDays(base, Number(rel[1]) * (rel[2] === 'w' ? 7 : 1)), input, flag);
  // a day gone by, typed as `--date` takes one: a date all the same, but a deadline is a day to come
  if (s === 'yesterday' || /^-\d{1,5}[dw]$/.test(s))
    throw new UsageError(
      said(flag, `${shownInput(input)} is in the past: a deadline is a day to come`),
      `accepted: ${DEADLINE_FORMS}`,
    );
  // "2w" at a deadline can only mean two weeks from now (fresh-eyes wave 17 H20)
  const ahead = /^(\d{1,5})([dw])$/.exec(s);
  if (ahead)
    throw new UsageError(
      said(flag, `${shownInput(input)} is not a date`),
      `did you mean +${ahead[1]}${ahead[2]}? accepted: ${DEADLINE_FORMS}`,
    );
  throw badDate(input, flag, DEADLINE_FORMS);
}

const shownInput = (input: string) => JSON.stringify(input.length > 40 ? input.slice(0, 40) + '…' : input);

/** A date counted from today (3d, +2w) must still fall in the years pm accepts. */
// a prompt's answer (flag '') is named by no flag: the user typed none (fresh-eyes wave 8 E22)
const said = (flag: string, message: string) => (flag ? `${flag}: ${message}` : message);

function inYears(iso: string, input: string, flag: string): string {
  const y = +iso.slice(0, 4);
  if (iso.length === 10 && y >= FIRST_YEAR && y <= LAST_YEAR) return iso;
  throw new UsageError(said(flag, `${shownInput(input)} falls outside the years ${YEARS}`));
}

function badDate(input: string, flag: string, forms: string): UsageError {
  const m = ISO_DAY.exec(input.trim());
  if (m && (+m[1] < FIRST_YEAR || +m[1] > LAST_YEAR))
    return new UsageError(said(flag, `${shownInput(input)} is outside the years ${YEARS}`), `accepted: ${forms}`);
  // a day or month without its zero ("2026-12-3", as calendars export it): the day it must mean
  const short = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(input.trim());
  const padded = short ? `${short[1]}-${short[2].padStart(2, '0')}-${short[3].padStart(2, '0')}` : '';
  if (short && isIsoDay(padded))
    return new UsageError(
      said(flag, `${shownInput(input)} is not a date`),
      `did you mean ${padded}? accepted: ${forms}`,
    );
  return new UsageError(said(flag, `${shownInput(input)} is not a date`), `accepted: ${forms}`);
}

/**
 * PM_TODAY, when set: a date pm accepts, or a usage error (a typo there would silently date every
 * record today). Unset or empty: undefined.
 */
export function pinnedToday(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (isIsoDay(value)) return value;
  const m = ISO_DAY.exec(value);
  const why = m && (+m[1] < FIRST_YEAR || +m[1] > LAST_YEAR) ? `is outside the years ${YEARS}` : 'is not a date';
  throw new UsageError(`PM_TODAY=${shownInput(value)} ${why}`, 'write it as YYYY-MM-DD, or unset it for today');
}

export type WeekStart = 'monday' | 'sunday';

export interface Period {
  start: string;
  end: string;
  label: string;
}

/**
 * The ISO week label (2026-W47) of a day: the week belongs to the year of its Thursday, and is
 * numbered from that year's first Thursday. Arithmetic on day numbers, not date-fns' getISOWeek:
 * the report labels 52 weeks at every run, and date-fns' Date objects cost ~25 µs a week there
 * (the unit test checks this against date-fns on every day of several centuries).
 */
export function isoWeekLabel(iso: string): string {
  const day = dayNumber(iso);
  const thursday = day + 4 - isoWeekday(iso);
  const year = fromDayNumber(thursday).slice(0, 4);
  const week = Math.floor((thursday - dayNumber(`${year}-01-01`)) / 7) + 1;
  return `${year}-W${pad2(week)}`;
}

/** Monday of ISO week `week` of ISO year `year`; a week the year does not have is a usage error. */
export function isoWeekMonday(year: number, week: number, flag = '--week'): string {
  if (year < FIRST_YEAR || year > LAST_YEAR)
    throw new UsageError(
      `${flag}: ${String(year).padStart(4, '0')} is outside the years ${YEARS}`,
      'write a week as 2026-W47, or this, or last',
    );
  const weeks = getISOWeeksInYear(new Date(year, 5, 1, 12));
  if (week < 1 || week > weeks)
    throw new UsageError(
      `${flag}: ${year} has no week ${week} (it has ${weeks})`,
      'write a week as 2026-W47, or this, or last',
    );
  // 4 January is always in week 1
  const jan4 = `${String(year).padStart(4, '0')}-01-04`;
  const monday1 = addDays(jan4, 1 - isoWeekday(jan4));
  return addDays(monday1, (week - 1) * 7);
}

/** The week (Monday–Sunday, or Sunday–Saturday) that holds `iso`. */
export function weekHolding(iso: string, weekStart: WeekStart): Period {
  if (weekStart === 'sunday') {
    const start = addDays(iso, -(isoWeekday(iso) % 7));
    const end = addDays(start, 6);
    return { start, end, label: `${start}..${end}` };
  }
  const start = addDays(iso, 1 - isoWeekday(iso));
  return { start, end: addDays(start, 6), label: isoWeekLabel(start) };
}

/**
 * A --week value: undefined/true/'this' (the week holding asOf), 'last', or '2026-W46'.
 * With Sunday weeks, 2026-W46 means the Sunday-to-Saturday week that holds its Monday.
 */
export function parseWeek(value: string | boolean | undefined, asOf: string, weekStart: WeekStart): Period {
  const s = typeof value === 'string' ? value.trim().toLowerCase() : 'this';
  if (s === 'this' || s === '') return weekHolding(asOf, weekStart);
  if (s === 'last') return weekHolding(addDays(asOf, -7), weekStart);
  const m = /^(\d{4})-?w(\d{1,2})$/.exec(s);
  // a week without its year (W49, 49) is most likely the latest week of that number that has begun
  const bare = /^w?(\d{1,2})$/.exec(s);
  const guess = bare ? latestWeek(+bare[1], asOf) : null;
  if (!m)
    throw new UsageError(
      `--week: ${JSON.stringify(value)} is not a week`,
      `${guess ? `did you mean ${guess}? ` : ''}write a week as 2026-W47, or last (omit it for this week)`,
    );
  return weekHolding(isoWeekMonday(+m[1], +m[2]), weekStart);
}

/**
 * The label of the latest ISO week numbered `week` whose Monday is on or before `asOf`, in asOf's
 * week-year or the one before (on 2027-01-01, still 2026-W53, W53 and W52 are 2026's, not 2027's:
 * fresh-eyes wave 17 H1); null for a number no week has.
 */
function latestWeek(week: number, asOf: string): string | null {
  const year = +isoWeekLabel(asOf).slice(0, 4);
  for (const y of [year, year - 1]) {
    if (y < FIRST_YEAR || week < 1 || week > getISOWeeksInYear(new Date(y, 5, 1, 12))) continue;
    if (isoWeekMonday(y, week) <= asOf) return `${String(y).padStart(4, '0')}-W${pad2(week)}`;
  }
  return null;
}

/** A --month value: undefined/true (the month holding asOf) or 'YYYY-MM'. */
export function parseMonth(value: string | boolean | undefined, asOf: string): Period {
  let y: number, mo: number;
  if (typeof value !== 'string' || value.trim() === '' || value === 'this') {
    y = +asOf.slice(0, 4);
    mo = +asOf.slice(5, 7);
  } else if (value === 'last') {
    y = +asOf.slice(0, 4);
    mo = +asOf.slice(5, 7) - 1;
    if (mo === 0) {
      mo = 12;
      y -= 1;
    }
  } else {
    const m = /^(\d{4})-(\d{2})$/.exec(value.trim());
    if (!m || +m[2] < 1 || +m[2] > 12)
      throw new UsageError(
        `--month: ${JSON.stringify(value)} is not a month`,
        'write a month as 2026-11, or last (omit it for this month)',
      );
    y = +m[1];
    mo = +m[2];
    if (y < FIRST_YEAR || y > LAST_YEAR)
      throw new UsageError(
        `--month: ${JSON.stringify(value)} is outside the years ${YEARS}`,
        'write a month as 2026-11',
      );
  }
  const label = `${String(y).padStart(4, '0')}-${pad2(mo)}`;
  return { start: `${label}-01`, end: `${label}-${pad2(daysInMonth(y, mo))}`, label };
}

/** --since/--until: a free range, labelled start..end. */
export function rangePeriod(since: string, until: string): Period {
  if (since > until) throw new UsageError(`--since ${since} is after --until ${until}`);
  return { start: since, end: until, label: `${since}..${until}` };
}

/** A window of days up to --as-of: what `pm opportunities` and `pm coverage` gather over. */
export interface Window {
  start: string;
  end: string;
  /** the number of weeks of a --weeks window; null for --since */
  weeks: number | null;
}

export const DEFAULT_WEEKS = 12;

/**
 * The `--weeks N` weeks (default 12) that end on `--as-of`, that day included (7 × N days), or from
 * `--since DATE` to `--as-of`. `command` names the command in hints ("pm coverage").
 */
export function weeksWindow(flags: { weeks?: string; since?: string }, asOf: string, command: string): Window {
  if (flags.weeks !== undefined && flags.since !== undefined)
    throw new UsageError('give --weeks or --since, not both', `try: ${command} --weeks 4`);
  if (flags.since !== undefined) {
    const start = parsePastDate(flags.since, asOf, '--since');
    // the window ends at --as-of, else today: name that day, not a flag the user may not have typed (wave 17 H20)
    if (start > asOf)
      throw new UsageError(
        `--since ${start} is after ${asOf}, the day the window ends (--as-of, else today)`,
        `try: ${command} --since 8w`,
      );
    return { start, end: asOf, weeks: null };
  }
  const raw = (flags.weeks ?? String(DEFAULT_WEEKS)).trim();
  if (!/^\d{1,4}$/.test(raw) || Number(raw) < 1)
    throw new UsageError(`--weeks must be a whole number of weeks (1 or more), not ${JSON.stringify(flags.weeks)}`);
  const weeks = Number(raw);
  return { start: addDays(asOf, 1 - 7 * weeks), end: asOf, weeks };
}
