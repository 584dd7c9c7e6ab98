// pm completion SHELL: a completion script for bash, zsh or fish, written from the command table
// (src/cli/commands.ts), so that every command, option and fixed value is in it as soon as it is
// in the table. The scripts ask `pm __complete` (src/complete.ts) for what lives in the journal.
import { COMMANDS, GLOBAL_OPTIONS, PROGRAM_DESCRIPTION } from '../cli/commands.js';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { writeOut } from '../io.js';
import { completionTree } from '../render/completion.js';
import { bashScript } from '../render/completion-bash.js';
import { fishScript } from '../render/completion-fish.js';
import { zshScript } from '../render/completion-zsh.js';
import { VERSION } from '../version.js';

const SCRIPTS = { bash: bashScript, zsh: zshScript, fish: fishScript } as const;

export function completionScript(shell: string): string {
  if (!Object.hasOwn(SCRIPTS, shell))
    throw new UsageError(`no completion for ${JSON.stringify(shell)}`, 'try: pm completion bash, zsh or fish');
  const tree = completionTree(COMMANDS, GLOBAL_OPTIONS, PROGRAM_DESCRIPTION);
  return SCRIPTS[shell as keyof typeof SCRIPTS](tree, VERSION);
}

export function completionCommand(_ctx: Context, shell: string): void {
  writeOut(completionScript(shell));
}
