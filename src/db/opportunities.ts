// Opportunities: the pains of a window as rows (src/core/opportunities.ts groups and ranks them),
// the names the user gave groups of pains (merges, renames) and the hypotheses made for them.
import type { DB } from './journal.js';
import { PAIN_KEY, withPainKey } from './pain-key.js';
import { outcomeAfter } from './hypothesis-stats.js';
import type { HypothesisStatus } from '../core/hypotheses.js';
import {
  opportunityNames,
  resolveOpportunity,
  textsSharingOpportunity,
  type NamedOpportunity,
  type OpportunityHypothesis,
  type PainRow,
  type PainText,
  type PainTextCount,
  type PainTextRow,
  type PainTextTally,
  type Spelling,
  type Window,
} from '../core/opportunities.js';
import { painKey, SEVERITIES, SEVERITY_WEIGHT, type Severity } from '../core/pains.js';
import { closest } from '../core/text.js';

/**
 * The pains raised in the window's customer conversations and signals (a meeting among colleagues
 * is no market: stakeholder meetings are left out), optionally only those held by `by`, each with
 * the customers and prospects present and the journey stage of a customer conversation. The
 * window's interviews, their kind, account and stage come from the index on (date, kind,
 * account_id, stage) alone (migration 0014): their rows, notes and all, are never read. The rows
 * come as one JSON text made by SQLite: on the bench journal's 12 weeks (5,863 pains) one
 * JSON.parse took ~11 ms where better-sqlite3 building the same rows a value at a time took ~50 ms
 * and four more garbage collections (reading who was present, and the segments, in queries of
 * their own and putting them together here took ~5 ms more than the one statement).
 */
export function painRows(
  db: DB,
  w: Pick<Window, 'start' | 'end'>,
  by: string | null = null,
  texts: string[] | null = null,
): PainRow[] {
  const FROM = by === null ? 'interviews i INDEXED BY interviews_by_date_kind_account' : 'interviews i';
  // `texts`: only the pains written so (the report reads only the opportunities it may list)
  const BY =
    (by === null ? '' : 'AND i.by = @by COLLATE NOCASE') +
    (texts === null ? '' : ' AND p.text IN (SELECT value FROM json_each(@texts))');
  const params = {
    start: w.start,
    end: w.end,
    ...(by === null ? {} : { by }),
    ...(texts === null ? {} : { texts: JSON.stringify(texts) }),
  };
  const json = db
    .prepare(`
SELECT json_group_array(json_array(i.id, i.date, i.kind, i.account_id, a.segment, p.text, p.severity,
  CASE WHEN i.kind = 'customer' THEN i.stage END,
  CASE WHEN i.kind = 'customer' THEN json((SELECT json_group_array(json_array(c.id, c.segment))
    FROM interview_contacts ic CROSS JOIN contacts c ON c.id = ic.contact_id
    WHERE ic.interview_id = i.id AND c.role IN ('customer', 'prospect'))) END))
FROM ${FROM} CROSS JOIN pains p ON p.interview_id = i.id LEFT JOIN accounts a ON a.id = i.account_id
WHERE i.date BETWEEN @start AND @end AND i.kind IN ('customer', 'indirect') ${BY}`)
    .pluck()
    .get(params) as string;
  const none: [number, string | null][] = [];
  // indexed, not destructured: in a fresh process this runs before the JIT has warmed to it, and
  // destructuring an array goes through its iterator (~3 ms more for the 100k journal's 12 weeks)
  return (
    JSON.parse(json) as [
      number,
      string,
      'customer' | 'indirect',
      number | null,
      string | null,
      string,
      Severity,
      string | null,
      [number, string | null][] | null,
    ][]
  ).map((r) => ({
    interviewId: r[0],
    date: r[1],
    kind: r[2],
    accountId: r[3],
    accountSegment: r[4],
    stage: r[7],
    text: r[5],
    severity: r[6],
    customers: r[8] ?? none,
  }));
}

/**
 * The window's pains as painRows reads them, gathered by SQLite a row a text (rankPainTexts ranks
 * them): on the 100k journal's 12 weeks 200 rows instead of ~5,800, so that JavaScript parses and
 * groups little in a process that runs it once. The customers present come from a statement of
 * their own, grouped likewise (joined into the first, each pain's row would repeat for each of
 * them); each is a contact's row id × 4 + the severity's rank, one number instead of a pair.
 */
export function painTextRowsSimple(db: DB, w: Pick<Window, 'start' | 'end'>, by: string | null = null): PainTextRow[] {
  const FROM = by === null ? 'interviews i INDEXED BY interviews_by_date_kind_account' : 'interviews i';
  const BY = by === null ? '' : 'AND i.by = @by COLLATE NOCASE';
  const params = by === null ? { start: w.start, end: w.end } : { start: w.start, end: w.end, by };
  const texts = db
    .prepare(`
SELECT p.text, count(*), min(i.date), max(i.date),
  json_group_array(i.id) FILTER (WHERE i.kind = 'indirect'),
  json_group_array(i.account_id) FILTER (WHERE i.kind = 'customer' AND i.account_id IS NOT NULL),
  json_group_array(DISTINCT i.stage) FILTER (WHERE i.kind = 'customer' AND i.stage <> ''),
  json_group_array(DISTINCT a.segment) FILTER (WHERE i.kind = 'customer' AND a.segment <> '')
FROM ${FROM} CROSS JOIN pains p ON p.interview_id = i.id LEFT JOIN accounts a ON a.id = i.account_id
WHERE i.date BETWEEN @start AND @end AND i.kind IN ('customer', 'indirect') ${BY}
GROUP BY p.text`)
    .raw()
    .all(params) as [string, number, string, string, string, string, string, string][];
  const customers = db
    .prepare(`
SELECT p.text,
  json_group_array(c.id * 4 + CASE p.severity WHEN 'low' THEN 0 WHEN 'medium' THEN 1 WHEN 'high' THEN 2 ELSE 3 END),
  json_group_array(DISTINCT c.segment) FILTER (WHERE c.segment <> '')
FROM ${FROM} CROSS JOIN pains p ON p.interview_id = i.id
  CROSS JOIN interview_contacts ic ON ic.interview_id = i.id CROSS JOIN contacts c ON c.id = ic.contact_id
WHERE i.date BETWEEN @start AND @end AND i.kind = 'customer' AND c.role IN ('customer', 'prospect') ${BY}
GROUP BY p.text`)
    .raw()
    .all(params) as [string, string, string][];
  const present = new Map<string, [string, string]>();
  for (let k = 0; k < customers.length; k++) present.set(customers[k][0], [customers[k][1], customers[k][2]]);
  const out: PainTextRow[] = [];
  for (let k = 0; k < texts.length; k++) {
    const t = texts[k];
    const c = present.get(t[0]);
    const segments = JSON.parse(t[7]) as string[];
    out.push({
      text: t[0],
      pains: t[1],
      firstHeard: t[2],
      lastHeard: t[3],
      signals: JSON.parse(t[4]) as number[],
      accounts: JSON.parse(t[5]) as number[],
      stages: JSON.parse(t[6]) as string[],
      segments: c === undefined ? segments : segments.concat(JSON.parse(c[1]) as string[]),
      customers: c === undefined ? [] : (JSON.parse(c[0]) as number[]),
    });
  }
  return out;
}

/**
 * painTextRowsSimple's rows from the facts migration 0027 keeps (pain_hearings): the window is one
 * range of its index by date, grouped by text in one statement (harsh 100k, 12 weeks: ~11,000 rows,
 * ~8 ms of CPU in a fresh process where the two statements over pains, accounts, interview_contacts
 * and contacts took ~17). It holds no interviewer: `by` reads the pains themselves.
 * test/unit/opportunity-fast-paths.test.ts holds the two equal on both bench shapes.
 */
export function painTextRows(
  db: DB,
  w: Pick<Window, 'start' | 'end'>,
  by: string | null = null,
  texts: string[] | null = null,
): PainTextRow[] {
  if (by !== null) return painTextRowsSimple(db, w, by);
  // `texts`: only the pains written so (painTextTallies reads the few sharing an opportunity so)
  const ONLY = texts === null ? '' : 'AND text IN (SELECT value FROM json_each(@texts))';
  const params =
    texts === null ? { start: w.start, end: w.end } : { start: w.start, end: w.end, texts: JSON.stringify(texts) };
  const rows = db
    .prepare(`
SELECT text, count(*) FILTER (WHERE contact_id = 0), min(date), max(date),
  json_group_array(DISTINCT interview_id) FILTER (WHERE contact_id = 0 AND kind = 'indirect'),
  json_group_array(DISTINCT account_id) FILTER (WHERE contact_id = 0 AND account_id IS NOT NULL),
  json_group_array(DISTINCT stage) FILTER (WHERE stage IS NOT NULL),
  json_group_array(DISTINCT segment) FILTER (WHERE segment IS NOT NULL),
  json_group_array(contact_id * 4 + rank) FILTER (WHERE contact_id <> 0)
FROM pain_hearings WHERE date BETWEEN @start AND @end ${ONLY}
GROUP BY text`)
    .raw()
    .all(params) as [string, number, string, string, string, string, string, string, string][];
  const out: PainTextRow[] = [];
  for (let k = 0; k < rows.length; k++) {
    const t = rows[k];
    out.push({
      text: t[0],
      pains: t[1],
      firstHeard: t[2],
      lastHeard: t[3],
      signals: JSON.parse(t[4]) as number[],
      accounts: JSON.parse(t[5]) as number[],
      stages: JSON.parse(t[6]) as string[],
      segments: JSON.parse(t[7]) as string[],
      customers: JSON.parse(t[8]) as number[],
    });
  }
  return out;
}

// text, pains, first and last day, signals, accounts, stages, segments, customers at low or more … at blocker
type Tally<Labels> = [string, number, string, string, number, number, Labels, Labels, number, number, number, number];
type TallyRow = Tally<string[]>;

/** A tally row as rankPainTexts takes it. */
export function tallyOf(t: TallyRow): PainTextTally {
  return {
    text: t[0],
    pains: t[1],
    firstHeard: t[2],
    lastHeard: t[3],
    signalCount: t[4],
    accountCount: t[5],
    stages: t[6],
    segments: t[7],
    severity: { low: t[8] - t[9], medium: t[9] - t[10], high: t[10] - t[11], blocker: t[11] },
  };
}

/**
 * A text's customers in the window (pain_hearings' rows with a contact), then those who gave it at
 * least medium, high and blocker (rank >= 1, 2, 3): four distinct counts, as painTextTallies and
 * the report's best five (painTextSums, src/db/report.ts) both read them.
 */
export const CUSTOMERS_BY_SEVERITY = `count(DISTINCT contact_id) FILTER (WHERE contact_id <> 0),
  count(DISTINCT contact_id) FILTER (WHERE contact_id <> 0 AND rank >= 1),
  count(DISTINCT contact_id) FILTER (WHERE contact_id <> 0 AND rank >= 2),
  count(DISTINCT contact_id) FILTER (WHERE contact_id <> 0 AND rank >= 3)`;

/**
 * painTextRows' rows with the counting done by SQLite where JavaScript needs only the counts: a text
 * that alone makes its opportunity (most: no merge, alias or other spelling shares it) comes as a
 * tally (its distinct signals, accounts, and customers by the highest severity each gave it: those
 * who gave it a blocker, then at least high, medium, low, four distinct counts); the few that share
 * one come as painTextRows makes them, to be merged id by id. Harsh 100k, 12 weeks, in a fresh
 * process: the statement costs about what painTextRows' does (~11 ms against ~10), and the ~5,300
 * customer codes and ~4,800 account ids painTextRows hands over, parsed and put into Maps and Sets by
 * code the JIT has not warmed to, are gone (pm opportunities and pm tree ~0.85× the CPU).
 * test/unit/opportunity-fast-paths.test.ts holds rankPainTexts of the two equal on both bench shapes,
 * merges and other spellings included.
 */
export function painTextTallies(
  db: DB,
  w: Pick<Window, 'start' | 'end'>,
  named: NamedOpportunity[],
  by: string | null = null,
): (PainTextRow | PainTextTally)[] {
  if (by !== null) return painTextRowsSimple(db, w, by);
  const rows = tallyRowsSince(db, w) ?? tallyRows(db, w);
  const shared = textsSharingOpportunity(
    rows.map((r) => r[0]),
    named,
  );
  const whole = shared.size === 0 ? [] : painTextRows(db, w, null, [...shared]);
  const out: (PainTextRow | PainTextTally)[] = whole;
  for (let k = 0; k < rows.length; k++) if (!shared.has(rows[k][0])) out.push(tallyOf(rows[k]));
  return out;
}

/** The window's tallies counted from its hearings (pain_hearings, 0027): any window. */
export function tallyRows(db: DB, w: Pick<Window, 'start' | 'end'>): TallyRow[] {
  const rows = db
    .prepare(`
SELECT text, count(*) FILTER (WHERE contact_id = 0), min(date), max(date),
  count(DISTINCT interview_id) FILTER (WHERE contact_id = 0 AND kind = 'indirect'),
  count(DISTINCT account_id) FILTER (WHERE contact_id = 0 AND account_id IS NOT NULL),
  json_group_array(DISTINCT stage) FILTER (WHERE stage IS NOT NULL),
  json_group_array(DISTINCT segment) FILTER (WHERE segment IS NOT NULL),
  ${CUSTOMERS_BY_SEVERITY}
FROM pain_hearings WHERE date BETWEEN @start AND @end
GROUP BY text`)
    .raw()
    .all({ start: w.start, end: w.end }) as TallyRow[];
  for (const r of rows) {
    r[6] = JSON.parse(r[6] as unknown as string) as string[];
    r[7] = JSON.parse(r[7] as unknown as string) as string[];
  }
  return rows;
}

/**
 * tallyRows' answer for a window no pain was heard after (as of today): "since its first day", from
 * the counts 0052 keeps, a row a text (harsh 100k, 12 weeks: ~2 ms of CPU in a fresh process where
 * tallyRows' twelve aggregates over ~11,000 hearings took ~11). A text's counts in the window are its
 * totals less those of the first day it was heard in it (what was heard, or last heard, before that
 * day); its stages and segments are those last heard on or after the window's start, picked by
 * SQLite (json_each) and handed over as arrays: JSON.parse of 400 objects of labels and days, each
 * with keys of its own, and walking them took ~4 ms of CPU in a fresh process, more than the
 * statement. Null for a window with later hearings. test/unit/opportunity-fast-paths.test.ts holds
 * the two equal.
 */
export function tallyRowsSince(db: DB, w: Pick<Window, 'start' | 'end'>): TallyRow[] | null {
  if (heardAfter(db, w.end)) return null;
  const since = (labels: string) => `(SELECT json_group_array(key) FROM json_each(${labels}) WHERE value >= @start)`;
  const rows = db
    .prepare(keptSince(since('t.stages'), since('t.segments')))
    .raw()
    .all({ start: w.start }) as TallyRow[];
  for (const r of rows) {
    r[6] = JSON.parse(r[6] as unknown as string) as string[];
    r[7] = JSON.parse(r[7] as unknown as string) as string[];
  }
  return rows;
}

/** Whether a pain was heard after `end` (0052's counts then answer no window to `end`). */
function heardAfter(db: DB, end: string): boolean {
  return db.prepare('SELECT 1 FROM pain_text_totals WHERE last > ? LIMIT 1').get(end) !== undefined;
}

/**
 * The texts heard since @start (those in the JSON list @texts, with `only`), with their counts since
 * (0052), and their stages and segments as given.
 */
function keptSince(stages: string, segments: string, only = false): string {
  return keptColumns(
    `t.pains - d.pains, d.day, t.last, t.signals - d.signals, t.accounts - d.accounts, ${stages},
  ${segments}, t.c0 - d.c0, t.c1 - d.c1, t.c2 - d.c2, t.c3 - d.c3`,
    only,
  );
}

function keptColumns(columns: string, only = false): string {
  return `
SELECT t.text, ${columns}
FROM pain_text_totals t INDEXED BY pain_text_totals_by_last
  CROSS JOIN pain_text_days d ON d.text = t.text
    AND d.day = (SELECT day FROM pain_text_days WHERE text = t.text AND day >= @start ORDER BY day LIMIT 1)
WHERE t.last >= @start${only ? ' AND t.text IN (SELECT value FROM json_each(@texts))' : ''}
ORDER BY t.text`;
}

/** A TallyRow with its stages and segments as pain_text_totals keeps them: JSON, each label's last day. */
export type KeptTallyRow = Tally<string>;

/**
 * tallyRowsSince's rows with their stages and segments left as kept: a view of the best few reads
 * only those of the texts it shows (labelsSince).
 */
export function keptTallyRows(db: DB, w: Pick<Window, 'start' | 'end'>): KeptTallyRow[] | null {
  if (heardAfter(db, w.end)) return null;
  return db.prepare(keptSince('t.stages', 't.segments')).raw().all({ start: w.start }) as KeptTallyRow[];
}

/** keptTallyRows' rows of the texts given alone (a window keptTallySums answered). */
export function keptTallyRowsOf(db: DB, w: Pick<Window, 'start'>, texts: string[]): KeptTallyRow[] {
  if (texts.length === 0) return [];
  return db
    .prepare(keptSince('t.stages', 't.segments', true))
    .raw()
    .all({ start: w.start, texts: JSON.stringify(texts) }) as KeptTallyRow[];
}

/**
 * keptBest's answer: the rows of the texts chosen, how many opportunities were heard and are unaddressed;
 * or, where two texts are one opportunity's, every text's sums, as keptTallySums gives them.
 */
export type KeptBest =
  | { rows: KeptTallyRow[]; heard: number; unaddressed: number }
  | { sums: KeyedPainTextSum[]; rows?: undefined };

/** An opportunity's score from how many customers gave its text at least low (c0), medium, high and blocker. */
const SCORE = SEVERITIES.map((s, k) => `${SEVERITY_WEIGHT[s]} * (c${k}${k < 3 ? ` - c${k + 1}` : ''})`).join(' + ');

/**
 * The best `best` opportunities of a window as of today chosen by SQLite from 0052's counts, as
 * opportunitiesToRank (src/core/report-opportunities.ts) chooses them from keptTallySums' rows: the
 * first `best` by score, customers, accounts and latest day, and any tied with the last of them (the
 * name breaks ties later); `everyNamed`: the first `best` without a name, and every named one. Where
 * each text is its own opportunity (no other text of the window has its painKey or named
 * opportunity), SQLite also counts them and those unaddressed (`addressed`: the ids of opportunities
 * with an open or validated hypothesis), and hands over only the rows chosen: the report's markdown
 * made a JavaScript value of each of the window's 200 texts and grouped them in cold code to show
 * five. Where two texts are one opportunity's (their customers cannot be added up from counts), every
 * text's sums as keptTallySums gives them, for JavaScript to choose from, the statement not run twice.
 * Null for a window with later hearings.
 */
export function keptBest(
  db: DB,
  w: Pick<Window, 'start' | 'end'>,
  o: { best: number; everyNamed: boolean; validateAt: number; addressed: number[] },
): KeptBest | null {
  if (heardAfter(db, w.end)) return null;
  const rows = withPainKey(db)
    .prepare(`
WITH s AS MATERIALIZED (
  SELECT t.text, t.pains - d.pains AS pains, d.day, t.last, t.signals - d.signals AS signals,
    t.accounts - d.accounts AS accounts, t.stages, t.segments, t.c0 - d.c0 AS c0, t.c1 - d.c1 AS c1,
    t.c2 - d.c2 AS c2, t.c3 - d.c3 AS c3, ${PAIN_KEY('t.text')} AS key
  FROM pain_text_totals t INDEXED BY pain_text_totals_by_last
    CROSS JOIN pain_text_days d ON d.text = t.text
      AND d.day = (SELECT day FROM pain_text_days WHERE text = t.text AND day >= @start ORDER BY day LIMIT 1)
  WHERE t.last >= @start
),
g AS MATERIALIZED (
  SELECT s.*, coalesce((SELECT o.id FROM opportunities o WHERE o.key = s.key),
      (SELECT o.opportunity_id FROM opportunity_aliases o WHERE o.key = s.key)) AS opp, ${SCORE} AS score
  FROM s
),
-- what every row hands over, and the @best-th row, each made once: each reference to a CTE makes SQLite copy
-- and resolve its whole definition (g's and s's) again while it prepares the statement, and a scalar
-- subquery a column over g and shared (nine of them) was ~40% of its ~0.4 ms of preparing
a AS MATERIALIZED (
  SELECT count(*) AS heard,
    count(*) FILTER (WHERE c0 >= @validateAt AND (opp IS NULL OR opp NOT IN (SELECT value FROM json_each(@addressed))))
      AS unaddressed,
    -- two texts of one opportunity (or one painKey): fewer groups than texts
    count(DISTINCT coalesce(' #' || opp, key)) < count(*) AS shared
  FROM g
),
nth AS MATERIALIZED (
  SELECT score, c0, accounts, last FROM g WHERE NOT @everyNamed OR opp IS NULL
  ORDER BY score DESC, c0 DESC, accounts DESC, last DESC LIMIT 1 OFFSET @best - 1
)
SELECT g.text, g.pains, g.day, g.last, g.signals, g.accounts, iif(a.shared, NULL, g.stages),
  iif(a.shared, NULL, g.segments), g.c0, g.c1, g.c2, g.c3, a.heard, a.unaddressed, a.shared, g.key
FROM g CROSS JOIN a LEFT JOIN nth
WHERE a.shared OR @everyNamed AND g.opp IS NOT NULL OR nth.score IS NULL
  OR (g.score, g.c0, g.accounts, g.last) >= (nth.score, nth.c0, nth.accounts, nth.last)
ORDER BY g.text`)
    .raw()
    .all({
      start: w.start,
      best: o.best,
      everyNamed: o.everyNamed ? 1 : 0,
      validateAt: o.validateAt,
      addressed: JSON.stringify(o.addressed),
    }) as [...KeptTallyRow, number, number, number, string][];
  if (rows.length === 0) return { rows: [], heard: 0, unaddressed: 0 };
  if (rows[0][14] === 1) return { sums: rows.map((r) => [r[0], r[3], r[5], r[8], r[9], r[10], r[11], r[15]]) };
  return { rows: rows as unknown as KeptTallyRow[], heard: rows[0][12], unaddressed: rows[0][13] };
}

/**
 * A text's latest day, accounts, customers giving it at least low, medium, high and blocker (what
 * orders the best opportunities: painTextSums, src/db/report.ts), and its painKey.
 */
export type KeyedPainTextSum = [string, string, number, number, number, number, number, string];

/**
 * keptTallyRows' answer with only what chooses the best few opportunities (tallySum's columns) and
 * each text's painKey made by SQLite where it is lower(trim()) (as painTextCounts does): the report's
 * markdown read every text's stages and segments (~100 KB of JSON text on the harsh 100k) to show
 * five, and keyed each text twice in cold JavaScript (~240 KB of garbage), which made its second
 * young collection. Null for a window with later hearings.
 */
export function keptTallySums(db: DB, w: Pick<Window, 'start' | 'end'>): KeyedPainTextSum[] | null {
  if (heardAfter(db, w.end)) return null;
  return withPainKey(db)
    .prepare(
      keptColumns(`t.last, t.accounts - d.accounts, t.c0 - d.c0, t.c1 - d.c1, t.c2 - d.c2, t.c3 - d.c3,
  ${PAIN_KEY('t.text')}`),
    )
    .raw()
    .all({ start: w.start }) as KeyedPainTextSum[];
}

/** A kept row's stages and segments last heard on or after `start`. */
export function labelsSince(r: KeptTallyRow, start: string): TallyRow {
  const since = (labels: string): string[] => {
    const out: string[] = [];
    const days = JSON.parse(labels) as Record<string, string>;
    for (const label in days) if (days[label] >= start) out.push(label);
    return out;
  };
  return [r[0], r[1], r[2], r[3], r[4], r[5], since(r[6]), since(r[7]), r[8], r[9], r[10], r[11]];
}

/**
 * Each way a pain was written in the window (the same pains as painRows), with the customers and
 * prospects present where it was raised in customer conversations: what countOpportunities needs,
 * grouped by SQLite (a row a text, not a row a pain). The customers and prospects are the people
 * present who are not among the few others (contacts_not_customers, 0022): looking up each one's
 * row cost the harsh 100k journal's report ~2.6 ms more.
 */
export function painTextsSimple(db: DB, w: Pick<Window, 'start' | 'end'>, by: string | null = null): PainText[] {
  const FROM = by === null ? 'interviews i INDEXED BY interviews_by_date_kind_account' : 'interviews i';
  const BY = by === null ? '' : 'AND i.by = @by COLLATE NOCASE';
  const params = by === null ? { start: w.start, end: w.end } : { start: w.start, end: w.end, by };
  const rows = db
    .prepare(`
SELECT p.text, group_concat(DISTINCT ic.contact_id)
FROM ${FROM} CROSS JOIN pains p ON p.interview_id = i.id
  LEFT JOIN interview_contacts ic ON i.kind = 'customer' AND ic.interview_id = i.id
    AND ic.contact_id NOT IN (SELECT id FROM contacts WHERE role NOT IN ('customer', 'prospect'))
WHERE i.date BETWEEN @start AND @end AND i.kind IN ('customer', 'indirect') ${BY}
GROUP BY p.text`)
    .raw()
    .all(params) as [string, string | null][];
  return rows.map(([text, ids]) => ({ text, customers: ids === null ? [] : ids.split(',').map(Number) }));
}

/**
 * painTextsSimple's rows from pain_hearings (0027), as painTextRows reads them: harsh 100k, 12 weeks,
 * ~4.3 ms of CPU in a fresh process where reading the pains and who was present took ~6.6.
 */
export function painTexts(db: DB, w: Pick<Window, 'start' | 'end'>, by: string | null = null): PainText[] {
  if (by !== null) return painTextsSimple(db, w, by);
  const rows = db
    .prepare(`
SELECT text, group_concat(DISTINCT contact_id) FILTER (WHERE contact_id <> 0)
FROM pain_hearings WHERE date BETWEEN @start AND @end
GROUP BY text`)
    .raw()
    .all({ start: w.start, end: w.end }) as [string, string | null][];
  return rows.map(([text, ids]) => ({ text, customers: ids === null ? [] : ids.split(',').map(Number) }));
}

/** How many latest customers' days pain_text_recent keeps a text (0045). */
const RECENT = 10;
/** How many of a text's kept days (ten characters each) are on or after @start. */
const RECENT_SINCE = Array.from({ length: RECENT }, (_, k) => `(substr(h.recent, ${10 * k + 1}, 10) >= @start)`).join(
  ' + ',
);

/**
 * painTexts' answer from the last day each text was heard, and heard from each customer (0031): the
 * texts heard since the window's start, each with how many customers raised it since (the few texts
 * that share an opportunity with another, with their customers' ids, to count each customer once).
 * Right only when no pain was heard after the window (as of today): else null, and painTexts reads
 * the window's hearings. For a validateAt of RECENT or less, a lone text's count comes from its kept
 * latest customers' days (0045), and is then at most RECENT: all countOpportunities compares with
 * validateAt. test/unit/opportunity-fast-paths.test.ts holds countOpportunities of the two equal on
 * both bench shapes, with validateAt on either side of RECENT.
 */
export function painTextCounts(
  db: DB,
  w: Pick<Window, 'start' | 'end'>,
  named: NamedOpportunity[],
  validateAt: number,
): (PainText | PainTextCount)[] | null {
  if (db.prepare('SELECT 1 FROM pain_hearings WHERE date > ? LIMIT 1').get(w.end) !== undefined) return null;
  // each text's painKey made by SQLite where it is lower(trim()) (src/db/pain-key.ts): painKey in
  // cold JavaScript, twice for each of the harsh 100k journal's 200 texts (here and when counted),
  // cost ~1 ms of CPU and ~150 KB of garbage. Each text's customers since the window's start counted
  // from pain_text_recent's one range (0045: ~0.2 ms) where a seek a text into
  // pain_heard_last_by_text, on cold pages, cost both 100k journals ~1.4 ms.
  const rows = withPainKey(db)
    .prepare(
      validateAt <= RECENT
        ? `SELECT h.text, ${PAIN_KEY('h.text')}, ${RECENT_SINCE}
FROM pain_text_recent h INDEXED BY pain_text_recent_by_last WHERE h.last >= @start`
        : `SELECT h.text, ${PAIN_KEY('h.text')},
  (SELECT count(*) FROM pain_heard_last c INDEXED BY pain_heard_last_by_text
    WHERE c.text = h.text AND c.last >= @start AND c.contact_id <> 0)
FROM pain_heard_last h INDEXED BY pain_heard_last_by_contact WHERE h.contact_id = 0 AND h.last >= @start`,
    )
    .raw()
    .all({ start: w.start }) as [string, string, number][];
  const shared = textsSharingOpportunity(
    rows.map((r) => r[0]),
    named,
    rows.map((r) => r[1]),
  );
  const ids = db
    .prepare(`SELECT contact_id FROM pain_heard_last INDEXED BY pain_heard_last_by_text
      WHERE text = ? AND last >= ? AND contact_id <> 0`)
    .pluck();
  return rows.map(([text, key, n]) =>
    shared.has(text) ? { text, key, customers: ids.all(text, w.start) as number[] } : { text, key, customerCount: n },
  );
}

/** Every opportunity the user named, with its aliases, by name. */
export function namedOpportunities(db: DB): NamedOpportunity[] {
  const rows = db
    .prepare(`
SELECT o.id, o.uuid, o.name, o.key,
  (SELECT json_group_array(json_array(a.key, a.name)) FROM (
     SELECT key, name FROM opportunity_aliases WHERE opportunity_id = o.id ORDER BY name COLLATE NOCASE, key) a) AS
       aliases
FROM opportunities o ORDER BY o.name COLLATE NOCASE, o.id`)
    .raw()
    .all() as [number, string, string, string, string][];
  return rows.map(([id, uuid, name, key, aliases]) => ({
    id,
    uuid,
    name,
    key,
    aliases: (JSON.parse(aliases) as [string, string][]).map(([k, n]) => ({ key: k, name: n })),
  }));
}

/** The hypotheses made for opportunities (created on or before asOf), with their status as of asOf. */
export function opportunityHypotheses(db: DB, asOf: string): OpportunityHypothesis[] {
  return (
    db
      .prepare(`
SELECT ho.opportunity_id, h.id, coalesce((SELECT CASE o.outcome WHEN 'reopened' THEN 'open' ELSE o.outcome END
    FROM outcomes o WHERE o.hypothesis_id = h.id AND o.date <= @asOf ORDER BY o.date DESC, o.id DESC LIMIT 1), 'open')
FROM hypothesis_opportunities ho CROSS JOIN hypotheses h ON h.id = ho.hypothesis_id
WHERE h.created_on <= @asOf
ORDER BY ho.opportunity_id, h.id`)
      .raw()
      .all({ asOf }) as [number, number, HypothesisStatus][]
  ).map(([opportunityId, rowid, status]) => ({ opportunityId, rowid, status }));
}

/** The row ids of the hypotheses open as of asOf (created by then), in order. */
export function openHypothesisIds(db: DB, asOf: string): number[] {
  // with no outcome dated after asOf, the status the triggers keep holds (read from its index)
  const sql = outcomeAfter(db, asOf)
    ? `SELECT h.id FROM hypotheses h WHERE h.created_on <= @asOf AND coalesce((SELECT o.outcome FROM outcomes o
         WHERE o.hypothesis_id = h.id AND o.date <= @asOf ORDER BY o.date DESC, o.id DESC LIMIT 1), 'reopened') =
           'reopened'
       ORDER BY h.id`
    : "SELECT h.id FROM hypotheses h WHERE h.status = 'open' AND h.created_on <= @asOf ORDER BY h.id";
  return db.prepare(sql).pluck().all({ asOf }) as number[];
}

/** Every way a pain is written in the journal, and how often (to find the pains a name stands for). */
export function painSpellings(db: DB): Spelling[] {
  return db.prepare('SELECT text, count(*) FROM pains GROUP BY text').raw().all() as Spelling[];
}

/** Whether this very text has been heard (a seek into its kept totals, 0052). */
export function painTextHeard(db: DB, text: string): boolean {
  return db.prepare('SELECT 1 FROM pain_text_totals WHERE text = ?').get(text) !== undefined;
}

/** Every pain text heard, each once: read from its kept totals (0052), not the pains. */
export function heardPainTexts(db: DB): string[] {
  return db.prepare('SELECT text FROM pain_text_totals').pluck().all() as string[];
}

// ---------------------------------------------------------------- writes

export function insertOpportunity(db: DB, o: { uuid: string; name: string; key: string }): number {
  return Number(
    db.prepare('INSERT INTO opportunities (uuid, name, key) VALUES (?, ?, ?)').run(o.uuid, o.name, o.key)
      .lastInsertRowid,
  );
}

export function renameOpportunity(db: DB, id: number, name: string, key: string): void {
  db.prepare('UPDATE opportunities SET name = ?, key = ? WHERE id = ?').run(name, key, id);
}

/** Another name whose pains join opportunity `id` (a key already taken by an alias moves to it). */
export function addAlias(db: DB, id: number, key: string, name: string): void {
  db.prepare(
    `INSERT INTO opportunity_aliases (key, opportunity_id, name) VALUES (?, ?, ?)
     ON CONFLICT(key) DO UPDATE SET opportunity_id = excluded.opportunity_id, name = excluded.name`,
  ).run(key, id, name);
}

export function removeAlias(db: DB, key: string): void {
  db.prepare('DELETE FROM opportunity_aliases WHERE key = ?').run(key);
}

/**
 * Fold opportunity `from` into `into`: its name and aliases become aliases of `into`, its
 * hypotheses address `into`, and it is removed.
 */
export function mergeOpportunity(db: DB, from: NamedOpportunity, into: number): void {
  db.prepare('UPDATE opportunity_aliases SET opportunity_id = ? WHERE opportunity_id = ?').run(into, from.id);
  db.prepare(
    `INSERT OR IGNORE INTO hypothesis_opportunities (hypothesis_id, opportunity_id)
     SELECT hypothesis_id, ? FROM hypothesis_opportunities WHERE opportunity_id = ?`,
  ).run(into, from.id);
  db.prepare('DELETE FROM opportunities WHERE id = ?').run(from.id);
  addAlias(db, into, from.key, from.name);
}

/** Link a hypothesis to an opportunity; false when it already was. */
export function linkOpportunity(db: DB, hypothesisId: number, opportunityId: number): boolean {
  return (
    db
      .prepare('INSERT OR IGNORE INTO hypothesis_opportunities (hypothesis_id, opportunity_id) VALUES (?, ?)')
      .run(hypothesisId, opportunityId).changes > 0
  );
}

export function unlinkOpportunity(db: DB, hypothesisId: number, opportunityId: number): boolean {
  return (
    db
      .prepare('DELETE FROM hypothesis_opportunities WHERE hypothesis_id = ? AND opportunity_id = ?')
      .run(hypothesisId, opportunityId).changes > 0
  );
}

/** The row ids of the opportunities a hypothesis addresses. */
export function opportunitiesOf(db: DB, hypothesisId: number): number[] {
  return db
    .prepare('SELECT opportunity_id FROM hypothesis_opportunities WHERE hypothesis_id = ?')
    .pluck()
    .all(hypothesisId) as number[];
}

/** The opportunities each hypothesis addresses (all hypotheses, one, or those listed), by name. */
export function opportunitiesByHypothesis(
  db: DB,
  only: number | number[] | null = null,
): Map<number, { uuid: string; name: string }[]> {
  const list = Array.isArray(only);
  const rows = db
    .prepare(`
SELECT ho.hypothesis_id, o.uuid, o.name FROM hypothesis_opportunities ho CROSS JOIN opportunities o ON o.id =
  ho.opportunity_id
WHERE ${list ? 'ho.hypothesis_id IN (SELECT value FROM json_each(@only))' : '@only IS NULL OR ho.hypothesis_id = @only'}
ORDER BY ho.hypothesis_id, o.name COLLATE NOCASE, o.id`)
    .raw()
    .all({ only: list ? JSON.stringify(only) : only }) as [number, string, string][];
  const map = new Map<number, { uuid: string; name: string }[]>();
  for (const [h, uuid, name] of rows) {
    const list = map.get(h);
    if (list) list.push({ uuid, name });
    else map.set(h, [{ uuid, name }]);
  }
  return map;
}

/**
 * The opportunity a hypothesis is made for, by name: one the user named (by its name or an alias),
 * else a new one named as typed. `heard`: whether any pain is written so (a new name no pain has is
 * likely a typo, worth a warning).
 */
export function opportunityForName(
  db: DB,
  name: string,
  uuid: () => string,
): { id: number; name: string; heard: boolean; suggestion?: string } {
  const named = namedOpportunities(db);
  const spellings = painSpellings(db);
  const found = resolveOpportunity(name, named, spellings);
  if (found && 'named' in found) return { id: found.named.id, name: found.named.name, heard: true };
  if (found) {
    const id = insertOpportunity(db, { uuid: uuid(), name: found.spelling, key: found.key });
    return { id, name: found.spelling, heard: true };
  }
  const id = insertOpportunity(db, { uuid: uuid(), name, key: painKey(name) });
  return { id, name, heard: false, suggestion: closest(name, opportunityNames(named, spellings)) };
}
