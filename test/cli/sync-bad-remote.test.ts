// A record in the team's database that is not what pm writes (another program, a hand edit): pm sync
// refuses it naming the team's database (it is no file), exit 1, and the journal is left as it was.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { sandbox, type Sandbox } from '../helpers.js';
import { testDatabase, type TestDatabase } from '../pg.js';

let box: Sandbox;
let pg: TestDatabase;
beforeEach(async () => {
  box = sandbox();
  pg = await testDatabase();
});
afterEach(async () => {
  await pg.drop();
  box.cleanup();
});

const pm = (who: string, args: string[]) => box.pm(['--db', join(box.dir, `${who}.db`), ...args], { env: pg.env });

describe('pm sync: a damaged record in the team database', () => {
  it('is refused naming the team database, not "the file"; the journal is untouched', async () => {
    expect(pm('ann', ['log', '--with', 'Jane Roe', '--account', 'Acme', '--summary', 'exports are slow']).code).toBe(0);
    for (const who of ['ann', 'bo']) expect(pm(who, ['sync', 'init', pg.url]).code).toBe(0);
    expect(pm('ann', ['sync']).code).toBe(0);
    expect(pm('bo', ['log', '--with', 'Kim Li', '--account', 'Globex', '--summary', 'billing hurts']).code).toBe(0);
    // another program wrote an interview without its date
    await pg.query(`UPDATE pm.records SET data = data - 'date' WHERE kind = 'interview'`);
    const before = readFileSync(join(box.dir, 'bo.db'));
    const r = pm('bo', ['sync']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^pm: the team database: interviews\[0\]/);
    expect(r.err).not.toMatch(/the file/);
    expect(readFileSync(join(box.dir, 'bo.db')).equals(before)).toBe(true);
    const ls = pm('bo', ['ls', '--json']);
    expect(JSON.parse(ls.out).map((i: { summary: string }) => i.summary)).toEqual(['billing hurts']);
  });
});
