// The plain report of a journal shared through pm sync is the user's own (a real PostgreSQL, test/pg.ts;
// fresh-eyes wave 13 H6): it counted the whole team against one person's target, so Pat read ON TRACK
// after 8 days without a customer, and Dana's follow-ups as his; the Team row said "on track" of him.
import { describe, expect, it } from 'vitest';
import { twoJournals } from '../two-journals.js';

const t = twoJournals('2026-12-15');

describe('the plain report of a synced journal', () => {
  it("is the user's own, says so on its first line, and the Team row says overdue", async () => {
    t.pm('a', ['config', 'set', 'user.name', 'Pat']);
    t.pm('b', ['config', 'set', 'user.name', 'Dana']);
    t.pm('a', ['config', 'set', 'cadence.target', '2']);
    t.pm('a', ['log', '--with', 'Ann A', '--account', 'Acme', '--summary', 'Pat call', '--date', '2026-12-07']);
    t.syncFirst(await t.postgres());
    t.pm('b', ['log', '--with', 'Bo B', '--account', 'Globex', '--summary', 'Dana call', '--date', '2026-12-11']);
    t.pm('b', [
      ...['log', '--with', 'Nora Quist', '--account', 'Norco', '--date', '2026-12-11'],
      ...['--summary', 'Dana promised Nora a price sheet', '--follow-up', '2026-12-12'],
    ]);
    t.pm('b', ['sync']);
    t.pm('a', ['sync']);

    const pat = JSON.parse(t.pm('a', ['report', '--json']).out);
    expect(pat).toMatchObject({ by: 'Pat', own: true, verdict: 'overdue' });
    expect(JSON.stringify(pat.flags)).not.toContain('Nora');
    const first = t.pm('a', ['report']).out.split('\n')[0];
    expect(first).toContain('OVERDUE');
    expect(first).toContain("by Pat (yours; the team's: pm report --team)");
    expect(t.run('a', ['report', '--check']).code).toBe(3);

    // --team is everyone's, and its row for Pat says what --by Pat says
    const team = JSON.parse(t.pm('a', ['report', '--team', '--json']).out);
    expect(team.by).toBeNull();
    expect(team.team.members.map((m: { by: string; overdue: boolean }) => [m.by, m.overdue])).toEqual([
      ['Dana', false],
      ['Pat', true],
    ]);
    expect(t.pm('a', ['report', '--team']).out).toMatch(/^ {2}Pat +0\/2 +overdue +last 2026-12-07 \(8d\)/m);
    expect(JSON.parse(t.pm('b', ['report', '--json']).out)).toMatchObject({ by: 'Dana', own: true });
  });

  it('is the whole journal while nobody else has logged', async () => {
    t.pm('a', ['config', 'set', 'user.name', 'Pat']);
    t.pm('a', ['log', '--with', 'Ann A', '--account', 'Acme', '--summary', 'Pat call', '--date', '2026-12-14']);
    t.syncFirst(await t.postgres());
    const pat = JSON.parse(t.pm('a', ['report', '--json']).out);
    expect(pat.by).toBeNull();
    expect(pat.own).toBeUndefined();
  });

  it("is the whole journal when the other name is this journal's own calls from before user.name (review R10)", async () => {
    t.pm('a', [
      'log',
      '--with',
      'Ann A',
      '--account',
      'Acme',
      '--summary',
      'logged as the OS login',
      '--date',
      '2026-12-14',
    ]);
    t.pm('a', ['config', 'set', 'user.name', 'Pat Lee']);
    t.syncFirst(await t.postgres());
    const pat = JSON.parse(t.pm('a', ['report', '--json']).out);
    expect(pat.by).toBeNull();
    expect(pat.verdict).not.toBe('overdue');
  });
});
