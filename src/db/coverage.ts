// The rows behind `pm coverage` (src/core/coverage.ts decides): customer conversations in a window
// per segment, persona and stage, and the last conversation of each as of a day. The segments'
// statement is also the report's (segment-silent), so the rule lives here once.
import type { DB } from './journal.js';
import {
  accountsBornBefore,
  type CoverageRows,
  type LastHeard,
  type SegmentRow,
  type WindowCount,
} from '../core/coverage.js';

/**
 * Each segment of accounts not switched off (cadence off: a lost prospect is nobody's silence),
 * case-insensitively, with its accounts and latest customer conversation as of @asOf: the one kept
 * on each account (migration 0004) when it is on or before @asOf, else (as of a past day) looked
 * up; with `by` (the report's --by), always looked up among @by's conversations.
 * Only the accounts that existed by @asOf count (@bornBefore, from accountsBornBefore: null as of
 * today): those with a conversation by then, or made before its end as their UUIDv7 says (its first
 * 48 bits are the milliseconds it was made at, so its first 12 hex digits compare as text), or whose
 * UUID tells no time. So an account added today leaves a past week's report and export as they were.
 */
/**
 * segmentsSql's @bornBefore as it need be given: null when no account has a UUIDv7 made at or after
 * it, since every account then counts and the segments are read from their index alone (judging
 * each account by its UUID read each one's row: ~5 ms of CPU on the harsh 100k's 6,000 accounts,
 * as of a past day, as the bench's reports are). A seek on the UUIDs' index: every UUID whose first
 * 12 hex digits lowercased are at or after it sorts at or after the prefix written in capitals,
 * whatever its case (digits sort before capitals, capitals before small letters).
 */
export function bornBeforeAny(db: DB, bornBefore: string | null): string | null {
  if (bornBefore === null) return null;
  const from = `${bornBefore.slice(0, 8)}-${bornBefore.slice(8, 12)}`.toUpperCase();
  const late = db
    .prepare(`SELECT 1 FROM accounts WHERE uuid >= ? AND substr(uuid, 15, 1) = '7'
      AND lower(substr(uuid, 1, 8) || substr(uuid, 10, 4)) >= ? LIMIT 1`)
    .get(from, bornBefore);
  return late === undefined ? null : bornBefore;
}

export function segmentsSql(by: boolean): string {
  return `
SELECT min(trim(a.segment)) AS segment, count(*) AS accounts,
  max(${by ? '' : 'CASE WHEN a.last_direct <= @asOf THEN a.last_direct ELSE '}(SELECT i.date FROM interviews i
    WHERE i.account_id = a.id AND i.kind = 'customer' AND i.date <= @asOf${by ? ' AND i.by = @by COLLATE NOCASE' : ''}
    ORDER BY i.date DESC LIMIT 1)${by ? '' : ' END'}) AS lastHeard
FROM accounts a
WHERE a.segment IS NOT NULL AND trim(a.segment) <> '' AND a.cadence_days IS NOT 0
  AND (@bornBefore IS NULL OR substr(a.uuid, 15, 1) <> '7'
    OR lower(substr(a.uuid, 1, 8) || substr(a.uuid, 10, 4)) < @bornBefore
    OR EXISTS (SELECT 1 FROM interviews i WHERE i.account_id = a.id AND i.date <= @asOf))
GROUP BY trim(a.segment) COLLATE NOCASE`;
}

// the window's customer conversations with their account's segment and their stage, from the index
// on (kind, date): counted in JavaScript, one pass for segments and stages; whether the account is
// switched off (cadence off), as a segment's accounts are counted without those (segmentsSql)
const WINDOW = `
SELECT i.account_id, nullif(trim(a.segment), ''), i.stage, i.date, a.cadence_days IS 0
FROM interviews i CROSS JOIN accounts a ON a.id = i.account_id
WHERE i.kind = 'customer' AND i.date BETWEEN @start AND @end`;

// the customers and prospects present at them, with their personas
const PRESENT = `
SELECT i.id, i.account_id, c.id, c.persona, i.date
FROM interviews i CROSS JOIN interview_contacts ic ON ic.interview_id = i.id CROSS JOIN contacts c ON c.id =
  ic.contact_id
WHERE i.kind = 'customer' AND i.date BETWEEN @start AND @end AND c.role IN ('customer', 'prospect')`;

// every persona of a customer or prospect (a few thousand contacts at most)
const PERSONAS = `
SELECT min(c.persona) FROM contacts c
WHERE c.persona IS NOT NULL AND c.role IN ('customer', 'prospect') AND c.forgotten = 0
GROUP BY c.persona COLLATE NOCASE`;

// the last customer conversation with someone of a persona before a day: for the personas not
// heard in the window (usually few, and of few people)
const PERSONA_BEFORE = `
SELECT max(i.date) FROM contacts c CROSS JOIN interview_contacts ic ON ic.contact_id = c.id
  CROSS JOIN interviews i ON i.id = ic.interview_id
WHERE c.persona = @persona COLLATE NOCASE AND c.role IN ('customer', 'prospect')
  AND i.kind = 'customer' AND i.date < @before`;

// each distinct stage customer conversations carry, a seek at a time through the index of
// migration 0009 (a skip-scan), with its latest day on or before @asOf
const STAGES_USED = `
WITH RECURSIVE s(stage) AS (
  SELECT (SELECT i.stage FROM interviews i INDEXED BY interviews_by_stage
          WHERE i.kind = 'customer' AND i.stage IS NOT NULL ORDER BY i.stage COLLATE NOCASE LIMIT 1)
  UNION ALL
  SELECT (SELECT i.stage FROM interviews i INDEXED BY interviews_by_stage
          WHERE i.kind = 'customer' AND i.stage IS NOT NULL AND i.stage > s.stage COLLATE NOCASE
          ORDER BY i.stage COLLATE NOCASE LIMIT 1)
  FROM s WHERE s.stage IS NOT NULL)
SELECT s.stage AS key,
  (SELECT max(i.date) FROM interviews i INDEXED BY interviews_by_stage
   WHERE i.kind = 'customer' AND i.stage = s.stage COLLATE NOCASE AND i.date <= @asOf) AS lastHeard
FROM s WHERE s.stage IS NOT NULL`;

/** Counts by a key, case-insensitively (the first spelling met names it): conversations, accounts, people. */
class Tally {
  private readonly groups = new Map<
    string | null,
    { key: string | null; ids: Set<number>; accounts: Set<number>; people: Set<number>; last: string }
  >();

  /** `account` null: the conversation counts, its account does not (a segment's switched-off account) */
  add(key: string | null, conversation: number, account: number | null, date: string, person?: number): void {
    const k = key === null ? null : key.toLowerCase();
    let g = this.groups.get(k);
    if (!g) {
      g = { key, ids: new Set(), accounts: new Set(), people: new Set(), last: date };
      this.groups.set(k, g);
    }
    g.ids.add(conversation);
    if (account !== null) g.accounts.add(account);
    if (person !== undefined) g.people.add(person);
    if (date > g.last) g.last = date;
  }

  counts(): (WindowCount & { last: string })[] {
    return [...this.groups.values()].map((g) => ({
      key: g.key,
      conversations: g.ids.size,
      accounts: g.accounts.size,
      people: g.people.size,
      last: g.last,
    }));
  }
}

// The window's counts per segment, stage and persona as SQLite counts them: one row a spelling
// (a segment trimmed, '' as none), rather than ~7,000 conversations and ~8,000 people present made
// into JavaScript rows and counted there (~50 ms of CPU on the 100k journal's 12 weeks, now ~20). The
// conversations are first counted per account and stage (g: one sort), so that neither segments nor
// stages count distinct accounts over every conversation; stages need no account's row (a
// conversation's account is one of the journal's: foreign keys; seeking each of ~6,000 groups' rows
// again cost ~1.4 ms of ~24). The personas are counted from the copies of each conversation's
// account and each person's persona and role kept on interview_contacts (0046), one range of its
// index: seeking who was present at each conversation, and each one's contact row, cost ~14 ms of
// CPU of the harsh 100k's ~22, now ~7. The indexes named are the ones that hold every column read.
const COUNTS = `
WITH g AS MATERIALIZED (
  SELECT i.account_id, i.stage, count(*) AS n, max(i.date) AS last
  FROM interviews i INDEXED BY interviews_by_date_kind_account
  WHERE i.kind = 'customer' AND i.date BETWEEN @start AND @end
  GROUP BY 1, 2)
SELECT 0 AS dim, nullif(trim(a.segment), '') AS key, sum(g.n) AS conversations,
  count(DISTINCT CASE WHEN a.cadence_days IS NOT 0 THEN g.account_id END) AS accounts, NULL AS people,
  max(g.last) AS last
FROM g CROSS JOIN accounts a ON a.id = g.account_id
GROUP BY 2
UNION ALL
SELECT 1, g.stage, sum(g.n), count(*), NULL, max(g.last)
FROM g WHERE g.account_id IS NOT NULL
GROUP BY 2`;

// COUNTS when no customer conversation comes after the window (0056): its conversations per segment
// and stage are the sums of its days' (a few hundred rows); a stage's distinct accounts are those
// whose last conversation with it is on or after the start (kept), a segment's those whose last
// customer conversation is (last_direct, 0004: one range of an index a segment): ~1.5 ms of CPU against
// ~10 for the grouping of the window's ~7,000 conversations (harsh 100k, 12 weeks). Keys as COUNTS'
// (0 for none).
const COUNTS_KEPT = `
WITH n AS (
  SELECT dim, key, sum(n) AS conversations, max(day) AS last FROM coverage_days
  WHERE day BETWEEN @start AND @end GROUP BY dim, key)
SELECT dim, CASE WHEN typeof(key) = 'text' THEN key END AS key, conversations,
  CASE
    WHEN dim = 1 THEN (SELECT count(*) FROM coverage_stage_last s WHERE s.stage = n.key AND s.last >= @start)
    WHEN typeof(key) = 'text' THEN (SELECT count(*) FROM accounts a INDEXED BY accounts_by_segment
      WHERE a.segment IS NOT NULL AND trim(a.segment) <> '' AND a.cadence_days IS NOT 0
        AND trim(a.segment) = n.key COLLATE NOCASE AND a.last_direct >= @start AND trim(a.segment) = n.key)
    ELSE (SELECT count(*) FROM accounts a INDEXED BY accounts_heard_without_segment
      WHERE (a.segment IS NULL OR trim(a.segment) = '') AND a.cadence_days IS NOT 0 AND a.last_direct >= @start)
  END AS accounts,
  NULL AS people, last
FROM n`;

// whether a customer conversation comes after the window's end
const LATER_CONVERSATION = `
SELECT 1 FROM interviews INDEXED BY interviews_by_kind_date WHERE kind = 'customer' AND date > @end LIMIT 1`;

const PERSONA_COUNTS = `
SELECT 2 AS dim, persona AS key, count(DISTINCT interview_id) AS conversations,
  count(DISTINCT account_id) AS accounts, count(DISTINCT contact_id) AS people, max(date) AS last
FROM interview_contacts INDEXED BY interview_contacts_customers_by_date
WHERE kind = 'customer' AND date BETWEEN @start AND @end AND customer = 1
GROUP BY 2`;

// whether a customer conversation with a customer or prospect present comes after the window's end
const LATER = `
SELECT 1 FROM interview_contacts INDEXED BY interview_contacts_customers_by_date
WHERE kind = 'customer' AND date > @end AND customer = 1 LIMIT 1`;

// PERSONA_COUNTS when no conversation comes after the window: its distinct conversations, accounts and
// people are those whose last conversation with the persona (kept, 0053) is on or after its start,
// one range of an index each (~1.7 ms of CPU against ~7.5 for the three DISTINCT counts, harsh 100k,
// 12 weeks). The personas (0 for none) are found a seek at a time, as STAGES_USED's stages.
const PERSONA_COUNTS_KEPT = `
WITH RECURSIVE s(persona) AS (
  SELECT (SELECT persona FROM coverage_persona_last WHERE dim = 0 ORDER BY persona LIMIT 1)
  UNION ALL
  SELECT (SELECT c.persona FROM coverage_persona_last c WHERE c.dim = 0 AND c.persona > s.persona
          ORDER BY c.persona LIMIT 1)
  FROM s WHERE s.persona IS NOT NULL),
n AS (
  SELECT s.persona,
    (SELECT count(*) FROM coverage_persona_last c WHERE c.dim = 2 AND c.persona = s.persona AND c.last >= @start)
      AS conversations,
    (SELECT count(*) FROM coverage_persona_last c WHERE c.dim = 1 AND c.persona = s.persona AND c.last >= @start)
      AS accounts,
    (SELECT count(*) FROM coverage_persona_last c WHERE c.dim = 0 AND c.persona = s.persona AND c.last >= @start)
      AS people,
    (SELECT max(c.last) FROM coverage_persona_last c WHERE c.dim = 0 AND c.persona = s.persona) AS last
  FROM s WHERE s.persona IS NOT NULL)
SELECT 2 AS dim, CASE WHEN typeof(persona) = 'text' THEN persona END AS key, conversations, accounts, people, last
FROM n WHERE people > 0`;

interface CountRow {
  dim: 0 | 1 | 2;
  key: string | null;
  conversations: number;
  accounts: number;
  people: number | null;
  last: string;
}

/** Everything `pm coverage` shows, read in one snapshot. */
export function coverageRows(
  db: DB,
  window: { start: string; end: string },
  asOf: string,
  today?: string,
): CoverageRows {
  const read = (): CoverageRows => {
    const w = { start: window.start, end: window.end };
    const rows = db
      .prepare(db.prepare(LATER_CONVERSATION).get({ end: window.end }) === undefined ? COUNTS_KEPT : COUNTS)
      .all(w) as CountRow[];
    const later = db.prepare(LATER).get({ end: window.end }) !== undefined;
    rows.push(...(db.prepare(later ? PERSONA_COUNTS : PERSONA_COUNTS_KEPT).all(w) as CountRow[]));
    // SQLite counted each spelling apart; the simple path counts spellings equal but for case as one
    // (the first met names them): such a window is counted there
    const folded = new Set(rows.map((r) => `${r.dim}:${r.key === null ? '' : `=${r.key.toLowerCase()}`}`));
    if (folded.size < rows.length) return coverageRowsSimple(db, window, asOf, today);
    const counts = (dim: 0 | 1 | 2): (WindowCount & { last: string })[] =>
      rows
        .filter((r) => r.dim === dim)
        .map(({ key, conversations, accounts, people, last }) => ({
          key,
          conversations,
          accounts,
          people: people ?? 0,
          last,
        }));
    const segments = db
      .prepare(segmentsSql(false))
      .all({ asOf, bornBefore: bornBeforeAny(db, accountsBornBefore(asOf, today)) }) as SegmentRow[];
    // The segments no account counts (none set, or only switched-off accounts) are listed in the
    // order first heard, which SQLite did not keep: each group's earliest date and id made into one
    // text cost ~7% of the statement (harsh 100k, 12 weeks). With more than one such segment, the
    // window is counted there; one (usually the accounts without a segment) needs no order.
    const known = new Set(segments.map((g) => g.segment.toLowerCase()));
    if (rows.filter((r) => r.dim === 0 && (r.key === null || !known.has(r.key.toLowerCase()))).length > 1)
      return coverageRowsSimple(db, window, asOf, today);
    const personaCounts = counts(2);
    return {
      segments,
      segmentCounts: counts(0),
      personas: personasOf(db, personaCounts, window.start),
      personaCounts,
      stagesUsed: db.prepare(STAGES_USED).all({ asOf }) as LastHeard[],
      stageCounts: counts(1),
    };
  };
  return db.inTransaction ? read() : db.transaction(read)();
}

/** Every persona, with the last conversation with one of them: in the window, else looked up before it. */
function personasOf(db: DB, personaCounts: (WindowCount & { last: string })[], start: string): LastHeard[] {
  const heard = new Map(personaCounts.map((p) => [p.key?.toLowerCase() ?? null, p.last]));
  const before = db.prepare(PERSONA_BEFORE).pluck();
  return (db.prepare(PERSONAS).pluck().all() as string[]).map(
    (persona): LastHeard => ({
      key: persona,
      lastHeard: heard.get(persona.toLowerCase()) ?? (before.get({ persona, before: start }) as string | null),
    }),
  );
}

/**
 * Everything `pm coverage` shows, read in one snapshot, the window's conversations counted in
 * JavaScript row by row: what coverageRows answers when two spellings of a segment, persona or stage
 * differ only in case (test/unit/coverage-counts.test.ts holds the two equal).
 */
export function coverageRowsSimple(
  db: DB,
  window: { start: string; end: string },
  asOf: string,
  today?: string,
): CoverageRows {
  const read = (): CoverageRows => {
    const w = { start: window.start, end: window.end };
    const segments = new Tally();
    const stages = new Tally();
    let n = 0;
    for (const [account, segment, stage, date, off] of db.prepare(WINDOW).raw().all(w) as [
      number,
      string | null,
      string | null,
      string,
      number,
    ][]) {
      n++;
      // "2 of 1" otherwise: the total (segmentsSql) leaves switched-off accounts out, so does "heard"
      segments.add(segment, n, off ? null : account, date);
      stages.add(stage, n, account, date);
    }
    const personas = new Tally();
    for (const [id, account, person, persona, date] of db.prepare(PRESENT).raw().all(w) as [
      number,
      number,
      number,
      string | null,
      string,
    ][])
      personas.add(persona, id, account, date, person);
    const personaCounts = personas.counts();
    return {
      segments: db
        .prepare(segmentsSql(false))
        .all({ asOf, bornBefore: bornBeforeAny(db, accountsBornBefore(asOf, today)) }) as SegmentRow[],
      segmentCounts: segments.counts(),
      personas: personasOf(db, personaCounts, window.start),
      personaCounts,
      stagesUsed: db.prepare(STAGES_USED).all({ asOf }) as LastHeard[],
      stageCounts: stages.counts(),
    };
  };
  return db.inTransaction ? read() : db.transaction(read)();
}
