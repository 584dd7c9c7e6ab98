// A person erased on one journal while a teammate merges them into another contact (fresh-eyes
// wave 8 E31): the teammate said the two are one person, so the erasure is theirs both; before,
// through pm sync the erased person's email and quote came back into the journal that erased them
// (on the contact they were merged into), and through pm import their name stayed in the other.
import { describe, expect, it } from 'vitest';
import { kimBytes, logKimAndTom, twoJournals, type Name } from '../two-journals.js';

const { pm, trade, file, postgres } = twoJournals();

/** Kim (with her email and a quote) and Tom at Northwind, on A and on B; A erases Kim, B merges Kim into Tom. */
function kimErasedAndMerged(share: () => void) {
  logKimAndTom(pm);
  share();
  pm('a', ['forget', 'Kim Yu', '--yes']);
  pm('b', ['contact', 'merge', 'Kim Yu', 'Tom Berg']);
}

function expectNoKim(who: Name) {
  const contacts = JSON.parse(pm(who, ['contacts', '--json']).out) as { email: string | null }[];
  expect(contacts.map((c) => c.email)).toEqual([null]);
  const i1 = JSON.parse(pm(who, ['show', 'I1', '--json']).out);
  expect(i1.quotes).toEqual([]);
  expect(i1.summary).toBe('[forgotten] explained the Northwind budget');
  expect(kimBytes(file(who))).toEqual([]);
}

describe('a person erased here and merged into another there is erased on both journals', () => {
  it('through pm sync (a real PostgreSQL): her email and quote never come back to the journal that erased her', async () => {
    const url = await postgres();
    kimErasedAndMerged(() => {
      for (const who of ['a', 'b'] as const) pm(who, ['sync', 'init', url]);
      pm('a', ['sync']);
      pm('b', ['sync']);
    });
    pm('b', ['sync']);
    pm('a', ['sync']);
    expectNoKim('a');
    for (let round = 0; round < 3; round++) for (const who of ['b', 'a'] as const) pm(who, ['sync']);
    expectNoKim('a');
    expectNoKim('b');
  });

  it('trading exports: nothing of her is left in either journal once the trades settle', () => {
    kimErasedAndMerged(() => trade('a', 'b'));
    trade('b', 'a');
    expectNoKim('a');
    for (let round = 0; round < 3; round++) {
      trade('a', 'b');
      trade('b', 'a');
    }
    expectNoKim('a');
    expectNoKim('b');
  });
});

describe("an erased person's first name in another person's email", () => {
  it('keeps that email: only the erased email itself is dropped (review R3)', () => {
    pm('a', ['log', '--with', 'Kim <kim@acme.test>', '--account', 'Acme', '--summary', 'kim call']);
    trade('a', 'b');
    pm('a', ['forget', 'Kim', '--yes']);
    pm('b', ['log', '--with', 'Kim Ng <kim@globex.test>', '--account', 'Globex', '--summary', 'other kim']);
    pm('b', ['log', '--with', 'Bo Park <bo@kim-consulting.test>', '--account', 'KimCo', '--summary', 'bo']);
    pm('b', ['contact', 'set', 'Kim Ng', '--persona', 'cfo']);
    trade('b', 'a');
    trade('a', 'b');
    for (const who of ['a', 'b'] as const) {
      const emails = (JSON.parse(pm(who, ['contacts', '--json']).out) as { email: string | null }[]).map(
        (c) => c.email,
      );
      expect(emails.sort()).toEqual(['bo@kim-consulting.test', 'kim@globex.test', null].sort());
    }
  });
});
