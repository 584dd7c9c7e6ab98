// Listings answered by indexes and kept copies (issue 18) must answer as the straightforward SQL
// would, on journals of both bench shapes (test/bench/generate.mjs: today's, and the harsh one with
// many accounts going cold, open hypotheses and links after their decision), as of several days.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshStatistics, runMigrations, STATISTICS_FROM, type DB } from '../../src/db/journal.js';
import { MIGRATIONS } from '../../src/db/migrations.js';
import { contactActivity, contactLines } from '../../src/db/contacts.js';
import { byMostOverdue } from '../../src/core/cadence.js';
import { interviewLines, listInterviews, plainListing, type InterviewFilters } from '../../src/db/interviews.js';
import { interviewLinesOf, interviewTable, plainLines } from '../../src/render/interviews.js';
import { lineOf, type InterviewLine } from '../../src/core/interviews.js';
import { Chalk } from 'chalk';
import { accountActivity, accountLines } from '../../src/db/accounts.js';
import { accountJson } from '../../src/core/accounts.js';
import { contactJson } from '../../src/core/contacts.js';
import { accountPage, accountTable, contactPage, contactTable } from '../../src/render/accounts.js';
import { accountStandingCadenceSql, goingColdSql, contactCadenceSql } from '../../src/db/standing.js';
import { generatedJournal, SHAPES } from '../fixtures/generated-journal.js';
import {
  evidenceOf,
  hypothesisRecords,
  hypothesisTotal,
  outcomesOf,
  withDecidedFlags,
} from '../../src/db/hypotheses.js';
import { afterDecision } from '../../src/core/hypotheses.js';
import { DEFAULTS } from '../../src/core/config.js';

const DAYS = ['2026-11-20', '2025-06-01', '2022-03-15'];
const CADENCE = 30;
const shapes = SHAPES;

describe.each(Object.entries(shapes))('listings on a journal of the %s shape', (_shape, { size, ...opts }) => {
  let journal: ReturnType<typeof generatedJournal>;
  let db: DB;
  beforeAll(() => {
    journal = generatedJournal(size, opts);
    db = journal.db;
    // three erased people among the longest silent, where the first rows of pm contacts are chosen: the
    // table leaves their placeholders out (fresh-eyes wave 14 H14) and its first N are still N; JSON lists them
    db.prepare(`UPDATE contacts SET forgotten = 1 WHERE id IN (SELECT id FROM contacts
      WHERE role IN ('customer', 'prospect') AND last_direct IS NOT NULL ORDER BY last_direct, id LIMIT 3)`).run();
  });
  afterAll(() => journal.close());

  // the contacts' dates as they were first read: each conversation's own date and kind
  const simpleContacts = (asOf: string, accountId: number | null) =>
    db
      .prepare(`SELECT *, ${goingColdSql('lastDirect', 'cadence', '@asOf')} AS overdue FROM (
        SELECT c.id, c.uuid, c.name, c.email, c.account_id AS accountId, a.name AS account, a.uuid AS accountUuid,
          c.role, c.segment, c.persona, ${contactCadenceSql('c.role', 'a.cadence_days', '@cadence')} AS cadence,
          (SELECT count(*) FROM interview_contacts ic WHERE ic.contact_id = c.id) AS interviews,
          (SELECT max(i.date) FROM interview_contacts ic JOIN interviews i ON i.id = ic.interview_id
            WHERE ic.contact_id = c.id AND i.kind = 'customer' AND i.date <= @asOf) AS lastDirect,
          (SELECT max(i.date) FROM interview_contacts ic JOIN interviews i ON i.id = ic.interview_id
            WHERE ic.contact_id = c.id AND i.date <= @asOf) AS lastInterview
        FROM contacts c JOIN accounts a ON a.id = c.account_id WHERE @accountId IS NULL OR c.account_id = @accountId)
      ORDER BY name COLLATE NOCASE, account COLLATE NOCASE, id`)
      .all({ asOf, cadence: CADENCE, accountId });
  const byId = <T extends { id: number }>(rows: T[]) => [...rows].sort((a, b) => a.id - b.id);

  it.each(DAYS)('pm contacts as of %s: the same people, dates, counts and standing', (asOf) => {
    const fast = contactActivity(db, asOf, CADENCE);
    const simple = simpleContacts(asOf, null) as typeof fast;
    expect(byId(fast)).toEqual(byId(simple));
    for (const one of fast.filter((_c, k) => k % 23 === 0))
      expect(contactActivity(db, asOf, CADENCE, { contactId: one.id })).toEqual([one]);
    // the journal is of its shape: people going cold and people contacted lately
    if (asOf === DAYS[0]) {
      expect(fast.filter((c) => c.overdue).length).toBeGreaterThan(10);
      expect(fast.filter((c) => c.lastDirect !== null && !c.overdue).length).toBeGreaterThan(10);
    }
  });

  it.each(DAYS)('pm contacts as of %s: the table from what its lines show, as from whole records', (asOf) => {
    for (const [width, color] of [
      [10_000, new Chalk({ level: 0 })],
      [90, new Chalk({ level: 1 })],
    ] as const) {
      const erased = new Set(db.prepare('SELECT id FROM contacts WHERE forgotten = 1').pluck().all());
      expect(erased.size).toBe(3);
      const living = contactActivity(db, asOf, CADENCE).filter((c) => !erased.has(c.id));
      const simple = contactTable(byMostOverdue(living.map((c) => contactJson(c, asOf))), color, width);
      expect(contactTable(byMostOverdue(contactLines(db, asOf, CADENCE)), color, width)).toBe(simple);
      expect(simple.split('\n').length).toBeGreaterThan(100);
    }
  });

  it.each([
    ['every interview', {}],
    ['since a day, at most 40', { since: '2026-06-01', limit: 40 }],
    ['one tag', { tags: ['BILLING'] }],
    ['one channel until a day', { channel: 'support', until: '2025-01-31' }],
  ] as [string, InterviewFilters][])('pm ls (%s): the lines of whole records, from what the lines show', (_what, f) => {
    for (const [width, color] of [
      [10_000, new Chalk({ level: 0 })],
      [80, new Chalk({ level: 1 })],
    ] as const) {
      const simple = interviewTable(listInterviews(db, f).map(lineOf), width, color);
      const fast = [...interviewLinesOf([...interviewLines(db, f)], width, color)].join('\n');
      expect(fast).toBe(simple);
      expect(fast.split('\n').length).toBeGreaterThan(f.tags || f.channel ? 5 : 30);
    }
  });

  // the accounts' counts and dates as they were first read: seeks and counts account by account
  const simpleAccounts = (asOf: string) =>
    db
      .prepare(`SELECT *, ${goingColdSql('lastDirect', 'cadence', '@asOf')} AS overdue FROM (
        SELECT a.id, a.uuid, a.name, a.segment, a.cadence_days AS cadenceDays,
          ${accountStandingCadenceSql(
            'a.id',
            'a.cadence_days',
            '@cadence',
            `(SELECT max(date) FROM interviews i WHERE i.account_id = a.id AND i.kind = 'customer' AND i.date <= @asOf)`,
          )} AS cadence,
          (SELECT count(*) FROM contacts c WHERE c.account_id = a.id) AS contacts,
          (SELECT count(*) FROM interviews i WHERE i.account_id = a.id) AS interviews,
          (SELECT max(date) FROM interviews i WHERE i.account_id = a.id AND i.kind = 'customer' AND i.date <= @asOf)
            AS lastDirect,
          (SELECT max(date) FROM interviews i WHERE i.account_id = a.id AND i.date <= @asOf) AS lastInterview
        FROM accounts a)`)
      .all({ asOf, cadence: CADENCE });

  it.each(DAYS)('pm accounts as of %s: the same counts, dates and standing, and each account alone too', (asOf) => {
    const fast = accountActivity(db, asOf, CADENCE);
    expect(byId(fast)).toEqual(byId(simpleAccounts(asOf) as typeof fast));
    for (const one of fast.filter((_a, k) => k % 17 === 0))
      expect(accountActivity(db, asOf, CADENCE, one.id)).toEqual([one]);
    if (asOf === DAYS[0]) expect(fast.filter((a) => a.overdue).length).toBeGreaterThan(3);
  });

  it.each(DAYS)('pm accounts as of %s: the table from what its lines show, as from whole records', (asOf) => {
    for (const [width, color] of [
      [10_000, new Chalk({ level: 0 })],
      [90, new Chalk({ level: 1 })],
    ] as const) {
      const simple = accountTable(
        byMostOverdue(accountActivity(db, asOf, CADENCE).map((a) => accountJson(a, asOf))),
        color,
        width,
      );
      expect(accountTable(byMostOverdue(accountLines(db, asOf, CADENCE)), color, width)).toBe(simple);
      expect(simple.split('\n').length).toBeGreaterThan(30);
    }
  });

  // a terminal shows the first 50: SQL chooses who can be among them (ties with the last included),
  // byMostOverdue orders them; the page must be the first rows of the whole listing, cut anywhere
  // (among the overdue, at a tie, among those never contacted or without a cadence, past the end)
  const lateOnes = (rows: { daysSince: number | null; cadence: unknown }[]) =>
    rows.filter((r) => r.daysSince !== null && typeof r.cadence === 'number').length;
  const cuts = (rows: { daysSince: number | null; cadence: unknown }[]) => {
    const late = lateOnes(rows);
    return [1, 7, 50, 120, late - 1, late, late + 3, rows.length - 1, rows.length, rows.length + 5].filter(
      (n) => n > 0,
    );
  };
  it.each(DAYS)('pm contacts as of %s, cut to N rows: the first N of the whole listing', (asOf) => {
    for (const cadence of [CADENCE, 0]) {
      const all = byMostOverdue(contactLines(db, asOf, cadence));
      const json = byMostOverdue(contactActivity(db, asOf, cadence).map((c) => contactJson(c, asOf)));
      for (const n of cuts(all)) {
        const page = byMostOverdue(contactLines(db, asOf, cadence, n)).slice(0, n);
        expect(page).toEqual(all.slice(0, n));
        const first = contactActivity(db, asOf, cadence, { first: n }).map((c) => contactJson(c, asOf));
        expect(byMostOverdue(first).slice(0, n)).toEqual(json.slice(0, n));
        // and reads fewer
        if (n < lateOnes(all) / 2) expect(contactLines(db, asOf, cadence, n).length).toBeLessThan(all.length / 2);
      }
    }
  });

  it.each(DAYS)('pm accounts as of %s, cut to N rows: the first N of the whole listing', (asOf) => {
    for (const cadence of [CADENCE, 0]) {
      const all = byMostOverdue(accountLines(db, asOf, cadence));
      const json = byMostOverdue(accountActivity(db, asOf, cadence).map((a) => accountJson(a, asOf)));
      for (const n of cuts(all)) {
        expect(byMostOverdue(accountLines(db, asOf, cadence, n)).slice(0, n)).toEqual(all.slice(0, n));
        const first = accountActivity(db, asOf, cadence, undefined, n).map((a) => accountJson(a, asOf));
        expect(byMostOverdue(first).slice(0, n)).toEqual(json.slice(0, n));
      }
    }
  });

  // pm hyp list lists by id: a page is the first N records, read alone (with the tag chosen in SQL
  // by its spellings); the hint's count is the whole list's length
  it.each(DAYS)('pm hyp list as of %s, cut to N rows: the first N records of the whole list', (asOf) => {
    const statuses = ['open', 'all', 'killed', 'validated'] as const;
    for (const status of statuses)
      for (const tag of [undefined, 'BILLING', 'nobody-uses-this']) {
        const all = hypothesisRecords(db, asOf, DEFAULTS, { status, tag });
        // the simple path: every hypothesis's record, filtered in JavaScript
        const simple = hypothesisRecords(db, asOf, DEFAULTS).filter(
          (r) => (status === 'all' || r.status === status) && (tag === undefined || r.tags.includes(tag.toLowerCase())),
        );
        expect(all).toEqual(simple);
        expect(hypothesisTotal(db, asOf, { status, tag })).toBe(all.length);
        for (const n of [1, 7, 50, all.length - 1, all.length, all.length + 3].filter((k) => k > 0))
          expect(hypothesisRecords(db, asOf, DEFAULTS, { status, tag, first: n })).toEqual(all.slice(0, n));
        if (status === 'open' && tag === undefined && asOf === DAYS[0]) expect(all.length).toBeGreaterThan(20);
        if (status === 'all' && tag === 'BILLING' && asOf === DAYS[0]) expect(all.length).toBeGreaterThan(0);
      }
  });

  // pm hyp list flags decided hypotheses with links since their decision (fresh-eyes E5) in one
  // statement that reads only the links after each decision; pm hyp show judges each from its whole
  // evidence timeline (afterDecision)
  it.each(DAYS)('pm hyp list --status all as of %s: the flags after a decision are those pm hyp show gives', (asOf) => {
    const records = hypothesisRecords(db, asOf, DEFAULTS);
    const simple = records.map((r) => {
      const latest = outcomesOf(db, Number(r.id.slice(1)))
        .filter((o) => o.date <= asOf)
        .at(-1);
      const since = afterDecision(r.status, latest ?? null, evidenceOf(db, Number(r.id.slice(1))), asOf);
      return since ? { ...r, flags: [...r.flags, since.flag] } : r;
    });
    const fast = withDecidedFlags(db, asOf, records);
    expect(fast).toEqual(simple);
    if (asOf === DAYS[0] && _shape === 'harsh')
      expect(fast.filter((r) => r.flags.some((f) => f.startsWith('evidence-after'))).length).toBeGreaterThan(3);
  });

  it("pm ls and pm show ACCOUNT without colour: the plain lines are the table's", () => {
    const accounts = db
      .prepare('SELECT account_id FROM interviews GROUP BY account_id ORDER BY count(*) DESC LIMIT 3')
      .pluck()
      .all() as number[];
    const plain = new Chalk({ level: 0 });
    for (const f of [{}, { since: '2026-06-01' }, ...accounts.map((accountId) => ({ accountId }))]) {
      const lines = [...interviewLines(db, f)];
      // a pipe's width: every column fits, and some who was there is cut after a word
      expect(plainLines(lines, 10_000)).toEqual(interviewTable(lines, 10_000, plain).split('\n'));
      if (Object.keys(f).length === 0) expect(lines.some((l) => l.who.length > 24)).toBe(true);
      for (const width of [10_000, 200, 100, 72])
        expect([...interviewLinesOf(lines, width, plain)].join('\n')).toBe(interviewTable(lines, width, plain));
    }
  });

  it.each([
    ['every interview', {}],
    ['since a day', { since: '2026-11-06' }],
    ['since a day, at most 40', { since: '2026-06-01', limit: 40 }],
    ['one tag', { tags: ['BILLING'] }],
    ['one channel until a day', { channel: 'support', until: '2025-01-31' }],
    ['none', { since: '2026-11-20', until: '2026-11-19' }],
  ] as [string, InterviewFilters][])(
    'pm ls into a pipe (%s): the text SQLite writes is the plain lines',
    (_what, f) => {
      const lines = [...interviewLines(db, f)];
      const { count, text } = plainListing(db, f, 10_000);
      expect(count).toBe(lines.length);
      if (lines.length === 0) return expect(text).toBeNull();
      // the generated names, accounts and summaries are all cells SQLite lays out
      expect(text?.toString()).toBe(plainLines(lines, 10_000)!.join('\n') + '\n');
      if (Object.keys(f).length === 0) expect(lines.some((l) => l.who.length > 24 && l.account!.length > 1)).toBe(true);
      // too narrow for every column at its full width: JavaScript lays them out
      expect(plainListing(db, f, 60)).toEqual({ count, text: null });
    },
  );

  it('pm show ACCOUNT and CONTACT cut to N conversations: the newest N of all, and how many there are', () => {
    const accounts = db
      .prepare('SELECT account_id FROM interviews GROUP BY account_id ORDER BY count(*) DESC LIMIT 3')
      .pluck()
      .all() as number[];
    const contacts = db
      .prepare('SELECT contact_id FROM interview_contacts GROUP BY contact_id ORDER BY count(*) DESC LIMIT 3')
      .pluck()
      .all() as number[];
    for (const [f, count] of [
      ...accounts.map((id) => [{ accountId: id }, accountActivity(db, DAYS[0], CADENCE, id)[0].interviews] as const),
      ...contacts.map(
        (id) => [{ contactId: id }, contactActivity(db, DAYS[0], CADENCE, { contactId: id })[0].interviews] as const,
      ),
    ]) {
      const all = [...interviewLines(db, f)];
      expect(all.length).toBe(count); // the hint's "of N"
      expect(all.length).toBeGreaterThan(10);
      for (const n of [1, 7, 50, all.length - 1, all.length, all.length + 5])
        expect([...interviewLines(db, { ...f, limit: n })]).toEqual(all.slice(0, n));
    }
  });

  it('pm show ACCOUNT: its contacts as the listing has them', () => {
    const account = db
      .prepare('SELECT account_id FROM interviews GROUP BY account_id ORDER BY count(*) DESC LIMIT 1')
      .pluck()
      .get() as number;
    const fast = contactActivity(db, DAYS[0], CADENCE, { accountId: account });
    expect(fast.length).toBeGreaterThan(0);
    expect(byId(fast)).toEqual(byId(simpleContacts(DAYS[0], account) as typeof fast));
  });

  it('pm show ACCOUNT and CONTACT: the pages from what their lines show, as from whole records', () => {
    const accounts = db
      .prepare('SELECT account_id FROM interviews GROUP BY account_id ORDER BY count(*) DESC LIMIT 3')
      .pluck()
      .all() as number[];
    const asOf = DAYS[0];
    for (const id of accounts)
      for (const [width, color] of [
        [10_000, new Chalk({ level: 0 })],
        [72, new Chalk({ level: 1 })],
      ] as const) {
        const summary = accountJson(accountActivity(db, asOf, CADENCE, id)[0], asOf);
        const activity = contactActivity(db, asOf, CADENCE, { accountId: id });
        const people = activity.map((c) => contactJson(c, asOf));
        const fast = accountPage(summary, people, [...interviewLines(db, { accountId: id })], width, color);
        expect(fast).toBe(
          accountPage(summary, people, listInterviews(db, { accountId: id }).map(lineOf), width, color),
        );
        expect(fast.split('\n').length).toBeGreaterThan(10);
        const contactId = activity[0].id;
        const contact = contactJson(contactActivity(db, asOf, CADENCE, { contactId })[0], asOf);
        expect(contactPage(contact, [...interviewLines(db, { contactId })], width, color)).toBe(
          contactPage(contact, listInterviews(db, { contactId }).map(lineOf), width, color),
        );
      }
  });

  describe('pm ls into a pipe, laid out by SQLite, with cells of every kind', () => {
    // laid out by SQLite: one-column characters (ASCII, Latin-1 but the no-break space), cut after a word
    const laidOut = [
      'Zoë Müller-Lüdenscheidt, Åsa Ångström',
      'Ana Lima, Bo Chen, Carla Dias, Dev Rao',
      'Ana Lima,, Bo Chen; Carla: Dias - Rao',
      'Ana  Lima  Bo   Chen    Carla  Dias',
      'Acme · Northern · Division · Ltd',
      'Supercalifragilisticexpialidocious Person',
      'A-very-long-first-word-of-24 x',
      'Exactly twenty-four col',
      'Exactly twenty-four cols',
      'Exactly twenty-five colss',
      'x',
      'trailing spaces   ',
    ];
    // left to JavaScript: wide, invisible or control characters, the no-break space, a leading space
    const odd = [
      '山田太郎, 李小龍',
      'emoji 👍🏽 here',
      'Bad\x1b[2J name',
      'tab\there',
      'no-break\u00a0space',
      ' leading',
      'an ellipsis… inside',
      'a dash — inside',
    ];

    const newest = () =>
      db.prepare('SELECT id, account_id FROM interviews ORDER BY date DESC, id DESC LIMIT 1').get() as {
        id: number;
        account_id: number;
      };
    const check = (text: string, where: string) => {
      const f = { limit: 30 };
      const lines = [...interviewLines(db, f)];
      const fast = plainListing(db, f, 10_000);
      expect(fast.count).toBe(30);
      // a summary is never cut: a leading space is laid out as it is
      if (odd.includes(text) && !(where === 'summary' && text.startsWith(' ')))
        expect(fast.text, `${where}: ${text}`).toBeNull();
      else expect(fast.text?.toString(), `${where}: ${text}`).toBe(plainLines(lines, 10_000)!.join('\n') + '\n');
    };

    // each cell set on the newest interview, checked, and set back
    const setting = (sql: string, row: number, value: string, where: string) => {
      const [table, column] = /UPDATE (\w+) SET (\w+)/.exec(sql)!.slice(1);
      const was = db.prepare(`SELECT ${column} FROM ${table} WHERE id = ?`).pluck().get(row);
      db.prepare(sql).run(value, row);
      try {
        check(value, where);
      } finally {
        db.prepare(sql).run(was, row);
      }
    };

    it.each([...laidOut, ...odd])('who was there: %j', (name) => {
      const contact = db
        .prepare('SELECT min(contact_id) FROM interview_contacts WHERE interview_id = ?')
        .pluck()
        .get(newest().id) as number;
      setting('UPDATE contacts SET name = ? WHERE id = ?', contact, name, 'who');
    });

    it.each([...laidOut, ...odd])('the account: %j', (name) => {
      setting('UPDATE accounts SET name = ? WHERE id = ?', newest().account_id, name, 'account');
    });

    it.each([...laidOut, ...odd, ''])('the summary: %j', (summary) => {
      setting('UPDATE interviews SET summary = ? WHERE id = ?', newest().id, summary, 'summary');
    });
  });
});

describe('the plain lines of pm ls and pm show ACCOUNT', () => {
  const line = (over: Partial<InterviewLine>): InterviewLine => ({
    id: 'I7',
    date: '2026-11-20',
    who: 'Jane Roe',
    account: 'Acme',
    source: null,
    channel: 'call',
    kind: 'customer',
    summary: 'Exports take an hour',
    ...over,
  });
  it("are the table's lines whatever the cells hold", () => {
    const rows = [
      line({}),
      line({
        id: 'I123456',
        who: 'Ana Lima, Bo Chen, Carla Dias, Dev Rao',
        account: 'A very long account name indeed',
      }),
      line({ who: '', account: null, source: 'Capterra', channel: 'review', kind: 'indirect' }),
      line({ account: 'Acme', source: 'Zendesk', channel: 'support', kind: 'indirect' }),
      line({ who: '山田太郎, 李小龍', account: 'Ünïcødé GmbH', summary: 'wide 漢字 and emoji 👍🏽 here' }),
      line({ who: 'Bad\x1b[2J name', summary: 'tab\there, new\nline, bidi \u202e and NBSP at the end\u00a0' }),
      line({ summary: 'trailing spaces   ' }),
      line({ who: 'Supercalifragilisticexpialidocious Person', summary: '' }),
    ];
    const plain = new Chalk({ level: 0 });
    for (let n = 1; n <= rows.length; n++)
      for (const width of [10_000, 120, 90, 60, 30]) {
        const some = rows.slice(0, n);
        expect([...interviewLinesOf(some, width, plain)].join('\n')).toBe(interviewTable(some, width, plain));
      }
    expect(plainLines(rows, 10_000)).toEqual(interviewTable(rows, 10_000, plain).split('\n'));
    // too narrow for every column at its full width: the general layout moves and cuts
    expect(plainLines(rows, 60)).toBeUndefined();
  });
});

describe("the planner's statistics", () => {
  const statRows = (db: DB) =>
    db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'sqlite_stat1'").get()
      ? (db.prepare('SELECT count(*) FROM sqlite_stat1').pluck().get() as number)
      : 0;

  it('are taken by an import of a large journal, and by a schema upgrade', () => {
    const journal = generatedJournal(STATISTICS_FROM + 200, shapes.today);
    try {
      expect(statRows(journal.db)).toBeGreaterThan(10);
      journal.db.exec('DELETE FROM sqlite_stat1');
      const last = MIGRATIONS[MIGRATIONS.length - 1].version;
      runMigrations(journal.db, last, [...MIGRATIONS, { version: last + 1, name: 'next', sql: 'SELECT 1' }]);
      expect(statRows(journal.db)).toBeGreaterThan(10);
    } finally {
      journal.close();
    }
  });

  it('are not kept for a small journal, where they would mislead the planner as it grows', () => {
    const journal = generatedJournal(STATISTICS_FROM - 200, shapes.today);
    try {
      expect(statRows(journal.db)).toBe(0);
      journal.db.exec('PRAGMA analysis_limit = 100; ANALYZE');
      expect(statRows(journal.db)).toBeGreaterThan(0);
      refreshStatistics(journal.db);
      expect(statRows(journal.db)).toBe(0);
    } finally {
      journal.close();
    }
  });
});
