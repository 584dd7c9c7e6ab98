// An erased person's namesake from a teammate's journal made apart (fresh-eyes E11): the same name
// in the same account with no email that tells them apart is, by the rule that unites copies made
// apart, the same person, so the erasure reaches it on both sides and nothing of them comes back;
// a namesake another email or another account tells apart is a person of their own (imported, with
// the warning).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { twoJournals, type Name } from '../two-journals.js';

const { pm, trade, file } = twoJournals('2026-12-06');

const names = (who: Name) =>
  JSON.parse(pm(who, ['contacts', '--json']).out).map((c: { name: string }) => c.name) as string[];

/** A meets Nina (with her email) and erases her; B, apart, met a Nina at the same account. */
function ninaErasedInA(bNina: string, account = 'Acme'): void {
  pm('a', ['log', '--with', 'Nina Novak <nina@acme.test>', '--account', 'Acme', '--summary', 'A met Nina']);
  pm('b', ['log', '--with', bNina, '--account', account, '--summary', 'B met Nina Novak', '--date', '2026-12-02']);
  pm('b', ['contact', 'set', 'Nina Novak', '--persona', 'cfo']);
  pm('a', ['forget', 'Nina Novak', '--yes']);
}

describe("an erased person's namesake from a journal made apart", () => {
  for (const first of ['a', 'b'] as const)
    it(`the same name at the same account, no email: erased on both sides (${first} exports first)`, () => {
      ninaErasedInA('Nina Novak');
      const second: Name = first === 'a' ? 'b' : 'a';
      const one = trade(first, second);
      const two = trade(second, first);
      for (const r of [one, two]) expect(r.err).not.toMatch(/has the name of a person erased/);
      for (const who of ['a', 'b'] as const) {
        expect(names(who)).not.toContain('Nina Novak');
        // B's conversation stays, with a forgotten contact, scrubbed of her name
        expect(pm(who, ['ls', '--json']).out).toContain('Forgotten contact');
        expect(readFileSync(file(who)).includes('Nina Novak')).toBe(false);
      }
      // and it stays so: trading again brings nothing back
      trade('b', 'a');
      trade('a', 'b');
      for (const who of ['a', 'b'] as const) expect(names(who)).not.toContain('Nina Novak');
    });

  it('a namesake with another email, or at another account, is someone else: imported, with the warning', () => {
    ninaErasedInA('Nina Novak <nina.novak@globex.test>', 'Globex');
    pm('b', ['log', '--with', 'Nina Novak <nina@other.test>', '--account', 'Acme', '--summary', 'B met the other']);
    const r = trade('b', 'a');
    expect(r.err).toMatch(/Nina Novak \(Globex\) has the name of a person erased with pm forget; imported/);
    expect(r.err).toMatch(/Nina Novak \(Acme\) has the name of a person erased with pm forget; imported/);
    expect(names('a').filter((n) => n === 'Nina Novak')).toHaveLength(2);
    trade('a', 'b');
    expect(names('b').filter((n) => n === 'Nina Novak')).toHaveLength(2);
  });
});
