// `pm report --team` (issue 19): each interviewer's customer conversations in the period, and who
// the team is (everyone who held a conversation in the look-back window or the period).
import { addDays } from '../core/dates.js';
import type { DB } from './journal.js';

export interface TeamRow {
  by: string;
  /** customer conversations in the period */
  direct: number;
  /** distinct customers and prospects in them */
  customers: number;
  /** the latest customer conversation on or before asOf */
  lastDirect: string | null;
  /** a cadence longer than the period: customer conversations in its window up to asOf (cadenceWindow) */
  inWindow?: number;
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
 * One row per person who held a conversation (of any kind) between `since` and `until` (the period's
 * end, cut at asOf: a past period's team is who was on it then), or in the period; `by` compared
 * case-insensitively, shown as first written.
 */
export function teamRows(
  db: DB,
  q: { start: string; end: string; asOf: string; since: string; until: string; window?: { start: string } },
): TeamRow[] {
  const { window, ...p } = q;
  return db
    .prepare(`
    WITH people AS (
      SELECT min(i.by) AS by, lower(i.by) AS who FROM interviews i
      WHERE i.by IS NOT NULL AND i.date BETWEEN min(@since, @start) AND @until GROUP BY lower(i.by))
    SELECT p.by,
      (SELECT count(*) FROM interviews i WHERE lower(i.by) = p.who AND i.kind = 'customer'
         AND i.date BETWEEN @start AND @end) AS direct,
      (SELECT count(DISTINCT c.id) FROM interviews i JOIN interview_contacts ic ON ic.interview_id = i.id
         JOIN contacts c ON c.id = ic.contact_id
         WHERE lower(i.by) = p.who AND i.kind = 'customer' AND i.date BETWEEN @start AND @end
           AND c.role IN ('customer', 'prospect')) AS customers,
      (SELECT max(i.date) FROM interviews i WHERE lower(i.by) = p.who AND i.kind = 'customer'
         AND i.date <= @asOf) AS lastDirect${
           window
             ? `,
      (SELECT count(*) FROM interviews i WHERE lower(i.by) = p.who AND i.kind = 'customer'
         AND i.date BETWEEN @from AND @until) AS inWindow`
             : ''
         }
    FROM people p ORDER BY p.by COLLATE NOCASE`)
    .all(window ? { ...p, from: window.start } : p) as TeamRow[];
}

// everyone who ever held a conversation, case aside, one seek each into interviews_by_interviewer
const EVERYONE = `WITH RECURSIVE p(who) AS (
  SELECT min(by COLLATE NOCASE) FROM interviews WHERE by IS NOT NULL
  UNION ALL SELECT (SELECT min(by COLLATE NOCASE) FROM interviews WHERE by COLLATE NOCASE > p.who) FROM p
  WHERE p.who IS NOT NULL)
SELECT who FROM p WHERE who IS NOT NULL`;
// the day of someone's latest conversation on or before @until, of any kind, and of their first after
// @after: a seek a kind into the same index
const KINDS = ['customer', 'indirect', 'stakeholder'];
const LAST_HELD = `SELECT max(d) FROM (${KINDS.map(
  (k) => `SELECT max(date) AS d FROM interviews WHERE by = @who COLLATE NOCASE AND kind = '${k}' AND date <= @until`,
).join(' UNION ALL ')})`;
const NEXT_HELD = `SELECT min(d) FROM (${KINDS.map(
  (k) => `SELECT min(date) AS d FROM interviews WHERE by = @who COLLATE NOCASE AND kind = '${k}' AND date > @after`,
).join(' UNION ALL ')})`;

/**
 * How many people were on the team in each week, as teamRows counts it at a period's end: those who
 * held a conversation in the `days` days up to the week's `until` (its end, cut at the report's day).
 * Weeks in order. For each person, their latest conversation by a week's end answers every week whose
 * window holds it (8 weeks of a steady teammate's), and after a gap their next one says when they are
 * back: a few seeks a person for a year of weeks, where one a week cost the harsh 100k journal ~3 ms.
 */
export function teamSizes(db: DB, weeks: readonly { until: string }[], days: number): number[] {
  const n = weeks.length;
  const sizes = new Array<number>(n).fill(0);
  const from = weeks.map((w) => addDays(w.until, 1 - days));
  const last = db.prepare(LAST_HELD).pluck();
  const next = db.prepare(NEXT_HELD).pluck();
  for (const who of db.prepare(EVERYONE).pluck().all() as string[]) {
    let k = 0;
    while (k < n) {
      const held = last.get({ who, until: weeks[k].until }) as string | null;
      if (held !== null && held >= from[k]) {
        // on the team each week from this one whose window still holds that conversation
        while (k < n && from[k] <= held) sizes[k++]++;
        continue;
      }
      // none in this week's window: not on the team until the week holding their next conversation
      const back = next.get({ who, after: weeks[k].until }) as string | null;
      if (back === null) break;
      while (k < n && weeks[k].until < back) k++;
    }
  }
  return sizes;
}

/**
 * The row ids of the hypotheses someone other than `me` added (H14) and another journal has changed,
 * from the partial index on `by` (none on a journal made by imports of files before schema 75); `me`
 * is asked only when one names someone. Case aside, as a conversation's `by` matches `--by`.
 */
export function hypothesesOfOthers(db: DB, me: () => string): number[] {
  if (db.prepare('SELECT 1 FROM hypotheses WHERE by IS NOT NULL LIMIT 1').get() === undefined) return [];
  // one added here and changed by no other journal is the user's whatever name it carries: the same
  // person's cron under another login (no user.name: by is the OS login) lost its actions and exit 3
  // (review wave 19 R1); the test is 0075's, this journal's device alone in the record's versions
  return db
    .prepare(`SELECT h.id FROM hypotheses h WHERE h.by IS NOT NULL AND h.by <> ? COLLATE NOCASE
      AND NOT EXISTS (SELECT 1 FROM record_versions v WHERE v.kind = 'hypothesis' AND v.key = h.uuid
        AND NOT EXISTS (SELECT 1 FROM json_each(v.vv) j
          WHERE j.key <> (SELECT device FROM sync_clock WHERE id = 1)))
      ORDER BY h.id`)
    .pluck()
    .all(me()) as number[];
}
