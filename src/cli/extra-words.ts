// A name or statement typed without quotes (`pm log --with Jane Roe`, `pm hyp add We believe …`): the
// shell splits it, and commander counts the rest as arguments too many ("Expected 0 arguments but got
// 1", or for `pm hyp add` pm's own guess that 'add' was unknown: fresh-eyes wave 14 H6). Named here:
// the stray words, and the command as the user typed it with the words quoted together.
import { shellWord } from '../core/text.js';
import { type CommandSpec, findCommand, GLOBAL_OPTIONS, type OptionSpec } from './commands.js';

/** What pm says instead of commander's "too many arguments". */
export interface ExtraWords {
  message: string;
  hint: string;
}

interface Token {
  word: string;
  /** the option this word is the value of, or the argument it fills; undefined for a stray word */
  option?: OptionSpec;
  argument?: { name: string; complete?: unknown };
  stray?: true;
}

const takesValue = (o: OptionSpec) => /[<[]/.test(o.flags);
const optional = (o: OptionSpec) => /\[/.test(o.flags);
const flagsOf = (o: OptionSpec) => o.flags.split(/[ ,]+/).filter((f) => f.startsWith('-'));

// an id, a number, a file: words that are never part of a name split by the shell
const ID_LIKE = /^([HIhi]?\d+|last|-)$/;
const NOT_TEXT = new Set(['file', 'path', 'url', 'shell', 'key', 'n', 'format', 'when', 'days']);

function placeholder(t: Token): string {
  if (t.argument) return t.argument.name.replace(/[<>[\]]/g, '');
  return /[<[]([\w-]+)/.exec(t.option?.flags ?? '')?.[1] ?? '';
}

/** Whether the words after `t` were most likely meant with it, as one quoted word. */
function joinable(t: Token): boolean {
  if (!(t.option || t.argument) || ID_LIKE.test(t.word) || /\s/.test(t.word)) return false;
  const complete = t.argument?.complete ?? t.option?.complete;
  return complete !== 'file' && !NOT_TEXT.has(placeholder(t));
}

function what(t: Token): string {
  const p = placeholder(t);
  if (p === 'statement') return 'a statement';
  if (['person', 'name', 'org', 'contact', 'account', 'old', 'new', 'keep', 'duplicate', 'id', 'into'].includes(p))
    return 'a name';
  return 'words that belong together';
}

/**
 * The words of argv commander found no place for, and the command with them quoted together; undefined
 * where commander's complaint is about something else (an unknown subcommand: `pm sync frobnicate`).
 */
export function extraWords(argv: string[]): ExtraWords | undefined {
  const globals = GLOBAL_OPTIONS;
  let at = 0;
  const tokens: Token[] = [];
  const optionAt = (options: readonly OptionSpec[], a: string) =>
    options.find((o) => flagsOf(o).includes(a.split('=')[0]));
  // the command word, after any global options
  for (; at < argv.length && argv[at].startsWith('-'); at++) {
    tokens.push({ word: argv[at] });
    const o = optionAt(globals, argv[at]);
    if (o && takesValue(o) && !argv[at].includes('=')) tokens.push({ word: argv[++at] ?? '', option: o });
  }
  const spec = argv[at] === undefined ? undefined : findCommand(argv[at]);
  if (!spec) return undefined;
  tokens.push({ word: argv[at++] });
  let command: CommandSpec = spec;
  const options = [...globals, ...(spec.options ?? [])];
  const args: { name: string; complete?: unknown }[] = [];
  let positional = 0;
  // the command as typed: `pm ls`, not commander's 'interviews'
  let typed = `pm ${argv[at - 1]}`;
  let optionsEnded = false;
  for (; at < argv.length; at++) {
    const a = argv[at];
    if (!optionsEnded && a === '--') {
      optionsEnded = true;
      tokens.push({ word: a });
      continue;
    }
    if (!optionsEnded && a.startsWith('-') && a.length > 1) {
      tokens.push({ word: a });
      const o = optionAt(options, a);
      if (o && takesValue(o) && !a.includes('=')) {
        const next = argv[at + 1];
        if (next !== undefined && !(optional(o) && next.startsWith('-'))) tokens.push({ word: argv[++at], option: o });
      }
      continue;
    }
    const sub =
      command === spec && positional === 0
        ? spec.subcommands?.find((c) => c.name === a || c.aliases?.includes(a))
        : undefined;
    if (sub) {
      command = sub;
      options.push(...(sub.options ?? []));
      typed += ` ${a}`;
      tokens.push({ word: a });
      continue;
    }
    // a command of subcommands that takes no words of its own: the word is an unknown subcommand
    if (command === spec && spec.subcommands && !spec.arguments?.length) return undefined;
    if (args.length === 0) args.push(...(command.arguments ?? []));
    const argument = args[positional++];
    tokens.push(argument ? { word: a, argument } : { word: a, stray: true });
  }
  const first = tokens.findIndex((t) => t.stray);
  if (first < 0) return undefined;
  let last = first;
  while (tokens[last + 1]?.stray) last++;
  const strays = tokens.slice(first, last + 1).map((t) => t.word);
  const anchor = tokens[first - 1];
  const listed = strays.join(' ');
  if (anchor && joinable(anchor)) {
    const quoted = tokens.map((t, i) =>
      i === first - 1
        ? shellWord([anchor.word, ...strays].join(' '))
        : i >= first && i <= last
          ? ''
          : shellWord(t.word),
    );
    const line = ['pm', ...quoted.filter((w) => w !== '')].join(' ');
    return {
      message:
        `"${listed}" ${strays.length > 1 ? 'are extra words' : 'is an extra word'}: ` +
        `quote ${what(anchor)} with spaces`,
      hint: `try: ${line}`,
    };
  }
  const takes = (command.arguments ?? []).map((a) => a.name).join(' ') || 'no arguments';
  const message =
    `too many arguments for ${typed} (it takes ${takes}): ` + `"${listed}" ${strays.length > 1 ? 'are' : 'is'} extra`;
  // `pm hyp edit H7 "A better statement"`: the statement has a flag of its own
  if (strays.length === 1 && /\s/.test(strays[0]) && command.options?.some((o) => o.flags.startsWith('--statement '))) {
    const rest = tokens.filter((_, i) => i !== first).map((t) => shellWord(t.word));
    return { message, hint: `try: ${['pm', ...rest, '--statement', shellWord(strays[0])].join(' ')}` };
  }
  return { message, hint: `try: ${typed} --help` };
}

/**
 * The words a newcomer types first for what pm calls otherwise (fresh-eyes wave 14 H20): the README
 * calls pm report the standup; rm and remove are delete. commander's "Did you mean one of demo,
 * report?" for `remove` named two unrelated commands.
 */
const POINTERS: Record<string, [message: string, hint: string]> = {
  standup: ['the standup is pm report', 'pm report'],
  add: ['a conversation is logged with pm log, a belief with pm hyp add', 'pm log, or pm hyp add "We believe …"'],
  rm: ['deleting is pm delete', 'pm delete I12 (an interview) or pm delete H3 (a hypothesis)'],
  undo: [
    'pm has no undo',
    'pm edit I12 … or pm hyp reopen H3 changes a record back; pm import FILE --undelete I12 brings back ' +
      'a deleted one from an export made before; a pm backup copied back restores the journal',
  ],
};
const SAME: Record<string, string> = {
  status: 'standup',
  today: 'standup',
  new: 'add',
  note: 'add',
  remove: 'rm',
  del: 'rm',
};

/** What pm says of an unknown command word it knows the meaning of, where commander only said "unknown". */
export function commandPointer(word: string | undefined): ExtraWords | undefined {
  if (word === undefined) return undefined;
  const pointer = POINTERS[SAME[word] ?? word];
  return pointer && { message: `unknown command '${word}': ${pointer[0]}`, hint: `try: ${pointer[1]}` };
}

/**
 * `pm edit I6 --refutes H2`: pm log's flags for evidence, tried on pm edit, got "Did you mean
 * --minutes?" (fresh-eyes wave 14 H3). Evidence is changed with pm hyp link, the hypothesis first.
 */
export function evidenceOnEdit(argv: string[], word: string | undefined): ExtraWords | undefined {
  const at = argv.findIndex((a) => /^--(supports|refutes)(=|$)/.test(a));
  if (word !== 'edit' || at < 0) return undefined;
  const [flag, inline] = argv[at].split('=');
  const id = /^[-+]?(H\d+)/i.exec(inline ?? argv[at + 1] ?? '')?.[1] ?? 'H3';
  const after = argv[argv.indexOf('edit') + 1];
  const interview = after === undefined || after.startsWith('-') ? 'I12' : after;
  return {
    message: 'pm edit does not change evidence: pm hyp link does',
    hint: `try: pm hyp link ${id} ${interview} ${flag}`,
  };
}
