// pm sync conflicts names what differs between the kept and the lost version of every kind of
// record, not only of contacts and accounts (fresh-eyes E24: two versions of a hypothesis whose
// criteria differed were listed as the same statement twice, and an interview's lost tag was not
// named, so a user could not tell what `pm sync resolve ID lost` would bring back).
import { describe, expect, it } from 'vitest';
import { twoJournals } from '../two-journals.js';

const { pm, trade } = twoJournals();

describe('a conflict of an interview or a hypothesis names the fields that differ', () => {
  it('a hypothesis: the criteria one side typed and the decide-by the other moved', () => {
    pm('a', ['log', '--with', 'Lee Park', '--account', 'Acme', '--summary', 'Slow exports', '--date', '2026-12-01']);
    pm('a', ['hyp', 'add', 'Ops leads want a weekly digest', '--decide-by', '2026-12-20']);
    trade('a', 'b');
    pm('a', ['hyp', 'edit', 'H1', '--criteria', 'X: 2 of 3']);
    pm('b', ['hyp', 'edit', 'H1', '--decide-by', '2027-01-03']);
    trade('a', 'b');
    const text = pm('b', ['sync', 'conflicts']).out;
    expect(text).toMatch(/kept: Ops leads want a weekly digest · criteria \(none\) · decide by 2027-01-03 /);
    expect(text).toMatch(/lost: Ops leads want a weekly digest · criteria X: 2 of 3 · decide by 2026-12-20 /);
  });

  it('an interview: the tags the losing side set are named with the summary the winner changed', () => {
    pm('a', [
      'log',
      '--with',
      'Lee Park',
      '--account',
      'Acme',
      '--summary',
      'Close takes a week',
      '--date',
      '2026-12-01',
      '--tag',
      'billing',
    ]);
    trade('a', 'b');
    pm('a', ['edit', 'I1', '--tag', 'pricing']);
    pm('b', ['edit', 'I1', '--summary', 'Y: close takes a week']);
    trade('a', 'b');
    const text = pm('b', ['sync', 'conflicts']).out;
    expect(text).toMatch(/kept: Y: close takes a week · tags billing /);
    expect(text).toMatch(/lost: Close takes a week · tags pricing /);
  });
});
