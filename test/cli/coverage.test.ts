// pm coverage end to end (in-process): what counts as a customer conversation, the window's edges,
// segments of accounts (switched-off ones left out), personas, stages; text, markdown and JSON;
// and segment-silent, bets and bet-due in pm report.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { logDoomedHypothesis } from '../fixtures/doomed.js';
import { sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => (box = sandbox()));
afterEach(() => box.cleanup());

function ok(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = box.pm(args, { env });
  expect(r.code, `pm ${args.join(' ')}: ${r.err}`).toBe(0);
  return r;
}

/** A small journal: three segments, personas, stages, signals and a stakeholder meeting. */
function journal(): void {
  const log = (...args: string[]) => ok(['log', '--summary', 'talked', ...args]);
  log(
    '--with',
    'Jane Roe',
    '--account',
    'Acme',
    '--persona',
    'finance lead',
    '--stage',
    'adopt',
    '--date',
    '2026-11-18',
  );
  log('--with', 'Raj Patel', '--account', 'Acme', '--persona', 'ops lead', '--stage', 'adopt', '--date', '2026-11-02');
  // two customers in one call: one conversation, two people of one persona
  log(
    '--with',
    'Lena Fox',
    '--with',
    'Leo Fox',
    '--account',
    'Foxworks',
    '--persona',
    'finance lead',
    '--date',
    '2026-10-01',
  );
  // exactly on the window's first day (12 weeks up to 2026-11-20: from 2026-08-29), and the day before
  log('--with', 'Omar Ruiz', '--account', 'Quillco', '--stage', 'evaluate', '--date', '2026-08-29');
  log('--with', 'Omar Ruiz', '--stage', 'discover', '--date', '2026-08-28');
  // not customer conversations: a signal, a stakeholder meeting
  log('--channel', 'support', '--account', 'Northwind', '--stage', 'onboard', '--date', '2026-11-19');
  log(
    '--with',
    'Sam Hale',
    '--account',
    'Our team',
    '--role',
    'stakeholder',
    '--stage',
    'expand',
    '--date',
    '2026-11-19',
  );
  // a lost prospect: its segment has no other account, and is never silent
  log('--with', 'Tom Berg', '--account', 'Lostway', '--role', 'prospect', '--date', '2026-03-01');
  ok(['account', 'set', 'Acme', '--segment', 'mid-market']);
  ok(['account', 'set', 'Foxworks', '--segment', 'smb']);
  ok(['account', 'set', 'Northwind', '--segment', 'SMB']);
  ok(['account', 'set', 'Quillco', '--segment', 'enterprise']);
  ok(['account', 'set', 'Lostway', '--segment', 'public', '--cadence', 'off']);
}

describe('pm coverage', () => {
  it('counts customer conversations in the window per segment, persona and stage, with the last of each', () => {
    journal();
    const c = box.json(['coverage']);
    expect(c.window).toEqual({ start: '2026-08-29', end: '2026-11-20', weeks: 12 });
    expect(c.silentDays).toBe(30);
    expect(c.segments).toEqual([
      {
        segment: 'enterprise',
        conversations: 1,
        accountsHeard: 1,
        accounts: 1,
        lastHeard: '2026-08-29',
        daysSince: 83,
        flags: ['segment-silent'],
      },
      {
        segment: 'mid-market',
        conversations: 2,
        accountsHeard: 1,
        accounts: 1,
        lastHeard: '2026-11-18',
        daysSince: 2,
        flags: [],
      },
      // Foxworks and Northwind: one segment, case aside (spelled as it sorts first); only Foxworks was heard
      {
        segment: 'SMB',
        conversations: 1,
        accountsHeard: 1,
        accounts: 2,
        lastHeard: '2026-10-01',
        daysSince: 50,
        flags: ['segment-silent'],
      },
    ]);
    expect(c.personas).toEqual([
      { persona: 'finance lead', conversations: 2, people: 3, accounts: 2, lastHeard: '2026-11-18', daysSince: 2 },
      { persona: 'ops lead', conversations: 1, people: 1, accounts: 1, lastHeard: '2026-11-02', daysSince: 18 },
      { persona: null, conversations: 1, people: 1, accounts: 1, lastHeard: null, daysSince: null },
    ]);
    expect(c.stages.map((s: any) => [s.stage, s.conversations, s.accounts, s.lastHeard])).toEqual([
      ['discover', 0, 0, '2026-08-28'],
      ['evaluate', 1, 1, '2026-08-29'],
      ['onboard', 0, 0, null],
      ['adopt', 2, 1, '2026-11-18'],
      ['expand', 0, 0, null],
      ['churn', 0, 0, null],
      [null, 1, 1, null],
    ]);
    expect(c.flags.map((f: any) => [f.kind, f.subject])).toEqual([
      ['segment-silent', 'enterprise'],
      ['segment-silent', 'SMB'],
    ]);
  });

  it('--weeks, --since and --as-of move the window; nothing after --as-of counts', () => {
    journal();
    expect(box.json(['coverage', '--weeks', '1']).segments.map((g: any) => g.conversations)).toEqual([0, 1, 0]);
    // the accounts made today (2026-11-20) as their UUIDv7 says, whatever this machine's clock
    const made = new Date('2026-11-20T12:00:00').getTime().toString(16).padStart(12, '0');
    const db = new Database(box.db);
    db.prepare(`UPDATE accounts SET uuid = ? || '-' || ? || '-7000-8000-' || printf('%012d', id)`).run(
      made.slice(0, 8),
      made.slice(8),
    );
    db.close();
    const early = box.json(['coverage', '--as-of', '2026-11-01', '--since', '2026-08-28']);
    // a --since after the window's end names that day, not an --as-of nobody typed (fresh-eyes wave 17 H20)
    for (const args of [['coverage'], ['opportunities']]) {
      const late = box.pm([...args, '--since', '2026-11-19', '--as-of', '2026-11-18']);
      expect(late.code).toBe(2);
      expect(late.err).toContain(
        '--since 2026-11-19 is after 2026-11-18, the day the window ends (--as-of, else today)',
      );
    }
    // as of a past day only the accounts that existed count: Acme (mid-market) and Northwind (SMB)
    // were first heard after 2026-11-01 and made today, so Foxworks spells smb alone
    expect(early.segments.map((g: any) => [g.segment, g.conversations, g.accounts, g.lastHeard])).toEqual([
      ['enterprise', 2, 1, '2026-08-29'],
      ['smb', 1, 1, '2026-10-01'],
    ]);
    // as of 2026-11-01, smb was last heard 31 days before
    expect(early.flags.map((f: any) => f.subject)).toEqual(['enterprise', 'smb']);
  });

  it('prints text and markdown; --check exits 3 on a silent segment, 0 when none is', () => {
    journal();
    const text = ok(['coverage']).out;
    expect(text.split('\n')[0]).toBe(
      'Coverage · 12 weeks (2026-08-29..2026-11-20) · as of 2026-11-20 · customer conversations',
    );
    expect(text).toMatch(/^ {2}SMB +1 {2}1 of 2 {4}2026-10-01 \(50 days ago\) {2}segment-silent$/m);
    expect(text).toMatch(/^ {2}\(no stage\) +1 +1$/m);
    expect(text).toMatch(/^Needs action \(2\)$/m);
    const md = ok(['coverage', '--format', 'md']).out;
    expect(md).toMatch(/^## Segments$/m);
    expect(md).toMatch(/^\| SMB \| 1 \| 1 \| 2 \| 2026-10-01 \| segment-silent \|$/m);
    expect(md).toMatch(/^\| onboard \| 0 \| 0 \| never \|$/m);
    expect(box.pm(['coverage', '--check']).code).toBe(3);
    ok(['config', 'set', 'coverage.silentDays', '90']);
    expect(box.pm(['coverage', '--check']).code).toBe(0);
    expect(ok(['coverage']).out).toMatch(/No silent segment \(silent after 90 days\)/);
  });

  it('on an empty journal says how to start, and creates no file', () => {
    const r = ok(['coverage']);
    expect(r.out).toMatch(/No segments yet: pm account set/);
    expect(r.out).toMatch(/No personas yet/);
    expect(existsSync(box.db)).toBe(false);
  });
});

describe('pm report: segments, bets and confidence', () => {
  it('raises segment-silent among the actionable flags, and --check exits 3 for it alone', () => {
    ok(['log', '--with', 'Jane', '--account', 'Acme', '--summary', 'x', '--date', '2026-11-18']);
    ok(['log', '--with', 'Lena', '--account', 'Foxworks', '--summary', 'x', '--date', '2026-10-21']);
    ok(['account', 'set', 'Acme', '--segment', 'enterprise']);
    ok(['account', 'set', 'Foxworks', '--segment', 'smb', '--cadence', '60']);
    // Foxworks: exactly 30 days, not silent
    let r = box.json(['report']);
    expect(r.segments.map((g: any) => [g.segment, g.daysSince, g.flags])).toEqual([
      ['enterprise', 2, []],
      ['smb', 30, []],
    ]);
    expect(r.flags.map((f: any) => f.kind)).toEqual([]);
    expect(box.pm(['report', '--check']).code).toBe(0);
    r = box.json(['report'], { env: { PM_TODAY: '2026-11-21' } });
    expect(r.flags.map((f: any) => [f.kind, f.subject])).toEqual([['segment-silent', 'smb']]);
    expect(box.pm(['report', '--check'], { env: { PM_TODAY: '2026-11-21' } }).code).toBe(3);
    expect(ok(['report', '--full'], { PM_TODAY: '2026-11-21' }).out).toMatch(
      /segment-silent +smb: no customer conversation for 31 days/,
    );
  });

  it('lists bets apart with the evidence so far; their held flags raise nothing until bet-due', () => {
    // stale, past-decide-by and ready-to-kill as of 2026-11-20
    logDoomedHypothesis(box);
    ok(['log', '--with', 'Jane', '--account', 'Acme', '--summary', 'x', '--date', '2026-11-19']);
    const kinds = (today: string) =>
      box
        .json(['report'], { env: { PM_TODAY: today } })
        .flags.filter((f: any) => f.subject === 'H1')
        .map((f: any) => `${f.kind} ${f.subject}`);
    expect(kinds('2026-11-20')).toEqual(['stale H1', 'past-decide-by H1', 'ready-to-kill H1']);
    ok(['hyp', 'bet', 'H1', '--until', '2026-11-27', '--reason', 'they will come around']);
    for (const day of ['2026-11-20', '2026-11-27']) expect(kinds(day), day).toEqual([]);
    const r = box.json(['report']);
    expect(r.bets).toEqual([
      {
        id: 'H1',
        statement: 'Teams want a weekly digest',
        until: '2026-11-27',
        reason: 'they will come around',
        since: '2026-11-20',
        daysLeft: 7,
        supports: 0,
        refutes: 2,
        customersSupporting: 0,
        customersRefuting: 2,
        lastEvidence: '2026-09-11',
        confidence: { level: 'none', score: 0, refutedAt: 'anecdotal' },
        flags: ['stale', 'past-decide-by', 'ready-to-kill', 'bet'],
      },
    ]);
    // JSON keeps every open hypothesis in unvalidated, with its bet and confidence
    expect(r.hypotheses.unvalidated[0]).toMatchObject({
      id: 'H1',
      bet: { until: '2026-11-27' },
      confidence: { level: 'none' },
    });
    const text = ok(['report', '--full']).out;
    expect(text).toMatch(
      /^Bets \(1\)\n {2}H1 {2}Teams want a weekly digest {2}until 2026-11-27 \(7d left\) {2}\+0 −2 \(0\/2\)/m,
    );
    expect(text).not.toMatch(/^Unvalidated hypotheses \(1\)/m);
    const md = ok(['report', '--format', 'md']).out;
    expect(md).toMatch(
      /^## Bets\n\n- \*\*H1\*\* Teams want a weekly digest — until 2026-11-27 \(held since 2026-11-20\)/m,
    );
    // the day after --until: bet-due, and the held flags count again
    expect(kinds('2026-11-28')).toEqual(['stale H1', 'past-decide-by H1', 'ready-to-kill H1', 'bet-due H1']);
    const due = box.json(['report'], { env: { PM_TODAY: '2026-11-28' } });
    expect(due.flags.at(-1).message).toBe(
      "H1's bet ran until 2026-11-27 (1 day ago): decide it — validate, invalidate or kill — or bet again with a new --until",
    );
    expect(ok(['report', '--full'], { PM_TODAY: '2026-11-28' }).out).toMatch(/due since 2026-11-27/);
    expect(box.pm(['report', '--check'], { env: { PM_TODAY: '2026-11-28' } }).code).toBe(3);
  });

  it('the standup page: a silent segment and a due bet as needs-action lines, the bets as a count', () => {
    ok(['log', '--with', 'Jane', '--account', 'Acme', '--summary', 'x', '--date', '2026-11-18']);
    ok(['log', '--with', 'Lena', '--account', 'Foxworks', '--summary', 'x', '--date', '2026-10-21']);
    ok(['account', 'set', 'Acme', '--segment', 'enterprise']);
    ok(['account', 'set', 'Foxworks', '--segment', 'smb', '--cadence', '60']);
    ok(['hyp', 'add', 'Admins want SSO']);
    ok(['hyp', 'bet', 'H1', '--until', '2026-11-20', '--reason', 'we know the pain']);
    const page = (today: string) => ok(['report'], { PM_TODAY: today, COLUMNS: '120' }).out;
    // on --until and at exactly coverage.silentDays: nothing to do, the bet counted
    let p = page('2026-11-20');
    expect(p).not.toMatch(/Needs action/);
    expect(p).toMatch(/^1 open hypothesis \(1 bet\) · 0 themes {2}→ pm report --full$/m);
    // the day after: both ask for action, each on its line with the command that acts on it
    p = page('2026-11-21');
    expect(p).toMatch(/^Needs action \(2\)$/m);
    expect(p).toMatch(/^ {2}! Decide H1: its bet ran until 2026-11-20 — Admins want SSO {2}→ pm hyp show H1$/m);
    expect(p).toMatch(/^ {2}· No customer conversation in segment smb for 31 days {2}→ pm coverage$/m);
    expect(p).toMatch(/^1 open hypothesis \(1 bet\) · 0 themes {2}→ pm report --full$/m);
    // neither is listed in full on the page: that is pm report --full's
    expect(p).not.toMatch(/^Bets|^Segments/m);
  });

  it('shows each open hypothesis confidence in text, markdown and JSON', () => {
    ok(['hyp', 'add', 'Finance teams will pay for matching']);
    ok(['log', '--with', 'Jane', '--account', 'Acme', '--summary', 'signed', '--supports', 'H1:paid']);
    expect(box.json(['report']).hypotheses.unvalidated[0].confidence).toEqual({
      level: 'commitment',
      score: 5,
      refutedAt: null,
    });
    expect(ok(['report', '--full']).out).toMatch(/^ {2}H1 {2}Finance teams will pay for matching .* commitment /m);
    expect(ok(['report', '--format', 'md']).out).toMatch(/confidence commitment \(score 5 of 5\)/);
  });
});
