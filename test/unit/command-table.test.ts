// The command table (src/cli/commands.ts) is what pm's commands are: every entry registers, prints
// its help, and answers to its aliases; an unknown word gets a suggestion. In-process, through the
// same registration src/cli.ts uses, with commander's output captured.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Command, CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { cacheIndex, COMMANDS, type CommandSpec, findCommand } from '../../src/cli/commands.js';
import { createProgram, registerCommands } from '../../src/cli/register.js';
import { ROOT } from '../helpers.js';

/** Parse argv as pm would, with the table's commands (all, or the one argv names), output captured. */
function parse(argv: string[], only?: CommandSpec) {
  let out = '';
  let err = '';
  const program = createProgram()
    .exitOverride()
    .configureOutput({ writeOut: (s) => (out += s), writeErr: (s) => (err += s), getOutHelpWidth: () => 1000 });
  registerCommands(program, only ? [only] : COMMANDS);
  let code = '';
  try {
    program.parse(argv, { from: 'user' });
  } catch (e) {
    if (!(e instanceof CommanderError)) throw e;
    code = e.code;
  }
  return { out, err, code };
}

/** Every command path of the table, by name and by each alias. */
function paths(specs: readonly CommandSpec[], prefix: string[] = []): string[][] {
  return specs.flatMap((c) =>
    [c.name, ...(c.aliases ?? [])].flatMap((word) => [
      [...prefix, word],
      ...paths(c.subcommands ?? [], [...prefix, word]),
    ]),
  );
}

describe('the command table', () => {
  it.each(paths(COMMANDS).map((p) => [p.join(' '), p]))('pm %s --help prints its help', (_, path) => {
    // as pm runs it: only the command argv names is registered
    const r = parse([...path, '--help'], findCommand(path[0]));
    expect(r.code).toBe('commander.helpDisplayed');
    expect(r.err).toBe('');
    // the usage line names each command by its name, whichever alias was typed
    const specs: CommandSpec[] = [];
    for (const word of path)
      specs.push((specs.at(-1)?.subcommands ?? COMMANDS).find((c) => c.name === word || c.aliases?.includes(word))!);
    const spec = specs.at(-1)!;
    expect(r.out.split('\n')[0]).toMatch(new RegExp(`^Usage: pm ${specs.map((c) => c.name).join(' ')}[ |]`));
    expect(r.out).toContain(spec.description);
    for (const o of spec.options ?? []) expect(r.out).toContain(o.flags);
    if (spec.examples) expect(r.out.trimEnd().endsWith(spec.examples.at(-1)!)).toBe(true);
  });

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

  it('an alias runs its command', () => {
    const ran: string[] = [];
    const program = createProgram().exitOverride();
    registerCommands(program);
    const record = (cmd: Command) => {
      for (const c of cmd.commands) {
        const path = `${cmd.name() === 'pm' ? '' : `${cmd.name()} `}${c.name()}`;
        if (!c.commands.length) c.action(() => void ran.push(path));
        record(c);
      }
    };
    record(program);
    program.parse(['ls'], { from: 'user' });
    program.parse(['hypothesis', 'ls'], { from: 'user' });
    expect(ran).toEqual(['interviews', 'hyp list']);
  });

  it('an unknown command gets a suggestion, among every command', () => {
    const r = parse(['reprot']);
    expect(r.code).toBe('commander.unknownCommand');
    expect(r.err).toContain('(Did you mean report?)');
    expect(parse(['hyp', 'lsit'], findCommand('hyp')).err).toContain('(Did you mean list?)');
  });

  it('dist/commands.json, what bin/pm.js reads to name code caches, is the table of this build', () => {
    const written = JSON.parse(readFileSync(join(ROOT, 'dist', 'commands.json'), 'utf8'));
    expect(written).toEqual(cacheIndex());
    expect(written.words.ls).toBe('interviews');
    expect(written.commands.export.outputs).toEqual(['md', 'json', 'csv']);
    expect(written.commands.report.flags).toEqual(['--check']);
  });
});
