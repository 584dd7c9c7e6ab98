// What happens at every start: --version answered before anything loads, the bundle's V8 code
// cache used when present and shrugged off when it is damaged.
import { describe, expect, it } from 'vitest';
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, sandbox } from '../helpers.js';

const DIST = join(ROOT, 'dist');

describe('start-up', () => {
  it('a damaged code cache is ignored and replaced, never an error', () => {
    const box = sandbox();
    try {
      const bundle = statSync(join(DIST, 'cli.cjs'));
      const cache = join(DIST, `cli.cjs.${bundle.size}-${Math.floor(bundle.mtimeMs)}.v8cache`);
      writeFileSync(cache, 'not a V8 code cache at all');
      const r = box.pm(['config', 'get', 'cadence.days']);
      expect(r.code, r.err).toBe(0);
      expect(r.out.trim()).toBe('7');
      expect(statSync(cache).size).toBeGreaterThan(1000);
      expect(readdirSync(DIST).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    } finally {
      box.cleanup();
    }
  });

  it('--version and -V print the version alone', () => {
    const box = sandbox();
    try {
      for (const flag of ['--version', '-V']) {
        const r = box.pm([flag]);
        expect(r.code).toBe(0);
        expect(r.out).toMatch(/^\d+\.\d+\.\d+\n$/);
        expect(r.err).toBe('');
      }
    } finally {
      box.cleanup();
    }
  });
});
