// Shared test helpers: every test gets its own temporary folder and journal, and runs the CLI
// built into dist/ (test/global-setup.ts builds it before any test starts) as a user or a script
// would: in-process by default (box.pm: src/cli.ts run() with this sandbox's environment, stdin
// and captured output, no process started), or as a real process where the process is the point
// (box.spawn: argv through bin/pm.js, exit status, file modes under pm's umask, signals, TTYs).
import { spawnSync, spawn, type SpawnSyncReturns } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { checkJsonOutput } from './json-output.js';
import { afterAll, beforeAll, expect } from 'vitest';

export const ROOT = resolve(import.meta.dirname, '..');
export const BIN = join(ROOT, 'bin', 'pm.js');
const BUNDLE = join(ROOT, 'dist', 'cli.cjs');

export interface RunResult {
  code: number | null;
  out: string;
  err: string;
}

export interface Sandbox {
  dir: string;
  db: string;
  env: NodeJS.ProcessEnv;
  /** run `pm args…` against this sandbox's journal, in-process */
  pm(args: string[], opts?: { input?: string | Buffer; env?: NodeJS.ProcessEnv; cwd?: string }): RunResult;
  /** run `pm args…` as a real process (node bin/pm.js), for what needs one */
  spawn(args: string[], opts?: { input?: string | Buffer; env?: NodeJS.ProcessEnv; cwd?: string }): RunResult;
  /** run `pm args…` in-process and expect exit 0 (the message names the command and its stderr) */
  ok(args: string[], opts?: { input?: string | Buffer; env?: NodeJS.ProcessEnv; cwd?: string }): RunResult;
  /** run `pm args… --json` in-process, expect exit 0 and parse stdout */
  json<T = any>(args: string[], opts?: { input?: string; env?: NodeJS.ProcessEnv }): T;
  /** open the journal directly (read-only by default) to check what was stored */
  sql<T = any>(query: string, ...params: unknown[]): T[];
  /** the journal's bytes (with -wal), to check that a failed command changed nothing */
  snapshot(): string;
  cleanup(): void;
}

/**
 * One sandbox for a whole file whose tests only read (or are refused): made before them with the
 * commands of `fill` (each must exit 0), removed after them. `box()` is it.
 */
export function sandboxForFile(fill: string[][]): () => Sandbox {
  let box: Sandbox | undefined;
  beforeAll(() => {
    box = sandbox();
    for (const args of fill) expect(box.pm(args).code, `pm ${args.join(' ')}`).toBe(0);
  });
  afterAll(() => box?.cleanup());
  return () => {
    if (!box) throw new Error('sandboxForFile: used outside a test');
    return box;
  };
}

/**
 * A fresh sandbox: a temporary HOME, XDG folders and TMPDIR, PM_DB pointing at a journal inside it,
 * NO_COLOR, and PM_TODAY pinned (default 2026-11-20, a Friday) so dates are deterministic.
 */
export function sandbox(opts: { today?: string | null } = {}): Sandbox {
  const dir = mkdtempSync(join(tmpdir(), 'pm-test-'));
  const db = join(dir, 'journal.db');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: join(dir, 'home'),
    XDG_DATA_HOME: join(dir, 'data'),
    XDG_CONFIG_HOME: join(dir, 'config'),
    // pm demo's journal and the exports' spools go to the temporary folder: keep them in the box
    TMPDIR: dir,
    PM_DB: db,
    NO_COLOR: '1',
    USER: 'tester',
    TZ: process.env.TZ ?? 'UTC',
    LANG: 'C.UTF-8',
  };
  if (opts.today !== null) env.PM_TODAY = opts.today ?? '2026-11-20';
  const box: Sandbox = {
    dir,
    db,
    env,
    pm(args, o = {}) {
      return pmInProcess(args, { env: { ...env, ...o.env }, input: o.input, cwd: o.cwd });
    },
    spawn(args, o = {}) {
      return runPm(args, { env: { ...env, ...o.env }, input: o.input, cwd: o.cwd });
    },
    ok(args, o = {}) {
      const r = box.pm(args, o);
      expect(r.code, `pm ${args.join(' ')}: ${r.err}`).toBe(0);
      return r;
    },
    json(args, o = {}) {
      const r = box.pm([...args, '--json'], o);
      if (r.code !== 0) throw new Error(`pm ${args.join(' ')} --json exited ${r.code}: ${r.err}`);
      try {
        return JSON.parse(r.out);
      } catch {
        throw new Error(`pm ${args.join(' ')} --json printed no JSON: ${r.out.slice(0, 300)}`);
      }
    },
    sql(query, ...params) {
      const conn = new Database(db, { readonly: true });
      try {
        return conn.prepare(query).all(...params) as any[];
      } finally {
        conn.close();
      }
    },
    snapshot() {
      // an empty or missing -wal hold the same data: a read-only open may leave an empty one
      const hash = createHash('sha256');
      for (const p of [db, `${db}-wal`]) hash.update(existsSync(p) ? readFileSync(p) : Buffer.alloc(0)).update('|');
      return hash.digest('hex');
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return box;
}

/**
 * A journal filled once a file and copied for each test that asks: the first sandbox to ask runs
 * `fill` (pm log, pm hyp add… in-process, as a test would), the others get a copy of the journal it
 * left (pm checkpoints when it closes: the file alone is the journal). For tests whose journal is
 * only their setting, made by the same commands every time: a new journal's first pm log builds
 * the schema twice (~30 ms of CPU more than a later one under load, docs/development.md "Speed"),
 * a copy costs ~0.2 ms. Only the journal is copied, never what `fill` wrote elsewhere in its sandbox.
 */
export function filledOnce(fill: (box: Sandbox) => void): (box: Sandbox) => void {
  let template: string | undefined;
  return (box) => {
    if (template !== undefined && existsSync(template)) {
      copyFileSync(template, box.db);
      return;
    }
    fill(box);
    if (existsSync(`${box.db}-wal`) && readFileSync(`${box.db}-wal`).length > 0)
      throw new Error('filledOnce: the journal has a write-ahead log left: no copy of its file alone would do');
    const folder = process.env.PM_TEST_JOURNALS;
    const dir = mkdtempSync(join(folder && existsSync(folder) ? folder : tmpdir(), 'pm-filled-'));
    template = join(dir, 'journal.db');
    copyFileSync(box.db, template);
    if (!folder) process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  };
}

/** The thread that runs in-process commands (test/in-process-worker.cjs), started on first use. */
let bridge: { port: MessagePort; replies: Int32Array; sent: number } | undefined;

type Reply = RunResult & { seq?: number; crash?: string };

/**
 * Run `pm args` in-process: src/cli.ts run() (as built into dist/cli.cjs) with `env` as its whole
 * environment, `input` as stdin, no terminal, and its output captured. It runs on a thread of this
 * process while this one waits, so that it stays a synchronous call like spawnSync.
 * What a process owns is not a run's: pm's umask (0077) and signal handler are not applied, and the
 * time zone is this process's (use box.spawn for those); `cwd` is this process's for the run.
 */
export function pmInProcess(
  args: string[],
  opts: { env?: NodeJS.ProcessEnv; input?: string | Buffer; cwd?: string } = {},
): RunResult {
  const env = opts.env ?? {};
  if ((env.TZ ?? '') !== (process.env.TZ ?? ''))
    throw new Error(`in-process pm shares this process's time zone (${process.env.TZ}): spawn it for TZ=${env.TZ}`);
  if (!bridge) {
    const { port1, port2 } = new MessageChannel();
    // how many replies the thread has posted: it adds one after each
    const replies = new Int32Array(new SharedArrayBuffer(4));
    const worker = new Worker(join(ROOT, 'test', 'in-process-worker.cjs'), {
      workerData: { port: port2, replies, bundle: BUNDLE },
      transferList: [port2],
    });
    worker.unref();
    bridge = { port: port1, replies, sent: 0 };
  }
  const { port, replies } = bridge;
  const seq = ++bridge.sent;
  const what = `in-process pm ${args.join(' ')}`;
  const cwd = process.cwd();
  if (opts.cwd) process.chdir(opts.cwd);
  try {
    port.postMessage({ seq, argv: args, env, stdin: opts.input ?? '' });
    const deadline = Date.now() + 120_000;
    for (;;) {
      const counted = Atomics.load(replies, 0);
      const reply = receiveMessageOnPort(port)?.message as Reply | undefined;
      if (reply === undefined) {
        if (Date.now() > deadline) throw new Error(`${what} did not finish in 120 s`);
        Atomics.wait(replies, 0, counted, 1000);
        continue;
      }
      // whatever the thread says outside an answer (an exception after a run ended) fails this run
      if (reply.crash) throw new Error(`${what}: the runner crashed: ${reply.crash}`);
      if (reply.seq === seq) {
        const result = { code: reply.code, out: reply.out, err: reply.err };
        checkJsonOutput(args, result, opts.cwd);
        return result;
      }
    }
  } finally {
    process.chdir(cwd);
  }
}

/** Run `pm args` as a real process: node bin/pm.js. */
export function runPm(
  args: string[],
  opts: { env?: NodeJS.ProcessEnv; input?: string | Buffer; cwd?: string } = {},
): RunResult {
  const r: SpawnSyncReturns<string> = spawnSync(process.execPath, [BIN, ...args], {
    env: opts.env,
    input: opts.input ?? '',
    encoding: 'utf8',
    cwd: opts.cwd,
    maxBuffer: 64 * 1024 * 1024,
  });
  const result = { code: r.status, out: r.stdout, err: r.stderr };
  checkJsonOutput(args, result, opts.cwd);
  return result;
}

/** The tests run as root: permissions do not stop root, so what they are about runs as `nobody` too. */
export const IS_ROOT = process.getuid?.() === 0;

/**
 * A copy of what pm runs (bin/, dist/ without its code caches, package.json, better-sqlite3's
 * package.json and native addon) in `dir`, readable by every user: another user cannot run the
 * checkout's bin/pm.js when it sits in a folder only its owner can enter (a fresh clone inside a
 * 0700 mktemp -d). Returns the copy's bin/pm.js.
 */
export function copyOfPm(dir: string): string {
  const files = [
    'bin/pm.js',
    'bin/package.json',
    'package.json',
    ...readdirSync(join(ROOT, 'dist'))
      .filter((f) => !f.includes('.v8cache') && f !== 'sql')
      .map((f) => `dist/${f}`),
    // the migrations' and the fresh schema's text, read when a journal is created or upgraded
    ...readdirSync(join(ROOT, 'dist', 'sql')).map((f) => `dist/sql/${f}`),
    'node_modules/better-sqlite3/package.json',
    'node_modules/better-sqlite3/build/Release/better_sqlite3.node',
    // read when a new name is compared with the known ones (src/core/confusables.ts)
    'node_modules/unhomoglyph/data.json',
  ];
  for (const file of files) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    copyFileSync(join(ROOT, file), join(dir, file));
    chmodSync(join(dir, file), 0o755);
    for (let d = dirname(join(dir, file)); d.startsWith(dir); d = dirname(d)) chmodSync(d, 0o755);
  }
  return join(dir, 'bin', 'pm.js');
}

/** Each sandbox's copy of pm for another user (copyOfPm), made on first use. */
const copies = new WeakMap<Sandbox, string>();

/**
 * Run pm as a user without root's powers, where permissions are the point: `nobody` (65534) when the
 * tests run as root (the sandbox is handed to it first, as a home is), else this user.
 */
export function runAsUser(
  box: Sandbox,
  args: string[],
  opts: { env?: NodeJS.ProcessEnv; input?: string | Buffer; cwd?: string } = {},
): RunResult {
  let bin = BIN;
  if (IS_ROOT) {
    bin = copies.get(box) ?? copyOfPm(join(box.dir, 'pm-copy'));
    copies.set(box, bin);
    spawnSync('chown', ['-R', '65534:65534', box.dir]);
  }
  const env = { ...box.env, ...opts.env };
  const r = IS_ROOT
    ? spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, bin, ...args], {
        env,
        input: opts.input ?? '',
        encoding: 'utf8',
        cwd: opts.cwd,
      })
    : spawnSync(process.execPath, [bin, ...args], { env, input: opts.input ?? '', encoding: 'utf8', cwd: opts.cwd });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Start pm without waiting (for concurrency tests). */
export function startPm(args: string[], env: NodeJS.ProcessEnv): Promise<RunResult> {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => resolvePromise({ code, out, err }));
  });
}

/**
 * An export document of `count` support tickets of one account (`account`, Bigco by default) on
 * `date` (2026-11-17), with `notes` as each one's notes and `summary(k)` as the k-th one's summary,
 * and, with `zelda`, each one a call with Zelda Quux quoting her: a large journal in one `pm import`,
 * for tests that need one (a test that only needs many rows fills them this way: one import in
 * place of a `pm log` a row, ~6 ms of CPU each).
 */
export function ticketsExport(
  count: number,
  opts: { notes?: string; zelda?: boolean; date?: string; account?: string; summary?: (k: number) => string } = {},
): string {
  const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const zelda = opts.zelda === true;
  return JSON.stringify({
    format: 'pm-journal',
    version: 1,
    accounts: [{ uuid: uuid(1), name: opts.account ?? 'Bigco' }],
    contacts: zelda ? [{ uuid: uuid(2), name: 'Zelda Quux', email: 'zelda@quux.test', accountUuid: uuid(1) }] : [],
    interviews: Array.from({ length: count }, (_, k) => ({
      uuid: uuid(100 + k),
      date: opts.date ?? '2026-11-17',
      channel: zelda ? 'call' : 'support',
      contactUuids: zelda ? [uuid(2)] : [],
      accountUuid: uuid(1),
      summary: opts.summary?.(k) ?? `Ticket ${k}${zelda ? ' with Zelda Quux' : ''}`,
      notes: opts.notes ?? null,
      quotes: zelda ? [`Zelda said ${k}`] : [],
    })),
  });
}

/** A minimal RFC 4180 reader: quoted fields, doubled quotes, CRLF record ends. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"' && field === '') {
      i++;
      while (i < text.length) {
        if (text[i] === '"' && text[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else field += text[i++];
      }
    } else if (text[i] === ',') {
      record.push(field);
      field = '';
      i++;
    } else if (text[i] === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 2;
    } else if (text[i] === '\n' || text[i] === '\r' || text[i] === '"')
      throw new Error(`bare ${JSON.stringify(text[i])} at ${i}`);
    else field += text[i++];
  }
  if (field !== '' || record.length) throw new Error('last record does not end with CRLF');
  return records;
}

/**
 * Skip a test that cannot be set up on this machine, saying why on stderr too: only for a test
 * whose setting is missing (another user to run as, /proc/locks), never for one that fails.
 */
export function skip(ctx: { skip(note?: string): never }, reason: string): never {
  console.warn(`skipped: ${reason}`);
  return ctx.skip(reason);
}

/** A usage error as the contract wants it: exit 2, a `pm: ` line, no stack trace. */
export function expectUsageError(r: RunResult): void {
  if (r.code !== 2) throw new Error(`want exit 2, got ${r.code}\nstdout: ${r.out}\nstderr: ${r.err}`);
  if (!/^pm: /m.test(r.err)) throw new Error(`no "pm: " line on stderr: ${r.err}`);
  if (/^\s+at .+:\d+/m.test(r.err)) throw new Error(`stack trace on stderr: ${r.err}`);
}

export interface TerminalRun {
  code: number;
  output: string;
  failure: string | null;
}

/**
 * Run `pm args` on a real pseudo-terminal (test/e2e/pty-driver.py), answering each prompt that
 * matches `expected` (a regular expression) with `answer`, as a person at a keyboard would.
 */
export function onTerminal(
  box: Sandbox,
  script: [expected: string, answer: string | { run: string[]; type: string } | { close: true }][],
  args: string[],
  env: NodeJS.ProcessEnv = {},
): TerminalRun {
  const file = join(box.dir, `script-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(script));
  const r = spawnSync(
    'python3',
    [join(ROOT, 'test', 'e2e', 'pty-driver.py'), file, '--', process.execPath, BIN, ...args],
    {
      env: { ...box.env, COLUMNS: '120', LINES: '40', TERM: 'xterm', ...env },
      encoding: 'utf8',
      timeout: 60_000,
      // a prompt redraws its line for every chunk the terminal hands over: a long paste is megabytes
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if (r.status !== 0) throw new Error(`pty driver failed: ${r.error?.message ?? ''} ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** The lines `pm args` prints on a wide pseudo-terminal (stdout and stderr as a person sees them); exit 0. */
export function terminalLines(box: Sandbox, args: string[]): string[] {
  const r = onTerminal(box, [], args, { COLUMNS: '1000' });
  if (r.code !== 0) throw new Error(`pm ${args.join(' ')} exited ${r.code}: ${r.output}`);
  return r.output.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n');
}

/** A listing line's fields: a page is laid out for its own rows, so its columns may be narrower. */
export const lineFields = (line: string) => line.trim().split(/\s+/).join(' ');

/**
 * What schema 18 (migrations/0018_listing_summaries.sql) added, taken away again, with the later
 * indexes of its columns (0022, 0029): for tests that turn a journal back into an older schema's and
 * let pm upgrade it.
 */
export const UNDO_SCHEMA_18 = `
  DROP INDEX IF EXISTS contacts_last_direct;
  DROP INDEX IF EXISTS contacts_by_last_direct;
  DROP INDEX IF EXISTS contacts_by_account_last_direct;
  DROP TRIGGER contacts_activity_after_insert;
  DROP TRIGGER contacts_activity_after_update;
  DROP TRIGGER contacts_activity_after_delete;
  DROP TRIGGER accounts_activity_after_interview_insert;
  DROP TRIGGER accounts_activity_after_interview_update;
  DROP TRIGGER accounts_activity_after_interview_delete;
  DROP TRIGGER accounts_activity_after_contact_insert;
  DROP TRIGGER accounts_activity_after_contact_update;
  DROP TRIGGER accounts_activity_after_contact_delete;
  DROP VIEW contacts_activity_now;
  DROP VIEW accounts_activity_now;
  ALTER TABLE contacts DROP COLUMN interviews;
  ALTER TABLE contacts DROP COLUMN last_direct;
  ALTER TABLE contacts DROP COLUMN last_interview;
  ALTER TABLE accounts DROP COLUMN contacts;
  ALTER TABLE accounts DROP COLUMN interviews;
  ALTER TABLE accounts DROP COLUMN last_interview;`;
