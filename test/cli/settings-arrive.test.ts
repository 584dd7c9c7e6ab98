// Fresh-eyes wave 11 E9: every setting but user.name is the team's (team.md), and a teammate's change
// of one reached this journal through pm sync as "1 new, 1 updated", or through pm import as "Updated
// to their newer version: 1 setting": the standup's target and week changed without a word. Now both
// name each setting, from what to what. Fails before.
import { describe, expect, it } from 'vitest';
import { twoJournals } from '../two-journals.js';

const team = twoJournals();
const { pm } = team;

/** B sets two settings after the journals were traded once; A had set one of them itself. */
function teammateChangesSettings() {
  pm('a', ['config', 'set', 'cadence.target', '3']);
  pm('a', ['log', '--with', 'Ann Lee', '--account', 'Initech', '--summary', 'a']);
  team.trade('a', 'b');
  pm('b', ['config', 'set', 'cadence.target', '10']);
  pm('b', ['config', 'set', 'week.start', 'sunday']);
}

describe("a teammate's change of a shared setting", () => {
  it('is named by pm import, from what to what', () => {
    teammateChangesSettings();
    const r = team.trade('b', 'a');
    expect(r.out).toContain(
      'Settings changed by the file: cadence.target 3 → 10, week.start monday (default) → sunday (pm config lists them).',
    );
    const again = team.trade('b', 'a');
    expect(again.out).not.toContain('Settings changed');
  });

  it('is named by pm sync (a real PostgreSQL), and in its --json', async () => {
    pm('a', ['config', 'set', 'cadence.target', '3']);
    team.syncFirst(await team.postgres());
    pm('b', ['config', 'set', 'cadence.target', '10']);
    pm('b', ['config', 'set', 'week.start', 'sunday']);
    pm('b', ['sync']);
    const r = pm('a', ['sync']);
    expect(r.out).toContain(
      'Settings changed by a teammate: cadence.target 3 → 10, week.start monday (default) → sunday (pm config lists them).',
    );
    pm('b', ['config', 'set', 'bets.max', '5']);
    pm('b', ['sync']);
    expect(JSON.parse(pm('a', ['sync', '--json']).out).settingsChanged).toEqual([
      { key: 'bets.max', from: null, to: '5' },
    ]);
  });
});
