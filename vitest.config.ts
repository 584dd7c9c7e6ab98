import { accessSync, constants } from 'node:fs';
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { freshSchema } from './migrations/fresh-schema.mjs';

// Tests run in UTC unless TZ says otherwise, and every test process inherits it: in-process runs
// of pm share their process's time zone (test/helpers.ts), spawned ones get TZ from the sandbox.
process.env.TZ ??= 'UTC';

// Test journals live in memory where the machine has a tmpfs: pm commits with synchronous=FULL, and
// each fsync to a disk costs ~10 ms a write (in-process pm log: 14.6 ms on /tmp, 4.4 ms on /dev/shm).
// No test is about surviving a power cut; a kill -9 (test/slow/crash.test.ts) behaves the same.
if (!process.env.TMPDIR) {
  try {
    accessSync('/dev/shm', constants.W_OK | constants.X_OK);
    process.env.TMPDIR = '/dev/shm';
  } catch {
    // no tmpfs: the system's temporary folder
  }
}

export default defineConfig({
  plugins: [
    {
      // a new journal's schema, folded from the migrations as the build does (esbuild.config.mjs)
      name: 'fresh-schema',
      resolveId: (id: string) => (id === 'pm:fresh-schema' ? '\0pm:fresh-schema' : undefined),
      load: (id: string) =>
        id === '\0pm:fresh-schema' ? `export default () => ${JSON.stringify(freshSchema())};` : undefined,
    },
    {
      // a migration's text by its file's name (src/db/migrations.ts), as the build reads it from dist/sql/
      name: 'sql-file',
      resolveId: (id: string) => (id === 'pm:sql-file' ? '\0pm:sql-file' : undefined),
      load: (id: string) =>
        id === '\0pm:sql-file'
          ? `import { readFileSync } from 'node:fs';
export const sqlFile = (name) => readFileSync(${JSON.stringify(`${import.meta.dirname}/migrations/`)} + name, 'utf8');`
          : undefined,
    },
  ],
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts', 'test/pg-setup.ts'],
    // PM_TEST_CPU_LOG=FILE: each file's CPU, a line each (test/cpu-per-file.ts)
    setupFiles: process.env.PM_TEST_CPU_LOG ? ['test/cpu-per-file.ts'] : [],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // three workers for two cores: many files spend their time waiting (on pm processes, pseudo-
    // terminals, kills, PostgreSQL, Chromium), and a worker a core left the cores idle a third of
    // the time (docs/development.md). A number, not '150%': vitest caps a percentage at the number
    // of cores, so '150%' ran two workers.
    maxWorkers: Math.round(availableParallelism() * 1.5),
    // each worker runs its files in one process, sharing loaded modules (and the in-process runner's
    // thread) instead of starting a process a file: no test keeps state between files, each has its
    // own sandbox. Here: 50 s → 36 s.
    isolate: false,
  },
});
