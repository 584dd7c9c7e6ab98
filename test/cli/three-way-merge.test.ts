// Two teammates trading exports of ONE contact or account (the same UUID), each having changed it
// since they last traded: the merge compares each field with what both last shared (schema 35's
// field stamps), so a field changed on one side only takes that change, an emptied field included,
// and is no conflict (fresh-eyes E16: it was listed with its OLD value as the lost one, and
// `pm sync resolve ID lost` undid the change; reviewer R4: an emptied field came back silently);
// a field both changed differently keeps the later value and lists the other.
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { twoJournals, type Name } from '../two-journals.js';

const team = twoJournals('2026-12-06');
const { pm, file } = team;

let files = 0;
/** `from`'s whole JSON export, as a file (`edit` may rewrite the document first). */
function exportFile(from: Name, edit?: (doc: Record<string, unknown>) => void): string {
  const file = join(team.box.dir, `${from}-${++files}.json`);
  const text = pm(from, ['export', '--format', 'json']).out;
  if (edit) {
    const doc = JSON.parse(text);
    edit(doc);
    writeFileSync(file, JSON.stringify(doc));
  } else writeFileSync(file, text);
  return file;
}

/** A and B each export, then each imports the other's (neither knowing of the other's change). */
function crossTrade(): void {
  const [fromA, fromB] = [exportFile('a'), exportFile('b')];
  pm('b', ['import', fromA]);
  pm('a', ['import', fromB]);
}

const trade = (from: Name, to: Name) => pm(to, ['import', exportFile(from)]);

function comparable(who: Name): unknown {
  const { exportedAt: _e, privacyKeys: _k, ...doc } = JSON.parse(pm(who, ['export', '--format', 'json']).out);
  doc.forgotten = doc.forgotten.map((f: { uuid: string }) => f.uuid);
  for (const list of [doc.interviews, doc.hypotheses]) for (const r of list) delete r.id;
  return doc;
}

const show = (who: Name, name: string) => JSON.parse(pm(who, ['show', name, '--json']).out);
const acme = (who: Name) => JSON.parse(pm(who, ['accounts', '--json']).out)[0];
interface Conflict {
  id: number;
  kind: string;
  kept: { record: Record<string, unknown> };
  lost: { record: Record<string, unknown> };
}
const conflicts = (who: Name) => JSON.parse(pm(who, ['sync', 'conflicts', '--json']).out) as Conflict[];

/** Raj at Acme (enterprise), logged by A and traded to B: the version both then share. */
function shared(): void {
  pm('a', [
    'log',
    '--with',
    'Raj Patel <raj@globex.test>',
    '--account',
    'Acme',
    '--segment',
    'enterprise',
    '--summary',
    'A met Raj',
  ]);
  pm('a', ['contact', 'set', 'Raj Patel', '--persona', 'analyst']);
  trade('a', 'b');
}

describe('one contact or account changed on both sides since they last traded', () => {
  for (const how of ['A→B then B→A', 'B→A then A→B', 'both at once'] as const)
    it(`E16: a field changed on one side only is that side's change, no conflict (${how})`, () => {
      shared();
      pm('a', ['contact', 'set', 'Raj Patel', '--persona', 'controller']);
      pm('b', ['contact', 'set', 'Raj Patel', '--email', 'raj.patel@globex.test']);
      pm('a', ['account', 'set', 'Acme', '--cadence', '10']);
      pm('b', ['account', 'set', 'Acme', '--segment', 'large enterprise']);
      if (how === 'A→B then B→A') {
        trade('a', 'b');
        trade('b', 'a');
      } else if (how === 'B→A then A→B') {
        trade('b', 'a');
        trade('a', 'b');
      } else {
        crossTrade();
        // each made the same record, as a change of its own: one more trade both ways settles them
        trade('a', 'b');
        trade('b', 'a');
      }
      for (const who of ['a', 'b'] as const) {
        expect(show(who, 'Raj Patel')).toMatchObject({ email: 'raj.patel@globex.test', persona: 'controller' });
        expect(acme(who)).toMatchObject({ segment: 'large enterprise', cadenceDays: 10 });
        // nobody changed a field the other changed: nothing to resolve (before: two conflicts whose
        // lost side was the old email and the old segment)
        expect(conflicts(who)).toEqual([]);
      }
      expect(comparable('b')).toEqual(comparable('a'));
    });

  for (const removalLast of [true, false])
    it(`R4: a field emptied on one side stays empty while the other edits another (${
      removalLast ? 'the removal later' : 'the removal earlier'
    })`, () => {
      pm('a', [
        'log',
        '--with',
        'Lee Park <lee@wrong.test>',
        '--account',
        'Hooli',
        '--summary',
        'start',
        '--date',
        '2026-12-01',
      ]);
      trade('a', 'b');
      if (removalLast) pm('b', ['contact', 'set', 'Lee Park', '--persona', 'cto']);
      pm('a', ['contact', 'set', 'Lee Park', '--email', '']);
      if (!removalLast) pm('b', ['contact', 'set', 'Lee Park', '--persona', 'cto']);
      crossTrade();
      for (const who of ['a', 'b'] as const) {
        expect(show(who, 'Lee Park')).toMatchObject({ email: null, persona: 'cto' });
        expect(conflicts(who)).toEqual([]);
      }
      trade('a', 'b');
      trade('b', 'a');
      expect(comparable('b')).toEqual(comparable('a'));
    });

  it('a field both changed differently: the later value, the other a conflict that brings it back', () => {
    shared();
    pm('a', ['contact', 'set', 'Raj Patel', '--persona', 'controller', '--segment', 'finance']);
    pm('b', ['contact', 'set', 'Raj Patel', '--persona', 'cfo']);
    trade('a', 'b');
    trade('b', 'a');
    for (const who of ['a', 'b'] as const)
      expect(show(who, 'Raj Patel')).toMatchObject({ persona: 'cfo', segment: 'finance' });
    expect(conflicts('a')).toEqual([]);
    const [c] = conflicts('b');
    expect(conflicts('b')).toHaveLength(1);
    // the lost side is the merged record with A's persona: A's segment is in both, not the dispute
    expect([c.kept.record.persona, c.lost.record.persona, c.lost.record.segment]).toEqual([
      'cfo',
      'controller',
      'finance',
    ]);
    expect(pm('b', ['sync', 'conflicts']).out).toMatch(/lost: Raj Patel · persona controller /);
    pm('b', ['sync', 'resolve', String(c.id), 'lost']);
    trade('b', 'a');
    for (const who of ['a', 'b'] as const)
      expect(show(who, 'Raj Patel')).toMatchObject({ persona: 'controller', segment: 'finance' });
    expect(comparable('b')).toEqual(comparable('a'));
  });

  it('an email emptied on one side and changed on the other: the later wins, the removal is the conflict', () => {
    shared();
    pm('a', ['contact', 'set', 'Raj Patel', '--email', '']);
    pm('b', ['contact', 'set', 'Raj Patel', '--email', 'raj.patel@globex.test']);
    trade('a', 'b');
    trade('b', 'a');
    for (const who of ['a', 'b'] as const) expect(show(who, 'Raj Patel').email).toBe('raj.patel@globex.test');
    const [c] = conflicts('b');
    expect([c.kept.record.email, c.lost.record.email]).toEqual(['raj.patel@globex.test', null]);
    expect(pm('b', ['sync', 'conflicts']).out).toMatch(/lost: Raj Patel · email \(none\)/);
    pm('b', ['sync', 'resolve', String(c.id), 'lost']);
    trade('b', 'a');
    for (const who of ['a', 'b'] as const) expect(show(who, 'Raj Patel').email).toBeNull();
  });

  it('importing the same file twice writes nothing the second time', () => {
    shared();
    pm('a', ['contact', 'set', 'Raj Patel', '--persona', 'controller']);
    pm('b', ['contact', 'set', 'Raj Patel', '--email', '']);
    const fromA = exportFile('a');
    pm('b', ['import', fromA]);
    const before = readFileSync(join(team.box.dir, 'b.db'));
    pm('b', ['import', fromA]);
    expect(readFileSync(join(team.box.dir, 'b.db')).equals(before)).toBe(true);
    expect(show('b', 'Raj Patel')).toMatchObject({ email: null, persona: 'controller' });
  });

  it('a file of an earlier pm (no fieldVersions) still imports, merged as before: fields filled, no loss', () => {
    shared();
    pm('a', ['contact', 'set', 'Raj Patel', '--persona', 'controller']);
    pm('b', ['contact', 'set', 'Raj Patel', '--segment', 'finance']);
    const old = exportFile('a', (doc) => {
      for (const list of [doc.accounts, doc.contacts] as Record<string, unknown>[][])
        for (const r of list) delete r.fieldVersions;
    });
    pm('b', ['import', old]);
    // as before schema 35: the later version (B's) wins, each field it left empty filled from A's; A's
    // persona, which B's version holds otherwise (as it was), is the conflict, nothing is lost
    expect(show('b', 'Raj Patel')).toMatchObject({ persona: 'analyst', segment: 'finance' });
    expect(conflicts('b').map((c) => c.lost.record.persona)).toEqual(['controller']);
  });

  it('an erased person never comes back through a teammate who edited them meanwhile', () => {
    shared();
    pm('b', ['contact', 'set', 'Raj Patel', '--persona', 'cfo']);
    pm('a', ['forget', 'Raj Patel', '--yes']);
    crossTrade();
    for (const who of ['a', 'b'] as const) {
      const names = JSON.parse(pm(who, ['contacts', '--json']).out).map((c: { name: string }) => c.name);
      expect(names).not.toContain('Raj Patel');
    }
    expect(readFileSync(join(team.box.dir, 'b.db')).includes('raj@globex.test')).toBe(false);
  });

  it('journals from before field stamps (schema 34) are stamped with what they hold, and merge without a false conflict', () => {
    shared();
    for (const who of ['a', 'b'] as const) {
      const db = new Database(file(who));
      db.exec('DROP TABLE field_versions');
      db.pragma('user_version = 34');
      db.close();
    }
    // each field stamped with the version the record had: what both last shared
    const [raj] = JSON.parse(pm('a', ['export', '--format', 'json']).out).contacts;
    expect(raj.fieldVersions).toEqual(
      Object.fromEntries(['accountUuid', 'email', 'name', 'persona', 'role', 'segment'].map((f) => [f, raj.rev])),
    );
    pm('a', ['contact', 'set', 'Raj Patel', '--persona', 'controller']);
    pm('b', ['contact', 'set', 'Raj Patel', '--email', 'raj.patel@globex.test']);
    crossTrade();
    for (const who of ['a', 'b'] as const) {
      expect(show(who, 'Raj Patel')).toMatchObject({ email: 'raj.patel@globex.test', persona: 'controller' });
      expect(conflicts(who)).toEqual([]);
    }
  });
});
