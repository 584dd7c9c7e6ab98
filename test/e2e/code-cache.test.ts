// bin/pm.js's V8 code caches: one per command and output (dist/commands.json, from the command
// table), written twice (by a command's first run, then with what the next run compiled too),
// shrugged off when damaged, and never more of them than commands and outputs. Each test runs its
// own copy of pm: other test files run commands from the shared dist/ at the same time.
import { spawnSync } from 'node:child_process';
import {
  appendFileSync,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CacheIndex } from '../../src/cli/commands.js';
import { BIN, ROOT, type Sandbox, sandbox } from '../helpers.js';

/** A copy of pm (bin/, dist/, package.json) in the sandbox, to run and to look into. */
function appCopy(box: Sandbox) {
  const app = join(box.dir, 'app');
  const dist = join(app, 'dist');
  mkdirSync(join(app, 'bin'), { recursive: true });
  mkdirSync(dist);
  copyFileSync(BIN, join(app, 'bin', 'pm.js'));
  copyFileSync(join(ROOT, 'bin', 'package.json'), join(app, 'bin', 'package.json'));
  copyFileSync(join(ROOT, 'package.json'), join(app, 'package.json'));
  // the whole CLI and each command's bundle (dist/cli-NAME.cjs)
  for (const f of readdirSync(join(ROOT, 'dist')).filter((f) => /^cli(-[a-z]+)?\.cjs$|^commands\.json$/.test(f)))
    copyFileSync(join(ROOT, 'dist', f), join(dist, f));
  // the migrations' and the fresh schema's text, read when a journal is created or upgraded
  cpSync(join(ROOT, 'dist', 'sql'), join(dist, 'sql'), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(app, 'node_modules'));
  const pm = (...args: string[]) =>
    spawnSync(process.execPath, [join(app, 'bin', 'pm.js'), ...args], { env: box.env, encoding: 'utf8' });
  /** The bundle a cache name's runs load: their command's own, else the whole CLI (`other`). */
  const bundleOf = (name: string) =>
    existsSync(join(dist, `cli-${name.split('-')[0]}.cjs`)) ? `cli-${name.split('-')[0]}.cjs` : 'cli.cjs';
  /** Where the lasting cache named `name` is, for the bundle there now. */
  const cachePath = (name: string) => {
    const bundle = statSync(join(dist, bundleOf(name)));
    return join(dist, `${bundleOf(name)}.${bundle.size}-${Math.floor(bundle.mtimeMs)}.${name}.v8cache`);
  };
  /** The caches there, by name (`report-md`), first or lasting. */
  const caches = () =>
    readdirSync(dist)
      .filter((f) => /^cli(-[a-z]+)?\.cjs\./.test(f))
      .map((f) => /^cli(-[a-z]+)?\.cjs\.\d+-\d+\.(.+)\.v8cache(\.first)?$/.exec(f)?.[2] ?? f);
  const cached = (name: string) => existsSync(cachePath(name)) || existsSync(`${cachePath(name)}.first`);
  return { dist, pm, cachePath, caches, cached };
}

/** Every cache name the command table allows: a command's, each output's and each flag's. */
function allowedNames(index: CacheIndex): Set<string> {
  const names = new Set(['other']);
  for (const [name, { outputs, flags }] of Object.entries(index.commands)) {
    const variants = ['', ...outputs.slice(1)];
    for (const flag of ['', ...flags.map((f) => f.slice(2))])
      for (const v of variants) names.add(flag + v ? `${name}-${flag}${v}` : name);
  }
  return names;
}

/** A conversation to log: a report's and a list's runs on data, as a user's are after their first pm log. */
const LOG = [
  'log',
  '--with',
  'Kim Lee <kim@acme.test>',
  '--account',
  'Acme',
  '--summary',
  'exports are slow',
  '--pain',
  'slow exports:high',
  '--tag',
  'export',
  '--date',
  '2026-11-18',
];

describe('code caches', () => {
  let box: Sandbox;
  let app: ReturnType<typeof appCopy>;
  beforeEach(() => {
    box = sandbox();
    app = appCopy(box);
  });
  afterEach(() => box.cleanup());

  it('a damaged code cache is ignored and replaced, never an error', () => {
    const cache = app.cachePath('config');
    writeFileSync(cache, 'not a V8 code cache at all');
    // on no journal yet the run writes a first cache in its place (only a run on a journal with something
    // in it writes the lasting one), then on one with a conversation the lasting one
    for (const journal of ['absent', 'logged']) {
      if (journal === 'logged') box.ok(LOG);
      const r = app.pm('config', 'get', 'cadence.days');
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout.trim()).toBe('7');
      expect(statSync(journal === 'absent' ? `${cache}.first` : cache).size).toBeGreaterThan(1000);
      expect(app.caches()).toEqual(['config']);
    }
    expect(readdirSync(app.dist).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('each command keeps its own, an alias shares its command’s, a word no command has shares one', () => {
    expect(app.pm('report').status).toBe(0);
    expect(app.cached('report')).toBe(true);
    expect(app.cached('interviews')).toBe(false);
    expect(app.pm('--db', box.db, 'ls').status).toBe(0);
    expect(app.cached('interviews')).toBe(true);
    expect(app.cached('ls')).toBe(false);
    // a typo gets the shared cache, not a file of its own
    expect(app.pm('reprot').status).toBe(2);
    expect(app.cached('reprot')).toBe(false);
    expect(app.cached('other')).toBe(true);
  });

  it("a command's first run writes a first cache, the next one the lasting cache with what both compiled", () => {
    const lasting = app.cachePath('report-md');
    const first = `${lasting}.first`;
    // a first run unlike the rest: --db names a file that is no journal, and the report stops
    // before building anything
    const notJournal = join(box.dir, 'notes.txt');
    writeFileSync(notJournal, 'meeting notes, not a journal');
    expect(app.pm('--db', notJournal, 'report', '--format', 'md').status).toBe(1);
    expect(existsSync(first)).toBe(true);
    expect(existsSync(lasting)).toBe(false);
    const firstSize = statSync(first).size;
    expect(app.pm(...LOG).status).toBe(0);
    expect(app.pm('report', '--format', 'md').status).toBe(0);
    expect(existsSync(first)).toBe(false);
    // the lasting cache holds the report's code too (a cache written by the failed run alone would
    // leave every later report compiling it at start)
    expect(statSync(lasting).size).toBeGreaterThan(firstSize * 1.1);
    const written = statSync(lasting).mtimeMs;
    expect(app.pm('report', '--format', 'md').status).toBe(0);
    expect(statSync(lasting).mtimeMs).toBe(written);
    expect(readdirSync(app.dist).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it("a run that prints a command's help writes no cache: the command's own runs write it", () => {
    // two runs of help first (a new user's `pm report --help`): a cache written by them held the help's
    // code alone, and every later report compiled the report's at start (51 -> 62 ms of CPU, wave 19)
    for (const args of [['report', '--help'], ['report', '-h'], ['hyp'], ['hyp', 'list', '--help']])
      expect(app.pm(...args).status).not.toBe(1);
    expect(app.caches()).toEqual([]);
    box.ok(LOG);
    expect(app.pm('report').status).toBe(0);
    expect(existsSync(`${app.cachePath('report')}.first`)).toBe(true);
    expect(app.pm('report').status).toBe(0);
    expect(existsSync(app.cachePath('report'))).toBe(true);
    // help with no command is all the whole CLI's runs do: it keeps its cache
    expect(app.pm('--help').status).toBe(0);
    expect(app.cached('other')).toBe(true);
  });

  it("a new user's first reports, failing or on an empty or absent journal, leave the lasting cache to a report on data", () => {
    // a report before any pm log (no journal yet), after pm init (an empty one), or with bad input
    // (exit 2), twice: the lasting cache they wrote lacked the report's code, and every later report
    // compiled it at start (a cache's size does not tell: the absent journal's, which builds a journal in
    // memory, is larger than one a report on data writes)
    const starts = [[['report']], [['init'], ['report']], [['report', '--week', 'W99']]];
    for (const start of starts) {
      const other = sandbox();
      try {
        const copy = appCopy(other);
        for (const args of [...start, ['report']]) copy.pm(...args);
        expect(copy.pm(...LOG).status).toBe(0);
        for (let i = 0; i < 2; i++) expect(copy.pm('report').status).toBe(0);
        const lasting = copy.cachePath('report');
        expect(existsSync(`${lasting}.first`)).toBe(false);
        // what a report on data compiles is in it: made a first cache again, the next report's lasting
        // one, with what that report compiled too, is no larger. Within 1 KB: the size of a cache of
        // the same runs varies by tens of bytes; the report's code a cache of those starts lacked was
        // 6-9 KB of it
        const size = statSync(lasting).size;
        renameSync(lasting, `${lasting}.first`);
        expect(copy.pm('report').status).toBe(0);
        expect(statSync(lasting).size, start.join(' ')).toBeLessThan(size + 1024);
      } finally {
        other.cleanup();
      }
    }
  });

  it('each output a flag chooses keeps its own too: a JSON export does not write the markdown one', () => {
    // an export needs a journal to export (a missing one is exit 1 since fresh-eyes wave 18 H8)
    box.ok(['init']);
    expect(app.pm('--db', box.db, 'export', '--format', 'json').status).toBe(0);
    expect(app.cached('export-json')).toBe(true);
    expect(app.cached('export')).toBe(false);
    expect(app.pm('--db', box.db, 'export').status).toBe(0);
    expect(app.cached('export')).toBe(true);
    // markdown is export's default: --format md is the same output, and the same cache
    expect(app.pm('--db', box.db, 'export', '--format=MD').status).toBe(0);
    expect(app.pm('--db', box.db, 'export', '--format', 'csv').status).toBe(0);
    expect(app.cached('export-csv')).toBe(true);
    expect(app.pm('--db', box.db, 'report', '--check', '--json').status).not.toBe(2);
    expect(app.cached('report-checkjson')).toBe(true);
    expect(app.cached('report-json')).toBe(false);
    expect(app.caches().sort()).toEqual(['export', 'export-csv', 'export-json', 'report-checkjson']);
  });

  it('formats, words and flags that do not exist write no cache of their own: at most one a command and output', () => {
    const junk = [
      ['export', '--format', 'pdf'],
      ['export', '--format=../x'],
      ['report', '--format', 'csv'],
      ['report', '--format', 'PDF', '--check'],
      ['hyp', 'list', '--format', 'md'],
      ['ls', '--format', 'csv'],
      ['completion', 'bash', '--json'],
      ['search', '--check', 'x'],
      ['reprot', '--format', 'md'],
      ['constructor'],
    ];
    // twice: the second run of each starts from the first cache the first wrote, and leaves it as it is
    // (a run that fails or answers from no journal never writes the lasting one: see the new user's
    // reports below), never a second file of the same name
    for (let round = 0; round < 2; round++)
      for (const args of junk) expect(app.pm(...args).stderr).not.toMatch(/internal/);
    const names = app.caches();
    expect(names.sort()).toEqual([
      'completion',
      'export',
      'hyp',
      'interviews',
      'other',
      'report',
      'report-check',
      'search',
    ]);
    expect(readdirSync(app.dist).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // and whatever runs, no name outside the table's commands and outputs
    const index = JSON.parse(readFileSync(join(app.dist, 'commands.json'), 'utf8')) as CacheIndex;
    const allowed = allowedNames(index);
    for (const name of names) expect(allowed.has(name), name).toBe(true);
    // 26 commands, most with text and JSON, some with markdown: a bound a listing would notice growing
    expect(allowed.size).toBeLessThan(80);
  });

  it("a command runs from its own bundle, without the other commands' code, and answers as the whole CLI does", () => {
    expect(app.pm(...LOG).status).toBe(0);
    const runs = [
      ['report', '--week'],
      ['report', '--format', 'md'],
      ['ls', '--limit', '5'],
      ['hyp', 'ls'],
      ['show', 'last'],
      ['opportunities'],
      ['export', '--format', 'json', '--week'],
      ['config', 'get', 'cadence.days'],
      ['report', '--help'],
    ];
    const own = runs.map((args) => app.pm(...args));
    for (const r of own) expect(r.status, r.stderr).toBe(0);
    const names = ['config', 'export-json', 'hyp', 'interviews', 'log', 'opportunities', 'report', 'report-md', 'show'];
    expect(app.caches().sort()).toEqual(names);
    expect(readdirSync(app.dist).filter((f) => /^cli-report\.cjs\.\d+-\d+\.report\.v8cache/.test(f))).toHaveLength(1);
    // report's bundle holds the report's code, not the other commands' (the import's, the sync's)
    const report = readFileSync(join(app.dist, 'cli-report.cjs'), 'latin1');
    const whole = readFileSync(join(app.dist, 'cli.cjs'), 'latin1');
    expect(report.length).toBeLessThan(whole.length * 0.7);
    expect(whole).toContain('function importCommand(');
    expect(report).not.toContain('function importCommand(');
    // and a dist/ without the commands' bundles runs everything from the whole CLI, the same
    for (const f of readdirSync(app.dist).filter((f) => /^cli-/.test(f))) rmSync(join(app.dist, f));
    const fromWhole = runs.map((args) => app.pm(...args));
    const answer = (r: ReturnType<typeof app.pm>) => [
      r.status,
      r.stdout.replace(/"exportedAt": "[^"]*"/, ''),
      r.stderr,
    ];
    expect(fromWhole.map(answer)).toEqual(own.map(answer));
    expect(readdirSync(app.dist).filter((f) => /^cli\.cjs\.\d+-\d+\.report\.v8cache/.test(f))).toHaveLength(1);
  });

  it("a command's bundle holds its own entry of the command table, and answers from it as the whole CLI does", () => {
    const report = readFileSync(join(app.dist, 'cli-report.cjs'), 'latin1');
    const whole = readFileSync(join(app.dist, 'cli.cjs'), 'latin1');
    // not the other commands' options, help and examples; pm completion's holds them all: it writes
    // completions for every command
    const initEntry = 'create the journal and set the customer-contact cadence';
    expect(whole).toContain(initEntry);
    expect(report).not.toContain(initEntry);
    expect(readFileSync(join(app.dist, 'cli-completion.cjs'), 'latin1')).toContain(initEntry);
    // what the CLI reads of the table: a mistyped option's, argument's and subcommand's hints, help,
    // the completion script
    const runs = [
      ['report', '--frmat', 'md'],
      ['hyp', 'show'],
      ['hyp', 'lst'],
      ['config', 'lst'],
      ['hyp', '--help'],
      ['completion', 'bash'],
    ];
    const answer = (r: ReturnType<typeof app.pm>) => [r.status, r.stdout, r.stderr];
    const own = runs.map((args) => answer(app.pm(...args)));
    expect(own.map((a) => a[0])).toEqual([2, 2, 2, 2, 0, 0]);
    for (const f of readdirSync(app.dist).filter((f) => /^cli-/.test(f))) rmSync(join(app.dist, f));
    expect(runs.map((args) => answer(app.pm(...args)))).toEqual(own);
  });

  it('a bundle replaced in place leaves no caches of the old one behind', () => {
    box.ok(LOG);
    expect(app.pm('report').status).toBe(0);
    expect(app.pm('report').status).toBe(0);
    const old = app.cachePath('report');
    expect(existsSync(old)).toBe(true);
    // another bundle where the old one was: what `cp` of a new build over dist/cli-report.cjs does
    appendFileSync(join(app.dist, 'cli-report.cjs'), '\n');
    expect(app.pm('report').status).toBe(0);
    expect(existsSync(old)).toBe(false);
    expect(existsSync(`${app.cachePath('report')}.first`)).toBe(true);
    expect(app.caches()).toEqual(['report']);
  });
});
