// A damaged journal (a bad disk, a half-copied file): the refusal said to restore a copy, "or one made
// by pm backup", which refuses a damaged journal, and left a PM with no copy nowhere to go: only pm
// doctor named SQLite's .recover (fresh-eyes wave 17 H4). The standup reads only the rows it shows,
// so docs/guides.md gives pm doctor a cron line of its own.
import Database from 'better-sqlite3';
import { openSync, writeSync, closeSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sandbox } from '../helpers.js';

describe('a damaged journal', () => {
  it('is refused with the way to a copy, or to pm doctor when there is none', () => {
    const box = sandbox();
    for (let i = 0; i < 40; i++)
      box.ok(['log', '--with', `Person ${i}`, '--account', `Account ${i}`, '--summary', `call ${i} `.repeat(40)]);
    const conn = new Database(box.db);
    conn.pragma('wal_checkpoint(TRUNCATE)');
    const pages = conn.pragma('page_count', { simple: true }) as number;
    conn.close();
    const fd = openSync(box.db, 'r+');
    // every page but the first (the header): whatever a command reads next is damaged
    for (let page = 1; page < pages; page++) writeSync(fd, Buffer.alloc(4096, 0xab), 0, 4096, page * 4096);
    closeSync(fd);
    const r = box.pm(['ls']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('pm: the journal is corrupt or not a database');
    expect(r.err).toContain(`save what can be read: sqlite3 ${box.db} .recover | sqlite3 saved.db`);
    const doctor = box.pm(['doctor']);
    expect(doctor.code).toBe(1);
    expect(doctor.out + doctor.err).toContain('.recover');
  });
});
