// The one connection helper every command goes through: its pragmas are the journal's guarantees.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import {
  FolderReadOnly,
  openChecked,
  openCopyInMemory,
  openForRead,
  openForWrite,
  writeTransaction,
  APPLICATION_ID,
  type DB,
} from '../../src/db/journal.js';
import { SCHEMA_VERSION } from '../../src/db/migrations.js';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'pm-open-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('openForWrite', () => {
  it('makes every acknowledged write durable: WAL with synchronous=FULL, foreign keys on, a busy timeout', () => {
    const j = openForWrite(join(dir, 'j.db'));
    expect(j.db.pragma('journal_mode', { simple: true })).toBe('wal');
    // 2 = FULL; SQLite's per-connection default in WAL mode is NORMAL (1), which can lose commits on power loss
    expect(j.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(j.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(j.db.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(5000);
    expect(j.db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(j.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    j.db.close();
  });

  it('write transactions are BEGIN IMMEDIATE: the lock is taken at the start, not at the first write', () => {
    const path = join(dir, 'j.db');
    const a = openForWrite(path);
    const b = openForWrite(path);
    b.db.pragma('busy_timeout = 0');
    let insideA = false;
    writeTransaction(a, () => {
      insideA = true;
      // before A writes anything, B cannot even begin its write transaction
      expect(() => writeTransaction(b, () => undefined)).toThrow(/locked|busy/i);
    });
    expect(insideA).toBe(true);
    a.db.close();
    b.db.close();
  });

  it('a new journal another pm is making is waited for, not refused as locked', async () => {
    // Three pm log creating one journal at once (test/slow/concurrency.test.ts) failed now and then
    // with "journal is locked": a new file is still in SQLite's rollback mode, and switching it to
    // WAL reads page 1, then takes the write lock without waiting (a reader asking for a write lock
    // could deadlock). Here another process holds that lock on a new, empty journal for 300 ms.
    const path = join(dir, 'j.db');
    writeFileSync(path, '');
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `const db = new (require(process.argv[1]))(process.argv[2]);
        db.exec('BEGIN IMMEDIATE'); process.stdout.write('held\\n');
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300);
        db.exec('ROLLBACK'); db.close();`,
        createRequire(import.meta.url).resolve('better-sqlite3'),
        path,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const ended = new Promise((resolve) => holder.on('exit', resolve));
    await new Promise((resolve) => holder.stdout.once('data', resolve));
    const j = openForWrite(path);
    expect(j.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(j.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    j.db.close();
    expect(await ended).toBe(0);
  });

  it('a read of a missing journal sees an empty journal and creates nothing', () => {
    const path = join(dir, 'none', 'j.db');
    const j = openForRead(path);
    expect(j.missing).toBe(true);
    expect(j.db.prepare('SELECT count(*) FROM interviews').pluck().get()).toBe(0);
    j.db.close();
    expect(existsSync(path)).toBe(false);
    expect(existsSync(join(dir, 'none'))).toBe(false);
  });

  it('reads use a read-only connection', () => {
    const path = join(dir, 'j.db');
    openForWrite(path).db.close();
    const j = openForRead(path);
    expect(j.readonly).toBe(true);
    expect(() => j.db.prepare("INSERT INTO config(key, value) VALUES ('x', 'y')").run()).toThrow(/readonly/i);
    j.db.close();
  });
});

describe("the write path's check reads the header alone, and refuses what the full check refuses", () => {
  // openForWrite closes its read-only connection at once, so its check reads application_id and
  // user_version without the schema (openChecked(…, false)); reads keep theirs and count the schema
  // too (true), the simple path. Each file below: both checks give the same verdict, except a
  // corrupt schema, which the read-write connection then refuses in the same words; a refused file
  // is left byte for byte as it was, with no -wal or -shm left behind.
  const verdict = (fn: () => number): string => {
    try {
      return `version ${fn()}`;
    } catch (err) {
      return `refused: ${(err as Error).message}`;
    }
  };
  const check = (path: string, keep: boolean) => () => {
    const { db, version } = openChecked(path, process.env, keep);
    db.close();
    return version;
  };
  // the file and its -wal by content (a read-only connection leaves an empty -wal and the -shm, an
  // index of the -wal, behind it; the last read-write connection to close removes them)
  const files = (path: string) =>
    [path, `${path}-wal`]
      .filter((f) => existsSync(f) && statSync(f).size > 0)
      .map((f) => `${f}:${createHash('sha256').update(readFileSync(f)).digest('hex')}`)
      .join(' ');
  const journal = (name: string): string => {
    const path = join(dir, name);
    openForWrite(path).db.close();
    return path;
  };
  /** Each case makes a file and returns it, with a connection to close after the checks, if any. */
  const cases: Record<string, () => { path: string; holder?: DB }> = {
    'a journal': () => ({ path: journal('j.db') }),
    'a journal of a newer pm': () => {
      const path = journal('newer.db');
      const db = new Database(path);
      db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
      db.close();
      return { path };
    },
    'a journal of an older pm (schema 0: our application_id and a table)': () => {
      const path = join(dir, 'old.db');
      const db = new Database(path);
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.exec('CREATE TABLE legacy(x INTEGER)');
      db.close();
      return { path };
    },
    'a SQLite file that is not a journal': () => {
      const path = join(dir, 'foreign.db');
      const db = new Database(path);
      db.exec('CREATE TABLE notes(x TEXT); INSERT INTO notes VALUES (1)');
      db.close();
      return { path };
    },
    'a file of text': () => {
      const path = join(dir, 'text.db');
      writeFileSync(path, 'not a database at all, just some bytes '.repeat(200));
      return { path };
    },
    'a file of zeros': () => {
      const path = join(dir, 'zeros.db');
      writeFileSync(path, Buffer.alloc(8192));
      return { path };
    },
    'a journal another pm is creating (WAL set, nothing committed yet)': () => {
      const path = join(dir, 'new.db');
      const holder = new Database(path);
      holder.pragma('journal_mode = WAL');
      return { path, holder };
    },
    'a journal still in its WAL (every page of it: its writer is still open)': () => {
      const path = join(dir, 'walled.db');
      return { path, holder: openForWrite(path).db };
    },
    'a journal made newer in its WAL, not yet checkpointed': () => {
      const path = journal('newer-in-wal.db');
      const holder = new Database(path);
      holder.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
      return { path, holder };
    },
    'a foreign file in WAL, not yet checkpointed': () => {
      const path = join(dir, 'foreign-wal.db');
      const holder = new Database(path);
      holder.pragma('journal_mode = WAL');
      holder.exec('CREATE TABLE notes(x TEXT); INSERT INTO notes VALUES (1)');
      return { path, holder };
    },
  };
  for (const [name, make] of Object.entries(cases))
    it(name, () => {
      const { path, holder } = make();
      const full = verdict(check(path, true));
      expect(verdict(check(path, false))).toBe(full);
      if (full.startsWith('refused')) {
        const before = files(path);
        expect(verdict(() => openForWrite(path).db.pragma('user_version', { simple: true }) as number)).toBe(full);
        expect(files(path)).toBe(before);
      }
      holder?.close();
    });

  it('a journal whose schema is corrupt: the read-write connection refuses it, in the same words', () => {
    const path = journal('corrupt.db');
    const bytes = readFileSync(path);
    // page 1 after the file's header: the root of the schema's table
    bytes.fill(0x41, 100, 4096);
    writeFileSync(path, bytes);
    const full = verdict(check(path, true));
    expect(full).toMatch(/^refused: the journal is corrupt/);
    expect(verdict(check(path, false))).toBe(`version ${SCHEMA_VERSION}`);
    const before = files(path);
    expect(verdict(() => openForWrite(path).db.pragma('user_version', { simple: true }) as number)).toBe(full);
    expect(files(path)).toBe(before);
    // and the same in rollback mode, where setting WAL would have written the header
    const rollback = join(dir, 'corrupt-rollback.db');
    copyFileSync(journal('plain.db'), rollback);
    const db = new Database(rollback);
    db.pragma('journal_mode = DELETE');
    db.close();
    const plain = readFileSync(rollback);
    plain.fill(0x41, 100, 4096);
    writeFileSync(rollback, plain);
    const untouched = files(rollback);
    expect(verdict(() => openForWrite(rollback).db.pragma('user_version', { simple: true }) as number)).toBe(
      verdict(check(rollback, true)),
    );
    expect(files(rollback)).toBe(untouched);
  });

  it('a damaged journal that needs an upgrade is refused as corrupt, not blamed on the copy made before it (E14)', () => {
    const path = journal('old.db');
    const db = new Database(path);
    db.exec("INSERT INTO config (key, value) VALUES ('user.name', 'Sam')");
    db.pragma(`user_version = ${SCHEMA_VERSION - 1}`);
    // a page of a table, which the upgrade's backup copy reads (the checks read only the schema)
    const page = db.prepare("SELECT max(pageno) FROM dbstat WHERE name = 'config'").pluck().get() as number;
    db.close();
    const bytes = readFileSync(path);
    bytes.fill(0, (page - 1) * 4096, (page - 1) * 4096 + 200);
    writeFileSync(path, bytes);
    const before = files(path);
    for (const open of [openForRead, openForWrite]) {
      const got = verdict(() => open(path).db.pragma('user_version', { simple: true }) as number);
      expect(got).toBe(`refused: the journal is corrupt or not a database: ${path}`);
    }
    expect(files(path)).toBe(before);
    expect(existsSync(`${path}.bak-v${SCHEMA_VERSION - 1}`)).toBe(false);
  });

  it('a corrupt schema with frames still in the WAL (a writer that crashed): refused, file and WAL untouched', () => {
    const path = journal('crashed.db');
    // a writer commits into the WAL and is gone before any checkpoint: copied while it is open
    const writer = new Database(path);
    writer.pragma('wal_autocheckpoint = 0');
    writer.exec("INSERT INTO config (key, value) VALUES ('user.name', 'Sam')");
    const crashed = join(dir, 'after-crash.db');
    copyFileSync(path, crashed);
    copyFileSync(`${path}-wal`, `${crashed}-wal`);
    writer.close();
    // a page of the schema's table, one the WAL does not hold, damaged
    const db = new Database(crashed, { readonly: true });
    const page = db
      .prepare("SELECT max(pageno) FROM dbstat WHERE name = 'sqlite_schema' AND pageno > 1")
      .pluck()
      .get() as number;
    db.close();
    const bytes = readFileSync(crashed);
    bytes.fill(0x41, (page - 1) * 4096 + 8, page * 4096);
    writeFileSync(crashed, bytes);
    const before = files(crashed);
    expect(before).toMatch(/-wal:/);
    const full = verdict(check(crashed, true));
    expect(full).toMatch(/^refused: the journal is corrupt/);
    expect(verdict(check(crashed, false))).toBe(full);
    expect(verdict(() => openForWrite(crashed).db.pragma('user_version', { simple: true }) as number)).toBe(full);
    expect(files(crashed)).toBe(before);
  });
});

describe('a journal in a folder pm cannot write (fresh-eyes E6)', () => {
  // SQLite cannot open a WAL journal there even to read (no -shm can be made): reads read a copy of
  // the file in memory. Root writes any folder, so the copy is also tested directly.
  const filled = (): string => {
    const path = join(dir, 'shared', 'journal.db');
    mkdirSync(join(dir, 'shared'));
    const j = openForWrite(path);
    j.db.exec("INSERT INTO config (key, value) VALUES ('user.name', 'Sam'), ('cadence.target', '4')");
    j.db.close();
    return path;
  };
  const rows = (db: DB) => db.prepare('SELECT key, value FROM config ORDER BY key').all();
  const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

  it('the copy in memory reads what the file holds, and leaves the folder as it was', () => {
    const path = filled();
    const reader = new Database(path, { readonly: true });
    const expected = rows(reader);
    reader.close();
    // what a read-only connection leaves (an empty -wal, the -shm) is not the copy's doing
    for (const f of [`${path}-shm`, `${path}-wal`]) rmSync(f, { force: true });
    const before = [sha(path), readdirSync(join(dir, 'shared')).join(',')];
    const { db, version } = openCopyInMemory(path, process.env);
    expect(version).toBe(SCHEMA_VERSION);
    expect(rows(db)).toEqual(expected);
    expect(expected).toContainEqual({ key: 'cadence.target', value: '4' });
    db.close();
    expect([sha(path), readdirSync(join(dir, 'shared')).join(',')]).toEqual(before);
  });

  it('an older schema is upgraded in the copy only; changes still in the -wal are refused', () => {
    const path = filled();
    const old = new Database(path);
    old.exec('DROP TABLE logged_here');
    old.pragma(`user_version = ${SCHEMA_VERSION - 1}`);
    old.close();
    const before = sha(path);
    const { db } = openCopyInMemory(path, process.env);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(rows(db)).toContainEqual({ key: 'cadence.target', value: '4' });
    db.close();
    expect(sha(path)).toBe(before);
    expect(existsSync(`${path}.bak-v${SCHEMA_VERSION - 1}`)).toBe(false);
    // a writer's commit not yet copied into the file: part of the journal, unreadable without a -shm
    const writer = new Database(path);
    writer.pragma('wal_autocheckpoint = 0');
    writer.exec("UPDATE config SET value = '5' WHERE key = 'cadence.target'");
    copyFileSync(path, join(dir, 'crashed.db'));
    copyFileSync(`${path}-wal`, join(dir, 'crashed.db-wal'));
    writer.close();
    expect(() => openCopyInMemory(join(dir, 'crashed.db'), process.env)).toThrow(
      /cannot read the journal .*crashed\.db: pm cannot write its folder .*its -wal holds changes not yet in the file/,
    );
  });

  it('a real read-only folder: reads answer, the file is untouched, a write is refused naming the folder', () => {
    const path = filled();
    const folder = join(dir, 'shared');
    const before = sha(path);
    chmodSync(path, 0o644);
    chmodSync(folder, 0o555);
    try {
      const j = openForRead(path);
      expect(rows(j.db)).toContainEqual({ key: 'cadence.target', value: '4' });
      j.db.close();
      // root can write any folder: pm then writes as SQLite lets it; anyone else is refused, by name
      let writable = true;
      try {
        writeFileSync(join(folder, 'probe'), '');
        rmSync(join(folder, 'probe'));
      } catch {
        writable = false;
      }
      let refusal: unknown;
      try {
        openForWrite(path).db.close();
      } catch (err) {
        refusal = err;
      }
      if (writable) expect(refusal).toBeUndefined();
      else {
        expect(refusal).toBeInstanceOf(FolderReadOnly);
        expect((refusal as Error).message).toContain(`cannot write the journal's folder ${folder}`);
      }
      expect(sha(path)).toBe(before);
    } finally {
      chmodSync(folder, 0o755);
    }
  });
});
