// fresh-eyes wave 18 H15: node reads argv and the environment as UTF-8, so a path holding a byte that
// is not (a Latin-1 "é" of an old folder) reaches pm with U+FFFD in its place. pm then opened, made or
// wrote a file of that other name: the real journal "not there", \xfe and \xff one file. Such a path is
// refused unless a file of the very name pm reads exists.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectUsageError, sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => (box = sandbox()));
afterEach(() => box.cleanup());

const LOG = ['log', '--with', 'Ann', '--account', 'Acme', '--summary', 'a call'];

describe('a path that was not UTF-8 (U+FFFD where its byte was)', () => {
  it('--db and $PM_DB: a usage error that says why, and no journal made', () => {
    const lost = join(box.dir, 'real\uFFFD.db');
    for (const r of [
      box.pm(['--db', lost, ...LOG]),
      box.pm(['--db', lost, 'ls']),
      box.pm(LOG, { env: { PM_DB: lost } }),
    ]) {
      expectUsageError(r);
      expect(r.err).toMatch(/the path is not valid UTF-8/);
    }
    expect(box.pm(['--db', lost, 'ls']).err).toMatch(/^pm: --db: /m);
    expect(box.pm(['ls'], { env: { PM_DB: lost } }).err).toMatch(/^pm: \$PM_DB: /m);
    expect(readdirSync(box.dir).filter((f) => f.includes('\uFFFD'))).toEqual([]);
  });

  it('--out: refused, nothing written; a file of that very name is used as any other', () => {
    expect(box.pm(LOG).code).toBe(0);
    const out = join(box.dir, 'out\uFFFD.md');
    const r = box.pm(['export', '--out', out]);
    expectUsageError(r);
    expect(r.err).toMatch(/the path is not valid UTF-8/);
    expect(existsSync(out)).toBe(false);
    writeFileSync(out, '');
    expect(box.pm(['export', '--out', out]).code).toBe(0);
  });
});
