// pm sync at scale (issue 19's budgets): a new teammate's first sync of a 100k-interview team journal
// (≤ 60 s), and an incremental sync of a day's changes (≤ 2 s). Whole processes, timed by the wall
// clock; the numbers go into docs/performance.md. Needs a PostgreSQL to talk to:
//
//   node test/bench/sync-scale.mjs postgres://user@host:port/db [interviews]
//
// (PGPASSWORD or ~/.pgpass for the password). The database's schema pm is dropped first.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { generate } from './generate.mjs';

const ROOT = resolve(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'pm.js');
const [url, size = '100000'] = process.argv.slice(2);
if (!url) {
  console.error('usage: node test/bench/sync-scale.mjs postgres://user@host:port/db [interviews]');
  process.exit(2);
}
const n = Number(size);
const dir = mkdtempSync(join(tmpdir(), 'pm-sync-scale-'));
const env = { ...process.env, PM_TODAY: '2026-11-20', NO_COLOR: '1' };

function pm(db, args) {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [BIN, '--db', db, ...args], { env, encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status !== 0) throw new Error(`pm ${args.join(' ')}: exit ${r.status}: ${r.stderr}`);
  return { ms, out: r.stdout.trim() };
}

const client = new pg.Client({ connectionString: url, password: process.env.PGPASSWORD });
await client.connect();
await client.query('DROP SCHEMA IF EXISTS pm CASCADE');
await client.end();

const seed = join(dir, 'seed.db');
const newcomer = join(dir, 'newcomer.db');
const file = join(dir, 'team.json');
writeFileSync(file, JSON.stringify(generate(n, { seed: 42 })));
const rows = [];
const step = (what, r) => {
  rows.push([what, (r.ms / 1000).toFixed(2)]);
  console.log(`${what}: ${(r.ms / 1000).toFixed(2)} s  ${r.out.split('\n').pop()}`);
};
step(`import ${n} interviews into the first journal`, pm(seed, ['import', file, '-q']));
pm(seed, ['sync', 'init', url, '-q']);
step('its first push (every record)', pm(seed, ['sync']));
pm(newcomer, ['sync', 'init', url, '-q']);
step(`a new teammate's first sync (pull ${n} interviews)`, pm(newcomer, ['sync']));

// a day's changes on the first journal: 20 conversations logged, 10 edited, 5 links, an outcome
for (let i = 0; i < 20; i++)
  pm(seed, ['log', '--with', `Day Person ${i}`, '--account', 'Day Co', '--summary', `call ${i} of the day`, '-q']);
for (let i = 1; i <= 10; i++) pm(seed, ['edit', `I${i * 97}`, '--summary', `edited ${i}`, '-q']);
for (let i = 1; i <= 5; i++) pm(seed, ['hyp', 'link', `H${i}`, `I${i * 31}`, '--supports', '-q']);
step("pushing a day's changes", pm(seed, ['sync']));
step("the teammate's incremental sync of that day", pm(newcomer, ['sync']));
step('a sync with nothing to do', pm(newcomer, ['sync']));
const same = execFileSync(process.execPath, [BIN, '--db', newcomer, 'ls', '--json'], { env, maxBuffer: 1 << 30 })
  .toString()
  .includes('edited 10');
console.log(`the teammate has the day's edits: ${same}`);
console.log('\n| step | seconds |\n| --- | ---: |');
for (const [what, s] of rows) console.log(`| ${what} | ${s} |`);
rmSync(dir, { recursive: true, force: true });
