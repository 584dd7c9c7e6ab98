// Two teammates edit one interview of a person forgotten before (both journals scrubbed her): the
// version that loses is let go, as team.md says (a losing version of an erased person's interview may
// hold her), but no longer without a word (fresh-eyes wave 15 H5). Before, "pulled 1 change; pushed 1
// change", no warning, nothing in pm sync conflicts on either side, and Ann's summary existed nowhere.
import { describe, expect, it } from 'vitest';
import { twoJournals } from '../two-journals.js';

const team = twoJournals();
const { pm } = team;

describe("concurrent edits of a forgotten person's interview", () => {
  it('tell the journal whose change lost, and the one whose change won, and keep nothing of her', async () => {
    team.syncFirst(await team.postgres());
    pm('b', ['log', '--with', 'Cy Cole', '--account', 'Co', '--summary', 'Cy Cole on the base plan']);
    pm('b', ['sync']);
    pm('a', ['sync']);
    pm('a', ['forget', 'Cy Cole', '--yes']);
    for (const who of ['a', 'b', 'a'] as const) pm(who, ['sync']);
    pm('a', ['edit', 'I1', '--summary', "Ann's version"]);
    pm('b', ['edit', 'I1', '--summary', "Bob's version"]);
    const runs = (['a', 'b', 'a'] as const).map((who) => ({ who, err: pm(who, ['sync']).err }));
    const all = runs.map((r) => `${r.who}: ${r.err}`).join('\n');
    const kept = JSON.parse(pm('a', ['show', 'I1', '--json']).out).summary as string;
    expect(JSON.parse(pm('b', ['show', 'I1', '--json']).out).summary).toBe(kept);
    // whichever won, its journal heard of the other's change, and the other journal that its change lost
    const [winner, loser] = kept === "Bob's version" ? ['b', 'a'] : ['a', 'b'];
    expect(all).toMatch(
      new RegExp(`${loser}: [^]*your change of I-\\w+ \\(interview\\) is an interview of a forgotten person`),
    );
    expect(all).toMatch(new RegExp(`${winner}: [^]*a teammate's change of I-\\w+ \\(interview\\)`));
    expect(all).toMatch(/lost to a change made elsewhere at once and is not kept; redo it/);
    // nothing of her came back: no conflict kept, her name nowhere
    for (const who of ['a', 'b'] as const) {
      expect(pm(who, ['sync', 'conflicts']).out).toMatch(/No conflicts/);
      expect(pm(who, ['export', '--format', 'json']).out).not.toMatch(/Cy Cole/);
    }
  });
});
