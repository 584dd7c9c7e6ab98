// Every command that writes gives what it changed a new version (issue 19), whatever the write path:
// the versions are what `pm import` and `pm sync` merge by.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => {
  box = sandbox();
});
afterEach(() => box.cleanup());

interface Version {
  kind: string;
  key: string;
  version: string;
  deleted: number;
  merged_into: string | null;
}

function versions(): Map<string, Version> {
  if (!existsSync(box.db)) return new Map();
  const rows = box.sql<Version>('SELECT kind, key, version, deleted, merged_into FROM record_versions');
  return new Map(rows.map((r) => [`${r.kind} ${r.key}`, r]));
}

/** Run pm, expect exit 0, and return the records whose version it changed, as "kind key". */
function bumped(args: string[]): string[] {
  const before = versions();
  const r = box.pm(args);
  expect(r.code, `pm ${args.join(' ')}: ${r.err}`).toBe(0);
  const after = versions();
  const changed: string[] = [];
  for (const [k, v] of after) {
    const old = before.get(k);
    if (!old || old.version !== v.version) {
      expect(old === undefined || v.version > old.version, `${k} moved back`).toBe(true);
      changed.push(k);
    }
  }
  return changed;
}

const uuidOf = (table: string, where: string) => box.sql(`SELECT uuid FROM ${table} WHERE ${where}`)[0].uuid as string;
const kinds = (list: string[]) => [...new Set(list.map((k) => k.split(' ')[0]))].sort();

describe('every write bumps a version', () => {
  it('log, edit, hyp add/edit/link/unlink, outcomes, delete, contacts, accounts, config, forget', () => {
    expect(
      kinds(
        bumped([
          'log',
          '--with',
          'Jane Roe <jane@acme.test>',
          '--with',
          'Bo Li',
          '--account',
          'Acme',
          '--summary',
          'Exports are slow',
          '--quote',
          'I lose Mondays',
        ]),
      ),
    ).toEqual(['account', 'contact', 'interview']);
    const i1 = uuidOf('interviews', 'id = 1');
    expect(bumped(['edit', 'I1', '--summary', 'Exports take an hour'])).toEqual([`interview ${i1}`]);
    expect(bumped(['edit', 'I1', '--tag', 'export'])).toEqual([`interview ${i1}`]);
    expect(bumped(['edit', 'I1', '--follow-up', '+1w'])).toEqual([`interview ${i1}`]);
    expect(bumped(['edit', 'I1', '--follow-up', 'done'])).toEqual([`interview ${i1}`]);
    expect(kinds(bumped(['hyp', 'add', 'Finance teams want faster exports']))).toEqual(['hypothesis']);
    const h1 = uuidOf('hypotheses', 'id = 1');
    expect(bumped(['hyp', 'edit', 'H1', '--tag', 'export'])).toEqual([`hypothesis ${h1}`]);
    expect(bumped(['hyp', 'link', 'H1', 'I1', '--supports'])).toEqual([`evidence ${i1}/${h1}`]);
    expect(bumped(['hyp', 'link', 'H1', 'I1', '--supports', '--strength', 'strong'])).toEqual([`evidence ${i1}/${h1}`]);
    expect(bumped(['hyp', 'edit', 'H1', '--statement', 'Finance teams want exports in minutes', '--force'])).toEqual([
      `hypothesis ${h1}`,
    ]);
    expect(bumped(['hyp', 'bet', 'H1', '--until', '+4w', '--reason', 'buyers take a quarter'])).toEqual([
      `hypothesis ${h1}`,
    ]);
    expect(bumped(['hyp', 'link', 'H1', 'I1', '--supports', '--basis', 'paid'])).toEqual([`evidence ${i1}/${h1}`]);
    expect(kinds(bumped(['hyp', 'kill', 'H1', '--reason', 'nobody pays']))).toContain('outcome');
    // reopening also gives it a new decide-by
    expect(kinds(bumped(['hyp', 'reopen', 'H1', '--reason', 'they do']))).toEqual(['hypothesis', 'outcome']);
    expect(bumped(['hyp', 'unlink', 'H1', 'I1'])).toEqual([`evidence ${i1}/${h1}`]);
    expect(versions().get(`evidence ${i1}/${h1}`)?.deleted).toBe(1);

    const jane = uuidOf('contacts', "name = 'Jane Roe'");
    expect(bumped(['contact', 'set', 'Jane Roe', '--segment', 'finance'])).toEqual([`contact ${jane}`]);
    expect(bumped(['contact', 'set', 'Jane Roe', '--persona', 'finance lead'])).toEqual([`contact ${jane}`]);
    // a new role changes the interviews' kind, a summary: not a change of the interview
    expect(bumped(['contact', 'set', 'Bo Li', '--role', 'stakeholder'])).toEqual([
      `contact ${uuidOf('contacts', "name = 'Bo Li'")}`,
    ]);
    const acme = uuidOf('accounts', "name = 'Acme'");
    expect(bumped(['account', 'set', 'Acme', '--cadence', '14'])).toEqual([`account ${acme}`]);
    expect(bumped(['account', 'rename', 'Acme', 'Acme Corp'])).toEqual([`account ${acme}`]);

    // merges: the duplicate leaves a tombstone that says where it went
    expect(box.pm(['log', '--with', 'J. Roe', '--account', 'Acme Inc', '--summary', 'dup']).code).toBe(0);
    const dupAccount = uuidOf('accounts', "name = 'Acme Inc'");
    const merged = bumped(['account', 'merge', 'Acme Inc', 'Acme Corp']);
    expect(merged).toContain(`account ${dupAccount}`);
    expect(versions().get(`account ${dupAccount}`)).toMatchObject({ deleted: 1, merged_into: acme });
    const dupContact = uuidOf('contacts', "name = 'J. Roe'");
    expect(bumped(['contact', 'merge', 'J. Roe', 'Jane Roe'])).toContain(`contact ${dupContact}`);
    expect(versions().get(`contact ${dupContact}`)).toMatchObject({ deleted: 1, merged_into: jane });

    expect(bumped(['config', 'set', 'cadence.target', '3'])).toEqual(['setting cadence.target']);
    // user.name is no shared setting; set where it was unset, the calls logged here under the OS login
    // become the name's (wave 14 H10), and so do the decisions recorded here (wave 15): edits of them,
    // which a sync pushes, and the hypotheses added here (schema 75)
    expect(kinds(bumped(['config', 'set', 'user.name', 'Dana']))).toEqual(['hypothesis', 'interview', 'outcome']);
    expect(bumped(['config', 'set', 'user.name', 'Dana Lee'])).toEqual([]);
    expect(bumped(['config', 'unset', 'cadence.target'])).toEqual(['setting cadence.target']);
    expect(bumped(['init', '--target', '2'])).toEqual(['setting cadence.target']);

    const forgot = bumped(['forget', 'Jane Roe', '--yes']);
    expect(forgot).toContain(`erasure ${jane}`);
    expect(forgot).toContain(`contact ${jane}`);
    expect(forgot).toContain(`interview ${i1}`);

    expect(bumped(['delete', 'I1', '--yes'])).toEqual([`interview ${i1}`]);
    expect(versions().get(`interview ${i1}`)?.deleted).toBe(1);
    expect(bumped(['delete', 'H1', '--yes', '--force'])).toContain(`hypothesis ${h1}`);
  });
});
