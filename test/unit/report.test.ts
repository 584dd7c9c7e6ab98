import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { journal, type JournalBuilder } from '../fixtures/journal-builder.js';
import { reportQuery, resolvePeriod, scaledTarget } from '../../src/core/report.js';
import { reportRows } from '../../src/db/report.js';
import { DEFAULTS } from '../../src/core/config.js';
import { UsageError } from '../../src/errors.js';

let j: JournalBuilder;
beforeEach(() => (j = journal()));
afterEach(() => j.close());

const kinds = (r: { flags: { kind: string; subject: string }[] }) => r.flags.map((f) => `${f.kind}:${f.subject}`);

describe('customer contact', () => {
  it('is not overdue exactly cadence.days after the last customer conversation, and is one day later', () => {
    const acme = j.account('Acme');
    const jane = j.contact('Jane', acme);
    j.interview({ date: '2026-11-13', account: acme, with: [jane] });
    const onTime = j.report('2026-11-20');
    expect(onTime.contact).toMatchObject({ lastDirect: '2026-11-13', daysSinceLastDirect: 7, overdue: false });
    expect(onTime.verdict).toBe('on track');
    expect(kinds(onTime)).not.toContain('overdue-contact:customer contact');
    const late = j.report('2026-11-21');
    expect(late.contact).toMatchObject({ daysSinceLastDirect: 8, overdue: true });
    expect(late.verdict).toBe('overdue');
    expect(kinds(late)).toContain('overdue-contact:customer contact');
  });

  it('follows cadence.days from the config', () => {
    j.config({ 'cadence.days': 14 });
    const acme = j.account('Acme');
    j.interview({ date: '2026-11-06', account: acme, with: [j.contact('Jane', acme)] });
    expect(j.report('2026-11-20').contact.overdue).toBe(false);
    expect(j.report('2026-11-21').contact.overdue).toBe(true);
  });

  it('does not count stakeholder meetings or indirect signals as customer contact', () => {
    const us = j.account('Us');
    const acme = j.account('Acme');
    const sales = j.contact('Head of Sales', us, 'stakeholder');
    const partner = j.contact('Pat Partner', acme, 'partner');
    const jane = j.contact('Jane', acme);
    j.interview({ date: '2026-11-19', account: us, with: [sales] });
    j.interview({ date: '2026-11-19', account: acme, with: [partner] });
    j.interview({ date: '2026-11-18', account: acme, with: [jane], channel: 'review' });
    j.interview({ date: '2026-11-17', account: acme, channel: 'support' });
    const r = j.report('2026-11-20');
    expect(r.contact).toMatchObject({
      direct: 0,
      customers: 0,
      indirect: 2,
      stakeholder: 2,
      met: false,
      lastDirect: null,
      overdue: true,
    });
    expect(r.conversations).toHaveLength(4);
    expect(kinds(r)).toContain('overdue-contact:customer contact');
  });

  it('counts a call with a customer and a colleague once, with one customer', () => {
    const acme = j.account('Acme');
    const us = j.account('Us');
    const jane = j.contact('Jane', acme);
    const joe = j.contact('Joe', acme, 'prospect');
    const colleague = j.contact('Sam', us, 'stakeholder');
    j.interview({ date: '2026-11-17', account: acme, with: [jane, colleague] });
    j.interview({ date: '2026-11-18', account: acme, with: [jane, joe] });
    const r = j.report('2026-11-20');
    expect(r.contact).toMatchObject({ direct: 2, customers: 2, stakeholder: 0, target: 1, met: true });
  });

  it('scales the target for longer periods: target × days ÷ cadenceDays, rounded up', () => {
    expect(scaledTarget(DEFAULTS, 7)).toBe(1);
    expect(scaledTarget(DEFAULTS, 30)).toBe(5);
    expect(scaledTarget({ ...DEFAULTS, 'cadence.target': 3 }, 31)).toBe(14);
    const r = j.report('2026-11-20', { month: '2026-11' });
    expect(r.period).toEqual({ start: '2026-11-01', end: '2026-11-30', label: '2026-11' });
    expect(r.contact).toMatchObject({ target: 5, periodDays: 30 });
  });

  it('counts nothing dated after --as-of, even inside the period', () => {
    const acme = j.account('Acme');
    const jane = j.contact('Jane', acme);
    j.interview({ date: '2026-11-16', account: acme, with: [jane], tags: ['early'] });
    j.interview({ date: '2026-11-21', account: acme, with: [jane], tags: ['future'], followUp: '2026-11-18' });
    const h = j.hypothesis('Later', '2026-11-21');
    const r = j.report('2026-11-20');
    expect(r.period.end).toBe('2026-11-22');
    expect(r.contact).toMatchObject({ direct: 1, lastDirect: '2026-11-16' });
    expect(r.conversations.map((c) => c.date)).toEqual(['2026-11-16']);
    expect(r.themes.map((t) => t.theme)).toEqual(['early']);
    expect(r.followUps).toEqual([]);
    expect(r.hypotheses.unvalidated.map((x) => x.id)).not.toContain(`H${h}`);
  });

  it("lists the period's conversations newest first, with who and the account", () => {
    const acme = j.account('Acme');
    const jane = j.contact('Jane', acme);
    const joe = j.contact('Joe', acme);
    const a = j.interview({ date: '2026-11-16', account: acme, with: [jane] });
    const b = j.interview({ date: '2026-11-18', account: acme, with: [jane, joe], summary: 'Two of them' });
    j.interview({ date: '2026-11-15', account: acme, with: [jane] }); // last week
    const r = j.report('2026-11-20');
    expect(r.conversations.map((c) => c.id)).toEqual([`I${b}`, `I${a}`]);
    expect(r.conversations[0]).toMatchObject({
      date: '2026-11-18',
      channel: 'call',
      with: ['Jane', 'Joe'],
      account: 'Acme',
      summary: 'Two of them',
    });
  });

  it("--by keeps one interviewer's conversations", () => {
    const acme = j.account('Acme');
    const jane = j.contact('Jane', acme);
    j.interview({ date: '2026-11-18', account: acme, with: [jane], by: 'Dana' });
    j.interview({ date: '2026-11-19', account: acme, with: [jane], by: 'Lee' });
    const r = j.report('2026-11-20', {}, 'dana');
    expect(r.conversations.map((c) => c.by)).toEqual(['Dana']);
    expect(r.contact.lastDirect).toBe('2026-11-18');
  });
});

describe('the weekly chart and streak', () => {
  it('counts customer conversations per week for the last 8 weeks, and the streak of weeks on target', () => {
    const acme = j.account('Acme');
    const jane = j.contact('Jane', acme);
    // weeks holding 2026-11-20 (W47) back: W47 none yet, W46..W44 one each, W43 none, W42 two
    for (const d of ['2026-11-10', '2026-11-04', '2026-10-28', '2026-10-13', '2026-10-14'])
      j.interview({ date: d, account: acme, with: [jane] });
    j.interview({ date: '2026-10-21', account: acme, channel: 'support' });
    const r = j.report('2026-11-20');
    expect(r.weekly.weeks).toHaveLength(8);
    expect(r.weekly.weeks.map((w) => w.label)).toEqual([
      '2026-W40',
      '2026-W41',
      '2026-W42',
      '2026-W43',
      '2026-W44',
      '2026-W45',
      '2026-W46',
      '2026-W47',
    ]);
    expect(r.weekly.weeks.map((w) => w.direct)).toEqual([0, 0, 2, 0, 1, 1, 1, 0]);
    expect(r.weekly.weeks.at(-1)).toMatchObject({ current: true, met: false });
    expect(r.weekly).toMatchObject({ target: 1, streak: 3, streakAtLeast: false });
    j.interview({ date: '2026-11-19', account: acme, with: [jane] });
    expect(j.report('2026-11-20').weekly.streak).toBe(4);
  });

  it('with a target of 0, counts no week before the first record: a journal begun today is not "52+ weeks on target"', () => {
    j.config({ 'cadence.target': 0 });
    expect(j.report('2026-12-08').weekly).toMatchObject({ target: 0, streak: 0, streakAtLeast: false });
    const acme = j.account('Acme');
    j.interview({ date: '2026-12-01', account: acme, with: [j.contact('Jane', acme)] });
    // W49 (the first record's) and W50 (running, met by 0)
    expect(j.report('2026-12-08').weekly).toMatchObject({ target: 0, streak: 2, streakAtLeast: false });
    // a journal older than the year looked at: the whole year, and more
    j.interview({ date: '2025-06-02', account: acme, channel: 'support' });
    expect(j.report('2026-12-08').weekly).toMatchObject({ streak: 52, streakAtLeast: true });
  });
});

describe('periods', () => {
  it('--week last across a year boundary: 2026 has 53 ISO weeks', () => {
    expect(resolvePeriod({ week: 'last' }, '2027-01-05', 'monday')).toEqual({
      start: '2026-12-28',
      end: '2027-01-03',
      label: '2026-W53',
    });
    expect(resolvePeriod({}, '2027-01-03', 'monday')).toEqual({
      start: '2026-12-28',
      end: '2027-01-03',
      label: '2026-W53',
    });
    expect(resolvePeriod({ week: true }, '2027-01-04', 'monday')).toEqual({
      start: '2027-01-04',
      end: '2027-01-10',
      label: '2027-W01',
    });
    expect(resolvePeriod({ week: '2026-W53' }, '2027-03-01', 'monday').start).toBe('2026-12-28');
    expect(() => resolvePeriod({ week: '2027-W53' }, '2027-03-01', 'monday')).toThrow(UsageError);
  });

  it('counts the conversations of the week across the year boundary', () => {
    const acme = j.account('Acme');
    const jane = j.contact('Jane', acme);
    j.interview({ date: '2026-12-29', account: acme, with: [jane] });
    j.interview({ date: '2027-01-03', account: acme, with: [jane] });
    j.interview({ date: '2027-01-04', account: acme, with: [jane] });
    const r = j.report('2027-01-05', { week: 'last' });
    expect(r.period.label).toBe('2026-W53');
    expect(r.contact.direct).toBe(2);
  });

  it('Sunday week start: Sunday to Saturday, labelled by its range', () => {
    j.config({ 'week.start': 'sunday' });
    const acme = j.account('Acme');
    const jane = j.contact('Jane', acme);
    j.interview({ date: '2026-11-15', account: acme, with: [jane] }); // a Sunday
    const r = j.report('2026-11-20');
    expect(r.period).toEqual({ start: '2026-11-15', end: '2026-11-21', label: '2026-11-15..2026-11-21' });
    expect(r.contact.direct).toBe(1);
    expect(r.weekly.weeks.at(-1)).toMatchObject({ start: '2026-11-15', direct: 1, met: true });
    expect(j.report('2026-11-20', { week: '2026-W46' }).period).toEqual({
      start: '2026-11-08',
      end: '2026-11-14',
      label: '2026-11-08..2026-11-14',
    });
    j.config({ 'week.start': 'monday' });
    expect(j.report('2026-11-20').contact.direct).toBe(0);
  });

  it('refuses two periods at once, and --until without --since', () => {
    expect(() => resolvePeriod({ week: true, month: true }, '2026-11-20', 'monday')).toThrow(UsageError);
    expect(() => resolvePeriod({ until: '2026-11-20' }, '2026-11-20', 'monday')).toThrow(UsageError);
    expect(() => resolvePeriod({ since: '2026-11-21', until: '2026-11-20' }, '2026-11-20', 'monday')).toThrow(
      UsageError,
    );
    expect(resolvePeriod({ since: '2w' }, '2026-11-20', 'monday')).toEqual({
      start: '2026-11-06',
      end: '2026-11-20',
      label: '2026-11-06..2026-11-20',
    });
  });
});

describe('accounts going cold', () => {
  it("uses account.cadenceDays, an account's own cadence, and never when it is off", () => {
    const asOf = '2026-11-20';
    const byDefault = j.account('Default30');
    const onTime = j.account('OnTime30');
    const own = j.account('Own10', { cadenceDays: 10 });
    const ownOk = j.account('Own10ok', { cadenceDays: 10 });
    const off = j.account('Off', { cadenceDays: 0 });
    const signalsOnly = j.account('SignalsOnly');
    j.interview({ date: '2026-10-20', account: byDefault, with: [j.contact('A', byDefault)] }); // 31 days
    j.interview({ date: '2026-10-21', account: onTime, with: [j.contact('B', onTime)] }); // 30 days
    j.interview({ date: '2026-11-09', account: own, with: [j.contact('C', own)] }); // 11 days
    j.interview({ date: '2026-11-10', account: ownOk, with: [j.contact('D', ownOk)] }); // 10 days
    j.interview({ date: '2025-01-01', account: off, with: [j.contact('E', off)] });
    j.interview({ date: '2025-01-01', account: signalsOnly, channel: 'support' });
    const r = j.report(asOf);
    expect(r.overdueAccounts).toEqual([
      { account: 'Default30', lastDirect: '2026-10-20', daysSince: 31, cadenceDays: 30, segment: null },
      { account: 'Own10', lastDirect: '2026-11-09', daysSince: 11, cadenceDays: 10, segment: null },
    ]);
    expect(kinds(r).filter((k) => k.startsWith('account-cold'))).toEqual([
      'account-cold:Default30',
      'account-cold:Own10',
    ]);
  });

  it('does not count a stakeholder-only meeting as contact with the account', () => {
    const acme = j.account('Acme');
    j.interview({ date: '2026-09-01', account: acme, with: [j.contact('Jane', acme)] });
    j.interview({ date: '2026-11-19', account: acme, with: [j.contact('Pat', acme, 'partner')] });
    expect(j.report('2026-11-20').overdueAccounts.map((a) => a.lastDirect)).toEqual(['2026-09-01']);
  });
});

describe('hypotheses', () => {
  function people(n: number, accounts: number[]) {
    return Array.from({ length: n }, (_, k) => ({
      account: accounts[k % accounts.length],
      id: j.contact(`P${k}`, accounts[k % accounts.length]),
    }));
  }

  it('ready-to-validate needs evidence.validateAt customers from two accounts and no refutation', () => {
    const a = j.account('A');
    const b = j.account('B');
    const h = j.hypothesis('Teams want it', '2026-11-10');
    const ps = people(3, [a, b]);
    for (const p of ps) j.evidence(h, j.interview({ date: '2026-11-18', account: p.account, with: [p.id] }));
    let r = j.report('2026-11-20');
    expect(r.hypotheses.unvalidated[0]).toMatchObject({
      id: `H${h}`,
      supports: 3,
      customersSupporting: 3,
      lastEvidence: '2026-11-18',
      ageDays: 10,
    });
    expect(r.hypotheses.unvalidated[0].flags).toEqual(['ready-to-validate']);
    expect(kinds(r)).toContain(`ready-to-validate:H${h}`);

    const single = j.hypothesis('One account wants it', '2026-11-10');
    for (const p of people(3, [a])) j.evidence(single, j.interview({ date: '2026-11-18', account: a, with: [p.id] }));
    r = j.report('2026-11-20');
    expect(r.hypotheses.unvalidated.find((x) => x.id === `H${single}`)!.flags).toEqual([]);
  });

  it('ready-to-kill at evidence.killAt refuting customers; indirect evidence never counts', () => {
    const a = j.account('A');
    const h = j.hypothesis('Nobody wants it', '2026-11-10');
    j.evidence(h, j.interview({ date: '2026-11-18', account: a, with: [j.contact('X', a)] }), 'refutes');
    j.evidence(
      h,
      j.interview({ date: '2026-11-18', account: a, channel: 'support', with: [j.contact('Y', a)] }),
      'refutes',
    );
    let r = j.report('2026-11-20');
    expect(r.hypotheses.unvalidated[0]).toMatchObject({ refutes: 1, customersRefuting: 1, otherRefutes: 1, flags: [] });
    j.evidence(h, j.interview({ date: '2026-11-19', account: a, with: [j.contact('Z', a)] }), 'refutes');
    r = j.report('2026-11-20');
    expect(r.hypotheses.unvalidated[0].flags).toEqual(['ready-to-kill']);
  });

  it('stale after hypothesis.staleDays without evidence, decide-today on the decide-by, past-decide-by the day after; no-evidence is informational', () => {
    const h = j.hypothesis('Old idea', '2026-11-06', '2026-11-20');
    let r = j.report('2026-11-20');
    expect(r.hypotheses.unvalidated[0].flags).toEqual(['decide-soon', 'decide-today', 'no-evidence']);
    expect(kinds(r)).toEqual(['overdue-contact:customer contact', `decide-today:H${h}`]);
    r = j.report('2026-11-21');
    expect(r.hypotheses.unvalidated[0].flags).toEqual(['stale', 'past-decide-by', 'no-evidence']);
    expect(kinds(r)).toEqual(['overdue-contact:customer contact', `stale:H${h}`, `past-decide-by:H${h}`]);
    expect(r.flags.find((f) => f.kind === 'stale')!.message).toMatch(/15 days/);
  });

  it('lists outcomes decided in the period, and every killed or invalidated hypothesis', () => {
    const a = j.account('A');
    const h1 = j.hypothesis('Validated this week', '2026-10-01');
    const h2 = j.hypothesis('Killed long ago', '2026-09-01');
    const h3 = j.hypothesis('Invalidated this week', '2026-10-01');
    j.outcome(h1, 'validated', '2026-11-17', 'five teams said yes');
    j.outcome(h2, 'killed', '2026-09-10', 'too costly');
    j.outcome(h3, 'invalidated', '2026-11-18', 'nobody cared');
    j.interview({ date: '2026-11-19', account: a, with: [j.contact('X', a)] });
    const r = j.report('2026-11-20');
    expect(r.hypotheses.unvalidated).toEqual([]);
    expect(r.hypotheses.decided).toEqual([
      {
        id: `H${h3}`,
        statement: 'Invalidated this week',
        outcome: 'invalidated',
        date: '2026-11-18',
        reason: 'nobody cared',
      },
      {
        id: `H${h1}`,
        statement: 'Validated this week',
        outcome: 'validated',
        date: '2026-11-17',
        reason: 'five teams said yes',
      },
    ]);
    expect(r.hypotheses.killed.map((k) => [k.id, k.outcome, k.date, k.reason])).toEqual([
      [`H${h3}`, 'invalidated', '2026-11-18', 'nobody cared'],
      [`H${h2}`, 'killed', '2026-09-10', 'too costly'],
    ]);
    expect(r.flags).toEqual([]);
  });

  it('flags evidence-after-kill for interviews dated after the decision, not before it nor after as-of', () => {
    const a = j.account('A');
    const x = j.contact('X', a);
    const h = j.hypothesis('Dead idea', '2026-10-01');
    j.evidence(h, j.interview({ date: '2026-10-30', account: a, with: [x] }));
    // the decision's day, logged before it: the kill knew it (logged after it, it counts: H13)
    j.evidence(h, j.interview({ date: '2026-11-01', account: a, with: [x] }));
    j.outcome(h, 'killed', '2026-11-01', 'no budget');
    let r = j.report('2026-11-20');
    expect(r.hypotheses.killed[0].flags).toEqual([]);
    const late = j.interview({ date: '2026-11-05', account: a, channel: 'support' });
    j.evidence(h, late);
    j.evidence(h, j.interview({ date: '2026-11-25', account: a, with: [x] }));
    r = j.report('2026-11-20');
    expect(r.hypotheses.killed[0]).toMatchObject({ flags: ['evidence-after-kill'], evidenceAfter: [`I${late}`] });
    expect(kinds(r)).toContain(`evidence-after-kill:H${h}`);
    j.outcome(h, 'reopened', '2026-11-10', 'new evidence');
    r = j.report('2026-11-20');
    expect(r.hypotheses.killed).toEqual([]);
    expect(r.hypotheses.unvalidated.map((u) => u.id)).toEqual([`H${h}`]);
  });
});

describe('themes', () => {
  it('ranks tags and pains by distinct accounts, with segments, and marks single-account ones', () => {
    const a = j.account('A', { segment: 'smb' });
    const b = j.account('B', { segment: 'enterprise' });
    const pa = j.contact('PA', a, 'customer', 'finance lead');
    const pb = j.contact('PB', b);
    j.interview({ date: '2026-11-16', account: a, with: [pa], tags: ['Billing'], pains: ['slow export'] });
    j.interview({ date: '2026-11-17', account: b, with: [pb], tags: ['billing'] });
    j.interview({ date: '2026-11-18', account: a, with: [pa], pains: ['Slow export '] });
    // before the Opportunities' 12 weeks: neither the period's accounts nor the window's (H6)
    j.interview({ date: '2026-08-03', account: b, with: [pb], pains: ['slow export'] });
    // our own people asking for it is no market need
    const us = j.account('Us');
    j.interview({
      date: '2026-11-18',
      account: us,
      with: [j.contact('Sales', us, 'stakeholder')],
      tags: ['billing'],
      pains: ['slow export'],
    });
    const r = j.report('2026-11-20');
    expect(r.themes).toEqual([
      {
        // named as the period's interviews write it most often, then most recently (wave 11 E14)
        theme: 'billing',
        kind: 'tag',
        accounts: 2,
        signals: 0,
        // the accounts' segments: PA's own ('finance lead') is not counted (fresh-eyes E9)
        segments: ['enterprise', 'smb'],
        interviews: 2,
        flags: [],
      },
      {
        theme: 'Slow export',
        kind: 'pain',
        accounts: 1,
        signals: 0,
        segments: ['smb'],
        interviews: 2,
        flags: ['single-account'],
      },
    ]);
    expect(r.flags.some((f) => (f.kind as string) === 'single-account')).toBe(false);
  });

  it('a pain is one theme whatever its case and spacing, as opportunities group and name it (and the standup counts one)', () => {
    const [a, b, c] = ['A', 'B', 'C'].map((n) => j.account(n));
    j.interview({ date: '2026-11-16', account: a, with: [j.contact('PA', a)], pains: ['slow export'] });
    j.interview({ date: '2026-11-16', account: b, with: [j.contact('PE', b)], pains: [' slow export'] });
    j.interview({ date: '2026-11-17', account: b, with: [j.contact('PB', b)], pains: ['Slow Export'] });
    j.interview({
      date: '2026-11-18',
      account: c,
      with: [j.contact('PC', c)],
      pains: ['slow  export', 'ÉCHEC\tdu login'],
    });
    j.interview({ date: '2026-11-18', account: a, with: [j.contact('PD', a)], pains: ['échec du login'] });
    const r = j.report('2026-11-20');
    // named as written most often (trimmed), then most recently, then first by text: not by the
    // smallest spelling ("Slow Export"), which a one-off capital made the name before
    expect(r.themes.map((t) => [t.theme, t.accounts, t.interviews, t.flags])).toEqual([
      ['slow export', 3, 4, []],
      ['ÉCHEC\tdu login', 2, 2, []],
    ]);
    expect(j.report('2026-11-20', { since: '2026-11-17' }).themes[0].theme).toBe('slow  export');
    const options = {
      period: resolvePeriod({}, '2026-11-20', 'monday'),
      asOf: '2026-11-20',
      config: DEFAULTS,
      by: null,
    };
    expect(reportRows(j.db, { ...reportQuery(options), themeCounts: true }).unread.themes).toBe(2);
  });
});

describe('follow-ups', () => {
  it('lists follow-ups due on or before as-of and not done, most overdue first', () => {
    const a = j.account('Acme');
    const jane = j.contact('Jane', a);
    // a person each: a call with the same person later the same day answers the follow-ups before it
    const due = j.interview({ date: '2026-11-10', account: a, with: [jane], followUp: '2026-11-19' });
    const today = j.interview({ date: '2026-11-10', account: a, with: [j.contact('Raj', a)], followUp: '2026-11-20' });
    j.interview({
      date: '2026-11-10',
      account: a,
      with: [j.contact('Mia', a)],
      followUp: '2026-11-12',
      followUpDone: true,
    });
    j.interview({ date: '2026-11-10', account: a, with: [j.contact('Lee', a)], followUp: '2026-11-21' });
    const r = j.report('2026-11-20');
    expect(r.followUps.map((f) => [f.id, f.followUp, f.daysOverdue])).toEqual([
      [`I${due}`, '2026-11-19', 1],
      [`I${today}`, '2026-11-20', 0],
    ]);
    expect(r.followUps[0]).toMatchObject({ with: ['Jane'], account: 'Acme' });
    expect(kinds(r).filter((k) => k.startsWith('follow-up-due'))).toEqual([
      `follow-up-due:I${due}`,
      `follow-up-due:I${today}`,
    ]);
  });
});

describe('an empty journal', () => {
  it('is a report, marked empty, overdue', () => {
    const r = j.report('2026-11-20');
    expect(r).toMatchObject({
      empty: true,
      verdict: 'overdue',
      conversations: [],
      overdueAccounts: [],
      themes: [],
      followUps: [],
    });
    expect(r.contact).toMatchObject({ direct: 0, lastDirect: null, daysSinceLastDirect: null, overdue: true });
    expect(r.flags.map((f) => f.kind)).toEqual(['overdue-contact']);
  });
});
