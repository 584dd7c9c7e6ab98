// Cadence and standing: how long ago an account (or a customer contact) last had a direct customer
// conversation, its cadence, and whether it is going cold. "Going cold" itself is decided in SQL,
// once, by src/db/standing.ts, for `pm accounts`, `pm contacts`, `pm show` and the report alike:
// the report reads only the accounts going cold, so the rule has to live where the rows are read.
import { daysBetween } from './dates.js';

/** An account's or contact's standing as src/db/standing.ts reads it. */
export interface StandingRow {
  /** the last direct customer contact on or before the day asked about */
  lastDirect: string | null;
  /** the cadence in days, 0 when off; null for a contact who is no customer (no cadence) */
  cadence: number | null;
  /** 1 when going cold */
  overdue: number;
}

export interface Standing {
  lastDirect: string | null;
  daysSince: number | null;
  cadence: number | 'off' | null;
  overdue: boolean;
}

/** Days since the last direct contact, the cadence ('off' for 0) and whether it is going cold. */
export function standing(row: StandingRow, asOf: string): Standing {
  return {
    lastDirect: row.lastDirect,
    daysSince: row.lastDirect === null ? null : daysBetween(row.lastDirect, asOf),
    cadence: row.cadence === 0 ? 'off' : row.cadence,
    overdue: row.overdue === 1,
  };
}

/** Most overdue first: by days past the cadence; never contacted or off at the end; then by name. */
export function byMostOverdue<T extends Standing & { name: string }>(items: T[]): T[] {
  // each item's lateness and lowercased name made once, not at each of the sort's ~14 comparisons an
  // item (pm contacts sorts 12,000; test/unit/cadence-sort.test.ts compares it with the plain sort).
  // Plain comparison: the first localeCompare loads ICU collation (~10 ms)
  const keyed = items.map((item) => ({
    item,
    late: item.daysSince === null || typeof item.cadence !== 'number' ? -Infinity : item.daysSince - item.cadence,
    name: item.name.toLowerCase(),
  }));
  keyed.sort((a, b) => b.late - a.late || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return keyed.map((k) => k.item);
}
