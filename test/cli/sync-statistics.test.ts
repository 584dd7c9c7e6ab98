// A teammate's journal filled by its first pm sync gets the planner's statistics, as an imported one
// does (a real PostgreSQL, test/pg.ts): without them each pulled change of a big journal took seconds
// (fresh-eyes wave 16 H10: a teammate's erasure took 575 s to arrive on a 100k journal). And a journal
// grown past them without any (call by call) gets them at its next sync.
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { journalRows, twoJournals } from '../two-journals.js';
// @ts-expect-error the generator is plain JavaScript
import { generate } from '../bench/generate.mjs';

const t = twoJournals('2026-11-20');
const counted = (who: 'a' | 'b') =>
  journalRows(t.file(who), "SELECT max(CAST(stat AS INTEGER)) AS n FROM sqlite_stat1 WHERE tbl = 'interviews'");

describe('the planner statistics of a journal filled by pm sync', () => {
  it('are taken by the sync that fills it, and by one that finds a big journal without them', async () => {
    const file = join(t.box.dir, 'j.json');
    writeFileSync(file, JSON.stringify(generate(1200, { accounts: 30, contacts: 90, hypotheses: 40, seed: 3 })));
    t.pm('a', ['import', file]);
    expect(counted('a')).toEqual(['1200']);
    const url = await t.postgres();
    t.pm('a', ['sync', 'init', url]);
    t.pm('a', ['sync']);
    t.pm('b', ['sync', 'init', url]);
    t.pm('b', ['sync']);
    expect(counted('b')).toEqual(['1200']);

    // statistics gone (a journal that grew call by call never had any): the next sync takes them
    const db = new Database(t.file('a'));
    db.exec('DELETE FROM sqlite_stat1');
    db.close();
    expect(counted('a')).toEqual(['']);
    t.pm('b', ['log', '--with', 'Jane Roe', '--account', 'Acme', '--summary', 'one more']);
    t.pm('b', ['sync']);
    t.pm('a', ['sync']);
    // taken before the pulled call was merged
    expect(counted('a')).toEqual(['1200']);
  });
});
