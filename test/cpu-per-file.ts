// Where the suite's CPU goes, a file at a time: with PM_TEST_CPU_LOG=FILE (vitest.config.ts adds this
// setup file then), each test file appends a line to FILE: its path, the CPU seconds its worker
// process spent from its first test to its last (the in-process runner's thread included), the CPU
// of the processes it started and waited for (pm, python3, shells, Chromium), and its wall seconds.
// CPU, unlike wall time, hardly moves with the machine's load. Module loading before the first test,
// vitest's own process and the PostgreSQL server are not counted. docs/development.md, "Speed".
import { appendFileSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { afterAll, beforeAll } from 'vitest';

/** This process's CPU seconds and its waited-for children's (/proc/self/stat: utime, stime, cutime, cstime). */
function cpu(): { own: number; children: number } {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { own: (Number(f[11]) + Number(f[12])) / 100, children: (Number(f[13]) + Number(f[14])) / 100 };
}

let start = { own: 0, children: 0 };
let started = 0;
let file = '?';
// vitest hands a hook its fixtures first (an object pattern, even an empty one), the file second
// biome-ignore lint/correctness/noEmptyPattern: vitest reads the pattern to know which fixtures a hook uses
beforeAll(({}, suite) => {
  file = relative(resolve(import.meta.dirname, '..'), suite.file.filepath);
  start = cpu();
  started = performance.now();
});
afterAll(() => {
  const now = cpu();
  const line = [file, now.own - start.own, now.children - start.children, (performance.now() - started) / 1000];
  appendFileSync(
    process.env.PM_TEST_CPU_LOG!,
    `${line.map((v) => (typeof v === 'number' ? v.toFixed(2) : v)).join('\t')}\n`,
  );
});
