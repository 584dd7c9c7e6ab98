// Commands are registered cheaply (names, options, help) and their code is loaded only when run.
import type { Command } from 'commander';
import { Context, type GlobalOptions } from '../context.js';

// commander hands each action its own arguments and options: typed by each command, not here
// biome-ignore lint/suspicious/noExplicitAny: see above
export type Action = (ctx: Context, ...args: any[]) => Promise<void> | void;

/** What commander calls: the command's arguments, its options, then the Command itself. */
export type Handler = ((...args: unknown[]) => Promise<void>) & { load?: () => Promise<unknown> };

let active: Context | undefined;
let runEnv: NodeJS.ProcessEnv = process.env;

/** The Context of the command that is running, for the CLI's error handling and clean-up. */
export function activeContext(): Context | undefined {
  return active;
}

/** The environment of the run in progress. */
export function runEnvironment(): NodeJS.ProcessEnv {
  return runEnv;
}

/** A new run (src/cli.ts run()): no command has run yet, and commands see `env` as their environment. */
export function beginRun(env: NodeJS.ProcessEnv): void {
  active = undefined;
  runEnv = env;
}

/**
 * Wrap a lazily loaded command: `load` imports the module, `pick` chooses its function, which is
 * called with a Context built from the global options, then commander's arguments and options.
 */
export function lazy<M>(load: () => Promise<M>, pick: (m: M) => Action): Handler {
  const handler: Handler = async (...args: unknown[]) => {
    const command = args[args.length - 1] as Command;
    const ctx = new Context(command.optsWithGlobals() as GlobalOptions, runEnv);
    active = ctx;
    const fn = pick(await load());
    const given = args.slice(0, -1);
    given[given.length - 1] = withParentOptions(command, given[given.length - 1] as Record<string, unknown>);
    await fn(ctx, ...given);
  };
  // the build loads it to learn which modules each command's bundle needs (esbuild.config.mjs)
  return Object.assign(handler, { load });
}

/**
 * A subcommand's options, with those its parent command also takes: commander parses an option the
 * parent declares as the parent's wherever it stands, so in `pm guide check --format md` guide got
 * --format and check never saw it. (The program's own options are the global ones, in the Context.)
 */
function withParentOptions(command: Command, opts: Record<string, unknown>): Record<string, unknown> {
  const parent = command.parent;
  if (!parent?.parent) return opts;
  const theirs = parent.opts();
  const out = { ...opts };
  for (const o of command.options) {
    const key = o.attributeName();
    if (out[key] === undefined && theirs[key] !== undefined) out[key] = theirs[key];
  }
  return out;
}
