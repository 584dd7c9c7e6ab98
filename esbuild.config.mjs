// Bundles src/ into one CommonJS file, dist/cli.cjs, with esbuild. Measured on these machines:
// one bundled file starts ~30 ms faster than dozens of separate modules, and CommonJS loaded with
// require() skips node's ESM loader (resolution, module jobs, the CJS export lexer for
// better-sqlite3), another ~10 ms. Commands imported with import() in the source stay lazy: esbuild
// wraps them so their top-level code runs only when that command does. better-sqlite3's native
// addon stays outside (below). Type-checking is `npm run typecheck` (tsc).
// The new build is written beside dist/ and swapped in, so a pm running meanwhile never sees half.
import { build } from 'esbuild';
import ts from 'typescript';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { runInThisContext } from 'node:vm';
import { freshSchema } from './migrations/fresh-schema.mjs';

// commander requires child_process at load time, for executable subcommands pm does not have;
// loading it costs ~4 ms at every start. Give commander a stand-in that loads it only if used.
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /node_modules[\\/]commander[\\/]/.test(args.importer)
        ? { path: 'child_process', namespace: 'pm-lazy' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'pm-lazy' }, () => ({
      loader: 'js',
      contents:
        "let real; module.exports = new Proxy({}, { get(_, key) { real ??= require('node:child_process'); return real[key]; } });",
    }));
  },
};

// chalk detects colour support at load time (loading tty and os: ~3 ms). pm never uses that
// detection: src/context.ts always gives chalk an explicit level (NO_COLOR, --no-color, FORCE_COLOR,
// TTY). So chalk gets a stand-in that detects nothing.
const noColorDetection = {
  name: 'no-color-detection',
  setup(b) {
    b.onResolve({ filter: /^#supports-color$/ }, () => ({ path: 'supports-color', namespace: 'pm-stub' }));
    b.onLoad({ filter: /.*/, namespace: 'pm-stub' }, () => ({
      loader: 'js',
      contents:
        'export function createSupportsColor() { return false; }\nexport default { stdout: false, stderr: false };',
    }));
  },
};

// better-sqlite3's JavaScript is bundled (compiled from pm's code cache instead of a dozen files
// resolved and compiled at every start: ~4 ms), its native addon is not. It finds the addon with
// the `bindings` package, which searches a dozen folders and reads a stack trace to know where to
// start (~2 ms). The addon is where better-sqlite3's install puts it, build/Release beside its
// package.json (resolved from bin/, whose require the bundle uses); anywhere else, `bindings`
// searches from that folder (its own guess, from the stack, would be pm's folder).
const directAddon = {
  name: 'direct-addon',
  setup(b) {
    b.onResolve({ filter: /^bindings$/ }, (args) =>
      /node_modules[\\/]better-sqlite3[\\/]/.test(args.importer)
        ? { path: 'bindings', namespace: 'pm-addon' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'pm-addon' }, () => ({
      loader: 'js',
      contents: readFileSync('src/db/addon.cjs', 'utf8'),
    }));
  },
};

// A new journal is made from the schema as it now stands (src/db/journal.ts): the migrations folded
// into one script here, at build time, so that it can never disagree with them
const freshSchemaText = {
  name: 'fresh-schema',
  setup(b) {
    b.onResolve({ filter: /^pm:fresh-schema$/ }, () => ({ path: 'fresh-schema', namespace: 'pm-schema' }));
    b.onLoad({ filter: /.*/, namespace: 'pm-schema' }, () => ({
      loader: 'js',
      contents: textFunction('fresh-schema.sql'),
    }));
  },
};

// The texts are files in dist/sql/ (written below), read when called, not string literals in the
// bundles: ~260 KB of the 660 KB report bundle and of the 580 KB log bundle, which every start read
// and made into a string; and a run that migrated a journal (the first after an upgrade) compiled
// the texts it ran into the code cache, which every later start read back (+46 KB from 42 to 48).
// One module reads them all (a require of node:fs in each of 44 would run at every start).
function textFunction(name) {
  return `import { sqlFile } from 'pm:sql-file';\nexport default () => sqlFile(${JSON.stringify(name)});`;
}
const sqlFile = {
  name: 'sql-file',
  setup(b) {
    b.onResolve({ filter: /^pm:sql-file$/ }, () => ({ path: 'sql-file', namespace: 'pm-sql-file' }));
    b.onLoad({ filter: /.*/, namespace: 'pm-sql-file' }, () => ({
      loader: 'js',
      contents: `import { readFileSync } from 'node:fs';
import { join } from 'node:path';
export const sqlFile = (name) => readFileSync(join(__dirname, 'sql', name), 'utf8');`,
    }));
  },
};

// For a command's bundle: the command table's import() of a module in src/commands/ that the command
// does not need gives a stand-in that names it (see the bundles for each command, below)
function onlyModules(keep) {
  return {
    name: 'only-modules',
    setup(b) {
      b.onResolve({ filter: /^\.\.\/commands\// }, (args) =>
        args.kind === 'dynamic-import' && /src[\\/]cli[\\/]commands\.ts$/.test(args.importer) && !keep.has(args.path)
          ? { path: args.path, namespace: 'pm-other-command' }
          : undefined,
      );
      b.onLoad({ filter: /.*/, namespace: 'pm-other-command' }, (args) => ({
        loader: 'js',
        contents: `export const notBundled = ${JSON.stringify(args.path)};`,
      }));
    },
  };
}

// For a command's bundle: the command table (src/cli/commands.ts) holds that command's entry alone.
// bin/pm.js runs a command's bundle only for its word, and the CLI reads the table for that word
// only (registering, help, hints); the other 26 entries (~40 KB of options, help and examples) were
// made at every start and read from its code cache: ~2% of `pm report`'s CPU (docs/performance.md,
// wave 14). pm completion writes every command's completions, so its bundle keeps them all.
const WHOLE_TABLE = new Set(['completion']);
let table;
/** src/cli/commands.ts with the COMMANDS array holding `command`'s entry alone. */
function ownTableSource(path, command) {
  if (!table) {
    const text = readFileSync(path, 'utf8');
    const sf = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
    const array = sf.statements
      .filter(ts.isVariableStatement)
      .flatMap((s) => s.declarationList.declarations)
      .find((d) => d.name.getText(sf) === 'COMMANDS')?.initializer;
    if (!array || !ts.isArrayLiteralExpression(array)) throw new Error(`${path}: no COMMANDS array`);
    const entries = array.elements.map((entry) => {
      const name = ts.isObjectLiteralExpression(entry)
        ? entry.properties.find((p) => ts.isPropertyAssignment(p) && p.name.getText(sf) === 'name')?.initializer
        : undefined;
      if (!name || !ts.isStringLiteral(name)) throw new Error(`${path}: a COMMANDS entry without a literal name`);
      return { name: name.text, text: entry.getText(sf) };
    });
    table = { before: text.slice(0, array.getStart(sf)), after: text.slice(array.end), entries };
  }
  const own = table.entries.filter((entry) => entry.name === command);
  if (own.length !== 1) throw new Error(`${path}: ${own.length} COMMANDS entries named ${command}`);
  return `${table.before}[${own[0].text}]${table.after}`;
}
const ownTableEntry = (command) => ({
  name: 'own-table-entry',
  setup(b) {
    b.onLoad({ filter: /src[\\/]cli[\\/]commands\.ts$/ }, (args) => ({
      loader: 'ts',
      contents: ownTableSource(args.path, command),
    }));
  },
});

const WRAP_START = '(function (exports, require, module, __filename, __dirname) {';
const WRAP_END = '\n})';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const tmp = `dist.tmp-${process.pid}`;
// what both bundles are: one CommonJS file for node 20, whitespace minified (names stay, for stack
// traces: a quarter less source to read and hash), better-sqlite3's addon loaded directly
const common = {
  outdir: tmp,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  legalComments: 'none',
  minifyWhitespace: true,
};
// the CLI's bundle: every command (for help, an unknown word, and the in-process tests), or, with
// `keep` and `command`, one command's (below)
const cliBuild = (name, keep, command) =>
  build({
    ...common,
    entryPoints: { [name]: 'src/cli.ts' },
    // @inquirer/prompts stays external too: bundled, its editor prompt's chardet dependency breaks
    // (`utf8_1.default is not a constructor`) on the first interactive prompt. It is loaded only on
    // interactive paths, so start-up does not pay for it. pg (PostgreSQL, for pm sync) is required only
    // when a sync runs. unhomoglyph's table of confusable
    // characters (100 KB) is read only when a new name is compared with the known ones.
    external: [
      '@inquirer/prompts',
      'bindings/bindings.js',
      'better-sqlite3/package.json',
      'unhomoglyph/data.json',
      'pg',
    ],
    define: { __PM_VERSION__: JSON.stringify(pkg.version) },
    // bin/pm.js compiles the bundle as one function (what Module.wrap gives), so the file is that
    // function: handed to V8 as read, not concatenated into a new 480 KB string V8 must then copy
    banner: { js: WRAP_START },
    footer: { js: WRAP_END },
    plugins: [
      ...(keep ? [onlyModules(keep)] : []),
      ...(command !== undefined && !WHOLE_TABLE.has(command) ? [ownTableEntry(command)] : []),
      lazyChildProcess,
      noColorDetection,
      directAddon,
      freshSchemaText,
      sqlFile,
    ],
  });
// what textFunction reads: the migrations as they are, and the fresh schema folded from them
mkdirSync(resolve(tmp, 'sql'), { recursive: true });
for (const f of readdirSync('migrations').filter((name) => name.endsWith('.sql')))
  writeFileSync(resolve(tmp, 'sql', f), readFileSync(resolve('migrations', f)));
writeFileSync(resolve(tmp, 'sql', 'fresh-schema.sql'), freshSchema());
await cliBuild('cli');
// `pm __complete` (shell completion's live values, at every TAB) is a bundle of its own, loaded by
// bin/pm.js instead of the CLI: better-sqlite3 and a few queries, without commander or chalk
await build({
  ...common,
  entryPoints: { complete: 'src/complete.ts' },
  external: ['bindings/bindings.js', 'better-sqlite3/package.json'],
  plugins: [directAddon],
});
/** Runs a built CLI bundle (the function the file is, as bin/pm.js runs it) and returns its exports. */
function load(name) {
  const file = resolve(tmp, name);
  const cli = { exports: {} };
  runInThisContext(readFileSync(file, 'utf8'), { filename: file }).call(
    cli.exports,
    cli.exports,
    createRequire(file),
    cli,
    file,
    dirname(file),
  );
  return cli.exports;
}

// A bundle for each command, dist/cli-NAME.cjs, which bin/pm.js runs for that command: the whole CLI
// but for the other commands' modules. esbuild puts every function of every module in one bundle at
// its top level, lazily loaded or not, so each start created them all and read them from the code
// cache: pm report's bundle is 0.6 MB of the 1 MB, its cache 400 of 550 KB (docs/performance.md,
// wave 10). Which modules a command needs is asked of the command table itself: a bundle whose
// import()s of src/commands/ all give a stand-in naming the module, whose loaders each command calls.
await cliBuild('probe', new Set());
const probe = load('probe.cjs');
rmSync(resolve(tmp, 'probe.cjs'));
const needs = {};
for (const [command, loaders] of Object.entries(probe.commandLoaders())) {
  needs[command] = new Set();
  for (const loadModule of loaders) needs[command].add((await loadModule()).notBundled);
}
await Promise.all(Object.entries(needs).map(([command, keep]) => cliBuild(`cli-${command}`, keep, command)));
// and each command's modules are in its bundle: a stand-in reached would fail that command's runs
for (const command of Object.keys(needs)) {
  for (const loadModule of load(`cli-${command}.cjs`).commandLoaders()[command]) {
    if ((await loadModule()).notBundled) throw new Error(`cli-${command}.cjs: a module of ${command} left out`);
  }
}

// Each bundle is pure ASCII: node reads an ASCII file into a one-byte string, and anything else
// into a two-byte one (1.8 MB for the CLI) by a slower decoder (~0.5 ms of every start, measured).
// esbuild escapes strings and template literals but leaves regular expressions as written (`/[“”]/`,
// `/^[ │├└─]*/u`): there \uXXXX is the same character, with or without the u flag. A character
// after a backslash would change meaning once escaped: the build refuses it.
for (const name of ['cli.cjs', 'complete.cjs', ...Object.keys(needs).map((c) => `cli-${c}.cjs`)]) {
  const file = resolve(tmp, name);
  const text = readFileSync(file, 'utf8');
  if (/\\[^\0-\x7f]/.test(text)) throw new Error(`${name}: a non-ASCII character after a backslash`);
  const ascii = text.replace(/[^\0-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (ascii !== text) writeFileSync(file, ascii);
}

// bin/pm.js chooses a code cache before the bundle loads, by the command word and the output: what
// it needs of the command table (src/cli/commands.ts) is written beside the bundle, taken from the
// bundle itself, so the two never disagree
writeFileSync(resolve(tmp, 'commands.json'), `${JSON.stringify(load('cli.cjs').cacheIndex())}\n`);

const old = `dist.old-${process.pid}`;
try {
  renameSync('dist', old);
} catch {
  /* first build */
}
renameSync(tmp, 'dist');
rmSync(old, { recursive: true, force: true });
