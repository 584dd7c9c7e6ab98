// What a first-time user stumbled on in wave 8 where journals meet (fix8c): redacted exports, forget's
// rewrites, names matched by key, stdin at a terminal.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => (box = sandbox()));
afterEach(() => box.cleanup());

const ok = (r: { code: number | null; err: string }) => expect(r.code, r.err).toBe(0);

describe('a redacted export never comes back in (E34)', () => {
  it('pm import refuses a --redact or --redact=all export, exit 2, the journal byte-for-byte untouched', () => {
    ok(box.pm(['log', '--with', 'Jane Roe <jane@acme.io>', '--account', 'Acme', '--summary', 'Jane on billing']));
    const teammate = join(box.dir, 'teammate.db');
    const plain = join(box.dir, 'plain.json');
    ok(box.pm(['export', '--format', 'json', '--out', plain]));
    ok(box.pm(['--db', teammate, 'import', plain]));
    // a later edit here makes every record of the redacted file "newer" than the teammate's copy
    ok(box.pm(['contact', 'set', 'Jane Roe', '--persona', 'finance lead']));
    ok(box.pm(['account', 'set', 'Acme', '--segment', 'enterprise']));
    for (const flag of ['--redact', '--redact=all']) {
      const file = join(box.dir, `red${flag.length}.json`);
      ok(box.pm(['export', '--format', 'json', flag, '--out', file]));
      const doc = JSON.parse(readFileSync(file, 'utf8'));
      expect(doc.redacted).toBe(flag === '--redact' ? 'contacts' : 'all');
      expect(Object.keys(doc).slice(0, 4)).toEqual(['format', 'version', 'exportedAt', 'redacted']);
      const before = readFileSync(teammate);
      const r = box.pm(['--db', teammate, 'import', file]);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`pm: ${file}: is a redacted export (${flag}): its pseudonyms`);
      expect(r.err).toMatch(/^hint: nothing was imported; a redacted export is for reading outside the team/m);
      expect(readFileSync(teammate).equals(before)).toBe(true);
      expect(box.json(['--db', teammate, 'contacts']).map((c: { name: string }) => c.name)).toEqual(['Jane Roe']);
      // an earlier pm wrote no mark: every contact a pseudonym, and no privacy key, says it
      delete doc.redacted;
      const old = join(box.dir, 'old.json');
      writeFileSync(old, JSON.stringify(doc));
      const o = box.pm(['--db', teammate, 'import', old]);
      expect(o.code).toBe(2);
      expect(o.err).toContain(`pm: ${old}: is a redacted export of an earlier pm`);
      expect(readFileSync(teammate).equals(before)).toBe(true);
    }
  });
});

describe('pm forget says which hypotheses it rewrote (E25)', () => {
  it('names each hypothesis whose text named the person, in text and JSON', () => {
    ok(box.pm(['hyp', 'add', 'Finance teams will pay for automatic invoice matching']));
    ok(box.pm(['hyp', 'add', 'Teams will switch from spreadsheets once Will Ito sees matching']));
    ok(box.pm(['hyp', 'add', 'Ops leads want a digest; ask will@initech.test']));
    ok(box.pm(['hyp', 'add', 'Nobody reads the weekly email']));
    ok(
      box.pm([
        ...['log', '--with', 'Will Ito <will@initech.test>', '--account', 'Initech'],
        ...['--summary', 'Will would pay', '--supports', 'H1', '--supports', 'H2'],
      ]),
    );
    const r = box.pm(['forget', 'Will Ito', '--yes']);
    ok(r);
    expect(r.out).toMatch(/^Hypotheses rewritten where they named them: H2, H3$/m);
    ok(box.pm(['log', '--with', 'Ann Lee <ann@globex.test>', '--account', 'Globex', '--summary', 'Ann on billing']));
    const j = box.json(['forget', 'Ann Lee', '--yes']);
    expect(j.hypotheses).toEqual([]);
    expect(box.pm(['hyp', 'show', 'H1']).out).toContain('Finance teams will pay for automatic invoice matching');
  });
});

describe('people merely called "Contact N" are not a redacted export (review R7)', () => {
  it('a journal of a survey panel, no email and no erasure, exports and imports', () => {
    const a = join(box.dir, 'panel.db');
    const file = join(box.dir, 'panel.json');
    for (const n of [1, 2])
      ok(box.pm(['--db', a, 'log', '--with', `Contact ${n}`, '--account', 'Panel', '--summary', `s${n}`]));
    ok(box.pm(['--db', a, 'export', '--format', 'json', '--out', file]));
    const r = box.pm(['--db', join(box.dir, 'b.db'), 'import', file]);
    ok(r);
    expect(
      box
        .json(['--db', join(box.dir, 'b.db'), 'contacts'])
        .map((c: { name: string }) => c.name)
        .sort(),
    ).toEqual(['Contact 1', 'Contact 2']);
  });
});

describe('names matched on import keep the spelling typed with care (E26)', () => {
  it('"Acme" and "Raj Patel" stay so when a teammate typed "acme" and "raj patel" later, both ways', () => {
    const teammate = join(box.dir, 'teammate.db');
    ok(box.pm(['log', '--with', 'Raj Patel', '--account', 'Acme', '--summary', 'A: Raj', '--date', '2026-11-10']));
    ok(box.pm(['--db', teammate, 'log', '--with', 'raj patel', '--account', 'acme', '--summary', 'C: raj']));
    ok(box.pm(['--db', teammate, 'account', 'set', 'acme', '--segment', 'enterprise']));
    const theirs = join(box.dir, 'theirs.json');
    const mine = join(box.dir, 'mine.json');
    ok(box.pm(['--db', teammate, 'export', '--format', 'json', '--out', theirs]));
    ok(box.pm(['export', '--format', 'json', '--out', mine]));
    ok(box.pm(['import', theirs]));
    ok(box.pm(['--db', teammate, 'import', mine]));
    for (const db of [box.db, teammate]) {
      expect(box.json(['--db', db, 'accounts']).map((a: { name: string }) => a.name)).toEqual(['Acme']);
      expect(box.json(['--db', db, 'contacts']).map((c: { name: string }) => c.name)).toEqual(['Raj Patel']);
      // the segment only one side set is taken; the name is no conflict
      expect(box.pm(['--db', db, 'sync', 'conflicts']).out).not.toMatch(/raj patel|lost: acme/);
    }
  });
});
