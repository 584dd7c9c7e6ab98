// The own report of a journal holding a teammate's calls (fresh-eyes wave 19 H16): segment silence is
// about whom the product heard, so it is judged on everyone's customer conversations, as pm coverage
// judges it; an account going cold stays the user's own, and its line says so and names the
// teammate's later call.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => {
  box = sandbox({ today: '2026-12-07' });
});
afterEach(() => box.cleanup());

/** Pat's calls, exported and imported into the sandbox's journal, where Dana logs. */
function patsCalls(calls: string[][]): void {
  const pat = ['--db', join(box.dir, 'pat.db')];
  box.ok([...pat, 'config', 'set', 'user.name', 'Pat']);
  for (const call of calls) box.ok([...pat, 'log', ...call]);
  const file = join(box.dir, 'pat.json');
  box.ok([...pat, 'export', '--format', 'json', '--out', file]);
  box.ok(['import', file]);
}

describe("the own report's segments and accounts going cold", () => {
  beforeEach(() => {
    box.ok(['config', 'set', 'user.name', 'Dana']);
    box.ok([
      'log',
      '--with',
      'Sam Small',
      '--account',
      'SmallCo',
      '--segment',
      'smb',
      '--summary',
      's',
      '--date',
      '2026-12-04',
    ]);
  });

  it('judges a segment a teammate heard last week as heard, as pm coverage does; --check agrees', () => {
    patsCalls(
      ['2026-11-10', '2026-11-20', '2026-12-01'].map((date) => [
        '--with',
        'Eve Ent',
        '--account',
        'BigCo',
        '--segment',
        'enterprise',
        '--summary',
        'e',
        '--date',
        date,
      ]),
    );
    const page = box.ok(['report']).out;
    expect(page).toContain("by Dana (yours; the team's: pm report --team)");
    expect(page).not.toMatch(/segment enterprise/);
    expect(box.json(['report']).flags.map((f: { kind: string }) => f.kind)).not.toContain('segment-silent');
    expect(box.pm(['report', '--check']).code).toBe(0);
    expect(box.pm(['coverage', '--check']).code).toBe(0);
  });

  it('still flags a segment nobody heard for 30 days, in words that are not about the user', () => {
    patsCalls([
      ['--with', 'Mo Mid', '--account', 'MidCo', '--segment', 'mid-market', '--summary', 'm', '--date', '2026-10-20'],
    ]);
    const r = box.json(['report']);
    expect(r.own).toBe(true);
    expect(r.flags).toContainEqual({
      kind: 'segment-silent',
      subject: 'mid-market',
      message:
        'mid-market: no customer conversation for 48 days, since 2026-10-20 (1 account; silent after 30; pm coverage)',
    });
    expect(box.ok(['report']).out).toMatch(
      /^ {2}· No customer conversation in segment mid-market for 48 days {2}→ pm coverage$/m,
    );
    expect(box.pm(['report', '--check']).code).toBe(3);
    expect(box.pm(['coverage', '--check']).code).toBe(3);
  });

  it("keeps an account the user has not called going cold, and names the teammate's later call", () => {
    box.ok(['log', '--with', 'Kim Park', '--account', 'Initech', '--summary', 'k', '--date', '2026-10-29']);
    patsCalls([['--with', 'Kim Park', '--account', 'Initech', '--summary', 'k2', '--date', '2026-12-02']]);
    expect(box.ok(['report']).out).toMatch(
      /^ {2}· Initech is going cold: no conversation of yours for 39 days \(Pat: 5 days ago\) {2}→ pm show Initech$/m,
    );
    expect(box.pm(['report', '--check']).code).toBe(3);
  });
});
