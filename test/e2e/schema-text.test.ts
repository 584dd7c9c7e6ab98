// The migrations' and the new journal's schema text are files in dist/sql/, read when a journal is
// created or upgraded, not strings in the bundles, which every start reads whole (esbuild.config.mjs).
// The built pm, run as a process from its command bundles, must still make and upgrade journals to
// the schema of migrations/.
import { chmodSync, copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../src/db/migrations.js';
import { ROOT, type Sandbox, sandbox } from '../helpers.js';

const FIXTURE = resolve(import.meta.dirname, '..', 'fixtures', 'journal-v1.db');

let box: Sandbox;
beforeEach(() => {
  box = sandbox();
});
afterEach(() => box.cleanup());

/** The CREATE statements, whitespace-normalised, by type and name. */
function schemaOf(path: string): { version: number; objects: string[][] } {
  const db = new Database(path, { readonly: true });
  try {
    const objects = (
      db.prepare('SELECT type, name, sql FROM sqlite_schema ORDER BY type, name').raw().all() as string[][]
    ).map(([type, name, sql]) => [type, name, (sql ?? '').replace(/\s+/g, ' ').trim()]);
    return { version: db.pragma('user_version', { simple: true }) as number, objects };
  } finally {
    db.close();
  }
}

describe('the schema text outside the bundles', () => {
  it('no command bundle holds a migration text', () => {
    const bundles = readdirSync(join(ROOT, 'dist')).filter((f) => /^cli(-[a-z]+)?\.cjs$/.test(f));
    expect(bundles.length).toBeGreaterThan(20);
    // each migration's longest plain line, as it would stand in a bundle's string (no quote, no escape)
    const lines = readdirSync(join(ROOT, 'migrations'))
      .filter((f) => f.endsWith('.sql'))
      .map((f) => {
        const plain = readFileSync(join(ROOT, 'migrations', f), 'utf8')
          .split('\n')
          .map((l) => l.trim())
          .filter((l) => /^[ -~]{30,}$/.test(l) && !/["\\]/.test(l));
        return [f, plain.sort((a, b) => b.length - a.length)[0]] as const;
      })
      .filter(([, line]) => line !== undefined);
    expect(lines.length).toBeGreaterThan(30);
    for (const bundle of bundles) {
      const text = readFileSync(join(ROOT, 'dist', bundle), 'latin1');
      for (const [file, line] of lines) expect(text.includes(line), `${bundle} holds ${file}: ${line}`).toBe(false);
    }
  });

  it('no command bundle holds a module for each migration file: their texts are read by name', () => {
    // each was a module that every start initialised and every code cache held (src/db/migrations.ts)
    for (const bundle of readdirSync(join(ROOT, 'dist')).filter((f) => /^cli(-[a-z]+)?\.cjs$/.test(f))) {
      const text = readFileSync(join(ROOT, 'dist', bundle), 'latin1');
      expect(text.match(/"migrations\/\d{4}_\w+\.sql"\(\)/)?.[0], bundle).toBeUndefined();
    }
  });

  it('the built pm makes a new journal and upgrades a schema-1 one to the same schema', () => {
    const made = box.spawn(['log', '--with', 'Ann <ann@acme.test>', '--account', 'Acme', '--summary', 'first']);
    expect(made.code, made.err).toBe(0);
    const old = join(box.dir, 'old.db');
    copyFileSync(FIXTURE, old);
    chmodSync(old, 0o600);
    const upgraded = box.spawn(['--db', old, 'ls']);
    expect(upgraded.code, upgraded.err).toBe(0);
    const fresh = schemaOf(box.db);
    expect(fresh.version).toBe(SCHEMA_VERSION);
    expect(fresh.objects.length).toBeGreaterThan(100);
    expect(schemaOf(old)).toEqual(fresh);
  });
});
