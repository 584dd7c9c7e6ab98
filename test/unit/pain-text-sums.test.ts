// The report's best opportunities (markdown, HTML, --full, JSON) and the week's markdown export rank
// the window's spellings from a summary of each: as of today from the counts kept before each day a
// text was heard (keptTallySums, 0052), else from the window's hearings (painTextSums). Both must give
// the same rows, on journals of both bench shapes with pains of every severity, over windows as of the
// last day heard and before it, and after the changes its triggers follow: severities lowered, pains
// removed, people taken out of a conversation, a conversation moved back in time or to another account.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../src/db/journal.js';
import { painTextSums } from '../../src/db/report.js';
import { keptTallySums } from '../../src/db/opportunities.js';
import { painKey } from '../../src/core/pains.js';
import { summaryDrift } from '../../src/db/summaries.js';
import { addPeople } from '../../src/db/interview-writer.js';
import { addDays } from '../../src/core/dates.js';
import { generatedJournal, SHAPES, varySeverities } from '../fixtures/generated-journal.js';

describe.each(Object.entries(SHAPES))('on a journal of the %s shape', (_shape, { size, ...opts }) => {
  let journal: ReturnType<typeof generatedJournal>;
  let db: DB;
  beforeAll(() => {
    journal = generatedJournal(size, opts);
    db = journal.db;
    varySeverities(db);
    // a text painKey keys otherwise than lower(trim()) (an accent, a run of spaces: pm_pain_key)
    const latest = db.prepare('SELECT interview_id FROM pain_hearings ORDER BY date DESC LIMIT 1').pluck().get();
    db.prepare("INSERT INTO pains (interview_id, position, text, severity) VALUES (?, 99, ' Café  SLOW ', 'high')").run(
      latest,
    );
  });
  afterAll(() => journal.close());

  const lastHeard = () => db.prepare('SELECT max(date) FROM pain_hearings').pluck().get() as string;

  /** Every window checked; how many were as of today (answered from the kept tallies). */
  function expectSame(spread = false): number {
    const last = lastHeard();
    let kept = 0;
    for (const end of [last, addDays(last, 5), addDays(last, -1), addDays(last, -30), '2024-06-30'])
      for (const days of [0, 6, 83, 364, 3000]) {
        const w = { start: addDays(end, -days), end };
        if (end >= last) kept++;
        const sums = painTextSums(db, w);
        // what the report's best few are now chosen by as of today: the counts kept before each day a
        // text was heard (0052), the same sums (its text, latest day, accounts, customers by severity),
        // each with its painKey made by SQLite
        const tallies = keptTallySums(db, w);
        expect(tallies === null, JSON.stringify(w)).toBe(end < last);
        if (tallies !== null) {
          expect(
            tallies.map((t) => t.slice(0, 7)),
            JSON.stringify(w),
          ).toEqual(sums);
          expect(tallies.map((t) => t[7])).toEqual(tallies.map((t) => painKey(t[0])));
          if (spread && end === last) expect(tallies.some((t) => t[7] === 'café slow')).toBe(true);
        }
        if (spread && days >= 83 && end >= last) {
          expect(sums.length).toBeGreaterThan(10);
          const counts = sums.map((r) => r.slice(2) as number[]);
          // accounts, and customers at least medium, high, blocker: some of each
          for (const k of [0, 2, 3, 4]) expect(counts.some((c) => c[k] > 0)).toBe(true);
          // some customers at each severity but the highest (fewer at least the next one)
          for (const k of [1, 2, 3]) expect(counts.some((c) => c[k] > c[k + 1])).toBe(true);
        }
      }
    return kept;
  }

  it('counts as the hearings do, as of the last day heard and before it', () => {
    expect(expectSame(true)).toBe(10);
  });

  it('counts as the hearings do after severities lowered, pains removed, people taken out, conversations moved', () => {
    const recent = (sql: string) =>
      db
        .prepare(`SELECT interview_id FROM pain_hearings WHERE date >= ? ${sql} ORDER BY interview_id LIMIT 40`)
        .pluck()
        .all(addDays(lastHeard(), -60)) as number[];
    // a customer who gave a pain high or blocker, then low on a later call: their high day is the
    // earlier one, not their last day, and a change to that earlier hearing must move it
    const [first, text, person, account] = db
      .prepare(
        `SELECT h.interview_id, h.text, h.contact_id, i.account_id FROM pain_hearings h
         JOIN interviews i ON i.id = h.interview_id
         WHERE h.contact_id <> 0 AND h.rank >= 2 AND h.date >= ? ORDER BY h.date, h.interview_id LIMIT 1`,
      )
      .raw()
      .get(addDays(lastHeard(), -60)) as [number, string, number, number];
    const later = Number(
      db
        .prepare(
          `INSERT INTO interviews (uuid, date, channel, account_id, summary, created_at)
           VALUES ('i-later', ?, 'call', ?, 'the same pain again, milder', ?)`,
        )
        .run(lastHeard(), account, `${lastHeard()}T12:00:00Z`).lastInsertRowid,
    );
    addPeople(db, later, [person]);
    db.prepare("INSERT INTO pains (interview_id, position, text, severity) VALUES (?, 0, ?, 'low')").run(later, text);
    expect(expectSame()).toBe(10);
    db.prepare("UPDATE pains SET severity = 'low' WHERE interview_id = ? AND text = ?").run(first, text);
    expect(expectSame()).toBe(10);
    db.prepare('DELETE FROM pains WHERE interview_id = ? AND text = ?').run(first, text);
    expect(expectSame()).toBe(10);
    const ids = recent('AND rank >= 2 AND contact_id <> 0 GROUP BY interview_id');
    expect(ids.length).toBeGreaterThan(5);
    // a high or blocker lowered, or removed, on the day it was last heard: that person's days move back
    for (const [k, id] of ids.entries())
      if (k % 2 === 0) db.prepare("UPDATE pains SET severity = 'low' WHERE interview_id = ?").run(id);
      else db.prepare('DELETE FROM pains WHERE interview_id = ?').run(id);
    // the last conversation of the day with pains: its people out, then it moved back a year
    for (const id of recent('AND contact_id <> 0 GROUP BY interview_id').slice(0, 10))
      db.prepare('DELETE FROM interview_contacts WHERE interview_id = ?').run(id);
    const latest = db
      .prepare('SELECT DISTINCT interview_id FROM pain_hearings WHERE date = ? LIMIT 5')
      .pluck()
      .all(lastHeard()) as number[];
    for (const id of latest) db.prepare('UPDATE interviews SET date = ? WHERE id = ?').run('2025-11-02', id);
    // a conversation of one account moved to another: both accounts' days
    const [moved, to] = db
      .prepare(
        `SELECT h.interview_id, (SELECT max(id) FROM accounts WHERE id <> h.account_id) FROM pain_hearings h
         WHERE h.account_id IS NOT NULL ORDER BY h.date DESC LIMIT 1`,
      )
      .raw()
      .get() as [number, number];
    db.prepare('UPDATE interviews SET account_id = ? WHERE id = ?').run(to, moved);
    expect(summaryDrift(db)).toEqual([]);
    expect(expectSame()).toBe(10);
  });
});
