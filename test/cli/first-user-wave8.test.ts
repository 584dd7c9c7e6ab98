// What a first-time user stumbled on (wave 8's fixes of wave 7's findings): themes, wording.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { sandbox, type Sandbox } from '../helpers.js';
import { checkNewAccount } from '../../src/commands/log-interactive.js';
import { UsageError } from '../../src/errors.js';

let box: Sandbox;
beforeEach(() => (box = sandbox()));
afterEach(() => box.cleanup());

describe("the report's themes", () => {
  it("count the accounts' segments, not a contact's copy made when it was created (E9)", () => {
    const log = (who: string, account: string, segment: string) =>
      expect(
        box.pm(['log', '--with', who, '--account', account, '--segment', segment, '--tag', 'billing', '--summary', 'x'])
          .code,
      ).toBe(0);
    log('Raj Patel', 'Globex', 'smb'); // sets Globex's segment and Raj's
    log('Ann Lee', 'Initech', 'enterprise');
    expect(box.pm(['account', 'set', 'Globex', '--segment', 'mid-market']).code).toBe(0);
    const billing = box.json(['report']).themes.find((t: { theme: string }) => t.theme === 'billing');
    expect(billing).toMatchObject({ accounts: 2, segments: ['enterprise', 'mid-market'] });
  });
});

describe('wording (E7)', () => {
  it('pm export --out of one interview says "1 interview"', () => {
    expect(box.pm(['log', '--with', 'Ann Lee', '--account', 'Acme', '--summary', 'x']).code).toBe(0);
    for (const format of ['json', 'csv', 'md']) {
      const r = box.pm(['export', '--format', format, '--out', join(box.dir, `one.${format}`)]);
      expect(r.code, r.err).toBe(0);
      expect(r.err).toContain(`Wrote 1 interview to ${join(box.dir, `one.${format}`)}`);
    }
  });

  it('pm report --as-of tomorrow is a day, not "not a date"; pm log --date tomorrow is in the future', () => {
    expect(box.pm(['log', '--with', 'Ann Lee', '--account', 'Acme', '--summary', 'x']).code).toBe(0);
    expect(box.json(['report', '--as-of', 'tomorrow']).asOf).toBe('2026-11-21');
    const r = box.pm(['log', '--with', 'Ann Lee', '--summary', 'y', '--date', 'tomorrow']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^pm: --date: "tomorrow" is in the future$/m);
  });

  it('the interactive "Which account?" for a new person says what to type when left empty', () => {
    expect(() => checkNewAccount('  ')).toThrow(UsageError);
    try {
      checkNewAccount('');
    } catch (err) {
      expect((err as UsageError).message).toBe('a new person needs their account');
      expect((err as UsageError).hint).toBe('type the organisation they work at, e.g. Acme (a new one is made)');
    }
    expect(checkNewAccount(' Acme ')).toBe('Acme');
  });
});

describe('pm forget of a customer whose name is also a word (E25)', () => {
  it('rewrites the hypotheses their interviews support only where the name is written as one', () => {
    const ok = (...args: string[]) => expect(box.pm(args).code).toBe(0);
    ok('hyp', 'add', 'Finance teams will pay for automatic invoice matching');
    ok('hyp', 'add', 'Teams will switch from spreadsheets once Will Ito sees matching');
    ok(
      ...['log', '--with', 'Will Ito <will@initech.test>', '--account', 'Initech'],
      ...['--summary', 'Will would pay; teams will switch', '--supports', 'H1', '--supports', 'H2'],
    );
    ok('forget', 'Will Ito', '--yes');
    const statements = box.json(['hyp', 'list', '--status', 'all']).map((h: { statement: string }) => h.statement);
    expect(statements).toEqual([
      'Finance teams will pay for automatic invoice matching',
      'Teams will switch from spreadsheets once [forgotten] sees matching',
    ]);
    // their own interview still loses every word of the name, in any case
    expect(box.json(['show', 'I1']).summary).toBe('[forgotten] would pay; teams [forgotten] switch');
  });
});
