// What `pm guide H3` needs beyond the hypothesis's record: where its customer evidence came from
// (segments and stages already heard for it) and which segments there are.
import type { DB } from './journal.js';
import { segmentsSql } from './coverage.js';

/** The segments (the accounts') and stages of the customer conversations linked to a hypothesis. */
export function heardFor(db: DB, rowid: number): { segments: string[]; stages: string[] } {
  const rows = db
    .prepare(
      `SELECT nullif(trim(a.segment), ''), i.stage FROM evidence e CROSS JOIN interviews i ON i.id = e.interview_id
         CROSS JOIN accounts a ON a.id = i.account_id
       WHERE e.hypothesis_id = ? AND e.kind = 'customer'`,
    )
    .raw()
    .all(rowid) as [string | null, string | null][];
  const present = (xs: (string | null)[]) => [...new Set(xs.filter((x): x is string => x !== null))];
  return { segments: present(rows.map((r) => r[0])), stages: present(rows.map((r) => r[1])) };
}

/** Every segment that has accounts (those switched off left out). */
export function segmentNames(db: DB, asOf: string): string[] {
  return (db.prepare(segmentsSql(false)).all({ asOf, bornBefore: null }) as { segment: string }[]).map(
    (r) => r.segment,
  );
}

/** Whether any customer conversation of the journal has a journey stage (from 0010's partial index). */
export function stagesLogged(db: DB): boolean {
  return (
    db
      .prepare("SELECT EXISTS (SELECT 1 FROM interviews WHERE kind = 'customer' AND stage IS NOT NULL)")
      .pluck()
      .get() === 1
  );
}
