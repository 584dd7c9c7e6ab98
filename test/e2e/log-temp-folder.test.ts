// pm log keeps its statement journal in memory (src/db/journal.ts statementJournalInMemory): a log's
// interview insert changes ~50 pages, and SQLite kept the originals of those past 64 KiB in a file it
// made in the temporary folder ($SQLITE_TMPDIR, else $TMPDIR, /var/tmp…). Where that folder takes no
// new file, every log failed with "cannot open the journal" though the journal was fine. /proc is such
// a folder for root: SQLite's check (a folder this user may write) passes it, and no file can be made
// there. (Another user's SQLite passes it over for the next folder, where the log always worked.)
// Through bin/pm.js, on journals of both bench shapes: the log is written as without the variable.
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { copyGeneratedJournal, SHAPES } from '../fixtures/generated-journal.js';
import { sandbox } from '../helpers.js';

const LOG = ['log', '--with', 'Bench Person <bench@example.test>', '--account', 'Benchcorp', '--pain', 'slow exports'];

/** The conversations logged here (summaries `temp …`), as the journal's file holds them. */
function logged(path: string) {
  const db = new Database(path, { readonly: true });
  try {
    return db
      .prepare(
        `SELECT i.summary, i.kind, (SELECT group_concat(p.text) FROM pains p WHERE p.interview_id = i.id) AS pains,
           (SELECT count(*) FROM interview_contacts ic WHERE ic.interview_id = i.id) AS people
         FROM interviews i WHERE i.summary LIKE 'temp %' ORDER BY i.id`,
      )
      .all();
  } finally {
    db.close();
  }
}

describe('pm log where the temporary folder takes no file', () => {
  it.each(Object.entries(SHAPES))('is written on a journal of the %s shape, as where it does', (_shape, shape) => {
    const { size, ...opts } = shape;
    const box = sandbox();
    try {
      copyGeneratedJournal(box.db, size, opts);
      const usual = box.spawn([...LOG, '--summary', 'temp usual']);
      expect(usual.code, usual.err).toBe(0);
      const proc = box.spawn([...LOG, '--summary', 'temp proc'], { env: { SQLITE_TMPDIR: '/proc', TMPDIR: '/proc' } });
      expect(proc.err).toBe('');
      expect(proc.code).toBe(0);
      expect(proc.out).toMatch(/^Logged I\d+ · call with Bench Person \(Benchcorp\) on 2026-11-20\n$/);
      expect(logged(box.db)).toEqual([
        { summary: 'temp usual', kind: 'customer', pains: 'slow exports', people: 1 },
        { summary: 'temp proc', kind: 'customer', pains: 'slow exports', people: 1 },
      ]);
    } finally {
      box.cleanup();
    }
  });
});
