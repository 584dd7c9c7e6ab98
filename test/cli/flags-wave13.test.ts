// The standup's flags tell the truth each morning (fresh-eyes wave 13: H5, H11, H13, H17;
// docs/decisions.md, "The standup's flags and periods (wave 13)").
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => (box = sandbox({ today: '2026-12-08' })));
afterEach(() => box.cleanup());

function run(args: string[], today?: string) {
  const r = box.pm(args, today ? { env: { PM_TODAY: today } } : {});
  if (r.code !== 0 && r.code !== 3) throw new Error(`pm ${args.join(' ')} exited ${r.code}: ${r.err}`);
  return r;
}

describe('a customer refuting a hypothesis on the day it was validated (H5)', () => {
  it('raises evidence-after-validate everywhere, and pm log warns', () => {
    run(['hyp', 'add', 'Controllers will pay for auto-matching']);
    run(['log', '--with', 'Jane Roe', '--account', 'Acme', '--summary', 'yes', '--supports', 'H1']);
    run(['hyp', 'validate', 'H1', '--reason', 'standup: enough said']);
    const log = run([
      'log',
      '--with',
      'Lena Fox',
      '--account',
      'Foxworks',
      '--summary',
      'ERP does it',
      '--refutes',
      'H1',
    ]);
    expect(log.err).toContain('H1 is validated ("Controllers will pay for auto-matching") and this refutes it');
    expect(run(['report']).out).toContain('Recheck H1: refuted by I2 since validated');
    const json = JSON.parse(run(['report', '--json']).out);
    expect(json.flags.map((f: { kind: string }) => f.kind)).toEqual(['evidence-after-validate']);
    expect(json.hypotheses.refutedAfterValidation[0].evidenceAfter).toEqual(['I2']);
    expect(box.pm(['report', '--check'], { env: { PM_TODAY: '2026-12-20' } }).code).toBe(3);
    expect(run(['hyp', 'list', '--status', 'all']).out).toContain('evidence-after-validate');
    // the timeline lists the refutation after the validation it came after
    const show = run(['hyp', 'show', 'H1']).out;
    expect(show.indexOf('validated: standup')).toBeLessThan(show.indexOf('I2    refutes'));
  });

  it('a refutation logged before the validation the same day was known: no flag', () => {
    run(['hyp', 'add', 'Controllers will pay for auto-matching']);
    run(['log', '--with', 'Lena Fox', '--account', 'Foxworks', '--summary', 'ERP does it', '--refutes', 'H1']);
    for (const [name, account] of [
      ['Ann A', 'Acme'],
      ['Bob B', 'Globex'],
      ['Cy C', 'Initech'],
    ])
      run(['log', '--with', name, '--account', account, '--summary', 'yes', '--supports', 'H1']);
    run(['hyp', 'validate', 'H1', '--reason', 'three for, one against']);
    expect(box.pm(['report', '--check']).code).toBe(0);
    expect(JSON.parse(run(['report', '--json']).out).flags).toEqual([]);
    expect(run(['hyp', 'list', '--status', 'all']).out).not.toContain('evidence-after');
  });
});

describe('a hypothesis reopened today (H11)', () => {
  it('is not stale on the day it is reopened: its stale clock starts at the reopening', () => {
    run(['hyp', 'add', 'Teams want a Slack digest'], '2026-11-09');
    run(
      ['log', '--with', 'Ana Gómez', '--account', 'Acme', '--summary', 'no digests', '--refutes', 'H1'],
      '2026-11-09',
    );
    run(['hyp', 'kill', 'H1', '--reason', 'nobody wants it'], '2026-12-01');
    run(['hyp', 'reopen', 'H1', '--reason', 'Umbrella asked after all', '--decide-by', '+1w'], '2026-12-08');
    const stale = (today: string) =>
      JSON.parse(run(['report', '--json'], today).out).flags.filter((f: { kind: string }) => f.kind === 'stale');
    expect(stale('2026-12-08')).toEqual([]);
    expect(run(['hyp', 'list']).out).not.toContain('stale');
    // staleDays (14) after the reopening, it is stale again, and says since when
    expect(stale('2026-12-23')).toEqual([
      {
        kind: 'stale',
        subject: 'H1',
        message: 'H1 is stale: no customer evidence since it was reopened for 15 days (stale after 14)',
      },
    ]);
    expect(run(['report'], '2026-12-23').out).toContain('H1');
  });
});
