// "Going cold" is defined once (src/db/standing.ts); `pm accounts`, `pm contacts`, `pm show` and the
// report must agree on it, day by day, around every edge: the cadence's last day, the day after,
// an own cadence, the journal's, off, never contacted, a report as of a past day, a stakeholder.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { journal, type JournalBuilder } from '../fixtures/journal-builder.js';
import { accountActivity } from '../../src/db/accounts.js';
import { contactActivity } from '../../src/db/contacts.js';
import { accountJson } from '../../src/core/accounts.js';
import { contactJson } from '../../src/core/contacts.js';
import { addDays } from '../../src/core/dates.js';

let j: JournalBuilder;
beforeEach(() => (j = journal()));
afterEach(() => j.close());

/** Which accounts each view calls going cold as of a day. */
function views(asOf: string, journalCadence = 30) {
  const accounts = accountActivity(j.db, asOf, journalCadence).map((a) => accountJson(a, asOf));
  const contacts = contactActivity(j.db, asOf, journalCadence).map((c) => contactJson(c, asOf));
  return {
    accounts: accounts.filter((a) => a.overdue).map((a) => a.name),
    report: j.report(asOf).overdueAccounts.map((a) => a.account),
    customers: contacts.filter((c) => c.overdue).map((c) => c.account),
    all: { accounts, contacts },
  };
}

describe('going cold', () => {
  it('is the same in pm accounts, pm contacts and the report on each day around the cadences', () => {
    const byDefault = j.account('Default30');
    const own = j.account('Own10', { cadenceDays: 10 });
    const off = j.account('Off', { cadenceDays: 0 });
    const never = j.account('Never');
    const signals = j.account('SignalsOnly');
    j.interview({ date: '2026-10-15', account: byDefault, with: [j.contact('A', byDefault)] });
    const b = j.contact('B', own);
    j.interview({ date: '2026-10-01', account: own, with: [b] });
    j.interview({ date: '2026-10-21', account: own, with: [b] });
    j.interview({ date: '2025-01-01', account: off, with: [j.contact('C', off)] });
    j.contact('D', never);
    j.interview({ date: '2025-01-01', account: signals, channel: 'support' });
    const expected: Record<string, string[]> = {
      // as of past days, before the last contact the report keeps on the account: looked up
      '2026-10-11': [], // Own10: 10 days after 2026-10-01, the cadence's last day
      '2026-10-12': ['Own10'], // 11 days
      '2026-10-31': [], // Own10: 10 days after 2026-10-21
      '2026-11-01': ['Own10'],
      '2026-11-14': ['Own10'], // Default30: 30 days after 2026-10-15
      '2026-11-15': ['Default30', 'Own10'],
    };
    for (const [asOf, cold] of Object.entries(expected)) {
      const v = views(asOf);
      expect(v.accounts.sort(), asOf).toEqual(cold);
      expect(v.report.sort(), asOf).toEqual(cold);
      expect(v.customers.sort(), asOf).toEqual(cold);
    }
  });

  it('follows account.cadenceDays for accounts without their own', () => {
    const acme = j.account('Acme');
    j.interview({ date: '2026-11-01', account: acme, with: [j.contact('Jane', acme)] });
    j.config({ 'account.cadenceDays': 5 });
    expect(views('2026-11-06', 5)).toMatchObject({ accounts: [], report: [], customers: [] });
    expect(views('2026-11-07', 5)).toMatchObject({ accounts: ['Acme'], report: ['Acme'], customers: ['Acme'] });
  });

  it('gives the cadence, days since and overdue the same in every view of an account', () => {
    const acme = j.account('Acme', { cadenceDays: 7 });
    j.interview({ date: '2026-11-01', account: acme, with: [j.contact('Jane', acme)] });
    for (let day = 0; day < 12; day++) {
      const asOf = addDays('2026-11-01', day);
      const { all } = views(asOf);
      const [account] = all.accounts;
      const [jane] = all.contacts;
      expect(account).toMatchObject({ daysSince: day, cadence: 7, overdue: day > 7 });
      expect(jane).toMatchObject({ daysSince: day, cadence: 7, overdue: day > 7 });
      const report = j.report(asOf).overdueAccounts;
      expect(report, asOf).toEqual(
        day > 7 ? [{ account: 'Acme', lastDirect: '2026-11-01', daysSince: day, cadenceDays: 7, segment: null }] : [],
      );
    }
  });

  it('shows off as off, and gives stakeholders and partners no cadence: never overdue', () => {
    const us = j.account('Us', { cadenceDays: 0 });
    const acme = j.account('Acme', { cadenceDays: 3 });
    j.interview({ date: '2026-01-01', account: us, with: [j.contact('Boss', us, 'stakeholder')] });
    j.interview({
      date: '2026-01-01',
      account: acme,
      with: [j.contact('Pat', acme, 'partner'), j.contact('Jo', acme)],
    });
    const { all } = views('2026-11-20');
    expect(all.accounts.map((a) => [a.name, a.cadence, a.overdue])).toEqual([
      ['Acme', 3, true],
      ['Us', 'off', false],
    ]);
    expect(all.contacts.map((c) => [c.name, c.cadence, c.overdue])).toEqual([
      ['Boss', null, false],
      ['Jo', 3, true],
      ['Pat', null, false],
    ]);
  });
});
