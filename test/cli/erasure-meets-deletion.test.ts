// A teammate deletes a call and erases a person of it in the same file (review wave 18 R5): Pat logs
// I1 and I2 with Jane Roe, Dana deletes I1 and forgets Jane. Before, Pat's import of Dana's file
// erased Jane here first, and that scrub of Pat's I1 was a change of Pat's journal newer than the one
// Dana deleted: the deletion lost to it as a concurrent edit, I1 stayed ("[forgotten] said exports are
// slow") and went back to Dana at the next trade, with no conflict on either side. A scrub an erasure
// makes on arrival is no edit of the user's: the file is judged against the version before it. A real
// edit of Pat's that Dana never saw still meets the deletion as docs/reference.md says (the later wins).
import { describe, expect, it } from 'vitest';
import { twoJournals, type Name } from '../two-journals.js';

const team = twoJournals();
const { pm, trade } = team;

/** Pat's two calls with Jane at Acme, shared with Dana. */
function patLogsJane() {
  pm('a', [
    'log',
    ...['--with', 'Jane Roe <jane@acme.test>', '--account', 'Acme'],
    ...['--summary', 'Jane Roe said exports are slow', '--date', '2026-12-01'],
  ]);
  pm('a', [
    'log',
    ...['--with', 'Jane Roe <jane@acme.test>', '--account', 'Acme'],
    ...['--summary', 'Jane Roe on pricing', '--date', '2026-12-02'],
  ]);
}

function danaDeletesI1AndForgetsJane() {
  pm('b', ['delete', 'I1', '--yes']);
  pm('b', ['forget', 'Jane Roe', '--yes']);
}

/** The summaries of `who`'s interviews, by id. */
function calls(who: Name): Record<string, string> {
  const list = JSON.parse(pm(who, ['ls', '--json']).out) as { id: string; summary: string }[];
  return Object.fromEntries(list.map((i) => [i.id, i.summary]));
}

function noConflicts() {
  for (const who of ['a', 'b'] as const) expect(pm(who, ['sync', 'conflicts']).out, who).toMatch(/No conflicts/);
}

describe("a teammate's deletion travels with an erasure of a person of that call (pm import)", () => {
  it('deletes the call here, and it does not come back to the teammate', () => {
    patLogsJane();
    trade('a', 'b');
    danaDeletesI1AndForgetsJane();
    const r = trade('b', 'a');
    expect(r.out).toMatch(/^Deleted as they were deleted there: 1 interview:$/m);
    expect(r.out).toMatch(/^ {2}I1 \(2026-12-01, /m);
    expect(calls('a')).toEqual({ I2: '[forgotten] on pricing' });
    // the same file again changes nothing; Pat's file brings nothing back to Dana
    expect(trade('b', 'a').out).not.toMatch(/Deleted|Updated/);
    expect(trade('a', 'b').out).not.toMatch(/Imported 1 interview/);
    expect(calls('b')).toEqual({ I2: '[forgotten] on pricing' });
    expect(calls('a')).toEqual(calls('b'));
    noConflicts();
  });

  it("takes the teammate's edit of the other call, made before the erasure, over the scrub here", () => {
    patLogsJane();
    trade('a', 'b');
    pm('b', ['edit', 'I2', '--summary', 'Jane Roe on pricing, and the annual plan']);
    pm('b', ['forget', 'Jane Roe', '--yes']);
    trade('b', 'a');
    expect(calls('a')).toEqual({
      I1: '[forgotten] said exports are slow',
      I2: '[forgotten] on pricing, and the annual plan',
    });
    trade('a', 'b');
    expect(calls('b')).toEqual(calls('a'));
    noConflicts();
  });

  it("keeps the call when Pat edited it after Dana's deletion: the later change wins, on both", () => {
    patLogsJane();
    trade('a', 'b');
    danaDeletesI1AndForgetsJane();
    pm('a', ['edit', 'I1', '--summary', 'Jane Roe said exports are slow, and CSV too']);
    const r = trade('b', 'a');
    expect(r.out).not.toMatch(/Deleted as they were deleted there/);
    expect(calls('a')).toEqual({ I1: '[forgotten] said exports are slow, and CSV too', I2: '[forgotten] on pricing' });
    trade('a', 'b');
    expect(Object.values(calls('b')).sort()).toEqual(Object.values(calls('a')).sort());
  });

  it("deletes the call when Pat's edit of it came before Dana's deletion: the later change wins, on both", () => {
    patLogsJane();
    trade('a', 'b');
    pm('a', ['edit', 'I1', '--summary', 'Jane Roe said exports are slow, and CSV too']);
    danaDeletesI1AndForgetsJane();
    const r = trade('b', 'a');
    expect(r.out).toMatch(/^Deleted as they were deleted there: 1 interview:$/m);
    expect(calls('a')).toEqual({ I2: '[forgotten] on pricing' });
    trade('a', 'b');
    expect(calls('b')).toEqual({ I2: '[forgotten] on pricing' });
  });
});

describe("a teammate's deletion travels with an erasure of a person of that call (pm sync, a real PostgreSQL)", () => {
  it('deletes the call on the other journal, and it does not come back', async () => {
    patLogsJane();
    team.syncFirst(await team.postgres());
    danaDeletesI1AndForgetsJane();
    pm('b', ['sync']);
    pm('a', ['sync']);
    expect(calls('a')).toEqual({ I2: '[forgotten] on pricing' });
    pm('b', ['sync']);
    pm('a', ['sync']);
    expect(calls('b')).toEqual({ I2: '[forgotten] on pricing' });
    noConflicts();
  });

  it("keeps the call when Pat edited it after Dana's deletion, on both", async () => {
    patLogsJane();
    team.syncFirst(await team.postgres());
    danaDeletesI1AndForgetsJane();
    pm('a', ['edit', 'I1', '--summary', 'Jane Roe said exports are slow, and CSV too']);
    pm('b', ['sync']);
    pm('a', ['sync']);
    pm('b', ['sync']);
    const kept = { I1: '[forgotten] said exports are slow, and CSV too', I2: '[forgotten] on pricing' };
    expect(calls('a')).toEqual(kept);
    expect(Object.values(calls('b')).sort()).toEqual(Object.values(kept).sort());
  });
});
