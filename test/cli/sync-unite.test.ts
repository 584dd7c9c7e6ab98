// pm sync (a real PostgreSQL, test/pg-setup.ts) of a contact and an account two teammates created
// apart (fresh-eyes E14): the record they become keeps what only one side typed, a field typed
// differently is one conflict kept by the journal that united them, and the syncs then settle:
// nothing more to push or pull, no conflict on the other side, no version going back and forth.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { sandbox, type Sandbox } from '../helpers.js';
import { testDatabase, type TestDatabase } from '../pg.js';

let box: Sandbox;
let pg: TestDatabase;
beforeEach(async () => {
  box = sandbox({ today: '2026-12-05' });
  pg = await testDatabase();
});
afterEach(async () => {
  await pg.drop();
  box.cleanup();
});

type Name = 'dana' | 'eli';

function pm(who: Name, args: string[]) {
  const r = box.pm(['--db', join(box.dir, `${who}.db`), ...args], { env: pg.env });
  expect(r.code, `${who}: pm ${args.join(' ')}: ${r.err}`).toBe(0);
  return r;
}

const log = (who: Name, ...args: string[]) => pm(who, ['log', ...args]);
const sync = (who: Name) => JSON.parse(pm(who, ['sync', '--json']).out) as { pulled: number; pushed: number };
const conflicts = (who: Name) => JSON.parse(pm(who, ['sync', 'conflicts', '--json']).out) as unknown[];

function comparable(who: Name): unknown {
  const { exportedAt: _e, privacyKeys: _k, ...doc } = JSON.parse(pm(who, ['export', '--format', 'json']).out);
  for (const list of [doc.interviews, doc.hypotheses]) for (const r of list) delete r.id;
  return doc;
}

describe('pm sync of a contact and an account created on two journals', () => {
  for (const first of ['dana', 'eli'] as const)
    it(`keep what either side typed and settle (${first} pushes first)`, () => {
      for (const who of ['dana', 'eli'] as const) pm(who, ['sync', 'init', pg.url]);
      // Dana knows Nina's email, and Globex's segment; Eli knows her persona and Globex's cadence;
      // both typed Nina's segment, differently (Eli's is the later)
      log(
        'dana',
        '--with',
        'Nina Novak <nina@globex.test>',
        '--account',
        'Globex',
        '--segment',
        'enterprise',
        '--summary',
        'Dana met Nina',
      );
      pm('dana', ['contact', 'set', 'Nina Novak', '--segment', 'finance']);
      log('eli', '--with', 'Nina Novak', '--account', 'Globex', '--summary', 'Eli met Nina');
      pm('eli', ['contact', 'set', 'Nina Novak', '--persona', 'controller', '--segment', 'ops']);
      pm('eli', ['account', 'set', 'Globex', '--cadence', '21']);
      const second: Name = first === 'dana' ? 'eli' : 'dana';
      sync(first);
      sync(second);
      sync(first);
      for (const who of ['dana', 'eli'] as const) {
        const nina = JSON.parse(pm(who, ['show', 'Nina Novak', '--json']).out);
        expect([nina.email, nina.persona, nina.segment]).toEqual(['nina@globex.test', 'controller', 'ops']);
        const [globex] = JSON.parse(pm(who, ['accounts', '--json']).out);
        expect([globex.segment, globex.cadenceDays]).toEqual(['enterprise', 21]);
        expect(pm(who, ['ls', '--with', 'nina@globex.test']).out).toContain('Eli met Nina');
      }
      expect(comparable('eli')).toEqual(comparable('dana'));
      // the second to sync united them and keeps Dana's segment; the first took the union whole, and
      // when that is Dana, whose segment lost, keeps it too (G3)
      const lost = [{ kind: 'contact', lost: { record: { segment: 'finance', persona: 'controller' } } }];
      expect(conflicts(second)).toMatchObject(lost);
      expect(conflicts(first)).toMatchObject(first === 'dana' ? lost : []);
      // settled: nothing left to push or pull, however often each syncs
      for (const who of ['dana', 'eli', 'dana', 'eli'] as const)
        expect(sync(who)).toMatchObject({ pulled: 0, pushed: 0 });
    });

  it('a contact edited on both at once keeps the email set here and the persona set there, and settles', () => {
    for (const who of ['dana', 'eli'] as const) pm(who, ['sync', 'init', pg.url]);
    log('dana', '--with', 'Lee Park', '--account', 'Globex', '--summary', 'Dana met Lee');
    sync('dana');
    sync('eli');
    pm('dana', ['contact', 'set', 'Lee Park', '--email', 'lee@globex.test']);
    pm('eli', ['contact', 'set', 'Lee Park', '--persona', 'cto']);
    sync('dana');
    sync('eli');
    sync('dana');
    for (const who of ['dana', 'eli'] as const) {
      expect(JSON.parse(pm(who, ['show', 'Lee Park', '--json']).out)).toMatchObject({
        email: 'lee@globex.test',
        persona: 'cto',
      });
      expect(conflicts(who)).toEqual([]);
    }
    expect(comparable('eli')).toEqual(comparable('dana'));
    for (const who of ['dana', 'eli', 'dana'] as const) expect(sync(who)).toMatchObject({ pulled: 0, pushed: 0 });
  });
});

describe('pm sync of one contact and account changed on both sides at once (a three-way merge)', () => {
  it('E16 and R4: a field changed or emptied on one side only is that change, no conflict, and settles', () => {
    for (const who of ['dana', 'eli'] as const) pm(who, ['sync', 'init', pg.url]);
    log(
      'dana',
      '--with',
      'Raj Patel <raj@wrong.test>',
      '--account',
      'Acme',
      '--segment',
      'enterprise',
      '--summary',
      'x',
    );
    pm('dana', ['contact', 'set', 'Raj Patel', '--persona', 'analyst']);
    sync('dana');
    sync('eli');
    // Dana: Raj's persona and Acme's cadence; Eli: Raj's wrong email removed, Acme's segment
    pm('dana', ['contact', 'set', 'Raj Patel', '--persona', 'controller']);
    pm('dana', ['account', 'set', 'Acme', '--cadence', '10']);
    pm('eli', ['contact', 'set', 'Raj Patel', '--email', '']);
    pm('eli', ['account', 'set', 'Acme', '--segment', 'large enterprise']);
    sync('dana');
    sync('eli');
    sync('dana');
    for (const who of ['dana', 'eli'] as const) {
      expect(JSON.parse(pm(who, ['show', 'Raj Patel', '--json']).out)).toMatchObject({
        email: null,
        persona: 'controller',
      });
      const [acme] = JSON.parse(pm(who, ['accounts', '--json']).out);
      expect([acme.segment, acme.cadenceDays]).toEqual(['large enterprise', 10]);
      expect(conflicts(who)).toEqual([]);
    }
    expect(comparable('eli')).toEqual(comparable('dana'));
    for (const who of ['eli', 'dana', 'eli'] as const) expect(sync(who)).toMatchObject({ pulled: 0, pushed: 0 });
    // both changed the persona: the later is kept, the other is one conflict, and it still settles
    pm('eli', ['contact', 'set', 'Raj Patel', '--persona', 'cfo']);
    pm('dana', ['contact', 'set', 'Raj Patel', '--persona', 'vp finance']);
    sync('eli');
    sync('dana');
    sync('eli');
    for (const who of ['dana', 'eli'] as const)
      expect(JSON.parse(pm(who, ['show', 'Raj Patel', '--json']).out).persona).toBe('vp finance');
    // kept by Dana's journal, which met both, and by Eli's, whose change lost (G3)
    for (const who of ['dana', 'eli'] as const)
      expect(conflicts(who)).toMatchObject([{ kind: 'contact', lost: { record: { persona: 'cfo', email: null } } }]);
    expect(comparable('eli')).toEqual(comparable('dana'));
    for (const who of ['dana', 'eli', 'dana'] as const) expect(sync(who)).toMatchObject({ pulled: 0, pushed: 0 });
  });
});

describe("pm sync of an erased person's namesake made apart (fresh-eyes E11)", () => {
  it('the same name at the same account, no email: erased in both journals, and it settles', () => {
    for (const who of ['dana', 'eli'] as const) pm(who, ['sync', 'init', pg.url]);
    log('dana', '--with', 'Nina Novak <nina@acme.test>', '--account', 'Acme', '--summary', 'Dana met Nina');
    pm('dana', ['forget', 'Nina Novak', '--yes']);
    sync('dana');
    // Eli met a Nina at Acme too, before hearing of Dana's
    log('eli', '--with', 'Nina Novak', '--account', 'Acme', '--summary', 'Eli met Nina Novak');
    pm('eli', ['contact', 'set', 'Nina Novak', '--persona', 'cfo']);
    sync('eli');
    sync('dana');
    sync('eli');
    for (const who of ['dana', 'eli'] as const) {
      const names = JSON.parse(pm(who, ['contacts', '--json']).out).map((c: { name: string }) => c.name);
      expect(names).not.toContain('Nina Novak');
      expect(pm(who, ['ls']).out).not.toContain('Nina');
    }
    for (const who of ['dana', 'eli', 'dana', 'eli'] as const) sync(who);
    // alike, but for the hashes of the erased, made with each journal's own key
    const alike = (who: Name) => {
      const doc = comparable(who) as { forgotten: { uuid: string }[] };
      return { ...doc, forgotten: doc.forgotten.map((f) => f.uuid) };
    };
    expect(alike('eli')).toEqual(alike('dana'));
    for (const who of ['dana', 'eli'] as const) expect(sync(who)).toMatchObject({ pulled: 0, pushed: 0 });
  });
});
