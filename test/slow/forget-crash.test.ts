// Issue 16: `pm forget` killed (SIGKILL) at random moments, seeded, twice in each of its steps (before
// its mark is committed, while it scrubs, while it rewrites the file) always ends, after the next pm
// command, with no byte of the person in any file of the journal's folder (the journal, its -wal and
// -shm, an interactive log's draft that named them: every file there is read), or, killed before it
// marked anything, with the person whole and a forget that then runs to the end. The kill times are
// drawn from a seeded generator, one in each half of each step; PM_CRASH_SEED=N draws others. Only
// the forget that is killed runs as a process; the journal, the next command and pm doctor run
// in-process (test/helpers.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { BIN, ROOT, sandbox, type Sandbox } from '../helpers.js';

const RUNS = 6;
const SEED = process.env.PM_CRASH_SEED ? Number(process.env.PM_CRASH_SEED) : 20261206;
if (!Number.isSafeInteger(SEED)) throw new Error(`PM_CRASH_SEED must be an integer, not ${process.env.PM_CRASH_SEED}`);
const PERSON = { name: 'Zelda Quuxworth', email: 'zelda.quuxworth@wonka.test', quote: 'the everlasting gobstopper' };
const NEEDLES = [PERSON.name, PERSON.email, PERSON.quote, 'Quuxworth'];

let box: Sandbox;
let random: () => number;

interface Timed {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** ms after the start when each --verbose step line arrived */
  steps: Record<string, number>;
  ms: number;
}

/**
 * pm forget --verbose on `db`; with `kill`, SIGKILLed `ms` after it starts, or after it reports the
 * step `after` (if it is still running then).
 */
function forget(db: string, kill?: { after: 'start' | 'marked' | 'scrubbed'; ms: number }): Promise<Timed> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [BIN, '--db', db, '--verbose', 'forget', PERSON.email, '--yes'], {
      env: box.env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const steps: Record<string, number> = {};
    let timer: NodeJS.Timeout | undefined;
    const killLater = () => {
      timer = setTimeout(() => child.kill('SIGKILL'), kill!.ms);
    };
    child.stderr.on('data', (d: Buffer) => {
      const now = performance.now() - started;
      for (const step of ['marked', 'scrubbed', 'rewritten'])
        if (d.toString().includes(`pm forget: ${step}`) && steps[step] === undefined) {
          steps[step] = now;
          if (kill?.after === step) killLater();
        }
    });
    if (kill?.after === 'start') killLater();
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, steps, ms: performance.now() - started });
    });
  });
}

function leftIn(dir: string): string[] {
  const found: string[] = [];
  for (const f of readdirSync(dir))
    for (const n of NEEDLES) if (readFileSync(join(dir, f)).includes(Buffer.from(n))) found.push(`${n} in ${f}`);
  return found;
}

/** The erasure's state as the kill left it: pending 1/2, done (0), or not begun (no entry). */
function stateOf(db: string): string {
  const conn = new Database(db, { readonly: true });
  try {
    const pending = conn.prepare('SELECT pending FROM forgotten WHERE erased_on IS NOT NULL').pluck().get();
    return pending === undefined ? 'not begun' : pending === 0 ? 'done' : `pending ${pending}`;
  } finally {
    conn.close();
  }
}

beforeAll(async () => {
  box = sandbox();
  random = (
    (await import(pathToFileURL(join(ROOT, 'test', 'bench', 'generate.mjs')).href)) as {
      mulberry32(seed: number): () => number;
    }
  ).mulberry32(SEED);
  console.log(`forget-crash.test.ts: seed ${SEED} (PM_CRASH_SEED=${SEED} replays these kill times)`);
  const { generate } = (await import(pathToFileURL(join(ROOT, 'test', 'bench', 'generate.mjs')).href)) as {
    generate(n: number, o: object): unknown;
  };
  writeFileSync(join(box.dir, 'team.json'), JSON.stringify(generate(700, { seed: 11 })));
  const seedDb = join(box.dir, 'seed', 'journal.db');
  mkdirSync(join(box.dir, 'seed'));
  // the journal is made in-process (test/helpers.ts): only the forget that is killed needs a process
  const pm = (args: string[]) => {
    const r = box.pm(['--db', seedDb, ...args]);
    expect(r.code, r.err).toBe(0);
  };
  pm(['import', join(box.dir, 'team.json')]);
  for (let k = 0; k < 5; k++)
    pm([
      'log',
      '--with',
      `${PERSON.name} <${PERSON.email}>`,
      '--account',
      'Wonka',
      '--summary',
      `${PERSON.name} call ${k}`,
      '--quote',
      PERSON.quote,
      '--date',
      `2026-11-1${k}`,
    ]);
  pm(['hyp', 'add', `${PERSON.name} will pay for audits`]);
  pm(['log', '--channel', 'support', '--account', 'Wonka', '--summary', `Ticket filed by ${PERSON.name}`]);
  // an interactive pm log that Ctrl-C interrupted kept a draft naming them beside the journal (issue 15)
  writeFileSync(
    join(box.dir, 'seed', 'journal.db.log-draft.json'),
    JSON.stringify({
      format: 'pm-log-draft',
      savedAt: '2026-11-20T10:00:00.000Z',
      answers: { who: { name: `${PERSON.name} <${PERSON.email}>` }, whoLabel: PERSON.name, summary: PERSON.quote },
    }),
  );
}, 120_000);

afterAll(() => box.cleanup());

describe('pm forget killed at random moments', () => {
  it(`${RUNS} times, in each of its steps: after the next command, no byte of the person in the journal's folder`, async () => {
    const copy = (name: string) => {
      const dir = join(box.dir, name);
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir);
      for (const f of readdirSync(join(box.dir, 'seed'))) copyFileSync(join(box.dir, 'seed', f), join(dir, f));
      return join(dir, 'journal.db');
    };
    // one run to the end: when each step ends
    const full = await forget(copy('calibrate'));
    expect(full.code).toBe(0);
    expect(leftIn(join(box.dir, 'calibrate'))).toEqual([]);
    const { marked, scrubbed, rewritten } = full.steps;
    expect(marked && scrubbed && rewritten, JSON.stringify(full.steps)).toBeTruthy();
    // each kill comes a random time into one step, timed from the end of the step before (node's
    // start-up, and a busy machine, vary more than the steps take): the first kill of a step in its
    // first half, the second in its second half, so that each step's start and end are aimed at
    const windows: [string, 'start' | 'marked' | 'scrubbed', number][] = [
      ['before its mark', 'start', marked],
      ['while it scrubs', 'marked', scrubbed - marked],
      ['while it rewrites the file', 'scrubbed', rewritten - scrubbed],
    ];
    const seen: Record<string, number> = {};
    for (let run = 0; run < RUNS; run++) {
      const [phase, after, length] = windows[run % windows.length];
      const half = Math.floor(run / windows.length) % 2;
      const killAt = Math.round(((half + random()) / 2) * length);
      const db = copy(`run${run}`);
      const dir = join(box.dir, `run${run}`);
      const r = await forget(db, { after, ms: killAt });
      const state = stateOf(db);
      seen[state] = (seen[state] ?? 0) + 1;
      const what = `seed ${SEED}, run ${run}: killed ${killAt} ms after ${after} (${phase}; ${r.signal ?? `exit ${r.code}`}), ${state}`;
      console.log(`  ${what}`);
      // the next command, whatever it is, finishes what was begun (in-process: pm's own code, as a
      // process would run it; the kill is what needed a process)
      const next = box.pm(['--db', db, 'ls', '--limit', '1']);
      expect(next.code, `${what}: ${next.err}`).toBe(0);
      if (state === 'not begun') {
        // killed before the mark: nothing was erased, nothing changed; the person is whole, and pm
        // forget, run again, erases them
        expect(leftIn(dir).length, what).toBeGreaterThan(0);
        const again = await forget(db);
        expect(again.code, what).toBe(0);
      } else if (state !== 'done') expect(next.err, what).toMatch(/finished an erasure that was interrupted/);
      expect(leftIn(dir), what).toEqual([]);
      const doctor = box.pm(['--db', db, 'doctor', '--json']);
      expect(JSON.parse(doctor.out).healthy, what).toBe(true);
    }
    console.log(`  states at the kill: ${JSON.stringify(seen)}`);
    // the kills reached into the rewrite at least once
    expect(seen['pending 2'] ?? 0, JSON.stringify(seen)).toBeGreaterThan(0);
  }, 600_000);
});
