// Opportunities on plain rows (src/core/opportunities.ts): the worth-solving score and its ranking
// with ties, merges and aliases, signals never scored, the flags at their thresholds, the window's
// edges; and, on a real journal, which pains a window reads.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  countOpportunities,
  inTextOrder,
  opportunityWindow,
  rankOpportunities,
  resolveOpportunity,
  type NamedOpportunity,
  type OpportunityHypothesis,
  type PainRow,
  type PainText,
} from '../../src/core/opportunities.js';
import { painKey, type Severity } from '../../src/core/pains.js';
import { painRows, painTexts } from '../../src/db/opportunities.js';
import { UsageError } from '../../src/errors.js';
import { journal, type JournalBuilder } from '../fixtures/journal-builder.js';

let interview = 0;
/** A pain raised in a customer conversation with these customers ([contact, segment]) of this account. */
function said(
  text: string,
  severity: Severity,
  customers: number[],
  account: number,
  date = '2026-11-10',
  more: Partial<PainRow> = {},
): PainRow {
  return {
    interviewId: ++interview,
    date,
    kind: 'customer',
    accountId: account,
    accountSegment: null,
    stage: null,
    text,
    severity,
    customers: customers.map((c) => [c, null]),
    ...more,
  };
}

/** The same pain from a second-hand signal (a support ticket). */
function signal(text: string, severity: Severity, account: number | null, date = '2026-11-10'): PainRow {
  return { ...said(text, severity, [], account ?? 0, date), kind: 'indirect', accountId: account };
}

function named(id: number, name: string, aliases: string[] = []): NamedOpportunity {
  return {
    id,
    uuid: `u-${id}`,
    name,
    key: painKey(name),
    aliases: aliases.map((a) => ({ key: painKey(a), name: a })),
  };
}

const rank = (rows: PainRow[], n: NamedOpportunity[] = [], h: OpportunityHypothesis[] = [], validateAt = 3) =>
  rankOpportunities(rows, n, h, validateAt);

describe('the worth-solving score', () => {
  it("sums, over distinct customers, the weight of each one's highest severity", () => {
    const [o] = rank([
      said('slow export', 'low', [1], 10),
      said('slow export', 'blocker', [1], 10, '2026-11-12'), // the same customer again: their highest counts
      said('slow export', 'high', [2, 3], 11), // two customers at one call: each counts
      said('slow export', 'medium', [4], 12),
    ]);
    expect(o).toMatchObject({
      opportunity: 'slow export',
      score: 5 + 3 + 3 + 2,
      customers: 4,
      accounts: 3,
      severity: { low: 0, medium: 1, high: 2, blocker: 1 },
      firstHeard: '2026-11-10',
      lastHeard: '2026-11-12',
    });
  });

  it('never scores signals: they are counted apart, by interview', () => {
    const [withCustomer, signalsOnly] = rank([
      said('slow export', 'medium', [1], 10),
      signal('slow export', 'blocker', 10, '2026-11-15'),
      signal('slow export', 'blocker', null),
      signal('no audit log', 'blocker', 11),
    ]);
    expect(withCustomer).toMatchObject({ score: 2, customers: 1, accounts: 1, signals: 2, lastHeard: '2026-11-15' });
    expect(withCustomer.severity).toEqual({ low: 0, medium: 1, high: 0, blocker: 0 });
    expect(signalsOnly).toMatchObject({ opportunity: 'no audit log', score: 0, customers: 0, accounts: 0, signals: 1 });
    expect(signalsOnly.severity).toEqual({ low: 0, medium: 0, high: 0, blocker: 0 });
    expect(signalsOnly.flags).toEqual([]);
  });

  it("lists the segments of its customers and their accounts, and its customer conversations' stages", () => {
    const [o] = rank([
      said('slow export', 'high', [], 10, '2026-11-10', {
        customers: [
          [1, 'finance'],
          [2, null],
        ],
        accountSegment: 'smb',
        stage: 'onboard',
      }),
      said('slow export', 'low', [3], 11, '2026-11-11', { accountSegment: 'enterprise', stage: 'adopt' }),
      // a signal's account and stage say nothing of who the customers are
      { ...signal('slow export', 'high', 12), accountSegment: 'public sector', stage: 'churn' },
    ]);
    expect(o).toMatchObject({ segments: ['enterprise', 'finance', 'smb'], stages: ['adopt', 'onboard'] });
  });

  it('lists segments and stages case-insensitively in order, from few spellings or many', () => {
    // the order as first written: each set sorted on its own, lower case first, then as written
    const byText = (a: string, b: string) => {
      const x = a.toLowerCase();
      const y = b.toLowerCase();
      return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
    };
    const few = fc.constantFrom('smb', 'SMB', 'Smb', 'enterprise', 'Éducation', 'éducation', 'b', 'B', 'a b', 'ab');
    const many = fc.oneof(few, fc.string({ minLength: 1, maxLength: 4 }));
    for (const spelling of [few, many])
      fc.assert(
        fc.property(fc.array(fc.uniqueArray(spelling, { maxLength: 12 }), { maxLength: 30 }), (sets) => {
          const groups = new Map(sets.map((s, k) => [String(k), new Set(s)]));
          const listed = inTextOrder(groups, (g) => g);
          for (const set of groups.values()) expect(listed(set)).toEqual([...set].sort(byText));
        }),
      );
    // through the ranking: segments of customers and accounts, stages, in spellings differing in case
    const [o] = rank([
      said('slow export', 'high', [], 10, '2026-11-10', {
        customers: [
          [1, 'Smb'],
          [2, 'enterprise'],
        ],
        accountSegment: 'SMB',
        stage: 'Onboard',
      }),
      said('slow export', 'low', [3], 11, '2026-11-11', { accountSegment: 'smb', stage: 'adopt' }),
      said('slow export', 'low', [4], 12, '2026-11-11', { accountSegment: 'Enterprise', stage: 'onboard' }),
    ]);
    expect(o).toMatchObject({
      segments: ['Enterprise', 'enterprise', 'SMB', 'Smb', 'smb'],
      stages: ['adopt', 'Onboard', 'onboard'],
    });
  });

  it('groups pains case- and space-insensitively, named as written most often', () => {
    const list = rank([
      said('Slow  CSV export ', 'medium', [1], 10),
      said('slow csv export', 'medium', [2], 11),
      said('slow csv export', 'medium', [3], 12),
    ]);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ opportunity: 'slow csv export', customers: 3, score: 6 });
  });
});

describe('the ranking', () => {
  it('orders by score, then customers, accounts, the most recently heard, then name', () => {
    const rows = [
      said('a blocker for one', 'blocker', [1], 10), // 5, 1 customer
      said('two lows and a high', 'low', [2], 10),
      said('two lows and a high', 'low', [3], 10),
      said('two lows and a high', 'high', [4], 11), // 5, 3 customers
      said('medium twice, one account', 'medium', [5, 6], 12), // 4, 2 customers, 1 account
      said('medium twice, two accounts', 'medium', [7], 12),
      said('medium twice, two accounts', 'medium', [8], 13), // 4, 2 customers, 2 accounts
      said('Beta', 'high', [9], 14, '2026-11-01'), // 3, heard earlier
      said('alpha', 'high', [10], 15, '2026-11-05'), // 3, heard later
      said('gamma', 'high', [11], 16, '2026-11-05'), // 3, same day as alpha: by name
    ];
    expect(rank(rows).map((o) => o.opportunity)).toEqual([
      'two lows and a high',
      'a blocker for one',
      'medium twice, two accounts',
      'medium twice, one account',
      'alpha',
      'gamma',
      'Beta',
    ]);
  });
});

describe('merges and aliases', () => {
  it("pains written as an alias count for the opportunity it was merged into, under that one's name", () => {
    const rows = [
      said('export too slow', 'blocker', [1], 10),
      said('Slow CSV export', 'high', [2], 11),
      said('exports take an hour', 'low', [3], 12),
    ];
    const [o, rest] = rank(rows, [named(7, 'slow CSV export', ['export too slow'])]);
    expect(o).toMatchObject({
      opportunity: 'slow CSV export',
      aliases: ['export too slow'],
      score: 8,
      customers: 2,
    });
    expect(rest.opportunity).toBe('exports take an hour');
  });

  it('a name resolves to a named opportunity (by its name or an alias), else to pains written so', () => {
    const n = [named(7, 'slow CSV export', ['export too slow'])];
    const spellings: [string, number][] = [
      ['Manual matching', 1],
      ['manual  matching', 3],
    ];
    expect(resolveOpportunity('EXPORT too  slow', n, spellings)).toEqual({ named: n[0] });
    expect(resolveOpportunity('slow csv export', n, spellings)).toEqual({ named: n[0] });
    expect(resolveOpportunity('MANUAL MATCHING', n, spellings)).toEqual({
      key: 'manual matching',
      spelling: 'manual  matching',
    });
    expect(resolveOpportunity('no such pain', n, spellings)).toBeNull();
  });
});

describe('the flags', () => {
  it('single-account: customers from one account only (a custom request), not for signals alone', () => {
    const list = rank([
      said('one account', 'high', [1, 2], 10),
      said('two accounts', 'high', [3], 10),
      said('two accounts', 'high', [4], 11),
      signal('signal only', 'high', 12),
    ]);
    const flags = Object.fromEntries(list.map((o) => [o.opportunity, o.flags]));
    expect(flags).toEqual({ 'one account': ['single-account'], 'two accounts': [], 'signal only': [] });
  });

  it('unaddressed: at least evidence.validateAt customers and no open or validated hypothesis for it', () => {
    const rows = (n: number) => Array.from({ length: n }, (_, k) => said('slow export', 'medium', [k + 1], 10 + k));
    const n = [named(7, 'slow export')];
    expect(rank(rows(2), n, [], 3)[0].flags).toEqual([]);
    expect(rank(rows(3), n, [], 3)[0].flags).toEqual(['unaddressed']);
    expect(rank(rows(2), n, [], 2)[0].flags).toEqual(['unaddressed']);
    const h = (status: OpportunityHypothesis['status']): OpportunityHypothesis[] => [
      { opportunityId: 7, rowid: 3, status },
    ];
    expect(rank(rows(3), n, h('killed'))[0]).toMatchObject({ flags: ['unaddressed'], hypotheses: ['H3'] });
    expect(rank(rows(3), n, h('invalidated'))[0].flags).toEqual(['unaddressed']);
    expect(rank(rows(3), n, h('open'))[0].flags).toEqual([]);
    expect(rank(rows(3), n, h('validated'))[0].flags).toEqual([]);
  });

  it("lists the hypotheses made for it, by id, and only a named opportunity's", () => {
    const h: OpportunityHypothesis[] = [
      { opportunityId: 7, rowid: 12, status: 'open' },
      { opportunityId: 7, rowid: 3, status: 'killed' },
      { opportunityId: 8, rowid: 5, status: 'open' },
    ];
    const [o] = rank([said('slow export', 'medium', [1], 10)], [named(7, 'slow export')], h);
    expect(o.hypotheses).toEqual(['H3', 'H12']);
  });
});

/** The rows as painTexts reads them: each text once, with the customers of its customer conversations. */
function textsOf(rows: PainRow[]): PainText[] {
  const byText = new Map<string, Set<number>>();
  for (const r of rows) {
    const seen = byText.get(r.text) ?? new Set<number>();
    byText.set(r.text, seen);
    if (r.kind === 'customer') for (const [c] of r.customers) seen.add(c);
  }
  return [...byText].map(([text, customers]) => ({ text, customers: [...customers] }));
}

describe('counting without ranking (the standup page)', () => {
  it('counts what the ranking heard and flagged unaddressed, whatever the rows, merges and hypotheses', () => {
    const text = fc.constantFrom('slow export', 'Slow  Export', 'export too slow', 'no SSO', 'no sso ', 'dark mode');
    const row = fc.record({
      text,
      severity: fc.constantFrom<Severity>('low', 'medium', 'high', 'blocker'),
      customers: fc.uniqueArray(fc.integer({ min: 1, max: 6 }), { maxLength: 3 }),
      account: fc.integer({ min: 1, max: 3 }),
      signal: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 25 }),
        fc.boolean(),
        fc.subarray<OpportunityHypothesis['status']>(['open', 'validated', 'killed', 'invalidated']),
        fc.integer({ min: 1, max: 4 }),
        (specs, merge, statuses, validateAt) => {
          const rows = specs.map((r) =>
            r.signal ? signal(r.text, r.severity, r.account) : said(r.text, r.severity, r.customers, r.account),
          );
          const n = merge ? [named(1, 'slow export', ['export too slow'])] : [];
          const h = merge ? statuses.map((status, k) => ({ opportunityId: 1, rowid: k + 1, status })) : [];
          const ranked = rankOpportunities(rows, n, h, validateAt);
          expect(countOpportunities(textsOf(rows), n, h, validateAt)).toEqual({
            heard: ranked.length,
            unaddressed: ranked.filter((o) => o.flags.includes('unaddressed')).length,
          });
        },
      ),
    );
  });
});

describe('the window', () => {
  it('--weeks N is the 7 × N days ending on --as-of, that day included; 12 weeks by default', () => {
    expect(opportunityWindow({}, '2026-11-20')).toEqual({ start: '2026-08-29', end: '2026-11-20', weeks: 12 });
    expect(opportunityWindow({ weeks: '1' }, '2026-11-20')).toEqual({
      start: '2026-11-14',
      end: '2026-11-20',
      weeks: 1,
    });
    expect(opportunityWindow({ since: '2026-11-01' }, '2026-11-20')).toEqual({
      start: '2026-11-01',
      end: '2026-11-20',
      weeks: null,
    });
    expect(opportunityWindow({ since: '2w' }, '2026-11-20').start).toBe('2026-11-06');
  });

  it('refuses --weeks with --since, a --weeks that is not a whole number of weeks, a --since after --as-of', () => {
    expect(() => opportunityWindow({ weeks: '2', since: '2026-11-01' }, '2026-11-20')).toThrow(UsageError);
    for (const weeks of ['0', '-1', '1.5', 'two', ''])
      expect(() => opportunityWindow({ weeks }, '2026-11-20'), weeks).toThrow(/--weeks/);
    expect(() => opportunityWindow({ since: '2026-11-21' }, '2026-11-20')).toThrow(
      /is after 2026-11-20, the day the window ends/,
    );
  });
});

describe('the pains a window reads', () => {
  let j: JournalBuilder;
  beforeEach(() => (j = journal()));
  afterEach(() => j.close());

  it('from its first day to its last, both included; customer conversations and signals, not stakeholder meetings', () => {
    const acme = j.account('Acme', { segment: 'smb' });
    const us = j.account('Us');
    const ann = j.contact('Ann', acme, 'customer', 'finance');
    const sal = j.contact('Sal', acme, 'stakeholder');
    const boss = j.contact('Boss', us, 'stakeholder');
    j.interview({ date: '2026-08-28', account: acme, with: [ann], pains: ['the day before'] });
    j.interview({
      date: '2026-08-29',
      account: acme,
      with: [ann, sal],
      pains: [{ text: 'first day', severity: 'high' }],
    });
    j.interview({ date: '2026-11-20', account: acme, with: [ann], pains: ['last day'] });
    j.interview({ date: '2026-11-21', account: acme, with: [ann], pains: ['the day after'] });
    j.interview({ date: '2026-11-01', account: acme, channel: 'support', pains: ['a ticket'] });
    j.interview({ date: '2026-11-02', account: us, with: [boss], pains: ['our own idea'] });
    const rows = painRows(j.db, opportunityWindow({}, '2026-11-20'));
    expect(rows.map((r) => r.text)).toEqual(['first day', 'a ticket', 'last day']);
    // the standup page's reading: the same pains, each text once with its customers
    const texts = painTexts(j.db, opportunityWindow({}, '2026-11-20'));
    const sorted = (t: PainText[]) =>
      t.map((x) => ({ ...x, customers: [...x.customers].sort() })).sort((a, b) => (a.text < b.text ? -1 : 1));
    expect(sorted(texts)).toEqual(sorted(textsOf(rows)));
    expect(texts.find((t) => t.text === 'first day')?.customers).toEqual([ann]);
    expect(rows[0]).toMatchObject({
      kind: 'customer',
      severity: 'high',
      accountSegment: 'smb',
      customers: [[ann, 'finance']], // the stakeholder on the call is nobody's customer
    });
    expect(rows[1]).toMatchObject({ kind: 'indirect', customers: [] });
  });

  it('only the conversations held by one interviewer, with --by', () => {
    const acme = j.account('Acme');
    const ann = j.contact('Ann', acme);
    j.interview({ date: '2026-11-10', account: acme, with: [ann], pains: ['mine'], by: 'Dana' });
    j.interview({ date: '2026-11-11', account: acme, with: [ann], pains: ['theirs'], by: 'Sam' });
    expect(painRows(j.db, { start: '2026-11-01', end: '2026-11-20' }, 'dana').map((r) => r.text)).toEqual(['mine']);
    expect(painTexts(j.db, { start: '2026-11-01', end: '2026-11-20' }, 'dana')).toEqual([
      { text: 'mine', customers: [ann] },
    ]);
  });
});
