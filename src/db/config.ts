// Settings rows in the journal's config table.
import type { DB } from './journal.js';
import type { ConfigKey } from '../core/config.js';

export function setConfigValue(db: DB, key: ConfigKey, value: string | number): void {
  db.prepare('INSERT INTO config(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
    key,
    String(value),
  );
}

export function storedConfigKeys(db: DB): Set<string> {
  return new Set(db.prepare('SELECT key FROM config').pluck().all() as string[]);
}

export function unsetConfigValue(db: DB, key: ConfigKey): void {
  db.prepare('DELETE FROM config WHERE key = ?').run(key);
}

/**
 * Set user.name. Where it was unset, the conversations this journal logged under the OS login (pm's
 * default `by`, `formerDefault`) are the user's own, and move to the name as tracked changes that a
 * sync pushes: joining a team as docs/team.md says left them to a third person "root", and the plain
 * report, now the user's own, read OVERDUE after weeks on target (fresh-eyes wave 14 H10). A name
 * changed from one set name to another moves nothing (a journal handed to a colleague keeps whose
 * calls were whose). Returns how many conversations moved.
 */
export function setUserName(db: DB, name: string, formerDefault: string | null): number {
  setConfigValue(db, 'user.name', name);
  if (formerDefault === null || formerDefault === name) return 0;
  // so are the decisions recorded here (their version this device's: never a teammate's, even under the
  // same login), pushed already or not, as the calls are: a tracked change (0066) that a sync pushes, so a
  // teammate holding "killed by root" reads the name too (review wave 14 R1, wave 15)
  db.prepare(
    `UPDATE outcomes SET by = ? WHERE by = ? AND uuid IN (SELECT key FROM record_versions
      WHERE kind = 'outcome' AND version LIKE '%.' || (SELECT device FROM sync_clock))`,
  ).run(name, formerDefault);
  // and the hypotheses added here (this device has a version of them), as the calls logged here (H14)
  db.prepare(
    `UPDATE hypotheses SET by = ? WHERE by = ? AND uuid IN (SELECT key FROM record_versions
      WHERE kind = 'hypothesis' AND instr(vv, '"' || (SELECT device FROM sync_clock) || '"') > 0)`,
  ).run(name, formerDefault);
  return db
    .prepare('UPDATE interviews SET by = ? WHERE by = ? AND id IN (SELECT interview_id FROM logged_here)')
    .run(name, formerDefault).changes;
}
