// An account's former names (account_names, schema 73): after pm account rename or merge, the name a
// PM always typed finds the account it became. pm show "Acme Inc." said nothing called, and pm log
// --account "Acme Inc." made a new account of that name, splitting again what the merge had joined.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chmodSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, expectUsageError, sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => (box = sandbox()));
afterEach(() => box.cleanup());

const accounts = () => box.json(['accounts']).map((a: { name: string }) => a.name);
const summaries = (args: string[]) => box.json(['ls', ...args]).map((i: { summary: string }) => i.summary);

describe('an account merged away or renamed, by its old name', () => {
  beforeEach(() => {
    box.ok(['log', '--with', 'Jane Roe', '--account', 'Acme', '--summary', 'kept account']);
    box.ok(['log', '--with', 'Bo Li', '--account', 'Acme Inc.', '--summary', 'merged account']);
    box.ok(['log', '--with', 'Cy Oh', '--account', 'Globex Ltd', '--summary', 'renamed account']);
    box.ok(['account', 'merge', 'Acme Inc.', 'Acme', '--yes']);
    box.ok(['account', 'rename', 'Globex Ltd', 'Globex']);
  });

  it('pm show points at the account it became, exit 2, by any spelling of the old name', () => {
    for (const [typed, now] of [
      ['Acme Inc.', 'Acme'],
      ['acme inc.', 'Acme'],
      ['Globex Ltd', 'Globex'],
    ]) {
      const r = box.pm(['show', typed]);
      expectUsageError(r);
      expect(r.err, typed).toBe(
        `pm: ${JSON.stringify(typed)} is a former name of ${now}, which has its conversations now\n` +
          `try: pm show ${now}\n`,
      );
    }
    // a name no account ever had is still nothing
    expect(box.pm(['show', 'Initech']).err).toMatch(/^pm: nothing called "Initech"/);
  });

  it('pm log --account logs into the account it became, with a note on stderr, and makes no new account', () => {
    const r = box.ok(['log', '--with', 'Bo Li', '--account', 'Acme Inc.', '--summary', 'after the merge']);
    expect(r.err).toContain('"Acme Inc." is a former name of Acme: logged there');
    expect(r.err).not.toContain('new account');
    expect(r.out).toMatch(/with Bo Li \(Acme\)/);
    const json = box.json(['log', '--with', 'Dee Wu', '--account', 'Globex Ltd', '--summary', 'x']);
    expect(json.account).toBe('Globex');
    expect(accounts()).toEqual(['Acme', 'Globex']);
    // Bo Li is the one contact he was: the merge took him to Acme, and the old name found him there
    expect(box.json(['contacts']).filter((c: { name: string }) => c.name === 'Bo Li')).toHaveLength(1);
  });

  it('pm ls --account lists the account it became, with a note on stderr', () => {
    const r = box.ok(['ls', '--account', 'Acme Inc.', '--json']);
    expect(r.err).toBe('"Acme Inc." is a former name of Acme: its conversations are listed\n');
    expect(
      JSON.parse(r.out)
        .map((i: { summary: string }) => i.summary)
        .sort(),
    ).toEqual(['kept account', 'merged account']);
    expect(summaries(['--account', 'GLOBEX LTD'])).toEqual(['renamed account']);
    expect(box.pm(['ls', '--account', 'Initech']).err).toMatch(/^pm: no account named "Initech"/);
  });

  it('pm edit --account and pm contact set --account take it as the account it became, with a note', () => {
    box.ok(['log', '--channel', 'support', '--account', 'Acme', '--summary', 'a ticket']);
    const edit = box.ok(['edit', 'last', '--account', 'Globex Ltd']);
    expect(edit.err).toContain('"Globex Ltd" is a former name of Globex: set there');
    expect(box.json(['show', 'last']).account).toBe('Globex');
    const set = box.ok(['contact', 'set', 'Jane Roe', '--account', 'acme inc.']);
    expect(set.err).toBe('"acme inc." is a former name of Acme: moved there\n');
    expect(accounts()).toEqual(['Acme', 'Globex']);
  });

  it('pm search of the old name, matching nothing said, names the account it became', () => {
    const r = box.ok(['search', 'Globex Ltd']);
    expect(r.err).toBe(
      'Nothing matches "Globex Ltd" in summaries, notes, pains or quotes.\n' +
        '"Globex Ltd" is a former name of Globex, 1 conversation → pm show Globex\n',
    );
  });

  it('follows the account through a later merge, and a name taken again is that account', () => {
    box.ok(['account', 'merge', 'Globex', 'Acme', '--yes']);
    expect(box.pm(['show', 'Globex Ltd']).err).toMatch(/^pm: "Globex Ltd" is a former name of Acme,/);
    expect(box.pm(['show', 'Globex']).err).toMatch(/^pm: "Globex" is a former name of Acme,/);
    // a new account called by a former name is that name's account from then on
    box.ok(['account', 'rename', 'Acme', 'Globex Ltd']);
    expect(box.ok(['show', 'Globex Ltd']).out).toMatch(/^Globex Ltd/);
    expect(box.pm(['show', 'Acme Inc.']).err).toMatch(/^pm: "Acme Inc." is a former name of Globex Ltd,/);
    expect(box.pm(['show', 'Acme']).err).toMatch(/^pm: "Acme" is a former name of Globex Ltd,/);
  });

  it('a name taken again is that account alone, and a former name of two accounts asks which', () => {
    box.ok(['log', '--with', 'Fay Ho', '--account', 'Initech', '--summary', 'z']);
    box.ok(['account', 'rename', 'Initech', 'Acme Inc.']);
    box.ok(['account', 'rename', 'Acme Inc.', 'Initrode']);
    expect(box.pm(['show', 'Acme Inc.']).err).toMatch(/^pm: "Acme Inc." is a former name of Initrode,/);
    // a teammate's new account arrives with the name while Acme keeps it as a former name: both then
    const mate = join(box.dir, 'mate.db');
    box.ok(['--db', mate, 'log', '--with', 'Gil Ra', '--account', 'Hooli', '--summary', 'theirs']);
    box.ok(['--db', mate, 'account', 'rename', 'Hooli', 'Globex Ltd']);
    box.ok(['--db', mate, 'export', '--format', 'json', '--out', join(box.dir, 'mate.json')]);
    box.ok(['import', join(box.dir, 'mate.json')]);
    box.ok(['account', 'rename', 'Globex Ltd', 'Hooli']);
    const before = box.json(['ls']).length;
    const r = box.pm(['log', '--with', 'Gus Po', '--account', 'globex ltd', '--summary', 'w']);
    expectUsageError(r);
    expect(r.err).toBe(
      'pm: "globex ltd" is a former name of Globex and Hooli: say which\n' +
        'try: --account Globex or --account Hooli\n',
    );
    expect(box.json(['ls'])).toHaveLength(before);
    expect(box.pm(['show', 'Globex Ltd']).err).toMatch(
      /^pm: "Globex Ltd" is a former name of Globex and Hooli, which have/,
    );
  });

  it("a teammate's merge that arrives by import leaves the old name pointing here too", () => {
    const mate = join(box.dir, 'mate.db');
    box.ok(['log', '--with', 'Ida Lu', '--account', 'Umbrella Corp', '--summary', 'u']);
    box.ok(['export', '--format', 'json', '--out', join(box.dir, 'mine.json')]);
    box.ok(['--db', mate, 'import', join(box.dir, 'mine.json')]);
    box.ok(['--db', mate, 'account', 'merge', 'Umbrella Corp', 'Globex', '--yes']);
    box.ok(['--db', mate, 'export', '--format', 'json', '--out', join(box.dir, 'theirs.json')]);
    box.ok(['import', join(box.dir, 'theirs.json')]);
    expect(box.pm(['show', 'Umbrella Corp']).err).toMatch(/^pm: "Umbrella Corp" is a former name of Globex,/);
    expect(summaries(['--account', 'Umbrella Corp'])).toEqual(['u', 'renamed account']);
  });

  it("a teammate's rename that arrives by import leaves the name this journal knew pointing at it", () => {
    const mate = join(box.dir, 'mate.db');
    box.ok(['export', '--format', 'json', '--out', join(box.dir, 'mine.json')]);
    box.ok(['--db', mate, 'import', join(box.dir, 'mine.json')]);
    box.ok(['--db', mate, 'account', 'rename', 'Acme', 'Acme Group']);
    box.ok(['--db', mate, 'export', '--format', 'json', '--out', join(box.dir, 'theirs.json')]);
    box.ok(['import', join(box.dir, 'theirs.json')]);
    expect(box.pm(['show', 'Acme']).err).toMatch(/^pm: "Acme" is a former name of Acme Group,/);
    // and the name the merge here left still finds it
    expect(box.pm(['show', 'Acme Inc.']).err).toMatch(/^pm: "Acme Inc." is a former name of Acme Group,/);
  });
});

describe('a schema-1 journal upgraded to former names (schema 73)', () => {
  it('remembers the renames and merges made after the upgrade, and pm doctor finds it healthy', () => {
    copyFileSync(join(ROOT, 'test', 'fixtures', 'journal-v1.db'), box.db);
    chmodSync(box.db, 0o600);
    box.ok(['account', 'rename', 'Quillco', 'Quill']);
    box.ok(['account', 'merge', 'Northwind', 'Acme', '--yes']);
    expect(box.pm(['show', 'Quillco']).err).toMatch(/^pm: "Quillco" is a former name of Quill,/);
    expect(box.ok(['ls', '--account', 'Northwind']).err).toContain('"Northwind" is a former name of Acme');
    expect(box.json(['doctor']).healthy).toBe(true);
  });
});
