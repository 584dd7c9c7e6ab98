// pm forget, in-process: what it erases (tables, index, the journal's bytes, free space), what it
// refuses, and what it says when a reader holds the old bytes. File modes and a forget during another
// process's read: test/e2e/privacy.test.ts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { expectUsageError, sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => (box = sandbox()));
afterEach(() => box.cleanup());

describe('pm forget', () => {
  const person = { name: 'Zelda Quuxley', email: 'zelda.q@quux.test', quote: 'Our auditors reject every export' };

  function seed() {
    const r1 = box.pm([
      'log',
      '--with',
      `${person.name} <${person.email}>`,
      '--account',
      'Quuxcorp',
      '--summary',
      `${person.name} walked us through exports`,
      '--notes',
      `Call with ${person.name}; follow up at ${person.email}. Zelda wants CSV; the Annual review is fine.`,
      '--quote',
      person.quote,
      '--pain',
      'exports are slow',
      '--date',
      '2026-11-18',
    ]);
    expect(r1.code, r1.err).toBe(0);
    const r2 = box.pm([
      'log',
      '--with',
      'Omar Ruiz',
      '--account',
      'Quuxcorp',
      '--summary',
      'Pricing questions',
      '--quote',
      'Too expensive for us',
      '--date',
      '2026-11-19',
    ]);
    expect(r2.code, r2.err).toBe(0);
  }

  it('the erased are nobody: a new conversation cannot be logged with them, nor one be looked up by that name', () => {
    seed();
    expect(box.pm(['forget', person.email, '--yes']).code).toBe(0);
    const before = box.snapshot();
    for (const args of [
      ['log', '--with', 'Forgotten contact', '--account', 'Quuxcorp', '--summary', 'Who was this?'],
      ['log', '--with', 'forgotten CONTACT', '--summary', 'Who was this?'],
      ['show', 'Forgotten contact'],
    ])
      expectUsageError(box.pm(args));
    expect(box.snapshot()).toBe(before);
  });

  it('drops an unsaved pm log draft that names them (issue 15), and keeps one that does not', () => {
    seed();
    const draft = `${box.db}.log-draft.json`;
    const keep = {
      format: 'pm-log-draft',
      savedAt: '2026-11-20T10:00:00Z',
      answers: { whoLabel: 'Omar Ruiz (Quuxcorp)' },
    };
    writeFileSync(draft, JSON.stringify(keep));
    expect(box.pm(['forget', person.email, '--yes']).code).toBe(0);
    expect(existsSync(draft)).toBe(true);
    writeFileSync(
      draft,
      JSON.stringify({ ...keep, answers: { whoLabel: 'Omar Ruiz (Quuxcorp)', summary: 'Omar said so' } }),
    );
    const r = box.pm(['forget', 'Omar Ruiz', '--yes']);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/removed the unsaved pm log draft that named/);
    expect(existsSync(draft)).toBe(false);
  });

  it('needs --yes when it cannot ask, and then changes nothing', () => {
    seed();
    const before = box.snapshot();
    expectUsageError(box.pm(['forget', person.name]));
    expectUsageError(box.pm(['forget', 'Nobody At All', '--yes']));
    expect(box.snapshot()).toBe(before);
  });

  it('erases name, email and quotes from the tables, the index and the files; the interviews stay', () => {
    seed();
    const backup = join(box.dir, 'journal.db.bak-manual');
    expect(box.pm(['backup', backup]).code).toBe(0);
    const r = box.pm(['forget', person.email, '--yes']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/Forgot Zelda Quuxley .*1 interview .*"Forgotten contact", 1 quote erased/);
    // it names the backup that still holds the person
    expect(r.err).toContain(backup);

    // the interview stays, attributed to "Forgotten contact"; the other person's quote stays
    const rows = box.sql<{ id: number; summary: string }>('SELECT id, summary FROM interviews ORDER BY id');
    expect(rows).toHaveLength(2);
    expect(box.sql('SELECT name, email, forgotten FROM contacts ORDER BY id')[0]).toEqual({
      name: 'Forgotten contact',
      email: null,
      forgotten: 1,
    });
    expect(box.sql('SELECT text FROM quotes').map((q: any) => q.text)).toEqual(['Too expensive for us']);
    expect(box.sql('SELECT count(*) AS n FROM forgotten')[0].n).toBe(1);

    // nothing left in the full-text index
    for (const word of ['Zelda', 'Quuxley', 'auditors']) {
      expect(box.sql('SELECT count(*) AS n FROM interviews_fts WHERE interviews_fts MATCH ?', word)[0].n, word).toBe(0);
    }
    // nor in the bytes of the journal and its -wal/-shm
    for (const file of [box.db, `${box.db}-wal`, `${box.db}-shm`]) {
      if (!existsSync(file)) continue;
      const bytes = readFileSync(file);
      for (const needle of [person.name, 'Zelda', 'Quuxley', person.email, person.quote, 'auditors reject']) {
        expect(bytes.includes(Buffer.from(needle)), `${needle} in ${file}`).toBe(false);
      }
    }
    // first names alone go too, but only as whole words
    expect(box.sql<{ notes: string }>('SELECT notes FROM interviews WHERE id = 1')[0].notes).toBe(
      'Call with [forgotten]; follow up at [forgotten]. [forgotten] wants CSV; the Annual review is fine.',
    );
    // the journal is still healthy
    expect(box.json(['doctor']).healthy).toBe(true);
  });

  /** The person's bytes in the journal and its -wal/-shm files. */
  function leftIn(): string[] {
    return [box.db, `${box.db}-wal`, `${box.db}-shm`].filter(
      (file) =>
        existsSync(file) &&
        [person.name, person.email, person.quote].some((needle) => readFileSync(file).includes(Buffer.from(needle))),
    );
  }

  it('says so when a program reading the journal keeps the old bytes from being overwritten, until it lets go', () => {
    seed();
    const reader = new Database(box.db, { readonly: true });
    try {
      reader.prepare('BEGIN').run();
      reader.prepare('SELECT count(*) FROM contacts').get();
      const r = box.pm(['forget', person.email, '--yes'], { env: { PM_BUSY_TIMEOUT_MS: '200' } });
      expect(r.code, r.err).toBe(0);
      expect(r.err).toContain(
        `pm: warning: another program is reading the journal, so this person's old bytes are not yet overwritten in ${box.db}`,
      );
      expect(leftIn().length).toBeGreaterThan(0);
    } finally {
      reader.close();
    }
    // as the warning says: once the reader has closed the journal, pm's next write erases them
    expect(
      box.pm(['log', '--with', 'Omar Ruiz', '--account', 'Quuxcorp', '--summary', 'Later', '--date', '2026-11-20'])
        .code,
    ).toBe(0);
    expect(leftIn()).toEqual([]);
  });

  it("leaves no copy in the file's free space from before (a journal made by pm import)", async () => {
    // importing splits and rewrites pages without zeroing what they held: copies of a contact's
    // row can sit in free space long before anyone asks to forget them
    const { generate } = await import('../bench/generate.mjs' as string);
    const doc = generate(2000, { accounts: 50, contacts: 200, hypotheses: 50, seed: 3 });
    writeFileSync(join(box.dir, 'team.json'), JSON.stringify(doc));
    expect(box.pm(['import', join(box.dir, 'team.json')]).code).toBe(0);
    const gone = doc.contacts[5] as { name: string; email: string };
    const r = box.pm(['forget', gone.email, '--yes']);
    expect(r.code, r.err).toBe(0);
    for (const file of [box.db, `${box.db}-wal`, `${box.db}-shm`].filter((f) => existsSync(f)))
      expect(readFileSync(file).includes(Buffer.from(gone.email)), file).toBe(false);
    expect(box.json(['doctor']).healthy).toBe(true);
  });
});
