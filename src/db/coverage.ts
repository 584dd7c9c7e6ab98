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
SELECT min(a.segment) AS segment, count(*) AS accounts,
  max(${by ? '' : 'CASE WHEN a.last_direct <= @asOf THEN a.last_direct ELSE '}(SELECT i.date FROM interviews i
    WHERE i.account_id = a.id AND i.kind = 'customer' AND i.date <= @asOf${by ? ' AND i.by = @by COLLATE NOCASE' : ''}
    ORDER BY i.date DESC LIMIT 1)${by ? '' : ' END'}) AS lastHeard
FROM accounts a
WHERE a.segment IS NOT NULL AND trim(a.segment) <> '' AND a.cadence_days IS NOT 0
GROUP BY a.segment COLLATE NOCASE`;
}

// the window's customer conversations, from the index on (kind, date)
const WINDOW = `SELECT i.id, i.account_id, i.stage FROM interviews i
  WHERE i.kind = 'customer' AND i.date BETWEEN @start AND @end`;

const SQL = {
  segmentCounts: `
WITH w AS MATERIALIZED (${WINDOW})
SELECT min(nullif(trim(a.segment), '')) AS key, count(*) AS conversations, count(DISTINCT w.account_id) AS accounts
FROM w CROSS JOIN accounts a ON a.id = w.account_id
GROUP BY nullif(trim(a.segment), '') COLLATE NOCASE`,

  // a conversation counts once for each persona among the customers present
  personaCounts: `
WITH w AS MATERIALIZED (${WINDOW})
SELECT min(c.persona) AS key, count(DISTINCT w.id) AS conversations, count(DISTINCT w.account_id) AS accounts,
  count(DISTINCT c.id) AS people
FROM w CROSS JOIN interview_contacts ic ON ic.interview_id = w.id CROSS JOIN contacts c ON c.id = ic.contact_id
WHERE c.role IN ('customer', 'prospect')
GROUP BY c.persona COLLATE NOCASE`,

  stageCounts: `
WITH w AS MATERIALIZED (${WINDOW})
SELECT min(w.stage) AS key, count(*) AS conversations, count(DISTINCT w.account_id) AS accounts
FROM w GROUP BY w.stage COLLATE NOCASE`,

  // every persona of a customer or prospect, and the last customer conversation with one
  personas: `
SELECT min(c.persona) AS key,
  (SELECT max(i.date) FROM contacts c2 CROSS JOIN interview_contacts ic ON ic.contact_id = c2.id
     CROSS JOIN interviews i ON i.id = ic.interview_id
   WHERE c2.persona = c.persona COLLATE NOCASE AND c2.role IN ('customer', 'prospect')
     AND i.kind = 'customer' AND i.date <= @asOf) AS lastHeard
FROM contacts c
WHERE c.persona IS NOT NULL AND c.role IN ('customer', 'prospect') AND c.forgotten = 0
GROUP BY c.persona COLLATE NOCASE`,

  // the stages customer conversations carried up to @asOf, with the last of each
  stagesUsed: `
SELECT min(i.stage) AS key, max(i.date) AS lastHeard FROM interviews i
WHERE i.kind = 'customer' AND i.stage IS NOT NULL AND i.date <= @asOf
GROUP BY i.stage COLLATE NOCASE`,
} as const;

/** Everything `pm coverage` shows, read in one snapshot. */
export function coverageRows(db: DB, window: { start: string; end: string }, asOf: string): CoverageRows {
  const read = (): CoverageRows => {
    const w = { start: window.start, end: window.end };
    return {
      segments: db.prepare(segmentsSql(false)).all({ asOf }) as SegmentRow[],
      segmentCounts: db.prepare(SQL.segmentCounts).all(w) as WindowCount[],
      personas: db.prepare(SQL.personas).all({ asOf }) as LastHeard[],
      personaCounts: db.prepare(SQL.personaCounts).all(w) as WindowCount[],
      stagesUsed: db.prepare(SQL.stagesUsed).all({ asOf }) as LastHeard[],
      stageCounts: db.prepare(SQL.stageCounts).all(w) as WindowCount[],
    };
  };
  return db.inTransaction ? read() : db.transaction(read)();
}
