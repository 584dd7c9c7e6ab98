// A journal created today and one created by the first pm (schema 1, test/fixtures/journal-v1.db)
// and upgraded must end with the same schema: the same tables, columns, indexes, views and triggers,
// so that no migration behaves differently on a journal that holds records. A new journal is made
// from one script (migrations/fresh-schema.mjs) rather than by replaying the migrations: the two
// must give the same file, but for what is the journal's own (its sync clock's device and time).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { openForWrite, runMigrations, type DB } from '../../src/db/journal.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/db/migrations.js';

const FIXTURE = resolve(import.meta.dirname, '..', 'fixtures', 'journal-v1.db');

let dir: string;
let fresh: DB;
let upgraded: DB;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pm-schema-'));
  fresh = openForWrite(join(dir, 'fresh.db')).db;
  const old = join(dir, 'upgraded.db');
  copyFileSync(FIXTURE, old);
  chmodSync(old, 0o600);
  upgraded = openForWrite(old).db;
});
afterAll(() => {
  fresh.close();
  upgraded.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The CREATE statements, whitespace-normalised, by type and name (rootpage and order left out). */
function objects(db: DB): [string, string, string, string][] {
  return (
    db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name').raw().all() as [
      string,
      string,
      string,
      string | null,
    ][]
  ).map(([type, name, table, sql]) => [type, name, table, (sql ?? '').replace(/\s+/g, ' ').trim()]);
}

/** Every table's and index's description as SQLite's pragmas give it. */
function structure(db: DB): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
    .pluck()
    .all() as string[];
  for (const t of tables) {
    out[`${t} columns`] = db.prepare('SELECT * FROM pragma_table_xinfo(?)').all(t);
    out[`${t} foreign keys`] = db.prepare('SELECT * FROM pragma_foreign_key_list(?)').all(t);
    const indexes = db.prepare('SELECT * FROM pragma_index_list(?) ORDER BY name').all(t) as { name: string }[];
    out[`${t} indexes`] = indexes;
    for (const i of indexes) out[`${i.name} key`] = db.prepare('SELECT * FROM pragma_index_xinfo(?)').all(i.name);
  }
  return out;
}

describe('the schema', () => {
  it(`of a new journal equals that of a schema-1 journal upgraded to ${SCHEMA_VERSION}`, () => {
    expect(upgraded.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(fresh.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(upgraded.pragma('application_id', { simple: true })).toBe(fresh.pragma('application_id', { simple: true }));
    const types = new Set(objects(fresh).map(([type]) => type));
    expect([...types].sort()).toEqual(['index', 'table', 'trigger', 'view']);
    expect(objects(upgraded)).toEqual(objects(fresh));
    expect(structure(upgraded)).toEqual(structure(fresh));
  });

  it('(control) the comparison sees a difference a migration could leave', () => {
    upgraded.exec('BEGIN');
    try {
      upgraded.exec('CREATE INDEX pains_by_text ON pains(text)');
      expect(objects(upgraded)).not.toEqual(objects(fresh));
    } finally {
      upgraded.exec('ROLLBACK');
    }
    upgraded.exec('BEGIN');
    try {
      upgraded.exec('ALTER TABLE quotes ADD COLUMN speaker TEXT');
      expect(structure(upgraded)).not.toEqual(structure(fresh));
    } finally {
      upgraded.exec('ROLLBACK');
    }
    expect(objects(upgraded)).toEqual(objects(fresh));
  });
});

/** Every row of every table (the sync clock aside), by table. */
function rows(db: DB): Record<string, unknown[]> {
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name <> 'sync_clock' ORDER BY name")
    .pluck()
    .all() as string[];
  return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}"`).raw().all()]));
}

describe('a new journal, made from the schema as it now stands', () => {
  it('is the journal replaying every migration makes: the same statements, byte for byte, and rows', () => {
    const replayed = new Database(join(dir, 'replayed.db'));
    try {
      replayed.pragma('journal_mode = WAL');
      // any list but MIGRATIONS itself replays the history
      runMigrations(replayed, 0, [...MIGRATIONS]);
      const statements = (db: DB) =>
        db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name').raw().all();
      expect(statements(fresh)).toEqual(statements(replayed));
      expect(structure(fresh)).toEqual(structure(replayed));
      for (const pragma of ['user_version', 'application_id', 'journal_mode', 'foreign_keys'])
        expect(fresh.pragma(pragma, { simple: true }), pragma).toBe(replayed.pragma(pragma, { simple: true }));
      expect(rows(fresh)).toEqual(rows(replayed));
      // the sync clock: one row each, and each journal its own device (a copied template would share one)
      const clock = (db: DB) => db.prepare('SELECT * FROM sync_clock').all() as { device: string }[];
      const [a] = clock(fresh);
      const [b] = clock(replayed);
      expect(clock(fresh)).toHaveLength(1);
      expect(a).toMatchObject({ id: 1, counter: 0, tracking: 1, device: expect.stringMatching(/^[0-9a-f]{16}$/) });
      expect(Object.keys(a)).toEqual(Object.keys(b));
      expect(a.device).not.toBe(b.device);
      // and it works as one: a record written through its triggers gets a version
      fresh.exec("INSERT INTO accounts (uuid, name, name_key, look_key) VALUES ('u-1', 'Acme', 'acme', 'acme')");
      expect(fresh.prepare("SELECT count(*) FROM record_versions WHERE kind = 'account'").pluck().get()).toBe(1);
      fresh.exec("DELETE FROM accounts WHERE uuid = 'u-1'");
    } finally {
      replayed.close();
    }
  });
});
