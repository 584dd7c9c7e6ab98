// A shared journal's references and the team view (issue 19): `I-7f3a9c`/`H-0b12cd` are accepted
// wherever a display id is, and `pm report --team` shows each person against the target.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, expectUsageError, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => {
  box = sandbox();
  for (const [by, who, date] of [
    ['Dana', 'Jane Roe <jane@acme.test>', '2026-11-17'],
    ['Dana', 'Bo Li', '2026-11-18'],
    ['Eli', 'Kim Oh', '2026-11-19'],
    ['Fay', 'Lee Park', '2026-11-03'],
  ])
    expect(
      box.pm(['log', '--with', who, '--account', 'Acme', '--summary', `${by} met ${who}`, '--by', by, '--date', date])
        .code,
    ).toBe(0);
  expect(box.pm(['hyp', 'add', 'Finance teams want faster exports']).code).toBe(0);
});
afterEach(() => box.cleanup());

describe('references from UUIDs', () => {
  it('are in every record and accepted wherever an id is: show, edit, delete, hyp, ls, log --supports', () => {
    const [i] = box.json(['ls']).filter((r: { id: string }) => r.id === 'I2');
    const [h] = box.json(['hyp', 'list']);
    expect(i.ref).toBe(`I-${i.uuid.slice(-12, -6)}`);
    expect(h.ref).toBe(`H-${h.uuid.slice(-12, -6)}`);
    expect(box.json(['show', i.ref]).id).toBe('I2');
    expect(box.json(['show', h.ref]).id).toBe('H1');
    expect(box.pm(['hyp', 'link', h.ref, i.ref, '--supports']).code).toBe(0);
    expect(box.json(['ls', '--hypothesis', h.ref]).map((r: { id: string }) => r.id)).toEqual(['I2']);
    expect(box.pm(['edit', i.ref.toUpperCase().replace('I-', 'i-'), '--summary', 'edited by reference']).code).toBe(0);
    expect(box.json(['show', 'I2']).summary).toBe('edited by reference');
    expect(box.pm(['log', '--with', 'Jane Roe', '--summary', 'again', '--supports', `${h.ref}:strong`]).code).toBe(0);
    expect(box.json(['show', 'last']).evidence).toEqual([
      { hypothesis: 'H1', direction: 'supports', strength: 'strong', basis: 'said' },
    ]);
    expectUsageError(box.pm(['show', 'I-ffffff']));
    expect(box.pm(['show', 'I-ffffff']).err).toMatch(/unknown interview I-ffffff/);
    expect(box.pm(['delete', i.ref, '--yes']).code).toBe(0);
    expect(box.json(['ls']).map((r: { id: string }) => r.id)).not.toContain('I2');
  });

  it("on a journal that syncs, says a reference it does not hold may be a teammate's not pulled yet", () => {
    // a solo journal: the usual hint
    expect(box.pm(['log', '--with', 'Bo Li', '--summary', 'x', '--supports', 'H-77785f']).err).toMatch(
      /try: pm hyp list --status all/,
    );
    // what pm sync init writes: the journal now syncs
    const db = new Database(box.db);
    db.prepare("INSERT INTO sync_remote (id, url) VALUES (1, 'postgres://x@127.0.0.1:1/n')").run();
    db.close();
    const before = box.snapshot();
    const r = box.pm(['log', '--with', 'Bo Li', '--summary', 'Bo needs SCIM too', '--supports', 'H-77785f']);
    expectUsageError(r);
    expect(r.err).toMatch(/unknown hypothesis H-77785f/);
    expect(r.err).toMatch(/not here yet: a teammate's\? run pm sync, then the same command/);
    expect(box.snapshot()).toEqual(before);
    expect(box.pm(['show', 'I-ffffff']).err).toMatch(/run pm sync, then the same command/);
  });
});

describe('pm report --team', () => {
  it("shows each person's customer conversations against the target, and who had none this week", () => {
    const r = box.json(['report', '--team']);
    expect(r.team).toMatchObject({ direct: 3, target: 3, met: true, silent: ['Fay'] });
    expect(r.team.members.map((m: { by: string; direct: number; met: boolean }) => [m.by, m.direct, m.met])).toEqual([
      ['Dana', 2, true],
      ['Eli', 1, true],
      ['Fay', 0, false],
    ]);
    const text = box.pm(['report', '--team']).out;
    expect(text).toMatch(/^Team$/m);
    expect(text).toMatch(/No customer conversation this period: Fay/);
    expect(box.pm(['report', '--team', '--format', 'md']).out).toMatch(/^## Team$/m);
    // --by stays one person's report; both at once is a usage error
    expect(box.json(['report', '--by', 'Eli']).contact.direct).toBe(1);
    expectUsageError(box.pm(['report', '--team', '--by', 'Eli']));
    // the HTML page has the Team section too (fresh-eyes wave 15 H11)
    expect(box.pm(['report', '--team', '--format', 'html']).out).toContain('<section id="team"><h2>Team</h2>');
  });
});

describe('--by a name nobody holds conversations under', () => {
  it('is a typo: exit 2 with the nearest interviewer, not an empty list or a report OVERDUE forever', () => {
    const before = box.snapshot();
    for (const args of [
      ['report', '--by', 'Dama'],
      ['report', '--by', 'Dama', '--check'],
      ['ls', '--by', 'Dama'],
    ]) {
      const r = box.pm(args);
      expectUsageError(r);
      expect(r.err).toMatch(/pm: nobody named "Dama" has held a conversation in this journal/);
      expect(r.err).toMatch(/did you mean "Dana"\?/);
    }
    expect(box.pm(['report', '--by', 'Zed']).err).toMatch(/try: pm report --team/);
    expect(box.snapshot()).toBe(before);
    // case aside, as --by matches; Fay had none this week but has held conversations; the user's
    // own name (the sandbox's OS user) before they logged anything
    expect(box.json(['report', '--by', 'dana']).contact.direct).toBe(2);
    // and named as the journal writes them, in every format (fresh-eyes wave 16 H11: "by dana" in a cron's header)
    expect(box.json(['report', '--by', 'dana']).by).toBe('Dana');
    expect(box.pm(['report', '--by', 'dana']).out.split('\n')[0]).toMatch(/· by Dana$/);
    expect(box.json(['report', '--by', 'Fay']).contact.direct).toBe(0);
    expect(box.pm(['report', '--by', 'tester']).code).toBe(0);
    expect(box.pm(['ls', '--by', 'tester']).code).toBe(0);
    expect(box.json(['ls', '--by', 'ELI']).map((r: { id: string }) => r.id)).toEqual(['I3']);
  });

  it('matches a name with letters beyond A-Z in any case, as contacts are (fresh-eyes wave 17 H6)', () => {
    box.ok([
      'log',
      '--with',
      'Ann Ash',
      '--account',
      'Acme',
      '--summary',
      'x',
      '--by',
      'Tomás Ñúñez',
      '--date',
      '2026-11-18',
    ]);
    for (const name of ['tomás ñúñez', 'TOMÁS ÑÚÑEZ']) {
      expect(box.json(['report', '--by', name]).by).toBe('Tomás Ñúñez');
      expect(box.json(['report', '--by', name]).contact.direct).toBe(1);
      expect(box.json(['ls', '--by', name]).map((r: { id: string }) => r.id)).toEqual(['I5']);
    }
  });
});

describe('pm sync before it is set up', () => {
  it('is a usage error with the way to set it up; status says so; a bad URL is refused', () => {
    const r = box.pm(['sync']);
    expectUsageError(r);
    expect(r.err).toMatch(/pm sync init URL/);
    expect(box.pm(['sync', 'status']).out).toMatch(/Not connected to a database/);
    expect(box.json(['sync', 'status'])).toEqual({ url: null });
    expectUsageError(box.pm(['sync', 'init', 'mysql://db.example.com/x']));
    expectUsageError(box.pm(['sync', 'resolve', '7', 'kept']));
    expectUsageError(box.pm(['sync', 'resolve', '1', 'mine']));
    expect(box.json(['sync', 'conflicts'])).toEqual([]);
  });
});

describe('pm report --team on a Tuesday and for a past week (wave 12 G1)', () => {
  it('judges each person and the team by the page’s own pace: on track early in the week, not met once it is over', () => {
    const tue = sandbox({ today: '2026-11-17' });
    try {
      expect(tue.pm(['config', 'set', 'cadence.target', '2']).code).toBe(0);
      // Pat talked to two customers last week and none yet this week; Dana to two this Monday, and to one
      // the week before last, so she was on the team last week (who held a conversation in the 8 weeks
      // up to its end: review wave 18 H8)
      for (const [by, who, date] of [
        ['Dana', 'Ann Ek', '2026-11-03'],
        ['Pat', 'Jane Roe', '2026-11-10'],
        ['Pat', 'Bo Li', '2026-11-12'],
        ['Dana', 'Kim Oh', '2026-11-16'],
        ['Dana', 'Lee Park', '2026-11-16'],
      ])
        expect(
          tue.pm(['log', '--with', who, '--account', 'Acme', '--summary', 'call', '--by', by, '--date', date]).code,
        ).toBe(0);
      // Tuesday: two a week is none due yet (floor(2 × 2 ÷ 7)), so Pat is on track, as `--by Pat` says
      expect(tue.json(['report', '--by', 'Pat']).contact.behind).toBe(false);
      const team = tue.json(['report', '--team']).team;
      expect(team.members.map((m: { by: string; met: boolean; behind: boolean }) => [m.by, m.met, m.behind])).toEqual([
        ['Dana', true, false],
        ['Pat', false, false],
      ]);
      expect(team).toMatchObject({ direct: 2, target: 4, met: false, behind: false, over: false });
      const text = tue.pm(['report', '--team']).out;
      expect(text).toMatch(/team target 4 \(2 × 2\): on track/);
      expect(text).toMatch(/^ {2}Pat +0\/2 +on track /m);
      expect(text).not.toMatch(/behind|not met/);
      expect(tue.pm(['report', '--team', '--format', 'md']).out).toMatch(/\| Pat \| 0 \| 2 \| on track \|/);
      // the week before, judged whole: Pat met it, Dana had none in it
      const last = tue.pm(['report', '--team', '--week', 'last']).out;
      expect(last).toMatch(/team target 4 \(2 × 2\): not met/);
      expect(last).toMatch(/^ {2}Dana +0\/2 +not met /m);
      expect(last).toMatch(/^ {2}Pat +2\/2 +met /m);
    } finally {
      tue.cleanup();
    }
  });
});

// review wave 12 R8: the team's due was the floor of its whole target (floor(8 × 2 ÷ 7) = 2 with four
// people at two a week on a Tuesday), so the team was "behind" while the page and every person were on track
it("pm report --team: a team is due the sum of its people's dues", () => {
  const tue = sandbox({ today: '2026-11-17' });
  try {
    expect(tue.pm(['config', 'set', 'cadence.target', '2']).code).toBe(0);
    for (const [by, who] of [
      ['Pat', 'Jane Roe'],
      ['Dana', 'Bo Li'],
      ['Lee', 'Kim Oh'],
      ['Sam', 'Lee Park'],
    ])
      expect(
        tue.pm(['log', '--with', who, '--account', 'Acme', '--summary', 'call', '--by', by, '--date', '2026-11-10'])
          .code,
      ).toBe(0);
    const r = tue.json(['report', '--team']);
    expect(r.verdict).toBe('on track');
    expect(r.team.members.map((m: { behind: boolean }) => m.behind)).toEqual([false, false, false, false]);
    expect(r.team).toMatchObject({ target: 8, direct: 0, behind: false, met: false });
    expect(tue.pm(['report', '--team']).out).toMatch(/team target 8 \(4 × 2\): on track/);
  } finally {
    tue.cleanup();
  }
});

describe('pm report --team with no journal (review wave 14 R6)', () => {
  it('says there is no journal and judges nobody: no "met", no "Everyone talked to a customer"', () => {
    const none = join(box.dir, 'none.db');
    for (const format of ['text', 'md']) {
      const r = box.pm(['--db', none, 'report', '--team', '--format', format]);
      expect(r.code).toBe(0);
      expect(r.err).toMatch(`pm: no journal at ${none} yet`);
      expect(r.out).toMatch(/Nobody has logged a conversation in the last 8 weeks\.\n/);
      expect(r.out).not.toMatch(/met|Everyone talked/);
    }
    // --check's rule (H18): nothing to check is exit 1, not a cheerful 0
    const check = box.pm(['--db', none, 'report', '--team', '--check']);
    expect(check.code).toBe(1);
    expect(check.err).toMatch('nothing to check');
    expect(existsSync(none)).toBe(false);
  });
});
