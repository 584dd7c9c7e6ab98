// Environment faults: a lock held past the timeout, a full disk (pm log, pm export --out), a
// read-only folder; a real process where the fault needs one (ulimit, another user). Each must exit
// 1 with a message that says what to do, and lose nothing already written.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { BIN, copyOfPm, ROOT, sandbox, skip, type Sandbox } from '../helpers.js';
import { SCHEMA_VERSION } from '../../src/db/migrations.js';

let box: Sandbox;
beforeEach(() => (box = sandbox()));
afterEach(() => box.cleanup());

function seed(count = 2) {
  for (let i = 0; i < count; i++) {
    const r = box.pm([
      'log',
      '--with',
      'Ann Lee <ann@acme.test>',
      '--account',
      'Acme',
      '--summary',
      `Call ${i + 1}`,
      '--date',
      '2026-11-1' + i,
    ]);
    expect(r.code, r.err).toBe(0);
  }
}

function interviewCount(): number {
  return box.sql<{ n: number }>('SELECT count(*) AS n FROM interviews')[0].n;
}

/**
 * pm as a user whom permissions bind. Root ignores them, so as root pm runs as nobody (65534) with
 * setpriv, from a copy of what it runs inside the sandbox (copyOfPm: the checkout may sit in a folder
 * nobody cannot enter). When that cannot be set up, the reason why.
 */
function unprivileged():
  | { run(args: string[], env: NodeJS.ProcessEnv): SpawnSyncReturns<string>; own(path: string): void }
  | { reason: string } {
  if (process.getuid?.() !== 0)
    return {
      run: (args, env) => spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8' }),
      own: () => {},
    };
  const bin = copyOfPm(join(box.dir, 'app'));
  chmodSync(box.dir, 0o755);
  const run = (args: string[], env: NodeJS.ProcessEnv) =>
    spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, bin, ...args], {
      env,
      encoding: 'utf8',
    });
  const probe = run(['config', 'get', 'cadence.days'], { ...box.env, PM_DB: join(box.dir, 'nowhere.db') });
  if (probe.error || probe.status !== 0)
    return {
      reason: `cannot run pm as nobody (uid 65534) here, so root cannot be kept out of a folder: ${
        probe.error?.message ?? probe.stderr.trim()
      }`,
    };
  return { run, own: (path) => chownSync(path, 65534, 65534) };
}

describe('environment faults', () => {
  it('a write lock held past the timeout: exit 1, says what to do, nothing lost', async () => {
    seed();
    // another process holds the write lock
    const holderScript = `
      const Database = require(${JSON.stringify(join(ROOT, 'node_modules', 'better-sqlite3'))});
      const db = new Database(process.argv[1]);
      db.exec('BEGIN IMMEDIATE');
      db.prepare("UPDATE config SET value = value WHERE 0").run();
      process.stdout.write('locked\\n');
      setTimeout(() => { db.exec('ROLLBACK'); db.close(); }, 60000);
      process.on('SIGTERM', () => { db.exec('ROLLBACK'); db.close(); process.exit(0); });`;
    const holder = spawn(process.execPath, ['-e', holderScript, box.db], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
    try {
      const r = box.pm(['log', '--with', 'Ann Lee', '--account', 'Acme', '--summary', 'blocked'], {
        env: { PM_BUSY_TIMEOUT_MS: '300' },
      });
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/^pm: the journal is locked by another process/m);
      expect(r.err).toMatch(/try again/);
      expect(r.err).not.toMatch(/^\s+at /m);
    } finally {
      holder.kill('SIGTERM');
      await new Promise((resolve) => holder.once('close', resolve));
    }
    expect(interviewCount()).toBe(2);
    expect(box.pm(['log', '--with', 'Ann Lee', '--account', 'Acme', '--summary', 'after the lock']).code).toBe(0);
    expect(interviewCount()).toBe(3);
  });

  it('a full disk (file-size limit): exit 1, says what to do, nothing already written is lost', () => {
    seed();
    const notes = join(box.dir, 'big-notes.txt');
    writeFileSync(notes, 'All the details of a long call. '.repeat(100_000)); // ~3 MB, under the 5 MB limit
    // SIGXFSZ ignored so that the write fails with EFBIG instead of killing the process
    const r = spawnSync(
      'bash',
      [
        '-c',
        'trap "" XFSZ; ulimit -f 1024; exec "$0" "$@"',
        process.execPath,
        BIN,
        'log',
        '--with',
        'Ann Lee',
        '--account',
        'Acme',
        '--summary',
        'huge',
        '--notes-file',
        notes,
      ],
      { env: box.env, encoding: 'utf8' },
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^pm: /m);
    expect(r.stderr).toMatch(/disk|space|size/i);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(interviewCount()).toBe(2);
    const doctor = box.json(['doctor']);
    expect(doctor.healthy).toBe(true);
  });

  it('a read-only journal folder: reads work (E6); a write is exit 1 naming the folder, nothing lost', (ctx) => {
    const pm = unprivileged();
    if ('reason' in pm) return skip(ctx, pm.reason);
    const folder = join(box.dir, 'ro');
    mkdirSync(folder);
    pm.own(folder);
    const env = { ...box.env, PM_DB: join(folder, 'journal.db') };
    expect(pm.run(['log', '--with', 'Ann Lee', '--account', 'Acme', '--summary', 'first'], env).status).toBe(0);
    // a write ends with an empty -wal and the -shm beside the journal, as a read does (wave 17), and
    // where they are SQLite can write whatever the folder: the folder here has none (a copy, a share)
    for (const f of ['-wal', '-shm']) rmSync(join(folder, `journal.db${f}`), { force: true });
    chmodSync(folder, 0o500);
    try {
      const files = readdirSync(folder).sort();
      const ls = pm.run(['ls', '--json'], env);
      expect(ls.status, ls.stderr).toBe(0);
      expect(JSON.parse(ls.stdout).map((i: { summary: string }) => i.summary)).toEqual(['first']);
      expect(pm.run(['export', '--format', 'csv'], env).stdout).toMatch(/first/);
      const r = pm.run(['log', '--with', 'Ann Lee', '--account', 'Acme', '--summary', 'second'], env);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(`pm: cannot write the journal's folder ${folder}: `);
      expect(r.stderr).toMatch(/^hint: reading commands/m);
      expect(r.stderr).not.toMatch(/^\s+at /m);
      expect(readdirSync(folder).sort()).toEqual(files);
    } finally {
      chmodSync(folder, 0o700);
    }
    const db = new Database(join(folder, 'journal.db'), { readonly: true });
    expect(db.prepare('SELECT summary FROM interviews').pluck().all()).toEqual(['first']);
    db.close();
  });

  it("a teammate's shared journal: read from a copy though the owner's last command left its -wal and -shm", (ctx) => {
    const pm = unprivileged();
    if ('reason' in pm) return skip(ctx, pm.reason);
    if (process.getuid?.() !== 0) return skip(ctx, 'the owner and the teammate must be two users: needs root');
    // the owner (root) writes and reads; pm leaves an empty -wal and the -shm, 0600, the owner's
    const folder = join(box.dir, 'shared');
    mkdirSync(folder);
    const env = { ...box.env, PM_DB: join(folder, 'journal.db') };
    expect(box.spawn(['log', '--with', 'Ann Lee', '--account', 'Acme', '--summary', 'first'], { env }).code).toBe(0);
    expect(box.spawn(['ls'], { env }).code).toBe(0);
    expect(readdirSync(folder).sort()).toEqual(['journal.db', 'journal.db-shm', 'journal.db-wal']);
    // shared for reading: the folder and the journal, not the files SQLite keeps beside it
    chmodSync(folder, 0o755);
    chmodSync(join(folder, 'journal.db'), 0o644);
    const ls = pm.run(['ls', '--json'], env);
    expect(ls.status, ls.stderr).toBe(0);
    expect(JSON.parse(ls.stdout).map((i: { summary: string }) => i.summary)).toEqual(['first']);
    const w = pm.run(['log', '--with', 'Ann Lee', '--account', 'Acme', '--summary', 'second'], env);
    expect(w.status).toBe(1);
    expect(w.stderr).toMatch(`pm: cannot write the journal's folder ${folder}: `);
  });

  it('a read-only folder, an older schema and changes still in its -wal: read upgraded in memory, nothing written (E33)', (ctx) => {
    const pm = unprivileged();
    if ('reason' in pm) return skip(ctx, pm.reason);
    const folder = join(box.dir, 'old');
    mkdirSync(folder);
    const path = join(folder, 'journal.db');
    expect(box.pm(['--db', path, 'log', '--with', 'Ann Lee', '--account', 'Acme', '--summary', 'first']).code).toBe(0);
    // the journal as an older pm left it, with a commit not yet copied out of its -wal (kept open here)
    const writer = new Database(path);
    writer.pragma('wal_autocheckpoint = 0');
    writer.exec("DROP TABLE logged_here; UPDATE interviews SET summary = 'in the wal'");
    writer.pragma(`user_version = ${SCHEMA_VERSION - 1}`);
    const copy = join(box.dir, 'shared');
    mkdirSync(copy);
    for (const f of ['journal.db', 'journal.db-wal', 'journal.db-shm']) {
      writeFileSync(join(copy, f), readFileSync(join(folder, f)), { mode: 0o600 });
      pm.own(join(copy, f));
    }
    writer.close();
    pm.own(copy);
    chmodSync(copy, 0o500);
    const env = { ...box.env, PM_DB: join(copy, 'journal.db') };
    const bytes = () => ['journal.db', 'journal.db-wal'].map((f) => readFileSync(join(copy, f)).toString('base64'));
    try {
      const before = bytes();
      const ls = pm.run(['ls', '--json'], env);
      expect(ls.status, ls.stderr).toBe(0);
      expect(JSON.parse(ls.stdout).map((i: { summary: string }) => i.summary)).toEqual(['in the wal']);
      // pm doctor tells the file's schema and mode, not the upgraded copy's it checked
      const doctor = pm.run(['doctor', '--json'], env);
      expect(doctor.status, doctor.stdout).toBe(0);
      const report = JSON.parse(doctor.stdout);
      expect([report.schemaVersion, report.journalMode, report.healthy]).toEqual([SCHEMA_VERSION - 1, 'wal', true]);
      expect(report.warnings.join('\n')).toContain(
        `checked in a copy in memory; the file is schema ${SCHEMA_VERSION - 1}, upgraded to ${SCHEMA_VERSION}`,
      );
      expect(bytes()).toEqual(before);
      const r = pm.run(['log', '--with', 'Ann Lee', '--account', 'Acme', '--summary', 'second'], env);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`hint: pm upgrades a journal (schema ${SCHEMA_VERSION - 1} to ${SCHEMA_VERSION})`);
      expect(r.stderr).not.toContain('free some space');
    } finally {
      chmodSync(copy, 0o700);
    }
  });

  it('a read-only folder and an erasure a kill left unfinished: the copy read is scrubbed, the file untouched (R2)', (ctx) => {
    const pm = unprivileged();
    if ('reason' in pm) return skip(ctx, pm.reason);
    const folder = join(box.dir, 'erased');
    mkdirSync(folder);
    const path = join(folder, 'journal.db');
    const log = (who: string, summary: string) =>
      expect(box.pm(['--db', path, 'log', '--with', who, '--account', 'Umbrella', '--summary', summary]).code).toBe(0);
    log('Erin Fox <erin@x.test>', 'Erin said it is secret');
    log('Bob Ray <bob@x.test>', 'Bob is fine');
    // pm forget killed after marking Erin (step 1), before the scrub (src/db/erasure.ts: pending 1)
    const db = new Database(path);
    const uuid = db.prepare("SELECT uuid FROM contacts WHERE name = 'Erin Fox'").pluck().get();
    db.prepare("INSERT INTO forgotten (uuid, erased_on, pending) VALUES (?, '2026-11-20', 1)").run(uuid);
    db.close();
    pm.own(path);
    pm.own(folder);
    chmodSync(folder, 0o500);
    try {
      const before = readFileSync(path).toString('base64');
      const env = { ...box.env, PM_DB: path };
      for (const args of [['ls'], ['contacts'], ['export', '--format', 'json']]) {
        const r = pm.run(args, env);
        expect(r.status, r.stderr).toBe(0);
        expect(r.stdout).not.toMatch(/Erin|erin@/);
        expect(r.stderr).toContain('an interrupted erasure could not be finished');
      }
      expect(pm.run(['ls'], env).stdout).toContain('Bob is fine');
      expect(readFileSync(path).toString('base64')).toBe(before);
    } finally {
      chmodSync(folder, 0o700);
    }
  });

  it('a journal on a read-only mount: reads work from a copy in memory; a write names the mount (H21)', (ctx) => {
    seed();
    // A real read-only file system (EROFS, which root cannot write either): the sandbox's folder
    // bind-mounted onto itself and remounted read-only, in a mount namespace of its own (unshare -m),
    // so the mount lives only as long as that one shell. Before H21 every command there said
    // "cannot open the journal … check that its folder exists and is writable", exit 1.
    const inReadOnlyMount = (args: string[]) =>
      spawnSync(
        'unshare',
        ['-m', 'bash', '-c', 'mount --bind "$0" "$0" && mount -o remount,ro,bind "$0" && exec "$@"', box.dir, ...args],
        { env: box.env, encoding: 'utf8' },
      );
    const probe = inReadOnlyMount(['touch', join(box.dir, 'probe')]);
    if (probe.error || !/Read-only file system/.test(probe.stderr))
      return skip(ctx, `cannot make a read-only mount here: ${probe.error?.message ?? probe.stderr.trim()}`);
    const pm = (...args: string[]) => inReadOnlyMount([process.execPath, BIN, ...args]);
    const files = readdirSync(box.dir).sort();
    const ls = pm('ls', '--json');
    expect(ls.status, ls.stderr).toBe(0);
    expect(JSON.parse(ls.stdout).map((i: { summary: string }) => i.summary)).toEqual(['Call 2', 'Call 1']);
    const report = pm('report');
    expect(report.status, report.stderr).toBe(0);
    expect(pm('export', '--format', 'csv').stdout).toMatch(/Call 2/);
    const log = pm('log', '--with', 'Ann Lee', '--account', 'Acme', '--summary', 'third');
    expect(log.status).toBe(1);
    expect(log.stderr).toMatch(`pm: cannot write the journal's folder ${box.dir} (a read-only file system): `);
    expect(log.stderr).toMatch(/^hint: reading commands/m);
    expect(readdirSync(box.dir).sort()).toEqual(files);
    expect(interviewCount()).toBe(2);
  });

  it('a folder that cannot be created is a journal error (exit 1), not a crash', (ctx) => {
    const pm = unprivileged();
    if ('reason' in pm) return skip(ctx, pm.reason);
    mkdirSync(join(box.dir, 'ro'), { mode: 0o500 });
    const r = pm.run(['--db', join(box.dir, 'ro', 'sub', 'j.db'), 'init'], box.env);
    expect(r.status).toBe(1);
  });

  it('export --out: a file the disk cannot take whole is an error, and the old file stays', () => {
    const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
    writeFileSync(
      join(box.dir, 'many.json'),
      JSON.stringify({
        format: 'pm-journal',
        version: 1,
        accounts: [{ uuid: uuid(1), name: 'Bigco' }],
        contacts: [],
        interviews: Array.from({ length: 300 }, (_, k) => ({
          uuid: uuid(10 + k),
          date: '2026-11-17',
          channel: 'support',
          contactUuids: [],
          accountUuid: uuid(1),
          summary: `Ticket ${k}`,
          notes: 'a long note '.repeat(40),
        })),
      }),
    );
    expect(box.pm(['import', join(box.dir, 'many.json')]).code).toBe(0);
    const path = join(box.dir, 'notes.md');
    writeFileSync(path, 'last week');
    // files limited to 64 KiB (ulimit -f; the journal's -shm file takes 32), SIGXFSZ ignored: the
    // write stops short at the limit, then fails, as when a disk fills up
    // markdown is written in chunks, JSON in one write (which stops short, and nothing follows it)
    for (const format of ['md', 'json']) {
      expect(box.pm(['export', '--format', format]).out.length).toBeGreaterThan(100_000);
      const r = spawnSync(
        'bash',
        [
          '-c',
          'trap "" XFSZ; ulimit -f 64; exec "$0" "$@"',
          process.execPath,
          BIN,
          'export',
          '--format',
          format,
          '--out',
          path,
        ],
        { env: box.env, encoding: 'utf8' },
      );
      expect(r.stderr, format).toMatch(/^pm: cannot write --out .*notes\.md: .*too large/m);
      expect(r.status).toBe(1);
      expect(readFileSync(path, 'utf8')).toBe('last week');
    }
    expect(readdirSync(box.dir).filter((f) => f.includes('.tmp'))).toEqual([]);
  });
});
