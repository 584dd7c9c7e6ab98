// An interview deleted on one journal while a teammate edits it later comes back everywhere with
// its evidence links (fresh-eyes wave 8 E23): links go with their interview when it is deleted,
// without tombstones of their own, so the journal that deleted it got the interview back without
// them and the two journals' hypothesis counts (and the flags built on them) differed for good.
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { twoJournals, type Name } from '../two-journals.js';

const team = twoJournals();
const { pm, trade, postgres } = team;
/** H1's links as `pm hyp show` counts them, and I1's summary. */
function state(who: Name) {
  const h = JSON.parse(pm(who, ['hyp', 'show', 'H1', '--json']).out);
  const i = JSON.parse(pm(who, ['ls', '--json']).out) as { summary: string }[];
  return {
    supports: h.supports,
    evidence: h.evidence.map((e: { strength: string }) => e.strength),
    ls: i.map((x) => x.summary),
  };
}

/** A's call I1 supports H1 (strong); B has a copy of A's journal. */
function shared(share: () => void) {
  pm('a', ['log', '--with', 'Lee Park', '--account', 'Acme', '--summary', 'Onsite', '--date', '2026-12-01']);
  pm('a', ['hyp', 'add', 'Ops leads want a weekly digest', '--decide-by', '2026-12-20']);
  pm('a', ['hyp', 'link', 'H1', 'I1', '--supports', '--strength', 'strong']);
  share();
  pm('a', ['delete', 'I1', '--yes']);
  pm('b', ['edit', 'I1', '--summary', 'B: onsite, edited later']);
}

const expected = { supports: 1, evidence: ['strong'], ls: ['B: onsite, edited later'] };

describe("a deleted interview brought back by a teammate's later edit keeps its links", () => {
  it('trading exports: both journals end with the interview and its link after one trade each way', () => {
    shared(() => trade('a', 'b'));
    const [fromA, fromB] = [join(team.box.dir, 'a-x.json'), join(team.box.dir, 'b-x.json')];
    writeFileSync(fromA, pm('a', ['export', '--format', 'json']).out);
    writeFileSync(fromB, pm('b', ['export', '--format', 'json']).out);
    pm('a', ['import', fromB]);
    pm('b', ['import', fromA]);
    expect(state('a')).toMatchObject(expected);
    expect(state('b')).toMatchObject(expected);
    // and they stay so
    trade('a', 'b');
    trade('b', 'a');
    expect(state('a')).toMatchObject(expected);
    expect(state('b')).toMatchObject(expected);
  });

  it('through pm sync (a real PostgreSQL): the journal that deleted it gets the link back', async () => {
    const url = await postgres();
    shared(() => {
      for (const who of ['a', 'b'] as const) pm(who, ['sync', 'init', url]);
      pm('a', ['sync']);
      pm('b', ['sync']);
    });
    for (let round = 0; round < 2; round++) for (const who of ['a', 'b'] as const) pm(who, ['sync']);
    expect(state('a')).toMatchObject(expected);
    expect(state('b')).toMatchObject(expected);
  });
});
