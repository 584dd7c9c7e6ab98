// Where pm writes (issue 16, findings 5–8): one rule (src/files.ts) for exports and backups, and
// the journal's own path. The journal is byte-identical after every refusal; a device is never
// replaced or chmodded; a symbolic link to a file is written through, its target keeping its owner.
// In-process: these are file-system facts, the same in a process (test/e2e/files.test.ts has what
// needs one: a normal user's permissions, a file-size limit, a real stdout, signals).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  chmodSync,
  chownSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { sandbox, skip, type Sandbox, type RunResult } from '../helpers.js';

let box: Sandbox;
beforeEach(() => (box = sandbox()));
afterEach(() => box.cleanup());

const isRoot = process.getuid?.() === 0;

function seed(): void {
  for (const [who, summary] of [
    ['Ann Lee <ann@acme.test>', 'Exports take an hour'],
    ['Bo Chen <bo@globex.test>', 'Invoices by hand'],
  ]) {
    const r = box.pm([
      'log',
      '--with',
      who,
      '--account',
      who.includes('acme') ? 'Acme' : 'Globex',
      '--summary',
      summary,
    ]);
    if (r.code !== 0) throw new Error(r.err);
  }
}

function expectRefused(r: RunResult, what: RegExp, code = 2): void {
  expect(r.code, r.err).toBe(code);
  expect(r.err).toMatch(/^pm: /);
  expect(r.err).toMatch(what);
  expect(r.err).not.toMatch(/^\s+at /m);
}

/**
 * A character device that acts like /dev/null (or /dev/full), of the sandbox's own: as root, made
 * with mknod, so that a pm that chmodded or replaced it would break nothing of the machine's;
 * as a normal user, the machine's own (which such a user cannot chmod or replace anyway).
 */
function device(name: 'null' | 'full'): string {
  if (!isRoot) return `/dev/${name}`;
  const path = join(box.dir, name);
  const made = spawnSync('mknod', ['-m', '666', path, 'c', '1', name === 'null' ? '3' : '7']);
  if (made.status !== 0) throw new Error(`mknod ${path}: ${made.stderr}`);
  return path;
}

const describeDevice = (path: string) => {
  const s = statSync(path);
  return { char: s.isCharacterDevice(), mode: s.mode & 0o7777, rdev: s.rdev, uid: s.uid };
};

describe('the journal itself is never an output (finding 5, and 6 for backups)', () => {
  it('export --out and backup refuse the journal, its -wal and -shm, by any path, and change no byte', () => {
    seed();
    // (-wal and -shm may or may not exist between commands: both are refused by name)
    const link = join(box.dir, 'link-to-journal.db');
    symlinkSync(box.db, link);
    const hard = join(box.dir, 'hard-link.db');
    linkSync(box.db, hard);
    const paths = [
      box.db,
      `${box.db}-wal`,
      `${box.db}-shm`,
      `${box.dir}/./journal.db`,
      `${box.dir}/sub/../journal.db`,
      link,
      hard,
    ];
    mkdirSync(join(box.dir, 'sub'));
    const before = box.snapshot();
    const bytes = readFileSync(box.db);
    for (const path of paths) {
      for (const format of ['json', 'csv', 'md'])
        expectRefused(box.pm(['export', '--format', format, '--out', path]), /journal/);
      expectRefused(box.pm(['backup', path]), /journal/);
      expect(box.snapshot(), path).toBe(before);
    }
    // relative to the current folder
    expectRefused(box.pm(['export', '--out', 'journal.db'], { cwd: box.dir }), /it is the journal itself/);
    expectRefused(box.pm(['backup', 'journal.db-wal'], { cwd: box.dir }), /one of the journal's own files/);
    expect(readFileSync(box.db).equals(bytes)).toBe(true);
    expect(box.snapshot()).toBe(before);
    expect(box.json(['ls']).length).toBe(2);
  });

  it('the interrupted pm log drafts beside the journal, and a file that is not a backup, are kept (wave 11 E8)', () => {
    seed();
    const drafts = [`${box.db}.log-draft.json`, `${box.db}.log-draft-2.json`];
    for (const d of drafts) writeFileSync(d, '{"format":"pm-log-draft","answers":{}}');
    const notes = join(box.dir, 'week.md');
    writeFileSync(notes, 'my notes\n');
    for (const d of drafts) {
      expectRefused(box.pm(['backup', d]), /: it is an interrupted pm log draft \(pm log offers to resume it\)$/m);
      expectRefused(box.pm(['export', '--out', d]), /it is an interrupted pm log draft/);
      expect(readFileSync(d, 'utf8')).toBe('{"format":"pm-log-draft","answers":{}}');
    }
    expectRefused(
      box.pm(['backup', 'week.md'], { cwd: box.dir }),
      /^pm: week\.md exists and is not a pm journal or backup$/m,
    );
    expect(readFileSync(notes, 'utf8')).toBe('my notes\n');
    // an older backup is still replaced, and export --out still writes the file it is told to
    const older = join(box.dir, 'older.db');
    expect(box.pm(['backup', older]).code).toBe(0);
    expect(box.pm(['backup', older]).out).toMatch(/it replaced the older file there/);
    expect(box.pm(['export', '--out', notes]).code).toBe(0);
  });

  it('a backup named like the journal of a journal not yet made is refused too', () => {
    const r = box.pm(['export', '--out', box.db]);
    expectRefused(r, /journal/);
    expect(existsSync(box.db)).toBe(false);
  });
});

describe('devices and other files that are not regular (finding 7)', () => {
  it('PM_DB naming a device, a folder or a named pipe is exit 1 and leaves it as it was', () => {
    seed(); // the journal PM_DB names otherwise: untouched by each refusal
    const journal = box.snapshot();
    const nul = device('null');
    const before = describeDevice(nul);
    for (const args of [
      ['log', '--with', 'Ann Lee', '--account', 'Acme', '--summary', 'Hi'],
      ['init'],
      ['ls'],
      ['doctor'],
    ]) {
      const r = box.pm(args, { env: { PM_DB: nul } });
      expectRefused(r, /is a character device, not a file/, 1);
      expect(describeDevice(nul)).toEqual(before);
    }
    const folder = join(box.dir, 'a-folder');
    mkdirSync(folder);
    expectRefused(box.pm(['init'], { env: { PM_DB: folder } }), /is a folder, not a file/, 1);
    const fifo = join(box.dir, 'pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    expectRefused(box.pm(['ls'], { env: { PM_DB: fifo } }), /is a named pipe, not a file/, 1);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(box.snapshot()).toBe(journal);
  });

  it('export --out a device writes through it, never replacing or chmodding it', () => {
    seed();
    const nul = device('null');
    const before = describeDevice(nul);
    const r = box.pm(['export', '--format', 'json', '--out', nul]);
    expect(r.code, r.err).toBe(0);
    expect(describeDevice(nul)).toEqual(before);
    // a full device: the write fails, exit 1, and the device is still the device
    const full = device('full');
    const fullBefore = describeDevice(full);
    const journal = box.snapshot();
    const f = box.pm(['export', '--out', full]);
    expectRefused(f, /cannot write --out .*: the disk is full/, 1);
    expect(describeDevice(full)).toEqual(fullBefore);
    expect(box.snapshot()).toBe(journal);
  });

  it('backup to a device, a folder-less path or a named pipe is refused; the device stays a device', () => {
    seed();
    const before = box.snapshot();
    for (const name of ['full', 'null'] as const) {
      const dev = device(name);
      const was = describeDevice(dev);
      expectRefused(box.pm(['backup', dev]), /is a character device, not a file/);
      expect(describeDevice(dev)).toEqual(was);
    }
    expectRefused(box.pm(['backup', '/dev/stdout']), /not a file/);
    const fifo = join(box.dir, 'pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    expectRefused(box.pm(['backup', fifo]), /named pipe/);
    expect(readdirSync(box.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(box.snapshot()).toBe(before);
  });

  it('--out /dev/stdout is stdout: what pm export prints, written through', () => {
    seed();
    const plain = box.pm(['export', '--format', 'csv']);
    for (const path of ['/dev/stdout', '/dev/fd/1', '/proc/self/fd/1']) {
      const r = box.pm(['export', '--format', 'csv', '--out', path]);
      expect(r.code, r.err).toBe(0);
      expect(r.out).toBe(plain.out);
    }
  });

  it('a symbolic link loop, or a link to nothing, is refused as --out and as a backup', () => {
    seed();
    const loop = join(box.dir, 'loop');
    symlinkSync(loop, loop);
    const dangling = join(box.dir, 'dangling');
    symlinkSync(join(box.dir, 'nowhere', 'x.db'), dangling);
    const before = box.snapshot();
    expectRefused(box.pm(['export', '--out', loop]), /loop of symbolic links/);
    expectRefused(box.pm(['backup', loop]), /loop of symbolic links/);
    expectRefused(box.pm(['export', '--out', dangling]), /symbolic link to nothing/);
    expect(existsSync(join(box.dir, 'nowhere'))).toBe(false);
    expect(box.snapshot()).toBe(before);
  });
});

/** The start of an older pm backup (SQLite's header, pm's application id): what pm backup may replace. */
const OLD_BACKUP = Buffer.alloc(100);
OLD_BACKUP.write('SQLite format 3\0', 'latin1');
OLD_BACKUP.writeUInt32BE(0x706d4a31, 68);

describe('symbolic links to files are followed, and nothing is chmodded that pm did not make', () => {
  it('export --out and backup through a link replace the file it points to; the link stays a link', () => {
    seed();
    mkdirSync(join(box.dir, 'real'));
    for (const [args, name] of [
      [['export', '--format', 'json'], 'notes.json'],
      [['backup'], 'copy.db'],
    ] as const) {
      const real = join(box.dir, 'real', name);
      writeFileSync(real, name.endsWith('.db') ? OLD_BACKUP : 'old');
      const link = join(box.dir, `link-${name}`);
      symlinkSync(real, link);
      const r = box.pm(args[0] === 'export' ? [...args, '--out', link] : [...args, link]);
      expect(r.code, r.err).toBe(0);
      expect(lstatSync(link).isSymbolicLink()).toBe(true);
      expect(readFileSync(real, 'utf8')).not.toBe('old');
      expect(readFileSync(real).subarray(0, 100).equals(OLD_BACKUP)).toBe(false);
      expect(statSync(real).mode & 0o777).toBe(0o600);
      expect(readdirSync(join(box.dir, 'real')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    }
    expect(box.json(['--db', join(box.dir, 'real', 'copy.db'), 'ls']).length).toBe(2);
  });

  it("as root, writing another user's file through a link keeps that user as its owner", (ctx) => {
    // (as a normal user there is no other user's file to write: only root can make one to test with)
    if (!isRoot) skip(ctx, "not root: no other user's file can be made to write through a link");
    seed();
    const theirs = join(box.dir, 'theirs');
    mkdirSync(theirs);
    const files = ['export.md', 'copy.db'].map((f) => join(theirs, f));
    for (const f of files) {
      writeFileSync(f, f.endsWith('.db') ? OLD_BACKUP : 'theirs');
      chownSync(f, 65534, 65534);
    }
    symlinkSync(files[0], join(box.dir, 'out.md'));
    symlinkSync(files[1], join(box.dir, 'copy.db'));
    expect(box.pm(['export', '--out', join(box.dir, 'out.md')]).code).toBe(0);
    expect(box.pm(['backup', join(box.dir, 'copy.db')]).code).toBe(0);
    for (const f of files) {
      expect(readFileSync(f, 'utf8')).not.toBe('theirs');
      expect([statSync(f).uid, statSync(f).gid], f).toEqual([65534, 65534]);
    }
  });

  it('an empty journal file made by hand keeps its mode; a journal pm creates is 0600', () => {
    writeFileSync(box.db, '');
    chmodSync(box.db, 0o640);
    expect(box.pm(['log', '--with', 'Ann Lee', '--account', 'Acme', '--summary', 'Hi']).code).toBe(0);
    expect(statSync(box.db).mode & 0o777).toBe(0o640);
    const fresh = join(box.dir, 'fresh', 'journal.db');
    expect(box.pm(['init'], { env: { PM_DB: fresh } }).code).toBe(0);
    expect(statSync(fresh).mode & 0o777).toBe(0o600);
  });
});

describe('pm backup replaces an older backup only once the new one is whole (finding 6)', () => {
  it('the same path twice: the second backup holds the newer journal, no temporary file is left', () => {
    seed();
    const target = join(box.dir, 'backup.db');
    expect(box.pm(['backup', target]).code).toBe(0);
    expect(box.pm(['log', '--with', 'Ann Lee', '--account', 'Acme', '--summary', 'Third']).code).toBe(0);
    const again = box.pm(['backup', target]);
    expect(again.code).toBe(0);
    expect(again.out).toContain('(it replaced the older file there)');
    expect(box.json(['--db', target, 'ls']).length).toBe(3);
    expect(readdirSync(box.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it("a name pm chooses never replaces the day's earlier backup: the second is .2, the third .3", () => {
    seed();
    const first = box.pm(['backup']);
    expect(first.out).toMatch(/ to .*journal\.db\.backup-2026-11-20$/m);
    expect(box.pm(['log', '--with', 'Ann Lee', '--account', 'Acme', '--summary', 'Third']).code).toBe(0);
    const second = box.pm(['backup']);
    expect(second.out).toMatch(/ to .*journal\.db\.backup-2026-11-20\.2$/m);
    expect(second.out).not.toContain('replaced');
    expect(box.json(['--db', join(box.dir, 'journal.db.backup-2026-11-20'), 'ls']).length).toBe(2);
    expect(box.json(['--db', join(box.dir, 'journal.db.backup-2026-11-20.2'), 'ls']).length).toBe(3);
    const folder = join(box.dir, 'backups');
    mkdirSync(folder);
    expect(box.pm(['backup', folder]).out).toMatch(/journal-2026-11-20\.db$/m);
    expect(box.pm(['backup', folder]).out).toMatch(/journal-2026-11-20\.2\.db$/m);
    expect(box.pm(['backup']).out).toMatch(/journal\.db\.backup-2026-11-20\.3$/m);
    // fresh-eyes wave 11 E21: two journals backed up into one folder are told apart by their names
    const team = join(box.dir, 'team.db');
    expect(box.pm(['--db', team, 'log', '--with', 'Ann Lee', '--account', 'Acme', '--summary', 't']).code).toBe(0);
    expect(box.pm(['--db', team, 'backup', folder]).out).toMatch(/backups\/team-2026-11-20\.db$/m);
  });
});
