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

/** The hypotheses with these row ids (for checking references before writing). */
export function hypothesesByRowId(db: DB, rowids: number[]): HypothesisBrief[] {
  if (rowids.length === 0) return [];
  return db
    .prepare(`SELECT id AS rowid, 'H' || id AS id, statement, status FROM hypotheses
    WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`)
    .all(JSON.stringify(rowids)) as HypothesisBrief[];
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
