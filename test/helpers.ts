// Shared test helpers: every test gets its own temporary folder and journal, and runs the real CLI
// (bin/pm.js, built by `npm test` before vitest starts) as a user or a script would.
import { spawnSync, spawn, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';

export const ROOT = resolve(import.meta.dirname, '..');
export const BIN = join(ROOT, 'bin', 'pm.js');

export interface RunResult {
  code: number | null;
  out: string;
  err: string;
}

export interface Sandbox {
  dir: string;
  db: string;
  env: NodeJS.ProcessEnv;
  /** run `pm args…` against this sandbox's journal */
  pm(args: string[], opts?: { input?: string | Buffer; env?: NodeJS.ProcessEnv }): RunResult;
  /** run `pm args… --json`, expect exit 0 and parse stdout */
  json<T = any>(args: string[], opts?: { input?: string; env?: NodeJS.ProcessEnv }): T;
  /** open the journal directly (read-only by default) to check what was stored */
  sql<T = any>(query: string, ...params: unknown[]): T[];
  /** the journal's bytes (with -wal), to check that a failed command changed nothing */
  snapshot(): string;
  cleanup(): void;
}

/**
 * A fresh sandbox: a temporary HOME and XDG folders, PM_DB pointing at a journal inside it,
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
      return runPm(args, { env: { ...env, ...o.env }, input: o.input });
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
export function onTerminal(box: Sandbox, script: [expected: string, answer: string][], args: string[]): TerminalRun {
  const file = join(box.dir, `script-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(script));
  const r = spawnSync(
    'python3',
    [join(ROOT, 'test', 'e2e', 'pty-driver.py'), file, '--', process.execPath, BIN, ...args],
    {
      env: { ...box.env, COLUMNS: '120', LINES: '40', TERM: 'xterm' },
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  if (r.status !== 0) throw new Error(`pty driver failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}
