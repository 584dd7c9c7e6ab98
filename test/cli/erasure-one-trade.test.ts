// An erasure is done everywhere after one exchange each way (wave 9): you erase Kim while a teammate
// still has her, or merges her into Tom, or edits her interview. When the erasure arrives, the
// teammate's journal scrubs its own text of her as pm forget does, so that after one trade each way
// (pm import, pm sync) neither journal shows her name anywhere. Before, the teammate's copy of her
// interview kept "Kim Yu explained…" until the scrubbed text came back from the journal that erased
// her, an exchange later (and through pm sync it went to the database meanwhile).
import { describe, expect, it } from 'vitest';
import { kimBytes, logKimAndTom, twoJournals, type Name } from '../two-journals.js';

const team = twoJournals();
const { pm, trade, file } = team;

/** Kim (with her email, a quote, notes naming her) and Tom at Northwind on A, then shared with B. */
function kimAndTom(share: () => void) {
  logKimAndTom(pm, 'Kim wants a call in January');
  share();
  pm('a', ['forget', 'Kim Yu', '--yes']);
}

function expectNoKim(who: Name) {
  const i1 = JSON.parse(pm(who, ['show', 'I1', '--json']).out);
  expect(i1.quotes, who).toEqual([]);
  expect(i1.summary, who).toBe('[forgotten] explained the Northwind budget');
  expect(i1.notes, who).not.toMatch(/kim/i);
  const contacts = JSON.parse(pm(who, ['contacts', '--json']).out) as { name: string; email: string | null }[];
  expect(contacts.map((c) => c.email)).not.toContain('kim@nw.test');
  expect(kimBytes(file(who)), who).toEqual([]);
}

/** What the teammate did meanwhile, not knowing of the erasure. */
const meanwhile: Record<string, () => void> = {
  'still has Kim': () => undefined,
  'merged Kim into Tom': () => pm('b', ['contact', 'merge', 'Kim Yu', 'Tom Berg']),
  // Tom's own email is kept, so neither Kim's UUID nor her email names him: the merge does (review R2)
  'merged Kim into Tom, who has his own email': () => {
    pm('b', ['contact', 'set', 'Tom Berg', '--email', 'tom@nw.test']);
    pm('b', ['contact', 'merge', 'Kim Yu', 'Tom Berg']);
  },
  "edited Kim's interview": () => pm('b', ['edit', 'I1', '--notes', 'Kim Yu wants a call in January, Kim said']),
};

describe('an erasure is done on both journals after one trade each way (pm import)', () => {
  for (const [what, act] of Object.entries(meanwhile))
    for (const first of ['a', 'b'] as const)
      it(`the teammate ${what}; ${first === 'a' ? 'the erasing journal' : 'the teammate'} sends first`, () => {
        kimAndTom(() => trade('a', 'b'));
        act();
        const second = first === 'a' ? 'b' : 'a';
        trade(first, second);
        trade(second, first);
        // the teammate's journal has taken the erasure, and whatever it sent the erasing one before
        expectNoKim('b');
        if (first === 'a') expectNoKim('a');
        // one more trade from the journal that took the other's last: both alike
        trade(first, second);
        expectNoKim('a');
        expectNoKim('b');
      });

  it("says in the import's counts that it scrubbed the teammate's own text", () => {
    kimAndTom(() => trade('a', 'b'));
    meanwhile['merged Kim into Tom']();
    const r = trade('a', 'b');
    expect(r.out).toMatch(
      /^Scrubbed here as pm forget does: 2 interviews of yours with a person the file's journal erased \(1 quote left out, \d+ mentions removed\)\.$/m,
    );
  });
});

describe('an erasure is done on both journals after one sync each way (a real PostgreSQL)', () => {
  for (const [what, act] of Object.entries(meanwhile))
    it(`the teammate ${what}`, async () => {
      const url = await team.postgres();
      kimAndTom(() => {
        for (const who of ['a', 'b'] as const) pm(who, ['sync', 'init', url]);
        pm('a', ['sync']);
        pm('b', ['sync']);
      });
      act();
      pm('a', ['sync']);
      pm('b', ['sync']);
      expectNoKim('b');
      pm('a', ['sync']);
      expectNoKim('a');
      expectNoKim('b');
    });
});
