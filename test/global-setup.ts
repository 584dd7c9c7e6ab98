// Before any test file runs: build dist/ from src/ (what bin/pm.js and the in-process runner load),
// so that `npx vitest run` never tests a stale bundle. `npm test` is just `vitest run` for that reason.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

export default function build(): void {
  execFileSync(process.execPath, ['esbuild.config.mjs'], { cwd: resolve(import.meta.dirname, '..'), stdio: 'inherit' });
}
