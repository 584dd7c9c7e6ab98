// The references a shared page names interviews by (src/db/refs.ts addInterviewRefs, fresh-eyes wave
// 16 H7) are read for the page's interviews alone, with only the journal's interviews that start as
// one of theirs: the same references as the simple way (everyRef, pageRefs' for hypotheses: every UUID
// read and sorted, each as long as it takes to tell it from its neighbours), and each one names its own
// interview and no other.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { addInterviewRefs, everyRef, localId } from '../../src/db/refs.js';
import { journal, type JournalBuilder } from '../fixtures/journal-builder.js';

describe("a shared page's interview references", () => {
  let j: JournalBuilder;
  beforeAll(() => {
    j = journal();
    const acme = j.account('Acme');
    for (let d = 1; d <= 28; d++) j.interview({ date: `2026-11-${String(d).padStart(2, '0')}`, account: acme });
    // the builder's UUIDs end 000000000001…: some made to start alike at 6, 7 and 11 digits, some not at all
    const ends = ['a1b2c3d4e5f6', 'a1b2c3000000', 'a1b2c4000000', 'a1b2c3d4e5f7', '0f0f0f0f0f0f', 'abcdef012345'];
    const set = j.db.prepare('UPDATE interviews SET uuid = ? WHERE id = ?');
    for (const [i, end] of ends.entries()) set.run(`01900000-0000-7000-8000-${end}`, i + 3);
  });
  afterAll(() => j.close());

  it('are those the simple way gives, for some of the interviews or all from a day', () => {
    const every = everyRef(j.db, 'I');
    expect(new Set([...every.values()].map((r) => r.length)).size).toBeGreaterThan(2);
    for (const ids of [['I3'], ['I1', 'I4', 'I6', 'I8', 'I28'], ['I5', 'I99', 'H3', 'I6'], []]) {
      const refs = new Map<string, string>();
      addInterviewRefs(j.db, refs, ids);
      expect(refs).toEqual(new Map(ids.filter((id) => every.has(id)).map((id) => [id, every.get(id)])));
    }
    const refs = new Map([['H1', 'H-000000']]);
    addInterviewRefs(j.db, refs, ['I2'], '2026-11-20');
    const named = ['I2', ...Array.from({ length: 9 }, (_, i) => `I${20 + i}`)];
    expect(refs).toEqual(new Map([['H1', 'H-000000'], ...named.map((id): [string, string] => [id, every.get(id)!])]));
  });

  it("are read by their first six digits' index (schema 70) as a scan of every UUID reads them", () => {
    // localId's lookup between the reference's shortest and longest filling, against LIKE over every UUID
    const scan = (given: string) =>
      j.db
        .prepare('SELECT id FROM interviews NOT INDEXED WHERE substr(uuid, 25) LIKE ? ORDER BY id LIMIT 5')
        .pluck()
        .all(`${given}%`) as number[];
    const plan = j.db
      .prepare("EXPLAIN QUERY PLAN SELECT id FROM interviews WHERE substr(uuid, 25, 6) BETWEEN 'a1b2c0' AND 'a1b2cf'")
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('interviews_by_ref');
    const ends = j.db.prepare('SELECT substr(uuid, 25) FROM interviews').pluck().all() as string[];
    const tried = new Set(['a1b2', 'a1b2c', 'a1b2c3', 'a1b2c3d', 'a1b2c4', 'ffff', '0f0f0f0f0f0f', 'A1B2C3D4E5F6']);
    for (const end of ends) for (const n of [4, 5, 6, 7, 12]) tried.add(end.slice(0, n));
    for (const given of tried) {
      const want = scan(given.toLowerCase());
      let got: string;
      try {
        got = localId(j.db, `I-${given}`);
      } catch (err) {
        if (!(err instanceof UsageError)) throw err;
        got = err.message.startsWith('unknown') ? 'none' : 'many';
      }
      expect(got, given).toBe(want.length === 0 ? 'none' : want.length > 1 ? 'many' : `I${want[0]}`);
    }
  });

  it('each name their own interview', () => {
    const refs = new Map<string, string>();
    addInterviewRefs(j.db, refs, [], '0000-01-01');
    expect(refs.size).toBe(28);
    for (const [id, ref] of refs) expect(localId(j.db, ref)).toBe(id);
  });
});
