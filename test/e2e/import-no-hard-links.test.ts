// pm import into a journal that does not exist yet builds it beside its path and links it into place
// (src/db/journal.ts, stageNewJournal). On a file system that makes no hard links (FAT, some network
// shares) the link failed after the whole import was done, and the import ran again the usual way:
// every record written twice, twice the time (review wave 17 R6). pm now asks the folder for a link
// before it stages anything, and where there is none imports the usual way, once.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, sandbox } from '../helpers.js';

/**
 * A preload for pm: link(2) refuses as on such a file system (EPERM), and each row written into
 * interviews is counted (through the native addon: the bundle holds better-sqlite3's JS), said on
 * stderr at exit.
 */
const NO_HARD_LINKS = `const fs = require('node:fs');
fs.linkSync = () => {
  const e = new Error('EPERM: operation not permitted, link');
  e.code = 'EPERM';
  throw e;
};
let written = 0;
const dlopen = process.dlopen;
process.dlopen = function (module, file, ...rest) {
  const out = dlopen.call(this, module, file, ...rest);
  const native = /better_sqlite3/.test(file) ? module.exports.Database : undefined;
  if (native) {
    const prepare = native.prototype.prepare;
    native.prototype.prepare = function (sql, ...more) {
      const s = prepare.call(this, sql, ...more);
      if (/^\\s*INSERT INTO interviews \\(/.test(sql)) {
        const run = s.run;
        s.run = function (...a) {
          written++;
          return run.apply(this, a);
        };
      }
      return s;
    };
  }
  return out;
};
process.on('exit', () => fs.writeSync(2, 'interviews written: ' + written + '\\n'));
`;

describe('pm import into a new journal on a file system without hard links', () => {
  it('imports once, and leaves the journal at its path and nothing beside it', () => {
    const box = sandbox();
    try {
      for (const n of [1, 2, 3])
        expect(box.pm(['log', '--with', 'Ann Lee', '--account', 'Acme', '--summary', `Call ${n}`]).code).toBe(0);
      const file = join(box.dir, 'all.json');
      expect(box.pm(['export', '--format', 'json', '--out', file]).code).toBe(0);
      const preload = join(box.dir, 'no-hard-links.cjs');
      writeFileSync(preload, NO_HARD_LINKS);
      const target = join(box.dir, 'shared', 'new.db');
      const r = spawnSync(process.execPath, ['-r', preload, BIN, '--db', target, 'import', file], {
        env: box.env,
        encoding: 'utf8',
      });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^Imported 3 interviews,/);
      expect(r.stderr).toMatch(/^interviews written: 3$/m);
      expect(box.pm(['--db', target, 'ls', '--json']).out).toMatch(/Call 3/);
      expect(readdirSync(join(box.dir, 'shared')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    } finally {
      box.cleanup();
    }
  });
});
