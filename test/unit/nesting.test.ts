import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { nestedDeeperThan } from '../../src/core/import-validate.js';

/** The simple path: the nesting depth of a parsed value, by recursion. */
function depth(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  const children = Array.isArray(value) ? value : Object.values(value);
  return 1 + Math.max(0, ...children.map(depth));
}

describe('nestedDeeperThan (the scan before JSON.parse)', () => {
  it('agrees with the depth of the parsed value, strings with brackets, quotes and backslashes included', () => {
    const text = fc.string({ unit: fc.constantFrom('a', '[', ']', '{', '}', '"', '\\', ' ', 'é') });
    fc.assert(
      fc.property(
        fc.jsonValue({ maxDepth: 8, stringUnit: 'grapheme' }),
        text,
        fc.integer({ min: 0, max: 9 }),
        (v, s, max) => {
          const json = JSON.stringify([v, s, { [s]: v }]);
          const bytes = Buffer.from(json, 'utf8');
          const deeper = depth(JSON.parse(json)) > max;
          expect(nestedDeeperThan(bytes, max) >= 0).toBe(deeper);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('gives the offset where the limit is passed, and -1 within it', () => {
    expect(nestedDeeperThan(Buffer.from('{"a":[[1]]}'), 3)).toBe(-1);
    expect(nestedDeeperThan(Buffer.from('{"a":[[1]]}'), 2)).toBe(6);
    expect(nestedDeeperThan(Buffer.from('"[[[[\\"[[["'), 1)).toBe(-1);
  });
});
