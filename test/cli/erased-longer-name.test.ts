// After `pm forget "Kim Lee"`, a run of words that is a living contact's longer name ("Kim Lee Smith,
// the CFO") names that person, not the erased one: it stays as written wherever the erasure is applied
// (pm forget, an import, pm sync, pm edit's refusal), where it read "[forgotten] Smith, the CFO" (wave
// 13's closing list). The erased name beside it still goes, and so does a longer name nobody here has.
// And a conversation held with a living namesake (a contact renamed "Kim Lee" after the erasure) keeps
// the name on arrival, as pm forget keeps it (docs/decisions.md, "A living namesake's conversation").
import Database from 'better-sqlite3';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { twoJournals, type Name } from '../two-journals.js';

const team = twoJournals();
const { pm } = team;
const rows = (who: Name, query: string) => {
  const db = new Database(team.file(who), { readonly: true });
  try {
    return db.prepare(query).pluck().all() as string[];
  } finally {
    db.close();
  }
};
const summaries = (who: Name) => rows(who, 'SELECT summary FROM interviews ORDER BY summary');
const tags = (who: Name) => rows(who, 'SELECT tag FROM interview_tags ORDER BY tag');

/** Both journals' summaries once the erasure met the teammate's "Kim Lee Smith signs; Kim Lee left". */
const afterBoth = [
  'Kim Lee Smith signs; [forgotten] left',
  'Kim Lee Smith, the CFO',
  '[forgotten] and Kim Park on exports',
  'pricing',
];

/** Kim Lee (to be erased), a living Kim Lee Smith and Kim Park, and a colleague's notes naming them. */
function people(who: Name): void {
  pm(who, ['log', '--with', 'Kim Lee <kim@x.test>', '--account', 'Xco', '--summary', 'Kim and Kim Park on exports']);
  pm(who, ['log', '--with', 'Kim Lee Smith <kls@y.test>', '--account', 'Yco', '--summary', 'Kim Lee Smith, the CFO']);
  pm(who, ['log', '--with', 'Kim Park', '--account', 'Yco', '--summary', 'pricing']);
}

describe("an erased name inside a living person's longer name", () => {
  it('pm forget leaves the longer name, and takes the erased one in every other form', () => {
    people('a');
    pm('a', [
      'log',
      '--with',
      'Ann Bo',
      '--account',
      'Yco',
      '--summary',
      "Kim Lee Smith met Kim Lee; Ann Kim Lee; Dr. Kim Lee (Kim Lee), Kim Lee's deck, Kim Lee 🙂 @kimleesmith @kimlee",
      '--tag',
      'kim-lee-smith',
      '--tag',
      'kimlee',
    ]);
    pm('a', ['forget', 'kim@x.test', '--yes']);
    expect(summaries('a')).toEqual([
      "Kim Lee Smith met [forgotten]; Ann [forgotten]; Dr. [forgotten] ([forgotten]), [forgotten]'s deck, " +
        '[forgotten] 🙂 @kimleesmith @[forgotten]',
      'Kim Lee Smith, the CFO',
      // in their own conversation every word of their name goes, but Kim Park is someone else
      '[forgotten] and Kim Park on exports',
      'pricing',
    ]);
    expect(tags('a')).toEqual(['kim-lee-smith']);
  });

  it('an erasure arriving by import leaves it, in the journal and in what the file brings', () => {
    people('a');
    team.trade('a', 'b');
    pm('a', ['forget', 'kim@x.test', '--yes']);
    // the teammate, who has not heard of the erasure yet
    pm('b', ['log', '--with', 'Kim Lee Smith', '--account', 'Yco', '--summary', 'Kim Lee Smith signs; Kim Lee left']);
    team.trade('a', 'b');
    team.trade('b', 'a');
    for (const who of ['a', 'b'] as const) expect(summaries(who)).toEqual(afterBoth);
  });

  it('pm sync leaves it, both ways', async () => {
    people('a');
    team.syncFirst(await team.postgres());
    pm('a', ['forget', 'kim@x.test', '--yes']);
    pm('b', ['log', '--with', 'Kim Lee Smith', '--account', 'Yco', '--summary', 'Kim Lee Smith signs; Kim Lee left']);
    for (const who of ['a', 'b', 'a', 'b'] as const) pm(who, ['sync']);
    for (const who of ['a', 'b'] as const) expect(summaries(who)).toEqual(afterBoth);
  });

  it('pm edit takes the longer name, and still refuses the erased one', () => {
    people('a');
    pm('a', ['forget', 'kim@x.test', '--yes']);
    pm('a', ['edit', 'I2', '--summary', 'Kim Lee Smith, the CFO, signs']);
    const r = team.run('a', ['edit', 'I2', '--summary', 'Kim Lee, the CFO, signs']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/names a person erased with pm forget/);
    expect(summaries('a')).toContain('Kim Lee Smith, the CFO, signs');
  });

  it('a longer name merged into another contact is still theirs; erasing that contact takes it', () => {
    people('a');
    pm('a', ['log', '--with', 'Kim Smith', '--account', 'Yco', '--summary', 'renewal']);
    pm('a', ['contact', 'merge', 'Kim Lee Smith', 'Kim Smith']);
    pm('a', ['forget', 'kim@x.test', '--yes']);
    expect(summaries('a')).toContain('Kim Lee Smith, the CFO');
    // forgetting the one it became erases the name merged into them too, the longer name and all
    pm('a', ['forget', 'Kim Smith', '--yes']);
    expect(summaries('a').join('\n')).not.toMatch(/Kim Lee|Smith/);
  });

  it('pm forget of the longer name after the shorter one takes it', () => {
    people('a');
    pm('a', ['forget', 'kim@x.test', '--yes']);
    pm('a', ['forget', 'kls@y.test', '--yes']);
    expect(summaries('a')).toContain('[forgotten], the CFO');
  });

  it('pm forget keeps a pm log draft about a Kim Leeson and a living Kim Lee Smith; drops one naming them', () => {
    people('a');
    // an interactive pm log that Ctrl-C interrupted kept a draft (issue 15)
    const draft = `${team.file('a')}.log-draft.json`;
    const keep = (name: string, summary: string) =>
      writeFileSync(
        draft,
        JSON.stringify({
          format: 'pm-log-draft',
          savedAt: '2026-12-05T10:00:00.000Z',
          answers: { who: { name }, summary },
        }),
      );
    keep('Kim Leeson', 'Kim Lee Smith, the CFO, on budgets');
    pm('a', ['forget', 'kim@x.test', '--yes']);
    expect(readFileSync(draft, 'utf8')).toContain('Kim Leeson');
    keep('Raj Patel', 'Kim Lee Smith said\nKim Lee Smith, the CFO');
    const r = pm('a', ['forget', 'kls@y.test', '--yes']);
    expect(r.err).toContain('removed the unsaved pm log draft');
    expect(existsSync(draft)).toBe(false);
  });

  it("an import keeps the name in a living namesake's conversation (renamed after the erasure)", () => {
    pm('a', ['log', '--with', 'Kim Lee <kim@x.test>', '--account', 'Xco', '--summary', 'Kim Lee on exports']);
    pm('a', ['log', '--with', 'Kim Leigh <kl@y.test>', '--account', 'Yco', '--summary', 'call with Kim Leigh']);
    team.trade('a', 'b');
    pm('a', ['forget', 'kim@x.test', '--yes']);
    pm('a', ['contact', 'set', 'Kim Leigh', '--name', 'Kim Lee']);
    pm('a', ['edit', 'I2', '--summary', 'call with Kim Lee']);
    team.trade('a', 'b');
    for (const who of ['a', 'b'] as const)
      expect(summaries(who)).toEqual(['[forgotten] on exports', 'call with Kim Lee']);
    // the erased person's own conversation keeps nothing of them, there too
    expect(rows('b', 'SELECT name FROM contacts ORDER BY name')).toEqual(['Forgotten contact', 'Kim Lee']);
  });
});
