// The interactive prompts (@inquirer/prompts, ESM only, ~40 ms to load) are loaded only on the
// paths that ask something. bin/pm.js runs the bundle through vm.Script (for its V8 code cache),
// where import() is unavailable on Node 20, so it lends its own import() through this hook.
type Prompts = typeof import('@inquirer/prompts');

const HOOK = Symbol.for('pm.import');

export function loadPrompts(): Promise<Prompts> {
  const hook = (globalThis as Record<symbol, ((specifier: string) => Promise<unknown>) | undefined>)[HOOK];
  return (hook ? hook('@inquirer/prompts') : import('@inquirer/prompts')) as Promise<Prompts>;
}
