// Two teammates deciding one hypothesis differently on the same day (a real PostgreSQL, test/pg.ts;
// fresh-eyes wave 13 H16): after pm sync it was killed on both journals and neither was told.
import { describe, expect, it } from 'vitest';
import { twoJournals } from '../two-journals.js';

const t = twoJournals('2026-12-18');

describe('a hypothesis decided differently here and by a teammate on one day', () => {
  it('is named by the sync of each journal that receives the other decision', async () => {
    t.pm('a', ['hyp', 'add', 'Controllers want bulk approve']);
    t.syncFirst(await t.postgres());
    t.pm('a', ['hyp', 'validate', 'H1', '--reason', 'Pat: 3 controllers asked']);
    t.pm('b', ['hyp', 'kill', 'H1', '--reason', 'Dana: engineering says no']);
    expect(t.pm('a', ['sync']).err).not.toContain('decided twice');
    const dana = t.pm('b', ['sync']).err;
    expect(dana).toContain('warning: H1 was decided twice on 2026-12-18: "killed" here, "validated" by a teammate');
    const pat = t.pm('a', ['sync']).err;
    expect(pat).toContain('warning: H1 was decided twice on 2026-12-18: "validated" here, "killed" by a teammate');
    expect(pat).toContain('pm hyp show H1');
    // said once: the next syncs bring nothing new
    expect(t.pm('a', ['sync']).err).not.toContain('decided twice');
  });
});
