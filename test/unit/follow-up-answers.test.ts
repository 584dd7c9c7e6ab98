// The rule "a follow-up is answered by a later customer conversation with one of its people" is
// written twice: answeredSql (pm show, ls --json, the CSV export: which conversation answered it)
// and schema 28's view follow_up_answers_now, whose rows triggers keep for the report's Follow-ups
// due (the day it was answered). Both must name the same day for every open follow-up, and the day
// the rule gives read plainly: "later" is by day, then by the order the journal logged them (its id;
// schema 72), so a call later the same day answers, the asking one never.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answeredBy, answeredSql } from '../../src/db/interviews.js';
import type { DB } from '../../src/db/journal.js';
import { InterviewWriter } from '../../src/db/interview-writer.js';
import { generatedJournal, SHAPES } from '../fixtures/generated-journal.js';

const CREATED = '2026-11-20T12:00:00.000Z';

/** Each open follow-up's answer by the rule read plainly, in JavaScript over every person's rows. */
function answersByTheRule(db: DB): Map<number, string | null> {
  const people = db
    .prepare('SELECT interview_id AS id, contact_id AS who, date, kind FROM interview_contacts')
    .all() as { id: number; who: number; date: string; kind: string }[];
  const customerCalls = new Map<number, { id: number; date: string }[]>();
  for (const p of people) if (p.kind === 'customer') customerCalls.set(p.who, [...(customerCalls.get(p.who) ?? []), p]);
  const open = db
    .prepare('SELECT id, date FROM interviews WHERE follow_up IS NOT NULL AND follow_up_done = 0')
    .all() as { id: number; date: string }[];
  const answers = new Map<number, string | null>();
  for (const f of open) {
    let first: string | null = null;
    for (const p of people.filter((x) => x.id === f.id))
      for (const c of customerCalls.get(p.who) ?? [])
        if ((c.date > f.date || (c.date === f.date && c.id > f.id)) && (first === null || c.date < first))
          first = c.date;
    answers.set(f.id, first);
  }
  return answers;
}

describe.each(Object.entries(SHAPES))('on a journal of the %s shape', (_shape, { size, ...opts }) => {
  let j: ReturnType<typeof generatedJournal>;
  beforeAll(() => {
    j = generatedJournal(size, opts);
  });
  afterAll(() => j.close());

  /**
   * Calls of the same day as open follow-ups, written as pm log, edit and delete write them (the
   * triggers keep the answers): the next ten each answered by a customer call of its day logged after
   * it; of those calls, two moved a day earlier (before the follow-up: no longer its answer), two
   * deleted; and the next ten each answered the same way by a call that asks a follow-up in turn, which
   * the call before it does not answer.
   */
  function sameDayCalls(): void {
    const open = j.db
      .prepare(
        `SELECT i.id, i.date, i.account_id AS account, min(ic.contact_id) AS who FROM interviews i
         JOIN interview_contacts ic ON ic.interview_id = i.id AND ic.customer = 1
         WHERE i.follow_up IS NOT NULL AND i.follow_up_done = 0 AND i.account_id IS NOT NULL
         GROUP BY i.id ORDER BY i.id LIMIT 20`,
      )
      .all() as { id: number; date: string; account: number; who: number }[];
    const writer = new InterviewWriter(j.db);
    const fields = (f: (typeof open)[number], summary: string) => ({
      date: f.date,
      channel: 'call' as const,
      accountId: f.account,
      source: null,
      by: null,
      minutes: null,
      summary,
      notes: null,
      followUp: null,
      followUpDone: false,
    });
    const callWith = (f: (typeof open)[number], summary: string, uuid: string) =>
      writer.insert(uuid, { ...fields(f, summary), contactIds: [f.who], pains: [], quotes: [], tags: [] }, CREATED);
    const calls = open
      .slice(0, 10)
      .map((f, n) => callWith(f, 'called back', `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`));
    for (const n of [0, 1]) {
      const earlier = new Date(`${open[n].date}T00:00:00Z`);
      earlier.setUTCDate(earlier.getUTCDate() - 1);
      writer.update(calls[n], {
        fields: { ...fields(open[n], 'called back'), date: earlier.toISOString().slice(0, 10) },
        columns: ['date'],
      });
    }
    for (const n of [2, 3]) writer.remove(calls[n]);
    // a call of the same day with the same customer logged after each of the ten others, which answers
    // theirs and asks a follow-up of its own, which their call, logged before, does not answer
    for (const [n, f] of open.slice(10).entries()) {
      const before = callWith(f, 'asks', `00000000-0000-4000-9000-${String(n).padStart(12, '0')}`);
      writer.update(before, { fields: { ...fields(f, 'asks'), followUp: f.date }, columns: ['followUp'] });
    }
  }

  it('answeredSql and the day schema 28 keeps are the rule read plainly, answered or not', () => {
    sameDayCalls();
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
    const rule = answersByTheRule(j.db);
    // and some answered by a call of their own day, logged after them
    const days = new Map(j.db.prepare('SELECT id, date FROM interviews').raw().all() as [number, string][]);
    expect(rows.filter(([id]) => rule.get(id) === days.get(id)).length).toBeGreaterThan(0);
    const byRule = rows.map(([id]) => [id, rule.get(id)]);
    expect(rows.map(([id, text]) => [id, answeredBy(text)?.date ?? null])).toEqual(byRule);
    expect(rows.map(([id, , day]) => [id, day])).toEqual(byRule);
  });
});
