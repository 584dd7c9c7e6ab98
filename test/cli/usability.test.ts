// Things a new user ran into (a fresh-eyes review of the CLI), kept fixed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectUsageError, sandbox, ticketsExport, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => (box = sandbox({ today: '2026-11-20' })));
afterEach(() => box.cleanup());

const log = (...extra: string[]) =>
  box.json(['log', '--with', 'Ann Lee', '--account', 'Acme', '--summary', 'A call', ...extra]);

describe('last', () => {
  it('is the interview logged most recently, even when it was back-filled with an older date', () => {
    log('--date', '2026-11-19');
    const backfilled = log('--date', '2026-10-15', '--summary', 'Back-filled call');
    expect(box.json(['show', 'last']).id).toBe(backfilled.id);
    expect(box.json(['edit', 'last', '--tag', 'late']).id).toBe(backfilled.id);
  });
});

describe('dates that cannot be right', () => {
  it('a conversation in the future is refused, and nothing is written', () => {
    log();
    const before = box.snapshot();
    const r = box.pm(['log', '--with', 'Ann Lee', '--account', 'Acme', '--summary', 'x', '--date', '2026-12-25']);
    expectUsageError(r);
    expect(r.err).toMatch(/^pm: --date 2026-12-25 is in the future/m);
    expectUsageError(box.pm(['edit', 'I1', '--date', '2026-11-21']));
    expect(box.snapshot()).toBe(before);
  });

  it('a follow-up before the conversation is refused', () => {
    const r = box.pm([
      'log',
      '--with',
      'Ann Lee',
      '--account',
      'Acme',
      '--summary',
      'x',
      '--date',
      '2026-11-10',
      '--follow-up',
      '2026-11-01',
    ]);
    expectUsageError(r);
    expect(r.err).toMatch(/before the conversation \(2026-11-10\)/);
    expect(log('--date', '2026-11-10', '--follow-up', '2026-11-10').followUp).toBe('2026-11-10');
  });
});

describe('output for scripts and pipes', () => {
  it('pm ls into a pipe lists every interview, uncut', () => {
    const long =
      'Exports take an hour every Friday and the finance team rebuilds every invoice by hand in a spreadsheet';
    // 55 rows, more than a terminal's page of 50: one import (a pm log each would cost ~6 ms a row)
    const doc = ticketsExport(55, { account: 'Acme', date: '2026-11-01', summary: (i) => `${long} (${i})` });
    expect(box.pm(['import', '-'], { input: doc }).code).toBe(0);
    const r = box.pm(['ls']);
    expect(r.code).toBe(0);
    const lines = r.out
      .trim()
      .split('\n')
      .filter((l) => /\bI\d+\b/.test(l));
    expect(lines).toHaveLength(55);
    expect(r.out).toContain(`${long} (54)`);
    expect(
      box
        .pm(['ls', '--limit', '5'])
        .out.trim()
        .split('\n')
        .filter((l) => /\bI\d+\b/.test(l)),
    ).toHaveLength(5);
  });

  it('COLUMNS sets the width when the output is not a terminal', () => {
    log('--summary', 'x'.repeat(200));
    const narrow = box.pm(['ls'], { env: { COLUMNS: '60' } });
    for (const line of narrow.out.trim().split('\n')) expect([...line].length).toBeLessThanOrEqual(60);
  });
});

describe('errors point at the right help', () => {
  it('a typo in an option names the command and its help; a missing argument too', () => {
    const r = box.pm(['log', '--sumary', 'x']);
    expectUsageError(r);
    expect(r.err).toMatch(/^pm: unknown option '--sumary' \(Did you mean --summary\?\)$/m);
    expect(r.err).toMatch(/^try: pm log --help$/m);
    expect(r.err.trim().split('\n')).toHaveLength(2);
    const m = box.pm(['config', 'get']);
    expectUsageError(m);
    expect(m.err).toMatch(/^pm: pm config get needs <key>$/m);
    expect(m.err).toMatch(/^try: pm config get --help$/m);
    const u = box.pm(['lgo']);
    expectUsageError(u);
    expect(u.err).toMatch(/Did you mean log\?/);
    expect(u.err).toMatch(/^try: pm --help$/m);
    // an unknown word under a command that has its own (hyp add, hyp list, ...) points at those
    const h = box.pm(['hyp', 'outcome', 'H1', 'killed']);
    expectUsageError(h);
    expect(h.err).toMatch(/unknown command 'outcome'/);
    expect(h.err).toMatch(/^try: pm hyp --help$/m);
  });
});

// wave 12 closing (G6): `pm hyp bet` said "missing required argument 'id'" and pointed at pm hyp --help
describe('a missing argument', () => {
  it.each([
    [
      ['hyp', 'bet'],
      'pm hyp bet needs <id>: the hypothesis, e.g. H7',
      'try: pm hyp list (to see them), or pm hyp bet --help',
    ],
    [['hyp', 'link', '--refutes'], 'pm hyp link needs <id>: the hypothesis, e.g. H7', 'try: pm hyp list (to see them)'],
    [['edit'], 'pm edit needs <interview>: I12, or last', 'try: pm ls (to see them), or pm edit --help'],
    [['contact', 'set'], 'pm contact set needs <contact>', 'try: pm contacts (to see them), or pm contact set --help'],
    [['show'], 'pm show needs <id>', 'try: pm ls, pm hyp list, pm accounts or pm contacts (to see them)'],
    [['sync', 'resolve'], 'pm sync resolve needs <id>', 'try: pm sync conflicts (to see them)'],
  ])('pm %s names it and the command that lists them', (args, message, hint) => {
    const r = box.pm(args);
    expectUsageError(r);
    expect(r.err).toContain(`pm: ${message}`);
    expect(r.err).toContain(hint);
    expect(r.err.trim().split('\n')).toHaveLength(2);
  });
});

describe('pm config unset', () => {
  it('puts a key back to its default', () => {
    expect(box.pm(['config', 'set', 'user.name', 'Dana Lee']).code).toBe(0);
    expect(box.pm(['config', 'set', 'cadence.days', '14']).code).toBe(0);
    expect(box.pm(['config', 'unset', 'user.name']).code).toBe(0);
    expect(box.pm(['config', 'unset', 'cadence.days']).code).toBe(0);
    expect(box.json(['config', 'get', 'user.name'])).toBe(null);
    expect(box.json(['config', 'get', 'cadence.days'])).toBe(7);
    expectUsageError(box.pm(['config', 'unset', 'no.such.key']));
  });
});

describe('typos in names', () => {
  it('an unknown person or account gets a "did you mean" hint', () => {
    log();
    const r = box.pm(['log', '--with', 'Ann Lea', '--summary', 'x']);
    expectUsageError(r);
    expect(r.err).toMatch(/did you mean "Ann Lee"\?/);
    const s = box.pm(['show', 'Acmee']);
    expectUsageError(s);
    expect(s.err).toMatch(/did you mean "Acme"\?/);
    const far = box.pm(['show', 'Zebra Industries']);
    expectUsageError(far);
    expect(far.err).not.toMatch(/did you mean/);
  });

  it('a new contact who shares a name with someone at another account is pointed out', () => {
    log();
    const r = box.pm(['log', '--with', 'Ann Lee', '--account', 'Globex', '--summary', 'x']);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(
      /new contact: Ann Lee \(customer, Globex\) — another Ann Lee is at Acme; if it is the same person: pm contact merge/,
    );
  });
});

describe('pm import with the wrong file', () => {
  it('a journal (SQLite) or a JSON without "format" says what it is', () => {
    log();
    const other = sandbox();
    try {
      expect(other.pm(['init']).code).toBe(0);
      const r = box.pm(['import', other.db]);
      expectUsageError(r);
      expect(r.err).toMatch(/is a SQLite file \(a journal\?\), not a JSON export/);
    } finally {
      other.cleanup();
    }
    const noFormat = box.pm(['import', '-'], { input: '{"version": 1}' });
    expectUsageError(noFormat);
    expect(noFormat.err).toMatch(/has no "format" key: not a pm export/);
  });
});

describe('decisions the evidence does not back are said out loud', () => {
  it('validating against refuting customers, or on too few, and invalidating without any refuting, warn', () => {
    expect(box.pm(['hyp', 'add', 'Teams want faster exports', '--date', '2026-11-01']).code).toBe(0);
    log('--refutes', 'H1');
    const v = box.pm(['hyp', 'validate', 'H1', '--reason', 'gut feeling']);
    expect(v.code).toBe(0);
    expect(v.err).toMatch(/^pm: warning: H1 is validated although 1 customer refutes it$/m);
    expect(box.pm(['hyp', 'add', 'Admins want SSO', '--date', '2026-11-01']).code).toBe(0);
    const few = box.pm(['hyp', 'validate', 'H2', '--reason', 'the boss said so']);
    expect(few.err).toMatch(/H2 is validated on the support of 0 customers \(evidence\.validateAt is 3\)/);
    expect(box.pm(['hyp', 'add', 'A mobile app', '--date', '2026-11-01']).code).toBe(0);
    const inv = box.pm(['hyp', 'invalidate', 'H3', '--reason', 'meh']);
    expect(inv.code).toBe(0);
    expect(inv.err).toMatch(/H3 is invalidated although no customer refutes it/);
    // killing is dropping an idea whatever the evidence: no warning
    expect(box.pm(['hyp', 'add', 'A desktop widget', '--date', '2026-11-01']).code).toBe(0);
    const kill = box.pm(['hyp', 'kill', 'H4', '--reason', 'not our focus']);
    expect(kill.code).toBe(0);
    expect(kill.err).not.toMatch(/warning/);
  });
});
