#!/usr/bin/env node
// `pm --version` is answered here, before anything else loads: it must cost no more than node itself.
// Everything else is the built CLI in dist/ (made by `npm run build`, which `npm ci` runs through `prepare`).
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const { readFileSync } = await import('node:fs');
  process.stdout.write(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version + '\n');
} else {
  const { run } = await import('../dist/cli.js');
  await run(args);
}
