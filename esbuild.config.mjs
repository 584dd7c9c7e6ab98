// Bundles src/ into dist/ with esbuild: one ESM entry plus lazily loaded chunks (code splitting),
// because loading one bundled file is ~30 ms faster at start-up than dozens of separate modules.
// better-sqlite3 stays external (a native addon). Type-checking is `npm run typecheck` (tsc).
// The new build is written beside dist/ and swapped in, so a pm running meanwhile never sees half.
import { build } from 'esbuild';
import { readFileSync, renameSync, rmSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const tmp = `dist.tmp-${process.pid}`;
await build({
  entryPoints: { cli: 'src/cli.ts' },
  outdir: tmp,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // @inquirer/prompts stays external too: bundled, its editor prompt's chardet dependency breaks
  // (`utf8_1.default is not a constructor`) on the first interactive prompt. It is loaded only on
  // interactive paths, so start-up does not pay for it.
  external: ['better-sqlite3', '@inquirer/prompts'],
  loader: { '.sql': 'text' },
  define: { __PM_VERSION__: JSON.stringify(pkg.version) },
  // some bundled CommonJS dependencies call require(); give the ESM bundle one
  banner: { js: "import { createRequire as __pmCreateRequire } from 'node:module'; const require = __pmCreateRequire(import.meta.url);" },
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
  legalComments: 'none',
});
const old = `dist.old-${process.pid}`;
try { renameSync('dist', old); } catch { /* first build */ }
renameSync(tmp, 'dist');
rmSync(old, { recursive: true, force: true });
