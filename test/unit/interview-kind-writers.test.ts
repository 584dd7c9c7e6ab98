// A new interview's kind is written by pm's insert (schema 34), with its people's (48), and a
// person's row with its copies of the interview's date and kind (48) and account, and of the person's
// persona and role (51), no longer set by triggers after them: whatever pm's writers do next (people
// added and removed, channels changed, contacts merged, roles changed, interviews deleted, people
// forgotten), every interview's kind must still be the simple rule's, interviews_kind_now, and every
// summary its view's (the follow-ups a new customer conversation answers, the customers behind a
// hypothesis's evidence), on journals of both bench shapes; and a row written without what the rule gives it is refused, with nothing written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../src/core/channels.js';
import { InterviewWriter } from '../../src/db/interview-writer.js';
import { mergeContacts, updateContact } from '../../src/db/contacts.js';
import { forgetContact } from '../../src/db/forget.js';
import { summaryDrift } from '../../src/db/summaries.js';
import { generatedJournal, SHAPES } from '../fixtures/generated-journal.js';
// @ts-expect-error the generator is plain JavaScript
import { mulberry32 } from '../bench/generate.mjs';

describe.each(Object.entries(SHAPES))('interview kinds on a journal of the %s shape', (_shape, opts) => {
  let journal: ReturnType<typeof generatedJournal>;
  beforeAll(() => {
    journal = generatedJournal(300, opts);
  });
  afterAll(() => journal.close());

  it("stay the simple rule's through pm's writers, new interviews of every channel included", () => {
    const db = journal.db;
    const rand = mulberry32(opts.seed + 100);
    const ids = (sql: string) => db.prepare(sql).pluck().all() as number[];
    const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
    const some = (xs: number[]) => xs.filter(() => rand() < 3 / xs.length);
    const writer = new InterviewWriter(db);
    let n = 0;
    // pm log / import: a new interview with 0-3 people
    const logged = () => {
      const contacts = ids('SELECT id FROM contacts WHERE forgotten = 0');
      writer.insert(
        `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
        {
          date: pick(['2026-11-20', '2024-02-02']),
          channel: pick([...CHANNELS]),
          accountId: pick(ids('SELECT id FROM accounts')),
          source: null,
          by: null,
          minutes: null,
          summary: 'kinds',
          notes: null,
          followUp: rand() < 0.3 ? '2026-12-01' : null,
          followUpDone: false,
          contactIds: [...new Set(some(contacts).slice(0, 3))],
          pains: [],
          quotes: [],
          tags: [],
        },
        '2026-11-20T00:00:00Z',
        rand() < 0.3
          ? [{ hypothesisId: pick(ids('SELECT id FROM hypotheses')), direction: 'supports', strength: 'strong' }]
          : [],
      );
    };
    const changes = [
      // new interviews twice as often as each of the rest
      logged,
      logged,
      // pm edit --channel, --with
      () => {
        const id = pick(ids('SELECT id FROM interviews'));
        const fields = db
          .prepare(
            `SELECT date, channel, account_id AS accountId, source, by, minutes, summary, notes, follow_up AS followUp,
               follow_up_done = 1 AS followUpDone, stage FROM interviews WHERE id = ?`,
          )
          .get(id) as Parameters<InterviewWriter['update']>[1]['fields'];
        const channel = pick(['call', 'visit', 'survey'] as const);
        writer.update(id, {
          fields: { ...fields, channel, source: channel === 'survey' ? 'Typeform' : null },
          columns: ['channel', 'source'],
        });
      },
      () =>
        writer.update(pick(ids('SELECT id FROM interviews')), {
          fields: {} as Parameters<InterviewWriter['update']>[1]['fields'],
          columns: [],
          contactIds: some(ids('SELECT id FROM contacts WHERE forgotten = 0')).slice(0, 3),
        }),
      // pm edit --account
      () => {
        const id = pick(ids('SELECT id FROM interviews WHERE account_id IS NOT NULL'));
        writer.update(id, {
          fields: { accountId: pick(ids('SELECT id FROM accounts')) } as Parameters<
            InterviewWriter['update']
          >[1]['fields'],
          columns: ['accountId'],
        });
      },
      // pm contact set --role, --persona, --account, pm contact merge, pm delete, pm forget
      () =>
        updateContact(db, pick(ids('SELECT id FROM contacts WHERE forgotten = 0')), {
          role: pick(['customer', 'prospect', 'stakeholder', 'partner'] as const),
        }),
      () =>
        updateContact(db, pick(ids('SELECT id FROM contacts WHERE forgotten = 0')), {
          persona: pick(['founder', 'ops lead', null]),
          accountId: pick(ids('SELECT id FROM accounts')),
        }),
      () => {
        const [from, into] = [
          pick(ids('SELECT DISTINCT contact_id FROM interview_contacts')),
          pick(ids('SELECT id FROM contacts WHERE forgotten = 0')),
        ];
        if (from !== into) mergeContacts(db, from, into);
      },
      () => writer.remove(pick(ids('SELECT id FROM interviews'))),
    ];
    db.exec('SAVEPOINT kinds');
    try {
      for (let i = 0; i < 60; i++) pick(changes)();
      // once: an erasure rewrites much more than kinds (~0.1 s)
      forgetContact(db, pick(ids('SELECT DISTINCT contact_id FROM interview_contacts')));
      expect(n).toBeGreaterThan(5);
      const wrong = db
        .prepare(
          `SELECT count(*) FROM interviews i JOIN interviews_kind_now v ON v.interview_id = i.id
           WHERE i.kind IS NOT v.kind`,
        )
        .pluck()
        .get();
      expect(wrong).toBe(0);
      expect(new Set(ids("SELECT DISTINCT kind = 'customer' FROM interviews WHERE uuid LIKE '00000000-%'"))).toEqual(
        new Set([0, 1]),
      );
      expect(summaryDrift(db)).toEqual([]);
    } finally {
      db.exec('ROLLBACK TO kinds; RELEASE kinds');
    }
  });

  it("refuses an interview written with another kind than its channel's or a customer's, and writes nothing", () => {
    const db = journal.db;
    const count = () => db.prepare('SELECT count(*) FROM interviews').pluck().get();
    const before = count();
    const insert = (channel: string, kind: string | null) =>
      db
        .prepare(
          `INSERT INTO interviews (uuid, date, channel, kind, account_id, source, summary, created_at)
           VALUES (?, '2026-11-20', ?, coalesce(?, 'stakeholder'), (SELECT min(id) FROM accounts), ?, 's', 'now')`,
        )
        .run(`raw-${channel}-${kind}`, channel, kind, channel === 'review' ? 'Capterra' : null);
    expect(() => insert('review', null)).toThrow(/kind must be its channel's/);
    expect(() => insert('review', 'customer')).toThrow(/kind must be its channel's/);
    expect(() => insert('call', 'indirect')).toThrow(/kind must be its channel's/);
    expect(count()).toBe(before);
  });

  it("refuses a person's row without its copies of the interview and the person, or leaving a customer's call a stakeholder meeting", () => {
    const db = journal.db;
    const rows = () => db.prepare('SELECT count(*) FROM interview_contacts').pluck().get() as number;
    const before = rows();
    const meeting = db
      .prepare("SELECT id FROM interviews WHERE kind = 'stakeholder' AND date <> '' ORDER BY id LIMIT 1")
      .pluck()
      .get() as number;
    const one = (sql: string, ...args: unknown[]) =>
      db
        .prepare(sql)
        .pluck()
        .get(...args);
    const date = one('SELECT date FROM interviews WHERE id = ?', meeting) as string;
    const stranger = one(
      `SELECT min(id) FROM contacts WHERE role = 'stakeholder'
         AND id NOT IN (SELECT contact_id FROM interview_contacts WHERE interview_id = ?)`,
      meeting,
    ) as number;
    const customer = one("SELECT min(id) FROM contacts WHERE role = 'customer'") as number;
    const account = one('SELECT account_id FROM interviews WHERE id = ?', meeting) as number | null;
    const persona = one('SELECT persona FROM contacts WHERE id = ?', stranger) as string | null;
    const add = (contact: number, d: string, kind: string, copies = { account, persona, customer: 0 }) =>
      db
        .prepare(`INSERT INTO interview_contacts (interview_id, contact_id, date, kind, account_id, persona, customer)
          VALUES (?, ?, ?, ?, ?, ?, ?)`)
        .run(meeting, contact, d, kind, copies.account, copies.persona, copies.customer);
    const refused = /must carry its interview's date, kind and account and the person's persona and role/;
    expect(() =>
      db.prepare('INSERT INTO interview_contacts (interview_id, contact_id) VALUES (?, ?)').run(meeting, stranger),
    ).toThrow(refused);
    expect(() => add(stranger, '2000-01-01', 'stakeholder')).toThrow(refused);
    expect(() => add(stranger, date, 'customer')).toThrow(refused);
    expect(() => add(customer, date, 'stakeholder')).toThrow(refused);
    // the interview's account, the person's persona and role (0051)
    const otherAccount = one('SELECT min(id) FROM accounts WHERE id IS NOT ?', account) as number;
    expect(() => add(stranger, date, 'stakeholder', { account: otherAccount, persona, customer: 0 })).toThrow(refused);
    expect(() => add(stranger, date, 'stakeholder', { account, persona: `${persona}!`, customer: 0 })).toThrow(refused);
    expect(() => add(stranger, date, 'stakeholder', { account, persona, customer: 1 })).toThrow(refused);
    expect(rows()).toBe(before);
    // with every copy, the row is taken
    db.exec('SAVEPOINT right');
    add(stranger, date, 'stakeholder');
    expect(rows()).toBe(before + 1);
    db.exec('ROLLBACK TO right; RELEASE right');
    expect(db.prepare('SELECT kind FROM interviews WHERE id = ?').pluck().get(meeting)).toBe('stakeholder');
  });
});
