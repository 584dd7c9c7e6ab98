// A command that wrote leaves the journal's file whole when it ends (docs/decisions.md: the file alone
// holds everything between commands). Since wave 17 the process does it without closing its connection:
// checkpointForExit (src/db/journal.ts) copies the WAL into the file and empties it, and the exit ends the
// connection, as a reader's; another connection holding frames back sends it through the close as before.
// Through bin/pm.js (box.spawn): the in-process runs close their connection. On journals of both bench
// shapes; the file alone must hold what the close path (an in-process run) leaves in it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { copyGeneratedJournal, SHAPES } from '../fixtures/generated-journal.js';
import { sandbox, type Sandbox } from '../helpers.js';

const LOG = ['log', '--with', 'Bench Person <bench@example.test>', '--account', 'Benchcorp', '--pain', 'slow exports'];

describe.each(Object.entries(SHAPES))('a write on a journal of the %s shape', (_shape, { size, ...opts }) => {
  let box: Sandbox;
  beforeEach(() => {
    box = sandbox();
    copyGeneratedJournal(box.db, size, opts);
  });
  afterEach(() => box.cleanup());

  const walSize = () => (existsSync(`${box.db}-wal`) ? statSync(`${box.db}-wal`).size : 0);

  /** What a copy of the journal's file alone holds (a backup tool's copy, without the -wal): rows by table. */
  const fileAlone = (name: string) => {
    const copy = join(box.dir, `${name}.db`);
    copyFileSync(box.db, copy);
    const db = new Database(copy, { readonly: true });
    try {
      const tables = db
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .pluck()
        .all() as string[];
      return {
        integrity: db.pragma('integrity_check', { simple: true }),
        summaries: db.prepare("SELECT summary FROM interviews WHERE summary LIKE 'exit %' ORDER BY id").pluck().all(),
        rows: Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get()])),
      };
    } finally {
      db.close();
    }
  };

  it('pm log ends with its conversation in the file and an empty -wal, as its close left them', () => {
    // the person and account made first, so that each log below adds the same rows
    box.ok([...LOG, '--summary', 'exit zero']);
    const before = fileAlone('before');
    const log = box.spawn([...LOG, '--summary', 'exit one']);
    expect(log.code, log.err).toBe(0);
    expect(walSize()).toBe(0);
    const spawned = fileAlone('spawned');
    expect(spawned).toMatchObject({ integrity: 'ok', summaries: ['exit zero', 'exit one'] });
    // the same log in-process, whose connection is closed: it adds the same rows to the file alone
    box.ok([...LOG, '--summary', 'exit two']);
    const closed = fileAlone('closed');
    expect(closed.summaries).toEqual(['exit zero', 'exit one', 'exit two']);
    const added = (from: typeof before, to: typeof before) =>
      Object.fromEntries(Object.entries(to.rows).map(([t, n]) => [t, (n as number) - (from.rows[t] as number)]));
    expect(added(before, spawned)).toEqual(added(spawned, closed));
    expect(added(before, spawned).interviews).toBe(1);
  });

  it("a reader's older snapshot keeps the frames in the -wal; the next write's end puts both logs in the file", () => {
    const reader = new Database(box.db, { readonly: true });
    reader.exec('BEGIN');
    reader.prepare('SELECT count(*) FROM interviews').get();
    const first = box.spawn([...LOG, '--summary', 'exit one']);
    expect(first.code, first.err).toBe(0);
    // not waited for, and not copied under the reader: the -wal holds the log, the file not yet
    expect(walSize()).toBeGreaterThan(0);
    expect(reader.prepare("SELECT count(*) FROM interviews WHERE summary LIKE 'exit %'").pluck().get()).toBe(0);
    reader.exec('COMMIT');
    reader.close();
    expect(box.json(['show', 'last']).summary).toBe('exit one');
    const second = box.spawn([...LOG, '--summary', 'exit two']);
    expect(second.code, second.err).toBe(0);
    expect(walSize()).toBe(0);
    expect(fileAlone('both')).toMatchObject({ integrity: 'ok', summaries: ['exit one', 'exit two'] });
  });
});
