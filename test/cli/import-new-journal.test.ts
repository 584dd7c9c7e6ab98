// pm import into a journal that does not exist yet builds it in a temporary file beside its path and
// links it into place once complete (src/db/journal.ts, stageNewJournal; issue 18). It must give the
// journal an import into an existing (empty) one gives, on journals of both bench shapes; leave no
// temporary file; never replace a journal another pm made meanwhile; and, stopped by a signal, leave
// neither a journal nor a temporary file.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { BIN, sandbox, ticketsExport, type Sandbox } from '../helpers.js';
import { SHAPES } from '../fixtures/generated-journal.js';
import { stageNewJournal } from '../../src/db/journal.js';
// @ts-expect-error the generator is plain JavaScript
import { generate } from '../bench/generate.mjs';

let box: Sandbox;
beforeEach(() => (box = sandbox()));
afterEach(() => box.cleanup());

const NOTES = 'Notes of a call: '.padEnd(1500, 'lorem ipsum ');

/** What a user can read back of a journal: its whole JSON export (but the moment of the export). */
const exported = (db: string) =>
  box.ok(['--db', db, 'export', '--format', 'json']).out.replace(/"exportedAt": ".*"/, '');

/** The files in the journal's folder but the test's own (the export file, HOME and XDG folders). */
const journalFiles = (dir: string) => readdirSync(dir).filter((f) => f.includes('journal'));

describe.each(Object.entries(SHAPES))('pm import of the %s shape into a new journal', (_shape, opts) => {
  it('gives the journal an import into an existing empty one gives; the statistics too; no file left beside it', () => {
    const { size, ...rest } = opts;
    const file = join(box.dir, 'team.json');
    writeFileSync(file, JSON.stringify(generate(size, rest)));
    const fresh = join(box.dir, 'new', 'journal.db');
    const existing = join(box.dir, 'journal.db');
    writeFileSync(existing, ''); // an empty file: the journal exists, the usual write path makes it
    const viaNew = box.ok(['--db', fresh, 'import', file, '--json']);
    // the journal, and the -wal and -shm of the read its warnings made: nothing else
    expect(readdirSync(join(box.dir, 'new')).filter((f) => !/^journal\.db(-wal|-shm)?$/.test(f))).toEqual([]);
    const viaExisting = box.ok(['--db', existing, 'import', file, '--json']);
    expect(viaNew.out).toBe(viaExisting.out);
    expect(viaNew.err).toBe(viaExisting.err);
    expect(exported(fresh)).toBe(exported(existing));
    const read = (path: string, sql: string) => {
      const db = new Database(path, { readonly: true });
      try {
        return db.prepare(sql).all();
      } finally {
        db.close();
      }
    };
    const stats = 'SELECT tbl, idx, stat FROM sqlite_stat1 ORDER BY tbl, idx';
    expect(read(fresh, stats).length).toBeGreaterThan(0);
    expect(read(fresh, stats)).toEqual(read(existing, stats));
    expect(read(fresh, 'PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
    expect(box.ok(['--db', fresh, 'doctor']).out).toMatch(/Integrity: ok\s+Foreign keys: ok\s+Summaries: ok/);
    expect(statSync(fresh).mode & 0o777).toBe(0o600);
    expect(statSync(join(box.dir, 'new')).mode & 0o777).toBe(0o700);
  });
});

describe('pm import into a new journal, beside other pm', () => {
  it('a journal made at the path while the new one was built is never replaced: the file is merged into it', () => {
    const staged = stageNewJournal(box.db, box.env)!;
    expect(existsSync(box.db)).toBe(false);
    // another pm creates the journal meanwhile
    box.ok(['log', '--with', 'Raj Patel', '--account', 'Acme', '--summary', 'logged meanwhile']);
    staged.journal.db.exec("INSERT INTO accounts (uuid, name) VALUES ('a-1', 'Imported Co')");
    expect(staged.install()).toBe(false);
    expect(box.sql('SELECT name FROM accounts')).toEqual([{ name: 'Acme' }]);
    expect(journalFiles(box.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  /**
   * A real pm importing 3,000 interviews into the sandbox's journal, not there yet; resolves once
   * it has started writing (its temporary file, or the journal itself).
   */
  async function startedImport() {
    const file = join(box.dir, 'big.json');
    writeFileSync(file, ticketsExport(3000, { notes: NOTES }));
    const child = spawn(process.execPath, [BIN, 'import', file], { env: box.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr!.on('data', (d) => (err += d));
    const ended = new Promise<{ code: number | null; err: string }>((resolve) =>
      child.on('close', (code) => resolve({ code, err })),
    );
    while (journalFiles(box.dir).length === 0) {
      if (child.exitCode !== null) throw new Error(`pm ended before it wrote anything: ${err}`);
      await new Promise((r) => setImmediate(r));
    }
    return { file, child, ended };
  }

  it('pm log creating the journal during an import: both are kept, whichever was first', async () => {
    const { ended } = await startedImport();
    box.ok(['log', '--with', 'Raj Patel', '--account', 'Acme', '--summary', 'logged meanwhile']);
    const r = await ended;
    expect(r.code, r.err).toBe(0);
    expect(box.sql('SELECT count(*) AS n FROM interviews')).toEqual([{ n: 3001 }]);
    expect(journalFiles(box.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    it(`${signal} during an import into a new journal: no journal and no temporary file left, exit ${code}`, async () => {
      const { file, child, ended } = await startedImport();
      child.kill(signal);
      const { code: exit, err } = await ended;
      expect(exit, err).toBe(code);
      if (/nothing imported/.test(err)) {
        expect(err).toBe('pm: interrupted, nothing imported\n');
        expect(journalFiles(box.dir)).toEqual([]);
      } else {
        // the journal was complete when the signal came: it was put in place, and pm says so
        expect(err).toBe(`pm: interrupted after the import of ${file} was saved in full\n`);
        expect(box.sql('SELECT count(*) AS n FROM interviews')).toEqual([{ n: 3000 }]);
        expect(journalFiles(box.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      }
    });
  }

  it('kill -9 during an import into a new journal: no journal; its temporary file goes at the next pm that makes one', async () => {
    const { child, ended } = await startedImport();
    child.kill('SIGKILL');
    await ended;
    expect(existsSync(box.db)).toBe(false);
    // one staging file (and, when the kill fell between its probe's link and unlink, the probe of
    // whether the folder takes hard links: .NAME.PID.N.link.tmp, bac3346), both swept below
    expect(journalFiles(box.dir).filter((f) => f.endsWith('.tmp') && !f.endsWith('.link.tmp')).length).toBe(1);
    box.ok(['log', '--with', 'Raj Patel', '--account', 'Acme', '--summary', 'after the crash']);
    expect(journalFiles(box.dir).filter((f) => f.startsWith('.'))).toEqual([]);
    expect(box.sql('SELECT count(*) AS n FROM interviews')).toEqual([{ n: 1 }]);
  });
});
