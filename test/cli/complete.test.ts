// `pm __complete KINDS [PREFIX]`: the journal's values the completion scripts offer, one a line with
// what each is about (issue 20). Run in-process, through the same run() as every command.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;

function pm(...args: string[]) {
  const r = box.pm(args);
  if (r.code !== 0) throw new Error(`pm ${args.join(' ')}: ${r.err}`);
}

/** `pm __complete ARGS` as [value, description] pairs. */
function complete(...args: string[]): string[][] {
  const r = box.pm(['__complete', ...args]);
  expect(r.code, r.err).toBe(0);
  expect(r.err).toBe('');
  return r.out
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split('\t'));
}

const values = (...args: string[]) => complete(...args).map(([v]) => v);

beforeAll(() => {
  box = sandbox();
  pm('log', '--with', 'Jane Roe <jane@acme.test>', '--account', 'Acme Corp', '--summary', 'Exports take an hour');
  pm(
    'log',
    ...['--with', 'Raj Patel', '--account', 'Globex', '--role', 'prospect', '--segment', 'enterprise'],
    ...['--persona', 'it admin', '--summary', 'Wants SSO', '--tag', 'Security', '--tag', 'pricing'],
  );
  pm(
    'log',
    '--with',
    'Mallory',
    '--account',
    'Evil\u001b[31m Corp',
    '--summary',
    'evil \u001b]0;pwned\u0007 text\u202e',
  );
  pm('log', '--with', 'Jane Roe', '--summary', 'Pricing call', '--tag', 'security', '--date', 'yesterday');
  pm('hyp', 'add', 'Finance teams want itemised invoices', '--tag', 'billing');
  pm('hyp', 'add', 'Admins will pay for SSO');
  pm('hyp', 'add', 'Line one\nline two');
  pm('hyp', 'kill', 'H2', '--reason', 'nobody asked');
  pm('hyp', 'bet', 'H3', '--until', '+4w', '--reason', 'early days');
  pm('forget', 'Mallory', '--yes');
});
afterAll(() => box.cleanup());

describe('pm __complete', () => {
  it('hypothesis ids, newest first, with their statements on one line; decided ones say so', () => {
    expect(complete('hypothesis')).toEqual([
      ['H3', 'Line one line two'],
      ['H2', 'killed · Admins will pay for SSO'],
      ['H1', 'Finance teams want itemised invoices'],
    ]);
    expect(values('hypothesis.open')).toEqual(['H3', 'H1']);
    expect(values('hypothesis.decided')).toEqual(['H2']);
    expect(values('hypothesis.bet')).toEqual(['H3']);
  });

  it('interview ids with date, account and summary, and last first', () => {
    const got = complete('interview');
    expect(got[0]).toEqual(['last', 'I4 · 2026-11-19 · Acme Corp · Pricing call']);
    expect(got.slice(1).map(([v]) => v)).toEqual(['I4', 'I3', 'I2', 'I1']);
    expect(got[4]).toEqual(['I1', '2026-11-20 · Acme Corp · Exports take an hour']);
  });

  it('on a journal pm has not upgraded to schema 32 yet: last is the newest interview, and the ids are there (R1)', () => {
    const old = join(box.dir, 'schema-31.db');
    const db = new Database(box.db, { readonly: true });
    db.prepare('VACUUM INTO ?').run(old);
    db.close();
    const o = new Database(old);
    o.exec('DROP TABLE logged_here');
    o.pragma('user_version = 31');
    o.close();
    const r = box.pm(['__complete', '--db', old, 'interview', '']);
    expect(r.code, r.err).toBe(0);
    expect(
      r.out
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split('\t')[0]),
    ).toEqual(['last', 'I4', 'I3', 'I2', 'I1']);
    expect(r.out).toMatch(/^last\tI4 /);
  });

  it('a prefix narrows ids (any case, with or without the letter) and names (a word of them)', () => {
    expect(values('hypothesis', 'h1')).toEqual(['H1']);
    expect(values('interview', '2')).toEqual(['I2']);
    expect(values('interview', 'la')).toEqual(['last']);
    expect(values('interview', 'x')).toEqual([]);
    expect(values('contact', 'ja')).toEqual(['Jane Roe']);
    expect(values('contact', 'Pat')).toEqual(['Raj Patel']);
    expect(values('account', 'corp')).toEqual(['Acme Corp']);
    expect(values('tag', 'S')).toEqual(['Security']);
    // a LIKE wildcard is a character like any other
    expect(values('contact', '%')).toEqual([]);
  });

  it('contacts with their account (and role), never an erased one; accounts; tags once each', () => {
    expect(complete('contact')).toEqual([
      ['Jane Roe', 'Acme Corp'],
      ['Raj Patel', 'Globex · prospect'],
    ]);
    expect(values('account')).toContain('Acme Corp');
    expect(values('tag')).toEqual(['billing', 'pricing', 'Security']);
    expect(values('segment')).toEqual(['enterprise']);
    expect(values('persona')).toEqual(['it admin']);
  });

  it('sources of signals; a signal from a source alone shows its source where an account would be', () => {
    const b = sandbox();
    try {
      for (const source of ['Capterra', 'NPS survey', 'capterra'])
        expect(b.pm(['log', '--channel', 'review', '--source', source, '--summary', 'Too pricey']).code).toBe(0);
      const r = b.pm(['__complete', 'source,interview']);
      expect(r.out.split('\n')).toEqual([
        'Capterra',
        'NPS survey',
        'last\tI3 · 2026-11-20 · capterra · Too pricey',
        'I3\t2026-11-20 · capterra · Too pricey',
        'I2\t2026-11-20 · NPS survey · Too pricey',
        'I1\t2026-11-20 · Capterra · Too pricey',
        '',
      ]);
    } finally {
      b.cleanup();
    }
  });

  it('opportunities: the named ones, then the newest pains, one spelling each, a word of them matching', () => {
    const b = sandbox();
    try {
      const log = (...pains: string[]) =>
        expect(
          b.pm(['log', '--with', 'Ann', '--account', 'A', '--summary', 's', ...pains.flatMap((p) => ['--pain', p])])
            .code,
        ).toBe(0);
      log('Slow CSV export:high', 'manual invoice matching');
      log('slow  csv export');
      expect(b.pm(['opportunity', 'rename', 'manual invoice matching', 'Invoice matching']).code).toBe(0);
      // a named one is described by the hypotheses addressing it, not as "named" (fresh-eyes wave 15 H15)
      // and every value has its tab, as every kind's (fresh-eyes wave 16 H11)
      expect(b.pm(['__complete', 'opportunity']).out).toBe(
        'Invoice matching\tno hypothesis yet\nslow  csv export\tno hypothesis yet\n' +
          'manual invoice matching\tno hypothesis yet\n',
      );
      expect(b.pm(['hyp', 'add', 'Finance teams want matching done for them', '--for', 'Invoice matching']).code).toBe(
        0,
      );
      expect(b.pm(['hyp', 'add', 'Finance teams pay for matching', '--for', 'Invoice matching']).code).toBe(0);
      expect(b.pm(['__complete', 'opportunity', 'inv']).out).toBe(
        'Invoice matching\thypotheses H1, H2\nmanual invoice matching\tno hypothesis yet\n',
      );
      const r = b.pm(['__complete', 'opportunity', 'CSV']);
      expect(r.out).toBe('slow  csv export\tno hypothesis yet\n');
    } finally {
      b.cleanup();
    }
  });

  it('a name two contacts share is offered as each one is typed, "Name (Account)", which pm takes', () => {
    const b = sandbox();
    try {
      for (const [who, at, summary] of [
        ['Jane Roe', 'Acme', 'acme call'],
        ['jane roe', 'Beta', 'beta call'],
        ['Janet Wu', 'Acme', 'wu call'],
      ])
        expect(b.pm(['log', '--with', who, '--account', at, '--summary', summary]).code).toBe(0);
      expect(b.pm(['__complete', 'contact', 'ja']).out).toBe(
        'Jane Roe (Acme)\tcustomer\njane roe (Beta)\tcustomer\nJanet Wu\tAcme\n',
      );
      // each value the shell inserts names one person wherever a contact is completed
      const shown = b.pm(['show', 'jane roe (Beta)']);
      expect(shown.code, shown.err).toBe(0);
      expect(shown.out).toContain('beta call');
      expect(shown.out).not.toContain('acme call');
      const listed = b.pm(['ls', '--with', 'Jane Roe (Acme)']);
      expect(listed.code, listed.err).toBe(0);
      expect(listed.out).toContain('acme call');
      expect(listed.out).not.toContain('beta call');
      expect(listed.err).toBe('');
      expect(b.pm(['log', '--with', 'jane roe (Beta)', '--summary', 'again']).out).toContain('with jane roe (Beta)');
      // one erased leaves the other alone with the name: the bare name again
      expect(b.pm(['forget', 'Jane Roe (Acme)', '--yes']).code).toBe(0);
      expect(b.pm(['__complete', 'contact', 'ja']).out).toBe('jane roe\tBeta\nJanet Wu\tAcme\n');
    } finally {
      b.cleanup();
    }
  });

  it('stages follow the setting journey.stages', () => {
    expect(values('stage')).toEqual(['discover', 'evaluate', 'onboard', 'adopt', 'expand', 'churn']);
    pm('config', 'set', 'journey.stages', 'trial, paid');
    expect(values('stage')).toEqual(['trial', 'paid']);
    expect(values('stage', 'P')).toEqual(['paid']);
    pm('config', 'unset', 'journey.stages');
  });

  it('several kinds at once, in the order asked', () => {
    expect(values('hypothesis,account', 'G')).toEqual(['Globex']);
    expect(values('interview,hypothesis', '1')).toEqual(['I1', 'H1']);
  });

  it('stored text never reaches the terminal raw: no escape or control character in any line', () => {
    const all = box.pm(['__complete', 'interview,hypothesis,contact,account,tag']).out;
    expect(all).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/);
    // the erased person's account keeps its name, its escape sequence made harmless
    expect(all).toMatch(/^I3\t2026-11-20 · Evil \[31m Corp · evil ]0;pwned text$/m);
    // the account's name holds an escape character: it cannot be offered to be typed
    expect(values('account')).not.toContain('Evil\u001b[31m Corp');
  });

  it('reads the journal --db names, else $PM_DB; a missing one offers nothing and is not created', () => {
    const other = join(box.dir, 'other.db');
    pm('--db', other, 'hyp', 'add', 'Elsewhere');
    expect(values('--db', other, 'hypothesis')).toEqual(['H1']);
    expect(values(`--db=${other}`, 'hypothesis')).toEqual(['H1']);
    const missing = join(box.dir, 'none', 'j.db');
    const r = box.pm(['__complete', 'hypothesis'], { env: { PM_DB: missing } });
    expect(r).toEqual({ code: 0, out: '', err: '' });
    expect(existsSync(missing)).toBe(false);
  });

  it('a file that is no journal, a folder or an empty file: nothing on stdout or stderr', () => {
    const junk = join(box.dir, 'junk.db');
    writeFileSync(junk, 'not sqlite at all, just text that is long enough to be a header of something');
    const folder = join(box.dir, 'folder');
    mkdirSync(folder);
    const empty = join(box.dir, 'empty.db');
    writeFileSync(empty, '');
    for (const db of [junk, folder, empty]) {
      const r = box.pm(['__complete', '--db', db, 'hypothesis']);
      expect(r.out).toBe('');
      expect(r.err).toBe('');
    }
  });

  it('an unknown kind is a usage error naming the kinds', () => {
    const r = box.pm(['__complete', 'hypotheses']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^pm: usage: pm __complete .*kinds: interview, hypothesis/);
  });

  it('is hidden: not in pm --help', () => {
    expect(box.pm(['--help']).out).not.toMatch(/__complete/);
  });
});

describe('pm __complete in a journal with more ids than it lists', () => {
  let big: Sandbox;
  beforeAll(() => {
    big = sandbox();
    // 150 hypotheses through an import (one process instead of 150)
    const hypotheses = Array.from({ length: 150 }, (_, i) => ({
      uuid: `0190a000-0000-7000-8000-${String(i + 1).padStart(12, '0')}`,
      statement: `Belief ${i + 1}`,
      kind: 'value',
      criteria: null,
      createdOn: '2026-11-01',
      decideBy: '2026-12-01',
      tags: [],
      outcomes: [],
      revisions: [],
    }));
    const r = big.pm(['import', '-'], {
      input: JSON.stringify({ format: 'pm-journal', version: 1, interviews: [], hypotheses }),
    });
    if (r.code !== 0) throw new Error(r.err);
  });
  afterAll(() => big.cleanup());

  const ids = (prefix: string) =>
    big
      .pm(['__complete', 'hypothesis', prefix])
      .out.split('\n')
      .filter(Boolean)
      .map((l) => l.split('\t')[0]);

  it('lists the newest 100, then the ids one digit longer than what was typed', () => {
    const all = ids('');
    expect(all.slice(0, 100)).toEqual(Array.from({ length: 100 }, (_, i) => `H${150 - i}`));
    expect(all.slice(100)).toEqual(['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'H7', 'H8', 'H9']);
  });

  it('what was typed is never completed further than the ids allow (H1 is not taken for H14…)', () => {
    const one = ids('H1');
    // H1, H10–H19, H100–H150 match: 62, all listed
    expect(one).toHaveLength(62);
    expect(one).toContain('H1');
    expect(one).toContain('H19');
    expect(one).toContain('H100');
    expect(ids('H14')).toEqual(['H149', 'H148', 'H147', 'H146', 'H145', 'H144', 'H143', 'H142', 'H141', 'H140', 'H14']);
  });
});
