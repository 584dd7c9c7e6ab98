// pm hyp bet / unbet: at most bets.max at once (the next refused, naming the running ones), the
// flags during the bet, on its --until day and after it, and a decision ending it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { logDoomedHypothesis } from '../fixtures/doomed.js';
import { sandbox, expectUsageError, filledOnce, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => (box = sandbox()));
afterEach(() => box.cleanup());

function ok(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = box.pm(args, { env });
  expect(r.code, `pm ${args.join(' ')}: ${r.err}`).toBe(0);
  return r;
}

function refused(args: string[], message: RegExp): string {
  const before = box.snapshot();
  const r = box.pm(args);
  expectUsageError(r);
  expect(r.err).toMatch(message);
  expect(box.snapshot()).toBe(before);
  return r.err;
}

const flagsOn = (id: string, today: string) => box.json(['hyp', 'show', id], { env: { PM_TODAY: today } }).flags;

describe('pm hyp bet', () => {
  it('holds a hypothesis until a deadline, for a reason, since today; JSON bet on the record', () => {
    ok(['hyp', 'add', 'Enterprise admins will pay for SSO', '--date', '2026-11-01']);
    expect(ok(['hyp', 'bet', 'H1', '--until', '+4w', '--reason', 'every lost deal named it']).out).toBe(
      'Betting on H1 until 2026-12-18 (1 of 3 bets) — every lost deal named it\n',
    );
    const rec = box.json(['hyp', 'show', 'H1']);
    expect(rec.bet).toEqual({ until: '2026-12-18', reason: 'every lost deal named it', since: '2026-11-20' });
    expect(rec.flags).toContain('bet');
    expect(box.json(['hyp', 'add', 'Another']).bet).toBeNull();
    expect(ok(['hyp', 'show', 'H1']).out).toMatch(
      /^Bet {8}until 2026-12-18 \(held since 2026-11-20\): every lost deal named it$/m,
    );
    // betting again moves the deadline; it was held since the first day
    expect(ok(['hyp', 'bet', 'H1', '--until', '2027-01-15', '--reason', 'Q1 budgets']).out).toMatch(
      /^Bet on H1 now runs until 2027-01-15 \(was 2026-12-18\), held since 2026-11-20/,
    );
    expect(box.json(['hyp', 'show', 'H1']).bet).toEqual({
      until: '2027-01-15',
      reason: 'Q1 budgets',
      since: '2026-11-20',
    });
    expect(box.sql('SELECT bet_until, bet_since FROM hypotheses WHERE id = 1')).toEqual([
      { bet_until: '2027-01-15', bet_since: '2026-11-20' },
    ]);
  });

  it('refuses the bet past bets.max, naming the running ones, and takes it once one ends', () => {
    for (const s of ['A', 'B', 'C', 'D']) ok(['hyp', 'add', `Belief ${s}`]);
    for (const id of ['H1', 'H2', 'H3']) ok(['hyp', 'bet', id, '--until', '+2w', '--reason', 'conviction']);
    const err = refused(
      ['hyp', 'bet', 'H4', '--until', '+2w', '--reason', 'one more'],
      /3 bets are running already \(bets\.max is 3\): H1 until 2026-12-04 \("Belief A"\), H2 until 2026-12-04 \("Belief B"\), H3/,
    );
    expect(err).toMatch(/pm hyp unbet H1\), or allow more: pm config set bets\.max 4/);
    // betting again on a running one is no new bet
    ok(['hyp', 'bet', 'H2', '--until', '+3w', '--reason', 'still']);
    expect(ok(['hyp', 'unbet', 'H1']).out).toBe('H1 is no longer a bet (held since 2026-11-20, until 2026-12-04)\n');
    ok(['hyp', 'bet', 'H4', '--until', '+2w', '--reason', 'one more']);
    ok(['config', 'set', 'bets.max', '4']);
    ok(['hyp', 'bet', 'H1', '--until', '+2w', '--reason', 'back']);
    expect(box.json(['hyp', 'list']).filter((h: { bet: unknown }) => h.bet !== null)).toHaveLength(4);
  });

  it('takes the bet that reaches bets.max; a due bet keeps its place, a decided one frees it', () => {
    ok(['config', 'set', 'bets.max', '2']);
    for (const s of ['A', 'B', 'C']) ok(['hyp', 'add', `Belief ${s}`]);
    ok(['hyp', 'bet', 'H1', '--until', '2026-11-25', '--reason', 'r']);
    expect(ok(['hyp', 'bet', 'H2', '--until', '+2w', '--reason', 'r']).out).toMatch(/\(2 of 2 bets\)/);
    // H1 is due from 2026-11-26: it still holds its place until it is decided or ended
    const due = { env: { PM_TODAY: '2026-11-26' } };
    expect(box.json(['hyp', 'show', 'H1'], due).flags).toContain('bet-due');
    const r = box.pm(['hyp', 'bet', 'H3', '--until', '+2w', '--reason', 'r'], due);
    expectUsageError(r);
    expect(r.err).toMatch(/2 bets are running already \(bets\.max is 2\): H1 until 2026-11-25/);
    ok(['hyp', 'validate', 'H1', '--reason', 'they paid'], { PM_TODAY: '2026-11-26' });
    ok(['hyp', 'bet', 'H3', '--until', '+2w', '--reason', 'r'], { PM_TODAY: '2026-11-26' });
  });

  it('needs --until and --reason, an open hypothesis, and a deadline not before its start', () => {
    ok(['hyp', 'add', 'Belief', '--date', '2026-11-10']);
    refused(['hyp', 'bet', 'H1'], /needs --until \(the day you will decide\) and --reason/);
    refused(['hyp', 'bet', 'H1', '--until', '+2w'], /needs --reason/);
    refused(
      ['hyp', 'bet', 'H1', '--until', '2026-11-19', '--reason', 'x'],
      /--until 2026-11-19 is before the bet starts/,
    );
    refused(['hyp', 'bet', 'H1', '--until', '3d', '--reason', 'x'], /--until/);
    refused(['hyp', 'bet', 'H1', '--until', '+2w', '--reason', 'x', '--date', '2026-11-01'], /created on 2026-11-10/);
    refused(['hyp', 'bet', 'H9', '--until', '+2w', '--reason', 'x'], /unknown hypothesis H9/);
    ok(['hyp', 'kill', 'H1', '--reason', 'no']);
    refused(
      ['hyp', 'bet', 'H1', '--until', '+2w', '--reason', 'x'],
      /H1 is killed; only an open hypothesis can be a bet/,
    );
    refused(['hyp', 'unbet', 'H1'], /H1 is not a bet/);
  });
});

describe('the flags of a bet, by day', () => {
  // stale, past-decide-by and ready-to-kill as of 2026-11-20, a bet from 2026-11-10 to 2026-11-30:
  // made by the first test, copied for the others (filledOnce)
  const bet = filledOnce(() => {
    logDoomedHypothesis(box);
    ok([
      'hyp',
      'bet',
      'H1',
      '--until',
      '2026-11-30',
      '--reason',
      'they will change their minds',
      '--date',
      '2026-11-10',
    ]);
  });
  beforeEach(() => bet(box));

  it('before it starts: the flags as they were', () => {
    expect(flagsOn('H1', '2026-11-09')).toEqual(['stale', 'past-decide-by', 'ready-to-kill']);
    expect(box.json(['hyp', 'show', 'H1'], { env: { PM_TODAY: '2026-11-09' } }).bet).toBeNull();
  });

  it('during it and on --until: the same flags, marked bet', () => {
    for (const day of ['2026-11-10', '2026-11-20', '2026-11-30'])
      expect(flagsOn('H1', day), day).toEqual(['stale', 'past-decide-by', 'ready-to-kill', 'bet']);
  });

  it('the day after --until: bet-due', () => {
    expect(flagsOn('H1', '2026-12-01')).toEqual(['stale', 'past-decide-by', 'ready-to-kill', 'bet-due']);
    expect(ok(['hyp', 'show', 'H1'], { PM_TODAY: '2026-12-01' }).out).toMatch(/^Bet {8}due since 2026-11-30/m);
  });

  it('a decision ends the bet, and says so', () => {
    const r = ok(['hyp', 'kill', 'H1', '--reason', 'they did not'], { PM_TODAY: '2026-12-02' });
    expect(r.err).toMatch(/The bet on H1 \(held since 2026-11-10, until 2026-11-30\) ends with it/);
    expect(box.sql('SELECT bet_until FROM hypotheses')).toEqual([{ bet_until: null }]);
    ok(['hyp', 'reopen', 'H1', '--reason', 'new evidence'], { PM_TODAY: '2026-12-03' });
    expect(flagsOn('H1', '2026-12-03')).not.toContain('bet-due');
  });
});
