import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from 'commonmark';
import { sandbox, expectUsageError, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => (box = sandbox()));
afterEach(() => box.cleanup());

const ACTIONABLE = [
  'overdue-contact',
  'behind-target',
  'evidence-after-validate',
  'account-cold',
  'stale',
  'past-decide-by',
  'ready-to-validate',
  'ready-to-kill',
  'evidence-after-kill',
  'follow-up-due',
  'segment-silent',
];

describe('pm demo', () => {
  it('prints a weekly report where every section has something and every flag is raised, without touching $PM_DB', () => {
    const env = { TMPDIR: box.dir };
    const r = box.json(['demo'], { env });
    expect(existsSync(box.db)).toBe(false);
    expect(existsSync(join(box.dir, 'data', 'pm', 'journal.db'))).toBe(false);
    expect(readdirSync(box.dir).filter((f) => f.startsWith('pm-demo-'))).toHaveLength(1);
    expect([...new Set(r.flags.map((f: any) => f.kind))].sort()).toEqual([...ACTIONABLE].sort());
    expect(r.period.label).toBe('2026-W47');
    expect(r.contact).toMatchObject({ direct: 0, overdue: true, target: 3, behind: true });
    expect(r.hypotheses.refutedAfterValidation.length).toBeGreaterThan(0);
    expect(r.hypotheses.unvalidated.some((h: any) => h.flags.includes('decide-soon'))).toBe(true);
    // signals from sources that are no account, counted apart in themes
    expect(
      r.conversations
        .filter((c: any) => c.account === null)
        .map((c: any) => c.source)
        .sort(),
    ).toEqual(['Capterra', 'NPS survey']);
    expect(r.themes.some((t: any) => t.signals > 0)).toBe(true);
    expect(r.overdueAccounts.map((a: any) => a.account)).not.toContain('Capterra');
    // a follow-up answered by a later call with the same person is not due; one nobody answered is
    expect(r.followUps.map((f: any) => f.with)).toEqual([['Raj Patel']]);
    expect(r.contact.indirect).toBeGreaterThan(0);
    expect(r.contact.stakeholder).toBeGreaterThan(0);
    for (const list of [
      r.conversations,
      r.overdueAccounts,
      r.hypotheses.unvalidated,
      r.hypotheses.decided,
      r.hypotheses.killed,
      r.themes,
      r.followUps,
    ])
      expect(list.length).toBeGreaterThan(0);
    expect(r.themes.some((t: any) => t.accounts >= 3)).toBe(true);
    expect(r.themes.some((t: any) => t.flags.includes('single-account'))).toBe(true);
    expect(r.hypotheses.unvalidated.some((h: any) => h.flags.includes('no-evidence'))).toBe(true);
    expect(r.weekly.streak).toBeGreaterThan(0);
  });

  it('shows a running bet, a silent segment, every confidence level, personas and stages', () => {
    const path = join(box.dir, 'sample.db');
    const r = box.json(['--db', path, 'demo']);
    expect(r.bets).toHaveLength(1);
    expect(r.bets[0]).toMatchObject({ daysLeft: 14, confidence: { level: 'opinion' } });
    expect(r.bets[0].flags).toContain('bet');
    expect(r.segments.filter((g: any) => g.flags.includes('segment-silent')).map((g: any) => g.segment)).toEqual([
      'public sector',
    ]);
    const levels = box.json(['--db', path, 'hyp', 'list', '--status', 'all']).map((h: any) => h.confidence.level);
    expect([...new Set(levels)].sort()).toEqual(
      ['anecdotal', 'behaviour', 'commitment', 'customers', 'none', 'opinion'].sort(),
    );
    const coverage = box.json(['--db', path, 'coverage']);
    expect(coverage.personas.length).toBeGreaterThan(3);
    expect(coverage.stages.filter((s: any) => s.conversations > 0).length).toBeGreaterThan(3);
    expect(coverage.stages.filter((s: any) => s.conversations === 0).map((s: any) => s.stage)).toEqual([
      'discover',
      'churn',
    ]);
  });

  it('shows an opportunity worth solving, with a merged name and a hypothesis for it, and a custom request', () => {
    const path = join(box.dir, 'sample.db');
    const report = box.json(['--db', path, 'demo']);
    const [worth, custom] = report.opportunities.top;
    expect(worth).toMatchObject({
      opportunity: 'manual invoice matching',
      aliases: ['invoices matched by hand'],
      customers: 3,
      accounts: 3,
      hypotheses: ['H1'],
      flags: [],
    });
    expect(worth.severity.blocker).toBe(1);
    expect(custom).toMatchObject({ opportunity: 'SSO setup needs IT', signals: 1, flags: ['single-account'] });
    const tree = box.json(['--db', path, 'tree']);
    expect(tree.outcome).toBe('Finance teams close the month in a day');
    expect(tree.opportunities[0].hypotheses.map((h: any) => h.id)).toEqual(['H1']);
  });

  it('is dated relative to today, and shows every flag whatever the weekday (Monday and Tuesday: the Sunday before)', () => {
    const r = box.json(['demo'], { env: { TMPDIR: box.dir, PM_TODAY: '2027-01-01' } });
    expect(r.period.label).toBe('2026-W53');
    expect([...new Set(r.flags.map((f: any) => f.kind))].sort()).toEqual([...ACTIONABLE].sort());
    for (const [today, asOf] of [
      ['2026-11-16', '2026-11-15'], // Monday
      ['2026-11-17', '2026-11-15'], // Tuesday
      ['2026-11-18', '2026-11-18'], // Wednesday
      ['2026-11-22', '2026-11-22'], // Sunday
    ]) {
      const day = box.json(['demo'], { env: { TMPDIR: box.dir, PM_TODAY: today } });
      expect(day.asOf, today).toBe(asOf);
      expect([...new Set(day.flags.map((f: any) => f.kind))].sort(), today).toEqual([...ACTIONABLE].sort());
    }
  });

  it('text and markdown show the same report', () => {
    const text = box.pm(['demo'], { env: { TMPDIR: box.dir } });
    expect(text.code).toBe(0);
    expect(text.out.split('\n')[0]).toBe('OVERDUE · 2026-W47 · as of 2026-11-20');
    expect(text.err).toMatch(/^Explore the sample: pm --db .*pm-demo-.* ls$/m);
    const full = box.pm(['demo', '--full'], { env: { TMPDIR: box.dir } });
    expect(full.out.split('\n')[0]).toBe('Report 2026-W47 (2026-11-16..2026-11-22) · as of 2026-11-20 · overdue');
    const md = box.pm(['demo', '--format', 'md'], { env: { TMPDIR: box.dir } });
    expect(md.code).toBe(0);
    const doc = new Parser().parse(md.out);
    expect(doc.firstChild?.type).toBe('heading');
  });

  it('writes into --db when given, and then the journal is browsable', () => {
    const path = join(box.dir, 'sample.db');
    expect(box.pm(['--db', path, 'demo']).code).toBe(0);
    expect(existsSync(box.db)).toBe(false);
    const ls = box.json(['--db', path, 'ls']);
    expect(ls.length).toBeGreaterThan(10);
    // each record's short reference is its own, and works where an id does (fresh-eyes wave 10 E20:
    // every demo interview was I-000000)
    const hyps = box.json(['--db', path, 'hyp', 'list', '--status', 'all']);
    for (const list of [ls, hyps]) {
      const refs = list.map((r: { ref: string }) => r.ref);
      expect(new Set(refs).size).toBe(refs.length);
    }
    expect(box.json(['--db', path, 'show', ls[3].ref]).id).toBe(ls[3].id);
    expect(box.json(['--db', path, 'show', hyps[1].ref]).id).toBe(hyps[1].id);
  });

  it('each account exists from its first conversation: a past --as-of finds no segment silent before it (E21)', () => {
    const path = join(box.dir, 'sample.db');
    expect(box.pm(['--db', path, 'demo'], { env: { PM_TODAY: '2026-12-10' } }).code).toBe(0);
    const first = (account: string) => box.json(['--db', path, 'ls', '--account', account]).at(-1).date as string;
    // Acme (mid-market), first heard on 2026-11-07, was a silent segment as of the day before
    const before = box.json(['--db', path, 'coverage', '--as-of', '2026-11-06'], { env: { PM_TODAY: '2026-12-10' } });
    expect(first('Acme')).toBe('2026-11-07');
    expect(before.flags.map((f: { subject: string }) => f.subject)).not.toContain('mid-market');
  });

  it('refuses a --db journal that already holds records, and leaves it unchanged', () => {
    const path = join(box.dir, 'mine.db');
    expect(box.pm(['--db', path, 'log', '--with', 'Jane', '--account', 'Acme', '--summary', 'Real call']).code).toBe(0);
    const before = box.json(['--db', path, 'ls']);
    expectUsageError(box.pm(['--db', path, 'demo']));
    expect(box.json(['--db', path, 'ls'])).toEqual(before);
  });
});

describe('exploring the sample', () => {
  it("a call logged into the sample is its PM's: the plain report stays the sample's whole page", () => {
    const path = join(box.dir, 'sample.db');
    const before = box.json(['--db', path, 'demo']);
    box.ok(['--db', path, 'log', '--with', 'Jane Roe', '--account', 'Acme', '--summary', 'Asked about exports']);
    const after = box.json(['--db', path, 'report', '--as-of', before.asOf]);
    expect(after.by).toBeNull();
    expect(after.weekly.streak).toBeGreaterThanOrEqual(before.weekly.streak);
    // every week keeps the sample's conversations
    const direct = (r: any) => r.weekly.weeks.map((w: any) => [w.label, w.direct]);
    for (const [k, [label, n]] of direct(before).entries()) {
      expect(direct(after)[k][0]).toBe(label);
      expect(direct(after)[k][1]).toBeGreaterThanOrEqual(n);
    }
    expect(box.json(['--db', path, 'ls', '--limit', '1'])[0].by).toBe('Dana Lee');
  });
});
