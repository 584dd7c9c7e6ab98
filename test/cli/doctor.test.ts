// `pm doctor` checks the summaries the schema keeps by triggers against the records: one changed by
// hand (plain SQL, as a user with sqlite3 might) makes doctor exit 1 naming it, with the way to
// repair it; `pm doctor --repair` rebuilds it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { journal, type JournalBuilder } from '../fixtures/journal-builder.js';
import { sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
let b: JournalBuilder;
let path: string;
beforeEach(() => {
  box = sandbox();
  b = journal();
  path = b.path;
  const acme = b.account('Acme');
  const ann = b.contact('Ann Lee', acme);
  const h = b.hypothesis('Finance teams want CSV exports', '2026-10-01');
  for (const date of ['2026-10-05', '2026-10-12', '2026-10-19'])
    b.evidence(h, b.interview({ date, account: acme, with: [ann] }));
  b.db.close();
});
afterEach(() => {
  rmSync(b.dir, { recursive: true, force: true });
  box.cleanup();
});

const pm = (...args: string[]) => box.pm(['--db', path, ...args]);
const sql = (statement: string) => {
  const db = new Database(path);
  try {
    return db.prepare(statement).run().changes;
  } finally {
    db.close();
  }
};
const bytes = () => {
  const hash = createHash('sha256');
  for (const p of [path, `${path}-wal`]) hash.update(existsSync(p) ? readFileSync(p) : Buffer.alloc(0)).update('|');
  return hash.digest('hex');
};

describe('pm doctor counts', () => {
  it('names one record in the singular: 1 account, 1 contact, 1 hypothesis', () => {
    const r = pm('doctor');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Records:   1 account, 1 contact, 3 interviews, 1 hypothesis, 3 evidence, 0 outcomes');
  });
});

describe('pm doctor and the summaries', () => {
  it('reports a summary changed by hand: exit 1, its name, and how to repair it, leaving the journal as it was', () => {
    expect(pm('doctor').code).toBe(0);
    expect(sql('UPDATE evidence_totals SET supports = supports + 5')).toBe(1);
    const before = bytes();
    const text = pm('doctor');
    expect(text.code).toBe(1);
    expect(text.out).toMatch(/Summaries: FAILED/);
    expect(text.out).toMatch(
      /Problem: +the summary evidence_totals differs .*\(1 row\); to rebuild it: pm doctor --repair/,
    );
    const json = pm('doctor', '--json');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out)).toMatchObject({
      healthy: false,
      integrity: 'ok',
      summaries: [{ name: 'evidence_totals', rows: 1 }],
    });
    expect(bytes()).toBe(before);
  });

  it('--repair rebuilds it from the records and exits 0; the next check is healthy', () => {
    expect(sql("UPDATE accounts SET last_direct = '1999-01-01'")).toBe(1);
    const r = pm('doctor', '--repair');
    expect(r.code, r.out + r.err).toBe(0);
    expect(r.out).toMatch(/Repaired: +accounts\.last_direct \(1 row rebuilt\)/);
    expect(r.out).toMatch(/Summaries: ok/);
    const after = JSON.parse(pm('doctor', '--json').out);
    expect(after).toMatchObject({ healthy: true, summaries: 'ok', problems: [] });
    const db = new Database(path, { readonly: true });
    expect(db.prepare('SELECT last_direct FROM accounts').pluck().get()).toBe('2026-10-19');
    db.close();
  });

  it('--repair on a healthy journal changes nothing', () => {
    const before = bytes();
    const r = pm('doctor', '--repair', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ healthy: true, repaired: [] });
    expect(bytes()).toBe(before);
  });
});

describe('pm doctor on a damaged table (wave 11 E10)', () => {
  it('still reports: what failed, the tables it cannot read, and how to restore or save the rest; exit 1', () => {
    const db = new Database(path);
    const root = db.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'interviews'").pluck().get() as number;
    const size = db.pragma('page_size', { simple: true }) as number;
    db.close();
    // the interviews table's first page overwritten, as a bad disk block would
    const bytes = readFileSync(path);
    bytes.fill(0xff, (root - 1) * size, root * size);
    writeFileSync(path, bytes);
    const r = pm('doctor');
    expect(r.code, r.err).toBe(1);
    expect(r.out, r.err).toContain('Integrity: FAILED');
    expect(r.out).toContain('Foreign keys: not checked');
    expect(r.out).toMatch(/Problem: {3}integrity_check: .*(page|malformed)/);
    expect(r.out).toContain(`restore the latest copy (pm backup's, or ${path}.bak-v*)`);
    expect(r.out).toContain(`sqlite3 ${path} .recover | sqlite3 saved.db`);
    const j = pm('doctor', '--json');
    expect(j.code).toBe(1);
    const json = JSON.parse(j.out);
    expect(json.healthy).toBe(false);
    expect(json.foreignKeys).toBe('not checked');
    expect(readFileSync(path)).toEqual(bytes);
    // two integrity checks of a damaged file: ~8 s on a busy two-core machine, past 30 s at load 30
  }, 90_000);
});
