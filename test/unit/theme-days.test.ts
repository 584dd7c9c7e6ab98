// The report's themes (markdown, HTML, --full, JSON and the exports) are read from each day's themes
// kept by 0060 (theme_days, `themesKept`) rather than from the period's tags and pains (`themes`):
// both must give the same rows, on journals of both bench shapes, over a week, a quarter, a year
// and the whole journal, as of the last day and before it, and after pm's writers change what the
// themes are made of: tags and pains added, rewritten and removed (two spellings of one theme in one
// conversation among them), conversations moved to another day or account, made stakeholder
// meetings or signals with a source, removed; accounts merged or their segment changed; people
// merged and forgotten. A pain keyed otherwise than by lower(trim()) sends its period to `themes`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../src/db/journal.js';
import { reportSql, themeRows } from '../../src/db/report.js';
import type { ThemeRow } from '../../src/core/report.js';
import { summaryDrift } from '../../src/db/summaries.js';
import { InterviewWriter, type InterviewContent } from '../../src/db/interview-writer.js';
import { mergeAccounts, updateAccount } from '../../src/db/accounts.js';
import { mergeContacts } from '../../src/db/contacts.js';
import { forgetContact } from '../../src/db/forget.js';
import { addAlias, insertOpportunity, renameOpportunity } from '../../src/db/opportunities.js';
import { painKey } from '../../src/core/pains.js';
import { addDays } from '../../src/core/dates.js';
import { generatedJournal, SHAPES } from '../fixtures/generated-journal.js';
// @ts-expect-error the generator is plain JavaScript
import { mulberry32 } from '../bench/generate.mjs';

const SQL = reportSql(false, true);
const { themesKept: _kept, ...SIMPLE } = SQL;

/** The rows with each theme's segments in one order (the report sorts them: buildReport). */
const sorted = (rows: ThemeRow[]) => rows.map((r) => ({ ...r, segments: [...r.segments].sort() }));

describe.each(Object.entries(SHAPES))('themes on a journal of the %s shape', (_shape, { size, ...opts }) => {
  let journal: ReturnType<typeof generatedJournal>;
  let db: DB;
  beforeAll(() => {
    journal = generatedJournal(size, opts);
    db = journal.db;
  });
  afterAll(() => journal.close());

  const last = () => db.prepare('SELECT max(date) FROM interviews').pluck().get() as string;

  /** Each period's themes from theme_days and from the tags and pains; how many periods the kept rows answered. */
  function expectSame(): number {
    let kept = 0;
    const end0 = last();
    for (const end of [end0, addDays(end0, -1), addDays(end0, -40), '2024-06-30'])
      for (const days of [0, 6, 90, 364, 4000]) {
        const p = { start: addDays(end, -days), end, by: null };
        const simple = sorted(themeRows(db, SIMPLE as typeof SQL, p));
        expect(sorted(themeRows(db, SQL, p)), JSON.stringify(p)).toEqual(simple);
        const rows = db
          .prepare(SQL.themesKept as string)
          .raw()
          .all(p) as unknown[][];
        if (rows.every((r) => r[6] === 0)) kept++;
      }
    return kept;
  }

  it('gives the same themes as the tags and pains of each period', () => {
    const quarter = { start: addDays(last(), -90), end: last(), by: null };
    const themes = themeRows(db, SQL, quarter);
    expect(themes.some((t) => t.kind === 'tag')).toBe(true);
    expect(themes.some((t) => t.kind === 'pain' && t.accounts > 1)).toBe(true);
    expect(themes.some((t) => t.segments.length > 1)).toBe(true);
    expect(expectSame()).toBe(20);
  });

  it("stays the same through pm's writers, and theme_days stays its view", () => {
    const rand = mulberry32(opts.seed + 57);
    const ids = (sql: string) => db.prepare(sql).pluck().all() as number[];
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
    const writer = new InterviewWriter(db);
    const fieldsOf = (id: number) =>
      db
        .prepare(
          `SELECT date, channel, account_id AS accountId, source, by, minutes, summary, notes, follow_up AS followUp,
             follow_up_done = 1 AS followUpDone, stage FROM interviews WHERE id = ?`,
        )
        .get(id) as Parameters<InterviewWriter['update']>[1]['fields'];
    const pains = () =>
      [
        ...new Set([pick(['Slow sync', 'slow sync ', 'SLOW SYNC', 'Export fails']), pick(['Slow sync', 'Pricing'])]),
      ].map((text) => ({ text, severity: pick(['low', 'high'] as const) }));
    // two spellings of one tag in one conversation: one conversation, two spellings counted
    const tags = () => [...new Set([pick(['billing', 'Billing', 'BILLING ']), pick(['billing', 'onboarding'])])];
    let n = 0;
    const changes = [
      // pm log, pm import: a new conversation with its tags and pains
      () => {
        const channel = pick(['call', 'video', 'support', 'review'] as const);
        const content: InterviewContent = {
          date: pick([last(), addDays(last(), -3), '2024-06-30']),
          channel,
          accountId: pick([...ids('SELECT id FROM accounts'), null]),
          // a signal's source (only second-hand channels have one), spelled in two cases
          source: channel === 'support' || channel === 'review' ? pick([null, 'Capterra', 'capterra']) : null,
          by: null,
          minutes: null,
          summary: 'themes',
          notes: null,
          followUp: null,
          followUpDone: false,
          contactIds: [pick(ids('SELECT id FROM contacts WHERE forgotten = 0'))],
          pains: pains(),
          quotes: [],
          tags: tags(),
        };
        writer.insert(`00000000-0000-4000-8057-${String(++n).padStart(12, '0')}`, content, '2026-11-20T00:00:00Z');
      },
      // pm edit: the lists given anew, the day, account, channel (a signal, a stakeholder meeting) and source
      () =>
        writer.update(pick(ids('SELECT id FROM interviews ORDER BY date DESC LIMIT 200')), {
          fields: {} as Parameters<InterviewWriter['update']>[1]['fields'],
          columns: [],
          lists: rand() < 0.5 ? { pains: pains() } : { tags: tags() },
        }),
      () => {
        const id = pick(ids('SELECT id FROM interviews ORDER BY date DESC LIMIT 200'));
        const fields = fieldsOf(id);
        writer.update(id, {
          fields: {
            ...fields,
            date: pick([last(), addDays(last(), -10), '2023-01-01']),
            accountId: pick([...ids('SELECT id FROM accounts'), null]),
            source: ['support', 'sales', 'review', 'survey'].includes(fields.channel) ? pick([null, 'G2']) : null,
          },
          columns: ['date', 'accountId', 'source'],
        });
      },
      () => {
        const id = pick(ids('SELECT id FROM interviews ORDER BY date DESC LIMIT 200'));
        writer.update(id, {
          fields: { ...fieldsOf(id), channel: pick(['call', 'survey', 'visit'] as const), source: null },
          columns: ['channel', 'source'],
        });
      },
      // who was there: a stakeholder meeting made a customer conversation, or the other way
      () =>
        writer.update(pick(ids('SELECT id FROM interviews ORDER BY date DESC LIMIT 200')), {
          fields: {} as Parameters<InterviewWriter['update']>[1]['fields'],
          columns: [],
          contactIds: [pick(ids('SELECT id FROM contacts WHERE forgotten = 0'))],
        }),
      // pm delete, pm account merge, pm account set --segment, pm contact merge
      () => writer.remove(pick(ids('SELECT id FROM interviews ORDER BY date DESC LIMIT 300'))),
      () => {
        const [from, into] = [
          pick(ids('SELECT DISTINCT account_id FROM interviews')),
          pick(ids('SELECT id FROM accounts')),
        ];
        if (from !== null && from !== into) mergeAccounts(db, from, into);
      },
      () => updateAccount(db, pick(ids('SELECT id FROM accounts')), { segment: pick(['enterprise', 'Gov', null]) }),
      () => {
        const [from, into] = [
          pick(ids('SELECT DISTINCT contact_id FROM interview_contacts')),
          pick(ids('SELECT id FROM contacts WHERE forgotten = 0')),
        ];
        if (from !== into) mergeContacts(db, from, into);
      },
    ];
    db.exec('SAVEPOINT themes');
    try {
      for (let i = 0; i < 80; i++) pick(changes)();
      // pm forget rewrites the person's name in tags and pains
      const [person, name] = db
        .prepare(
          `SELECT c.id, c.name FROM contacts c JOIN interview_contacts ic ON ic.contact_id = c.id
           WHERE c.forgotten = 0 ORDER BY ic.date DESC LIMIT 1`,
        )
        .raw()
        .get() as [number, string];
      const where = pick(ids('SELECT id FROM interviews ORDER BY date DESC LIMIT 20'));
      writer.update(where, {
        fields: {} as Parameters<InterviewWriter['update']>[1]['fields'],
        columns: [],
        contactIds: [person],
        lists: { pains: [{ text: `asked ${name} twice`, severity: 'high' }], tags: [name] },
      });
      forgetContact(db, person);
      expect(n).toBeGreaterThan(3);
      expect(summaryDrift(db)).toEqual([]);
      expect(expectSame()).toBe(20);
    } finally {
      db.exec('ROLLBACK TO themes; RELEASE themes');
    }
  });

  it('makes the pains of an opportunity merged or renamed one theme, named as the opportunity is', () => {
    db.exec('SAVEPOINT named');
    try {
      const p = { start: addDays(last(), -90), end: last(), by: null };
      const before = themeRows(db, SQL, p).filter((t) => t.kind === 'pain');
      // the two pains heard by most accounts, merged (pm opportunity merge B A), then renamed
      const [a, b] = [...before].sort((x, y) => y.accounts - x.accounts || (x.theme < y.theme ? -1 : 1));
      const into = insertOpportunity(db, { uuid: 'o-themes', name: a.theme, key: painKey(a.theme) });
      addAlias(db, into, painKey(b.theme), b.theme);
      addAlias(db, into, painKey(a.theme), a.theme);
      renameOpportunity(db, into, 'One problem', painKey('One problem'));
      const themes = themeRows(db, SQL, p);
      const one = themes.filter((t) => t.kind === 'pain' && [a.theme, b.theme, 'One problem'].includes(t.theme));
      expect(one).toMatchObject([{ theme: 'One problem' }]);
      expect(one[0].accounts).toBeGreaterThanOrEqual(Math.max(a.accounts, b.accounts));
      expect(one[0].accounts).toBeLessThanOrEqual(a.accounts + b.accounts);
      expect(one[0].interviews).toBeGreaterThan(Math.max(a.interviews, b.interviews));
      expect(themes.filter((t) => t.kind === 'pain')).toHaveLength(before.length - 1);
      // the theme_days path answered (plain ASCII keys), and both paths agree over every period
      expect(expectSame()).toBe(20);
    } finally {
      db.exec('ROLLBACK TO named; RELEASE named');
    }
  });

  it('reads a period with a pain keyed otherwise (painKey: Unicode, a run of spaces) from its tags and pains', () => {
    db.exec('SAVEPOINT other');
    try {
      const id = db
        .prepare('SELECT id FROM interviews WHERE kind = ? ORDER BY date DESC LIMIT 1')
        .pluck()
        .get('customer') as number;
      const add = db.prepare(
        `INSERT INTO pains (interview_id, position, text, severity)
         VALUES (?, (SELECT coalesce(max(position), -1) + 1 FROM pains WHERE interview_id = ?), ?, 'high')`,
      );
      // one theme for painKey: 'Café  sync' and 'CAFÉ sync' (two spellings, two SQL keys)
      add.run(id, id, 'Café  sync');
      add.run(id, id, 'CAFÉ sync');
      const p = { start: addDays(last(), -6), end: last(), by: null };
      const rows = db
        .prepare(SQL.themesKept as string)
        .raw()
        .all(p) as unknown[][];
      expect(rows.some((r) => r[6] === 1)).toBe(true);
      const themes = themeRows(db, SQL, p);
      expect(themes.filter((t) => t.theme.toLowerCase().startsWith('caf'))).toMatchObject([{ interviews: 1 }]);
      expect(themes).toEqual(themeRows(db, SIMPLE as typeof SQL, p));
      expect(summaryDrift(db)).toEqual([]);
    } finally {
      db.exec('ROLLBACK TO other; RELEASE other');
    }
  });
});
