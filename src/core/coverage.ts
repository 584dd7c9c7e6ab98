// Coverage (issue 17): whom we heard from in a window of weeks. Customer conversations (direct, a
// customer or prospect present) are counted per segment (the account's), persona (of the customers
// present) and journey stage (the interview's), each with its last conversation as of --as-of; a
// segment that has accounts and no customer conversation for more than coverage.silentDays is
// `segment-silent` (actionable, also in the report). Pure: src/db/coverage.ts reads the rows.
import { daysBetween, weeksWindow, type Window } from './dates.js';
import type { Config } from './config.js';

/** A segment of accounts (those not switched off) and its latest customer conversation as of asOf. */
export interface SegmentRow {
  segment: string;
  accounts: number;
  lastHeard: string | null;
}

export { DEFAULT_WEEKS, type Window } from './dates.js';

/** The window coverage counts over: as pm opportunities' (src/core/dates.ts weeksWindow). */
export function coverageWindow(flags: { weeks?: string; since?: string }, asOf: string): Window {
  return weeksWindow(flags, asOf, 'pm coverage');
}

/** Customer conversations in the window for one segment, persona or stage (null: none set). */
export interface WindowCount {
  key: string | null;
  conversations: number;
  accounts: number;
  /** personas: the distinct customers of that persona heard */
  people?: number;
}

/** A persona or stage and its last customer conversation as of asOf (any time). */
export interface LastHeard {
  key: string;
  lastHeard: string | null;
}

export interface CoverageRows {
  /** every segment that has accounts not switched off, with its last customer conversation */
  segments: SegmentRow[];
  segmentCounts: WindowCount[];
  /** the personas of customers and prospects, each with the last customer conversation with one */
  personas: LastHeard[];
  personaCounts: WindowCount[];
  /** the stages used by customer conversations up to asOf, with the last of each */
  stagesUsed: LastHeard[];
  stageCounts: WindowCount[];
}

export interface CoverageFlag {
  kind: 'segment-silent';
  subject: string;
  message: string;
}

export interface Coverage {
  window: Window;
  asOf: string;
  silentDays: number;
  segments: {
    segment: string | null;
    conversations: number;
    /** accounts of the segment heard in the window */
    accountsHeard: number;
    /** accounts of the segment (switched-off ones left out); null for the row of accounts without one */
    accounts: number | null;
    lastHeard: string | null;
    daysSince: number | null;
    flags: 'segment-silent'[];
  }[];
  personas: {
    persona: string | null;
    conversations: number;
    people: number;
    accounts: number;
    lastHeard: string | null;
    daysSince: number | null;
  }[];
  stages: {
    stage: string | null;
    conversations: number;
    accounts: number;
    lastHeard: string | null;
    daysSince: number | null;
    /** one of journey.stages (false: used by past interviews, no longer in the setting) */
    inJourney: boolean;
  }[];
  /** the actionable flags raised (segment-silent) */
  flags: CoverageFlag[];
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const fold = (s: string) => s.toLowerCase();

/**
 * segmentsSql's @bornBefore: the first 12 hex digits (milliseconds) of a UUIDv7 made after asOf's
 * day ends (local time), so that accounts made later are left out of a report as of a past day;
 * null as of today or later (every account counts). An account made now counts as made today, the
 * day pm runs (PM_TODAY in tests and demos), so it is after any earlier asOf whatever the clock says.
 */
export function accountsBornBefore(asOf: string, today?: string): string | null {
  if (today === undefined || asOf >= today) return null;
  const [y, m, d] = asOf.split('-').map(Number);
  return new Date(y, m - 1, d + 1).getTime().toString(16).padStart(12, '0');
}

/** Is the segment silent as of asOf: never heard, or last heard more than silentDays days before? */
export function isSilent(lastHeard: string | null, asOf: string, silentDays: number): boolean {
  return lastHeard === null || daysBetween(lastHeard, asOf) > silentDays;
}

/**
 * The message of segment-silent, the same in pm coverage and the report; the report's ends with the
 * command that shows more (`see`), pm coverage's own does not point at itself (fresh-eyes E7).
 */
export function silentMessage(
  g: { segment: string; accounts: number; lastHeard: string | null },
  asOf: string,
  silentDays: number,
  who = '',
  see: string | null = 'pm coverage',
): string {
  const then = see === null ? '' : `; ${see}`;
  return g.lastHeard === null
    ? `${g.segment}: no customer conversation${who} with its ${plural(g.accounts, 'account')} yet` +
        (see === null ? '' : ` (${see})`)
    : `${g.segment}: no customer conversation${who} for ${plural(daysBetween(g.lastHeard, asOf), 'day')}, since ` +
        `${g.lastHeard} (${plural(g.accounts, 'account')}; silent after ${silentDays}${then})`;
}

/** Order by name, case-insensitively, with the row of "none set" last. */
function byName<T>(key: (t: T) => string | null): (x: T, y: T) => number {
  return (x, y) => {
    const a = key(x);
    const b = key(y);
    if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
    return fold(a) < fold(b) ? -1 : fold(a) > fold(b) ? 1 : 0;
  };
}

export function buildCoverage(
  rows: CoverageRows,
  window: Window,
  asOf: string,
  config: Config,
  stages: string[],
): Coverage {
  const silentDays = config['coverage.silentDays'];
  const since = (day: string | null) => (day === null ? null : daysBetween(day, asOf));
  const counted = (counts: WindowCount[]) => new Map(counts.map((c) => [c.key === null ? null : fold(c.key), c]));

  // segments: every one that has accounts, then the accounts without a segment when we heard them
  const segCounts = counted(rows.segmentCounts);
  const segments: Coverage['segments'] = rows.segments
    .map((g) => {
      const n = segCounts.get(fold(g.segment));
      const daysSince = g.lastHeard === null ? null : daysBetween(g.lastHeard, asOf);
      return {
        segment: g.segment,
        conversations: n?.conversations ?? 0,
        accountsHeard: n?.accounts ?? 0,
        accounts: g.accounts,
        lastHeard: g.lastHeard,
        daysSince,
        flags: isSilent(g.lastHeard, asOf, silentDays) ? ['segment-silent' as const] : [],
      };
    })
    .sort(byName((g) => g.segment));
  const known = new Set(rows.segments.map((g) => fold(g.segment)));
  // conversations with accounts whose segment has only switched-off accounts, or none at all
  for (const c of rows.segmentCounts)
    if (c.key === null || !known.has(fold(c.key)))
      segments.push({
        segment: c.key,
        conversations: c.conversations,
        accountsHeard: c.accounts,
        accounts: null,
        lastHeard: null,
        daysSince: null,
        flags: [],
      });

  // personas: every one in use, then the customers without one when we heard them
  const personaCounts = counted(rows.personaCounts);
  const personas: Coverage['personas'] = rows.personas
    .map((p) => {
      const n = personaCounts.get(fold(p.key));
      return {
        persona: p.key,
        conversations: n?.conversations ?? 0,
        people: n?.people ?? 0,
        accounts: n?.accounts ?? 0,
        lastHeard: p.lastHeard,
        daysSince: since(p.lastHeard),
      };
    })
    .sort(byName((p) => p.persona));
  const none = personaCounts.get(null);
  if (none)
    personas.push({
      persona: null,
      conversations: none.conversations,
      people: none.people ?? 0,
      accounts: none.accounts,
      lastHeard: null,
      daysSince: null,
    });

  // stages: the journey's, in its order, then stages past interviews used that it no longer names
  const stageCounts = counted(rows.stageCounts);
  const last = new Map(rows.stagesUsed.map((s) => [fold(s.key), s.lastHeard]));
  const inJourney = new Set(stages.map(fold));
  const stageRow = (stage: string, journey: boolean): Coverage['stages'][number] => {
    const n = stageCounts.get(fold(stage));
    const lastHeard = last.get(fold(stage)) ?? null;
    return {
      stage,
      conversations: n?.conversations ?? 0,
      accounts: n?.accounts ?? 0,
      lastHeard,
      daysSince: since(lastHeard),
      inJourney: journey,
    };
  };
  const stageRows = stages.map((s) => stageRow(s, true));
  for (const s of [...rows.stagesUsed].sort(byName((x) => x.key)))
    if (!inJourney.has(fold(s.key))) stageRows.push(stageRow(s.key, false));
  const unstaged = stageCounts.get(null);
  if (unstaged)
    stageRows.push({
      stage: null,
      conversations: unstaged.conversations,
      accounts: unstaged.accounts,
      lastHeard: null,
      daysSince: null,
      inJourney: false,
    });

  const flags: CoverageFlag[] = segments
    .filter((g) => g.flags.length > 0)
    .map((g) => ({
      kind: 'segment-silent' as const,
      subject: g.segment!,
      message: silentMessage(
        { segment: g.segment!, accounts: g.accounts ?? 0, lastHeard: g.lastHeard },
        asOf,
        silentDays,
        '',
        null,
      ),
    }));
  return { window, asOf, silentDays, segments, personas, stages: stageRows, flags };
}
