// What a first-time user read and found wrong (wave 3): each message says what is wrong in words,
// and the help of pm edit describes an edit.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { expectUsageError, sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => {
  box = sandbox();
  expect(
    box.pm(['log', '--with', 'Mia Chen', '--account', 'Acme', '--summary', 'Onboarding', '--date', '2026-09-01']).code,
  ).toBe(0);
  expect(box.pm(['hyp', 'add', 'Finance leads will pay for reconciliation']).code).toBe(0);
});
afterEach(() => box.cleanup());

describe('messages a user can act on', () => {
  it('--notes-file that does not exist: no raw ENOENT', () => {
    const path = join(box.dir, 'nope');
    const r = box.pm(['log', '--with', 'Mia Chen', '--summary', 'x', '--notes-file', path]);
    expectUsageError(r);
    expect(r.err).toContain(`pm: cannot read --notes-file ${path}: no such file`);
    expect(r.err).not.toContain('ENOENT');
    expect(box.pm(['edit', 'I1', '--notes-file', box.dir]).err).toContain(': it is a folder');
  });

  it('config set of a negative number says which numbers are whole numbers here', () => {
    const r = box.pm(['config', 'set', 'cadence.target', '-1']);
    expectUsageError(r);
    expect(r.err).toContain('cadence.target must be a whole number, 0 or more, not "-1"');
    expect(box.pm(['config', 'set', 'cadence.days', '0']).err).toContain('must be a whole number, 1 or more');
  });

  it('a bet deadline before the bet starts says so, without a list of date forms', () => {
    const r = box.pm(['hyp', 'bet', 'H1', '--until', '2026-11-01', '--reason', 'slow buyers']);
    expectUsageError(r);
    expect(r.err).toContain(
      '--until 2026-11-01 is before the bet starts (today, 2026-11-20): it must be that day or after',
    );
    expect(r.err).not.toMatch(/accepted|YYYY/);
  });

  it('pm delete of something that is no id names both kinds it takes', () => {
    const r = box.pm(['delete', 'X1', '--yes']);
    expectUsageError(r);
    expect(r.err).toContain('write it as I12, H3, or last');
  });

  it('an unknown --format reads the same in every command', () => {
    const r = box.pm(['export', '--format', 'pdf']);
    expectUsageError(r);
    expect(r.err).toContain('pm: --format must be md, json, csv or html (got "pdf")');
    expect(box.pm(['opportunities', '--format', 'csv']).err).toContain(
      'pm: --format must be text, md or json (got "csv")',
    );
  });
});

describe('tables and help', () => {
  it('pm config keeps two spaces between a long value and "default"', () => {
    const stages = 'awareness,discover,evaluate,trial,onboard,adopt,expand,renew,churn';
    expect(box.pm(['config', 'set', 'journey.stages', stages]).code).toBe(0);
    const line = box
      .pm(['config'])
      .out.split('\n')
      .find((l) => l.startsWith('journey.stages'))!;
    expect(line).toMatch(/\S {2}default/);
  });

  it('pm accounts and pm contacts say "overdue" under a STATUS header', () => {
    for (const cmd of ['accounts', 'contacts']) {
      const [header, first] = box.pm([cmd]).out.split('\n');
      expect(header).toContain('STATUS');
      expect(first.indexOf('overdue')).toBe(header.indexOf('STATUS'));
    }
  });

  it('pm edit --help lists source among what --clear empties, and no default of pm log', () => {
    const help = box.pm(['edit', '--help']).out;
    expect(help).toMatch(/--clear <field>\s+empty one:[^()]*source[^()]*\(repeatable\)/);
    expect(help).not.toContain('call (default)');
    expect(help).not.toContain('(default today)');
    expect(help).not.toContain('default: user.name');
    expect(box.pm(['log', '--help']).out).toContain('(default today)');
  });
});
