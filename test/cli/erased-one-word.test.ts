// An erased person whose name is one word ("May", "Will") is an ordinary word too (eyes2 wave 11
// F11): pm forget rewrote "Admins may skip the setup call", and an import scrubbed a teammate's "Teams
// may want SSO", though the refusal already took such text. What names them outside their own
// conversations is their email, "May (Xco)" (their name with their account, as pm writes them) or
// "May <may@x.test>"; in the conversations they attended, every word of their name still goes.
// Fails before: the word was taken out of every text of both journals.
import { describe, expect, it } from 'vitest';
import { journalRows, twoJournals } from '../two-journals.js';

const team = twoJournals();
const { pm } = team;
const rows = (who: 'a' | 'b', query: string) => journalRows(team.file(who), query);
const summaries = (who: 'a' | 'b') => rows(who, 'SELECT summary FROM interviews ORDER BY id');
const hypotheses = (who: 'a' | 'b') => rows(who, 'SELECT statement, criteria FROM hypotheses ORDER BY id');

describe('an erased person of a one-word name', () => {
  it('pm forget takes their name from their own conversations, and elsewhere only as it names them', () => {
    pm('a', ['log', '--with', 'May <may@x.test>', '--account', 'Xco', '--summary', 'intro: May may buy']);
    pm('a', ['hyp', 'add', 'Admins may skip the setup call', '--criteria', '3 may say yes']);
    pm('a', ['log', '--with', 'Raj Patel', '--account', 'Yco', '--summary', 'They may buy in May; ask May (Xco)']);
    pm('a', ['log', '--with', 'Raj Patel', '--account', 'Yco', '--summary', 'cc May <may@x.test>, may@x.test']);
    const r = pm('a', ['forget', 'May', '--yes']);
    expect(r.out).not.toMatch(/Hypotheses rewritten/);
    expect(summaries('a')).toEqual([
      'intro: [forgotten] buy',
      'They may buy in May; ask [forgotten]',
      'cc [forgotten], [forgotten]',
    ]);
    expect(hypotheses('a')).toEqual(['Admins may skip the setup call | 3 may say yes']);
  });

  it("an import keeps a teammate's ordinary word, and still scrubs what names them", () => {
    pm('a', ['log', '--with', 'May <may@x.test>', '--account', 'Xco', '--summary', 'intro']);
    team.trade('a', 'b');
    pm('a', ['forget', 'May', '--yes']);
    // the teammate, who has not heard of the erasure yet
    pm('b', ['hyp', 'add', 'Teams may want SSO before they will buy', '--criteria', '3 may say yes']);
    pm('b', ['log', '--with', 'Raj Patel', '--account', 'Yco', '--summary', 'They may buy in May; ask May (Xco)']);
    pm('b', ['edit', 'I1', '--summary', 'May called back: May may buy']);
    const r = team.trade('b', 'a');
    expect(r.out).not.toMatch(/Updated to their newer version: 1 hypothesis/);
    expect(hypotheses('a')).toEqual(['Teams may want SSO before they will buy | 3 may say yes']);
    expect(summaries('a')).toEqual([
      '[forgotten] called back: [forgotten] buy',
      'They may buy in May; ask [forgotten]',
    ]);
    // and the erasure reaches the teammate with the same rule
    team.trade('a', 'b');
    expect(hypotheses('b')).toEqual(hypotheses('a'));
    expect(summaries('b')).toEqual(summaries('a'));
  });

  it('what is written after the erasure is refused where import and sync would scrub it, and only there', () => {
    pm('a', ['log', '--with', 'May <may@x.test>', '--account', 'Xco', '--summary', 'intro']);
    pm('a', ['log', '--with', 'Raj Patel', '--account', 'Yco', '--summary', 'other']);
    pm('a', ['forget', 'May', '--yes']);
    pm('a', ['hyp', 'add', 'Teams may want SSO', '--criteria', '3 may say yes']);
    pm('a', ['edit', 'I2', '--summary', 'They may buy in May']);
    for (const [args, flag] of [
      [['edit', 'I2', '--summary', 'ask May (Xco)'], '--summary'],
      [['edit', 'I2', '--summary', 'ask May <may@x.test>'], '--summary'],
      // a conversation they attended is theirs: their name in it is them
      [['edit', 'I1', '--summary', 'May called back'], '--summary'],
    ] as [string[], string][]) {
      const r = team.run('a', args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(new RegExp(`^pm: ${flag} names a person erased with pm forget`, 'm'));
    }
    expect(summaries('a')).toEqual(['intro', 'They may buy in May']);
  });
});
