// Completion scripts generated from the program's command tree, built from the command table
// (src/cli/commands.ts), so they never go stale.
import type { Command } from 'commander';
import { createProgram, registerCommands } from '../cli/register.js';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { writeOut } from '../io.js';

interface Node {
  path: string[];
  subcommands: string[];
  options: string[];
}

function walk(cmd: Command, path: string[], out: Node[]): void {
  const subcommands = cmd.commands.flatMap((c) => [c.name(), ...c.aliases()]);
  const options = cmd.options.flatMap((o) => [o.long, o.short].filter((x): x is string => Boolean(x)));
  out.push({ path, subcommands, options: [...options, '--help'] });
  for (const c of cmd.commands) walk(c, [...path, c.name()], out);
  for (const c of cmd.commands) for (const alias of c.aliases()) walk(c, [...path, alias], out);
}

/** pm completion SHELL: every command's words and options, whichever command line runs it. */
export function completionCommand(_ctx: Context, shell: string): void {
  completion(shell, registerCommands(createProgram()));
}

export function completion(shell: string, program: Command): void {
  const nodes: Node[] = [];
  walk(program, [], nodes);
  const globals = nodes[0].options;
  let script: string;
  if (shell === 'bash') script = bash(nodes, globals);
  else if (shell === 'zsh') script = `#compdef pm\nautoload -U bashcompinit && bashcompinit\n${bash(nodes, globals)}`;
  else if (shell === 'fish') script = fish(nodes, globals);
  else throw new UsageError(`no completion for ${JSON.stringify(shell)}`, 'try: pm completion bash, zsh or fish');
  writeOut(script);
}

function bash(nodes: Node[], globals: string[]): string {
  const cases = nodes
    .map((n) => {
      const words = [...n.subcommands, ...n.options, ...(n.path.length ? globals : [])];
      return `    "${n.path.join(' ')}") words_="${words.join(' ')}" ;;`;
    })
    .join('\n');
  return `# pm completion for bash: source it, or put it in ~/.local/share/bash-completion/completions/pm
_pm() {
  local cur path_ i w words_
  cur="\${COMP_WORDS[COMP_CWORD]}"
  path_=""
  for ((i = 1; i < COMP_CWORD; i++)); do
    w="\${COMP_WORDS[i]}"
    case "$w" in -*) continue ;; esac
    if [ -z "$path_" ]; then candidate="$w"; else candidate="$path_ $w"; fi
    case "$candidate" in
${nodes
  .filter((n) => n.path.length)
  .map((n) => `      "${n.path.join(' ')}") path_="$candidate" ;;`)
  .join('\n')}
    esac
  done
  case "$path_" in
${cases}
    *) words_="" ;;
  esac
  COMPREPLY=($(compgen -W "$words_" -- "$cur"))
}
complete -o default -F _pm pm
`;
}

function fish(nodes: Node[], globals: string[]): string {
  const lines = ['# pm completion for fish: save as ~/.config/fish/completions/pm.fish', 'complete -c pm -f'];
  for (const n of nodes) {
    const cond =
      n.path.length === 0 ? '__fish_use_subcommand' : `__fish_seen_subcommand_from ${n.path[n.path.length - 1]}`;
    for (const s of n.subcommands) lines.push(`complete -c pm -n '${cond}' -a '${s}'`);
    for (const o of n.options.filter((o) => o.startsWith('--')))
      lines.push(`complete -c pm -n '${cond}' -l '${o.slice(2)}'`);
  }
  for (const o of globals.filter((o) => o.startsWith('--'))) lines.push(`complete -c pm -l '${o.slice(2)}'`);
  return lines.join('\n') + '\n';
}
