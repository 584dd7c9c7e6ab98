// The losing side of a conflict learns it at its next pm sync (a real PostgreSQL, test/pg.ts;
// fresh-eyes wave 12 G3). Pat syncs his edit first, Dana hers second: her journal meets both and keeps
// Pat's as the lost version; the database names that version beside hers, and Pat's next sync keeps
// his own edit in his pm sync conflicts, says so, and pm sync resolve ID lost brings it back
// everywhere. Before, only Dana's journal knew, and Pat's list said there were no conflicts.
import { describe, expect, it } from 'vitest';
import { twoJournals, type Name } from '../two-journals.js';

const t = twoJournals('2026-12-07');

interface Conflict {
  id: number;
  kind: string;
  record: string;
  kept: { record: Record<string, unknown> | null };
  lost: { deleted: boolean; record: Record<string, unknown> | null };
}

const conflicts = (who: 'a' | 'b') => JSON.parse(t.pm(who, ['sync', 'conflicts', '--json']).out) as Conflict[];
const summary = (who: 'a' | 'b') =>
  (JSON.parse(t.pm(who, ['show', 'I1', '--json']).out) as { summary: string }).summary;

/** A logs Month-end close with Jane Roe, both journals hold it, and each edits it without the other. */
async function concurrentEdits(a: string[], b: string[]): Promise<string> {
  t.pm('a', ['log', '--with', 'Jane Roe', '--account', 'Acme', '--summary', 'Month-end close']);
  const url = await t.postgres();
  t.syncFirst(url);
  t.pm('a', a);
  t.pm('b', b);
  t.pm('a', ['sync']);
  t.pm('b', ['sync']);
  return url;
}

describe('the teammate whose change lost a conflict', () => {
  it('is told at the next pm sync, finds it in pm sync conflicts, and brings it back (G3)', async () => {
    await concurrentEdits(
      ['edit', 'I1', '--summary', "Pat's edit", '--tag', 'pat'],
      ['edit', 'I1', '--summary', "Dana's edit"],
    );
    expect(summary('b')).toBe("Dana's edit"); // the later one (Dana's, made after Pat's) is kept
    const ref = conflicts('b')[0].record;
    expect(t.pm('a', ['sync', 'conflicts']).out).toContain('is listed here after your next pm sync');
    const told = t.pm('a', ['sync']);
    expect(summary('a')).toBe("Dana's edit");
    const [mine] = conflicts('a');
    expect(told.err).toContain(`your change of ${ref} (interview) lost to a change made elsewhere at once`);
    expect(told.err).toContain(`pm sync resolve ${mine.id} lost brings it back`);
    expect(conflicts('a')).toMatchObject([
      {
        record: ref,
        kept: { record: { summary: "Dana's edit" } },
        lost: { record: { summary: "Pat's edit", tags: ['pat'] } },
      },
    ]);
    // told once: the next syncs are quiet, and the list stays as it was
    for (const who of ['a', 'b', 'a'] as const) expect(t.pm(who, ['sync']).err).toBe('');
    expect(conflicts('a')).toHaveLength(1);

    t.pm('a', ['sync', 'resolve', String(mine.id), 'lost']);
    t.pm('a', ['sync']);
    t.pm('b', ['sync']);
    expect([summary('a'), summary('b')]).toEqual(["Pat's edit", "Pat's edit"]);
  });

  it("of an account or contact keeps only the fields that lost, the other's changes merged", async () => {
    await concurrentEdits(
      ['contact', 'set', 'Jane Roe', '--persona', 'controller'],
      ['contact', 'set', 'Jane Roe', '--persona', 'cfo', '--email', 'jane@acme.test'],
    );
    t.pm('a', ['sync']);
    const [mine] = conflicts('a');
    expect(mine).toMatchObject({
      kind: 'contact',
      kept: { record: { persona: 'cfo', email: 'jane@acme.test' } },
      lost: { record: { persona: 'controller', email: 'jane@acme.test' } },
    });
    t.pm('a', ['sync', 'resolve', String(mine.id), 'lost']);
    t.pm('a', ['sync']);
    t.pm('b', ['sync']);
    for (const who of ['a', 'b'] as const)
      expect(JSON.parse(t.pm(who, ['show', 'Jane Roe', '--json']).out)).toMatchObject({
        persona: 'controller',
        email: 'jane@acme.test',
      });
  });

  it('is told when a third teammate edited the record before the loser synced (review R2)', async () => {
    // the name of the lost version lived only on the row Dana pushed: Lee's next version of the record
    // named none and overwrote it, and Pat then took Lee's (which knows Dana's) as newer, in silence
    const C = 'c' as Name;
    t.pm('a', ['log', '--with', 'Jane Roe', '--account', 'Acme', '--summary', 'Month-end close']);
    const url = await t.postgres();
    t.syncFirst(url);
    t.pm(C, ['sync', 'init', url]);
    t.pm(C, ['sync']);
    t.pm('a', ['edit', 'I1', '--summary', "Pat's edit"]);
    t.pm('b', ['edit', 'I1', '--summary', "Dana's edit"]);
    t.pm('a', ['sync']);
    t.pm('b', ['sync']);
    expect(conflicts('b')).toHaveLength(1);
    t.pm(C, ['sync']);
    t.pm(C, ['edit', 'I1', '--notes', 'Lee adds a note']);
    t.pm(C, ['sync']);
    const told = t.pm('a', ['sync']);
    expect(told.err).toContain('your change of');
    expect(conflicts('a')).toMatchObject([{ lost: { record: { summary: "Pat's edit" } } }]);
    expect(summary('a')).toBe("Dana's edit");
  });

  it('learns it through a team database an earlier pm set up (no column naming lost versions)', async () => {
    t.pm('a', ['log', '--with', 'Jane Roe', '--account', 'Acme', '--summary', 'Month-end close']);
    const url = await t.postgres();
    t.pm('a', ['sync', 'init', url]);
    await t.sql('ALTER TABLE pm.records DROP COLUMN lost'); // as pm sync init made it before
    t.pm('a', ['sync']);
    t.pm('b', ['sync', 'init', url]);
    t.pm('b', ['sync']);
    t.pm('a', ['edit', 'I1', '--summary', "Pat's edit"]);
    t.pm('b', ['edit', 'I1', '--summary', "Dana's edit"]);
    t.pm('a', ['sync']);
    t.pm('b', ['sync']);
    expect(t.pm('a', ['sync']).err).toContain('your change of');
    expect(conflicts('a')).toMatchObject([{ lost: { record: { summary: "Pat's edit" } } }]);
  });

  // fresh-eyes wave 16 H8: Pat brought his edit back; Dana's list kept the conflict with both sides Pat's
  // text ("kept: Pat's edit / lost: Pat's edit"), and her own edit, which his resolve replaced, was nowhere
  it("settled by the teammate who brought it back: the other's own replaced edit is the lost side there", async () => {
    await concurrentEdits(['edit', 'I1', '--summary', "Pat's edit"], ['edit', 'I1', '--summary', "Dana's edit"]);
    t.pm('a', ['sync']);
    t.pm('a', ['sync', 'resolve', String(conflicts('a')[0].id), 'lost']);
    t.pm('a', ['sync']);
    const ref = conflicts('b')[0].record;
    const told = t.pm('b', ['sync']);
    expect(summary('b')).toBe("Pat's edit");
    const [hers] = conflicts('b');
    expect(conflicts('b')).toMatchObject([
      { record: ref, kept: { record: { summary: "Pat's edit" } }, lost: { record: { summary: "Dana's edit" } } },
    ]);
    expect(told.err).toContain(`your change of ${ref} (interview) lost to a change made elsewhere at once`);
    expect(told.err).toContain(`pm sync resolve ${hers.id} lost brings it back`);
    // Dana lets hers go: nobody's list holds it any more, and both journals hold Pat's
    t.pm('b', ['sync', 'resolve', String(hers.id), 'kept']);
    for (const who of ['b', 'a'] as const) expect(t.pm(who, ['sync']).err).toBe('');
    expect([conflicts('a'), conflicts('b')]).toEqual([[], []]);
    expect([summary('a'), summary('b')]).toEqual(["Pat's edit", "Pat's edit"]);
  });

  it("settled by the teammate who kept the other's: it leaves the list of the one whose change lost", async () => {
    await concurrentEdits(['edit', 'I1', '--summary', "Pat's edit"], ['edit', 'I1', '--summary', "Dana's edit"]);
    t.pm('a', ['sync']);
    // Dana, who met both, brings Pat's back over her own: Pat's loss is settled his way
    t.pm('b', ['sync', 'resolve', String(conflicts('b')[0].id), 'lost']);
    t.pm('b', ['sync']);
    expect(t.pm('a', ['sync']).err).toBe('');
    expect([conflicts('a'), conflicts('b')]).toEqual([[], []]);
    expect([summary('a'), summary('b')]).toEqual(["Pat's edit", "Pat's edit"]);
  });
});
