// A journal that syncs with one team's database, connected to another's (a real PostgreSQL, test/pg.ts;
// fresh-eyes wave 13 H19): pm sync init took the second URL as "connect", and the next pm sync pushed the
// first team's customers, a teammate's calls included, and its settings into the other team's database.
import { afterEach, describe, expect, it } from 'vitest';
import { testDatabase, type TestDatabase } from '../pg.js';
import { twoJournals } from '../two-journals.js';

const t = twoJournals('2026-12-08');
let other: TestDatabase | undefined;
afterEach(async () => {
  await other?.drop();
  other = undefined;
});

describe('pm sync init with another database', () => {
  it('refuses on a journal that syncs elsewhere, naming both, and pushes nothing; --switch connects it', async () => {
    const teamA = await t.postgres();
    other = await testDatabase();
    const teamB = other.url;
    t.pm('a', ['config', 'set', 'user.name', 'Pat']);
    t.pm('b', ['config', 'set', 'user.name', 'Dana']);
    t.pm('a', ['log', '--with', 'Ann A', '--account', 'Acme', '--summary', 'a']);
    t.syncFirst(teamA);
    t.pm('b', ['log', '--with', 'Bo B', '--account', 'Globex', '--summary', 'b']);
    t.pm('b', ['sync']);
    t.pm('a', ['sync']); // Pat's journal now holds Dana's customer

    const refused = t.run('a', ['sync', 'init', teamB]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain(`this journal syncs with ${teamA}`);
    expect(refused.err).toContain('1 interview logged by others');
    expect(refused.err).toContain(`pm sync init ${teamB} --switch`);
    // nothing was made in the other database, and the journal still syncs with its own
    expect(await other.query("SELECT to_regclass('pm.records') IS NOT NULL AS made")).toEqual([{ made: false }]);
    expect(JSON.parse(t.pm('a', ['sync', 'status', '--json']).out).url).toBe(teamA);

    // the same database under another spelling of its URL is no other team
    t.pm('a', ['sync', 'init', `${teamA}?sslmode=disable`]);
    t.pm('a', ['sync']);

    t.pm('a', ['sync', 'init', teamB, '--switch']);
    t.pm('a', ['sync']);
    const names = await other.query<{ n: string }>("SELECT count(*)::text AS n FROM pm.records WHERE kind = 'contact'");
    expect(names).toEqual([{ n: '2' }]);
  });
});
