// src/db/addon.cjs loads better-sqlite3's addon from pm's own node_modules without resolving it:
// that must be the file node's resolution from bin/pm.js (whose require the bundle uses) finds.
// And the bundles are ASCII (esbuild.config.mjs), so that node reads them into one-byte strings.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

describe("the bundle's shortcuts at start", () => {
  it('the addon loaded directly is the one resolution from bin/pm.js finds', () => {
    const resolved = dirname(createRequire(join(ROOT, 'bin', 'pm.js')).resolve('better-sqlite3/package.json'));
    const direct = join(ROOT, 'dist', '..', 'node_modules', 'better-sqlite3');
    expect(direct).toBe(resolved);
    expect(existsSync(join(direct, 'build', 'Release', 'better_sqlite3.node'))).toBe(true);
  });

  it('the built bundles are pure ASCII', () => {
    const names = readdirSync(join(ROOT, 'dist')).filter((f) => /^cli(-[a-z]+)?\.cjs$/.test(f));
    expect(names.length).toBeGreaterThan(20);
    for (const name of [...names, 'complete.cjs']) {
      const text = readFileSync(join(ROOT, 'dist', name), 'utf8');
      expect(text.length > 0 && /^[\0-\x7f]*$/.test(text)).toBe(true);
    }
  });
});
