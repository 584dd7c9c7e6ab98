// Joining a team as docs/team.md says (a real PostgreSQL, test/pg.ts; fresh-eyes wave 14 H10): the calls
// a PM logged before user.name was set carry the OS login ("tester" here, "root" on the tester's
// machine); `pm sync init --name` left them there, so the plain report, the user's own once a teammate
// logged, read OVERDUE "none logged yet" after weeks on target, and the Team section counted a third
// person. Setting user.name where it was unset now makes this journal's own calls the name's.
import { describe, expect, it } from 'vitest';
import { twoJournals } from '../two-journals.js';

const t = twoJournals('2026-12-04');

describe('user.name set where it was unset', () => {
  it("makes the calls logged here under the OS login the user's, on every teammate's journal", async () => {
    t.pm('a', ['init', '--target', '2']);
    t.pm('a', ['log', '--with', 'Ann A', '--account', 'Acme', '--summary', 'a', '--date', '2026-12-02']);
    t.pm('a', ['log', '--with', 'Bo B', '--account', 'Globex', '--summary', 'b']);
    // and a decision (review wave 14 R1: it stayed "by tester" on both journals)
    t.pm('a', ['hyp', 'add', 'Teams want a digest']);
    t.pm('a', ['hyp', 'kill', 'H1', '--reason', 'nobody reads it']);
    // a teammate's call that arrived by import, under the same login, is not this journal's own
    t.pm('b', ['log', '--with', 'Di D', '--account', 'Umbrella', '--summary', 'an import', '--date', '2026-12-01']);
    t.trade('b', 'a');
    const url = await t.postgres();
    t.pm('b', ['sync', 'init', url, '--name', 'Dana Lee']);
    t.pm('b', ['log', '--with', 'Cy C', '--account', 'Initech', '--summary', 'c']);
    t.pm('b', ['sync']);

    const init = t.pm('a', ['sync', 'init', url, '--name', 'Pat Kim']);
    expect(init.err).toContain('2 conversations logged here as "tester" (your OS login) are now by Pat Kim');
    // the teammate's imported call is not this journal's own: hers moves on her journal, and comes by sync
    const imported = () => JSON.parse(t.pm('a', ['ls', '--json', '--with', 'Di D']).out)[0].by;
    expect(imported()).toBe('tester');
    t.pm('a', ['sync']);
    expect(imported()).toBe('Dana Lee');
    const first = t.pm('a', ['report']).out.split('\n').slice(0, 2).join('\n');
    expect(first).toMatch(/^ON TRACK · 2026-W49 · as of 2026-12-04 · by Pat Kim \(yours/);
    expect(first).toContain('2 of 2 this week');
    expect(t.run('a', ['report', '--check']).code).toBe(0);
    const team = JSON.parse(t.pm('a', ['report', '--team', '--json']).out);
    expect(team.team.members.map((m: { by: string; direct: number }) => [m.by, m.direct])).toEqual([
      ['Dana Lee', 2],
      ['Pat Kim', 2],
    ]);
    // the teammate reads them as Pat's after a sync
    t.pm('b', ['sync']);
    const onB = JSON.parse(t.pm('b', ['ls', '--json', '--by', 'Pat Kim']).out);
    expect(onB.map((i: { summary: string }) => i.summary).sort()).toEqual(['a', 'b']);
    expect(t.pm('a', ['hyp', 'show', 'H1']).out).toContain('by Pat Kim');
    expect(t.pm('b', ['hyp', 'show', 'H1']).out).toContain('by Pat Kim');
  });

  it('moves nothing when a set name changes, and says nothing when nothing moved', () => {
    t.pm('a', ['log', '--with', 'Ann A', '--account', 'Acme', '--summary', 'a']);
    const set = t.pm('a', ['config', 'set', 'user.name', 'Pat Kim']);
    expect(set.err).toContain('1 conversation logged here as "tester" (your OS login) is now by Pat Kim');
    t.pm('a', ['log', '--with', 'Bo B', '--account', 'Globex', '--summary', 'b']);
    // a journal handed to a colleague keeps whose calls were whose
    const again = t.pm('a', ['config', 'set', 'user.name', 'Dana Lee']);
    expect(again.err).not.toContain('now by');
    const by = JSON.parse(t.pm('a', ['ls', '--json']).out).map((i: { summary: string; by: string }) => [
      i.summary,
      i.by,
    ]);
    expect(by.sort()).toEqual([
      ['a', 'Pat Kim'],
      ['b', 'Pat Kim'],
    ]);
    expect(JSON.parse(t.pm('a', ['config', 'set', 'user.name', 'Pat', '--json']).out)).toEqual({
      'user.name': 'Pat',
      claimed: 0,
    });
    // unset, then set: the calls logged under the OS login since are claimed, and --json says how many
    t.pm('a', ['config', 'unset', 'user.name']);
    t.pm('a', ['log', '--with', 'Cy C', '--account', 'Initech', '--summary', 'c']);
    expect(JSON.parse(t.pm('a', ['config', 'set', 'user.name', 'Pat', '--json']).out)).toEqual({
      'user.name': 'Pat',
      claimed: 1,
    });
  });
});
