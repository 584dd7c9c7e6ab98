// Every date form of the contract, through the real CLI, with "today" pinned to Friday 2026-11-20.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectUsageError, sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeAll(() => (box = sandbox({ today: '2026-11-20' })));
afterAll(() => box.cleanup());

function logged(extra: string[]) {
  return box.json(['log', '--with', 'Ann Lee', '--account', 'Acme', '--summary', 'dates', ...extra]);
}

describe('--date (when something happened)', () => {
  it.each([
    ['2026-11-03', '2026-11-03'],
    ['today', '2026-11-20'],
    ['yesterday', '2026-11-19'],
    ['mon', '2026-11-16'],
    ['monday', '2026-11-16'],
    ['fri', '2026-11-13'],
    ['Sunday', '2026-11-15'],
    ['3d', '2026-11-17'],
    ['2w', '2026-11-06'],
  ])('%s → %s', (input, want) => {
    expect(logged(['--date', input]).date).toBe(want);
  });

  it('defaults to today', () => {
    expect(logged([]).date).toBe('2026-11-20');
  });
});

describe('--follow-up (a deadline)', () => {
  it.each([
    [['--follow-up', '2026-12-01'], '2026-12-01'],
    [['--follow-up', 'tomorrow'], '2026-11-21'],
    [['--follow-up', 'today'], '2026-11-20'],
    [['--follow-up', 'fri'], '2026-11-27'],
    [['--follow-up', 'mon'], '2026-11-23'],
    [['--follow-up', '+3d'], '2026-11-23'],
    [['--follow-up', '+2w'], '2026-12-04'],
    [['--date', '2026-11-02', '--follow-up', '+1w'], '2026-11-09'],
  ])('%j → %s', (args, want) => {
    expect(logged(args).followUp).toBe(want);
  });
});

// fresh-eyes wave 11 E11: a year typed wrong filed the call where no week or report shows it, silently
describe('a date far from the conversation', () => {
  const log = (extra: string[]) =>
    box.pm(['log', '--with', 'Ann Lee', '--account', 'Acme', '--summary', 'far', ...extra]);

  it('is logged, with a warning naming the pm edit that corrects it', () => {
    const old = log(['--date', '2016-11-20']);
    expect(old.code, old.err).toBe(0);
    const id = /Logged (I\d+)/.exec(old.out)![1];
    expect(old.err).toContain(`pm: warning: ${id} is dated 2016-11-20, 10 years ago; if that is a typo: pm edit ${id}`);
    const ahead = log(['--follow-up', '2062-11-20']);
    expect(ahead.code, ahead.err).toBe(0);
    expect(ahead.err).toMatch(/warning: I\d+'s follow-up is 2062-11-20, 36 years after the conversation/);
  });

  it('within a year either way says nothing', () => {
    for (const args of [
      ['--date', '2025-12-01'],
      // the day before the calls above: one of today, logged after them, would answer their follow-ups
      // (and say so on stderr)
      ['--date', '2026-11-19', '--follow-up', '2027-11-01'],
      ['--date', '2026-01-05', '--follow-up', '+8w'],
    ])
      expect(log(args).err, args.join(' ')).toBe('');
  });
});

describe('bad dates', () => {
  it.each([
    ['--date', '2026-02-31'],
    ['--date', 'tomorrow'],
    ['--date', '+3d'],
    ['--date', 'last tuesday'],
    ['--date', '20261120'],
    ['--follow-up', '3d'],
    ['--follow-up', 'yesterday'],
    ['--follow-up', '2026-13-01'],
  ])('%s %s is a usage error naming the accepted forms, and writes nothing', (flag, value) => {
    const before = box.snapshot();
    const r = box.pm(['log', '--with', 'Ann Lee', '--account', 'Acme', '--summary', 'bad', flag, value]);
    expectUsageError(r);
    expect(r.err).toMatch(/YYYY-MM-DD/);
    expect(box.snapshot()).toBe(before);
  });
});
