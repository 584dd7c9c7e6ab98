// Three journals trading JSON exports (issue 19): edits, deletions, outcomes, merges and an erasure
// made on each reach the others through `pm import`, every export ends identical but for display ids
// and exportedAt, and a concurrent edit keeps the losing version.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => {
  box = sandbox();
});
afterEach(() => box.cleanup());

type Name = 'dana' | 'eli' | 'fay';
const NAMES: Name[] = ['dana', 'eli', 'fay'];

function pm(who: Name, args: string[]) {
  const r = box.pm(['--db', join(box.dir, `${who}.db`), ...args]);
  expect(r.code, `${who}: pm ${args.join(' ')}: ${r.err}`).toBe(0);
  return r;
}

function exportOf(who: Name): string {
  return pm(who, ['export', '--format', 'json']).out;
}

/** Everyone of `names` imports the export of each other one. */
function exchange(names: Name[] = NAMES): void {
  // a journal not made yet has nothing to send (its export is exit 1 since fresh-eyes wave 18 H8)
  const files = names
    .filter((who) => existsSync(join(box.dir, `${who}.db`)))
    .map((who) => {
      const file = join(box.dir, `${who}-${Math.random().toString(36).slice(2)}.json`);
      writeFileSync(file, exportOf(who));
      return [who, file] as const;
    });
  for (const who of names) for (const [from, file] of files) if (from !== who) pm(who, ['import', file]);
}

/**
 * An export without what differs between journals: exportedAt, display ids, and each journal's own
 * privacy key and the hashes made with it (issue 16; an erasure travels as the UUID).
 */
function comparable(text: string): unknown {
  const { exportedAt: _e, privacyKeys: _k, ...doc } = JSON.parse(text);
  doc.forgotten = doc.forgotten.map((f: { uuid: string }) => f.uuid);
  for (const list of [doc.interviews, doc.hypotheses]) for (const r of list) delete r.id;
  return doc;
}

const log = (who: Name, ...args: string[]) => pm(who, ['log', ...args]);

describe('three journals trading exports', () => {
  it('converge: edits, deletions, outcomes, merges and an erasure from each; a concurrent edit keeps the loser', () => {
    log(
      'dana',
      '--with',
      'Jane Roe <jane@acme.test>',
      '--account',
      'Acme',
      '--summary',
      'Exports take an hour',
      '--quote',
      'I lose my Mondays',
      '--date',
      '2026-11-16',
    );
    log('dana', '--with', 'Bo Li', '--account', 'Acme', '--summary', 'Bo wants SSO', '--date', '2026-11-17');
    pm('dana', ['hyp', 'add', 'Finance teams want faster exports', '--date', '2026-11-10']);
    pm('dana', ['hyp', 'link', 'H1', 'I1', '--supports']);
    exchange();
    // an empty journal took Dana's display ids
    expect(pm('eli', ['ls', '--json']).out).toContain('"id": "I2"');
    const bo = JSON.parse(exportOf('dana')).interviews.find((i: { summary: string }) => i.summary === 'Bo wants SSO');

    // each makes changes of every kind, without knowing of the others'
    pm('eli', ['edit', 'I1', '--summary', 'Exports take an hour, every month-end']);
    log(
      'eli',
      '--with',
      'Kim Oh <kim@initech.test>',
      '--account',
      'Initech',
      '--summary',
      'Kim: reports',
      '--date',
      '2026-11-18',
    );
    pm('eli', ['hyp', 'kill', 'H1', '--reason', 'nobody pays for speed', '--date', '2026-11-19']);
    pm('eli', ['forget', 'Kim Oh', '--yes']);

    pm('eli', ['edit', 'I2', '--tag', 'sso']);
    pm('fay', ['edit', 'I1', '--tag', 'export']); // concurrent with Eli's edit of I1 (Jane's: no conflict is kept)
    pm('fay', ['delete', 'I2', '--yes']);
    log('fay', '--with', 'Lee Park', '--account', 'ACME Inc', '--summary', 'Lee: same as Jane', '--date', '2026-11-18');
    pm('fay', ['account', 'merge', 'ACME Inc', 'Acme']);
    pm('fay', ['config', 'set', 'cadence.target', '3']);
    log(
      'fay',
      '--with',
      'Sam Ng <sam@globex.test>',
      '--account',
      'Globex',
      '--summary',
      'Sam said Jane left',
      '--date',
      '2026-11-19',
    );
    pm('fay', ['forget', 'Sam Ng', '--yes']);

    pm('dana', ['forget', 'Jane Roe', '--yes']);
    pm('dana', ['hyp', 'add', 'Admins want SSO', '--date', '2026-11-19']);

    exchange();
    exchange();

    const exports = NAMES.map(exportOf);
    expect(comparable(exports[1])).toEqual(comparable(exports[0]));
    expect(comparable(exports[2])).toEqual(comparable(exports[0]));
    const doc = JSON.parse(exports[0]);
    // the erased never appear, anywhere
    const conflictLists = NAMES.map((who) => pm(who, ['sync', 'conflicts', '--json']).out);
    for (const text of [...exports, ...conflictLists])
      for (const gone of ['Jane Roe', 'jane@acme', 'Kim Oh', 'kim@initech', 'Sam Ng', 'Mondays'])
        expect(text).not.toContain(gone);
    expect(doc.forgotten).toHaveLength(3);
    // the deletion, the merge, the outcome and the setting reached everyone
    for (const who of NAMES) {
      const ls = JSON.parse(pm(who, ['ls', '--json']).out) as { summary: string; account: string }[];
      expect(ls.map((i) => i.summary)).not.toContain('Bo wants SSO');
      expect(new Set(ls.map((i) => i.account))).toEqual(new Set(['Acme', 'Initech', 'Globex']));
      const hyps = JSON.parse(pm(who, ['hyp', 'list', '--status', 'all', '--json']).out) as { status: string }[];
      expect(hyps.map((h) => h.status).sort()).toEqual(['killed', 'open']);
      expect(JSON.parse(pm(who, ['config', 'get', 'cadence.target', '--json']).out)).toBe(3);
    }
    // Eli's edit and Fay's deletion of I2 were concurrent: the deletion won everywhere, the edit is kept;
    // Eli's and Fay's edits of Jane's I1 were too, but a losing version of her interview is let go
    const i1 = doc.interviews.find((i: { summary: string }) => i.summary.startsWith('Exports take an hour'));
    expect(i1).toBeDefined();
    const conflicts = conflictLists.flatMap((text) => JSON.parse(text) as { record: string }[]);
    expect(conflicts.some((c) => c.record === `I-${bo.uuid.slice(-12, -6)}`)).toBe(true);
    expect(conflicts.some((c) => c.record === `I-${i1.uuid.slice(-12, -6)}`)).toBe(false);
  });
});

describe('a conflict keeps no copy of a person erased later', () => {
  it("the losing versions of an erased person's interview go; others lose their name and email", () => {
    const two: Name[] = ['dana', 'eli'];
    log('dana', '--with', 'Jane Roe <jane@acme.test>', '--account', 'Acme', '--summary', 'Exports take an hour');
    pm('dana', ['edit', 'I1', '--quote', 'I lose my Mondays']);
    log('dana', '--with', 'Bo Li', '--account', 'Acme', '--summary', 'Bo on pricing');
    const trade = () => exchange(two);
    trade();
    // concurrent edits: of Jane's interview, and of Bo's (whose losing side names Jane)
    pm('dana', ['edit', 'I1', '--summary', 'Exports take an hour, says Jane Roe']);
    pm('eli', ['edit', 'I1', '--summary', 'Exports: an hour, Jane Roe says (jane@acme.test)']);
    pm('dana', ['edit', 'I2', '--summary', 'Bo on pricing, as Jane Roe said']);
    pm('eli', ['edit', 'I2', '--summary', 'Bo on pricing; ask Jane Roe <jane@acme.test>']);
    trade();
    const held = two.flatMap((who) => JSON.parse(pm(who, ['sync', 'conflicts', '--json']).out));
    expect(held.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(held)).toContain('Jane Roe');

    pm('dana', ['forget', 'Jane Roe', '--yes']);
    trade();
    for (const who of two) {
      const conflicts = JSON.parse(pm(who, ['sync', 'conflicts', '--json']).out) as { id: number }[];
      const text = JSON.stringify(conflicts);
      for (const gone of ['Jane Roe', 'jane@acme', 'Mondays']) expect(text).not.toContain(gone);
      // bringing a losing version back brings nothing of her back
      // and no byte of her is left in the journal's file, conflicts included
      const file = join(box.dir, `${who}.db`);
      const bytes = Buffer.concat([
        readFileSync(file),
        existsSync(`${file}-wal`) ? readFileSync(`${file}-wal`) : Buffer.alloc(0),
      ]);
      for (const gone of ['Jane Roe', 'jane@acme', 'Mondays'])
        expect(bytes.includes(gone), `${who}: ${gone}`).toBe(false);
      for (const c of conflicts) pm(who, ['sync', 'resolve', String(c.id), 'lost']);
      const all = pm(who, ['export', '--format', 'json']).out;
      for (const gone of ['Jane Roe', 'jane@acme', 'Mondays']) expect(all).not.toContain(gone);
    }
  });
});
