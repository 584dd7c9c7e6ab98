// Crash safety: `kill -9` during a large import and during a schema migration. After each kill the
// file passes integrity_check and foreign_key_check and holds all of the import or none of it; a
// migration is either not begun (schema 1, old content) or done (the current schema, the same
// content), and the next pm finishes the job.
// Where each kill lands is observed, not hoped for: pm is stopped (SIGSTOP) before it is killed, and
// what it was doing is read from the locks it holds (/proc/locks). SQLite's WAL write lock (a POSIX
// lock on byte 120 of the -shm file) is held from BEGIN IMMEDIATE to the commit, so a pm holding it
// was killed mid-transaction; one that held it and let go had committed (each run writes once).
// Each test kills pm six times: three aim inside the transaction (a seeded moment in each third of
// how long it lasts, from when the lock is taken), one just after the commit, one before the lock is
// taken (a seeded moment in the first half of the time the full run took to take it) and one at a
// seeded moment of the whole run; each run's expected outcome follows from where its kill
// landed. The seed is fixed (printed); PM_CRASH_SEED=N draws others.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { BIN, ROOT, sandbox, skip, type Sandbox } from '../helpers.js';
import { SCHEMA_VERSION } from '../../src/db/migrations.js';

/** kills aimed inside the write transaction, just after its commit, before it, anywhere in the run */
const IN_TRANSACTION = 3;
const AFTER_COMMIT = 1;
const BEFORE = 1;
const ANYWHERE = 1;
const RUNS = IN_TRANSACTION + AFTER_COMMIT + BEFORE + ANYWHERE;
const INTERVIEWS = 700;
const SEED = process.env.PM_CRASH_SEED ? Number(process.env.PM_CRASH_SEED) : 20261120;
if (!Number.isSafeInteger(SEED)) throw new Error(`PM_CRASH_SEED must be an integer, not ${process.env.PM_CRASH_SEED}`);
/** without /proc/locks (not Linux) there is no seeing where a kill landed */
const LOCKS = '/proc/locks';

type Generator = {
  generate(n: number, opts?: { seed?: number }): unknown;
  mulberry32(seed: number): () => number;
};

let box: Sandbox;
let gen: Generator;
let random: () => number;
const path = (name: string) => join(box.dir, name);

function removeJournal(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '.bak-v1']) rmSync(file + suffix, { force: true });
}

function copyJournal(from: string, to: string): void {
  removeJournal(to);
  copyFileSync(from, to);
}

/**
 * What process `pid` holds of the journal `db`'s WAL locks: POSIX locks on bytes of the -shm file
 * (wal.c). A writer holds the write lock (120) from BEGIN IMMEDIATE to its commit, with a read mark
 * (a shared lock on one of bytes 123-127), except for an instant when it restarts the WAL and
 * changes read marks. Recovering the WAL index, and a RESTART or TRUNCATE checkpoint, take the
 * write lock too, with the recover (122) or checkpoint (121) lock.
 */
function walLocks(pid: number, db: string): { write: boolean; readMark: boolean; other: boolean } {
  let inode: number;
  try {
    inode = statSync(`${db}-shm`).ino;
  } catch {
    return { write: false, readMark: false, other: false };
  }
  // "1: POSIX  ADVISORY  WRITE 4242 fe:00:2213752 120 120" (a waiter's line has "->" after the number)
  const held = readFileSync(LOCKS, 'utf8')
    .split('\n')
    .map((line) => line.replace('->', '').trim().split(/\s+/))
    .filter((f) => f[1] === 'POSIX' && Number(f[4]) === pid && Number(f[5]?.split(':')[2]) === inode)
    .map((f) => ({ write: f[3] === 'WRITE', from: Number(f[6]), to: Number(f[7]) }));
  const locked = (write: boolean, first: number, last = first) =>
    held.some((l) => l.write === write && l.from <= last && first <= l.to);
  return { write: locked(true, 120), readMark: locked(false, 123, 127), other: locked(true, 121, 122) };
}

/** A write transaction, for sure: the write lock with a read mark, and neither checkpoint nor recovery. */
const surelyWriting = (l: ReturnType<typeof walLocks>) => l.write && l.readMark && !l.other;

/** Wait until the kernel shows `pid` stopped (or gone), so that its locks are what they were when it stopped. */
function waitStopped(pid: number): void {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (const deadline = Date.now() + 10_000; Date.now() < deadline; Atomics.wait(pause, 0, 0, 1)) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      return; // gone
    }
    // "4242 (node) T …": the state follows the command name, which may itself hold spaces or ")"
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    if (state === 'T' || state === 't' || state === 'Z') return;
  }
  throw new Error(`pm (pid ${pid}) did not stop within 10 s of SIGSTOP`);
}

/** Where a kill landed: before the write transaction, inside it, after its commit; or pm had ended. */
type Landed = 'before' | 'transaction' | 'committed' | 'ended';

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  landed: Landed;
  /** how long it ran */
  ms: number;
  /** when pm was first seen inside its write transaction, and last seen there */
  lockedFromMs?: number;
  lockedToMs?: number;
}

/** When to stop and kill pm: at a time from its start, a time into its write transaction, or once it has committed. */
type Kill = { afterStartMs: number } | { afterLockMs: number } | { afterCommit: true };

/**
 * Run pm on the journal `db`, watching for its write transaction (every millisecond); with `kill`,
 * stop it at that moment, note where it was, and SIGKILL it.
 */
function runPm(db: string, args: string[], kill?: Kill): Promise<Run> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child: ChildProcess = spawn(process.execPath, [BIN, '--db', db, ...args], { env: box.env, stdio: 'ignore' });
    let lockedFromMs: number | undefined;
    let lockedToMs: number | undefined;
    let landed: Landed | undefined;
    const stopAndKill = () => {
      if (landed !== undefined || child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGSTOP');
      waitStopped(child.pid!);
      // once a transaction was seen, the write lock (without a checkpoint's) is still it; let go: committed
      const l = walLocks(child.pid!, db);
      const writing = surelyWriting(l) || (lockedFromMs !== undefined && l.write && !l.other);
      landed = writing ? 'transaction' : lockedFromMs === undefined ? 'before' : 'committed';
      child.kill('SIGKILL');
    };
    let timer: NodeJS.Timeout | undefined;
    if (kill && 'afterStartMs' in kill) timer = setTimeout(stopAndKill, kill.afterStartMs);
    const poll = setInterval(() => {
      if (landed !== undefined) return;
      const now = performance.now() - started;
      const l = walLocks(child.pid!, db);
      if (surelyWriting(l)) {
        if (lockedFromMs === undefined) {
          lockedFromMs = now;
          if (kill && 'afterLockMs' in kill) timer = setTimeout(stopAndKill, kill.afterLockMs);
        }
        lockedToMs = now;
      } else if (lockedFromMs !== undefined && !l.write && kill && 'afterCommit' in kill) stopAndKill();
    }, 1);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      clearInterval(poll);
      resolve({ code, signal, landed: landed ?? 'ended', ms: performance.now() - started, lockedFromMs, lockedToMs });
    });
  });
}

/**
 * The kills of one test: IN_TRANSACTION inside the write transaction (the k-th in the k-th share of
 * its first 80 %, so that its start, middle and end are each aimed at), AFTER_COMMIT after it, BEFORE
 * before it, the rest anywhere.
 */
function plan(full: Run): { kill: Kill; aim: string }[] {
  const transactionMs = full.lockedToMs! - full.lockedFromMs!;
  return Array.from({ length: RUNS }, (_, run) => {
    if (run < IN_TRANSACTION) {
      const ms = Math.round(((run + random()) / IN_TRANSACTION) * 0.8 * transactionMs);
      return { kill: { afterLockMs: ms }, aim: `${ms} ms into the write transaction` };
    }
    if (run < IN_TRANSACTION + AFTER_COMMIT) return { kill: { afterCommit: true }, aim: 'just after the commit' };
    const ms = Math.round(
      run < IN_TRANSACTION + AFTER_COMMIT + BEFORE ? random() * 0.5 * full.lockedFromMs! : (0.15 + random()) * full.ms,
    );
    return { kill: { afterStartMs: ms }, aim: `${ms} ms after the start` };
  });
}

/** Open as the next process would (recovering the WAL) and check the file. */
function inspect(file: string): { integrity: string; foreignKeys: unknown[]; version: number; db: Database.Database } {
  const db = new Database(file);
  return {
    integrity: db.pragma('integrity_check', { simple: true }) as string,
    foreignKeys: db.pragma('foreign_key_check') as unknown[],
    version: db.pragma('user_version', { simple: true }) as number,
    db,
  };
}

const TABLES = [
  'accounts',
  'contacts',
  'interviews',
  'hypotheses',
  'evidence',
  'outcomes',
  'interview_contacts',
  'pains',
  'quotes',
];
function counts(db: Database.Database): Record<string, number> {
  return Object.fromEntries(TABLES.map((t) => [t, db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number]));
}

/** The columns of every table (full-text shadow tables aside) of a journal. */
function columnsOf(db: Database.Database): Map<string, string[]> {
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'interviews_fts_%'",
    )
    .pluck()
    .all() as string[];
  return new Map(
    tables.map((t) => [t, db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(t) as string[]]),
  );
}

/** A digest of every row of the given tables and columns (the full-text index by rowid). */
function digest(db: Database.Database, tables: Map<string, string[]>): string {
  const hash = createHash('sha256');
  for (const [table, columns] of tables) {
    const cols = columns.map((c) => `"${c}"`).join(', ');
    const order = table === 'interviews_fts' ? 'rowid' : cols;
    for (const row of db
      .prepare(`SELECT ${table === 'interviews_fts' ? 'rowid, ' : ''}${cols} FROM "${table}" ORDER BY ${order}`)
      .raw()
      .iterate())
      hash.update(JSON.stringify(row));
    hash.update(`|${table}|`);
  }
  return hash.digest('hex');
}

type SchemaObject = { type: string; name: string; sql: string };

/**
 * The journal's tables, indexes, views and triggers, in the order they were made; not SQLite's own
 * (sqlite_sequence, autoindexes) nor a full-text index's shadow tables, which follow their virtual table.
 */
function schemaObjects(db: Database.Database): SchemaObject[] {
  const shadows = new Set(
    db.prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'shadow'").pluck().all(),
  );
  return (
    db
      .prepare(
        "SELECT type, name, sql FROM sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'" +
          ' ORDER BY rowid',
      )
      .all() as SchemaObject[]
  ).filter((o) => !shadows.has(o.name));
}

/**
 * Turn a current journal into the shape schema 1 had, derived from migrations/0001_init.sql rather
 * than kept by hand (a hand-kept list broke with every new migration): whatever schema 1 lacks or
 * spells differently is dropped or rebuilt, the rows of schema 1's columns are kept.
 */
function downgradeToSchema1(file: string): void {
  const fresh = new Database(':memory:');
  fresh.exec(readFileSync(join(ROOT, 'migrations', '0001_init.sql'), 'utf8'));
  const v1 = schemaObjects(fresh);
  const v1Columns = (table: string) =>
    fresh.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[];
  const sqlOf = new Map(v1.map((o) => [o.name, o.sql]));
  const quote = (name: string) => `"${name}"`;

  const db = new Database(file);
  db.pragma('foreign_keys = OFF');
  // a table set aside to be rebuilt keeps its name in other tables' foreign keys, views and triggers
  db.pragma('legacy_alter_table = ON');
  const now = schemaObjects(db);
  const changed = (o: SchemaObject) => sqlOf.get(o.name) !== o.sql;
  db.transaction(() => {
    // triggers and views first (they may name anything below), then indexes, then the new tables
    for (const type of ['trigger', 'view', 'index'])
      for (const o of now.filter((o) => o.type === type && changed(o)))
        db.exec(`DROP ${type.toUpperCase()} IF EXISTS ${quote(o.name)}`);
    for (const o of now.filter((o) => o.type === 'table' && !sqlOf.has(o.name)))
      db.exec(`DROP TABLE IF EXISTS ${quote(o.name)}`);
    // a schema-1 table spelled differently: set aside, made anew from schema 1's CREATE with the rows
    // of schema 1's columns, its AUTOINCREMENT counter kept (a deleted row's id is never reused)
    for (const o of now.filter((o) => o.type === 'table' && sqlOf.has(o.name) && changed(o))) {
      const t = o.name;
      const cols = v1Columns(t).map(quote).join(', ');
      const seq = db.prepare('SELECT seq FROM sqlite_sequence WHERE name = ?').pluck().get(t);
      db.exec(`ALTER TABLE ${quote(t)} RENAME TO ${quote(`${t}_old`)}`);
      db.exec(sqlOf.get(t) as string);
      db.exec(`INSERT INTO ${quote(t)} (${cols}) SELECT ${cols} FROM ${quote(`${t}_old`)}`);
      db.exec(`DROP TABLE ${quote(`${t}_old`)}`);
      db.prepare('DELETE FROM sqlite_sequence WHERE name = ?').run(t);
      if (seq !== undefined) db.prepare('INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)').run(t, seq);
    }
    // schema 1's objects that are now missing (dropped above, or with a rebuilt table), in its order
    const exists = db.prepare('SELECT 1 FROM sqlite_schema WHERE name = ?').pluck();
    for (const o of v1) if (!exists.get(o.name)) db.exec(o.sql);
    db.pragma('user_version = 1');
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  fresh.close();
}

const outcomeLog: string[] = [];

beforeAll(async () => {
  box = sandbox();
  gen = (await import(pathToFileURL(join(ROOT, 'test', 'bench', 'generate.mjs')).href)) as Generator;
  random = gen.mulberry32(SEED);
  console.log(`crash.test.ts: seed ${SEED} (PM_CRASH_SEED=${SEED} draws these kill times again)`);
  writeFileSync(path('big.json'), JSON.stringify(gen.generate(INTERVIEWS, { seed: 7 })));
  // a journal with a few records of its own, all checkpointed into the main file
  for (const args of [
    [
      'log',
      '--with',
      'Ann Lee <ann@acme.test>',
      '--account',
      'Acme',
      '--summary',
      'Invoices are slow',
      '--date',
      '2026-11-10',
    ],
    ['hyp', 'add', 'Finance teams want itemised invoices', '--date', '2026-11-01'],
    ['hyp', 'link', 'H1', 'I1', '--supports'],
  ])
    expect(box.pm(['--db', path('seed.db'), ...args]).code).toBe(0);
});
afterAll(() => {
  if (outcomeLog.length) console.log(`crash.test.ts (seed ${SEED}):\n  ${outcomeLog.join('\n  ')}`);
  box.cleanup();
});

/**
 * Run pm to the end, to see how long it takes and when it writes. Polled every millisecond, a short
 * transaction (a migration's: ~20 ms) can pass unseen on a busy machine: then run it again.
 */
async function fullRun(db: string, args: string[], prepare: () => void): Promise<Run> {
  for (let attempt = 1; ; attempt++) {
    prepare();
    const r = await runPm(db, args);
    if (r.lockedFromMs !== undefined || attempt === 5) return r;
    console.log(`crash.test.ts: pm ${args.join(' ')}'s write transaction passed unseen; again`);
  }
}

/** Kill pm as planned; an aim inside the transaction that landed after it is tried again sooner. */
async function killed(db: string, args: string[], prepare: () => void, kill: Kill): Promise<Run> {
  for (let attempt = 1; ; attempt++) {
    prepare();
    const r = await runPm(db, args, kill);
    if (!('afterLockMs' in kill) || r.landed === 'transaction' || attempt === 3) return r;
    kill = { afterLockMs: Math.floor(kill.afterLockMs / 2) };
  }
}

describe('kill -9 before, during and after the write', () => {
  it(`during a ${INTERVIEWS}-interview import, ${RUNS} times: the file is sound and holds all of the import or none`, async (ctx) => {
    if (!existsSync(LOCKS)) return skip(ctx, `${LOCKS} is missing: where a kill lands cannot be seen here`);
    // one run to the end: what "all" is, how long an import takes and how long its write transaction lasts
    const full = await fullRun(path('full.db'), ['import', path('big.json')], () =>
      copyJournal(path('seed.db'), path('full.db')),
    );
    expect(full.code).toBe(0);
    expect(full.lockedFromMs, 'the write transaction was seen').toBeDefined();
    const none = (() => {
      const c = inspect(path('seed.db'));
      const n = counts(c.db);
      c.db.close();
      return n;
    })();
    const all = (() => {
      const c = inspect(path('full.db'));
      const n = counts(c.db);
      c.db.close();
      return n;
    })();
    expect(all.interviews - none.interviews).toBe(INTERVIEWS);

    const landed: Record<Landed, number> = { before: 0, transaction: 0, committed: 0, ended: 0 };
    const file = path('import.db');
    for (const [run, { kill, aim }] of plan(full).entries()) {
      const r = await killed(file, ['import', path('big.json')], () => copyJournal(path('seed.db'), file), kill);
      landed[r.landed]++;
      const what = `seed ${SEED}, run ${run + 1}: aimed ${aim}, landed ${r.landed} (${r.signal ?? `exit ${r.code}`})`;
      const c = inspect(file);
      try {
        expect(c.integrity, what).toBe('ok');
        expect(c.foreignKeys, what).toEqual([]);
        const now = counts(c.db);
        // killed before the commit: none of it; after it, or not killed: all of it
        const expected = r.landed === 'before' || r.landed === 'transaction' ? none : all;
        expect(now, what).toEqual(expected);
        if (r.landed === 'ended') expect(r.code, what).toBe(0);
        outcomeLog.push(`import ${what}: ${now.interviews === none.interviews ? 'none' : 'all'}`);
      } finally {
        c.db.close();
      }
    }
    expect(landed.transaction, 'kills that landed mid-transaction').toBeGreaterThanOrEqual(IN_TRANSACTION);
    expect(landed.committed, 'kills that landed after the commit').toBeGreaterThanOrEqual(1);
  }, 120_000);

  it(`during the schema 1 → ${SCHEMA_VERSION} migration of a large journal, ${RUNS} times: old schema and content, or new schema and the same content`, async (ctx) => {
    if (!existsSync(LOCKS)) return skip(ctx, `${LOCKS} is missing: where a kill lands cannot be seen here`);
    // a large schema-1 journal: a current one with a generated import, taken back to schema 1's shape
    const v1 = path('v1.db');
    copyJournal(path('seed.db'), v1);
    // filled in-process (pm's own import, as a process runs it): only the runs that are killed need a process
    expect(box.pm(['--db', v1, 'import', path('big.json')]).code).toBe(0);
    downgradeToSchema1(v1);
    const old = inspect(v1);
    expect(old.version).toBe(1);
    const oldTables = columnsOf(old.db);
    const before = digest(old.db, oldTables);
    old.db.close();

    // one run to the end: how long a migrating `pm ls` takes, and how long its write transaction lasts
    // (the backup, VACUUM INTO, comes first and only reads)
    const file = path('migrate.db');
    const backup = `${file}.bak-v1`;
    const full = await fullRun(file, ['ls', '--limit', '1'], () => copyJournal(v1, file));
    expect(full.code).toBe(0);
    expect(full.lockedFromMs, 'the write transaction was seen').toBeDefined();

    const landed: Record<Landed, number> = { before: 0, transaction: 0, committed: 0, ended: 0 };
    for (const [run, { kill, aim }] of plan(full).entries()) {
      const r = await killed(file, ['ls', '--limit', '1'], () => copyJournal(v1, file), kill);
      landed[r.landed]++;
      const what = `seed ${SEED}, run ${run + 1}: aimed ${aim}, landed ${r.landed} (${r.signal ?? `exit ${r.code}`})`;
      const c = inspect(file);
      try {
        expect(c.integrity, what).toBe('ok');
        expect(c.foreignKeys, what).toEqual([]);
        // killed before the commit: schema 1; after it, or not killed: the new schema
        expect(c.version, what).toBe(r.landed === 'before' || r.landed === 'transaction' ? 1 : SCHEMA_VERSION);
        expect(digest(c.db, oldTables), what).toBe(before);
        const evidenceColumns = c.db.prepare("SELECT name FROM pragma_table_info('evidence')").pluck().all();
        if (c.version === SCHEMA_VERSION) {
          expect(evidenceColumns, what).toEqual(expect.arrayContaining(['date', 'kind']));
          const stale = c.db
            .prepare(
              'SELECT count(*) FROM evidence e JOIN interviews i ON i.id = e.interview_id WHERE e.date <> i.date OR e.kind <> i.kind',
            )
            .pluck()
            .get();
          expect(stale, what).toBe(0);
        } else {
          expect(evidenceColumns, what).not.toContain('date');
        }
        if (r.landed === 'ended') expect(r.code, what).toBe(0);
        outcomeLog.push(`migration ${what}: schema ${c.version}`);
      } finally {
        c.db.close();
      }
      // the next pm finishes the job, and leaves a whole backup of the old journal beside it
      const doctor = box.pm(['--db', file, 'doctor', '--json']);
      expect(doctor.code, `${what}: ${doctor.err}`).toBe(0);
      expect(JSON.parse(doctor.out), what).toMatchObject({ schemaVersion: SCHEMA_VERSION, healthy: true });
      if (c.version === 1) {
        const copy = new Database(backup, { readonly: true });
        expect(digest(copy, oldTables), `${what}: the backup`).toBe(before);
        copy.close();
      }
    }
    expect(landed.transaction, 'kills that landed mid-transaction').toBeGreaterThanOrEqual(IN_TRANSACTION);
    expect(landed.committed, 'kills that landed after the commit').toBeGreaterThanOrEqual(1);
  }, 120_000);
});
