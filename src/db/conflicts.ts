// The losing sides of concurrent changes (src/db/merge.ts keeps them): listing them, and resolving
// one by keeping the version that won (the losing one is let go) or the one that lost (written
// again as a change of this journal's, newer than both, so that it travels to everyone).
import type { DB } from './journal.js';
import { readRecords } from './exchange.js';
import { writeRecord } from './merge.js';
import { conflictCopy } from './forget.js';
import { UsageError } from '../errors.js';
import type { RecordDoc, RecordKind } from '../core/import-validate.js';

export interface ConflictRow {
  id: number;
  kind: RecordKind;
  key: string;
  keptVersion: string;
  lostVersion: string;
  lostDeleted: boolean;
  lost: RecordDoc | null;
  /** the record as it is now (null: deleted) */
  current: RecordDoc | null;
  detectedOn: string;
}

export function listConflicts(db: DB, only?: number): ConflictRow[] {
  const rows = db
    .prepare(`SELECT id, kind, key, kept_version AS keptVersion, lost_version AS lostVersion,
      lost_deleted AS lostDeleted,
      lost_data AS lost, detected_on AS detectedOn FROM sync_conflicts WHERE @only IS NULL OR id = @only ORDER BY id`)
    .all({ only: only ?? null }) as (Omit<ConflictRow, 'lost' | 'lostDeleted' | 'current'> & {
    lost: string | null;
    lostDeleted: number;
  })[];
  return rows.map((r) => ({
    ...r,
    lostDeleted: r.lostDeleted === 1,
    lost: r.lost === null ? null : (JSON.parse(r.lost) as RecordDoc),
    current: readRecords(db, r.kind, [r.key]).get(r.key) ?? null,
  }));
}

/** Resolve a conflict: keep what won (the lost version is let go), or write the lost version back. */
export function resolveConflict(db: DB, c: ConflictRow, keep: 'kept' | 'lost'): void {
  // a second guard (an erasure scrubs the conflicts it finds): nothing of an erased person comes back
  if (keep === 'lost' && conflictCopy(db, c.kind, c.key, c.lost as Record<string, unknown> | null, []) === null)
    throw new UsageError(
      `conflict ${c.id} is a version of a person erased with pm forget, or of an interview they attended: ` +
        'it cannot be brought back',
      `let it go: pm sync resolve ${c.id} kept`,
    );
  if (keep === 'lost') writeRecord(db, c.kind, c.key, c.lostDeleted ? null : c.lost);
  db.prepare('DELETE FROM sync_conflicts WHERE id = ?').run(c.id);
}
