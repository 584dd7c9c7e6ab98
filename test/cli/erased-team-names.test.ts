// After `pm forget "Kim Lee"`, a teammate called Kim Lee Smith keeps her name: who held a conversation
// or made a decision read "[forgotten] Smith", her own pm log was refused for naming an erased person,
// and a teammate's file brought her calls in as "[forgotten] Smith"'s. And forgetting someone a longer
// name was merged into left "[forgotten] [forgotten] [forgotten]" in their conversations and "[forgotten]
// Smith" elsewhere. Fails before: each of these (wave 15).
import { describe, expect, it } from 'vitest';
import { journalRows, twoJournals, type Name } from '../two-journals.js';

const team = twoJournals();
const { pm } = team;
const rows = (who: Name, query: string) => journalRows(team.file(who), query);
const interviews = (who: Name) => rows(who, 'SELECT by, summary FROM interviews ORDER BY id');

describe("an erased name inside a teammate's longer name", () => {
  it('pm forget leaves who held the calls and made the decisions, and she logs on', () => {
    pm('a', ['config', 'set', 'user.name', 'Kim Lee Smith']);
    pm('a', ['log', '--with', 'Kim Lee', '--account', 'Acme', '--summary', 'Kim Lee wants exports']);
    pm('a', ['log', '--with', 'Jane Roe', '--account', 'Acme', '--summary', 'Kim Lee Smith asked Jane about Kim Lee']);
    pm('a', ['hyp', 'add', 'Finance teams want exports']);
    pm('a', ['hyp', 'validate', 'H1', '--reason', 'enough']);
    pm('a', ['forget', 'Kim Lee', '--yes']);
    expect(interviews('a')).toEqual([
      'Kim Lee Smith | [forgotten] wants exports',
      'Kim Lee Smith | Kim Lee Smith asked Jane about [forgotten]',
    ]);
    expect(rows('a', 'SELECT by FROM outcomes')).toEqual(['Kim Lee Smith']);
    pm('a', ['log', '--with', 'Jane Roe', '--account', 'Acme', '--summary', 'follow-up']);
    expect(rows('a', 'SELECT by FROM interviews WHERE id = 3')).toEqual(['Kim Lee Smith']);
  });

  it("a teammate's calls arrive under her name", () => {
    pm('a', ['log', '--with', 'Kim Lee', '--account', 'Acme', '--summary', 'intro']);
    team.trade('a', 'b');
    pm('a', ['forget', 'Kim Lee', '--yes']);
    pm('b', ['config', 'set', 'user.name', 'Kim Lee Smith']);
    pm('b', ['log', '--with', 'Jane Roe', '--account', 'Acme', '--summary', 'Jane and Kim Lee Smith on pricing']);
    team.trade('b', 'a');
    expect(interviews('a')).toContain('Kim Lee Smith | Jane and Kim Lee Smith on pricing');
  });
});

describe('an erased name in a `by` of several people or with a note (review wave 15 R1)', () => {
  it('goes from each, and from the texts a `by` of two people named', () => {
    pm('a', ['log', '--with', 'Kim Lee', '--account', 'Acme', '--summary', 'intro', '--by', 'Kim Lee, Sam Ray']);
    pm('a', [
      'log',
      '--with',
      'Jane Roe',
      '--account',
      'Acme',
      '--summary',
      'Sam Ray and Kim Lee on pricing',
      '--by',
      'Sam Ray and Kim Lee',
    ]);
    pm('a', ['log', '--with', 'Jane Roe', '--account', 'Acme', '--summary', 'x', '--by', 'Kim Lee (PM)']);
    pm('a', ['forget', 'Kim Lee', '--yes']);
    expect(interviews('a')).toEqual([
      '[forgotten], Sam Ray | intro',
      'Sam Ray and [forgotten] | Sam Ray and [forgotten] on pricing',
      '[forgotten] (PM) | x',
    ]);
    // and is not written back by a later call's `by`
    const again = team.run('a', [
      'log',
      '--with',
      'Jane Roe',
      '--account',
      'Acme',
      '--summary',
      'again',
      '--by',
      'Kim Lee, Sam Ray',
    ]);
    expect(again.code).toBe(2);
    expect(rows('a', "SELECT count(*) FROM interviews WHERE by LIKE '%Kim Lee%'")).toEqual(['0']);
  });
});

describe('forgetting someone a longer name was merged into', () => {
  it('leaves one [forgotten] a mention, and nothing of the longer name', () => {
    pm('a', ['log', '--with', 'Kim Lee', '--account', 'Acme', '--summary', 'Kim Lee said hi']);
    pm('a', ['log', '--with', 'Kim Lee Smith', '--account', 'Acme', '--summary', 'Kim Lee Smith said hello; Kim too']);
    pm('a', ['log', '--with', 'Jane Roe', '--account', 'Acme', '--summary', 'Jane said Kim Lee Smith is out']);
    pm('a', ['contact', 'merge', 'Kim Lee Smith', 'Kim Lee', '--yes']);
    const r = pm('a', ['forget', 'Kim Lee', '--yes']);
    expect(r.out).toMatch(/\(1 other record included\)/);
    expect(rows('a', 'SELECT summary FROM interviews ORDER BY id')).toEqual([
      '[forgotten] said hi',
      '[forgotten] said hello; [forgotten] too',
      'Jane said [forgotten] is out',
    ]);
  });
});
