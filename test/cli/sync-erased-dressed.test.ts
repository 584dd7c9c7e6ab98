// A teammate who logged "Dr. Kim Lee" at Northwind before Kim Lee's erasure reached them (a real
// PostgreSQL, test/pg.ts; wave 12 review R1/R3 and docs/decisions.md G2's "Left"): that contact is
// Kim Lee by the rule a name typed after the erasure is refused by (a title set aside, at her account,
// no email telling them apart). The journal that erased her erases it on arrival and the erasure
// travels back, so she comes back nowhere; "Kim Lee Smith", another person, stays everywhere.
import { describe, expect, it } from 'vitest';
import { twoJournals, type Name } from '../two-journals.js';

const t = twoJournals('2026-12-07');

const names = (who: Name) =>
  (JSON.parse(t.pm(who, ['contacts', '--json']).out) as { name: string }[]).map((c) => c.name).sort();

describe('an erased person logged with a title by a teammate before the erasure reached them', () => {
  it('is erased by the sync that brings it to the journal that erased her, then everywhere', async () => {
    t.pm('a', ['log', '--with', 'Kim Lee', '--account', 'Northwind', '--summary', 'Kim on budgets']);
    t.syncFirst(await t.postgres());
    t.pm('b', ['log', '--with', 'Dr. Kim Lee', '--account', 'Northwind', '--summary', 'Dr. Kim Lee on SSO']);
    t.pm('b', ['log', '--with', 'Kim Lee Smith', '--account', 'Northwind', '--summary', 'Kim Lee Smith, the CFO']);
    t.pm('a', ['forget', 'Kim Lee', '--yes']);
    for (const who of ['a', 'b', 'a', 'b', 'a'] as const) t.pm(who, ['sync']);
    for (const who of ['a', 'b'] as const) {
      expect(names(who)).toEqual(['Forgotten contact', 'Forgotten contact', 'Kim Lee Smith']);
      expect(t.pm(who, ['ls']).out).not.toContain('Dr. Kim Lee');
      expect(t.pm(who, ['ls', '--with', 'Kim Lee Smith']).out).toContain('I3');
    }
    // settled
    for (const who of ['b', 'a'] as const)
      expect(JSON.parse(t.pm(who, ['sync', '--json']).out)).toMatchObject({ pulled: 0, pushed: 0 });
  });
});
