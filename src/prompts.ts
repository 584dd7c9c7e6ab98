// The interactive prompts (@inquirer/prompts, ESM only, ~40 ms to load) are loaded only on the
// paths that ask something. bin/pm.js runs the bundle through vm.Script (for its V8 code cache),
// where import() is unavailable on Node 20, so it lends its own import() through this hook.
import { activeContext } from './cli/lazy.js';
import type { Context } from './context.js';
import { UsageError } from './errors.js';
import { isTerminal } from './io.js';

type Prompts = typeof import('@inquirer/prompts');

const HOOK = Symbol.for('pm.import');

export function loadPrompts(): Promise<Prompts> {
  colourPrompts();
  const hook = (globalThis as Record<symbol, ((specifier: string) => Promise<unknown>) | undefined>)[HOOK];
  return (hook ? hook('@inquirer/prompts') : import('@inquirer/prompts')) as Promise<Prompts>;
}

/**
 * Whether to go ahead with what cannot be undone: --yes goes ahead; at a terminal the user is asked
 * (default no); off one, `offTerminal` decides: pm delete and pm forget refuse (it throws), a merge,
 * whose contract form has no flag, goes ahead and says so (src/commands/contacts.ts).
 */
export async function goAhead(
  ctx: Context,
  question: string,
  yes: boolean | undefined,
  offTerminal: () => boolean,
): Promise<boolean> {
  if (yes) return true;
  if (!ctx.interactive) return offTerminal();
  const { confirm } = await loadPrompts();
  return confirm({ message: question, default: false });
}

/**
 * The prompts colour what they print with node's util.styleText, which asks the environment, where
 * FORCE_COLOR beats NO_COLOR (and node warns about it). pm's own rule (--color, NO_COLOR first:
 * src/context.ts colorLevel) is written into the environment of a pm process before they load;
 * an in-process run (tests) has an environment of its own and leaves the process's alone.
 */
function colourPrompts(): void {
  const ctx = activeContext();
  if (!ctx || ctx.env !== process.env) return;
  const level = ctx.color.level;
  if (level === 0) {
    delete process.env.FORCE_COLOR;
    process.env.NO_COLOR = '1';
  } else {
    delete process.env.NO_COLOR;
    process.env.FORCE_COLOR = String(level);
  }
}

/**
 * The warning of a merge made off a terminal without --yes: the contract's `pm contact merge A B` and
 * `pm account merge A B` take no flag (nor did `pm opportunity merge A B` before it asked), so a script
 * that follows it keeps working, and is told.
 */
export function mergedUnasked(what: string, command: 'contact' | 'account' | 'opportunity'): string {
  return (
    `merged ${what} without asking (not at a terminal): only a backup undoes it; ` +
    `pm ${command} merge … --yes says it was meant`
  );
}

/**
 * A merge of two names that cannot ask: refused when a person is at the keyboard (stdin a terminal,
 * the output piped or redirected: `| tee`, `--json > file`), as pm delete refuses (fresh-eyes wave 10
 * F2); a script, with no terminal at all, goes ahead and is told (mergedUnasked): the contract's
 * synopsis has no flag. True when it goes ahead unasked.
 */
export function mergeWithoutAsking(command: 'contact' | 'account' | 'opportunity', args: [string, string]): true {
  if (isTerminal(0))
    throw new UsageError(
      `pm ${command} merge of two names needs --yes when it cannot ask (its output is not a terminal)`,
      `try: pm ${command} merge ${args.map((a) => JSON.stringify(a)).join(' ')} --yes`,
    );
  return true;
}
