// A journal created today and one created by the first pm (schema 1, test/fixtures/journal-v1.db)
// and upgraded must end with the same schema: the same tables, columns, indexes, views and triggers,
// so that no migration behaves differently on a journal that holds records.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openForWrite, type DB } from '../../src/db/journal.js';
import { SCHEMA_VERSION } from '../../src/db/migrations.js';

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
