// Concurrency: several writer processes and a reader loop at once, for several seconds. Every
// write lands, no command fails with "database is locked", every report succeeds.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, startPm, type RunResult, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => (box = sandbox()));
afterEach(() => box.cleanup());

const SECONDS = 5;

describe('three writers and a report loop at once', () => {
  it('every write lands, no "database is locked", every report succeeds', async () => {
    expect(box.pm(['init']).code).toBe(0);
    const hyp = box.json(['hyp', 'add', 'Teams want faster exports', '--date', '2026-11-01']);
    const deadline = Date.now() + SECONDS * 1000;
    const failures: RunResult[] = [];
    const written: string[] = [];

    async function writer(n: number) {
      let k = 0;
      while (Date.now() < deadline) {
        k++;
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
    let reports = 0;
    async function reader() {
      while (Date.now() < deadline) {
        const r = await startPm(['report', '--week', '--json'], box.env);
        if (r.code !== 0) failures.push(r);
        else {
          JSON.parse(r.out);
          reports++;
        }
      }
    }
    await Promise.all([writer(1), writer(2), writer(3), reader()]);

    expect(failures.map((f) => f.err)).toEqual([]);
    expect(written.length).toBeGreaterThanOrEqual(6);
    expect(reports).toBeGreaterThanOrEqual(2);
    const stored = box
      .sql<{ summary: string }>('SELECT summary FROM interviews')
      .map((r) => r.summary)
      .sort();
    expect(stored).toEqual([...written].sort());
    expect(box.sql<{ n: number }>('SELECT count(*) AS n FROM evidence')[0].n).toBe(written.length);
    expect(box.json(['doctor']).healthy).toBe(true);
  }, 60_000);
});
