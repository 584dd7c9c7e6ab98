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
