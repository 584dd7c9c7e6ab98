// Concurrency: three writer processes and a reader process at once, each doing a fixed amount of
// work (not whatever fits in some seconds, which depends on the machine). Every write lands, no
// command fails with "database is locked", and every report succeeds and sees a consistent journal:
// no report sees fewer conversations than one before it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, startPm, type RunResult, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => (box = sandbox()));
afterEach(() => box.cleanup());

const WRITERS = 3;
const WRITES = 6;
const REPORTS = 8;

describe('three writers and a report loop at once', () => {
  it('every write lands, no "database is locked", every report succeeds', async () => {
    expect(box.pm(['init']).code).toBe(0);
    const hyp = box.json(['hyp', 'add', 'Teams want faster exports', '--date', '2026-11-01']);
    const failures: RunResult[] = [];
    const written: string[] = [];

    async function writer(n: number) {
      for (let k = 1; k <= WRITES; k++) {
        const summary = `writer ${n} call ${k}`;
        const r = await startPm(
          [
            'log',
            '--with',
            `Person ${n} <p${n}@acme.test>`,
            '--account',
            'Acme',
            '--summary',
            summary,
            '--date',
            '2026-11-19',
            '--supports',
            hyp.id,
            '--pain',
            `pain ${k % 3}`,
          ],
          box.env,
        );
        if (r.code === 0) written.push(summary);
        else failures.push(r);
      }
    }
    const seen: number[] = [];
    async function reader() {
      for (let k = 0; k < REPORTS; k++) {
        const r = await startPm(['report', '--week', '--json'], box.env);
        if (r.code !== 0) failures.push(r);
        else seen.push(JSON.parse(r.out).conversations.length);
      }
    }
    await Promise.all([...Array.from({ length: WRITERS }, (_, n) => writer(n + 1)), reader()]);

    expect(failures.map((f) => f.err)).toEqual([]);
    expect(written).toHaveLength(WRITERS * WRITES);
    expect(seen).toHaveLength(REPORTS);
    // each report read one committed state: never fewer conversations than the report before it
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(Math.max(...seen)).toBeLessThanOrEqual(WRITERS * WRITES);
    const stored = box
      .sql<{ summary: string }>('SELECT summary FROM interviews')
      .map((r) => r.summary)
      .sort();
    expect(stored).toEqual([...written].sort());
    expect(box.sql<{ n: number }>('SELECT count(*) AS n FROM evidence')[0].n).toBe(written.length);
    expect(box.json(['report', '--week']).conversations).toHaveLength(WRITERS * WRITES);
    expect(box.json(['doctor']).healthy).toBe(true);
  }, 60_000);
});
