// A hypothesis two teammates decided differently (a real PostgreSQL, test/pg.ts; fresh-eyes wave 13
// H16): after pm sync the decision recorded last stood on both journals, no outcome said who made
// it, and nothing on the report said the team disagreed.
import { describe, expect, it } from 'vitest';
import { twoJournals } from '../two-journals.js';

const t = twoJournals('2026-12-18');

describe('a hypothesis validated by Pat and killed by Dana the same day', () => {
  it('records who decided, and the report asks to settle it until it is reopened and decided once', async () => {
    t.pm('a', ['config', 'set', 'user.name', 'Pat']);
    t.pm('b', ['config', 'set', 'user.name', 'Dana']);
    t.pm('a', ['hyp', 'add', 'Controllers want bulk approve']);
    t.syncFirst(await t.postgres());
    t.pm('a', ['hyp', 'validate', 'H1', '--reason', '3 controllers asked']);
    t.pm('b', ['hyp', 'kill', 'H1', '--reason', 'engineering says no']);
    for (const who of ['a', 'b', 'a'] as const) t.pm(who, ['sync']);
    const ref = JSON.parse(t.pm('a', ['hyp', 'show', 'H1', '--json']).out).ref as string;

    for (const who of ['a', 'b'] as const) {
      const shown = JSON.parse(t.pm(who, ['hyp', 'show', 'H1', '--json']).out);
      expect(shown.outcomes.map((o: { outcome: string; by: string }) => [o.outcome, o.by])).toEqual([
        ['validated', 'Pat'],
        ['killed', 'Dana'],
      ]);
      const page = t.pm(who, ['hyp', 'show', 'H1']).out;
      expect(page).toContain('validated by Pat: 3 controllers asked');
      expect(page).toContain('killed by Dana: engineering says no');
      const standup = t.pm(who, ['report']).out;
      expect(standup).toContain(`Settle H1 (${ref}): validated by Pat, then killed by Dana on 2026-12-18`);
      expect(standup).toContain(`pm hyp reopen ${ref} --reason`);
      // JSON names the display id, as every JSON message does (the reference is a key of its own, H7)
      const flags = JSON.parse(t.pm(who, ['report', '--json']).out).flags;
      expect(flags).toContainEqual({
        kind: 'contested-decision',
        subject: 'H1',
        ref,
        message:
          'H1 was decided twice: "validated" by Pat on 2026-12-18, then "killed" by Dana on 2026-12-18; ' +
          'it is killed (the decision recorded last): settle it, reopen it and decide once ' +
          '(pm hyp reopen H1 --reason "…")',
      });
      expect(t.run(who, ['report', '--check']).code).toBe(3);
    }
    const exported = JSON.parse(t.pm('b', ['export', '--format', 'json']).out);
    expect(exported.outcomes.map((o: { by: string }) => o.by)).toEqual(['Pat', 'Dana']);

    // settled: Pat agrees, reopens and kills it once; both journals stop asking
    t.pm('a', ['hyp', 'reopen', ref, '--reason', 'talked it over']);
    t.pm('a', ['hyp', 'kill', ref, '--reason', 'agreed with Dana']);
    for (const who of ['a', 'b'] as const) t.pm(who, ['sync']);
    for (const who of ['a', 'b'] as const) {
      expect(t.pm(who, ['report']).out).not.toContain('Settle');
      const kinds = JSON.parse(t.pm(who, ['report', '--json']).out).flags.map((f: { kind: string }) => f.kind);
      expect(kinds).not.toContain('contested-decision');
    }
  });
});
