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
