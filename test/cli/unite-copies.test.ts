// Two teammates trading exports, each of whom created the same contact or account apart (matched by
// name, or by email): the one record they become keeps what only one side typed (fresh-eyes E14:
// the later copy used to win whole, and an email typed on one side was lost on both), keeps a field
// both typed differently findable in pm sync conflicts, and travels: importing twice changes
// nothing, and both directions end with the same record.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => {
  box = sandbox({ today: '2026-12-05' });
});
afterEach(() => box.cleanup());

type Name = 'a' | 'b';

function pm(who: Name, args: string[]) {
  const r = box.pm(['--db', join(box.dir, `${who}.db`), ...args]);
  expect(r.code, `${who}: pm ${args.join(' ')}: ${r.err}`).toBe(0);
  return r;
}

const log = (who: Name, ...args: string[]) => pm(who, ['log', ...args]);

/** `who`'s call with `person` at Acme on `date` ("A's call"), with more of pm log's flags. */
const call = (who: Name, person: string, date: string, ...more: string[]) =>
  log(who, '--with', person, '--account', 'Acme', '--summary', `${who.toUpperCase()}'s call`, '--date', date, ...more);

let files = 0;
/** `from`'s whole JSON export, as a file. */
function exportFile(from: Name): string {
  const file = join(box.dir, `${from}-${++files}.json`);
  writeFileSync(file, pm(from, ['export', '--format', 'json']).out);
  return file;
}

const trade = (from: Name, to: Name) => pm(to, ['import', exportFile(from)]);

/** An export without what differs between journals: exportedAt, display ids, privacy keys and hashes. */
function comparable(who: Name): unknown {
  const { exportedAt: _e, privacyKeys: _k, ...doc } = JSON.parse(pm(who, ['export', '--format', 'json']).out);
  doc.forgotten = doc.forgotten.map((f: { uuid: string }) => f.uuid);
  for (const list of [doc.interviews, doc.hypotheses]) for (const r of list) delete r.id;
  return doc;
}

const contact = (who: Name, name: string) => JSON.parse(pm(who, ['show', name, '--json']).out);
const conflicts = (who: Name) => JSON.parse(pm(who, ['sync', 'conflicts', '--json']).out) as Conflict[];
interface Conflict {
  id: number;
  kind: string;
  kept: { record: Record<string, unknown> };
  lost: { record: Record<string, unknown> };
}

/** E14's start: B imported A's export once; then each meets Nina, and only A knows her email. */
function ninaMetApart(): void {
  call('a', 'Jane Roe <jane@acme.test>', '2026-12-01');
  trade('a', 'b');
  aMeetsNina();
  log('b', '--with', 'Nina Novak', '--account', 'Acme', '--summary', 'B met Nina', '--date', '2026-12-03');
}

/** A logs a call with Nina, whose email A knows (and, given, her persona). */
function aMeetsNina(persona?: string): void {
  log(
    'a',
    '--with',
    'Nina Novak <nina@acme.test>',
    '--account',
    'Acme',
    '--summary',
    'A met Nina',
    '--date',
    '2026-12-02',
  );
  if (persona) pm('a', ['contact', 'set', 'Nina Novak', '--persona', persona]);
}

describe('a contact created on two journals and matched by name keeps what either side typed', () => {
  for (const [first, second] of [
    ['a', 'b'],
    ['b', 'a'],
  ] as const)
    it(`E14: the email only A typed survives, ${first}→${second} then back`, () => {
      ninaMetApart();
      trade(first, second);
      trade(second, first);
      for (const who of ['a', 'b'] as const) {
        expect(contact(who, 'Nina Novak').email).toBe('nina@acme.test');
        expect(pm(who, ['ls', '--with', 'nina@acme.test']).out).toContain('met Nina');
        // nothing was typed differently on the two sides: no conflict
        expect(conflicts(who)).toEqual([]);
      }
      expect(comparable('b')).toEqual(comparable('a'));
      // one Nina, with both conversations
      expect(
        JSON.parse(pm('a', ['contacts', '--json']).out).filter((c: { name: string }) => c.name === 'Nina Novak'),
      ).toHaveLength(1);
      expect(pm('a', ['ls', '--with', 'Nina Novak']).out).toMatch(/B met Nina[\s\S]*A met Nina/);
    });

  it('importing the same export twice changes nothing the second time, on either side', () => {
    ninaMetApart();
    const fromA = exportFile('a');
    // Nina alone was found under another UUID; Acme and Jane B already had, as they were
    expect(pm('b', ['import', fromA]).out).toContain(
      'Already in the journal: 3 records (kept as they are).\nMatched to yours: 1 contact, 0 accounts.',
    );
    const fromB = exportFile('b');
    pm('a', ['import', fromB]);
    const [a, b] = [comparable('a'), comparable('b')];
    const journals = (['a', 'b'] as const).map((w) => readFileSync(join(box.dir, `${w}.db`)));
    expect(pm('b', ['import', fromA]).out).not.toContain('Matched to yours');
    pm('a', ['import', fromB]);
    // the same records, the same versions, and not a byte of either journal written
    expect(comparable('a')).toEqual(a);
    expect(comparable('b')).toEqual(b);
    expect(readFileSync(join(box.dir, 'a.db')).equals(journals[0])).toBe(true);
    expect(readFileSync(join(box.dir, 'b.db')).equals(journals[1])).toBe(true);
  });

  it('a field both typed differently: the later value is kept, the other listed by pm sync conflicts', () => {
    call('a', 'Jane Roe <jane@acme.test>', '2026-12-01');
    pm('a', ['contact', 'set', 'Jane Roe', '--persona', 'finance lead', '--segment', 'enterprise']);
    call('b', 'Jane Roe', '2026-12-02');
    pm('b', ['contact', 'set', 'Jane Roe', '--persona', 'buyer']);
    const imported = trade('a', 'b');
    expect(imported.out).toMatch(/1 record was changed here and there at once/);
    trade('b', 'a');
    for (const who of ['a', 'b'] as const) {
      const jane = contact(who, 'Jane Roe');
      // B's later persona; A's email and segment, which B left empty
      expect([jane.email, jane.persona, jane.segment]).toEqual(['jane@acme.test', 'buyer', 'enterprise']);
    }
    expect(comparable('b')).toEqual(comparable('a'));
    // the journal that united them keeps A's persona, findable; the other took the union made knowing it
    const [c] = conflicts('b');
    expect(conflicts('b')).toHaveLength(1);
    expect(c.kind).toBe('contact');
    expect([c.kept.record.persona, c.lost.record.persona]).toEqual(['buyer', 'finance lead']);
    expect(c.lost.record).toMatchObject({ email: 'jane@acme.test', segment: 'enterprise', name: 'Jane Roe' });
    expect(conflicts('a')).toEqual([]);
    const text = pm('b', ['sync', 'conflicts']).out;
    expect(text).toMatch(/kept: Jane Roe · persona buyer/);
    expect(text).toMatch(/lost: Jane Roe · persona finance lead/);
    // bringing it back writes it as a change of B's, which wins in A too
    pm('b', ['sync', 'resolve', String(c.id), 'lost']);
    expect(contact('b', 'Jane Roe').persona).toBe('finance lead');
    trade('b', 'a');
    expect(contact('a', 'Jane Roe').persona).toBe('finance lead');
    expect(comparable('b')).toEqual(comparable('a'));
  });

  it('matched by email: a name typed differently is the conflict, the rest filled', () => {
    call('a', 'Jon Smith <jon@acme.test>', '2026-12-01');
    pm('a', ['contact', 'set', 'Jon Smith', '--persona', 'CFO']);
    call('b', 'Jonathan Smith <jon@acme.test>', '2026-12-02');
    trade('b', 'a');
    trade('a', 'b');
    for (const who of ['a', 'b'] as const)
      expect(contact(who, 'jon@acme.test')).toMatchObject({ name: 'Jonathan Smith', persona: 'CFO' });
    expect(conflicts('a').map((c) => [c.kept.record.name, c.lost.record.name])).toEqual([
      ['Jonathan Smith', 'Jon Smith'],
    ]);
    expect(comparable('b')).toEqual(comparable('a'));
  });
});

describe('an account created on two journals keeps what either side typed', () => {
  for (const [first, second] of [
    ['a', 'b'],
    ['b', 'a'],
  ] as const)
    it(`E14: a segment only the earlier side typed survives, ${first}→${second} then back, and counts in coverage`, () => {
      call('a', 'Jane Roe <jane@acme.test>', '2026-12-01', '--segment', 'enterprise');
      call('b', 'Jane Roe <jane@acme.test>', '2026-12-02');
      pm('b', ['account', 'set', 'Acme', '--cadence', '30']);
      trade(first, second);
      trade(second, first);
      for (const who of ['a', 'b'] as const) {
        const [acme] = JSON.parse(pm(who, ['accounts', '--json']).out);
        expect([acme.name, acme.segment, acme.cadenceDays]).toEqual(['Acme', 'enterprise', 30]);
        expect(pm(who, ['coverage', '--json']).out).toContain('enterprise');
        expect(conflicts(who)).toEqual([]);
      }
      expect(comparable('b')).toEqual(comparable('a'));
    });

  it('a segment both typed differently: the later kept, the other a conflict', () => {
    call('a', 'Jane Roe', '2026-12-01', '--segment', 'enterprise');
    call('b', 'Jane Roe', '2026-12-02', '--segment', 'mid-market');
    trade('a', 'b');
    trade('b', 'a');
    for (const who of ['a', 'b'] as const)
      expect(JSON.parse(pm(who, ['accounts', '--json']).out)[0].segment).toBe('mid-market');
    // pm log --segment gave Jane the account's segment too: her copies differ the same way
    expect(conflicts('b').map((c) => [c.kind, c.kept.record.segment, c.lost.record.segment])).toEqual([
      ['account', 'mid-market', 'enterprise'],
      ['contact', 'mid-market', 'enterprise'],
    ]);
    expect(pm('b', ['sync', 'conflicts']).out).toMatch(/lost: Acme · segment enterprise/);
    expect(comparable('b')).toEqual(comparable('a'));
  });
});

describe('an erased person never comes back through a union', () => {
  it('erased after the union: gone on both sides, with the conflict that held her other copy', () => {
    aMeetsNina('finance lead');
    log('b', '--with', 'Nina Novak', '--account', 'Acme', '--summary', 'B met Nina', '--date', '2026-12-03');
    pm('b', ['contact', 'set', 'Nina Novak', '--persona', 'buyer']);
    const before = exportFile('a');
    pm('b', ['import', before]);
    expect(conflicts('b')).toHaveLength(1);
    pm('b', ['forget', 'Nina Novak', '--yes']);
    expect(conflicts('b')).toEqual([]);
    trade('b', 'a');
    // and A's export from before the erasure brings nothing of her back to B
    pm('b', ['import', before]);
    for (const who of ['a', 'b'] as const) {
      const all = pm(who, ['export', '--format', 'json']).out + pm(who, ['sync', 'conflicts', '--json']).out;
      expect(all).not.toMatch(/Nina|nina@acme\.test|finance lead|buyer/);
      expect(box.pm(['--db', join(box.dir, `${who}.db`), 'show', 'Nina Novak']).code).not.toBe(0);
    }
  });

  it('erased on one side before the other copy arrives: nothing of her erased copy fills the other', () => {
    call('a', 'Jane Roe', '2026-12-01');
    trade('a', 'b');
    aMeetsNina('finance lead');
    log('b', '--with', 'Nina Novak', '--account', 'Acme', '--summary', 'B met Nina', '--date', '2026-12-03');
    pm('a', ['forget', 'Nina Novak', '--yes']);
    trade('a', 'b');
    trade('b', 'a');
    // B's own Nina, at the account of the Nina A erased and with no email telling them apart, is by
    // the rule that unites copies made apart the same person: erased too (fresh-eyes E11)
    for (const who of ['a', 'b'] as const)
      expect(JSON.parse(pm(who, ['contacts', '--json']).out).map((c: { name: string }) => c.name)).not.toContain(
        'Nina Novak',
      );
    for (const who of ['a', 'b'] as const) {
      const all = pm(who, ['export', '--format', 'json']).out + pm(who, ['sync', 'conflicts', '--json']).out;
      expect(all).not.toMatch(/nina@acme\.test|finance lead|A met Nina/);
    }
  });
});

describe('an import into an empty journal matches nothing of yours', () => {
  it('says so: no "Matched to yours" for the file\'s merged-away records, nor for two of its own made one', () => {
    ninaMetApart();
    pm('a', ['config', 'set', 'cadence.target', '3']);
    trade('a', 'b');
    trade('b', 'a');
    const file = exportFile('a');
    const r = box.pm(['--db', join(box.dir, 'c.db'), 'import', file]);
    expect(r.code, r.err).toBe(0);
    // the file's merged-away Nina is remembered, not "matched" nor "already in the journal"; the
    // setting is new here, not an update
    expect(r.out).not.toMatch(/Matched to yours|Already in the journal|Updated/);
    expect(JSON.parse(box.pm(['--db', join(box.dir, 'c.db'), 'config', 'get', 'cadence.target', '--json']).out)).toBe(
      3,
    );
    // a file that holds Nina twice (an export of a journal that held her twice): one Nina, said as it is
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    const nina = doc.contacts.find((c: { name: string }) => c.name === 'Nina Novak');
    const twin = { ...nina, uuid: `${nina.uuid.slice(0, -1)}${nina.uuid.endsWith('f') ? 'e' : 'f'}`, email: null };
    doc.contacts.push(twin);
    writeFileSync(file, JSON.stringify(doc));
    const d = box.pm(['--db', join(box.dir, 'd.db'), 'import', file]);
    expect(d.code, d.err).toBe(0);
    expect(d.out).toContain('Held twice in the file, now one: 1 contact.');
    expect(d.out).not.toMatch(/Matched to yours/);
    const json = JSON.parse(box.pm(['--db', join(box.dir, 'e.db'), 'import', file, '--json']).out);
    expect([json.contacts.matched, json.contacts.joined, json.accounts.matched]).toEqual([0, 1, 0]);
    const ninas = JSON.parse(box.pm(['--db', join(box.dir, 'd.db'), 'contacts', '--json']).out).filter(
      (c: { name: string }) => c.name === 'Nina Novak',
    );
    expect(ninas.map((c: { email: string }) => c.email)).toEqual(['nina@acme.test']);
  });
});

describe('the same contact or account edited on two journals at once', () => {
  it('keeps a field each side typed (an email here, a persona there): no conflict, both journals alike', () => {
    call('a', 'Lee Park', '2026-12-01');
    trade('a', 'b');
    pm('a', ['contact', 'set', 'Lee Park', '--email', 'lee@acme.test']);
    pm('a', ['account', 'set', 'Acme', '--segment', 'enterprise']);
    pm('b', ['contact', 'set', 'Lee Park', '--persona', 'cto']);
    pm('b', ['account', 'set', 'Acme', '--cadence', '14']);
    trade('a', 'b');
    trade('b', 'a');
    for (const who of ['a', 'b'] as const) {
      expect(contact(who, 'Lee Park')).toMatchObject({ email: 'lee@acme.test', persona: 'cto' });
      const [acme] = JSON.parse(pm(who, ['accounts', '--json']).out);
      expect([acme.segment, acme.cadenceDays]).toEqual(['enterprise', 14]);
      expect(conflicts(who)).toEqual([]);
    }
    expect(comparable('b')).toEqual(comparable('a'));
    // settled: the next exchanges change nothing
    const journals = (['a', 'b'] as const).map((w) => readFileSync(join(box.dir, `${w}.db`)));
    const [fromA, fromB] = [exportFile('a'), exportFile('b')];
    pm('b', ['import', fromA]);
    pm('a', ['import', fromB]);
    expect(readFileSync(join(box.dir, 'a.db')).equals(journals[0])).toBe(true);
    expect(readFileSync(join(box.dir, 'b.db')).equals(journals[1])).toBe(true);
  });

  it('a field both changed differently: the later value, the other kept as a conflict that names it', () => {
    call('a', 'Lee Park <lee@acme.test>', '2026-12-01');
    trade('a', 'b');
    pm('a', ['contact', 'set', 'Lee Park', '--persona', 'vp', '--segment', 'enterprise']);
    pm('b', ['contact', 'set', 'Lee Park', '--persona', 'head of it']);
    trade('a', 'b');
    trade('b', 'a');
    for (const who of ['a', 'b'] as const)
      expect(contact(who, 'Lee Park')).toMatchObject({ persona: 'head of it', segment: 'enterprise' });
    expect(conflicts('b').map((c) => [c.kept.record.persona, c.lost.record.persona])).toEqual([['head of it', 'vp']]);
    expect(pm('b', ['sync', 'conflicts']).out).toMatch(/lost: Lee Park · persona vp/);
    expect(comparable('b')).toEqual(comparable('a'));
  });
});

describe('a conflict lists both versions alike', () => {
  it("an interview's losing version has the kept one's keys: no rev or vv of its own (fresh-eyes E2)", () => {
    call('a', 'Lee Park', '2026-12-01');
    trade('a', 'b');
    pm('a', ['edit', 'I1', '--summary', 'A: slow exports']);
    pm('b', ['edit', 'I1', '--summary', 'B: slow exports, every month']);
    trade('a', 'b');
    const [c] = conflicts('b');
    expect([c.kept.record.summary, c.lost.record.summary]).toEqual(['B: slow exports, every month', 'A: slow exports']);
    expect(Object.keys(c.lost.record).sort()).toEqual(Object.keys(c.kept.record).sort());
  });
});

describe('an erasure that reaches your own copy of the person through a union', () => {
  it("erases your copy as pm forget would: nothing of hers is left in your journal's file", () => {
    call('a', 'Ann Lee', '2026-12-01');
    trade('a', 'b');
    aMeetsNina();
    log(
      'b',
      '--with',
      'Nina Novak',
      '--account',
      'Acme',
      '--persona',
      'chief finance officer',
      '--summary',
      'B met Nina',
      '--date',
      '2026-12-03',
    );
    // A unites the two Ninas (hers has the smaller UUID: made first), then forgets her
    trade('b', 'a');
    pm('a', ['forget', 'Nina Novak', '--yes']);
    const imported = trade('a', 'b');
    expect(imported.out).toMatch(/Erased here: 1 of your contacts/);
    const placeholders = JSON.parse(pm('b', ['contacts', '--json']).out).filter(
      (c: { name: string }) => c.name !== 'Ann Lee',
    );
    expect(placeholders.map((c: { name: string; persona: string | null }) => [c.name, c.persona])).toEqual([
      ['Forgotten contact', null],
    ]);
    for (const file of ['b.db', 'b.db-wal']) {
      const path = join(box.dir, file);
      if (existsSync(path)) expect(readFileSync(path).toString('latin1')).not.toMatch(/nina|finance officer/i);
    }
  });
});
