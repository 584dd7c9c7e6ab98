// pain_hearings (0027) as `pm log` and `pm edit` write it: since 0058 a new pain, or a person joining a
// conversation, only adds its own rows (the triggers no longer delete the conversation's rows and make
// them again from the view, which cost every log ~0.6 ms of preparing). Whatever is written, the rows
// and every summary kept from them (pain_heard_last, pain_text_days, pain_facet_last …) must be what
// their views compute from scratch: conversations logged with customers, prospects and colleagues,
// signals and stakeholder meetings, with and without pains; people joining conversations that have
// pains (a colleague, a customer making a meeting a customer conversation) or evidence links, and a
// contact merge moving them (the writers' joinedPerson, 0063); pains written anew by an edit. On
// journals of both bench shapes.
import { expect, it, onTestFinished } from 'vitest';
import type { DB } from '../../src/db/journal.js';
import {
  addPeople,
  InterviewWriter,
  type InterviewChange,
  type InterviewContent,
} from '../../src/db/interview-writer.js';
import { mergeContacts } from '../../src/db/contacts.js';
import { summaryDrift } from '../../src/db/summaries.js';
import type { Pain } from '../../src/core/pains.js';
import { generatedJournal, SHAPES } from '../fixtures/generated-journal.js';

const SEVERITIES: Pain['severity'][] = ['low', 'medium', 'high', 'blocker'];

it.each(Object.entries(SHAPES))(
  'pm log and pm edit write the rows the view computes, and the summaries kept from them follow (%s shape)',
  (_shape, { size, ...opts }) => {
    const journal = generatedJournal(size, opts);
    onTestFinished(() => journal.close());
    const db: DB = journal.db;
    const ids = (sql: string) => db.prepare(sql).pluck().all() as number[];
    const hearingsOf = (interview: number) =>
      db
        .prepare('SELECT count(*) FROM pain_hearings WHERE interview_id = ? AND contact_id <> 0')
        .pluck()
        .get(interview);
    const customers = ids("SELECT id FROM contacts WHERE role = 'customer' ORDER BY id LIMIT 12");
    const prospects = ids("SELECT id FROM contacts WHERE role = 'prospect' ORDER BY id LIMIT 6");
    const colleagues = ids("SELECT id FROM contacts WHERE role = 'stakeholder' ORDER BY id LIMIT 6");
    expect([customers.length, colleagues.length]).toEqual([12, 6]);
    const accountOf = (contact: number) =>
      db.prepare('SELECT account_id FROM contacts WHERE id = ?').pluck().get(contact) as number | null;
    const writer = new InterviewWriter(db);
    const logged: number[] = [];
    const pains = (n: number, k: number): Pain[] =>
      Array.from({ length: n }, (_, i) => ({
        // one text heard before in the journal, and one of its own
        text: i === 0 ? (db.prepare('SELECT text FROM pains LIMIT 1').pluck().get() as string) : `added pain ${k} ${i}`,
        severity: SEVERITIES[(k + i) % 4],
      }));
    const people: number[][] = [
      [customers[0]],
      [customers[1], colleagues[0]],
      [prospects[0] ?? customers[2], customers[3]],
      [colleagues[1]],
      [],
      [customers[4], customers[5], prospects[1] ?? customers[6]],
    ];
    for (let k = 0; k < 24; k++) {
      const contactIds = people[k % people.length];
      const interview: InterviewContent = {
        date: k % 3 === 0 ? '2026-11-20' : `2026-0${1 + (k % 9)}-1${k % 10}`,
        channel: contactIds.length === 0 ? 'review' : k % 5 === 4 ? 'support' : 'call',
        accountId: contactIds.length > 0 ? accountOf(contactIds[0]) : null,
        source: contactIds.length === 0 ? 'a review' : null,
        by: 'me',
        minutes: null,
        summary: `logged ${k}`,
        notes: null,
        followUp: null,
        followUpDone: false,
        stage: k % 2 ? 'onboarding' : null,
        contactIds,
        pains: pains(k % 4, k),
        quotes: [],
        tags: ['export'],
      };
      logged.push(writer.insert(`added-${k}`, interview, '2026-11-20T10:00:00.000Z'));
    }
    // three customers present at a conversation with one pain; a colleague's meeting raises none
    expect([hearingsOf(logged[5]), hearingsOf(logged[3])]).toEqual([3, 0]);
    // people joining conversations that have pains: customers (a stakeholder meeting made a customer
    // conversation), colleagues, someone already there
    const withPains = ids('SELECT DISTINCT interview_id FROM pains ORDER BY interview_id DESC LIMIT 40');
    const joining = [customers[7], colleagues[2], customers[8], prospects[2] ?? customers[9]];
    for (let i = 0; i < withPains.length; i++) addPeople(db, withPains[i], [joining[i % 4]]);
    addPeople(db, logged[0], [customers[0], customers[10]]);
    // people joining conversations linked to hypotheses, and pm contact merge moving a customer's
    // conversations (pains and links among them) to another customer: since 0063 the writers add what
    // a person joining changes (joinedPerson), where triggers on every people insert did
    const linked = ids('SELECT DISTINCT interview_id FROM evidence ORDER BY interview_id DESC LIMIT 20');
    for (let i = 0; i < linked.length; i++) addPeople(db, linked[i], [joining[(i + 1) % 4]]);
    const [from] = ids(`SELECT ic.contact_id FROM interview_contacts ic JOIN evidence e USING (interview_id)
      JOIN pains p USING (interview_id) WHERE ic.customer = 1 AND ic.contact_id NOT IN (${customers.join()})
      GROUP BY ic.contact_id ORDER BY count(*) DESC LIMIT 1`);
    expect(mergeContacts(db, from, customers[11])).toBeGreaterThan(0);
    // pm edit --pain: the pains written anew, of a conversation with customers present
    writer.update(logged[1], {
      // no field written (columns: []), only the pains
      fields: {} as InterviewChange['fields'],
      columns: [],
      lists: { pains: pains(3, 7) },
    });

    expect(summaryDrift(db)).toEqual([]);
    // not vacuous: the customers present were heard raising the pains, the colleagues were not
    expect(hearingsOf(logged[0])).toBe(0);
    expect(hearingsOf(logged[1])).toBe(3);
    expect(db.prepare('SELECT count(*) FROM pain_hearings WHERE contact_id = ?').pluck().get(colleagues[0])).toBe(0);
    expect(
      db
        .prepare(`SELECT count(*) FROM pain_hearings WHERE contact_id = ? AND interview_id IN (${withPains.join()})`)
        .pluck()
        .get(customers[7]),
    ).toBeGreaterThan(0);
  },
);
