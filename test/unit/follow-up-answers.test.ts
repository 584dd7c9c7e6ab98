// The rule "a follow-up is answered by a later customer conversation with one of its people" is
// written twice: answeredSql (pm show, ls --json, the CSV export: which conversation answered it)
// and schema 28's view follow_up_answers_now, whose rows triggers keep for the report's Follow-ups
// due (the day it was answered). Both must name the same day for every open follow-up.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answeredBy, answeredSql } from '../../src/db/interviews.js';
import { generatedJournal, SHAPES } from '../fixtures/generated-journal.js';

describe.each(Object.entries(SHAPES))('on a journal of the %s shape', (_shape, { size, ...opts }) => {
  let j: ReturnType<typeof generatedJournal>;
  beforeAll(() => {
    j = generatedJournal(size, opts);
  });
  afterAll(() => j.close());

  it('answeredSql names the day schema 28 keeps for each open follow-up, answered or not', () => {
    const rows = j.db
      .prepare(
        `SELECT i.id, ${answeredSql('i')}, f.answered_on FROM interviews i
         LEFT JOIN follow_up_answers f ON f.interview_id = i.id
         WHERE i.follow_up IS NOT NULL AND i.follow_up_done = 0 ORDER BY i.id`,
      )
      .raw()
      .all() as [number, string | null, string | null][];
    const answered = rows.filter((r) => r[2] !== null).length;
    // both kinds are there to compare
    expect(answered).toBeGreaterThan(0);
    expect(rows.length - answered).toBeGreaterThan(0);
    expect(rows.map(([id, text]) => [id, answeredBy(text)?.date ?? null])).toEqual(
      rows.map(([id, , day]) => [id, day]),
    );
  });
});
