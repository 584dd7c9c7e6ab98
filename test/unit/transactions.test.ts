// readSnapshot and writeTransaction (src/db/journal.ts) open their transactions with BEGIN and
// COMMIT rather than better-sqlite3's db.transaction(), whose first call costs a fresh process
// ~0.3 ms: they must behave as it does. A read sees one snapshot whatever another connection
// commits meanwhile; a write is all or nothing; inside a transaction, a savepoint.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type DB, type Journal, readSnapshot, writeTransaction } from '../../src/db/journal.js';

let dir: string;
let writer: DB;
let reader: DB;
let journal: Journal;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pm-tx-'));
  const path = join(dir, 'j.db');
  writer = new Database(path);
  writer.pragma('journal_mode = WAL');
  writer.exec('CREATE TABLE t (x INTEGER NOT NULL)');
  reader = new Database(path, { readonly: true });
  journal = { db: writer, path, readonly: false, missing: false };
});
afterEach(() => {
  reader.close();
  writer.close();
  rmSync(dir, { recursive: true, force: true });
});

const count = (db: DB) => db.prepare('SELECT count(*) FROM t').pluck().get() as number;
const insert = (x: number) => writer.prepare('INSERT INTO t (x) VALUES (?)').run(x);

describe('readSnapshot', () => {
  const cutShort = () =>
    readSnapshot(reader, () => {
      count(reader);
      throw new Error('cut short');
    });

  it('reads one snapshot: a commit by another connection meanwhile is not seen, as with db.transaction()', () => {
    const seen = (read: (fn: () => number[]) => number[]) => {
      insert(1);
      const counts = read(() => {
        const first = count(reader);
        insert(2);
        return [first, count(reader)];
      });
      return [...counts, count(reader)];
    };
    const ours = seen((fn) => readSnapshot(reader, fn));
    writer.exec('DELETE FROM t');
    const theirs = seen((fn) => reader.transaction(fn)());
    expect(ours).toEqual([1, 1, 2]);
    expect(ours).toEqual(theirs);
    expect(reader.inTransaction).toBe(false);
  });

  it("inside a transaction reads that one's snapshot, and leaves it open whether it returns or throws", () => {
    // the week's export reads its report inside its own snapshot: one snapshot for the whole document
    insert(1);
    const counts = readSnapshot(reader, () => {
      const first = count(reader);
      insert(2);
      const inner = readSnapshot(reader, () => count(reader));
      expect(cutShort).toThrow('cut short');
      expect(reader.inTransaction).toBe(true);
      insert(3);
      return [first, inner, count(reader)];
    });
    expect(counts).toEqual([1, 1, 1]);
    expect(reader.inTransaction).toBe(false);
    expect(count(reader)).toBe(3);
  });

  it('ends its transaction when the reading throws', () => {
    expect(cutShort).toThrow('cut short');
    expect(reader.inTransaction).toBe(false);
  });
});

describe('writeTransaction', () => {
  it('writes all of it, or none of it when it throws', () => {
    expect(
      writeTransaction(journal, () => {
        insert(1);
        insert(2);
        return 'done';
      }),
    ).toBe('done');
    expect(count(writer)).toBe(2);
    expect(() =>
      writeTransaction(journal, () => {
        insert(3);
        throw new Error('refused');
      }),
    ).toThrow('refused');
    expect(count(writer)).toBe(2);
    expect(writer.inTransaction).toBe(false);
  });

  it('holds the write lock from the start (BEGIN IMMEDIATE): another writer waits, nothing is half-read', () => {
    const other = new Database(journal.path, { timeout: 0 });
    try {
      writeTransaction(journal, () => {
        expect(() => other.exec('BEGIN IMMEDIATE')).toThrow(/locked|busy/i);
      });
    } finally {
      other.close();
    }
  });

  it('inside a transaction is a savepoint: its failure takes back its own writes only', () => {
    writer.exec('BEGIN');
    insert(1);
    expect(() =>
      writeTransaction(journal, () => {
        insert(2);
        throw new Error('inner');
      }),
    ).toThrow('inner');
    writeTransaction(journal, () => insert(3));
    writer.exec('COMMIT');
    expect(writer.prepare('SELECT x FROM t ORDER BY x').pluck().all()).toEqual([1, 3]);
  });
});
