// The summaries kept by triggers, as src/db/summaries.ts lists them: the list is complete, the one
// rule for an interview's kind is the contract's, every summary equals its view after an import and
// after changes, a summary corrupted by hand is found (and named) and repaired, and suspending the
// triggers is safe.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openForWrite, type DB } from '../../src/db/journal.js';
import { importJournal, journalLookup } from '../../src/db/import.js';
import { validateDocument } from '../../src/core/import-validate.js';
import { CHANNELS, INDIRECT_CHANNELS } from '../../src/core/channels.js';
import { addPeople, InterviewWriter } from '../../src/db/interview-writer.js';
import { forgetContact } from '../../src/db/forget.js';
import {
  SUMMARIES,
  SUMMARY_TRIGGERS,
  SuspendedSummaries,
  repairSummaries,
  summaryDrift,
} from '../../src/db/summaries.js';
import { journal } from '../fixtures/journal-builder.js';
// @ts-expect-error the generator is plain JavaScript
import { generate, mulberry32 } from '../bench/generate.mjs';

const SIZE = { accounts: 30, contacts: 90, hypotheses: 40 };

let dir: string;
let db: DB;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pm-summaries-'));
  db = openForWrite(join(dir, 'j.db')).db;
  importJournal(db, validateDocument(generate(800, { ...SIZE, seed: 3 })));
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

// the triggers that keep summaries: the others are change tracking's (test/unit/tracking.test.ts)
const triggersNow = () =>
  db
    .prepare(
      "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND name NOT LIKE 'track\\_%' ESCAPE '\\' ORDER BY name",
    )
    .all() as {
    name: string;
    sql: string;
  }[];
const columnsOf = (name: string) => db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(name) as string[];

describe('the list of summaries', () => {
  it("names every trigger of the schema, and each summary's table, view, key and columns exist", () => {
    expect(new Set(triggersNow().map((t) => t.name))).toEqual(new Set(SUMMARY_TRIGGERS));
    for (const s of SUMMARIES) {
      const table = columnsOf(s.table);
      const view = columnsOf(s.view);
      expect(view.length, s.view).toBeGreaterThan(0);
      for (const [t, v] of s.key)
        expect([table.includes(t), view.includes(v)], `${s.name} key ${t}`).toEqual([true, true]);
      if (s.kept === null) expect(view, s.name).toEqual(table);
      else
        for (const c of s.kept) expect([table.includes(c), view.includes(c)], `${s.name}.${c}`).toEqual([true, true]);
    }
  });
});

describe("an interview's kind", () => {
  it("is the contract's rule: a second-hand channel is a signal, else customer contact if a customer was there", () => {
    const k = openForWrite(join(dir, 'kinds.db')).db;
    const account = Number(k.prepare("INSERT INTO accounts (uuid, name) VALUES ('a', 'Kinds')").run().lastInsertRowid);
    const roles = ['customer', 'prospect', 'stakeholder', 'partner'];
    const people = Object.fromEntries(
      roles.map((role) => [
        role,
        Number(
          k
            .prepare('INSERT INTO contacts (uuid, name, account_id, role) VALUES (?, ?, ?, ?)')
            .run(role, role, account, role).lastInsertRowid,
        ),
      ]),
    );
    const writer = new InterviewWriter(k);
    const groups = [[], ['customer'], ['prospect'], ['stakeholder'], ['partner'], ['stakeholder', 'prospect']];
    for (const channel of CHANNELS)
      for (const present of groups) {
        const id = writer.insert(
          `${channel}-${present.join('+')}`,
          {
            date: '2026-01-05',
            channel,
            accountId: account,
            source: null,
            by: null,
            minutes: null,
            summary: 'kind',
            notes: null,
            followUp: null,
            followUpDone: false,
            contactIds: present.map((r) => people[r]),
            pains: [],
            quotes: [],
            tags: [],
          },
          '2026-01-05T00:00:00Z',
        );
        const expected = (INDIRECT_CHANNELS as readonly string[]).includes(channel)
          ? 'indirect'
          : present.some((p) => p === 'customer' || p === 'prospect')
            ? 'customer'
            : 'stakeholder';
        const kept = k
          .prepare(
            'SELECT i.kind, v.kind FROM interviews i JOIN interviews_kind_now v ON v.interview_id = i.id WHERE i.id = ?',
          )
          .raw()
          .get(id);
        expect(kept, `${channel} with ${present.join(', ') || 'nobody'}`).toEqual([expected, expected]);
      }
    k.close();
  });
});

describe('every summary', () => {
  it('equals its view after an import into a journal that has records, links to its older interviews included', () => {
    expect(summaryDrift(db)).toEqual([]);
    const older = db.prepare('SELECT uuid FROM interviews ORDER BY id LIMIT 30').pluck().all() as string[];
    const doc = generate(300, { ...SIZE, seed: 4 });
    // the second file's hypotheses also get evidence from interviews the journal already has
    doc.evidence.push(
      ...older.map((uuid, i) => ({
        hypothesisUuid: doc.hypotheses[i % doc.hypotheses.length].uuid,
        interviewUuid: uuid,
        direction: i % 3 ? 'supports' : 'refutes',
        strength: 'medium',
      })),
    );
    const before = db.prepare('SELECT count(*) FROM evidence').pluck().get() as number;
    db.transaction(() => importJournal(db, validateDocument(doc, journalLookup(db)))).immediate();
    expect(db.prepare('SELECT count(*) FROM evidence').pluck().get()).toBeGreaterThan(before + 30);
    expect(summaryDrift(db)).toEqual([]);
    expect(
      triggersNow()
        .map((t) => t.name)
        .sort(),
    ).toEqual([...SUMMARY_TRIGGERS].sort());
  });

  it('stays equal to its view through changes made with the triggers on', () => {
    const rand = mulberry32(11);
    const ids = (sql: string) => db.prepare(sql).pluck().all() as number[];
    const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
    const changes = [
      () =>
        db
          .prepare('UPDATE contacts SET role = ? WHERE id = ?')
          .run(pick(['customer', 'stakeholder', 'prospect']), pick(ids('SELECT id FROM contacts'))),
      () =>
        db
          .prepare('UPDATE interviews SET channel = ? WHERE id = ?')
          .run(pick(['call', 'support', 'visit']), pick(ids('SELECT interview_id FROM evidence'))),
      () =>
        db
          .prepare('UPDATE interviews SET date = ? WHERE id = ?')
          .run(pick(['2022-02-02', '2026-11-19']), pick(ids('SELECT interview_id FROM evidence'))),
      () =>
        db
          .prepare('DELETE FROM interview_contacts WHERE interview_id = ?')
          .run(pick(ids('SELECT interview_id FROM evidence'))),
      () =>
        db
          .prepare(
            "INSERT INTO outcomes (uuid, hypothesis_id, outcome, date, reason) VALUES (?, ?, 'killed', '2026-03-01', 'x')",
          )
          .run(`o-${rand()}`, pick(ids('SELECT id FROM hypotheses'))),
      () => db.prepare('DELETE FROM interviews WHERE id = ?').run(pick(ids('SELECT interview_id FROM evidence'))),
      // people and conversations moving between accounts, and people added to a conversation
      () =>
        db
          .prepare('UPDATE contacts SET account_id = ? WHERE id = ?')
          .run(pick(ids('SELECT id FROM accounts')), pick(ids('SELECT id FROM contacts'))),
      () =>
        db
          .prepare('UPDATE interviews SET account_id = ? WHERE id = ?')
          .run(pick(ids('SELECT id FROM accounts')), pick(ids('SELECT id FROM interviews'))),
      // follow-ups set, done, undone; and conversations with a follow-up's people moved to its day
      () =>
        db
          .prepare('UPDATE interviews SET follow_up = ?, follow_up_done = ? WHERE id = ?')
          .run(pick(['2026-12-01', '2022-03-01', null]), pick([0, 0, 1]), pick(ids('SELECT id FROM interviews'))),
      () =>
        db
          .prepare('UPDATE interviews SET follow_up_done = 1 - follow_up_done WHERE id = ?')
          .run(pick(ids('SELECT id FROM interviews WHERE follow_up IS NOT NULL'))),
      () =>
        db
          .prepare(
            `UPDATE interviews SET date = (SELECT date FROM interviews WHERE id = ?) WHERE id IN
              (SELECT interview_id FROM interview_contacts WHERE contact_id = ? ORDER BY interview_id LIMIT 2)`,
          )
          .run(
            pick(ids('SELECT interview_id FROM follow_up_answers')),
            pick(ids('SELECT contact_id FROM interview_contacts')),
          ),
      () => addPeople(db, pick(ids('SELECT id FROM interviews')), [pick(ids('SELECT id FROM contacts'))]),
      // merges: everyone's conversations moved to another person at once, an account's to another
      () => {
        const [from, into] = [
          pick(ids('SELECT contact_id FROM interview_contacts')),
          pick(ids('SELECT id FROM contacts')),
        ];
        for (const id of ids(`SELECT interview_id FROM interview_contacts WHERE contact_id = ${from}`))
          addPeople(db, id, [into]);
        if (from !== into) db.prepare('DELETE FROM interview_contacts WHERE contact_id = ?').run(from);
      },
      () =>
        db
          .prepare('UPDATE interviews SET account_id = ? WHERE account_id = ?')
          .run(pick(ids('SELECT id FROM accounts')), pick(ids('SELECT account_id FROM interviews'))),
      // pains written, rewritten and removed; segments and stages changed (the window's opportunities)
      () => {
        const id = pick(ids('SELECT id FROM interviews'));
        db.prepare(
          `INSERT INTO pains (interview_id, position, text, severity)
           VALUES (?, (SELECT coalesce(max(position), -1) + 1 FROM pains WHERE interview_id = ?), ?, ?)`,
        ).run(id, id, pick(['Slow sync', 'slow  SYNC', 'Export']), pick(['low', 'blocker']));
      },
      () =>
        db
          .prepare('UPDATE pains SET text = ?, severity = ? WHERE interview_id = ?')
          .run(pick(['Redacted', 'Slow sync']), pick(['high', 'medium']), pick(ids('SELECT interview_id FROM pains'))),
      () => db.prepare('DELETE FROM pains WHERE interview_id = ?').run(pick(ids('SELECT interview_id FROM pains'))),
      // tags written, respelled, rekeyed, moved and removed; pains moved; a signal's source (the themes: 0060)
      () => {
        const id = pick(ids('SELECT id FROM interviews'));
        db.prepare(
          `INSERT INTO interview_tags (interview_id, position, tag, tag_key)
           VALUES (?, (SELECT coalesce(max(position), -1) + 1 FROM interview_tags WHERE interview_id = ?), ?, ?)`,
        ).run(
          id,
          id,
          ...pick([
            ['Billing', 'billing'],
            ['billing', null],
            ['SSO', 'sso'],
          ]),
        );
      },
      () =>
        db.prepare('UPDATE interview_tags SET tag = ?, tag_key = ? WHERE interview_id = ?').run(
          ...pick([
            ['billing', 'billing'],
            ['Redacted', 'redacted'],
            ['sso', null],
          ]),
          pick(ids('SELECT interview_id FROM interview_tags')),
        ),
      // respelled in place, the key the same (pm forget rewrites a name inside them)
      () =>
        db
          .prepare('UPDATE interview_tags SET tag = upper(tag) WHERE interview_id = ?')
          .run(pick(ids('SELECT interview_id FROM interview_tags'))),
      () =>
        db
          .prepare("UPDATE pains SET text = upper(text) || ' ' WHERE interview_id = ?")
          .run(pick(ids('SELECT interview_id FROM pains'))),
      () =>
        db
          .prepare('UPDATE interview_tags SET interview_id = ?, position = position + 100 WHERE interview_id = ?')
          .run(pick(ids('SELECT id FROM interviews')), pick(ids('SELECT interview_id FROM interview_tags'))),
      () =>
        db
          .prepare('UPDATE pains SET interview_id = ?, position = position + 100 WHERE interview_id = ?')
          .run(pick(ids('SELECT id FROM interviews')), pick(ids('SELECT interview_id FROM pains'))),
      () =>
        db
          .prepare('DELETE FROM interview_tags WHERE interview_id = ?')
          .run(pick(ids('SELECT interview_id FROM interview_tags'))),
      () =>
        db
          .prepare("UPDATE interviews SET channel = 'review', source = ? WHERE id = ?")
          .run(pick(['Capterra', 'capterra', null]), pick(ids('SELECT interview_id FROM pains'))),
      () =>
        db
          .prepare('UPDATE contacts SET persona = ? WHERE id = ?')
          .run(pick(['Founder', 'cfo', null]), pick(ids('SELECT contact_id FROM interview_contacts'))),
      () =>
        db
          .prepare('UPDATE contacts SET segment = ? WHERE id = ?')
          .run(pick(['SMB', '', null]), pick(ids('SELECT contact_id FROM interview_contacts'))),
      () =>
        db
          .prepare('UPDATE accounts SET segment = ? WHERE id = ?')
          .run(pick(['Enterprise', '', null]), pick(ids('SELECT account_id FROM interviews'))),
      () =>
        db
          .prepare('UPDATE interviews SET stage = ? WHERE id = ?')
          .run(pick(['onboarding', '', null]), pick(ids('SELECT interview_id FROM pains'))),
      // hypotheses added, their days edited, removed (hypothesis_links copies their status and days)
      () =>
        db
          .prepare("INSERT INTO hypotheses (uuid, statement, created_on, decide_by) VALUES (?, 'New', '2025-01-01', ?)")
          .run(`h-${rand()}`, pick(['2025-02-01', '2026-12-31'])),
      () =>
        db
          .prepare('UPDATE hypotheses SET decide_by = ?, created_on = ? WHERE id = ?')
          .run(
            pick(['2024-01-01', '2027-01-01']),
            pick(['2021-01-01', '2023-06-01']),
            pick(ids('SELECT id FROM hypotheses')),
          ),
      () => db.prepare('DELETE FROM hypotheses WHERE id = ?').run(pick(ids('SELECT id FROM hypotheses'))),
      // statements and outcomes' reasons rewritten (pm hyp edit, pm forget), validations (the report's
      // killed and refuted lists kept as JSON: 0044)
      () =>
        db
          .prepare('UPDATE hypotheses SET statement = ? WHERE id = ?')
          .run(pick(['We "believe"', 'Rewritten\n']), pick(ids('SELECT id FROM hypotheses'))),
      () =>
        db
          .prepare('UPDATE outcomes SET reason = ? WHERE id = ?')
          .run(pick(['Scrubbed', 'why \\ not']), pick(ids('SELECT id FROM outcomes'))),
      () =>
        db
          .prepare(
            "INSERT INTO outcomes (uuid, hypothesis_id, outcome, date, reason) VALUES (?, ?, 'validated', '2024-06-01', 'y')",
          )
          .run(`o-${rand()}`, pick(ids('SELECT id FROM hypotheses'))),
      // links made, turned and removed (the facts kept beside each hypothesis: 0036)
      () =>
        db
          .prepare(
            `INSERT OR IGNORE INTO evidence (hypothesis_id, interview_id, direction, strength)
             VALUES (?, ?, ?, 'medium')`,
          )
          .run(
            pick(ids('SELECT id FROM hypotheses')),
            pick(ids('SELECT id FROM interviews')),
            pick(['supports', 'refutes', 'refutes']),
          ),
      () =>
        db
          .prepare(
            `UPDATE evidence SET direction = CASE direction WHEN 'refutes' THEN 'supports' ELSE 'refutes' END
             WHERE hypothesis_id = ?`,
          )
          .run(pick(ids('SELECT hypothesis_id FROM evidence'))),
      () =>
        db.prepare('DELETE FROM evidence WHERE hypothesis_id = ?').run(pick(ids('SELECT hypothesis_id FROM evidence'))),
      // the latest conversation raising a pain moved back, or its people changed (pain_heard_last)
      () =>
        db
          .prepare('UPDATE interviews SET date = ? WHERE id = ?')
          .run(
            pick(['2021-05-05', '2026-11-20']),
            pick(
              ids(
                'SELECT interview_id FROM pains p JOIN interviews i ON i.id = p.interview_id ORDER BY i.date DESC LIMIT 20',
              ),
            ),
          ),
    ];
    for (let i = 0; i < 180; i++) pick(changes)();
    expect(summaryDrift(db)).toEqual([]);
  });

  // one plain UPDATE each, as a user with sqlite3 might: only that summary is then out of step
  const corruptions: Record<string, string> = {
    'interviews.kind': `UPDATE interviews SET kind = CASE kind WHEN 'customer' THEN 'stakeholder' ELSE 'customer' END
      WHERE id = (SELECT min(interview_id) FROM evidence)`,
    'evidence.date/kind': `UPDATE evidence SET date = '1999-01-01'
      WHERE (hypothesis_id, interview_id) = (SELECT hypothesis_id, interview_id FROM evidence LIMIT 1)`,
    evidence_customers: `UPDATE evidence_customers SET first_date = '1999-01-01'
      WHERE (hypothesis_id, direction, contact_id) = (SELECT hypothesis_id, direction, contact_id FROM evidence_customers LIMIT 1)`,
    evidence_totals:
      'UPDATE evidence_totals SET supports = supports + 1 WHERE hypothesis_id = (SELECT min(hypothesis_id) FROM evidence_totals)',
    'accounts.last_direct': "UPDATE accounts SET last_direct = '1999-01-01' WHERE id = (SELECT min(id) FROM accounts)",
    'interview_contacts.date/kind': `UPDATE interview_contacts SET date = '1999-01-01'
      WHERE (interview_id, contact_id) = (SELECT interview_id, contact_id FROM interview_contacts LIMIT 1)`,
    'interview_contacts.account_id/persona/customer': `UPDATE interview_contacts SET customer = 1 - customer
      WHERE (interview_id, contact_id) = (SELECT interview_id, contact_id FROM interview_contacts LIMIT 1)`,
    'contacts.interviews/last_direct/last_interview':
      'UPDATE contacts SET interviews = interviews + 1 WHERE id = (SELECT min(id) FROM contacts)',
    'accounts.contacts/interviews/last_interview':
      "UPDATE accounts SET last_interview = '1999-01-01' WHERE id = (SELECT min(id) FROM accounts)",
    'contacts.account_name': "UPDATE contacts SET account_name = 'Elsewhere' WHERE id = (SELECT min(id) FROM contacts)",
    follow_up_answers: `UPDATE follow_up_answers SET answered_on = '1999-01-01'
      WHERE interview_id = (SELECT min(interview_id) FROM follow_up_answers)`,
    'hypotheses.status/decided_on':
      "UPDATE hypotheses SET status = 'killed', decided_on = '1999-01-01' WHERE id = (SELECT min(id) FROM hypotheses)",
    // the kind of a customer's row: no summary after it reads that (pain_facet_last reads a pain row's
    // kind)
    pain_hearings: `UPDATE pain_hearings SET kind = CASE kind WHEN 'customer' THEN 'indirect' ELSE 'customer' END
      WHERE (interview_id, position, contact_id) = (SELECT interview_id, position, contact_id FROM pain_hearings
        WHERE contact_id <> 0 LIMIT 1)`,
    hypothesis_links:
      "UPDATE hypothesis_links SET last_refuted = '2099-01-01' WHERE hypothesis_id = (SELECT min(id) FROM hypotheses)",
    report_decided:
      "UPDATE report_decided SET entry = entry || ' ' WHERE hypothesis_id = (SELECT min(hypothesis_id) FROM report_decided)",
    pain_heard_last: `UPDATE pain_heard_last SET last = '1999-01-01'
      WHERE (text, contact_id) = (SELECT text, contact_id FROM pain_heard_last LIMIT 1)`,
    pain_text_recent: `UPDATE pain_text_recent SET recent = '' WHERE text = (SELECT min(text) FROM pain_text_recent)`,
    coverage_persona_last: `UPDATE coverage_persona_last SET last = '1999-01-01'
      WHERE (who, dim, persona) = (SELECT who, dim, persona FROM coverage_persona_last WHERE dim = 1 LIMIT 1)`,
    coverage_days: `UPDATE coverage_days SET n = n + 1
      WHERE (day, dim, key) = (SELECT day, dim, key FROM coverage_days WHERE dim = 0 LIMIT 1)`,
    theme_days: `UPDATE theme_days SET n = n + 1
      WHERE (day, kind, key, dim, val) = (SELECT day, kind, key, dim, val FROM theme_days WHERE dim = 3 LIMIT 1)`,
    coverage_stage_last: `UPDATE coverage_stage_last SET last = '1999-01-01'
      WHERE (stage, account_id) = (SELECT stage, account_id FROM coverage_stage_last LIMIT 1)`,
    // a segment's last day (its triggers keep the text's totals after it: those stay as the view makes them)
    pain_facet_last: `UPDATE pain_facet_last SET last = '1999-01-01'
      WHERE (text, facet, value) = (SELECT text, facet, value FROM pain_facet_last WHERE facet = 7 LIMIT 1)`,
    pain_text_days: `UPDATE pain_text_days SET c0 = c0 + 1
      WHERE (text, day) = (SELECT text, day FROM pain_text_days LIMIT 1)`,
    pain_text_totals: `UPDATE pain_text_totals SET accounts = accounts + 1
      WHERE text = (SELECT min(text) FROM pain_text_totals)`,
  };

  it('has a corruption below', () => {
    expect(Object.keys(corruptions).sort()).toEqual(SUMMARIES.map((s) => s.name).sort());
  });

  it.each(Object.entries(corruptions))('%s, changed by hand, is found, named and repaired', (name, sql) => {
    const snapshot = () =>
      SUMMARIES.map((s) =>
        db
          .prepare(`SELECT * FROM ${s.table} ORDER BY ${s.key.map(([t]) => t).join(', ')}`)
          .raw()
          .all(),
      );
    const before = snapshot();
    expect(db.prepare(sql).run().changes).toBe(1);
    expect(summaryDrift(db)).toEqual([{ name, rows: 1 }]);
    db.transaction(() => repairSummaries(db)).immediate();
    expect(summaryDrift(db)).toEqual([]);
    expect(snapshot()).toEqual(before);
  });
});

describe('pm forget', () => {
  it("leaves nothing of the person in pain_hearings and the summaries kept from it (theme_days too): their segment and their name in a pain's text", () => {
    const [id, name, interview] = db
      .prepare(
        `SELECT c.id, c.name, h.interview_id FROM pain_hearings h JOIN contacts c ON c.id = h.contact_id
         WHERE c.forgotten = 0 AND c.segment <> '' LIMIT 1`,
      )
      .raw()
      .get() as [number, string, number];
    db.prepare(
      `INSERT INTO pains (interview_id, position, text, severity)
       VALUES (?, (SELECT max(position) + 1 FROM pains WHERE interview_id = ?), ?, 'high')`,
    ).run(interview, interview, `${name} cannot export`);
    const held = () =>
      db
        .prepare(
          `SELECT (SELECT count(*) FROM pain_hearings WHERE text LIKE @name OR (contact_id = @id AND segment IS NOT NULL))
            + (SELECT count(*) FROM pain_heard_last WHERE text LIKE @name)
            + (SELECT count(*) FROM pain_text_recent WHERE text LIKE @name)
            + (SELECT count(*) FROM pain_facet_last WHERE text LIKE @name)
            + (SELECT count(*) FROM pain_text_days WHERE text LIKE @name)
            + (SELECT count(*) FROM pain_text_totals WHERE text LIKE @name)
            + (SELECT count(*) FROM theme_days WHERE key LIKE @name OR (typeof(val) = 'text' AND val LIKE @name))`,
        )
        .pluck()
        .get({ name: `%${name}%`, id });
    expect(held()).toBeGreaterThan(1);
    db.transaction(() => forgetContact(db, id))();
    expect(held()).toBe(0);
    expect(summaryDrift(db)).toEqual([]);
  });
});

describe("a follow-up's answer (follow_up_answers)", () => {
  it('is the first later customer conversation with one of its people, through every change that moves it', () => {
    const j = journal();
    try {
      const a = j.account('Acme');
      const [ann, bo, cy] = [j.contact('Ann', a), j.contact('Bo', a), j.contact('Cy', a, 'stakeholder')];
      const call = (date: string, who: number[], channel = 'call') =>
        j.interview({ date, account: a, with: who, channel });
      const answer = (id: number) =>
        j.db.prepare('SELECT answered_on FROM follow_up_answers WHERE interview_id = ?').pluck().get(id);
      const step = (what: string, id: number, expected: string | null | undefined) => {
        expect([what, answer(id)]).toEqual([what, expected]);
        expect([what, summaryDrift(j.db)]).toEqual([what, []]);
      };
      // Cy (a stakeholder) and Ann on the 10th, a follow-up; Ann's stakeholder meeting before it
      const before = call('2026-01-05', [ann, cy]);
      const f = j.interview({ date: '2026-01-10', account: a, with: [ann, cy], followUp: '2026-01-17' });
      step('nobody called since', f, null);
      j.db.prepare("UPDATE interviews SET date = '2026-01-10' WHERE id = ?").run(before);
      step("Ann's call moved to its day, logged before it", f, null);
      const meeting = call('2026-01-12', [cy]);
      step('a stakeholder meeting answers nothing', f, null);
      const on20 = call('2026-01-20', [ann]);
      step('Ann called on the 20th', f, '2026-01-20');
      const on15 = call('2026-01-15', [bo]);
      step('Bo is not one of its people', f, '2026-01-20');
      addPeople(j.db, on15, [ann]);
      step('Ann added to the call of the 15th', f, '2026-01-15');
      j.db.prepare("UPDATE interviews SET channel = 'review' WHERE id = ?").run(on15);
      step('the 15th a second-hand signal', f, '2026-01-20');
      j.db.prepare("UPDATE interviews SET channel = 'call', date = '2026-01-10' WHERE id = ?").run(on15);
      step('the 15th moved to the same day, logged after it', f, '2026-01-10');
      j.db.prepare("UPDATE interviews SET date = '2026-01-11' WHERE id = ?").run(on15);
      step('the same call a day after', f, '2026-01-11');
      j.db.prepare("UPDATE contacts SET role = 'customer' WHERE id = ?").run(cy);
      step('Cy a customer: the meeting of the 12th is a customer conversation', f, '2026-01-11');
      j.db.prepare('DELETE FROM interviews WHERE id = ?').run(on15);
      step('the 11th deleted', f, '2026-01-12');
      j.db.prepare('DELETE FROM interview_contacts WHERE interview_id = ? AND contact_id = ?').run(meeting, cy);
      addPeople(j.db, meeting, [bo]);
      step('Cy taken out of the 12th', f, '2026-01-20');
      // Ann merged into Bo: her conversations moved to him, one row at a time
      j.db
        .prepare('UPDATE interview_contacts SET contact_id = ? WHERE contact_id = ? AND interview_id = ?')
        .run(bo, ann, on20);
      step("the 20th now Bo's", f, null);
      j.db.prepare("UPDATE interviews SET date = '2026-01-21' WHERE id = ?").run(f);
      step('the follow-up moved after every call', f, null);
      j.db.prepare("UPDATE interviews SET date = '2026-01-10', follow_up_done = 1 WHERE id = ?").run(f);
      step('done: no longer kept', f, undefined);
      j.db.prepare('UPDATE interviews SET follow_up_done = 0 WHERE id = ?').run(f);
      step('undone', f, null);
      j.db.prepare('UPDATE interviews SET follow_up = NULL WHERE id = ?').run(f);
      step('no follow-up', f, undefined);
      const g = j.interview({ date: '2026-01-01', account: a, with: [bo], followUp: '2026-01-08' });
      step('a new follow-up, answered already', g, '2026-01-12');
    } finally {
      j.close();
    }
  });
});

describe('suspending the summary triggers', () => {
  it('is refused outside a transaction, and a rollback brings the triggers back', () => {
    expect(() => new SuspendedSummaries(db).suspend()).toThrow(/outside a transaction/);
    const before = triggersNow();
    try {
      db.transaction(() => {
        new SuspendedSummaries(db).suspend();
        expect(triggersNow()).toEqual([]);
        throw new Error('fail mid-import');
      })();
    } catch (err) {
      expect((err as Error).message).toBe('fail mid-import');
    }
    expect(triggersNow()).toEqual(before);
  });

  it("an import into a new journal builds the listings' indexes once at its end, as the schema has them", () => {
    const indexes = (d: DB) =>
      d.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY name").all();
    const fresh = openForWrite(join(dir, 'fresh.db')).db;
    try {
      expect(indexes(db)).toEqual(indexes(fresh));
      expect(indexes(db)).toContainEqual(expect.objectContaining({ name: 'interviews_by_account_date' }));
    } finally {
      fresh.close();
    }
    const before = indexes(db);
    expect(() =>
      db.transaction(() => {
        new SuspendedSummaries(db).suspend({ indexes: true });
        expect(indexes(db)).not.toContainEqual(expect.objectContaining({ name: 'interviews_by_account_date' }));
        throw new Error('fail mid-import');
      })(),
    ).toThrow('fail mid-import');
    expect(indexes(db)).toEqual(before);
  });

  it("rebuilds only the added interviews' pain_hearings after a write that only added interviews", () => {
    const last = db.prepare('SELECT max(id) FROM interviews').pluck().get() as number;
    const [account, contact] = db
      .prepare("SELECT account_id, id FROM contacts WHERE role = 'customer' LIMIT 1")
      .raw()
      .get() as [number, number];
    const old = db
      // a customer's row: no summary after pain_hearings reads its kind
      .prepare(
        'SELECT interview_id, position, contact_id FROM pain_hearings WHERE interview_id <= ? AND contact_id <> 0 LIMIT 1',
      )
      .raw()
      .get(last) as number[];
    const flip = db.prepare(
      `UPDATE pain_hearings SET kind = CASE kind WHEN 'customer' THEN 'indirect' ELSE 'customer' END
        WHERE interview_id = ? AND position = ? AND contact_id = ?`,
    );
    db.transaction(() => {
      // an older interview's row out of step: a rebuild of the added ones only leaves it so
      flip.run(...old);
      const s = new SuspendedSummaries(db);
      s.suspend();
      new InterviewWriter(db).insert(
        'added-with-pains',
        {
          date: '2026-11-18',
          channel: 'call',
          accountId: account,
          source: null,
          by: null,
          minutes: null,
          summary: 'added',
          notes: null,
          followUp: null,
          followUpDone: false,
          contactIds: [contact],
          pains: [
            { text: 'Slow sync', severity: 'high' },
            { text: 'Export', severity: 'low' },
          ],
          quotes: [],
          tags: [],
        },
        '2026-11-18T00:00:00Z',
      );
      s.resume({ interviews: last });
    })();
    expect(db.prepare('SELECT count(*) FROM pain_hearings WHERE interview_id > ?').pluck().get(last)).toBe(4);
    expect(summaryDrift(db)).toEqual([{ name: 'pain_hearings', rows: 1 }]);
    flip.run(...old);
    expect(summaryDrift(db)).toEqual([]);
  });

  it('restores each trigger as the schema wrote it', () => {
    const before = triggersNow();
    db.transaction(() => {
      const s = new SuspendedSummaries(db);
      s.suspend();
      s.resume();
    })();
    expect(triggersNow()).toEqual(before);
  });
});
