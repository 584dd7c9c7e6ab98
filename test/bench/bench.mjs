// `npm run bench`: whole-process timings of pm's everyday commands on generated journals of 1k,
// 10k and 100k interviews, each beside the floor (node opening the journal with better-sqlite3
// and running `select 1`) measured in the same run, interleaved run by run so that machine noise
// hits both alike. Prints a table of medians, spreads and ratios, peak memory of the report, and
// exits non-zero when a budget is missed by a wide margin (more than 25% over it). The report's growth
// (largest journal over smallest) is timed side by side in the largest journal's loop.
// Env: BENCH_SIZES=1000,10000,100000  BENCH_RUNS=30
// 30 runs: on these machines a ~100 ms process's p25-p75 spread is often +-15 ms, and with 15 runs
// the ratio of two medians moved by +-0.1 from one bench to the next; the standard error of a
// median falls with the square root of the runs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, openSync, closeSync, writeSync, cpSync } from 'node:fs';
import { tmpdir, cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { generate } from './generate.mjs';

const ROOT = resolve(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'pm.js');
// smallest first: the largest journal's pass also times the report on the smallest one
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,100000')
  .split(',')
  .map(Number)
  .sort((a, b) => a - b);
const LARGEST = SIZES[SIZES.length - 1],
  SMALLEST = SIZES[0];
const RUNS = Math.max(10, Number(process.env.BENCH_RUNS ?? 30));
const WARMUP = 2;
const AS_OF = '2026-11-20';
const dir = mkdtempSync(join(tmpdir(), 'pm-bench-'));
const env = { ...process.env, NO_COLOR: '1', PM_TODAY: AS_OF, TZ: 'UTC', HOME: dir, XDG_DATA_HOME: join(dir, 'data') };
delete env.PM_DB;
delete env.FORCE_COLOR;

const floorScript = join(dir, 'floor.cjs');
writeFileSync(
  floorScript,
  `const Database = require(${JSON.stringify(join(ROOT, 'node_modules', 'better-sqlite3'))});
const db = new Database(process.argv[2], { readonly: true });
db.prepare('select 1').get();
db.close();
`,
);
const rssScript = join(dir, 'maxrss.mjs');
writeFileSync(
  rssScript,
  `process.on('exit', () => process.stderr.write('\\nMAXRSS ' + process.resourceUsage().maxRSS + '\\n'));\n`,
);

function time(args, opts = {}) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...opts });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0 && !opts.allowFail)
    throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 500)}`);
  return { ms, r };
}

// the bench keeps within the issue's five minutes: another pass only if it would end by then
const START = Date.now();
const TIME_LIMIT_MS = 4.5 * 60 * 1000;
const MAX_PASSES = 3;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.round(q * (s.length - 1))))];
};

/**
 * Each command `RUNS` times after `WARMUP`, interleaved run by run, in an order shuffled each run
 * (seeded): no command always follows the same one (a light process before a heavy one, say).
 */
function measure(commands) {
  const samples = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  const order = Object.entries(commands);
  let seed = 12345;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  for (let run = 0; run < WARMUP + RUNS; run++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const [name, args] of order) {
      const { ms } = time(args);
      if (run >= WARMUP) samples[name].push(ms);
    }
  }
  return samples;
}

/**
 * Was the machine busy while these samples were taken? Opening a journal costs node ~10 ms (the
 * floor is 10-15% above node -e ''), and on a quiet machine the middle half of the floor's runs
 * spreads over 3-6% of its median. When the floor's median is within 5% of node's, or its middle
 * half spreads over more than 10%, other work was delaying processes at random, and ratios of
 * medians are unsure: a longer process is delayed more often.
 */
function quietness(samples) {
  const floor = median(samples.floor),
    node = median(samples.node);
  const spread = (quantile(samples.floor, 0.75) - quantile(samples.floor, 0.25)) / floor;
  const busy = floor < node * 1.05 || spread > 0.1;
  return {
    busy,
    spread,
    why: `a busy machine (floor ${floor.toFixed(0)} ms, node -e '' ${node.toFixed(0)} ms, floor's p25–p75 ${(spread * 100).toFixed(0)}% of its median)`,
  };
}

/** A command's median over its reference's: node -e '' for --version, else the floor. */
const ratioOf = (samples, name) => median(samples[name]) / median(samples[BUDGETS[name]?.[0] ?? 'floor']);

const ratioSummary = (samples) =>
  Object.keys(BUDGETS)
    .map((n) => `${n} ${ratioOf(samples, n).toFixed(2)}`)
    .join(', ');

// budgets: [name, reference, max ratio]
const BUDGETS = {
  report: ['floor', 1.3],
  log: ['floor', 1.3],
  search: ['floor', 1.5],
  ls: ['floor', 1.3],
  version: ['node', 1.1],
  'export-md': ['floor', 1.5],
  // shell completion's live values, at every TAB (issue 20): the most ids, and the most names
  'complete-hyp': ['floor', 1.2],
  'complete-interview': ['floor', 1.2],
  'complete-contact': ['floor', 1.2],
};
const results = [];
// budgets missed at the largest size, and those missed by a wide margin (more than 25% over: exit 1)
const over = [];
const problems = [];

console.log(
  `pm benchmark: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}; ${RUNS} runs after ${WARMUP} warm-up, medians`,
);

for (const size of SIZES) {
  const db = join(dir, `j${size}.db`);
  const json = join(dir, `j${size}.json`);
  const fd = openSync(json, 'w');
  const doc = generate(size);
  // stream it out: the 100k document is too large for one JSON.stringify string in some setups
  const { interviews, ...rest } = doc;
  const head = JSON.stringify({ ...rest, interviews: [] });
  const cut = head.lastIndexOf('"interviews":[]');
  writeSync(fd, head.slice(0, cut) + '"interviews":[');
  interviews.forEach((iv, k) => {
    writeSync(fd, (k ? ',' : '') + JSON.stringify(iv));
  });
  writeSync(fd, ']' + head.slice(cut + '"interviews":[]'.length));
  closeSync(fd);
  const imp = time([BIN, '--db', db, '--quiet', 'import', json]);
  console.log(`\n${size.toLocaleString('en')} interviews: import ${(imp.ms / 1000).toFixed(1)} s`);
  results.push({ size, name: 'import', medianMs: imp.ms });
  if (size >= 100000 && imp.ms > 20000) over.push(`import ${(imp.ms / 1000).toFixed(1)} s (budget 20 s)`);
  if (size >= 100000 && imp.ms > 20000 * 1.25)
    problems.push(`import of ${size} took ${(imp.ms / 1000).toFixed(1)} s (budget 20 s)`);
  const logDb = join(dir, `j${size}-log.db`);
  cpSync(db, logDb);

  // the largest journal's loop also times the report on the smallest one: growth is then a ratio
  // of two medians measured side by side, not across minutes of a machine whose speed drifts
  const growthToo = SIZES.length > 1 && size === LARGEST;
  const commands = {
    node: ['-e', ''],
    floor: [floorScript, db],
    version: [BIN, '--version'],
    report: [BIN, '--db', db, 'report', '--week', '--as-of', AS_OF],
    log: [
      BIN,
      '--db',
      logDb,
      'log',
      '--with',
      'Bench Person <bench@example.test>',
      '--account',
      'Benchcorp',
      '--summary',
      'Exports take an hour every Friday',
      '--pain',
      'slow exports',
      '--tag',
      'export',
      '--date',
      AS_OF,
    ],
    search: [BIN, '--db', db, 'search', 'invoices slow'],
    ls: [BIN, '--db', db, 'ls', '--limit', '50'],
    'export-md': [BIN, '--db', db, 'export', '--format', 'md', '--week', '--as-of', AS_OF],
    'complete-hyp': [BIN, '__complete', '--db', db, 'hypothesis', 'H'],
    'complete-interview': [BIN, '__complete', '--db', db, 'interview', ''],
    'complete-contact': [BIN, '__complete', '--db', db, 'contact', ''],
    ...(growthToo
      ? { [`report-${SMALLEST}`]: [BIN, '--db', join(dir, `j${SMALLEST}.db`), 'report', '--week', '--as-of', AS_OF] }
      : {}),
  };
  // The largest journal, whose ratios the budgets are about, is measured again when the machine
  // was busy (see quietness), as time allows. Whether a pass was busy is judged from node and the
  // floor alone, never from pm's own timings; every pass's ratios are printed.
  const passes = [];
  for (;;) {
    const started = Date.now();
    const pass = { samples: measure(commands) };
    Object.assign(pass, quietness(pass.samples));
    passes.push(pass);
    const took = Date.now() - started;
    const again =
      pass.busy && size === LARGEST && passes.length < MAX_PASSES && Date.now() - START + took * 1.2 < TIME_LIMIT_MS;
    if (passes.length > 1 || again)
      console.log(
        `pass ${passes.length}: ${pass.busy ? pass.why : 'a quiet machine'}; ratios: ${ratioSummary(pass.samples)}${again ? '. Measuring again' : ''}`,
      );
    if (!again) break;
  }
  // a quiet pass if there is one (the narrowest spread); when every pass was busy, all their runs
  // pooled: under random delays the median of 90 runs is surer than that of any 30
  const quiet = passes.filter((p) => !p.busy).sort((a, b) => a.spread - b.spread);
  let chosen;
  if (quiet.length || passes.length === 1) {
    chosen = quiet[0] ?? passes[0];
    if (passes.length > 1) console.log(`reported: pass ${passes.indexOf(chosen) + 1} of ${passes.length}, a quiet one`);
  } else {
    const pooled = Object.fromEntries(Object.keys(commands).map((k) => [k, passes.flatMap((p) => p.samples[k])]));
    chosen = { samples: pooled, ...quietness(pooled) };
    console.log(`reported: the ${passes.length} passes pooled (each was busy), ${pooled.floor.length} runs a command`);
  }
  const samples = chosen.samples;
  const { r } = time(['--import', rssScript, ...commands.report]);
  const rssKiB = Number(/MAXRSS (\d+)/.exec(r.stderr)?.[1] ?? NaN);
  console.log('| command | median ms | p25–p75 ms | ratio | budget |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const [name, xs] of Object.entries(samples)) {
    const m = median(xs);
    const budget = BUDGETS[name];
    const ratio = ratioOf(samples, name);
    results.push({ size, name, medianMs: m, ratio });
    const refName = budget?.[0] === 'node' ? "× node -e ''" : '× floor';
    const label =
      name === 'node'
        ? "node -e ''"
        : name === 'floor'
          ? 'floor (node + open journal)'
          : name === `report-${SMALLEST}`
            ? `pm report, ${SMALLEST.toLocaleString('en')} journal`
            : `pm ${name}`;
    console.log(
      `| ${label} | ${m.toFixed(1)} | ${quantile(xs, 0.25).toFixed(1)}–${quantile(xs, 0.75).toFixed(1)} | ${name === 'node' || name === 'floor' ? '' : `${ratio.toFixed(2)} ${refName}`} | ${budget ? `≤ ${budget[1]}` : ''} |`,
    );
    if (budget && size === LARGEST && ratio > budget[1])
      over.push(`pm ${name} ${ratio.toFixed(2)}× (budget ${budget[1]}×)`);
    if (budget && size === LARGEST && ratio > budget[1] * 1.25)
      problems.push(`pm ${name} at ${size}: ${ratio.toFixed(2)}× (budget ${budget[1]}×)`);
  }
  console.log(`peak memory of pm report --week: ${(rssKiB / 1024).toFixed(1)} MiB (budget ≤ 100 MiB)`);
  if (chosen.busy) console.log(`note: ${chosen.why}: these ratios are unsure; run again on a quieter one`);
  results.push({ size, name: 'report-rss-mib', medianMs: rssKiB / 1024 });
  if (rssKiB / 1024 > 100) over.push(`report peak memory ${(rssKiB / 1024).toFixed(0)} MiB (budget 100 MiB)`);
  if (rssKiB / 1024 > 100 * 1.25) problems.push(`report peak memory ${(rssKiB / 1024).toFixed(0)} MiB`);
  rmSync(json, { force: true });
}

const medianOf = (size, name) => results.find((x) => x.size === size && x.name === name)?.medianMs;
if (SIZES.length > 1) {
  const growth = medianOf(LARGEST, 'report') / medianOf(LARGEST, `report-${SMALLEST}`);
  console.log(
    `\ngrowth: report at ${LARGEST} / report at ${SMALLEST}, timed side by side = ${growth.toFixed(2)} (budget ≤ 1.2)`,
  );
  if (growth > 1.2) over.push(`report growth ${growth.toFixed(2)} (budget 1.2)`);
  if (growth > 1.2 * 1.25) problems.push(`report growth ${growth.toFixed(2)}`);
}
rmSync(dir, { recursive: true, force: true });
if (problems.length) {
  console.log(`\nbudgets missed by a wide margin:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(
  over.length
    ? `\nover budget, within the margin: ${over.join('; ')}`
    : `\nevery budget met (${((Date.now() - START) / 1000).toFixed(0)} s)`,
);
