// The one connection helper every command goes through: its pragmas are the journal's guarantees.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openForRead, openForWrite, writeTransaction, APPLICATION_ID } from '../../src/db/journal.js';
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
