// `pm __complete` as the shells run it, at every TAB: a process that loads its own small bundle,
// not the CLI's (no commander, no chalk), reads the journal without changing it, and creates none.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, type Sandbox, sandbox } from '../helpers.js';

let box: Sandbox;
beforeAll(() => {
  box = sandbox();
  const r = box.pm(['hyp', 'add', 'Finance teams want itemised invoices']);
  if (r.code !== 0) throw new Error(r.err);
});
afterAll(() => box.cleanup());

describe('pm __complete, a process of its own', () => {
  it('loads dist/complete.cjs and the addon, never the CLI bundle; the journal is unchanged', () => {
    // what node is asked to load, and which files are read whole
    const watch = join(box.dir, 'watch.cjs');
    const log = join(box.dir, 'loaded.json');
    writeFileSync(
      watch,
      `const M = require('module'); const fs = require('fs'); const seen = [];
const load = M._load; M._load = function (request, ...rest) { seen.push(request); return load.call(this, request, ...rest); };
const read = fs.readFileSync; fs.readFileSync = function (file, ...rest) { seen.push(String(file)); return read.call(this, file, ...rest); };
process.on('exit', () => fs.writeFileSync(${JSON.stringify(log)}, JSON.stringify(seen)));`,
    );
    const before = box.snapshot();
    const r = spawnSync(process.execPath, ['-r', watch, BIN, '__complete', 'hypothesis'], {
      env: box.env,
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('H1\tFinance teams want itemised invoices\n');
    const seen = JSON.parse(readFileSync(log, 'utf8')) as string[];
    expect(seen.some((m) => m.endsWith('complete.cjs'))).toBe(true);
    expect(seen.filter((m) => /cli\.cjs|commands\.json|commander|chalk|v8cache/.test(m))).toEqual([]);
    expect(box.snapshot()).toBe(before);
  });

  it('a journal that does not exist offers nothing and is not created', () => {
    const missing = join(box.dir, 'nowhere', 'journal.db');
    const r = spawnSync(process.execPath, [BIN, '__complete', '--db', missing, 'hypothesis,contact'], {
      env: box.env,
      encoding: 'utf8',
    });
    expect([r.status, r.stdout, r.stderr]).toEqual([0, '', '']);
    expect(existsSync(missing)).toBe(false);
  });
});
