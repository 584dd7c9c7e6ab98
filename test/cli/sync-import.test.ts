// What `pm import` brings into a journal that syncs reaches the team (a real PostgreSQL, test/pg.ts;
// fresh-eyes wave 12 G7): before, an import's records kept the versions they came with and were never
// marked to be pushed ("To push: 0"), so a teammate never had them, and a later call with such a
// person arrived without its contact and account and was left out there, for good. A journal that
// lost them that way heals at its first sync at schema 55.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { twoJournals } from '../two-journals.js';

const t = twoJournals('2026-12-07');

/** A colleague who does not sync logs a call with Nora Quist at Norco; A imports the export. */
function importLeesCall(): void {
  const lee = join(t.box.dir, 'lee.db');
  const r = t.box.pm(
    ['--db', lee, 'log', '--with', 'Nora Quist <nora@n.test>', '--account', 'Norco'].concat([
      '--summary',
      'Lee met Nora',
      '--date',
      '2026-12-03',
    ]),
  );
  expect(r.code, r.err).toBe(0);
  const file = join(t.box.dir, 'lee.json');
  writeFileSync(file, t.box.pm(['--db', lee, 'export', '--format', 'json']).out);
  t.pm('a', ['import', file]);
}

const summaries = (who: 'a' | 'b') =>
  (JSON.parse(t.pm(who, ['ls', '--json']).out) as { summary: string }[]).map((i) => i.summary).sort();
const sync = (who: 'a' | 'b') => JSON.parse(t.pm(who, ['sync', '--json']).out) as { pulled: number; pushed: number };

describe('pm sync of what pm import brought in', () => {
  it('pushes the imported records at the next sync, and a later call with the imported person reaches B', async () => {
    t.pm('a', ['log', '--with', 'Jane Roe', '--account', 'Acme', '--summary', 'Jane on exports']);
    t.syncFirst(await t.postgres());
    importLeesCall();
    expect(JSON.parse(t.pm('a', ['sync', 'status', '--json']).out).waiting).toBe(3);
    expect(sync('a').pushed).toBe(3);
    sync('b');
    expect(summaries('b')).toEqual(['Jane on exports', 'Lee met Nora']);
    t.pm('a', ['log', '--with', 'Nora Quist', '--summary', 'fresh one']);
    sync('a');
    sync('b');
    expect(summaries('b')).toEqual(summaries('a'));
    expect(JSON.parse(t.pm('a', ['sync', 'status', '--json']).out)).toMatchObject({ waiting: 0, toPull: 0 });
  });

  it('a journal whose import was never pushed (before schema 55) heals at its next sync, and B takes what it left out', async () => {
    t.pm('a', ['log', '--with', 'Jane Roe', '--account', 'Acme', '--summary', 'Jane on exports']);
    t.syncFirst(await t.postgres());
    importLeesCall();
    // as pm 54 left it: the import's records marked as shared already
    const a = new Database(t.file('a'));
    a.prepare('UPDATE record_versions SET dirty = 0').run();
    a.close();
    t.pm('a', ['log', '--with', 'Nora Quist', '--summary', 'fresh one']);
    expect(sync('a').pushed).toBe(1);
    sync('b');
    // B left the call out: its contact and account never came
    expect(summaries('b')).toEqual(['Jane on exports']);
    // the journal opened by this pm for the first time: schema 55 runs
    const back = new Database(t.file('a'));
    back.exec('DROP TABLE sync_resend; PRAGMA user_version = 54');
    back.close();
    sync('a');
    sync('b');
    expect(summaries('b')).toEqual(['Jane on exports', 'Lee met Nora', 'fresh one']);
    // healed once: nothing more to push, and the next syncs are quiet both ways
    expect(sync('a')).toMatchObject({ pulled: 0, pushed: 0 });
    expect(sync('b')).toMatchObject({ pulled: 0, pushed: 0 });
  });
});
