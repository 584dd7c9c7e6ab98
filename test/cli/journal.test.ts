import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sandbox, expectUsageError, type Sandbox } from '../helpers.js';
import { APPLICATION_ID } from '../../src/db/journal.js';
import { SCHEMA_VERSION } from '../../src/db/migrations.js';

let box: Sandbox;
beforeEach(() => (box = sandbox()));
afterEach(() => box.cleanup());

const mode = (p: string) => statSync(p).mode & 0o777;

describe('the journal file', () => {
  it('falls back to ~/.local/share/pm/journal.db without XDG_DATA_HOME', () => {
    const env = { PM_DB: undefined, XDG_DATA_HOME: undefined };
    expect(box.pm(['init'], { env }).code).toBe(0);
    expect(existsSync(join(box.dir, 'home', '.local', 'share', 'pm', 'journal.db'))).toBe(true);
  });

  it('--db wins over $PM_DB', () => {
    const other = join(box.dir, 'other.db');
    expect(box.pm(['--db', other, 'init']).code).toBe(0);
    expect(existsSync(other)).toBe(true);
    expect(existsSync(box.db)).toBe(false);
  });

  it('reading commands never create the journal', () => {
    for (const args of [['config'], ['config', 'get', 'cadence.days']]) {
      expect(box.pm(args).code).toBe(0);
    }
    // pm doctor on no journal is not healthy (fresh-eyes wave 12 G11: "Integrity: ok", exit 0)
    const doctor = box.pm(['doctor']);
    expect(doctor.code).toBe(1);
    expect(doctor.out).toMatch(/^Integrity: — \(no journal\)$/m);
    expect(doctor.out).toMatch(/^Problem: {3}there is no journal at .*journal\.db \(pm init or pm log makes one/m);
    expect(JSON.parse(box.pm(['doctor', '--json']).out).healthy).toBe(false);
    expect(existsSync(box.db)).toBe(false);
  });

  it('is WAL, marked with our application_id, and carries the schema version', () => {
    expect(box.pm(['init']).code).toBe(0);
    const db = new Database(box.db, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const strict = db
      .prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND sql LIKE '%STRICT%'")
      .pluck()
      .get();
    expect(strict).toBeGreaterThanOrEqual(10);
    db.close();
  });

  it('refuses a journal from a newer pm, and leaves it byte-for-byte unchanged', () => {
    expect(box.pm(['init']).code).toBe(0);
    const db = new Database(box.db);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const before = box.snapshot();
    for (const args of [['doctor'], ['config', 'set', 'cadence.days', '5'], ['init']]) {
      const r = box.pm(args);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/^pm: .*newer version of pm/m);
    }
    expect(box.snapshot()).toBe(before);
  });

  it('refuses a SQLite file that is not a pm journal, unchanged', () => {
    const db = new Database(box.db);
    db.exec('CREATE TABLE notes(x TEXT); INSERT INTO notes VALUES (1)');
    db.close();
    const before = readFileSync(box.db);
    for (const args of [['doctor'], ['init'], ['config', 'set', 'cadence.days', '5']]) {
      const r = box.pm(args);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/^pm: not a pm journal/m);
    }
    expect(readFileSync(box.db).equals(before)).toBe(true);
    expect(existsSync(`${box.db}-wal`)).toBe(false);
  });

  it('refuses a corrupt file, unchanged', () => {
    const garbage = Buffer.from('this is not a database at all, just some bytes '.repeat(200));
    writeFileSync(box.db, garbage);
    for (const args of [['doctor'], ['init']]) {
      const r = box.pm(args);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/^pm: .*corrupt/m);
      expect(r.err).not.toMatch(/^\s+at /m);
    }
    expect(readFileSync(box.db).equals(garbage)).toBe(true);
  });

  it('migrates an older journal after writing a backup beside it', () => {
    // a schema-0 pm journal: our application_id, nothing else yet (the oldest shape there is)
    const db = new Database(box.db);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.exec('CREATE TABLE legacy_marker(x INTEGER) STRICT; INSERT INTO legacy_marker VALUES (42)');
    db.close();
    const r = box.pm(['init']);
    expect(r.code, r.err).toBe(0);
    const migrated = new Database(box.db, { readonly: true });
    expect(migrated.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(migrated.prepare('SELECT x FROM legacy_marker').pluck().get()).toBe(42);
    migrated.close();
  });

  it('a failed command leaves the journal as it was', () => {
    expect(box.pm(['init']).code).toBe(0);
    const before = box.snapshot();
    expectUsageError(box.pm(['config', 'set', 'cadence.days', 'zero']));
    expectUsageError(box.pm(['config', 'set', 'no.such.key', '1']));
    expectUsageError(box.pm(['init', '--target', '-3']));
    expect(box.snapshot()).toBe(before);
  });
});

describe('config', () => {
  it('lists every key with its default, and validates what is set', () => {
    const all = box.json(['config']);
    expect(all).toEqual({
      'cadence.target': 1,
      'cadence.days': 7,
      'account.cadenceDays': 30,
      'hypothesis.staleDays': 14,
      'hypothesis.decideDays': 28,
      'evidence.validateAt': 3,
      'evidence.killAt': 2,
      'week.start': 'monday',
      'user.name': null,
      'journey.stages': 'discover,evaluate,onboard,adopt,expand,churn',
      'coverage.silentDays': 30,
      'bets.max': 3,
      'product.outcome': null,
    });
    expect(box.pm(['config', 'set', 'week.start', 'Sunday']).code).toBe(0);
    expect(box.json(['config', 'set', 'product.outcome', '  Finance closes the month in a day '])).toEqual({
      'product.outcome': 'Finance closes the month in a day',
    });
    expect(box.pm(['config', 'get', 'week.start']).out.trim()).toBe('sunday');
    expect(box.pm(['config', 'set', 'user.name', 'Dana Lee']).code).toBe(0);
    expect(box.json(['config', 'get', 'user.name'])).toBe('Dana Lee');
    for (const [k, v] of [
      ['week.start', 'friday'],
      ['cadence.days', '0'],
      ['cadence.target', '1.5'],
      ['evidence.killAt', 'two'],
      ['cadence.days', ''],
      ['product.outcome', ' '],
      ['product.outcome', 'x'.repeat(1001)],
    ]) {
      expectUsageError(box.pm(['config', 'set', k, v]));
    }
    expectUsageError(box.pm(['config', 'get', 'nope']));
  });

  it('init sets the cadence', () => {
    expect(box.pm(['init', '--target', '3', '--every', '14']).code).toBe(0);
    expect(box.json(['config', 'get', 'cadence.target'])).toBe(3);
    expect(box.json(['config', 'get', 'cadence.days'])).toBe(14);
  });
});

describe('doctor, backup, version, help, completion', () => {
  it('doctor reports a healthy journal and exits 0', () => {
    box.pm(['init']);
    const d = box.json(['doctor']);
    expect(d).toMatchObject({
      healthy: true,
      schemaVersion: SCHEMA_VERSION,
      integrity: 'ok',
      foreignKeys: 'ok',
      mode: '0600',
    });
    expect(d.counts).toEqual({ accounts: 0, contacts: 0, interviews: 0, hypotheses: 0, evidence: 0, outcomes: 0 });
  });

  it('doctor exits 1 when the journal is readable by others', () => {
    box.pm(['init']);
    chmodSync(box.db, 0o644);
    const r = box.pm(['doctor']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/readable by others/);
  });

  it('backup writes a consistent 0600 copy that is itself a journal', () => {
    box.pm(['init', '--target', '2']);
    const target = join(box.dir, 'copy.db');
    const r = box.pm(['backup', target]);
    expect(r.code, r.err).toBe(0);
    expect(mode(target)).toBe(0o600);
    expect(box.pm(['--db', target, 'config', 'get', 'cadence.target']).out.trim()).toBe('2');
  });

  it('backup of a journal that does not exist says so (exit 1)', () => {
    const r = box.pm(['backup']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^pm: there is no journal/m);
  });

  it('unknown commands and options are usage errors', () => {
    expectUsageError(box.pm(['no-such-command']));
    expectUsageError(box.pm(['init', '--no-such-flag']));
  });

  it('prints completion scripts for bash, zsh and fish, and refuses others', () => {
    expect(box.pm(['completion', 'bash']).out).toMatch(/^complete -F _pm pm$/m);
    expect(box.pm(['completion', 'zsh']).out).toMatch(/^#compdef pm/);
    expect(box.pm(['completion', 'fish']).out).toMatch(/complete -c pm/);
    expectUsageError(box.pm(['completion', 'powershell']));
  });
});
