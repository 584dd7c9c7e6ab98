#!/usr/bin/env node
// The `pm` command. CommonJS on purpose (bin/package.json): node's ESM loader costs milliseconds at
// every start, and pm starts on every call. `pm --version` is answered before anything loads.
// Everything else is the bundled CLI, the command's own dist/cli-NAME.cjs or the whole dist/cli.cjs
// (made by `npm run build`, which `npm ci` runs through `prepare`), compiled with a V8 code cache
// kept beside it: measured here, the cache saves ~9 ms of compiling per run. V8 caches the functions
// compiled by the run that wrote the cache, so each command, and each output a flag chooses, keeps
// its own (a cache written by `pm import` would leave `pm report` compiling its code at every start).
// The caches are named after the bundle's size and mtime and live in dist/, which every build
// replaces whole, so a stale cache is never used; where dist/ is not writable pm simply runs without
// one.
'use strict';
const args = process.argv.slice(2);

/** The command argv names (dist/commands.json: its words, aliases included), if any. */
function commandName(index) {
  let word;
  for (let i = 0; i < args.length && word === undefined; i++) {
    if (index.valueOptions.includes(args[i])) i++;
    else if (!args[i].startsWith('-')) word = args[i];
  }
  return Object.hasOwn(index.words, word) ? index.words[word] : undefined;
}

/**
 * The code cache's name: the command and the output a run makes, when a flag chooses it (`--json`,
 * `--format md|json|csv`, report's `--check`). The same command compiles other code for each (pm
 * report --check --json from cron, then pm report in standup): each keeps a cache of its own, or
 * the second compiles its renderer at every start (measured: pm export --format md with the cache a
 * JSON export wrote, +8 ms). Only commands and outputs that exist name one (dist/commands.json, from
 * the command table): an alias shares its command's, a word no command has shares `other`, and a
 * format the command does not print shares the command's default.
 */
function cacheName(index, name) {
  if (name === undefined) return 'other';
  const { outputs, flags } = index.commands[name];
  let output = '';
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--json') output = 'json';
    else if (args[i] === '--format') output = args[i + 1] ?? '';
    else if (args[i].startsWith('--format=')) output = args[i].slice('--format='.length);
  }
  output = output.trim().toLowerCase();
  let variant = outputs.includes(output) && output !== outputs[0] ? output : '';
  for (const flag of flags) if (args.includes(flag)) variant = `${flag.slice(2)}${variant}`;
  return variant ? `${name}-${variant}` : name;
}

if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  // fs.writeSync, not process.stdout: its first touch loads node's stream modules (~4 ms); a reader
  // already gone (pm --version | true) ends pm quietly, as for every command
  try {
    require('node:fs').writeSync(1, require('../package.json').version + '\n');
  } catch (err) {
    if (err.code !== 'EPIPE') throw err;
  }
} else if (args[0] === '__complete') {
  // shell completion's live values, at every TAB: a small bundle of its own (src/complete.ts)
  require('../dist/complete.cjs').main(args.slice(1));
} else {
  const fs = require('node:fs');
  const path = require('node:path');
  const vm = require('node:vm');
  const dist = path.join(__dirname, '..', 'dist');
  let index;
  try {
    index = JSON.parse(fs.readFileSync(path.join(dist, 'commands.json'), 'utf8'));
  } catch {
    // a dist/ without it (not made by npm run build): the whole CLI, one cache for every command
  }
  const command = index && commandName(index);
  // A command runs from its own bundle, without the other commands' code (esbuild.config.mjs: ~1 ms
  // of every start); help, a word no command has, or a dist/ without it, from the whole CLI's.
  // read as latin1: the bundle is pure ASCII (the build escapes every other character, and
  // test/unit/addon-path.test.ts holds it to that), so this is the string UTF-8 would give, made
  // without the UTF-8 decoder: ~0.5 ms less of every start (1 MB, measured in a fresh process)
  let file = path.join(dist, 'cli.cjs');
  let source;
  if (command !== undefined) {
    try {
      source = fs.readFileSync(path.join(dist, `cli-${command}.cjs`), 'latin1');
      file = path.join(dist, `cli-${command}.cjs`);
    } catch {
      // not built (a dist/ from before): the whole CLI
    }
  }
  source ??= fs.readFileSync(file, 'latin1');
  const stat = fs.statSync(file);
  // Two writes per cache: the first run writes a first cache (`.v8cache.first`), and the run after
  // it, which starts from that one, writes the lasting one with what both compiled. A first run is
  // often unlike the rest (one that fails early; a small journal's report, which reaches fewer
  // paths than a years-long one), and a cache holds only what the run that wrote it compiled: the
  // rest compiles at every start.
  const bundleName = path.basename(file);
  const bundleId = `${bundleName}.${stat.size}-${Math.floor(stat.mtimeMs)}.`;
  const cacheFile = path.join(dist, `${bundleId}${index ? cacheName(index, command) : 'other'}.v8cache`);
  const firstFile = `${cacheFile}.first`;
  let cachedData;
  let from = 'none';
  for (const [name, kind] of [
    [cacheFile, 'lasting'],
    [firstFile, 'first'],
  ]) {
    try {
      cachedData = fs.readFileSync(name);
      from = kind;
      break;
    } catch {
      // not written yet, or not readable
    }
  }
  // the bundle is one function expression, what Module.wrap gives (esbuild.config.mjs; loading the
  // module package costs ~0.7 ms); it requires what it needs (better-sqlite3, node's modules)
  // through this file's require, which resolves them alike
  const script = new vm.Script(source, {
    filename: file,
    cachedData,
  });
  const accepted = from !== 'none' && !script.cachedDataRejected;
  // an accepted lasting cache: nothing to write; an accepted first one: the lasting one; none, or a
  // rejected first one: a first one; a rejected lasting one (another node, other flags): it again
  const target = accepted ? (from === 'first' ? cacheFile : null) : from === 'lasting' ? cacheFile : firstFile;
  if (target) {
    // written at exit, so the functions this run compiled are in it too
    process.once('exit', () => {
      // but not by a run that printed a command's help (`pm report --help`, twice: a new user's first
      // runs): its cache held the help's code, and every later report compiled the report's at start
      // (CPU 51 -> 62 ms). Help with no command is all the whole CLI's runs do: those keep theirs.
      if (command !== undefined && bundle.exports.printedHelpOnly?.()) return;
      // The lasting cache only by a run that did its command's work (src/cli.ts didItsWork): one that
      // failed, or answered from an empty or absent journal (a new user's `pm report` before the first
      // `pm log`, twice), held little of the command, and every later run compiled the rest at start.
      // Such a run keeps the first cache, or writes one in place of a rejected lasting one.
      let to = target;
      if (to === cacheFile && bundle.exports.didItsWork?.() === false) {
        if (from === 'first') return;
        to = firstFile;
      }
      const tmp = `${to}.${process.pid}.tmp`;
      try {
        // two first runs at once: the second to end finds the lasting cache written, and adds nothing
        if (to === firstFile && from !== 'lasting' && fs.existsSync(cacheFile)) return;
        fs.writeFileSync(tmp, script.createCachedData(), { mode: 0o644 });
        fs.renameSync(tmp, to);
        // one cache a command and output: the lasting one makes the first needless, and a first one
        // written for a rejected lasting one is read only once that is gone
        fs.rmSync(to === cacheFile ? firstFile : cacheFile, { force: true });
        // a bundle copied over this one, rather than rebuilt (which replaces dist/ whole), leaves
        // caches nothing reads again
        for (const f of fs.readdirSync(dist)) {
          if (f.startsWith(`${bundleName}.`) && !f.startsWith(bundleId)) fs.rmSync(path.join(dist, f), { force: true });
        }
      } catch {
        try {
          fs.unlinkSync(tmp);
        } catch {
          /* nothing to clean */
        }
      }
    });
  }
  // import() does not work inside vm.Script code on Node 20: lend ours (see src/prompts.ts)
  let prompted = false;
  globalThis[Symbol.for('pm.import')] = (specifier) => {
    prompted = true;
    return import(specifier);
  };
  const bundle = { exports: {} };
  script.runInThisContext().call(bundle.exports, bundle.exports, require, bundle, file, path.dirname(file));
  // A finished command ends here (with the exit code main() set) rather than in node's teardown of
  // an idle process, which frees the heap piece by piece and waits on background work the kernel
  // discards anyway: ~0.5 ms a run (exit event to the parent seeing the exit, 6 runs of 30).
  // Everything pm prints is written synchronously (src/io.ts), but not what the prompts print: after
  // a prompt, node ends the process itself, once its queued output is out.
  bundle.exports.main(args).then(() => {
    if (!prompted) process.exit();
  });
}
