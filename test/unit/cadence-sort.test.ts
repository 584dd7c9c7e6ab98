// byMostOverdue (src/core/cadence.ts) makes each item's sort keys once; it must order any listing
// as the plain comparator it replaced does, ties (same lateness, names equal but for case) included.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { byMostOverdue, type Standing } from '../../src/core/cadence.js';

type Item = Standing & { name: string; n: number };

function plainSort(items: Item[]): Item[] {
  const lateness = (s: Item) =>
    s.daysSince === null || typeof s.cadence !== 'number' ? -Infinity : s.daysSince - s.cadence;
  const byName = (a: Item, b: Item) => {
    const x = a.name.toLowerCase(),
      y = b.name.toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  };
  return items.slice().sort((a, b) => lateness(b) - lateness(a) || byName(a, b));
}

describe('byMostOverdue', () => {
  it('orders as the plain comparator does', () => {
    const item = fc.record({
      name: fc.constantFrom('ana', 'Ana', 'ANA', 'Émile', 'émile', 'Zoë', 'bo', 'Bo', 'İlker', 'ß', ''),
      daysSince: fc.option(fc.integer({ min: 0, max: 400 })),
      cadence: fc.oneof(fc.constant('off' as const), fc.constant(null), fc.integer({ min: 1, max: 90 })),
      overdue: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 60 }), (raw) => {
        const items: Item[] = raw.map((r, n) => ({ ...r, lastDirect: null, n }));
        const before = items.map((i) => i.n);
        expect(byMostOverdue(items).map((i) => i.n)).toEqual(plainSort(items).map((i) => i.n));
        // the given list is left as it was
        expect(items.map((i) => i.n)).toEqual(before);
      }),
      { numRuns: 400 },
    );
  });
});
