// A journal copied to a second machine, or a backup restored beside the original, syncing with the
// same device id (a real PostgreSQL, test/pg.ts; fresh-eyes wave 12 G8): concurrent edits on the two
// looked like one after the other, and one was lost with no conflict on either side. pm sync now
// refuses on the copy that meets the other's versions (nothing pulled or pushed), and
// `pm sync init URL --new-device` gives it a device of its own: the two edits then meet as a conflict.
import { describe, expect, it } from 'vitest';
import { twoJournals } from '../two-journals.js';

const t = twoJournals('2026-12-07');

const summary = (who: 'a' | 'b') =>
  (JSON.parse(t.pm(who, ['show', 'I1', '--json']).out) as { summary: string }).summary;

describe('pm sync of two copies of one journal', () => {
  it('refuses on the copy, untouched, and after --new-device the two edits meet as a conflict', async () => {
    const url = await t.postgres();
    t.pm('a', ['log', '--with', 'Jane Roe', '--account', 'Acme', '--summary', 'Month-end close']);
    t.pm('a', ['sync', 'init', url]);
    t.pm('a', ['sync']);
    t.pm('a', ['backup', t.file('b')]); // restored beside the original, on a second laptop
    t.pm('b', ['sync']);
    t.pm('a', ['edit', 'I1', '--summary', 'laptop A edit']);
    t.pm('b', ['edit', 'I1', '--summary', 'laptop B edit']);
    t.pm('a', ['sync']);
    const refused = t.run('b', ['sync']);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('another journal syncs as this one');
    expect(refused.err).toContain(`pm sync init ${url} --new-device`);
    expect(summary('b')).toBe('laptop B edit');

    t.pm('b', ['sync', 'init', url, '--new-device']);
    t.pm('b', ['sync']);
    t.pm('a', ['sync']);
    expect(summary('a')).toBe(summary('b'));
    // neither edit is lost: the one that lost is in both journals' conflict lists (G3)
    const lost = [...(['a', 'b'] as const)].map((who) =>
      (JSON.parse(t.pm(who, ['sync', 'conflicts', '--json']).out) as { lost: { record: { summary: string } } }[]).map(
        (c) => c.lost.record.summary,
      ),
    );
    expect(lost[0]).toEqual(lost[1]);
    expect([summary('a'), ...lost[0]].sort()).toEqual(['laptop A edit', 'laptop B edit']);
  });
});
