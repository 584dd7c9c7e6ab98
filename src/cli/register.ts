// Builds commander's program from the command table (src/cli/commands.ts): names, aliases,
// arguments, options and help. A command's code is not loaded here (lazy(), src/cli/lazy.ts).
import { Command } from 'commander';
import { VERSION } from '../version.js';
import {
  COMMANDS,
  type CommandSpec,
  GLOBAL_OPTIONS,
  type OptionSpec,
  PROGRAM_DESCRIPTION,
  PROGRAM_EXAMPLES,
} from './commands.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** What help prints after the options: the notes, then the examples. */
function helpAfter(notes: string | undefined, examples: readonly string[] | undefined): string | undefined {
  const parts = [notes, examples && `Examples:\n${examples.map((e) => `  ${e}`).join('\n')}`].filter(Boolean);
  return parts.length ? `\n${parts.join('\n\n')}` : undefined;
}

function addOptions(cmd: Command, options: readonly OptionSpec[] = []): void {
  for (const o of options) {
    if (o.repeatable) cmd.option(o.flags, o.description, collect);
    else cmd.option(o.flags, o.description);
  }
}

function register(parent: Command, spec: CommandSpec): void {
  const cmd = parent.command(spec.name).description(spec.description);
  for (const alias of spec.aliases ?? []) cmd.alias(alias);
  for (const a of spec.arguments ?? []) cmd.argument(a.name, a.description);
  addOptions(cmd, spec.options);
  const after = helpAfter(spec.notes, spec.examples);
  if (after) cmd.addHelpText('after', after);
  if (spec.action) cmd.action(spec.action);
  for (const sub of spec.subcommands ?? []) register(cmd, sub);
}

/** The program: its description, version, global options and help, without commands. */
export function createProgram(): Command {
  const program = new Command('pm')
    .description(PROGRAM_DESCRIPTION)
    .version(VERSION, '-V, --version', 'print the version');
  addOptions(program, GLOBAL_OPTIONS);
  return program.helpOption('-h, --help', 'show help').addHelpText('after', helpAfter(undefined, PROGRAM_EXAMPLES)!);
}

/**
 * Registers `commands` (by default all) on the program. After configuring it: a command copies
 * the program's settings (exitOverride, configureOutput…) when it is created.
 */
export function registerCommands(program: Command, commands: readonly CommandSpec[] = COMMANDS): Command {
  for (const c of commands) register(program, c);
  return program;
}
