// Wave 11 F5: pm backup replaces an older backup, and took for one any pm journal, even one in use
// with changes still in its -wal: the new file came to sit beside the old -wal, and the target was
// left "corrupt or not a database", its own data gone. A journal with a -wal is refused, nothing touched.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => (box = sandbox()));
afterEach(() => box.cleanup());

it('refuses a target journal with changes still in its -wal, and leaves it whole', () => {
  expect(box.pm(['log', '--with', 'Jane Roe', '--account', 'Acme', '--summary', 'mine']).code).toBe(0);
  const other = join(box.dir, 'other.db');
  copyFileSync(box.db, other);
  // another program holds it open with changes not yet written into the file
  const live = new Database(other);
  live.pragma('journal_mode = WAL');
  live.pragma('wal_autocheckpoint = 0');
  live.exec("CREATE TABLE theirs (x); INSERT INTO theirs VALUES ('kept')");
  const bytes = readFileSync(other);
  const r = box.pm(['backup', other]);
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/^pm: .*other\.db is a pm journal with changes not yet in its file/m);
  expect(readFileSync(other).equals(bytes)).toBe(true);
  expect(live.prepare('SELECT x FROM theirs').pluck().get()).toBe('kept');
  live.close();
  const after = new Database(other, { readonly: true });
  expect(after.prepare('SELECT x FROM theirs').pluck().get()).toBe('kept');
  after.close();
  // an older backup of this journal (no -wal) is replaced as before
  expect(box.pm(['backup', other]).code).toBe(0);
});

// eyes2 wave 11 F12: pm export --out replaced anything, another journal or the copy an upgrade keeps
it('pm export --out keeps a pm journal it is pointed at, and replaces an older export', () => {
  expect(box.pm(['log', '--with', 'Jane Roe', '--account', 'Acme', '--summary', 'mine']).code).toBe(0);
  const other = join(box.dir, 'other.db');
  expect(box.pm(['backup', other]).code).toBe(0);
  const bytes = readFileSync(other);
  for (const format of ['md', 'json']) {
    const r = box.pm(['export', '--format', format, '--out', other]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^pm: .*other\.db is a pm journal; pm export --out does not replace one$/m);
  }
  expect(readFileSync(other).equals(bytes)).toBe(true);
  const md = join(box.dir, 'week.md');
  expect(box.pm(['export', '--out', md]).code).toBe(0);
  expect(box.pm(['export', '--out', md]).code).toBe(0);
});

// fresh-eyes wave 12 G12: a trailing slash says "a folder"; `pm backup ~/backups/` with no such folder
// wrote a file named backups (and `pm export --out ~/exports/` one named exports)
it('a path ending in / is a folder: none there, or a file there, is refused and nothing is written', () => {
  expect(box.pm(['log', '--with', 'Jane Roe', '--account', 'Acme', '--summary', 'mine']).code).toBe(0);
  // (the journal's own -wal and -shm come and go with its readers)
  const listing = () =>
    readdirSync(box.dir)
      .filter((f) => !/^journal\.db-(wal|shm)$/.test(f))
      .sort();
  const before = listing();
  for (const args of [
    ['backup', `${join(box.dir, 'backups')}/`],
    ['export', '--out', `${join(box.dir, 'exports')}/`],
  ]) {
    const r = box.pm(args);
    expect(r.code, args.join(' ')).toBe(2);
    expect(r.err).toMatch(/^pm: cannot write .*\/(backups|exports)\/: no such folder\nhint: make the folder first/m);
  }
  writeFileSync(join(box.dir, 'notes'), 'mine');
  const file = box.pm(['backup', `${join(box.dir, 'notes')}/`]);
  expect(file.code).toBe(2);
  expect(file.err).toMatch(/notes\/: not a folder/);
  expect(readFileSync(join(box.dir, 'notes'), 'utf8')).toBe('mine');
  expect(listing()).toEqual([...before, 'notes'].sort());
  // the folder made, the same command writes into it
  mkdirSync(join(box.dir, 'backups'));
  expect(box.pm(['backup', `${join(box.dir, 'backups')}/`]).code).toBe(0);
  expect(readdirSync(join(box.dir, 'backups'))).toEqual(['journal-2026-11-20.db']);
});
