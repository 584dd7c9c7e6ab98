import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sandbox, expectUsageError, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => (box = sandbox()));
afterEach(() => box.cleanup());

// fixed UUIDs, so tests can name records
const U = {
  acme: '01900000-0000-7000-8000-00000000a001',
  globex: '01900000-0000-7000-8000-00000000a002',
  jane: '01900000-0000-7000-8000-00000000c001',
  bob: '01900000-0000-7000-8000-00000000c002',
  sam: '01900000-0000-7000-8000-00000000c003',
  i1: '01900000-0000-7000-8000-00000000e001',
  i2: '01900000-0000-7000-8000-00000000e002',
  i3: '01900000-0000-7000-8000-00000000e003',
  h1: '01900000-0000-7000-8000-00000000f001',
  h2: '01900000-0000-7000-8000-00000000f002',
  o1: '01900000-0000-7000-8000-00000000d001',
};

/** A small journal in the exchange format: two accounts, three people, three interviews, two hypotheses. */
function sampleDoc(): any {
  return {
    format: 'pm-journal',
    version: 1,
    exportedAt: '2026-11-01T09:00:00Z',
    config: {
      'cadence.target': 3,
      'cadence.days': 14,
      'week.start': 'sunday',
      'user.name': 'Not Me',
      'no.such.key': 5,
    },
    accounts: [
      { uuid: U.acme, name: 'Acme', segment: 'enterprise', cadenceDays: 21 },
      { uuid: U.globex, name: 'Globex', segment: null, cadenceDays: 'off' },
    ],
    contacts: [
      {
        uuid: U.jane,
        name: 'Jane Roe',
        email: 'jane@acme.test',
        accountUuid: U.acme,
        role: 'customer',
        segment: 'finance',
      },
      { uuid: U.bob, name: 'Bob Stone', email: null, accountUuid: U.acme, role: 'stakeholder', segment: null },
      {
        uuid: U.sam,
        name: 'Sam Hill',
        email: 'sam@globex.test',
        accountUuid: U.globex,
        role: 'prospect',
        segment: null,
      },
    ],
    interviews: [
      {
        uuid: U.i1,
        id: 'I7',
        date: '2026-11-02',
        channel: 'call',
        contactUuids: [U.jane, U.bob],
        accountUuid: U.acme,
        by: 'Dana',
        minutes: 30,
        summary: 'Exports take an hour',
        notes: 'Long notes\nwith lines',
        pains: ['slow export', 'manual CSV'],
        quotes: ['"It takes forever"'],
        tags: ['export'],
        followUp: '2026-11-09',
        followUpDone: false,
        someFutureKey: 'ignored',
      },
      {
        uuid: U.i2,
        id: 'I8',
        date: '2026-11-03',
        channel: 'support',
        contactUuids: [],
        accountUuid: U.globex,
        by: null,
        minutes: null,
        summary: 'Ticket about invoices',
        notes: null,
        pains: [],
        quotes: [],
        tags: [],
        followUp: null,
        followUpDone: false,
      },
      {
        uuid: U.i3,
        id: 'I9',
        date: '2026-11-04',
        channel: 'video',
        contactUuids: [U.bob],
        accountUuid: U.acme,
        by: 'Dana',
        minutes: 15,
        summary: 'Internal sync with sales',
        notes: null,
        pains: [],
        quotes: [],
        tags: [],
        followUp: null,
        followUpDone: true,
      },
    ],
    hypotheses: [
      {
        uuid: U.h1,
        id: 'H4',
        statement: 'Finance teams want itemised invoices',
        kind: 'value',
        criteria: '3 of 5 say yes',
        createdOn: '2026-10-01',
        decideBy: '2026-10-29',
        tags: ['billing'],
        revisions: [{ date: '2026-10-05', field: 'criteria', before: '2 of 5 say yes', after: '3 of 5 say yes' }],
      },
      {
        uuid: U.h2,
        id: 'H5',
        statement: 'Exports must be faster than a minute',
        kind: 'usability',
        criteria: null,
        createdOn: '2026-10-02',
        decideBy: '2026-12-01',
        tags: [],
        revisions: [],
      },
    ],
    evidence: [
      { interviewUuid: U.i1, hypothesisUuid: U.h1, direction: 'supports', strength: 'strong' },
      { interviewUuid: U.i2, hypothesisUuid: U.h2, direction: 'refutes', strength: 'weak' },
    ],
    outcomes: [
      { uuid: U.o1, hypothesisUuid: U.h1, outcome: 'killed', date: '2026-11-05', reason: 'Nobody pays for it' },
    ],
  };
}

function writeDoc(name: string, doc: unknown): string {
  const path = join(box.dir, name);
  writeFileSync(path, typeof doc === 'string' ? doc : JSON.stringify(doc));
  return path;
}

/** An export without what differs between journals: exportedAt and display ids. */
function comparable(doc: any): any {
  const { exportedAt: _exportedAt, ...rest } = doc;
  return {
    ...rest,
    interviews: rest.interviews.map(({ id: _id, ...i }: any) => i),
    hypotheses: rest.hypotheses.map(({ id: _id, ...h }: any) => h),
  };
}

describe('pm import', () => {
  it("imports into an empty journal: records, kinds, full-text index, status, and the file's settings but user.name", () => {
    const r = box.pm(['import', writeDoc('a.json', sampleDoc())]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/Imported 3 interviews, 2 hypotheses, 1 outcome, 2 evidence links, 3 contacts, 2 accounts/);
    const rows = box.sql('SELECT id, uuid, kind FROM interviews ORDER BY id');
    // an empty journal keeps the file's display ids (I7…I9), so that "I7" means the same in both
    expect(rows).toEqual([
      { id: 7, uuid: U.i1, kind: 'customer' },
      { id: 8, uuid: U.i2, kind: 'indirect' },
      { id: 9, uuid: U.i3, kind: 'stakeholder' },
    ]);
    expect(box.sql("SELECT rowid FROM interviews_fts WHERE interviews_fts MATCH 'forever'")).toEqual([{ rowid: 7 }]);
    expect(box.sql("SELECT rowid FROM interviews_fts WHERE interviews_fts MATCH 'lines'")).toEqual([{ rowid: 7 }]);
    expect(box.sql('SELECT status FROM hypotheses ORDER BY id').map((h) => h.status)).toEqual(['killed', 'open']);
    expect(box.sql('SELECT name, cadence_days FROM accounts ORDER BY id')).toEqual([
      { name: 'Acme', cadence_days: 21 },
      { name: 'Globex', cadence_days: 0 },
    ]);
    const config = box.json(['config']);
    expect(config).toMatchObject({
      'cadence.target': 3,
      'cadence.days': 14,
      'week.start': 'sunday',
      'user.name': null,
    });
  });

  it('round trip: export → import into an empty journal → export gives the same document', () => {
    // a couple of records made by the CLI, then the sample merged in
    expect(
      box.pm([
        'log',
        '--with',
        'Lee Park <lee@initech.test>',
        '--account',
        'Initech',
        '--summary',
        'Wants SSO',
        '--pain',
        'SSO:blocker',
        '--tag',
        'auth',
        '--date',
        '2026-11-10',
      ]).code,
    ).toBe(0);
    expect(box.pm(['hyp', 'add', 'Teams need SSO before buying', '--date', '2026-11-01']).code).toBe(0);
    expect(box.pm(['import', writeDoc('a.json', sampleDoc())]).code).toBe(0);
    expect(box.pm(['config', 'set', 'user.name', 'Dana Lee']).code).toBe(0);
    const first = box.pm(['export', '--format', 'json']);
    expect(first.code, first.err).toBe(0);
    // user.name is never exported (the calls logged here became hers when she set it: wave 14 H10)
    expect(JSON.stringify(JSON.parse(first.out), (k, v) => (k === 'by' ? undefined : v))).not.toContain('Dana Lee');
    const other = join(box.dir, 'other.db');
    const imported = box.pm(['--db', other, 'import', writeDoc('first.json', first.out)]);
    expect(imported.code, imported.err).toBe(0);
    const second = box.pm(['--db', other, 'export', '--format', 'json']);
    expect(comparable(JSON.parse(second.out))).toEqual(comparable(JSON.parse(first.out)));
    expect(JSON.parse(second.out).exportedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  });

  it('a version-1 file (pains as text) imports as pains of medium severity, and exports as version 2', () => {
    expect(box.pm(['import', writeDoc('v1.json', sampleDoc())]).code).toBe(0);
    expect(box.sql('SELECT text, severity FROM pains ORDER BY position')).toEqual([
      { text: 'slow export', severity: 'medium' },
      { text: 'manual CSV', severity: 'medium' },
    ]);
    const doc = box.json(['export', '--format', 'json']);
    expect(doc.version).toBe(2);
    expect(doc.interviews.find((i: any) => i.uuid === U.i1).pains).toEqual([
      { text: 'slow export', severity: 'medium' },
      { text: 'manual CSV', severity: 'medium' },
    ]);
    // every key version 2 added, as a version-1 journal means it: no stage, persona, bet or merge;
    // each link said
    expect(doc.interviews.map((i: any) => i.stage)).toEqual([null, null, null]);
    expect(doc.contacts.map((c: any) => c.persona)).toEqual([null, null, null]);
    expect(doc.hypotheses.map((h: any) => [h.bet, h.opportunityUuids])).toEqual([
      [null, []],
      [null, []],
    ]);
    expect(doc.evidence.length).toBeGreaterThan(0);
    expect(doc.evidence.map((e: any) => e.basis)).toEqual(doc.evidence.map(() => 'said'));
    expect(doc.opportunities).toEqual([]);
    // and the version-2 file it made imports into another journal as the same journal
    const again = join(box.dir, 'again.db');
    expect(box.pm(['--db', again, 'import', writeDoc('v2-of-v1.json', JSON.stringify(doc))]).code).toBe(0);
    expect(comparable(box.json(['--db', again, 'export', '--format', 'json']))).toEqual(comparable(doc));
    // a version-2 file whose pains carry a severity (or none: medium)
    const v2 = sampleDoc();
    v2.version = 2;
    v2.interviews[0].pains = [{ text: 'slow export', severity: 'blocker' }, { text: 'manual CSV' }, 'no API'];
    const other = join(box.dir, 'v2.db');
    expect(box.pm(['--db', other, 'import', writeDoc('v2.json', v2)]).code).toBe(0);
    // (an empty journal keeps the file's display ids: its I7 is I7 here)
    expect(box.json(['--db', other, 'show', 'I7']).pains).toEqual([
      { text: 'slow export', severity: 'blocker' },
      { text: 'manual CSV', severity: 'medium' },
      { text: 'no API', severity: 'medium' },
    ]);
  });

  it('importing the same file twice changes nothing', () => {
    const file = writeDoc('a.json', sampleDoc());
    expect(box.pm(['import', file]).code).toBe(0);
    const before = box.snapshot();
    const again = box.json(['import', file]);
    expect(again.interviews).toMatchObject({ added: 0, updated: 0, deleted: 0, existing: 3 });
    expect(again.outcomes).toMatchObject({ added: 0, updated: 0, existing: 1 });
    expect(box.snapshot()).toBe(before);
  });

  it("a record the journal already has keeps the journal's content", () => {
    expect(box.pm(['import', writeDoc('a.json', sampleDoc())]).code).toBe(0);
    const changed = sampleDoc();
    changed.interviews[0].summary = 'Rewritten by a teammate';
    changed.accounts[0].segment = 'smb';
    expect(box.pm(['import', writeDoc('b.json', changed)]).code).toBe(0);
    expect(box.sql('SELECT summary FROM interviews WHERE uuid = ?', U.i1)[0].summary).toBe('Exports take an hour');
    expect(box.sql('SELECT segment FROM accounts WHERE uuid = ?', U.acme)[0].segment).toBe('enterprise');
  });

  it("merges a teammate's export: contacts matched by email or by name in the account, new ids continue", () => {
    expect(
      box.pm([
        'log',
        '--with',
        'Jane Roe <jane@acme.test>',
        '--with',
        'Bob Stone',
        '--account',
        'Acme',
        '--summary',
        'Mine',
        '--date',
        '2026-11-01',
      ]).code,
    ).toBe(0);
    const mine = box.sql('SELECT id, name FROM contacts ORDER BY id');
    const theirs = sampleDoc();
    // the teammate made the same people and account separately: other UUIDs, other spelling
    theirs.accounts[0].uuid = '01900000-0000-7000-8000-00000000b001';
    theirs.accounts[0].name = 'ACME';
    theirs.contacts[0] = {
      ...theirs.contacts[0],
      uuid: '01900000-0000-7000-8000-00000000b002',
      name: 'J. Roe',
      email: 'JANE@acme.test',
      accountUuid: theirs.accounts[0].uuid,
    };
    theirs.contacts[1] = {
      ...theirs.contacts[1],
      uuid: '01900000-0000-7000-8000-00000000b003',
      name: 'bob stone',
      accountUuid: theirs.accounts[0].uuid,
    };
    for (const i of theirs.interviews) {
      if (i.accountUuid === U.acme) i.accountUuid = theirs.accounts[0].uuid;
      i.contactUuids = i.contactUuids.map((u: string) =>
        u === U.jane ? theirs.contacts[0].uuid : u === U.bob ? theirs.contacts[1].uuid : u,
      );
    }
    const counts = box.json(['import', writeDoc('theirs.json', theirs)]);
    expect(counts.contacts).toMatchObject({ added: 1, matched: 2, forgotten: 0 });
    expect(counts.accounts).toMatchObject({ added: 1, matched: 1 });
    expect(box.sql('SELECT id, name FROM contacts WHERE id <= 2 ORDER BY id')).toEqual(mine);
    expect(box.sql('SELECT count(*) AS n FROM accounts')[0].n).toBe(2);
    const people = box.sql(`SELECT i.id, group_concat(c.name, ',') AS who FROM interviews i
      JOIN interview_contacts ic ON ic.interview_id = i.id JOIN contacts c ON c.id = ic.contact_id GROUP BY i.id ORDER BY i.id`);
    expect(people).toEqual([
      { id: 1, who: 'Jane Roe,Bob Stone' },
      { id: 2, who: 'Jane Roe,Bob Stone' },
      { id: 4, who: 'Bob Stone' },
    ]);
    // the journal had records: it keeps its own settings
    expect(box.json(['config', 'get', 'cadence.target'])).toBe(1);
  });

  it("`last` stays the interview logged here: not a teammate's that arrived since by import (fresh-eyes E19)", () => {
    for (const summary of ['First of mine', 'Just logged'])
      expect(box.pm(['log', '--with', 'Jane Roe', '--account', 'Acme', '--summary', summary]).code).toBe(0);
    expect(box.pm(['import', writeDoc('theirs.json', sampleDoc())]).code).toBe(0);
    expect(box.sql('SELECT max(id) AS id FROM interviews')[0].id).toBe(5); // the file's three, after mine
    expect(box.json(['show', 'last']).summary).toBe('Just logged');
    expect(box.json(['edit', 'last', '--summary', 'Just logged, typo fixed']).id).toBe('I2');
    expect(box.sql('SELECT summary FROM interviews WHERE uuid = ?', U.i3)[0].summary).toBe('Internal sync with sales');
    // completion offers the same interview for `last`
    const complete = box.pm(['__complete', 'interview', 'la']);
    expect(complete.out).toMatch(/^last\tI2 /m);
    // deleting it makes the previous one logged here `last`; a journal with none of its own falls back to the newest
    expect(box.pm(['delete', 'last', '--yes']).code).toBe(0);
    expect(box.json(['show', 'last']).summary).toBe('First of mine');
    expect(box.pm(['delete', 'I1', '--yes']).code).toBe(0);
    expect(box.json(['show', 'last']).id).toBe('I5');
    // a journal upgraded from before schema 32: what this device has a version of counts as logged here
    expect(box.pm(['log', '--with', 'Jane Roe', '--summary', 'After the import']).code).toBe(0);
    const db = new Database(box.db);
    db.exec('DROP TABLE logged_here');
    db.pragma('user_version = 31');
    db.close();
    expect(box.json(['show', 'last']).summary).toBe('After the import');
    expect(box.sql('SELECT interview_id AS id FROM logged_here')).toEqual([{ id: 6 }]);
  });

  it('reads stdin with -', () => {
    const r = box.pm(['import', '-'], { input: JSON.stringify(sampleDoc()) });
    expect(r.code, r.err).toBe(0);
    expect(box.sql('SELECT count(*) AS n FROM interviews')[0].n).toBe(3);
  });

  it('never brings back a person erased with pm forget; their interviews keep the others, and them as "Forgotten contact"', () => {
    // what pm forget leaves in a journal that never held the person: the UUID remembered
    expect(box.pm(['init']).code).toBe(0);
    const db = new Database(box.db);
    db.prepare('INSERT INTO forgotten(uuid) VALUES (?)').run(U.jane);
    db.close();
    const counts = box.json(['import', writeDoc('a.json', sampleDoc())]);
    expect(counts.contacts.forgotten).toBe(1);
    expect(box.sql('SELECT count(*) AS n FROM contacts WHERE name = ?', 'Jane Roe')[0].n).toBe(0);
    expect(box.sql('SELECT name, email, forgotten FROM contacts WHERE uuid = ?', U.jane)).toEqual([
      { name: 'Forgotten contact', email: null, forgotten: 1 },
    ]);
    const present = box.sql(
      'SELECT c.name FROM interview_contacts ic JOIN contacts c ON c.id = ic.contact_id JOIN interviews i ON i.id = ic.interview_id WHERE i.uuid = ? ORDER BY c.id',
      U.i1,
    );
    expect(present.map((p: { name: string }) => p.name).sort()).toEqual(['Bob Stone', 'Forgotten contact']);
    // nothing of Jane in the interview she attended: no quote, no name
    expect(JSON.stringify(box.json(['show', 'last']))).not.toMatch(/Jane|jane@/);
  });
});

describe('pm import and pm forget', () => {
  it('an export made before pm forget never brings the person back, and a forgotten placeholder travels as one', () => {
    expect(box.pm(['import', writeDoc('a.json', sampleDoc())]).code).toBe(0);
    const before = box.pm(['export', '--format', 'json']).out;
    const forgot = box.pm(['forget', 'Jane Roe', '--yes']);
    expect(forgot.code, forgot.err).toBe(0);
    const after = box.pm(['export', '--format', 'json']).out;
    expect(after).not.toContain('Jane Roe');
    expect(JSON.parse(after).contacts.find((c: any) => c.uuid === U.jane)).toMatchObject({
      forgotten: true,
      email: null,
    });

    // the old export, with Jane in it, merged back: nothing comes back
    expect(box.pm(['import', writeDoc('before.json', before)]).code).toBe(0);
    expect(box.sql('SELECT count(*) AS n FROM contacts WHERE name = ?', 'Jane Roe')[0].n).toBe(0);

    // the new export into another journal: the placeholder comes as forgotten, and then the old one cannot bring her back
    const other = join(box.dir, 'other.db');
    expect(box.pm(['--db', other, 'import', writeDoc('after.json', after)]).code).toBe(0);
    expect(box.pm(['--db', other, 'import', writeDoc('before.json', before)]).code).toBe(0);
    const conn = new Database(other, { readonly: true });
    expect(conn.prepare("SELECT count(*) FROM contacts WHERE name = 'Jane Roe'").pluck().get()).toBe(0);
    expect(conn.prepare('SELECT forgotten FROM contacts WHERE uuid = ?').pluck().get(U.jane)).toBe(1);
    expect(conn.prepare('SELECT count(*) FROM forgotten WHERE uuid = ?').pluck().get(U.jane)).toBe(1);
    expect(conn.prepare('SELECT kind FROM interviews WHERE uuid = ?').pluck().get(U.i1)).toBe('customer');
    conn.close();
  });
});

// wave 11 eyes2 F4: an interview whose text the import scrubbed of an erased name was counted as
// "Updated to their newer version" in a journal that had never had it
describe('pm import into an empty journal of an interview it scrubs', () => {
  it('counts it as imported, not updated', () => {
    const ok = (args: string[]) => expect(box.pm(args).code, args.join(' ')).toBe(0);
    ok(['log', '--with', 'Kim Lee', '--account', 'Northwind', '--summary', 'a']);
    ok(['log', '--with', 'Raj Patel', '--account', 'Acme', '--summary', 'b']);
    ok(['forget', 'Kim Lee', '--yes']);
    ok(['contact', 'set', 'Raj Patel', '--name', 'Kim Lee']);
    // the conversation's own contact of that name may be named in its text here
    ok(['edit', 'I2', '--summary', 'with Kim Lee']);
    const file = writeDoc('own.json', box.pm(['export', '--format', 'json']).out);
    const r = box.pm(['--db', join(box.dir, 'fresh.db'), 'import', file]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^Imported 2 interviews,/m);
    expect(r.out).not.toMatch(/Updated to their newer version/);
  });
});

describe('pm import refuses a bad file whole: exit 2, the record named, the journal unchanged', () => {
  const cases: [string, (d: any) => unknown, RegExp][] = [
    [
      'an impossible date',
      (d) => {
        d.interviews[2].date = '2026-02-31';
      },
      /^pm: interviews\[2\] \(uuid 01900000-0000-7000-8000-00000000e003\): date "2026-02-31" is not a date/m,
    ],
    [
      'an unknown channel',
      (d) => {
        d.interviews[0].channel = 'telepathy';
      },
      /^pm: interviews\[0\] .*channel "telepathy" is not one of call, video/m,
    ],
    [
      'a link to a missing record',
      (d) => {
        d.evidence[1].hypothesisUuid = '01900000-0000-7000-8000-0000000000ff';
      },
      /^pm: evidence\[1\]: hypothesisUuid 01900000-0000-7000-8000-0000000000ff is neither in the file nor in the journal/m,
    ],
    [
      'an interview naming an unknown contact',
      (d) => {
        d.interviews[1].contactUuids = ['01900000-0000-7000-8000-0000000000ee'];
      },
      /^pm: interviews\[1\] .*contactUuids/m,
    ],
    [
      'another format',
      (d) => {
        d.format = 'jrnl';
      },
      /^pm: \S*bad\.json: format is "jrnl", not "pm-journal"/m,
    ],
    [
      'a newer version',
      (d) => {
        d.version = 3;
      },
      /^pm: \S*bad\.json: format version 3 was written by a newer pm/m,
    ],
    [
      'a summary over its limit',
      (d) => {
        d.interviews[1].summary = 'x'.repeat(1001);
      },
      /^pm: interviews\[1\] .*summary is longer than 1000 characters/m,
    ],
    [
      'a NUL byte',
      (d) => {
        d.contacts[0].name = 'Jane\u0000Roe';
      },
      /^pm: contacts\[0\] .*name contains a NUL byte/m,
    ],
    [
      'an unknown role',
      (d) => {
        d.contacts[2].role = 'boss';
      },
      /^pm: contacts\[2\] .*role "boss"/m,
    ],
    [
      'an unknown direction',
      (d) => {
        d.evidence[0].direction = 'maybe';
      },
      /^pm: evidence\[0\]: direction "maybe"/m,
    ],
    [
      'an unknown outcome',
      (d) => {
        d.outcomes[0].outcome = 'shelved';
      },
      /^pm: outcomes\[0\] .*outcome "shelved"/m,
    ],
    [
      'a missing summary',
      (d) => {
        delete d.interviews[0].summary;
      },
      /^pm: interviews\[0\] .*summary is missing/m,
    ],
    [
      'a duplicate UUID',
      (d) => {
        d.hypotheses[1].uuid = U.h1;
      },
      /^pm: hypotheses\[1\] .*appears twice/m,
    ],
    [
      'a bad setting',
      (d) => {
        d.config['cadence.days'] = 0;
      },
      /^pm: config: cadence.days must be a whole number/m,
    ],
    [
      'a list that is not a list',
      (d) => {
        d.interviews[0].pains = 'slow';
      },
      /^pm: interviews\[0\] .*pains must be a list/m,
    ],
  ];

  it.each(cases)('%s', (_what, spoil, message) => {
    expect(box.pm(['log', '--with', 'Lee Park', '--account', 'Initech', '--summary', 'Before']).code).toBe(0);
    const before = box.snapshot();
    const doc = sampleDoc();
    spoil(doc);
    const r = box.pm(['import', writeDoc('bad.json', doc)]);
    expectUsageError(r);
    expect(r.err).toMatch(message);
    expect(box.snapshot()).toBe(before);
  });

  it('invalid JSON, invalid UTF-8 and a missing file, before any journal is created', () => {
    for (const [content, message] of [
      ['{"format": "pm-journal", ', /not valid JSON/],
      [Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), /not valid UTF-8/],
      [JSON.stringify([1, 2]), /not a pm journal export/],
    ] as const) {
      const path = join(box.dir, 'bad.json');
      writeFileSync(path, content);
      const r = box.pm(['import', path]);
      expectUsageError(r);
      expect(r.err).toMatch(message);
    }
    expectUsageError(box.pm(['import', join(box.dir, 'nope.json')]));
    const bad = sampleDoc();
    bad.interviews[0].date = 'yesterday';
    expectUsageError(box.pm(['import', writeDoc('bad.json', bad)]));
    expect(existsSync(box.db)).toBe(false);
  });

  it('a reference may point at a record already in the journal', () => {
    expect(box.pm(['import', writeDoc('a.json', sampleDoc())]).code).toBe(0);
    const more = {
      format: 'pm-journal',
      version: 1,
      interviews: [
        {
          uuid: '01900000-0000-7000-8000-00000000e0aa',
          date: '2026-11-06',
          channel: 'email',
          contactUuids: [U.sam],
          accountUuid: U.globex,
          summary: 'Follow-up email',
        },
      ],
      evidence: [
        { interviewUuid: '01900000-0000-7000-8000-00000000e0aa', hypothesisUuid: U.h2, direction: 'supports' },
      ],
    };
    const counts = box.json(['import', writeDoc('more.json', more)]);
    expect(counts.interviews.added).toBe(1);
    expect(
      box.sql(
        "SELECT i.kind, e.strength FROM interviews i JOIN evidence e ON e.interview_id = i.id WHERE i.uuid = '01900000-0000-7000-8000-00000000e0aa'",
      ),
    ).toEqual([{ kind: 'customer', strength: 'medium' }]);
  });
});

// fresh-eyes wave 18 H20: a teammate's file deleted the user's own call, and the import said only
// "Deleted as they were deleted there: 1 interview", no id, day or summary to bring it back by
describe('pm import names each record the file deletes here', () => {
  const at = (name: string) => ['--db', join(box.dir, `${name}.db`)];
  const ok = (args: string[]) => {
    const r = box.pm(args);
    expect(r.code, r.err).toBe(0);
    return r;
  };
  /** a.db's records sent to b.db, `deleted` there, and b.db's export: the file a.db imports */
  function deletedThere(deleted: string[]): string {
    ok([
      ...at('a'),
      'log',
      '--with',
      'Jane',
      '--account',
      'Acme',
      '--summary',
      'My precious call',
      '--date',
      '2026-11-12',
    ]);
    ok([...at('a'), 'hyp', 'add', 'Ops leads want a digest', '--date', '2026-11-10']);
    ok([...at('a'), 'export', '--format', 'json', '--out', join(box.dir, 'a.json')]);
    ok([...at('b'), 'import', join(box.dir, 'a.json')]);
    for (const id of deleted) ok([...at('b'), 'delete', id, '--yes']);
    ok([...at('b'), 'export', '--format', 'json', '--out', join(box.dir, 'b.json')]);
    return join(box.dir, 'b.json');
  }

  it('the interview and the hypothesis, as pm delete names them, with the way back', () => {
    const file = deletedThere(['I1', 'H1']);
    const r = ok([...at('a'), 'import', file]);
    expect(r.out).toMatch(/^Deleted as they were deleted there: 1 interview, 1 hypothesis:$/m);
    expect(r.out).toMatch(/^ {2}I1 \(2026-11-12, Jane: My precious call\)$/m);
    expect(r.out).toMatch(/^ {2}H1 \("Ops leads want a digest"\)$/m);
    expect(r.out).toMatch(/to bring one back: pm import FILE --undelete [IH]1, FILE a JSON export made before/);
    // imported again: nothing of this journal is deleted any more
    expect(JSON.parse(ok([...at('a'), 'import', file, '--json']).out).deletedByFile).toEqual([]);
  });

  it('--json lists them by id with their label', () => {
    const r = ok([...at('a'), 'import', deletedThere(['I1']), '--json']);
    expect(JSON.parse(r.out).deletedByFile).toEqual([{ id: 'I1', label: 'I1 (2026-11-12, Jane: My precious call)' }]);
  });
});
