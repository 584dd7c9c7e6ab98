// pm log's near-twin warning (fresh-eyes wave 15 H8) reads every pain text heard and keys each only for
// a pain not heard before word for word (painTwins, src/commands/log.ts): one heard before joins what it
// joined then, and nearTwins finds it no twin. On journals of both bench shapes, painTwins answers as
// nearTwins over every text heard does, for each text heard, for variants a letter, a hyphen, a space,
// a case or a plural off them, and for several pains at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { painTwins } from '../../src/commands/log.js';
import { nearTwins } from '../../src/core/opportunities.js';
import { painKey } from '../../src/core/pains.js';
import { heardPainTexts, namedOpportunities } from '../../src/db/opportunities.js';
import type { DB } from '../../src/db/journal.js';
import { generatedJournal, SHAPES } from '../fixtures/generated-journal.js';

/** What the warning said before: every pain against every text heard (read once: the tests write none). */
function simple(
  db: DB,
  pains: string[],
  named = namedOpportunities(db),
  texts = heardPainTexts(db),
): [string, string][] {
  return pains.flatMap((pain): [string, string][] => {
    const [twin] = nearTwins(pain, named, texts);
    return twin === undefined ? [] : [[pain, twin]];
  });
}

describe.each(Object.entries(SHAPES))('pain twins on a journal of the %s shape', (_shape, { size, ...opts }) => {
  let journal: ReturnType<typeof generatedJournal>;
  beforeAll(() => {
    journal = generatedJournal(size, opts);
    // an opportunity named with an alias, so that a pain known by its key or an alias is among them
    const [first, second] = heardPainTexts(journal.db);
    journal.db
      .prepare("INSERT INTO opportunities (uuid, name, key) VALUES ('01900000-0000-7000-8000-000000000001', ?, ?)")
      .run(`${first} (named)`, painKey(first));
    journal.db
      .prepare('INSERT INTO opportunity_aliases (opportunity_id, name, key) VALUES (last_insert_rowid(), ?, ?)')
      .run(`${second}!`, painKey(`${second}!`));
  });
  afterAll(() => journal.close());

  it('answers as every pain checked against every text heard', () => {
    const db = journal.db;
    const texts = heardPainTexts(db);
    const named = namedOpportunities(db);
    expect(texts.length).toBeGreaterThan(20);
    // every fifth text's variants (each simple answer keys every text heard: all of them took seconds)
    const variants = texts
      .filter((_, i) => i % 5 === 0 || i < 2)
      .flatMap((t) => [
        t,
        `${t}s`,
        t.slice(0, -1),
        t.toUpperCase(),
        ` ${t}  `,
        t.replace(' ', '-'),
        t.replace(' ', '  '),
        `${t.slice(0, 3)}x${t.slice(4)}`,
      ]);
    let twins = 0;
    for (const pain of variants) {
      const fast = painTwins(db, [pain]);
      expect(fast, JSON.stringify(pain)).toEqual(simple(db, [pain], named, texts));
      twins += fast.length;
    }
    // both answers are among them: most variants have a twin, every text heard has none
    expect(twins).toBeGreaterThan(variants.length / 8);
    for (const t of texts) expect(painTwins(db, [t])).toEqual([]);
    // several pains at once, heard and new mixed, keep their order
    for (let k = 0; k + 3 <= variants.length; k += 7) {
      const pains = variants.slice(k, k + 3);
      expect(painTwins(db, pains)).toEqual(simple(db, pains, named, texts));
    }
  });
});
