// A pain typed a letter, a hyphen or a plural off one heard before ranked as its own opportunity without a
// word (fresh-eyes wave 15 H8): pm log names the near twin and the merge that joins them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => {
  box = sandbox({ today: '2026-12-07' });
  box.ok(['log', '--with', 'Raj Patel', '--account', 'Acme', '--summary', 'x', '--pain', 'slow CSV export:high']);
  box.ok(['log', '--with', 'Raj Patel', '--summary', 'y', '--pain', 'manual invoice matching']);
});
afterEach(() => box.cleanup());

describe('pm log with a near twin of a pain heard before', () => {
  it('warns with the merge command, once per new pain, and logs it as typed', () => {
    const r = box.ok([
      'log',
      '--with',
      'Raj Patel',
      '--summary',
      'z',
      '--pain',
      'slow CSV exports:blocker',
      '--pain',
      'manual invoice-matching:high',
      '--pain',
      'Slow  csv export',
      '--pain',
      'SSO setup needs IT',
    ]);
    const warnings = r.err.split('\n').filter((l) => l.startsWith('pm: warning: pain '));
    expect(warnings).toEqual([
      'pm: warning: pain "slow CSV exports" is close to "slow CSV export"; if it is the same: ' +
        'pm opportunity merge "slow CSV exports" "slow CSV export"',
      'pm: warning: pain "manual invoice-matching" is close to "manual invoice matching"; if it is the same: ' +
        'pm opportunity merge "manual invoice-matching" "manual invoice matching"',
    ]);
    expect(box.json(['show', 'last']).pains.map((p: { text: string }) => p.text)).toContain('slow CSV exports');
  });

  it('says nothing for a pain heard before under its own words, merged or not', () => {
    const again = ['log', '--with', 'Raj Patel', '--summary', 'z', '--pain', 'slow CSV exports'];
    expect(box.ok(again).err).toContain('is close to');
    expect(box.ok(again).err).not.toContain('is close to');
    box.ok(['opportunity', 'merge', 'slow CSV exports', 'slow CSV export', '--yes']);
    expect(box.ok(again).err).not.toContain('is close to');
  });
});
