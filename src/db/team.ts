// `pm report --team` (issue 19): each interviewer's customer conversations in the period, and who
// the team is (everyone who held a conversation in the look-back window or the period).
import type { DB } from './journal.js';

export interface TeamRow {
  by: string;
  /** customer conversations in the period */
  direct: number;
  /** distinct customers and prospects in them */
  customers: number;
  /** the latest customer conversation on or before asOf */
  lastDirect: string | null;
}

/**
 * Whether the plain report of a journal that syncs (refs.ts `syncs`: the caller asks first) is one
 * person's (wave 13 H6): someone other than `me` held a conversation between `since` and `asOf` (the
 * team, as `pm report --team` counts it) that this journal did not log: its own calls logged under
 * the OS login before user.name was set are not a teammate's (review wave 13 R10: a solo journal
 * turned OVERDUE at `pm sync init --name`).
 */
export function othersHoldConversations(db: DB, q: { me: string; since: string; asOf: string }): boolean {
  return (
    db
      .prepare(`SELECT EXISTS (SELECT 1 FROM interviews
        WHERE date BETWEEN @since AND @asOf AND by IS NOT NULL AND lower(by) <> lower(@me)
          AND id NOT IN (SELECT interview_id FROM logged_here))`)
      .pluck()
      .get(q) === 1
  );
}

/**
 * Whether a journal that does not sync is someone's own and holds conversations between `since` and
 * `asOf` that it did not log (an imported export: H19), whoever held them; `othersHoldConversations`
 * then asks whether they are another person's. A journal that logged nothing itself (made by imports
 * alone: a lead's collection, a generated one) is everyone's.
 */
export function holdsArrivedConversations(db: DB, q: { since: string; asOf: string }): boolean {
  return (
    db
      .prepare(`SELECT EXISTS (SELECT 1 FROM logged_here) AND EXISTS (SELECT 1 FROM interviews
        WHERE date BETWEEN @since AND @asOf AND by IS NOT NULL AND id NOT IN (SELECT interview_id FROM logged_here))`)
      .pluck()
      .get(q) === 1
  );
}

/** How many people (by `by`, case aside) held a conversation between `since` and `asOf`: 0, 1 or 2 (two or more). */
export function peopleHoldingConversations(db: DB, q: { since: string; asOf: string }): number {
  return db
    .prepare(`SELECT count(*) FROM (SELECT 1 FROM interviews WHERE date BETWEEN @since AND @asOf AND by IS NOT NULL
      GROUP BY lower(by) LIMIT 2)`)
    .pluck()
    .get(q) as number;
}

/**
 * One row per person who held a conversation (of any kind) between `since` and `asOf`, or in the
 * period; `by` compared case-insensitively, shown as first written.
 */
export function teamRows(db: DB, q: { start: string; end: string; asOf: string; since: string }): TeamRow[] {
  return db
    .prepare(`
    WITH people AS (
      SELECT min(i.by) AS by, lower(i.by) AS who FROM interviews i
      WHERE i.by IS NOT NULL AND i.date BETWEEN min(@since, @start) AND @asOf GROUP BY lower(i.by))
    SELECT p.by,
      (SELECT count(*) FROM interviews i WHERE lower(i.by) = p.who AND i.kind = 'customer'
         AND i.date BETWEEN @start AND @end) AS direct,
      (SELECT count(DISTINCT c.id) FROM interviews i JOIN interview_contacts ic ON ic.interview_id = i.id
         JOIN contacts c ON c.id = ic.contact_id
         WHERE lower(i.by) = p.who AND i.kind = 'customer' AND i.date BETWEEN @start AND @end
           AND c.role IN ('customer', 'prospect')) AS customers,
      (SELECT max(i.date) FROM interviews i WHERE lower(i.by) = p.who AND i.kind = 'customer'
         AND i.date <= @asOf) AS lastDirect
    FROM people p ORDER BY p.by COLLATE NOCASE`)
    .all(q) as TeamRow[];
}
