// The command table (src/cli/commands.ts) holds together: every entry runs something, no two
// answer to the same word, and dist/commands.json (what bin/pm.js names code caches from) is this
// table. What users meet of it (help, aliases, suggestions) is test/cli/command-table.test.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheIndex, COMMANDS, type CommandSpec } from '../../src/cli/commands.js';
import { ROOT } from '../helpers.js';

describe('the command table', () => {
  it('every command runs something: its code, or one of its subcommands', () => {
    const check = (c: CommandSpec) => {
      expect(Boolean(c.action) || Boolean(c.subcommands?.length), c.name).toBe(true);
      for (const s of c.subcommands ?? []) check(s);
    };
    for (const c of COMMANDS) check(c);
  });

  it('no two commands answer to the same word', () => {
    const words = (specs: readonly CommandSpec[]): void => {
      const all = specs.flatMap((c) => [c.name, ...(c.aliases ?? [])]);
      expect(new Set(all).size, all.join(' ')).toBe(all.length);
      for (const c of specs) words(c.subcommands ?? []);
    };
    words(COMMANDS);
  });

  it('dist/commands.json, what bin/pm.js reads to name code caches, is the table of this build', () => {
    const written = JSON.parse(readFileSync(join(ROOT, 'dist', 'commands.json'), 'utf8'));
    expect(written).toEqual(cacheIndex());
    expect(written.words.ls).toBe('interviews');
    expect(written.words.hypothesis).toBe('hyp');
    expect(written.commands.export.outputs).toEqual(['md', 'json', 'csv', 'html']);
    expect(written.commands.report.flags).toEqual(['--check']);
    expect(written.valueOptions).toEqual(['--db', '--color']);
  });
});
