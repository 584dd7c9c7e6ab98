// The report's best opportunities are chosen from one summary a spelling (src/core/report-opportunities.ts)
// and only those that may be among them are ranked in full: the same best few, and the same counts,
// as ranking every pain. (test/unit/report-text-rows.test.ts holds the SQL summaries to the same on
// journals of both bench shapes.)
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  rankOpportunities,
  type NamedOpportunity,
  type OpportunityHypothesis,
  type PainRow,
  textsSharingOpportunity,
} from '../../src/core/opportunities.js';
import { opportunitiesToRank, type PainCount, type PainSummary } from '../../src/core/report-opportunities.js';
import { painKey, SEVERITIES, type Severity } from '../../src/core/pains.js';

/** The rows as src/db/report.ts sums them up: a row a spelling. */
function summaries(rows: PainRow[]): PainSummary[] {
  const by = new Map<string, { lastHeard: string; accounts: Set<number>; customers: Set<number> }>();
  for (const r of rows) {
    let s = by.get(r.text);
    if (s === undefined) {
      s = { lastHeard: r.date, accounts: new Set(), customers: new Set() };
      by.set(r.text, s);
    }
    if (r.date > s.lastHeard) s.lastHeard = r.date;
    if (r.kind !== 'customer') continue;
    if (r.accountId !== null) s.accounts.add(r.accountId);
    for (const [c] of r.customers) s.customers.add(c * 4 + SEVERITIES.indexOf(r.severity));
  }
  return [...by].map(([text, s]) => ({
    text,
    lastHeard: s.lastHeard,
    accounts: [...s.accounts],
    customers: [...s.customers],
  }));
}

/**
 * The summaries as src/db/report.ts painTextSums counts them: a text alone in its opportunity as its
 * accounts and how many customers gave it at least each severity; the others as they are.
 */
function counted(list: PainSummary[], n: NamedOpportunity[]): (PainSummary | PainCount)[] {
  const shared = textsSharingOpportunity(
    list.map((s) => s.text),
    n,
  );
  return list.map((s) => {
    if (shared.has(s.text)) return s;
    const highest = new Map<number, number>();
    for (const code of s.customers)
      highest.set(Math.floor(code / 4), Math.max(code % 4, highest.get(Math.floor(code / 4)) ?? 0));
    const atLeast = [0, 1, 2, 3].map((r) => [...highest.values()].filter((h) => h >= r).length);
    return { text: s.text, lastHeard: s.lastHeard, accountCount: s.accounts.length, atLeast } as PainCount;
  });
}

const named: NamedOpportunity[] = [
  {
    id: 1,
    uuid: 'u-1',
    name: 'slow export',
    key: painKey('slow export'),
    aliases: [{ key: painKey('export too slow'), name: 'export too slow' }],
  },
];

describe('the report ranks only the opportunities that may be among the best', () => {
  it('lists the best few and counts them as ranking every pain does, whatever the rows', () => {
    const row = fc.record({
      text: fc.constantFrom(
        'slow export',
        'Slow  Export',
        'export too slow',
        'no SSO',
        'no sso ',
        'dark mode',
        'CSV',
        'x',
      ),
      severity: fc.constantFrom<Severity>('low', 'medium', 'high', 'blocker'),
      customers: fc.uniqueArray(fc.integer({ min: 1, max: 6 }), { maxLength: 3 }),
      account: fc.option(fc.integer({ min: 1, max: 4 })),
      day: fc.integer({ min: 10, max: 14 }),
      signal: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 30 }),
        fc.boolean(),
        fc.subarray<OpportunityHypothesis['status']>(['open', 'validated', 'killed']),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
        (specs, merge, statuses, validateAt, best) => {
          const rows: PainRow[] = specs.map((r, k) => ({
            interviewId: k + 1,
            date: `2026-11-${r.day}`,
            kind: r.signal ? 'indirect' : 'customer',
            accountId: r.account,
            accountSegment: null,
            stage: null,
            text: r.text,
            severity: r.severity,
            customers: r.signal ? [] : r.customers.map((c) => [c, null]),
          }));
          const n = merge ? named : [];
          const h = merge ? statuses.map((status, k) => ({ opportunityId: 1, rowid: k + 1, status })) : [];
          const all = rankOpportunities(rows, n, h, validateAt);
          const chosen = opportunitiesToRank(summaries(rows), n, h, validateAt, best);
          const texts = new Set(chosen.texts);
          const some = rankOpportunities(
            rows.filter((r) => texts.has(r.text)),
            n,
            h,
            validateAt,
          );
          expect(some.slice(0, best)).toEqual(all.slice(0, best));
          expect(chosen.heard).toBe(all.length);
          expect(chosen.unaddressed).toBe(all.filter((o) => o.flags.includes('unaddressed')).length);
          // every named one and the best without a name (the markdown export's tree): still the best few
          const withNamed = new Set(opportunitiesToRank(summaries(rows), n, h, validateAt, best, true).texts);
          const ranked = rankOpportunities(
            rows.filter((r) => withNamed.has(r.text)),
            n,
            h,
            validateAt,
          );
          expect(ranked.slice(0, best)).toEqual(all.slice(0, best));
          expect(ranked.filter((o) => n.some((x) => x.name === o.opportunity))).toEqual(
            all.filter((o) => n.some((x) => x.name === o.opportunity)),
          );
          // the texts alone in their opportunity counted by SQLite instead of listed: the same choice
          const fromCounts = opportunitiesToRank(counted(summaries(rows), n), n, h, validateAt, best);
          expect({ ...fromCounts, texts: [...fromCounts.texts].sort() }).toEqual({
            ...chosen,
            texts: [...chosen.texts].sort(),
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
