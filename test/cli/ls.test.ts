import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { sandbox, expectUsageError, ticketsExport, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => {
  box = sandbox();
  for (const args of [
    [
      '--with',
      'Jane Roe <jane@acme.test>',
      '--account',
      'Acme',
      '--summary',
      'one',
      '--date',
      '2026-11-02',
      '--tag',
      'Export',
      '--by',
      'Dana',
    ],
    [
      '--with',
      'Sam Ng',
      '--account',
      'Globex',
      '--summary',
      'two',
      '--date',
      '2026-11-10',
      '--channel',
      'video',
      '--by',
      'Lee',
    ],
    ['--channel', 'support', '--account', 'Acme', '--summary', 'three', '--date', '2026-11-15', '--tag', 'export'],
    ['--with', 'Jane Roe', '--summary', 'four', '--date', '2026-11-19', '--by', 'dana'],
  ])
    expect(box.pm(['log', ...args]).code).toBe(0);
  const db = new Database(box.db);
  db.exec(`INSERT INTO hypotheses (uuid, statement, created_on, decide_by) VALUES ('h1', 'x', '2026-11-01', '2026-12-01');
           INSERT INTO evidence (hypothesis_id, interview_id, direction, strength) VALUES (1, 2, 'supports', 'medium');`);
  db.close();
});
afterEach(() => box.cleanup());

const ids = (...args: string[]) => box.json(['ls', ...args]).map((r: any) => r.id);

describe('pm ls filters', () => {
  it('each filter of the contract', () => {
    expect(ids()).toEqual(['I4', 'I3', 'I2', 'I1']);
    expect(ids('--since', '2026-11-10')).toEqual(['I4', 'I3', 'I2']);
    expect(ids('--until', '2026-11-10')).toEqual(['I2', 'I1']);
    expect(ids('--since', '2w', '--until', 'mon')).toEqual(['I3', 'I2']);
    expect(ids('--with', 'jane roe')).toEqual(['I4', 'I1']);
    expect(ids('--with', 'JANE@acme.test')).toEqual(['I4', 'I1']);
    expect(ids('--account', 'acme')).toEqual(['I4', 'I3', 'I1']);
    expect(ids('--channel', 'video')).toEqual(['I2']);
    expect(ids('--tag', 'EXPORT')).toEqual(['I3', 'I1']);
    expect(ids('--hypothesis', 'H1')).toEqual(['I2']);
    expect(ids('--by', 'DANA')).toEqual(['I4', 'I1']);
    expect(ids('--limit', '2')).toEqual(['I4', 'I3']);
    expect(ids('--limit', '0')).toEqual(['I4', 'I3', 'I2', 'I1']); // 0: every one, as pm opps and pm tree
    expect(ids('--account', 'Acme', '--tag', 'export', '--since', '2026-11-10')).toEqual(['I3']);
    // an account that is nobody's is a usage error (docs/decisions.md), as an unknown hypothesis id is
    expect(box.pm(['ls', '--account', 'Nobody']).code).toBe(2);
  });

  // fresh-eyes wave 16 H5: four customers called Ivan Xu at four accounts were listed as one person's calls,
  // with no word; pm show names them and refuses, pm ls lists them (exit 0) and says who they are
  it('--with a name several people have lists them all and names them on stderr, with how to list one', () => {
    box.ok(['log', '--with', 'Jane Roe <jane@globex.test>', '--account', 'Globex', '--summary', 'five']);
    box.ok(['log', '--with', 'Jane Roe', '--account', 'Initech', '--summary', 'six', '--role', 'customer']);
    const r = box.ok(['ls', '--with', 'jane roe']);
    expect(r.out.trim().split('\n')).toHaveLength(4);
    expect(r.err.trim()).toBe(
      'pm: warning: "jane roe" is 3 people, listed together: Jane Roe (Acme, jane@acme.test); ' +
        'Jane Roe (Globex, jane@globex.test); Jane Roe (Initech); one of them: pm ls --with jane@acme.test · ' +
        'pm ls --with jane@globex.test · pm ls --with "Jane Roe" --account Initech',
    );
    expect(box.ok(['ls', '--with', 'jane@globex.test']).err).toBe('');
    expect(ids('--with', 'Jane Roe', '--account', 'Initech')).toEqual(['I6']);
    expect(box.ok(['ls', '--with', 'Jane Roe', '--account', 'Initech']).err).toBe('');
    expect(box.ok(['ls', '--with', 'Sam Ng']).err).toBe('');
  });

  // eyes2 wave 11 F1, F3: "a,b" found nothing (one tag no writer can store), "" listed every interview
  it('--tag reads a comma list as pm log writes it (both tags), and refuses an empty one', () => {
    expect(box.pm(['log', '--with', 'Jane Roe', '--summary', 'five', '--tag', 'export,Billing']).code).toBe(0);
    expect(ids('--tag', 'billing,export')).toEqual(['I5']);
    expect(ids('--tag', ' EXPORT , billing ,')).toEqual(['I5']);
    expect(box.pm(['ls', '--tag', 'export,billing']).out).toMatch(/^2026-11-20 I5 .* five$/m);
    expect(ids('--tag', 'export')).toEqual(['I5', 'I3', 'I1']);
    // a tag kept with its comma from before tags split (or an imported file) is still found as written
    const db = new Database(box.db);
    db.prepare("INSERT INTO interview_tags VALUES (2, 0, 'sso,saml', 'sso,saml')").run();
    db.close();
    expect(ids('--tag', 'SSO,saml')).toEqual(['I2']);
    for (const empty of ['', ' , ']) {
      const r = box.pm(['ls', '--tag', empty]);
      expectUsageError(r);
      expect(r.err).toMatch(/pm: --tag is empty/);
      expect(r.out).toBe('');
    }
  });

  it('prints an aligned table without colour when not a terminal, newest first', () => {
    const r = box.pm(['ls']);
    expect(r.code).toBe(0);
    const lines = r.out.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^2026-11-19 I4 +Jane Roe +Acme +call +four$/);
    expect(lines[1]).toMatch(/^2026-11-15 I3 +— +Acme +support +three$/);
    const col = (l: string) => (l.indexOf('Acme') >= 0 ? l.indexOf('Acme') : l.indexOf('Globex'));
    expect(new Set(lines.map(col)).size).toBe(1);
    expect(r.out).not.toMatch(/\u001b/);
  });

  it('cuts long summaries to the width ($COLUMNS when not a terminal); all rows into a pipe and with --json', () => {
    // 51 more rows, the newest ones, in one import (a pm log each would cost ~6 ms a row)
    const doc = ticketsExport(51, { account: 'Acme', date: '2026-11-20', summary: (i) => `${'long '.repeat(40)}${i}` });
    expect(box.pm(['import', '-'], { input: doc }).code).toBe(0);
    const r = box.pm(['ls'], { env: { COLUMNS: '100' } });
    const lines = r.out.trimEnd().split('\n');
    expect(lines).toHaveLength(55);
    for (const l of lines) expect([...l].length).toBeLessThanOrEqual(100);
    expect(lines[0]).toMatch(/…$/);
    expect(box.json(['ls'])).toHaveLength(55);
  });

  it('bad filters are usage errors', () => {
    for (const args of [
      ['--since', 'later'],
      ['--channel', 'fax'],
      ['--hypothesis', 'X'],
      ['--hypothesis', 'H9'],
      ['--limit', 'ten'],
      ['--since', '2026-11-19', '--until', '2026-11-01'],
    ])
      expectUsageError(box.pm(['ls', ...args]));
  });
});
