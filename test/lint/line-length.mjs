#!/usr/bin/env node
// Lines in src/ stay within 120 characters. Biome's formatter wraps code at that width but never
// breaks a string, template literal or comment, so this catches what it leaves long.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const LIMIT = 120;
const long = [];
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (/\.(ts|mjs|cjs|js)$/.test(entry.name)) {
      readFileSync(path, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if ([...line].length > LIMIT) long.push(`${path}:${i + 1}: ${[...line].length} characters`);
        });
    }
  }
};
walk('src');
walk('bin');
if (long.length > 0) {
  console.error(`${long.length} lines longer than ${LIMIT} characters (wrap strings and SQL by hand):`);
  for (const line of long) console.error(`  ${line}`);
  process.exit(1);
}
