// The rows behind `pm coverage` (src/core/coverage.ts decides): customer conversations in a window
// per segment, persona and stage, and the last conversation of each as of a day. The segments'
// statement is also the report's (segment-silent), so the rule lives here once.
import type { DB } from './journal.js';
import type { CoverageRows, LastHeard, SegmentRow, WindowCount } from '../core/coverage.js';

/**
 * Each segment of accounts not switched off (cadence off: a lost prospect is nobody's silence),
 * case-insensitively, with its accounts and latest customer conversation as of @asOf: the one kept
 * on each account (migration 0004) when it is on or before @asOf, else (as of a past day) looked
 * up; with `by` (the report's --by), always looked up among @by's conversations.
 */
export function segmentsSql(by: boolean): string {
  return `
SELECT min(trim(a.segment)) AS segment, count(*) AS accounts,
  max(${by ? '' : 'CASE WHEN a.last_direct <= @asOf THEN a.last_direct ELSE '}(SELECT i.date FROM interviews i
    WHERE i.account_id = a.id AND i.kind = 'customer' AND i.date <= @asOf${by ? ' AND i.by = @by COLLATE NOCASE' : ''}
    ORDER BY i.date DESC LIMIT 1)${by ? '' : ' END'}) AS lastHeard
FROM accounts a
WHERE a.segment IS NOT NULL AND trim(a.segment) <> '' AND a.cadence_days IS NOT 0
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

/** Everything `pm coverage` shows, read in one snapshot. */
export function coverageRows(db: DB, window: { start: string; end: string }, asOf: string): CoverageRows {
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
    const heard = new Map(personaCounts.map((p) => [p.key?.toLowerCase() ?? null, p.last]));
    const before = db.prepare(PERSONA_BEFORE).pluck();
    const personaList = (db.prepare(PERSONAS).pluck().all() as string[]).map(
      (persona): LastHeard => ({
        key: persona,
        lastHeard: heard.get(persona.toLowerCase()) ?? (before.get({ persona, before: window.start }) as string | null),
      }),
    );
    return {
      segments: db.prepare(segmentsSql(false)).all({ asOf }) as SegmentRow[],
      segmentCounts: segments.counts(),
      personas: personaList,
      personaCounts,
      stagesUsed: db.prepare(STAGES_USED).all({ asOf }) as LastHeard[],
      stageCounts: stages.counts(),
    };
  };
  return db.inTransaction ? read() : db.transaction(read)();
}
