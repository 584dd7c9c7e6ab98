// A journal copied to a second machine, or a backup restored beside the original, syncing with the
// same device id (a real PostgreSQL, test/pg.ts; fresh-eyes wave 12 G8): concurrent edits on the two
// looked like one after the other, and one was lost with no conflict on either side. pm sync now
// refuses on the copy that meets the other's versions (nothing pulled or pushed), and
// `pm sync init URL --new-device` gives it a device of its own: the two edits then meet as a conflict.
// Wave 13: also a copy made before either synced, and the original whose teammate's edit was made on
// the copy's version (its vector held the copy's version of the original's device).
import { describe, expect, it } from 'vitest';
import { twoJournals, type Name } from '../two-journals.js';

const t = twoJournals('2026-12-07');

const summary = (who: Name) => (JSON.parse(t.pm(who, ['show', 'I1', '--json']).out) as { summary: string }).summary;
const lostSummaries = (who: Name) =>
  (
    JSON.parse(t.pm(who, ['sync', 'conflicts', '--json']).out) as { lost: { record: { summary: string } | null } }[]
  ).map((c) => c.lost.record?.summary);
/** a third journal, c.db: the laptop's copy of A's */
const C = 'c' as Name;

/**
 * A and its copy B (same device) each edit I1; A syncs, B is refused, untouched; B takes a device of
 * its own, and the two edits meet: one kept on both, the other in B's conflict list (and A's, G3).
 */
function editsOnBothCopies(url: string): void {
  t.pm('a', ['edit', 'I1', '--summary', 'laptop A edit']);
  t.pm('b', ['edit', 'I1', '--summary', 'laptop B edit']);
  t.pm('a', ['sync']);
  const refused = t.run('b', ['sync']);
  expect(refused.code).toBe(1);
  expect(refused.err).toContain('another journal syncs as this one');
  expect(refused.err).toContain(`pm sync init ${url} --new-device`);
  // no copy exists when a journal comes back from another database: the message says so too
  expect(refused.err).toContain('or this journal back from syncing with another database');
  expect(summary('b')).toBe('laptop B edit');

  t.pm('b', ['sync', 'init', url, '--new-device']);
  t.pm('b', ['sync']);
  t.pm('a', ['sync']);
  expect(summary('a')).toBe(summary('b'));
  expect([summary('a'), ...lostSummaries('b')].sort()).toEqual(['laptop A edit', 'laptop B edit']);
}

describe('pm sync of two copies of one journal', () => {
  it('refuses on the copy, untouched, and after --new-device the two edits meet as a conflict', async () => {
    const url = await t.postgres();
    t.pm('a', ['log', '--with', 'Jane Roe', '--account', 'Acme', '--summary', 'Month-end close']);
    t.pm('a', ['sync', 'init', url]);
    t.pm('a', ['sync']);
    t.pm('a', ['backup', t.file('b')]); // restored beside the original, on a second laptop
    t.pm('b', ['sync']);
    editsOnBothCopies(url);
    // the one that lost is in both journals' conflict lists (G3)
    expect(lostSummaries('a')).toEqual(lostSummaries('b'));
  });

  it('a copy made before either synced is refused at its first sync, and after --new-device the edits meet', async () => {
    const url = await t.postgres();
    t.pm('a', ['log', '--with', 'Jane Roe', '--account', 'Acme', '--summary', 'Month-end close']);
    t.pm('a', ['backup', t.file('b')]); // copied to a second laptop before it ever synced
    for (const who of ['a', 'b'] as const) t.pm(who, ['sync', 'init', url]);
    editsOnBothCopies(url);
  });

  it("a copy's later version no longer hides a teammate's edit made at once with yours", async () => {
    // what the tester saw once a copy had synced (G8): Pat's unsynced edit, then the copy's later one
    // pushed, then Dana's made on it; Dana's vector held the copy's version of Pat's device, so it
    // looked as if it knew Pat's edit, which was lost with no conflict on either side
    t.pm('a', ['log', '--with', 'Jane Roe', '--account', 'Acme', '--summary', 'Month-end close']);
    const url = await t.postgres();
    t.syncFirst(url);
    t.pm('a', ['backup', t.file(C)]);
    t.pm('a', ['edit', 'I1', '--summary', 'PAT v2']);
    t.pm(C, ['edit', 'I1', '--summary', 'laptop edit']);
    t.pm(C, ['sync']);
    t.pm('b', ['sync']);
    t.pm('b', ['edit', 'I1', '--summary', "Dana's edit"]);
    t.pm('b', ['sync']);
    const refused = t.run('a', ['sync']);
    expect(refused.code).toBe(1);
    expect(summary('a')).toBe('PAT v2');

    t.pm('a', ['sync', 'init', url, '--new-device']);
    t.pm('a', ['sync']);
    t.pm('b', ['sync']);
    expect(summary('b')).toBe(summary('a'));
    // Pat's edit is kept, or listed as lost on both sides: not lost unseen
    for (const who of ['a', 'b'] as const) expect([summary(who), ...lostSummaries(who)]).toContain('PAT v2');
  });
});

// review wave 13 R1: a deletion folds the vectors of the record's evidence links into its tombstone,
// so a teammate's deletion carries this journal's version of a link made here after the record's own
// last edit here; that is no copy's version, and the sync goes on (the deletion applied)
describe('pm sync after a teammate deletes a record this journal linked evidence to', () => {
  const linkedHereThenDeleted = async (deleted: 'H1' | 'I1') => {
    const url = await t.postgres();
    t.pm('a', ['hyp', 'add', 'We believe finance teams close monthly']);
    t.pm('a', ['log', '--with', 'Jane Roe', '--account', 'Acme', '--summary', 'Month-end close']);
    t.syncFirst(url);
    t.pm('a', ['hyp', 'link', 'H1', 'I1', '--supports']); // later than H1's and I1's versions here
    t.pm('a', ['sync']);
    t.pm('b', ['sync']);
    t.pm('b', ['delete', deleted, '--yes', '--force']);
    t.pm('b', ['sync']);
    const r = t.run('a', ['sync']);
    expect(r.err).not.toContain('another journal syncs as this one');
    expect(r.code, r.err).toBe(0);
    expect(t.run('a', ['show', deleted]).code).not.toBe(0);
  };
  it('a hypothesis', () => linkedHereThenDeleted('H1'));
  it('a hypothesis whose link was unlinked here before the deletion arrived', async () => {
    const url = await t.postgres();
    t.pm('a', ['hyp', 'add', 'We believe finance teams close monthly']);
    t.pm('a', ['log', '--with', 'Jane Roe', '--account', 'Acme', '--summary', 'Month-end close']);
    t.syncFirst(url);
    t.pm('a', ['hyp', 'link', 'H1', 'I1', '--supports']);
    t.pm('a', ['sync']);
    t.pm('b', ['sync']);
    t.pm('a', ['hyp', 'unlink', 'H1', 'I1']); // the link's version B folds is now only a tombstone here
    t.pm('b', ['delete', 'H1', '--yes', '--force']);
    t.pm('b', ['sync']);
    const r = t.run('a', ['sync']);
    expect(r.err).not.toContain('another journal syncs as this one');
    expect(r.code, r.err).toBe(0);
  });
  it('an interview', () => linkedHereThenDeleted('I1'));

  it("a teammate's hypothesis this journal logged evidence for (no version of its own of it)", async () => {
    const url = await t.postgres();
    t.syncFirst(url);
    t.pm('b', ['hyp', 'add', 'We believe finance teams close monthly']);
    t.pm('b', ['sync']);
    t.pm('a', ['sync']);
    t.pm('a', ['log', '--with', 'Jane Roe', '--account', 'Acme', '--summary', 'x', '--supports', 'H1']);
    t.pm('a', ['sync']);
    t.pm('b', ['sync']);
    t.pm('b', ['delete', 'H1', '--yes', '--force']);
    t.pm('b', ['sync']);
    const r = t.run('a', ['sync']);
    expect(r.code, r.err).toBe(0);
    expect(t.run('a', ['show', 'H1']).code).not.toBe(0);
  });
});
