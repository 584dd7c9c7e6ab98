// A record in the team's database that is not what pm writes (another program, a hand edit): pm sync
// refuses it naming the team's database (it is no file), exit 1, and the journal is left as it was.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { twoJournals } from '../two-journals.js';

const team = twoJournals();
const { pm, file } = team;

describe('pm sync: a damaged record in the team database', () => {
  it('is refused naming the team database, not "the file"; the journal is untouched', async () => {
    const url = await team.postgres();
    pm('a', ['log', '--with', 'Jane Roe', '--account', 'Acme', '--summary', 'exports are slow']);
    for (const who of ['a', 'b'] as const) pm(who, ['sync', 'init', url]);
    pm('a', ['sync']);
    pm('b', ['log', '--with', 'Kim Li', '--account', 'Globex', '--summary', 'billing hurts']);
    // another program wrote an interview without its date
    await team.sql(`UPDATE pm.records SET data = data - 'date' WHERE kind = 'interview'`);
    const before = readFileSync(file('b'));
    const r = team.run('b', ['sync']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^pm: the team database: interviews\[0\]/);
    expect(r.err).not.toMatch(/the file/);
    expect(readFileSync(file('b')).equals(before)).toBe(true);
    expect(JSON.parse(pm('b', ['ls', '--json']).out).map((i: { summary: string }) => i.summary)).toEqual([
      'billing hurts',
    ]);
  });
});
