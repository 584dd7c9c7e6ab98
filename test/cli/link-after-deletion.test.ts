// A link changed on one journal while a teammate deleted its interview, the two not yet traded (wave 10
// E2; docs/decisions.md "A link the deletion never saw keeps its record"). The deletion never saw the
// change, so the interview stays on both journals after one trade each way, with the changed link, the
// same UUID and, on the journal that deleted it, its own id again; the journal that meets the two
// changes lists the deletion as the conflict's lost side. Before, the journal that deleted it left the
// arriving link out with no word ("Left out: 1 record…"), and the next exchange brought the interview
// back under a new id.
import { describe, expect, it } from 'vitest';
import { twoJournals, type Name } from '../two-journals.js';

const team = twoJournals();
const { pm, trade } = team;

type Order = 'b-first' | 'a-first';
/** one exchange each way: the linking journal's first (b-first) or the deleting one's */
type Share = { first: () => void; once: (order: Order) => void };

const byExports: Share = {
  first: () => trade('a', 'b'),
  once: (order) => {
    if (order === 'b-first') {
      trade('b', 'a');
      trade('a', 'b');
    } else {
      trade('a', 'b');
      trade('b', 'a');
    }
  },
};
const bySync = (url: string): Share => ({
  first: () => team.syncFirst(url),
  once: (order) => {
    const [one, two]: Name[] = order === 'b-first' ? ['b', 'a'] : ['a', 'b'];
    pm(one, ['sync']);
    pm(two, ['sync']);
    pm(one, ['sync']);
  },
});

/** I1 and I2 support H1 on both journals; A deletes I2 while B changes its link to refutes. */
function deletedWhileRelinked(share: Share, order: Order) {
  pm('a', ['hyp', 'add', 'Finance teams will pay', '--date', '2026-12-01']);
  for (const [who, day] of [
    ['Omar Diaz', '2026-12-02'],
    ['Ann Lee', '2026-12-03'],
  ])
    pm('a', ['log', '--with', who, '--account', 'Initech', '--summary', `${who} call`, '--date', day]);
  pm('a', ['hyp', 'link', 'H1', 'I1', '--supports']);
  pm('a', ['hyp', 'link', 'H1', 'I2', '--supports']);
  share.first();
  const ref = JSON.parse(pm('a', ['show', 'I2', '--json']).out).ref as string;
  pm('a', ['delete', 'I2', '--yes', '--force']);
  pm('b', ['hyp', 'link', 'H1', 'I2', '--refutes']);
  share.once(order);
  return ref;
}

/** Each interview's id, ref and summary, and H1's links by interview id. */
function state(who: Name) {
  const ls = JSON.parse(pm(who, ['ls', '--json']).out) as { id: string; ref: string; summary: string }[];
  const h = JSON.parse(pm(who, ['hyp', 'show', 'H1', '--json']).out);
  const links = h.evidence as { interviewId: string; direction: string }[];
  return {
    interviews: ls.map((i) => `${i.id} ${i.ref} ${i.summary}`).sort(),
    links: links.map((e) => `${e.interviewId} ${e.direction}`).sort(),
  };
}
const conflicts = (who: Name) =>
  JSON.parse(pm(who, ['sync', 'conflicts', '--json']).out) as { kind: string; record: string; lost: unknown }[];

function bothWays(title: string, scenario: (share: Share) => void) {
  describe(title, () => {
    it('trading exports', () => scenario(byExports));
    it('through pm sync (a real PostgreSQL)', async () => scenario(bySync(await team.postgres())));
  });
}

for (const order of ['b-first', 'a-first'] as const) {
  const who = order === 'b-first' ? 'the link reaches the deleting journal first' : 'the deletion travels first';
  bothWays(`an interview deleted here while its link was changed there (${who})`, (share) => {
    const ref = deletedWhileRelinked(share, order);
    const want = {
      interviews: [expect.stringMatching(/^I1 /), `I2 ${ref} Ann Lee call`],
      links: ['I1 supports', 'I2 refutes'],
    };
    expect(state('a')).toEqual(want);
    expect(state('b')).toEqual(want);
    // the deletion that lost is listed by the journal that met both changes, and through pm sync by
    // the journal that deleted it as well, whose change it was (G3)
    const listed = [...conflicts('a'), ...conflicts('b')];
    for (const c of listed)
      expect(`${c.kind} ${c.record} ${JSON.stringify(c.lost)}`).toMatch(
        new RegExp(`^interview ${ref} .*"deleted":true`),
      );
    expect(conflicts('a')).toHaveLength(order === 'b-first' || share !== byExports ? 1 : 0);
    expect(listed).toHaveLength(order === 'a-first' && share !== byExports ? 2 : 1);
    // and another exchange changes nothing
    share.once(order);
    expect(state('a')).toEqual(want);
    expect(state('b')).toEqual(want);
  });
}

/** H1, H2 and I1 on both journals, I1 supporting H1; A deletes `deleted` while B makes I1 refute H1. */
function relinkedWhileDeleted(deleted: 'I1' | 'H1') {
  pm('a', ['hyp', 'add', 'Finance teams will pay', '--date', '2026-12-01']);
  pm('a', ['hyp', 'add', 'Ops wants a digest', '--date', '2026-12-01']);
  pm('a', ['log', '--with', 'Ann Lee', '--account', 'Initech', '--summary', 'Ann call', '--date', '2026-12-03']);
  pm('a', ['hyp', 'link', 'H1', 'I1', '--supports']);
  trade('a', 'b');
  pm('a', ['delete', deleted, '--yes', '--force']);
  pm('b', ['hyp', 'link', 'H1', 'I1', '--refutes']);
}

describe('the deleting journal says what happened', () => {
  it("imports the teammate's link with the interview it needs: nothing left out, the conflict named", () => {
    relinkedWhileDeleted('I1');
    const r = trade('b', 'a');
    expect(r.out).not.toMatch(/Left out/);
    expect(r.out).toMatch(/1 record was changed here and there at once/);
    expect(conflicts('a')).toEqual([expect.objectContaining({ kind: 'interview', lost: expect.anything() })]);
  });
});

describe('a hypothesis deleted here while its link was changed there', () => {
  it('comes back with the link, as H1 again, after one trade each way', () => {
    relinkedWhileDeleted('H1');
    trade('b', 'a');
    trade('a', 'b');
    for (const who of ['a', 'b'] as const) {
      const list = JSON.parse(pm(who, ['hyp', 'list', '--status', 'all', '--json']).out) as { id: string }[];
      expect(list.map((h) => h.id).sort(), who).toEqual(['H1', 'H2']);
      const h = JSON.parse(pm(who, ['hyp', 'show', 'H1', '--json']).out);
      expect(
        h.evidence.map((e: { direction: string }) => e.direction),
        who,
      ).toEqual(['refutes']);
    }
    expect(conflicts('a').map((c) => c.kind)).toEqual(['hypothesis']);
  });
});
