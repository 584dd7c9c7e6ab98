// Files as a real process sees them (issue 16, findings 6–8): a normal user's permissions (pm run as
// `nobody` when the tests run as root), a file-size limit standing in for a full disk, and a real
// standard output behind `--out /dev/stdout`. test/cli/files.test.ts has the rest, in-process.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { BIN, IS_ROOT, runAsUser, sandbox, ticketsExport, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => (box = sandbox()));
afterEach(() => box.cleanup());

const log = ['log', '--with', 'Ann Lee <ann@acme.test>', '--account', 'Acme', '--summary', 'Exports take an hour'];

describe('a journal that exists but cannot be read is exit 1, never an empty journal (finding 8)', () => {
  it('as a normal user, in a folder it cannot enter: ls, doctor, report and export say why, exit 1', () => {
    const folder = join(box.dir, 'locked');
    const env = { PM_DB: join(folder, 'journal.db') };
    expect(runAsUser(box, log, { env }).code).toBe(0);
    const journal = join(folder, 'journal.db');
    const hash = () => createHash('sha256').update(readFileSync(journal)).digest('hex');
    const before = hash();
    const files = readdirSync(folder).sort();
    chmodSync(folder, 0o600); // readable listing, but not enterable
    try {
      for (const args of [['ls'], ['doctor'], ['report', '--format', 'json'], ['export', '--format', 'json']]) {
        const r = runAsUser(box, args, { env });
        expect(r.code, `${args.join(' ')}: ${r.err}`).toBe(1);
        expect(r.err).toMatch(/^pm: cannot read the journal .*locked\/journal\.db: permission denied/);
        expect(r.out).toBe('');
      }
      // a write is refused the same way, and creates nothing
      const w = runAsUser(box, log, { env });
      expect(w.code).toBe(1);
      expect(w.err).toMatch(/^pm: cannot read the journal/);
    } finally {
      chmodSync(folder, 0o700);
    }
    expect(hash()).toBe(before);
    expect(readdirSync(folder).sort()).toEqual(files);
    expect(box.json(['ls'], { env }).length).toBe(1);
  });

  it('as root and as a normal user, a loop of symbolic links is exit 1', () => {
    const loop = join(box.dir, 'loop.db');
    symlinkSync(loop, loop);
    for (const r of [
      box.spawn(['ls'], { env: { PM_DB: loop } }),
      runAsUser(box, ['doctor'], { env: { PM_DB: loop } }),
    ]) {
      expect(r.code, r.err).toBe(1);
      expect(r.err).toMatch(/^pm: cannot read the journal .*loop\.db: its path is a loop of symbolic links/);
    }
  });
});

describe('as a normal user: the same rules for exports and backups (findings 5–7)', () => {
  it('refuses the journal, its -wal, devices; writes through a link to its own file; the journal is unchanged', () => {
    expect(runAsUser(box, log).code).toBe(0);
    const before = box.snapshot();
    for (const args of [
      ['export', '--out', box.db],
      ['export', '--format', 'json', '--out', `${box.db}-wal`],
      ['backup', `${box.db}-wal`],
      ['backup', '/dev/null'],
    ]) {
      const r = runAsUser(box, args);
      expect(r.code, `${args.join(' ')}: ${r.err}`).toBe(2);
      expect(r.err).toMatch(/^pm: cannot write (--out|the backup) /);
    }
    const device = runAsUser(box, log, { env: { PM_DB: '/dev/null' } });
    expect(device.code).toBe(1);
    expect(device.err).toMatch(/^pm: the journal \/dev\/null is a character device, not a file/);
    // --out a device is written through, never replaced
    const wasNull = statSync('/dev/null');
    const through = runAsUser(box, ['export', '--format', 'json', '--out', '/dev/null']);
    expect(through.code, through.err).toBe(0);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(statSync('/dev/null').mode).toBe(wasNull.mode);
    expect(box.snapshot()).toBe(before);
    // through a link to a file of its own
    mkdirSync(join(box.dir, 'notes'));
    writeFileSync(join(box.dir, 'notes', 'week.md'), 'old');
    symlinkSync(join(box.dir, 'notes', 'week.md'), join(box.dir, 'week.md'));
    expect(runAsUser(box, ['export', '--out', join(box.dir, 'week.md')]).code).toBe(0);
    expect(lstatSync(join(box.dir, 'week.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(box.dir, 'notes', 'week.md'), 'utf8')).toMatch(/^# /);
    // a folder it may not write: a usage error, nothing left behind
    chmodSync(join(box.dir, 'notes'), 0o500);
    try {
      const r = runAsUser(box, ['backup', join(box.dir, 'notes', 'copy.db')]);
      expect(r.code, r.err).not.toBe(0);
      expect(r.err).toMatch(/^pm: cannot write the backup .*copy\.db/);
    } finally {
      chmodSync(join(box.dir, 'notes'), 0o700);
    }
    expect(readdirSync(join(box.dir, 'notes'))).toEqual(['week.md']);
  });
});

describe('pm backup on a nearly full disk keeps the older backup (finding 6)', () => {
  it('a file-size limit stops the copy: exit 1, the older backup whole, no temporary file', () => {
    expect(box.pm(log).code).toBe(0);
    const big = join(box.dir, 'big.json');
    writeFileSync(big, ticketsExport(200, { notes: 'a long note '.repeat(100) }));
    const target = join(box.dir, 'backup.db');
    expect(box.pm(['backup', target]).code).toBe(0);
    const older = readFileSync(target);
    expect(box.pm(['import', big]).code).toBe(0);
    const before = box.snapshot();
    // files limited to 128 KiB (ulimit -f), SIGXFSZ ignored: writes past it fail as on a full disk
    const r = spawnSync(
      'bash',
      ['-c', 'trap "" XFSZ; ulimit -f 128; exec "$0" "$@"', process.execPath, BIN, 'backup', target],
      { env: box.env, encoding: 'utf8' },
    );
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/^pm: cannot write the backup .*backup\.db: the disk is full or the file too large/);
    expect(readFileSync(target).equals(older)).toBe(true);
    expect(readdirSync(box.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(box.snapshot()).toBe(before);
    expect(statSync(target).size).toBeGreaterThan(0);
  });
});

describe('--out /dev/stdout writes through to the real standard output', () => {
  it('appending to a file (>>) keeps what was there; into a pipe it is what stdout would get', () => {
    expect(box.pm(log).code).toBe(0);
    const expected = box.pm(['export', '--format', 'csv']).out;
    const file = join(box.dir, 'log.csv');
    writeFileSync(file, 'earlier line\n');
    const r = spawnSync(
      'bash',
      ['-c', 'exec "$0" "$@" >> "$PM_OUT"', process.execPath, BIN, 'export', '--format', 'csv', '--out', '/dev/stdout'],
      { env: { ...box.env, PM_OUT: file }, encoding: 'utf8' },
    );
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(`earlier line\n${expected}`);
    expect(lstatSync(file).isFile()).toBe(true);
    const piped = box.spawn(['export', '--format', 'csv', '--out', '/dev/stdout']);
    expect(piped.code).toBe(0);
    expect(piped.out).toBe(expected);
  });
});

if (!IS_ROOT) console.warn('test/e2e/files.test.ts: not root; the "normal user" runs are this user');

describe('the journal at the end of a process (src/cli.ts main(), Context.close)', () => {
  // the file alone holds everything between commands: a write ends with its -wal copied into the file
  // and emptied (wave 17: then left for the exit, as a read's connection; test/e2e/exit-checkpoint.test.ts)
  const walSize = () => (existsSync(`${box.db}-wal`) ? statSync(`${box.db}-wal`).size : 0);
  it('a command that wrote empties its log into the file; one that read leaves it byte for byte', () => {
    const wrote = box.spawn(log);
    expect(wrote.code).toBe(0);
    expect(walSize()).toBe(0);
    const before = readFileSync(box.db);
    // a read-only connection is left for the process's exit to end, not closed one piece at a time
    for (const args of [['report'], ['ls'], ['show', 'last']]) {
      const r = box.spawn(args);
      expect([args, r.code, r.err]).toEqual([args, 0, '']);
      expect(readFileSync(box.db).equals(before)).toBe(true);
    }
    // and a write after the reads still finds the journal whole and ends with its log in the file
    expect(box.spawn(['log', '--with', 'Ann Lee', '--summary', 'Second call']).code).toBe(0);
    expect(walSize()).toBe(0);
    expect(readFileSync(box.db).equals(before)).toBe(false);
    expect(box.sql('SELECT count(*) AS n FROM interviews')[0].n).toBe(2);
  });
});
