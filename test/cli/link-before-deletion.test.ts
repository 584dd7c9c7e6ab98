// Evidence linked on one journal before a teammate deleted the hypothesis (or the interview), the two
// not yet traded (wave 9; docs/decisions.md "A link the deletion never saw keeps its record"). The
// deleting journal never saw the link, so the deletion did not mean to take it: the record stays with
// its link on both journals, and the deletion is the conflict's lost side, which `pm sync resolve ID
// lost` deletes again. Before, the link lost to the later deletion on both journals with no word.
import { describe, expect, it } from 'vitest';
import { twoJournals, type Name } from '../two-journals.js';

const team = twoJournals();
const { pm, trade } = team;

type Share = { first: () => void; settle: () => void };
const byExports = (): Share => ({
  first: () => trade('a', 'b'),
  settle: () => {
    trade('a', 'b');
    trade('b', 'a');
    trade('a', 'b');
  },
});
const bySync = (url: string): Share => ({
  first: () => team.syncFirst(url),
  settle: () => {
    for (let round = 0; round < 2; round++) for (const who of ['a', 'b'] as const) pm(who, ['sync']);
  },
});

function bothWays(title: string, scenario: (share: Share) => void) {
  describe(title, () => {
    it('trading exports', () => scenario(byExports()));
    it('through pm sync (a real PostgreSQL)', async () => scenario(bySync(await team.postgres())));
  });
}

/** H1 and I1 on both journals; A links them, then B deletes `deleted`, neither knowing of the other. */
function linkedThenDeleted(share: Share, deleted: 'H1' | 'I1') {
  pm('a', ['hyp', 'add', 'Finance teams will pay', '--date', '2026-12-01']);
  pm('a', ['log', '--with', 'Omar Diaz', '--account', 'Initech', '--summary', 'omar call', '--date', '2026-12-02']);
  share.first();
  pm('a', ['hyp', 'link', 'H1', 'I1', '--supports']);
  pm('b', ['delete', deleted, '--yes', '--force']);
  share.settle();
}

/** The links of the journal's one hypothesis (a hypothesis back from a deletion takes this journal's next id). */
const evidenceOf = (who: Name) => {
  const list = JSON.parse(pm(who, ['hyp', 'list', '--status', 'all', '--json']).out) as { id: string }[];
  expect(list, who).toHaveLength(1);
  const shown = JSON.parse(pm(who, ['hyp', 'show', list[0].id, '--json']).out);
  return (shown.evidence as { direction: string }[]).map((e) => e.direction);
};
const conflicts = (who: Name) =>
  JSON.parse(pm(who, ['sync', 'conflicts', '--json']).out) as { id: number; kind: string; lost: unknown }[];

for (const deleted of ['H1', 'I1'] as const) {
  const kind = deleted === 'H1' ? 'hypothesis' : 'interview';
  bothWays(`evidence linked before a teammate deleted the ${kind}, not yet traded`, (share) => {
    linkedThenDeleted(share, deleted);
    for (const who of ['a', 'b'] as const) {
      expect(evidenceOf(who), who).toEqual(['supports']);
      expect(JSON.parse(pm(who, ['ls', '--json']).out).map((i: { summary: string }) => i.summary)).toEqual([
        'omar call',
      ]);
    }
    // the deletion is not lost silently either: it is a conflict one journal lists, and can be had back
    const listed = [...conflicts('a'), ...conflicts('b')];
    expect(listed.map((c) => c.kind)).toEqual([kind]);
  });
}

describe('the deletion, brought back from the conflict, deletes the record again', () => {
  it('pm sync resolve ID lost, then a trade: gone on both', () => {
    linkedThenDeleted(byExports(), 'H1');
    const who = conflicts('a').length ? 'a' : 'b';
    const [c] = conflicts(who);
    const resolved = pm(who, ['sync', 'resolve', String(c.id), 'lost']);
    // said as done (fresh-eyes wave 10 F6: "brought back (deleted)")
    expect(resolved.out).toMatch(
      /: deleted again, as the lost side was \(its evidence links and outcomes go with it\)$/m,
    );
    trade(who, who === 'a' ? 'b' : 'a');
    for (const j of ['a', 'b'] as const)
      expect(JSON.parse(pm(j, ['hyp', 'list', '--status', 'all', '--json']).out), j).toEqual([]);
  });
});

describe('a link the deletion saw goes with it', () => {
  it('linked, traded, then deleted there: the hypothesis and its link are gone on both', () => {
    pm('a', ['hyp', 'add', 'Finance teams will pay', '--date', '2026-12-01']);
    pm('a', ['log', '--with', 'Omar Diaz', '--account', 'Initech', '--summary', 'omar call', '--date', '2026-12-02']);
    pm('a', ['hyp', 'link', 'H1', 'I1', '--supports']);
    trade('a', 'b');
    pm('b', ['delete', 'H1', '--yes', '--force']);
    trade('b', 'a');
    trade('a', 'b');
    for (const who of ['a', 'b'] as const) {
      expect(JSON.parse(pm(who, ['hyp', 'list', '--status', 'all', '--json']).out), who).toEqual([]);
      expect(conflicts(who), who).toEqual([]);
    }
  });
});
