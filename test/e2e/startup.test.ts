// What happens at every start: --version answered before anything loads, better-sqlite3 loaded
// from the bundle. The code caches have test/e2e/code-cache.test.ts.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, ROOT, sandbox } from '../helpers.js';

describe('start-up', () => {
  it('better-sqlite3 comes from the bundle, its native addon straight from where it was installed', () => {
    const box = sandbox();
    try {
      // every module node is asked to load, by the name it is asked for
      const watch = join(box.dir, 'watch.cjs');
      writeFileSync(
        watch,
        `const M = require('module'); const asked = []; const load = M._load;
M._load = function (request, ...rest) { asked.push(request); return load.call(this, request, ...rest); };
const dlopen = process.dlopen;
process.dlopen = function (m, file, ...rest) { asked.push('dlopen ' + file); return dlopen.call(this, m, file, ...rest); };
process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(join(box.dir, 'asked.json'))}, JSON.stringify(asked)));`,
      );
      const r = spawnSync(process.execPath, ['-r', watch, BIN, '--db', box.db, 'config', 'get', 'cadence.days'], {
        env: box.env,
        encoding: 'utf8',
      });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout.trim()).toBe('7');
      const asked = JSON.parse(readFileSync(join(box.dir, 'asked.json'), 'utf8')) as string[];
      // the addon opened once, from better-sqlite3's build/Release (src/db/addon.cjs: process.dlopen,
      // not node's module loader)
      expect(asked.filter((m) => m.endsWith('better_sqlite3.node'))).toEqual([
        `dlopen ${join(ROOT, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node')}`,
      ]);
      // neither the package's own files nor `bindings`, which searches a dozen folders for the addon
      expect(asked.filter((m) => /better-sqlite3(\/lib)?$|^\.\/|bindings/.test(m))).toEqual([]);
    } finally {
      box.cleanup();
    }
  });

  it("better-sqlite3's addon is still found by `bindings` where it is not in build/Release", () => {
    const box = sandbox();
    try {
      // a better-sqlite3 whose addon sits where node-gyp's debug builds go, and what pm's bundle
      // gives better-sqlite3 for `bindings` (src/db/addon.cjs)
      const pkg = join(box.dir, 'node_modules', 'better-sqlite3');
      const real = join(ROOT, 'node_modules', 'better-sqlite3');
      mkdirSync(join(pkg, 'build', 'Debug'), { recursive: true });
      copyFileSync(join(real, 'package.json'), join(pkg, 'package.json'));
      copyFileSync(
        join(real, 'build', 'Release', 'better_sqlite3.node'),
        join(pkg, 'build', 'Debug', 'better_sqlite3.node'),
      );
      symlinkSync(join(ROOT, 'node_modules', 'bindings'), join(box.dir, 'node_modules', 'bindings'));
      copyFileSync(join(ROOT, 'src', 'db', 'addon.cjs'), join(box.dir, 'addon.cjs'));
      const load = "const addon = require('./addon.cjs')('better_sqlite3.node'); console.log(typeof addon.Database)";
      const r = spawnSync(process.execPath, ['-e', load], { cwd: box.dir, encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(r.stdout.trim()).toBe('function');
    } finally {
      box.cleanup();
    }
  });

  it('--version and -V print the version alone', () => {
    const box = sandbox();
    try {
      for (const flag of ['--version', '-V']) {
        const r = box.spawn([flag]);
        expect(r.code).toBe(0);
        expect(r.out).toMatch(/^\d+\.\d+\.\d+\n$/);
        expect(r.err).toBe('');
      }
      // a reader that has already gone: quietly, as every command
      const gone = spawnSync(
        'bash',
        [
          '-c',
          `"$0" ${JSON.stringify(BIN)} --version | (exec 0<&-; sleep 0.3); echo "\${PIPESTATUS[0]}"`,
          process.execPath,
        ],
        { env: box.env, encoding: 'utf8' },
      );
      expect(gone.stderr).toBe('');
      expect(gone.stdout.trim()).toBe('0');
    } finally {
      box.cleanup();
    }
  });
});

// pm writes its output with fs.writeSync (src/io.ts), not through process.stdout: it has to cope
// with what a stream would, whatever stdout is.
describe('output', () => {
  const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const logMany = (box: ReturnType<typeof sandbox>, n: number) => {
    const doc = {
      format: 'pm-journal',
      version: 1,
      accounts: [{ uuid: uuid(1), name: 'Acme' }],
      contacts: [{ uuid: uuid(2), name: 'Jane Roe', accountUuid: uuid(1), role: 'customer' }],
      interviews: Array.from({ length: n }, (_, k) => ({
        uuid: uuid(10 + k),
        date: '2026-11-18',
        channel: 'call',
        contactUuids: [uuid(2)],
        accountUuid: uuid(1),
        summary: `Call number ${k} about exports — ${'and invoices '.repeat(20)}`,
        notes: 'n'.repeat(400),
      })),
    };
    writeFileSync(join(box.dir, 'doc.json'), JSON.stringify(doc));
    expect(box.pm(['import', join(box.dir, 'doc.json')]).code).toBe(0);
  };

  it('a reader that goes away early (pm … | head) ends pm quietly with exit 0', () => {
    const box = sandbox();
    try {
      logMany(box, 400);
      const r = spawnSync('bash', ['-o', 'pipefail', '-c', `node ${JSON.stringify(BIN)} ls --limit 400 | head -n 2`], {
        env: box.env,
        encoding: 'utf8',
      });
      expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(2);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
    } finally {
      box.cleanup();
    }
  });

  it('--check answers for the journal when its reader goes away early (fresh-eyes wave 17 H16)', () => {
    const box = sandbox();
    try {
      // a call 7 weeks ago: overdue-contact is raised, --check exits 3
      box.ok(['log', '--with', 'Ann Ash', '--account', 'Acme', '--summary', 'x', '--date', '2026-10-01']);
      expect(box.spawn(['report', '--check']).code).toBe(3);
      // a reader that has already gone: quiet, and still 3 (it was 0, as for pm ls | head)
      const status = (args: string) =>
        spawnSync(
          'bash',
          [
            '-c',
            `"$0" ${JSON.stringify(BIN)} ${args} | (exec 0<&-; sleep 0.3); echo "\${PIPESTATUS[0]}"`,
            process.execPath,
          ],
          { env: box.env, encoding: 'utf8' },
        );
      for (const args of [
        'report --check',
        'report --check --json',
        'report --check --format md',
        'coverage --check',
      ]) {
        const r = status(args);
        expect(r.stderr, args).toBe('');
        expect(r.stdout.trim(), args).toBe(args.startsWith('coverage') ? '0' : '3');
      }
      expect(status('report').stdout.trim()).toBe('0');
    } finally {
      box.cleanup();
    }
  });

  it('a megabyte to a slow reader through a non-blocking pipe arrives whole, as --out writes it', () => {
    const box = sandbox();
    try {
      logMany(box, 1500);
      const out = join(box.dir, 'week.md');
      expect(box.pm(['export', '--week', '--out', out]).code).toBe(0);
      const size = statSync(out).size;
      expect(size).toBeGreaterThan(1_000_000);
      // a parent that made its stdout (a pipe) non-blocking, as some programs leave it; pm inherits
      // it, fills it faster than `sleep; wc` reads, and must wait instead of failing with EAGAIN
      const parent = `import fcntl, os, subprocess, sys
fcntl.fcntl(1, fcntl.F_SETFL, fcntl.fcntl(1, fcntl.F_GETFL) | os.O_NONBLOCK)
sys.exit(subprocess.run([${JSON.stringify(process.execPath)}, ${JSON.stringify(BIN)}, 'export', '--week']).returncode)`;
      writeFileSync(join(box.dir, 'parent.py'), parent);
      const r = spawnSync('bash', ['-o', 'pipefail', '-c', `python3 parent.py | (sleep 1; wc -c)`], {
        cwd: box.dir,
        env: box.env,
        encoding: 'utf8',
      });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(Number(r.stdout.trim())).toBe(size);
    } finally {
      box.cleanup();
    }
  });

  it('help goes to stdout and errors to stderr, each whole', () => {
    const box = sandbox();
    try {
      const help = box.spawn(['report', '--help']);
      expect(help.code).toBe(0);
      expect(help.out).toMatch(/^Usage: pm report/);
      expect(help.out).toContain('Examples:');
      const bad = box.spawn(['report', '--format', 'pdf']);
      expect(bad.code).toBe(2);
      expect(bad.out).toBe('');
      expect(bad.err).toMatch(/^pm: --format must be text, md, json or html \(got "pdf"\)\n/);
    } finally {
      box.cleanup();
    }
  });
});
