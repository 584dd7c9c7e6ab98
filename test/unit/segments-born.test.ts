// The segments as of a past day count only the accounts that existed then (segmentsSql, @bornBefore).
// When no account's UUIDv7 was made after that day, bornBeforeAny leaves the rule out (every account
// counts) and the statement reads the segments' index alone: the rows must be those the rule gives,
// on journals of both bench shapes, with or without --by, and when accounts were made later (UUIDs
// in small letters and in capitals, which must still be found).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../src/db/journal.js';
import { bornBeforeAny, segmentsSql } from '../../src/db/coverage.js';
import { accountsBornBefore } from '../../src/core/coverage.js';
import { generatedJournal, SHAPES } from '../fixtures/generated-journal.js';

const TODAY = '2026-12-06';
const DAYS = ['2026-11-20', '2026-06-30', '2024-03-01', '2026-12-05'];

/** A UUIDv7 made at noon (local time, as accountsBornBefore reads the day) of `day`. */
function v7(day: string, n: number): string {
  const hex = new Date(`${day}T12:00:00`).getTime().toString(16).padStart(12, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7abc-8def-${String(n).padStart(12, '0')}`;
}

function segments(db: DB, asOf: string, bornBefore: string | null, by: string | null = null) {
  return db.prepare(segmentsSql(by !== null)).all(by === null ? { asOf, bornBefore } : { asOf, bornBefore, by });
}

function expectSame(db: DB) {
  const by = db.prepare('SELECT by FROM interviews WHERE by IS NOT NULL LIMIT 1').pluck().get() as string;
  for (const asOf of DAYS) {
    const rule = accountsBornBefore(asOf, TODAY);
    expect(rule).not.toBeNull();
    for (const who of [null, by])
      expect(segments(db, asOf, bornBeforeAny(db, rule), who)).toEqual(segments(db, asOf, rule, who));
  }
}

describe.each(Object.entries(SHAPES))('segments as of a past day, %s shape', (_shape, { size, ...opts }) => {
  let journal: ReturnType<typeof generatedJournal>;
  let db: DB;
  beforeAll(() => {
    journal = generatedJournal(size, opts);
    db = journal.db;
  });
  afterAll(() => journal.close());

  it('are read without the rule when no account was made after the day, and are the same', () => {
    expect(segments(db, DAYS[0], accountsBornBefore(DAYS[0], TODAY)).length).toBeGreaterThan(2);
    expect(bornBeforeAny(db, accountsBornBefore(DAYS[0], TODAY))).toBeNull();
    expectSame(db);
  });

  it('keep the rule when accounts were made after the day, their UUIDs in either case', () => {
    db.exec('SAVEPOINT born');
    try {
      const before = segments(db, DAYS[0], accountsBornBefore(DAYS[0], TODAY));
      const add = db.prepare("INSERT INTO accounts (uuid, name, segment) VALUES (?, ?, 'enterprise')");
      add.run(v7('2026-12-01', 1), 'Made later');
      add.run(v7('2026-12-02', 2).toUpperCase(), 'Made later, in capitals');
      add.run(v7('2026-11-02', 3).toUpperCase(), 'Made before, in capitals');
      const rule = accountsBornBefore(DAYS[0], TODAY);
      expect(bornBeforeAny(db, rule)).toBe(rule);
      expectSame(db);
      // the two made later are not counted as of the day; the one made before is
      const after = segments(db, DAYS[0], rule) as { segment: string; accounts: number }[];
      const enterprise = (rows: unknown[]) =>
        (rows as { segment: string; accounts: number }[]).find((r) => r.segment.toLowerCase() === 'enterprise')
          ?.accounts ?? 0;
      expect(enterprise(after)).toBe(enterprise(before) + 1);
      // only the one in capitals made later: still found
      db.prepare("DELETE FROM accounts WHERE name = 'Made later'").run();
      expect(bornBeforeAny(db, rule)).toBe(rule);
      expectSame(db);
    } finally {
      db.exec('ROLLBACK TO born; RELEASE born');
    }
  });
});
