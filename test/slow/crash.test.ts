// Crash safety: `kill -9` at random moments during a large import and during a schema migration.
// After each kill the file passes integrity_check and foreign_key_check and holds all of the import
// or none of it; a migration is either not begun (schema 1, old content) or done (the current schema, the
// same content), and the next pm finishes the job. The kill times are drawn from a seeded
// generator; the seed is printed, and PM_CRASH_SEED=N replays the same kill times.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { copyFileSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { BIN, ROOT, sandbox, type Sandbox } from '../helpers.js';
import { SCHEMA_VERSION } from '../../src/db/migrations.js';

const RUNS = 10;
const INTERVIEWS = 5000;
const SEED = Number(process.env.PM_CRASH_SEED) || Date.now() % 1_000_000;

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

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** how long it ran */
  ms: number;
  /** when the watched file first had bytes, if it did */
  seenMs?: number;
}

const hasBytes = (file: string) => {
  try {
    return statSync(file).size > 0;
  } catch {
    return false;
  }
};

/**
 * Run pm; with `kill`, SIGKILL it `afterMs` after it starts, or after the file `from` first has
 * bytes (if it is still running then). `watch` notes when a file first has bytes.
 */
function runPm(args: string[], opts: { kill?: { afterMs: number; from?: string }; watch?: string } = {}): Promise<Run> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [BIN, ...args], { env: box.env, stdio: 'ignore' });
    const watch = opts.kill?.from ?? opts.watch;
    let seenMs: number | undefined;
    let timer: NodeJS.Timeout | undefined;
    const killLater = (ms: number) => (timer = setTimeout(() => child.kill('SIGKILL'), ms));
    const poll =
      watch === undefined
        ? undefined
        : setInterval(() => {
            if (seenMs !== undefined || !hasBytes(watch)) return;
            seenMs = performance.now() - started;
            if (opts.kill?.from) killLater(opts.kill.afterMs);
          }, 1);
    if (opts.kill && !opts.kill.from) killLater(opts.kill.afterMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      clearInterval(poll);
      resolve({ code, signal, ms: performance.now() - started, seenMs });
    });
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

/**
 * Turn a current journal into the shape schema 1 had: the kind triggers of 0001 (not 0005's), no
 * evidence_customers (0003), evidence without date and kind and no 0002 triggers.
 */
/** A CREATE TABLE or CREATE TRIGGER statement of migrations/0001_init.sql, by name. */
function schema1(kind: 'TABLE' | 'TRIGGER', name: string): string {
  const sql = readFileSync(join(ROOT, 'migrations', '0001_init.sql'), 'utf8');
  const m = new RegExp(
    kind === 'TABLE' ? `CREATE TABLE ${name} \\([\\s\\S]*?\\n\\)[^;]*;` : `CREATE TRIGGER ${name} [\\s\\S]*?\\nEND;`,
  ).exec(sql);
  if (!m) throw new Error(`no ${kind.toLowerCase()} ${name} in 0001_init.sql`);
  return m[0];
}

function downgradeToSchema1(file: string): void {
  const db = new Database(file);
  db.pragma('foreign_keys = OFF');
  const kindTriggers = [
    'interviews_kind_after_insert',
    'interviews_kind_after_channel',
    'interview_contacts_kind_after_insert',
    'interview_contacts_kind_after_delete',
    'contacts_kind_after_role',
  ];
  db.exec(`BEGIN;
    ALTER TABLE pains DROP COLUMN severity;
    DROP TRIGGER evidence_copy_after_insert;
    DROP VIEW evidence_interview_now;
    ${kindTriggers.map((t) => `DROP TRIGGER ${t};`).join('\n')}
    DROP VIEW interviews_kind_now;
    ${kindTriggers.map((t) => schema1('TRIGGER', t)).join('\n')}
    DROP TRIGGER accounts_last_direct_after_insert;
    DROP TRIGGER accounts_last_direct_after_update;
    DROP TRIGGER accounts_last_direct_after_delete;
    DROP VIEW accounts_last_direct_now;
    ALTER TABLE accounts DROP COLUMN last_direct;
    DROP INDEX interviews_by_date_kind_account;
    DROP TRIGGER outcomes_status_after_insert;
    DROP TRIGGER outcomes_status_after_delete;
    DROP INDEX hypotheses_by_status;
    DROP VIEW hypotheses_decision_now;
    ALTER TABLE hypotheses DROP COLUMN decided_on;
    CREATE INDEX hypotheses_by_status ON hypotheses(status);
    ${schema1('TRIGGER', 'outcomes_status_after_insert')}
    ${schema1('TRIGGER', 'outcomes_status_after_delete')}
    DROP INDEX interviews_follow_up_open;
    CREATE INDEX interviews_follow_up_open ON interviews(follow_up) WHERE follow_up IS NOT NULL AND follow_up_done = 0;
    DROP TABLE evidence_customers;
    DROP TABLE evidence_totals;
    DROP VIEW evidence_customers_now;
    DROP VIEW evidence_totals_now;
    DROP TRIGGER IF EXISTS evidence_customers_after_evidence_update;
    DROP TRIGGER IF EXISTS evidence_customers_after_evidence_delete;
    DROP TRIGGER IF EXISTS evidence_customers_after_contact_update;
    DROP TRIGGER interviews_evidence_after_update;
    ${schema1('TABLE', 'evidence').replace('CREATE TABLE evidence ', 'CREATE TABLE evidence_v1 ')}
    INSERT INTO evidence_v1 SELECT hypothesis_id, interview_id, direction, strength FROM evidence;
    DROP TABLE evidence;
    ALTER TABLE evidence_v1 RENAME TO evidence;
    CREATE INDEX evidence_by_interview ON evidence(interview_id, hypothesis_id);
    PRAGMA user_version = 1;
    COMMIT;`);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

const outcomeLog: string[] = [];

beforeAll(async () => {
  box = sandbox();
  gen = (await import(pathToFileURL(join(ROOT, 'test', 'bench', 'generate.mjs')).href)) as Generator;
  random = gen.mulberry32(SEED);
  console.log(`crash.test.ts: seed ${SEED} (PM_CRASH_SEED=${SEED} replays these kill times)`);
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

describe('kill -9 at random moments', () => {
  it(`during a ${INTERVIEWS}-interview import, ${RUNS} times: the file is sound and holds all of the import or none`, async () => {
    // one run to the end: what "all" is, and how long an import takes
    copyJournal(path('seed.db'), path('full.db'));
    const full = await runPm(['--db', path('full.db'), 'import', path('big.json')], { watch: path('full.db-wal') });
    expect(full.code).toBe(0);
    expect(full.seenMs).toBeDefined();
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

    const seen = { none: 0, all: 0 };
    for (let run = 0; run < RUNS; run++) {
      // Every other kill is anywhere in the run (after the first ~15%, node starting); the others
      // aim at the writing: from the first bytes in the WAL (the commit) through the checkpoint
      // into the main file, which take a few percent of the run.
      const file = path('import.db');
      const duringWrites = run % 2 === 1;
      const killAt = Math.round(duringWrites ? random() * (full.ms - full.seenMs!) * 1.2 : (0.15 + random()) * full.ms);
      copyJournal(path('seed.db'), file);
      const r = await runPm(['--db', file, 'import', path('big.json')], {
        kill: duringWrites ? { afterMs: killAt, from: `${file}-wal` } : { afterMs: killAt },
      });
      const what = `seed ${SEED}, run ${run + 1}: killed ${killAt} ms after ${duringWrites ? 'the first write' : 'the start'} (${r.signal ?? `exit ${r.code}`})`;
      const c = inspect(file);
      try {
        expect(c.integrity, what).toBe('ok');
        expect(c.foreignKeys, what).toEqual([]);
        const now = counts(c.db);
        if (r.code === 0) expect(now, what).toEqual(all);
        else expect([none, all], what).toContainEqual(now);
        const which = now.interviews === none.interviews ? 'none' : 'all';
        seen[which]++;
        outcomeLog.push(`import ${what}: ${which}`);
      } finally {
        c.db.close();
      }
    }
    expect(seen.none + seen.all).toBe(RUNS);
  }, 120_000);

  it(`during the schema 1 → ${SCHEMA_VERSION} migration of a large journal, ${RUNS} times: old schema and content, or new schema and the same content`, async () => {
    // a large schema-1 journal: a schema-2 one with a generated import, taken back to schema 1's shape
    const v1 = path('v1.db');
    copyJournal(path('seed.db'), v1);
    expect((await runPm(['--db', v1, 'import', path('big.json')])).code).toBe(0);
    downgradeToSchema1(v1);
    const old = inspect(v1);
    expect(old.version).toBe(1);
    const oldTables = columnsOf(old.db);
    const before = digest(old.db, oldTables);
    old.db.close();

    // one run to the end: how long a migrating `pm ls` takes once it begins the backup it makes
    // first (node's start-up before that varies more than the whole migration takes)
    const file = path('migrate.db');
    const backup = `${file}.bak-v1`;
    copyJournal(v1, file);
    const full = await runPm(['--db', file, 'ls', '--limit', '1'], { watch: backup });
    expect(full.code).toBe(0);
    // the WAL lives a few milliseconds (commit to checkpoint): a busy machine may miss it once
    let commit: Run | undefined;
    for (let attempt = 0; attempt < 5 && commit?.seenMs === undefined; attempt++) {
      copyJournal(v1, file);
      commit = await runPm(['--db', file, 'ls', '--limit', '1'], { watch: `${file}-wal` });
    }
    expect(full.seenMs).toBeDefined();
    expect(commit!.seenMs).toBeDefined();

    for (let run = 0; run < RUNS; run++) {
      // every other kill from the start of the backup, the others from the migration's commit
      const from = run % 2 === 0 ? backup : `${file}-wal`;
      const reference = run % 2 === 0 ? full : commit!;
      const killAt = Math.round(random() * (reference.ms - reference.seenMs!) * 1.2);
      copyJournal(v1, file);
      const r = await runPm(['--db', file, 'ls', '--limit', '1'], { kill: { afterMs: killAt, from } });
      const what = `seed ${SEED}, run ${run + 1}: killed ${killAt} ms after ${run % 2 === 0 ? 'the backup began' : 'the first write to the WAL'} (${r.signal ?? `exit ${r.code}`})`;
      const c = inspect(file);
      try {
        expect(c.integrity, what).toBe('ok');
        expect(c.foreignKeys, what).toEqual([]);
        expect([1, SCHEMA_VERSION], what).toContain(c.version);
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
        if (r.code === 0) expect(c.version, what).toBe(SCHEMA_VERSION);
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
  }, 120_000);
});
