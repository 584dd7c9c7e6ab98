// pm sync under stress (issue 19), with real processes and a real PostgreSQL (test/pg-setup.ts):
// - killed (SIGKILL) at random moments, seeded, 5 times, one in each fifth of the time a whole sync
//   takes: the next sync converges, nothing lost or doubled. The kill times are drawn from a seeded
//   generator with a fixed seed, so that every run (and every machine) tries the same ones;
//   PM_SYNC_SEED=N tries others (the seed is printed);
// - 20 journals syncing at once against one database converge, with every change landed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { copyFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { BIN, ROOT, sandbox, type Sandbox } from '../helpers.js';
import { testDatabase, type TestDatabase } from '../pg.js';

const RUNS = 5;
const DEFAULT_SEED = 20261119;
const SEED = process.env.PM_SYNC_SEED ? Number(process.env.PM_SYNC_SEED) : DEFAULT_SEED;
if (!Number.isSafeInteger(SEED)) throw new Error(`PM_SYNC_SEED must be an integer, not ${process.env.PM_SYNC_SEED}`);

type Generator = {
  generate(n: number, opts?: object): unknown;
  mulberry32(seed: number): () => number;
};

let box: Sandbox;
let gen: Generator;
let random: () => number;
const path = (name: string) => join(box.dir, name);

beforeAll(async () => {
  box = sandbox();
  gen = (await import(pathToFileURL(join(ROOT, 'test', 'bench', 'generate.mjs')).href)) as Generator;
  random = gen.mulberry32(SEED);
  console.log(`sync.test.ts: seed ${SEED} (PM_SYNC_SEED=${SEED} replays these kill times)`);
});
afterAll(() => box.cleanup());

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  ms: number;
  err: string;
}

/** pm as a real process; with `killAfterMs`, SIGKILL it then. */
function run(db: string, args: string[], env: NodeJS.ProcessEnv, killAfterMs?: number): Promise<Run> {
  return new Promise((done) => {
    const started = Date.now();
    const child = spawn(process.execPath, [BIN, '--db', db, ...args], {
      env: { ...box.env, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      done({ code, signal, ms: Date.now() - started, err });
    });
  });
}

function pm(db: string, args: string[], env: NodeJS.ProcessEnv) {
  const r = box.pm(['--db', db, ...args], { env });
  expect(r.code, `pm ${args.join(' ')}: ${r.err}`).toBe(0);
  return r.out;
}

/**
 * An export without what differs between journals: exportedAt, display ids, and each journal's own
 * privacy key and the hashes made with it (issue 16; an erasure travels as the UUID).
 */
function comparable(text: string): unknown {
  const { exportedAt: _e, privacyKeys: _k, ...doc } = JSON.parse(text);
  doc.forgotten = doc.forgotten.map((f: { uuid: string }) => f.uuid);
  for (const list of [doc.interviews, doc.hypotheses]) for (const r of list) delete r.id;
  return doc;
}

function count(db: string, sql: string): number {
  const conn = new Database(db, { readonly: true });
  try {
    return conn.prepare(sql).pluck().get() as number;
  } finally {
    conn.close();
  }
}

describe('pm sync killed at random moments', () => {
  it(`${RUNS} times: the next sync converges, nothing lost or doubled`, async () => {
    // two journals of their own: one that pushes a lot, one that has already pushed (so the killed
    // sync also pulls and merges)
    const small = { accounts: 30, contacts: 80, hypotheses: 20 };
    for (const [name, n, seed] of [
      ['a-seed.db', 200, 11],
      ['b-seed.db', 60, 12],
    ] as const) {
      writeFileSync(path(`${name}.json`), JSON.stringify(gen.generate(n, { ...small, seed })));
      pm(path(name), ['import', path(`${name}.json`)], {});
    }
    const interviews =
      count(path('a-seed.db'), 'SELECT count(*) FROM interviews') +
      count(path('b-seed.db'), 'SELECT count(*) FROM interviews');

    // one sync to the end, to know how long one takes
    let full: Run | undefined;
    const outcomes: string[] = [];
    for (let r = 0; r <= RUNS; r++) {
      const pg: TestDatabase = await testDatabase();
      try {
        const a = path('a.db');
        const b = path('b.db');
        for (const [from, to] of [
          ['a-seed.db', a],
          ['b-seed.db', b],
        ]) {
          for (const suffix of ['-wal', '-shm']) rmSync(to + suffix, { force: true });
          copyFileSync(path(from), to);
        }
        pm(a, ['sync', 'init', pg.url], pg.env);
        pm(b, ['sync', 'init', pg.url], pg.env);
        pm(b, ['sync'], pg.env);
        // some of b's records changed after its push: they must travel too
        pm(b, ['edit', 'last', '--summary', `changed in run ${r}`], pg.env);
        if (r === 0) {
          full = await run(a, ['sync'], pg.env);
          expect(full.code, full.err).toBe(0);
        } else {
          // the r-th kill in the r-th fifth of a whole sync: its start, its middle and its end are each
          // hit (a kill after the end would only repeat run 0, which is not killed)
          const killAt = Math.round(((r - 1 + random()) / RUNS) * full!.ms);
          const killed = await run(a, ['sync'], pg.env, killAt);
          outcomes.push(`run ${r}: killed at ${killAt} ms of ~${full!.ms} (${killed.signal ?? `exit ${killed.code}`})`);
          // the next sync, in-process (pm's own code, as a process runs it; the kill is what needed one)
          const again = box.pm(['--db', a, 'sync'], { env: pg.env });
          expect(again.code, `seed ${SEED}, run ${r}: ${again.err}`).toBe(0);
        }
        pm(b, ['sync'], pg.env);
        pm(a, ['sync'], pg.env);
        const what = `seed ${SEED}, run ${r}`;
        // nothing lost or doubled: every interview of both, once, in both journals and in the database
        for (const db of [a, b]) {
          expect(count(db, 'SELECT count(*) FROM interviews'), what).toBe(interviews);
          expect(count(db, 'SELECT count(*) FROM record_versions WHERE dirty = 1'), what).toBe(0);
          const doctor = JSON.parse(pm(db, ['doctor', '--json'], {}));
          expect(doctor.healthy, what).toBe(true);
        }
        const remote = await pg.query<{ n: number; seq: string }>(
          "SELECT count(*)::int AS n, (SELECT seq::text FROM pm.meta) AS seq FROM pm.records WHERE kind = 'interview' AND NOT deleted",
        );
        expect(remote[0].n, what).toBe(interviews);
        expect(comparable(pm(b, ['export', '--format', 'json'], {})), what).toEqual(
          comparable(pm(a, ['export', '--format', 'json'], {})),
        );
        expect(pm(a, ['ls', '--json'], {})).toContain(`changed in run ${r}`);
      } finally {
        await pg.drop();
      }
    }
    console.log(outcomes.join('\n'));
  }, 240_000);
});

describe('20 journals syncing at once', () => {
  it('converge, with every change landed', async () => {
    const pg = await testDatabase();
    try {
      const journals = Array.from({ length: 20 }, (_, k) => path(`team-${k}.db`));
      const uuid = (k: number, n: number) =>
        `019${String(k).padStart(5, '0')}-0000-7000-8000-${String(n).padStart(12, '0')}`;
      for (const [k, db] of journals.entries()) {
        // everyone knows Acme and Jane: the same account and person, made twenty times over
        const doc = {
          format: 'pm-journal',
          version: 1,
          accounts: [{ uuid: uuid(k, 1), name: 'Acme' }],
          contacts: [
            { uuid: uuid(k, 2), name: 'Jane Roe', email: 'jane@acme.test', accountUuid: uuid(k, 1) },
            { uuid: uuid(k, 3), name: `Person ${k}`, accountUuid: uuid(k, 1) },
          ],
          interviews: [0, 1, 2, 3, 4].map((i) => ({
            uuid: uuid(k, 10 + i),
            date: `2026-11-${String(10 + i).padStart(2, '0')}`,
            channel: 'call',
            contactUuids: [uuid(k, i % 2 ? 3 : 2)],
            accountUuid: uuid(k, 1),
            summary: `call ${i} of journal ${k}`,
          })),
          hypotheses: [
            { uuid: uuid(k, 20), statement: `belief of journal ${k}`, createdOn: '2026-11-01', decideBy: '2026-12-01' },
          ],
        };
        writeFileSync(`${db}.json`, JSON.stringify(doc));
        pm(db, ['import', `${db}.json`], {});
        pm(db, ['sync', 'init', pg.url], pg.env);
      }
      // two rounds, all twenty at once each time: those done early in the first miss the others
      for (let round = 0; round < 2; round++) {
        const runs = await Promise.all(journals.map((db) => run(db, ['sync'], pg.env)));
        for (const r of runs) expect(r.code, r.err).toBe(0);
      }
      // then one at a time until nobody has anything left to push (the duplicates of Acme and Jane
      // merged on one journal travel as tombstones the others learn of on their next sync)
      let rounds = 0;
      for (let pushed = 1; pushed > 0 && rounds < 4; rounds++) {
        pushed = 0;
        for (const db of journals) pushed += JSON.parse(pm(db, ['sync', '--json'], pg.env)).pushed;
      }
      expect(rounds).toBeLessThan(4);
      const first = comparable(pm(journals[0], ['export', '--format', 'json'], {})) as {
        interviews: unknown[];
        hypotheses: unknown[];
        accounts: { name: string }[];
        contacts: { email: string | null }[];
      };
      expect(first.interviews).toHaveLength(100);
      expect(first.hypotheses).toHaveLength(20);
      expect(first.accounts.filter((a) => a.name === 'Acme')).toHaveLength(1);
      expect(first.contacts.filter((c) => c.email === 'jane@acme.test')).toHaveLength(1);
      for (const db of journals.slice(1)) expect(comparable(pm(db, ['export', '--format', 'json'], {}))).toEqual(first);
    } finally {
      await pg.drop();
    }
  }, 240_000);
});
