// The interactive prompts (@inquirer/prompts, ESM only, ~40 ms to load) are loaded only on the
// paths that ask something. bin/pm.js runs the bundle through vm.Script (for its V8 code cache),
// where import() is unavailable on Node 20, so it lends its own import() through this hook.
import { styleText } from 'node:util';
import { activeContext } from './cli/lazy.js';
import type { Context } from './context.js';
import { UsageError } from './errors.js';
import { isTerminal } from './io.js';
import { displayWidth } from './render/width.js';
import { wrap } from './render/wrap.js';

type Prompts = typeof import('@inquirer/prompts');

const HOOK = Symbol.for('pm.import');

export async function loadPrompts(): Promise<Prompts> {
  colourPrompts();
  const hook = (globalThis as Record<symbol, ((specifier: string) => Promise<unknown>) | undefined>)[HOOK];
  return fitted((await (hook ? hook('@inquirer/prompts') : import('@inquirer/prompts'))) as Prompts);
}

/** The width the prompts break their lines at (@inquirer/core's readlineWidth): the terminal's, else 80. */
function promptWidth(): number {
  return process.stdout.columns || Number.parseInt(process.env.CLI_WIDTH ?? '', 10) || 80;
}

/**
 * `text` broken at its words for the prompts' width, when it does not fit: `lead` columns come before
 * it on its line ("? ", a list's cursor), `tail` after it (a default, "(y/N)"), `indent` starts its
 * further lines. The prompts break a line too wide at its width, in the middle of a word (wave 11 E20).
 */
export function fitPrompt(text: string, lead: number, tail = 1, indent = '', width = promptWidth()): string {
  if (text.includes('\n') || lead + displayWidth(text) + tail <= width) return text;
  const lines = wrap(text, Math.max(10, width - lead), indent);
  const last = lines.length - 1;
  const space = lines[last].lastIndexOf(' ');
  // the default or the typed answer after the text: its last word goes down a line to leave them room
  if (displayWidth(lines[last]) + tail > width - (last === 0 ? lead : 0) && space > indent.length)
    lines.splice(last, 1, lines[last].slice(0, space), indent + lines[last].slice(space + 1));
  return lines.join('\n');
}

/**
 * `text` broken at spaces into lines of `width` columns, the first with `first` columns of room (what
 * comes before it on its line), the others starting with `indent`; a word wider than a line stays
 * whole (the terminal breaks it: a URL, a path), as it was typed.
 */
function breakAtWords(text: string, first: number, width: number, indent: string): string {
  const lines: string[] = [];
  let line = '';
  let room = first;
  for (const word of text.split(' ')) {
    const next = line === '' ? word : `${line} ${word}`;
    // a word wider than a whole line goes alone; one that does not fit after the question goes down
    const alone = line === '' && (lines.length > 0 || room === width);
    if (displayWidth(next) <= room || alone) {
      line = next;
      continue;
    }
    lines.push(line);
    line = word;
    room = width - displayWidth(indent);
  }
  lines.push(line);
  return lines.map((l, k) => (k === 0 ? l : indent + l)).join('\n');
}

/**
 * An answer as the prompt shows it once given, broken at its words where it would not fit after the
 * question (`lead` columns before it): the terminal broke it in the middle of a word.
 */
export function fitAnswer(answer: string, lead: number, width = promptWidth()): string {
  if (answer.includes('\n') || lead + displayWidth(answer) <= width) return answer;
  return breakAtWords(answer, Math.max(0, width - lead), width, '  ');
}

/**
 * A line pm says between the prompts (`ctx.info` of the interactive pm log), broken at its words for
 * a terminal that says how wide it is, as the prompts are; each further line indented two columns.
 */
export function fitSaid(text: string, width = process.stderr.columns): string {
  if (!width) return text;
  return text
    .split('\n')
    .map((line) => (displayWidth(line) <= width ? line : breakAtWords(line, width, width, '  ')))
    .join('\n');
}

type Named = { name?: unknown; short?: unknown; disabled?: unknown };

/** A list's choice whose name is broken to fit under the cursor; once chosen it is shown as one line. */
function fitChoice<C>(choice: C): C {
  if (typeof choice !== 'object' || choice === null) return choice;
  const { name, short, disabled } = choice as Named;
  if (typeof name !== 'string') return choice;
  const fit = fitPrompt(name, 2, disabled ? 2 : 0, '  ');
  return fit === name ? choice : { ...choice, name: fit, short: short ?? name };
}

type HelpTip = (...args: unknown[]) => unknown;

/** A prompt's help line, broken at its words as its message is. */
function fitTheme(theme: unknown): unknown {
  const style = (theme as { style?: { keysHelpTip?: HelpTip } } | undefined)?.style;
  const tip = style?.keysHelpTip;
  if (typeof tip !== 'function') return theme;
  const keysHelpTip = (...args: unknown[]) => {
    const text = tip(...args);
    return typeof text === 'string' ? fitPrompt(text, 0, 0) : text;
  };
  return { ...(theme as object), style: { ...style, keysHelpTip } };
}

/**
 * The prompts as pm asks them: their messages, help lines and choices broken at words to the
 * terminal's width (a phone's ssh app, a split tmux pane) instead of in the middle of one.
 */
function fitted(prompts: Prompts): Prompts {
  const message = <C extends { message: string; theme?: unknown }>(config: C, tail: number): C => ({
    ...config,
    message: fitPrompt(config.message, 2, tail),
    theme: fitTheme(config.theme),
  });
  const answered = (config: { default?: string }) =>
    config.default === undefined || config.default === '' ? 1 : displayWidth(`(${config.default})`) + 2;
  type Transformer = (value: string, o: { isFinal: boolean }) => string;
  // the answer given, after "✔ " and the question's last line: broken at words (coloured as the
  // prompt colours it, which it does not when a transformer is given)
  const shown = (fit: string, given?: Transformer): Transformer => {
    const lead = (fit.includes('\n') ? 0 : 2) + displayWidth(fit.slice(fit.lastIndexOf('\n') + 1)) + 1;
    return (value, o) => {
      const text = given ? given(value, o) : value;
      if (!o.isFinal) return text;
      // (a terminal that does not say how wide it is: left to it)
      const fitted = process.stdout.columns ? fitAnswer(text, lead) : text;
      return given
        ? fitted
        : fitted
            .split('\n')
            .map((l) => styleText('cyan', l))
            .join('\n');
    };
  };
  return {
    ...prompts,
    input: (config, context) => {
      const asked = message(config, answered(config));
      return prompts.input({ ...asked, transformer: shown(asked.message, config.transformer) }, context);
    },
    confirm: (config, context) => prompts.confirm(message(config, 7), context),
    select: (config, context) =>
      prompts.select({ ...message(config, 1), choices: config.choices.map(fitChoice) }, context),
    search: (config, context) =>
      prompts.search(
        {
          ...message(config, 1),
          source: async (term, opt) => (await config.source(term, opt)).map(fitChoice),
        },
        context,
      ),
  } as Prompts;
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
