// Who you are to the team, and a quiet sync (a real PostgreSQL, test/pg.ts; fresh-eyes wave 13 H18, H14):
// two teammates who never set user.name and share an OS login were one person on every synced journal
// ("root 2/2 met"), and pm sync init never said a word about it; pm sync --quiet filled a cron log.
import { describe, expect, it } from 'vitest';
import { twoJournals } from '../two-journals.js';

const t = twoJournals('2026-12-08');

describe('pm sync init and user.name', () => {
  it('warns, naming the login the team will see, when user.name is unset; --name sets it', async () => {
    const url = await t.postgres();
    const a = t.run('a', ['sync', 'init', url]);
    expect(a.code).toBe(0);
    expect(a.err).toMatch(
      /warning: user\.name is not set: your conversations reach the team as ".+" \(your OS login\)/,
    );
    expect(a.err).toContain('pm config set user.name');

    const b = t.pm('b', ['sync', 'init', url, '--name', ' Dana Lee ']);
    expect(b.err).not.toContain('user.name is not set');
    expect(t.pm('b', ['config', 'get', 'user.name']).out.trim()).toBe('Dana Lee');
    t.pm('b', ['log', '--with', 'Bo B', '--account', 'Globex', '--summary', 'b']);
    t.pm('b', ['sync']);
    t.pm('a', ['sync']);
    expect(JSON.parse(t.pm('a', ['show', 'I1', '--json']).out).by).toBe('Dana Lee');
    // set already: not a word
    expect(t.pm('b', ['sync', 'init', url]).err).toBe('');
    // an empty name is refused like pm config set's
    expect(t.run('a', ['sync', 'init', url, '--name', '']).code).toBe(2);
  });
});

describe('pm sync --quiet', () => {
  it("prints nothing when nothing needs you, and still a teammate's change of a setting (H14)", async () => {
    t.syncFirst(await t.postgres());
    const quiet = t.pm('a', ['sync', '--quiet']);
    expect(quiet.out).toBe('');
    expect(quiet.err).toBe('');
    t.pm('b', ['config', 'set', 'cadence.target', '3']);
    t.pm('b', ['sync', '--quiet']);
    expect(t.pm('a', ['sync', '--quiet']).out).toMatch(/^Settings changed by a teammate: cadence\.target/);
    expect(t.pm('a', ['sync']).out).toMatch(/^Synced: pulled 0 changes; pushed 0 changes\.$/m);
  });
});
