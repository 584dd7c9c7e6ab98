import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, startPm, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => (box = sandbox()));
afterEach(() => box.cleanup());

describe('several pm log at once', () => {
  it('every row lands and none fails with "database is locked"', async () => {
    expect(box.pm(['init']).code).toBe(0);
    const n = 6;
    const results = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        startPm(
          [
            'log',
            '--with',
            `Person ${i}`,
            '--account',
            i % 2 ? 'Acme' : 'Globex',
            '--summary',
            `call ${i}`,
            '--pain',
            `pain ${i}`,
          ],
          box.env,
        ),
      ),
    );
    for (const r of results) {
      expect(r.err).not.toMatch(/locked/);
      expect(r.code, r.err).toBe(0);
    }
    const rows = box.sql('SELECT summary FROM interviews ORDER BY summary').map((r) => r.summary);
    expect(rows).toEqual(Array.from({ length: n }, (_, i) => `call ${i}`));
    expect(box.sql('SELECT count(*) AS n FROM accounts')[0].n).toBe(2);
    expect(box.sql('SELECT count(*) AS n FROM interviews_fts')[0].n).toBe(n);
  });

  it('also when the journal does not exist yet', async () => {
    const results = await Promise.all(
      [0, 1, 2].map((i) =>
        startPm(['log', '--with', 'Jane Roe', '--account', 'Acme', '--summary', `call ${i}`], box.env),
      ),
    );
    for (const r of results) expect(r.code, r.err).toBe(0);
    expect(box.sql('SELECT count(*) AS n FROM interviews')[0].n).toBe(3);
    // one Jane, one Acme: matching happens inside the write transaction
    expect(box.sql('SELECT count(*) AS n FROM contacts')[0].n).toBe(1);
  });
});
