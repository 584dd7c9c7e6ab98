// The schema as it now stands, as one script for a new journal: every migration in this folder run
// once in memory (at build time, by esbuild.config.mjs, and by vitest for the tests that import
// src/), then its CREATE statements in an order SQLite accepts — tables, indexes, views, triggers,
// each kind in the order the migrations left them — with the full-text index's shadow tables left to
// its CREATE VIRTUAL TABLE. A new journal runs this script instead of replaying the history: each
// ALTER TABLE of the history re-reads the whole schema, so replaying costs ~30 ms, this ~2 ms.
// test/unit/schema.test.ts holds a journal made this way equal to one made by replaying.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const FTS5_SHADOWS = ['_data', '_idx', '_content', '_docsize', '_config'];
/** Tables a migration fills on a new journal; src/db/journal.ts seeds them for the script (SEED_ROWS). */
const SEEDED = ['sync_clock'];

/** @returns {string} */
export function freshSchema(dir = import.meta.dirname) {
  const Database = require('better-sqlite3');
  const db = new Database(':memory:');
  try {
    db.pragma('foreign_keys = OFF');
    for (const file of readdirSync(dir).filter((f) => /^\d{4}_.*\.sql$/.test(f)).sort())
      db.exec(readFileSync(join(dir, file), 'utf8'));
    const objects = db
      .prepare(
        "SELECT type, name, sql FROM sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'" +
          ' ORDER BY rowid',
      )
      .all();
    const virtual = objects.filter((o) => /^CREATE VIRTUAL TABLE/i.test(o.sql)).map((o) => o.name);
    const shadow = new Set(virtual.flatMap((v) => FTS5_SHADOWS.map((s) => v + s)));
    for (const o of objects) {
      if (o.type !== 'table' || shadow.has(o.name) || SEEDED.includes(o.name) || virtual.includes(o.name)) continue;
      const rows = db.prepare(`SELECT count(*) FROM "${o.name}"`).pluck().get();
      if (rows > 0)
        throw new Error(`migrations/fresh-schema.mjs: a migration fills ${o.name} on a new journal; seed it too`);
    }
    const order = ['table', 'index', 'view', 'trigger'];
    return order
      .flatMap((type) => objects.filter((o) => o.type === type && !shadow.has(o.name)))
      .map((o) => `${o.sql};`)
      .join('\n');
  } finally {
    db.close();
  }
}
