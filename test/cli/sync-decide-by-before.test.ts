// pm sync pulls a hypothesis whose decide-by is before its creation, as a pm before ce3c6f6 let an import
// write it (fresh-eyes wave 19 H12): pm import refuses such a file now, but a teammate's journal already
// holding one pushed it, and every pull then failed ("a record there was not written by pm"), for the
// whole team, until someone found and edited it (review wave 19 R3).
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { twoJournals } from '../two-journals.js';

const team = twoJournals();
const { pm } = team;

describe('pm sync and a decide-by before the creation, written by an older pm', () => {
  it('is pulled as it is, and the teammates keep syncing', async () => {
    pm('a', ['hyp', 'add', 'Ops leads want a digest', '--date', '2026-11-10']);
    // as an import of an older pm left it on A
    const db = new Database(team.file('a'));
    db.prepare("UPDATE hypotheses SET decide_by = '2020-01-01'").run();
    db.close();
    team.syncFirst(await team.postgres());
    expect(team.run('b', ['sync']).code).toBe(0);
    expect(team.run('b', ['hyp', 'show', 'H1', '--json']).out).toMatch(/"decideBy": "2020-01-01"/);
  });
});
