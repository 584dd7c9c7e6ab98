// Before any test file runs: build dist/ from src/ (what bin/pm.js and the in-process runner load),
// so that `npx vitest run` never tests a stale bundle. `npm test` is just `vitest run` for that reason.
// Then the run's folder of generated journals (test/fixtures/generated-journal.ts: each size and
// shape imported once a run, copied for each test), removed when the run ends.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export default function setup(): () => void {
  execFileSync(process.execPath, ['esbuild.config.mjs'], { cwd: resolve(import.meta.dirname, '..'), stdio: 'inherit' });
  const journals = mkdtempSync(join(tmpdir(), 'pm-test-journals-'));
  process.env.PM_TEST_JOURNALS = journals;
  return () => rmSync(journals, { recursive: true, force: true });
}
