// Upgrading journals made by earlier versions of pm (fixtures committed in test/fixtures, made by
// the pm of that schema version): counts and content unchanged, the backup beside the journal,
// and a table-rebuild migration that cannot cascade-delete children.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chmodSync, copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sandbox, ROOT, type Sandbox } from '../helpers.js';
import { openForWrite, runMigrations, APPLICATION_ID } from '../../src/db/journal.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/db/migrations.js';

let box: Sandbox;
beforeEach(() => (box = sandbox()));
afterEach(() => box.cleanup());

const FIXTURES = [{ version: 1, file: join(ROOT, 'test', 'fixtures', 'journal-v1.db') }];

/** A copy of a fixture as pm would have left it: git checks files out 0644, pm writes them 0600. */
function copyFixture(file: string, to: string): void {
  copyFileSync(file, to);
  chmodSync(to, 0o600);
}

/** Every table's rows, restricted to the columns the old schema had, in a stable order. */
function content(path: string, tablesAndColumns?: Map<string, string[]>): Map<string, unknown[]> {
  const db = new Database(path, { readonly: true });
  const tables =
    tablesAndColumns ??
    new Map(
      (
        db
          .prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'interviews_fts_%'",
          )
          .pluck()
          .all() as string[]
      ).map((t) => [t, db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(t) as string[]]),
    );
  const out = new Map<string, unknown[]>();
  for (const [table, columns] of tables) {
    const cols = columns.map((c) => `"${c}"`).join(', ');
    out.set(table, db.prepare(`SELECT ${cols} FROM "${table}" ORDER BY ${cols}`).raw().all());
  }
  db.close();
  return out;
}

function columnsOf(path: string): Map<string, string[]> {
  const db = new Database(path, { readonly: true });
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'interviews_fts_%'",
    )
    .pluck()
    .all() as string[];
  const map = new Map(
    tables.map((t) => [t, db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(t) as string[]]),
  );
  db.close();
  return map;
}

describe.each(FIXTURES)('a schema-$version journal', ({ version, file }) => {
  it('is the version it claims to be', () => {
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(version);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    db.close();
  });

  it(`upgrades to schema ${SCHEMA_VERSION} with counts and content unchanged, after a backup beside it`, () => {
    copyFixture(file, box.db);
    const oldColumns = columnsOf(box.db);
    const before = content(box.db, oldColumns);
    const beforeBytes = readFileSync(box.db);

    const r = box.pm(['ls', '--json']); // a read upgrades the journal too
    expect(r.code, r.err).toBe(0);

    const db = new Database(box.db, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
    expect(content(box.db, oldColumns)).toEqual(before);

    const backup = `${box.db}.bak-v${version}`;
    expect(existsSync(backup)).toBe(true);
    expect(content(backup, oldColumns)).toEqual(before);
    expect(readFileSync(box.db).equals(beforeBytes)).toBe(false);
  });

  it('still answers every command the same way after the upgrade', () => {
    copyFixture(file, box.db);
    const interviews = box.json(['ls']);
    expect(interviews.length).toBeGreaterThanOrEqual(5);
    const h1 = box.json(['hyp', 'show', 'H1']);
    expect(h1.statement).toBe('Finance teams want itemised invoices');
    // evidence carries the interview's date and kind after 0002
    const evidence = box.sql<{ date: string; kind: string; idate: string; ikind: string }>(
      'SELECT e.date, e.kind, i.date AS idate, i.kind AS ikind FROM evidence e JOIN interviews i ON i.id = e.interview_id',
    );
    expect(evidence.length).toBeGreaterThan(0);
    for (const e of evidence) expect([e.date, e.kind]).toEqual([e.idate, e.ikind]);
    // evidence_customers (0003) holds one row per hypothesis, direction and customer
    const summary = box.sql<{ h: number; d: string; c: number }>(
      'SELECT hypothesis_id AS h, direction AS d, contact_id AS c FROM evidence_customers ORDER BY 1, 2, 3',
    );
    const scratch = box.sql<{
      h: number;
      d: string;
      c: number;
    }>(`SELECT DISTINCT e.hypothesis_id AS h, e.direction AS d, c.id AS c
      FROM evidence e JOIN interviews i ON i.id = e.interview_id JOIN interview_contacts ic ON ic.interview_id = i.id
      JOIN contacts c ON c.id = ic.contact_id WHERE i.kind = 'customer' AND c.role IN ('customer', 'prospect') ORDER BY 1, 2, 3`);
    expect(summary.length).toBeGreaterThan(0);
    expect(summary).toEqual(scratch);
    // the forgotten person stays forgotten
    expect(box.sql('SELECT count(*) AS n FROM contacts WHERE forgotten = 1')[0].n).toBe(1);
    expect(box.json(['doctor']).healthy).toBe(true);
  });
});

describe('a schema-1 journal with follow-ups answered the same day (H15, schema 72)', () => {
  it('upgrades to answers by a call logged later that day, and pm doctor finds it healthy', () => {
    copyFixture(FIXTURES[0].file, box.db);
    const old = new Database(box.db);
    const call = old.prepare(`INSERT INTO interviews (id, uuid, date, account_id, summary, follow_up, created_at)
      VALUES (?, ?, '2026-10-30', ?, ?, ?, '2026-10-30T12:00:00.000Z')`);
    const person = old.prepare('INSERT INTO interview_contacts (interview_id, contact_id) VALUES (?, ?)');
    // Omar's follow-up of the morning, answered by his call logged after it; Li Wei's call logged
    // before the one that asks, which answers nothing
    for (const [id, contact, account, summary, followUp] of [
      [8, 2, 2, 'asks for the API', '2026-10-30'],
      [9, 2, 2, 'API walkthrough', null],
      [10, 4, 4, 'intro', null],
      [11, 4, 4, 'asks for a quote', '2026-10-30'],
    ] as const) {
      call.run(id, `01a20505-4300-7778-90a8-6695723880${String(id).padStart(2, '0')}`, account, summary, followUp);
      person.run(id, contact);
    }
    old.close();
    const report = box.json(['report', '--as-of', '2026-11-02']);
    expect(report.followUps.map((f: { id: string }) => f.id)).toEqual(['I11']);
    expect(box.json(['show', 'I8'])).toMatchObject({ followUpAnsweredBy: 'I9', followUpAnsweredOn: '2026-10-30' });
    expect(box.json(['doctor']).healthy).toBe(true);
    // the upgrade changes which follow-ups are answered, never the follow-ups themselves
    expect(box.sql('SELECT id FROM interviews WHERE follow_up IS NOT NULL AND follow_up_done = 0')).toEqual([
      { id: 8 },
      { id: 11 },
    ]);
  });
});

describe('a schema-1 journal with a call on the day of a kill (H13, schema 74)', () => {
  it('upgrades to the kill put in doubt by a call logged after it, and pm doctor finds it healthy', () => {
    copyFixture(FIXTURES[0].file, box.db);
    const old = new Database(box.db);
    // H3 was killed on 10-15 (its outcome's UUID 01a20505-463d-…); a call that day logged after the
    // kill supports it, as does one logged before it, which the kill knew
    const call = old.prepare(`INSERT INTO interviews (id, uuid, date, account_id, summary, created_at)
      VALUES (?, ?, '2026-10-15', 2, ?, '2026-10-15T12:00:00.000Z')`);
    for (const [id, uuid, summary] of [
      [8, '01a20505-4700-7000-8000-000000000008', 'after the kill'],
      [9, '01a20505-4600-7000-8000-000000000009', 'before the kill'],
    ] as const) {
      call.run(id, uuid, summary);
      old.prepare('INSERT INTO interview_contacts (interview_id, contact_id) VALUES (?, 2)').run(id);
      old.prepare("INSERT INTO evidence (hypothesis_id, interview_id, direction) VALUES (3, ?, 'supports')").run(id);
    }
    old.close();
    const report = box.json(['report', '--as-of', '2026-11-02']);
    expect(
      report.hypotheses.killed.map((k: { id: string; evidenceAfter: string[] }) => [k.id, k.evidenceAfter]),
    ).toEqual([['H3', ['I8', 'I6']]]);
    expect(box.json(['doctor']).healthy).toBe(true);
  });
});

describe('the migration runner', () => {
  function seeded() {
    const j = openForWrite(box.db);
    j.db.close();
    expect(box.pm(['hyp', 'add', 'People want faster exports', '--date', '2026-11-01', '--tag', 'export']).code).toBe(
      0,
    );
    expect(
      box.pm([
        'log',
        '--with',
        'Ann Lee',
        '--account',
        'Acme',
        '--summary',
        'Exports',
        '--pain',
        'slow',
        '--quote',
        'too slow',
        '--tag',
        'export',
        '--supports',
        'H1',
        '--date',
        '2026-11-02',
      ]).code,
    ).toBe(0);
    return new Database(box.db);
  }

  // rebuild hypotheses the way SQLite documents it: new table, copy, drop the old, rename the new
  const hypothesesDdl = (db: Database.Database) =>
    (db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'hypotheses'").pluck().get() as string).replace(
      'CREATE TABLE hypotheses',
      'CREATE TABLE hypotheses_new',
    );
  const rebuildHypotheses = (db: Database.Database) => `PRAGMA legacy_alter_table = ON;
    ${hypothesesDdl(db)};
    INSERT INTO hypotheses_new SELECT * FROM hypotheses;
    DROP TABLE hypotheses;
    ALTER TABLE hypotheses_new RENAME TO hypotheses;
    PRAGMA legacy_alter_table = OFF;`;
  const childCounts = (db: Database.Database) =>
    ['evidence', 'outcomes', 'hypothesis_tags'].map(
      (t) => db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number,
    );

  it('a table-rebuild migration of a parent table cannot cascade-delete its children', () => {
    const db = seeded();
    expect(box.pm(['hyp', 'kill', 'H1', '--reason', 'no', '--date', '2026-11-03']).code).toBe(0);
    const before = childCounts(db);
    expect(before.every((n) => n > 0)).toBe(true);
    db.pragma('foreign_keys = ON');
    runMigrations(db, SCHEMA_VERSION, [
      ...MIGRATIONS,
      { version: SCHEMA_VERSION + 1, name: 'test_rebuild', sql: rebuildHypotheses(db) },
    ]);
    expect(childCounts(db)).toEqual(before);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('(control) the same rebuild with foreign keys on would have deleted the children', () => {
    const db = seeded();
    db.pragma('foreign_keys = ON');
    db.exec(rebuildHypotheses(db));
    expect(childCounts(db)[0]).toBe(0);
    db.close();
  });

  it('a migration that would break references is rolled back whole', () => {
    const db = seeded();
    const broken = { version: SCHEMA_VERSION + 1, name: 'test_broken', sql: 'DELETE FROM accounts;' };
    expect(() => runMigrations(db, SCHEMA_VERSION, [...MIGRATIONS, broken])).toThrow(/broken references/);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare('SELECT count(*) FROM accounts').pluck().get()).toBe(1);
    db.close();
  });

  it('every migration opens with a comment that says why', () => {
    for (const m of MIGRATIONS) {
      const first = readFileSync(join(ROOT, 'migrations', `${m.name}.sql`), 'utf8').split('\n')[0];
      expect(first, m.name).toMatch(new RegExp(`^-- ${m.name}: \\w+`));
    }
  });
});
