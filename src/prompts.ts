// The interactive prompts (@inquirer/prompts, ESM only, ~40 ms to load) are loaded only on the
// paths that ask something. bin/pm.js runs the bundle through vm.Script (for its V8 code cache),
// where import() is unavailable on Node 20, so it lends its own import() through this hook.
import { activeContext } from './cli/lazy.js';

type Prompts = typeof import('@inquirer/prompts');

const HOOK = Symbol.for('pm.import');

export function loadPrompts(): Promise<Prompts> {
  colourPrompts();
  const hook = (globalThis as Record<symbol, ((specifier: string) => Promise<unknown>) | undefined>)[HOOK];
  return (hook ? hook('@inquirer/prompts') : import('@inquirer/prompts')) as Promise<Prompts>;
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
