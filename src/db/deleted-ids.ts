// The display id an interview or hypothesis had when it was deleted here (deleted_ids, schema 43), so
// that the same record (by UUID) brought back later takes it again where it is free (wave 10 E2).
import type { DB } from './journal.js';

type Kind = 'interview' | 'hypothesis';

/** The statement that remembers the id of a row about to be deleted (bound to its id). */
export const REMEMBER_DELETED_ID: Record<Kind, string> = {
  interview:
    "INSERT OR REPLACE INTO deleted_ids (kind, uuid, id) SELECT 'interview', uuid, id FROM interviews WHERE id = ?",
  hypothesis:
    "INSERT OR REPLACE INTO deleted_ids (kind, uuid, id) SELECT 'hypothesis', uuid, id FROM hypotheses WHERE id = ?",
};

/**
 * The ids deleted here, read once by a merge (`kind uuid` → id; a handful): asking the table for each
 * of an import's 100k new records would cost a statement each.
 */
export function deletedIds(db: DB): Map<string, number> {
  const rows = db.prepare("SELECT kind || ' ' || uuid AS k, id FROM deleted_ids").all() as { k: string; id: number }[];
  return new Map(rows.map((r) => [r.k, r.id]));
}

/** The id given back: no longer a deleted one. */
export function forgetDeletedId(db: DB, kind: Kind, uuid: string): void {
  db.prepare('DELETE FROM deleted_ids WHERE kind = ? AND uuid = ?').run(kind, uuid);
}

/**
 * The interviews and hypotheses deleted here (`kind uuid`), by the index of their tombstones (named:
 * without statistics the planner reads every version of those kinds by the primary key instead).
 */
export function tombstonedRecords(db: DB): Set<string> {
  const rows = db
    .prepare(
      `SELECT kind || ' ' || key FROM record_versions INDEXED BY record_versions_deleted
        WHERE kind IN ('interview', 'hypothesis') AND deleted = 1`,
    )
    .pluck()
    .all() as string[];
  return new Set(rows);
}

/**
 * The interview or hypothesis deleted here that `given` names (`I12`, `H3`: the id it had; or its
 * UUID), as `kind uuid`; or why there is none: `live` (it is in the journal) or `unknown`.
 */
export function deletedRecord(db: DB, given: string): { record: string } | { id: string; why: 'live' | 'unknown' } {
  const m = /^\s*([iIhH])(\d{1,15})\s*$/.exec(given);
  if (m) {
    const kind: Kind = m[1].toLowerCase() === 'i' ? 'interview' : 'hypothesis';
    const id = `${m[1].toUpperCase()}${Number(m[2])}`;
    const uuid = db.prepare('SELECT uuid FROM deleted_ids WHERE kind = ? AND id = ?').pluck().get(kind, Number(m[2]));
    if (typeof uuid === 'string') return { record: `${kind} ${uuid}` };
    const table = kind === 'interview' ? 'interviews' : 'hypotheses';
    const live = db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).pluck().get(Number(m[2]));
    return { id, why: live ? 'live' : 'unknown' };
  }
  const key = given.trim().toLowerCase();
  const kind = db
    .prepare(`SELECT kind FROM record_versions WHERE kind IN ('interview', 'hypothesis') AND key = ? AND deleted = 1`)
    .pluck()
    .get(key);
  if (typeof kind === 'string') return { record: `${kind} ${key}` };
  const live =
    db.prepare('SELECT 1 FROM interviews WHERE uuid = ?').pluck().get(key) ??
    db.prepare('SELECT 1 FROM hypotheses WHERE uuid = ?').pluck().get(key);
  return { id: given.trim(), why: live ? 'live' : 'unknown' };
}
