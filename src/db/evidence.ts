// Evidence: the hypotheses an interview may be linked to (the links are written by
// src/db/interview-writer.ts), and deleting a hypothesis.
import type { DB } from './journal.js';
import { REMEMBER_DELETED_ID } from './deleted-ids.js';
import type { HypothesisStatus } from '../core/hypotheses.js';

export interface HypothesisBrief {
  rowid: number;
  id: string;
  statement: string;
  status: HypothesisStatus;
}

/**
 * The hypotheses with these row ids (for checking references before writing), each decided one with
 * the day of its decision (its latest outcome, as the report reads it).
 */
export function hypothesesByRowId(db: DB, rowids: number[]): (HypothesisBrief & { decidedOn: string | null })[] {
  if (rowids.length === 0) return [];
  return db
    .prepare(`SELECT h.id AS rowid, 'H' || h.id AS id, h.statement, h.status,
      CASE WHEN h.status = 'open' THEN NULL ELSE (SELECT o.date FROM outcomes o WHERE o.hypothesis_id = h.id
        ORDER BY o.date DESC, o.id DESC LIMIT 1) END AS decidedOn
    FROM hypotheses h WHERE h.id IN (SELECT value FROM json_each(?)) ORDER BY h.id`)
    .all(JSON.stringify(rowids)) as (HypothesisBrief & { decidedOn: string | null })[];
}

/** Open hypotheses, for the interactive log's checklist. */
export function openHypotheses(db: DB): HypothesisBrief[] {
  return db
    .prepare(`SELECT id AS rowid, 'H' || id AS id, statement, status FROM hypotheses WHERE status = 'open' ORDER BY id`)
    .all() as HypothesisBrief[];
}

export function evidenceCount(db: DB, hypothesisRowId: number): number {
  return db.prepare('SELECT count(*) FROM evidence WHERE hypothesis_id = ?').pluck().get(hypothesisRowId) as number;
}

export function deleteHypothesis(db: DB, hypothesisRowId: number): void {
  // evidence, outcomes, tags and revisions go with it (ON DELETE CASCADE)
  db.prepare(REMEMBER_DELETED_ID.hypothesis).run(hypothesisRowId);
  db.prepare('DELETE FROM hypotheses WHERE id = ?').run(hypothesisRowId);
}
