// A decision pushed under the OS login follows user.name as the calls do (a real PostgreSQL, test/pg.ts;
// review wave 14 R1's rest): setting the name claimed only the decisions not yet pushed, so one pushed
// as "tester" ("root" on the tester's machine) read "killed by tester" on every journal for good, beside
// the same PM's calls now by their name. Now the decisions recorded here are claimed, pushed or not, as a
// tracked change that the next sync carries; a teammate's under the same login stays theirs. Fails before.
import { describe, expect, it } from 'vitest';
import { journalRows, twoJournals, type Name } from '../two-journals.js';

const t = twoJournals('2026-12-04');
const decisions = (who: Name) => journalRows(t.file(who), 'SELECT reason, by FROM outcomes ORDER BY reason');

describe('user.name set where it was unset, after decisions were pushed', () => {
  it("makes this journal's decisions the user's on every journal, and leaves a teammate's", async () => {
    const url = await t.postgres();
    // both teammates log in as "tester", neither has a name yet
    t.pm('b', ['sync', 'init', url]);
    t.pm('b', ['hyp', 'add', 'Admins want an audit log']);
    t.pm('b', ['hyp', 'kill', 'H1', '--reason', "b's decision"]);
    t.pm('b', ['sync']);
    t.pm('a', ['sync', 'init', url]);
    t.pm('a', ['sync']);
    t.pm('a', ['hyp', 'add', 'Teams want a digest']);
    t.pm('a', ['hyp', 'validate', 'H2', '--reason', "a's decision"]);
    t.pm('a', ['sync']);
    t.pm('b', ['sync']);
    expect(decisions('b')).toEqual(["a's decision | tester", "b's decision | tester"]);

    t.pm('a', ['config', 'set', 'user.name', 'Pat Kim']);
    expect(decisions('a')).toEqual(["a's decision | Pat Kim", "b's decision | tester"]);
    t.pm('a', ['sync']);
    t.pm('b', ['sync']);
    expect(decisions('b')).toEqual(["a's decision | Pat Kim", "b's decision | tester"]);
    expect(t.pm('b', ['hyp', 'show', 'H2']).out).toContain('validated by Pat Kim');
  });
});
