// The forgotten list, the privacy keys and erasures in progress (schema 9, migrations/0009_erasure.sql).
//
// An erasure goes in three steps, each committed before the next: (1) the mark: the person's entry
// in `forgotten` with pending = 1; (2) the scrub (src/db/forget.ts) and pending = 2; (3) the file
// rewritten (VACUUM, WAL truncated), then pending = 0. A kill, a full disk or a reader holding the
// WAL between them leaves the mark, and the next pm command that opens the journal finishes the
// erasure (finishErasures, called by src/context.ts) and says so.
import type { DB } from './journal.js';
import { forgetContact, purgeFreedPages } from './forget.js';
import {
  bareNameHash,
  entryFor,
  keyFingerprint,
  ForgottenList,
  type BareName,
  type ForgottenEntry,
  type PrivacyKey,
} from '../core/erasure.js';

/** This journal's own key, made on first use (32 random bytes from SQLite's generator). */
export function ownKey(db: DB): PrivacyKey {
  const row = db.prepare('SELECT id, key FROM privacy_keys WHERE own = 1').get() as PrivacyKey | undefined;
  if (row) return row;
  const key = db.prepare('SELECT randomblob(32)').pluck().get() as Buffer;
  const id = keyFingerprint(key);
  db.prepare('INSERT INTO privacy_keys (id, key, own) VALUES (?, ?, 1)').run(id, key);
  return { id, key };
}

export function privacyKeys(db: DB): (PrivacyKey & { own: number })[] {
  return db.prepare('SELECT id, key, own FROM privacy_keys ORDER BY own DESC, id').all() as (PrivacyKey & {
    own: number;
  })[];
}

/** Add keys another journal made its hashes with; the first becomes this journal's own if it has none. */
export function addPrivacyKeys(db: DB, keys: PrivacyKey[]): void {
  const hasOwn = db.prepare('SELECT 1 FROM privacy_keys WHERE own = 1').get() !== undefined;
  const insert = db.prepare('INSERT OR IGNORE INTO privacy_keys (id, key, own) VALUES (?, ?, ?)');
  keys.forEach((k, i) => {
    insert.run(k.id, k.key, !hasOwn && i === 0 ? 1 : 0);
  });
}

export function forgottenEntries(db: DB): ForgottenEntry[] {
  return db
    .prepare(
      'SELECT uuid, key_id AS keyId, email_hash AS emailHash, name_hash AS nameHash, erased_on AS erasedOn FROM ' +
        'forgotten ORDER BY uuid',
    )
    .all() as ForgottenEntry[];
}

export function loadForgottenList(db: DB): ForgottenList {
  const bare = db.prepare('SELECT uuid, key_id AS keyId, hash FROM forgotten_bare_names').all() as BareName[];
  return new ForgottenList(forgottenEntries(db), privacyKeys(db), bare);
}

/** Remember an erased person (their UUID and hashes; never their name or email), with a pending state. */
export function recordErasure(
  db: DB,
  person: { uuid: string; name: string; email: string | null },
  erasedOn: string,
  pending: 0 | 1 | 2,
): ForgottenEntry {
  const key = ownKey(db);
  const entry = entryFor(person, key, erasedOn);
  db.prepare(
    `INSERT INTO forgotten (uuid, key_id, email_hash, name_hash, erased_on, pending) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(uuid) DO UPDATE SET key_id = excluded.key_id, email_hash = excluded.email_hash,
       name_hash = excluded.name_hash, erased_on = coalesce(forgotten.erased_on, excluded.erased_on),
       pending = max(forgotten.pending, excluded.pending)`,
  ).run(entry.uuid, entry.keyId, entry.emailHash, entry.nameHash, entry.erasedOn, pending);
  const bare = bareNameHash(key.key, person.name);
  if (bare !== null)
    db.prepare('INSERT OR REPLACE INTO forgotten_bare_names (uuid, key_id, hash) VALUES (?, ?, ?)').run(
      entry.uuid,
      key.id,
      bare,
    );
  return entry;
}

/** An entry made elsewhere (an import): kept as it came, with the key it names. */
export function rememberEntry(db: DB, e: ForgottenEntry): boolean {
  return (
    db
      .prepare(
        'INSERT OR IGNORE INTO forgotten (uuid, key_id, email_hash, name_hash, erased_on) VALUES (?, ?, ?, ?, ?)',
      )
      .run(e.uuid, e.keyId, e.emailHash, e.nameHash, e.erasedOn).changes > 0
  );
}

export function setPending(db: DB, uuid: string, pending: 0 | 1 | 2): void {
  db.prepare('UPDATE forgotten SET pending = ? WHERE uuid = ?').run(pending, uuid);
}

export interface Finished {
  /** people whose text was scrubbed now */
  scrubbed: number;
  /** the file was rewritten and the WAL truncated: nothing of them is left in the journal's files */
  rewritten: boolean;
  /** another program kept the WAL from being truncated (it reads the journal) */
  walHeld: boolean;
  /** another writer kept the file from being rewritten */
  busy: boolean;
}

/** Step 2 for every person marked pending = 1: scrub them, in one transaction each. */
export function scrubPending(db: DB): number {
  const uuids = db.prepare('SELECT uuid FROM forgotten WHERE pending = 1').pluck().all() as string[];
  let scrubbed = 0;
  for (const uuid of uuids) {
    db.transaction(() => {
      if (db.prepare('SELECT pending FROM forgotten WHERE uuid = ?').pluck().get(uuid) !== 1) return;
      const contact = db.prepare('SELECT id FROM contacts WHERE uuid = ? AND forgotten = 0').pluck().get(uuid) as
        | number
        | undefined;
      if (contact !== undefined) forgetContact(db, contact);
      setPending(db, uuid, 2);
      scrubbed++;
    }).immediate();
  }
  return scrubbed;
}

/**
 * Step 3: rewrite the file (VACUUM), truncate the WAL, and clear the marks of what it covered. A mark
 * stays while another program kept a copy from being overwritten, so that a later command retries.
 */
export function rewriteAfterErasure(db: DB): Omit<Finished, 'scrubbed'> {
  const { rewritten, walHeld } = purgeFreedPages(db);
  if (rewritten && !walHeld) {
    db.transaction(() => {
      db.prepare('UPDATE forgotten SET pending = 0 WHERE pending = 2').run();
    }).immediate();
    // the mark's own change is the WAL's only frame now: truncate it too
    db.pragma('wal_checkpoint(TRUNCATE)');
  }
  return { rewritten, walHeld, busy: !rewritten };
}

/** Finish every erasure a kill, a full disk or a busy reader left unfinished. */
export function finishErasures(db: DB): Finished {
  const scrubbed = scrubPending(db);
  return { scrubbed, ...rewriteAfterErasure(db) };
}

// ------------------------------------------------------------------------------------ files pm wrote

export type WrittenKind = 'backup' | 'export';

/** Remember a backup or export file pm wrote (absolute path), so that pm forget can name it. */
export function recordWrittenFile(db: DB, kind: WrittenKind, path: string, at: string): void {
  db.prepare(
    `INSERT INTO written_files (path, kind, written_at) VALUES (?, ?, ?)
     ON CONFLICT(path) DO UPDATE SET kind = excluded.kind, written_at = excluded.written_at`,
  ).run(path, kind, at);
}

export function writtenFiles(db: DB): { path: string; kind: WrittenKind; writtenAt: string }[] {
  return db.prepare('SELECT path, kind, written_at AS writtenAt FROM written_files ORDER BY path').all() as {
    path: string;
    kind: WrittenKind;
    writtenAt: string;
  }[];
}

/** Whether anyone was ever erased here (one indexed read: most journals never erase anyone). */
export function hasErasures(db: DB): boolean {
  return db.prepare('SELECT 1 FROM forgotten LIMIT 1').get() !== undefined;
}
