// Builds the commander program and runs it. This is the one place where errors become exit codes
// and where the process exits. Each command's code is loaded (import()) only when it runs, so
// `pm --version` and `pm --help` never open the journal or load what other commands need.
import { type Command, CommanderError, type OutputConfiguration } from 'commander';
import { activeContext, beginRun, runEnvironment } from './cli/lazy.js';
import { colorLevel } from './context.js';
import { EXIT, OutputError, PmError } from './errors.js';
import { handleSignals, takeLateSignal } from './interrupt.js';
import { asJournalError } from './db/journal.js';
import { closest, safeLine } from './core/text.js';
import { redirect, redirection, writeErr, writeOut, type Stdio } from './io.js';
import { COMMANDS, type CommandSpec, findCommand, GLOBAL_VALUE_OPTIONS } from './cli/commands.js';
import { createProgram, registerCommands } from './cli/register.js';
import { commandPointer, evidenceOnEdit, extraWords } from './cli/extra-words.js';

// for esbuild.config.mjs: dist/commands.json for bin/pm.js, and what each command's bundle holds
export { cacheIndex, commandLoaders } from './cli/commands.js';

/** The command word of argv: the first argument that is not a global option (or its value). */
export function commandWord(argv: string[]): string | undefined {
  const i = commandIndex(argv);
  return i === undefined ? undefined : argv[i];
}

function commandIndex(argv: string[]): number | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (GLOBAL_VALUE_OPTIONS.includes(a)) i++;
    else if (!a.startsWith('-')) return i;
  }
  return undefined;
}

/**
 * The command of argv as commander needs it registered: one with subcommands (hyp, contact, sync…)
 * holds only the subcommand named right after its word. `pm hyp list` built hyp's other 12 and their
 * ~30 options at every start (~0.6 ms, docs/performance.md wave 19), though commander dispatches to
 * `list` and reads nothing of its siblings there (its help, errors and suggestions are its own and its
 * parents'). Anything else after the word (`pm hyp`, `pm hyp --help`, `pm hyp lst`, `pm hyp help list`)
 * keeps them all: hyp's own help lists them, and a mistyped one is suggested from them.
 */
function commandToRegister(argv: string[]): CommandSpec | undefined {
  const i = commandIndex(argv);
  const command = i === undefined ? undefined : findCommand(argv[i]);
  if (!command?.subcommands || i === undefined) return command;
  const next = argv[i + 1];
  const sub = command.subcommands.find((c) => c.name === next || c.aliases?.includes(next));
  return sub ? { ...command, subcommands: [sub] } : command;
}

/**
 * The program, from the command table (src/cli/commands.ts). Only the command being run is
 * registered (building every command's options and help costs a few milliseconds at each start);
 * help and anything unknown (so that typos get suggestions) register them all, as `every` does
 * (test/unit/subcommand-registration.test.ts: the same answers either way).
 */
export function buildProgram(argv?: string[], every = false): Command {
  const command = argv && !every ? commandToRegister(argv) : undefined;
  const program = createProgram()
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      // src/io.ts: not through process.stdout/stderr streams (they cost milliseconds to load at every
      // start); help's width and colours are asked of the streams only when help is printed
      writeOut,
      // commander writes help here only when no command was given (`pm`, `pm hyp`): help on stdout,
      // as git and gh print it (`pm | less` showed an empty pager: E25), but with --json stdout is
      // JSON's alone (`pm --json | jq` met the help: eyes2 wave 11 F10); errors go by outputError
      writeErr: argv?.includes('--json') ? writeErr : writeOut,
      // one line, and whatever the user typed (an unknown command or option) never reaches the terminal raw
      outputError: (s) => writeErr(`pm: ${safeLine(ownWords(s.replace(/^error: /, '').trim(), argv ?? []))}\n`),
      ...inProcessHelp(),
    });
  return registerCommands(program, command ? [command] : COMMANDS);
}

/** Where the records an argument names are listed, by what completes it. */
const LISTED_BY: Record<string, string> = {
  hypothesis: 'pm hyp list',
  'hypothesis.open': 'pm hyp list',
  'hypothesis.bet': 'pm hyp list --status all',
  interview: 'pm ls',
  contact: 'pm contacts',
  account: 'pm accounts',
  opportunity: 'pm opportunities',
  conflict: 'pm sync conflicts',
};

/**
 * `pm hyp bet` with no id: the argument missing, what it is, and the command listing them, where
 * commander said "missing required argument 'id'" and pointed at `pm hyp --help` (fresh-eyes wave 12
 * G6), as `pm forget` alone says whom to name.
 */
export function missingArgument(argv: string[], message: string): { message: string; hint: string } | undefined {
  const name = /^missing required argument '([^']+)'/.exec(message)?.[1];
  const [word, sub] = positionals(argv);
  const spec = word === undefined ? undefined : findCommand(word);
  const command = spec?.subcommands?.find((c) => c.name === sub || c.aliases?.includes(sub ?? '')) ?? spec;
  const arg = command?.arguments?.find((a) => a.name === `<${name}>`);
  if (!command || !arg) return undefined;
  const path = `pm ${command === spec ? spec.name : `${spec!.name} ${command.name}`}`;
  const kinds = typeof arg.complete === 'string' ? [arg.complete] : (arg.complete ?? []);
  const lists = [...new Set(kinds.flatMap((k) => LISTED_BY[k] ?? []))];
  const listed = [lists.slice(0, -1).join(', '), lists.at(-1)].filter(Boolean).join(' or ');
  return {
    message: `${path} needs ${arg.name}${arg.description ? `: ${arg.description}` : ''}`,
    hint: `try: ${listed ? `${listed} (to see them), or ` : ''}${path} --help`,
  };
}

/** commander's message in pm's words where pm has better ones (`pm config KEY VALUE`, git's habit: E24). */
function ownWords(message: string, argv: string[]): string {
  const missing = missingArgument(argv, message);
  if (missing) return missing.message;
  const pointer = message.startsWith('unknown command ')
    ? commandPointer(commandWord(argv))
    : message.startsWith('unknown option ')
      ? evidenceOnEdit(argv, commandWord(argv))
      : undefined;
  if (pointer) return pointer.message;
  if (!message.startsWith('too many arguments for ')) return message;
  const typo = subcommandTypo(argv);
  if (typo) return `unknown ${typo.command} command '${typo.word}' (Did you mean ${typo.meant}?)`;
  const extra = extraWords(argv);
  if (extra) return extra.message;
  if (message.startsWith("too many arguments for 'config'")) return 'config takes list, get, set or unset';
  // `pm sync frobnicate`: sync runs without arguments, so commander counts the word as one too many
  const [word, stray] = positionals(argv);
  const spec = word === undefined ? undefined : findCommand(word);
  if (!spec?.subcommands || spec.arguments?.length || stray === undefined) return message;
  const names = spec.subcommands.map((c) => c.name).join(', ');
  return `unknown ${spec.name} command '${stray}' (${spec.name} takes ${names})`;
}

/** The words of argv that are neither options nor a global option's value: the command word first. */
function positionals(argv: string[]): string[] {
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (GLOBAL_VALUE_OPTIONS.includes(argv[i])) i++;
    else if (!argv[i].startsWith('-')) words.push(argv[i]);
  }
  return words;
}

/**
 * `pm sync statu`, `pm config lst`: a command that runs on its own (pm sync, pm config) takes no
 * arguments, so commander reads a misspelt subcommand as an argument too many, with no suggestion
 * (G6); the subcommand it is one or two letters away from, as `pm hyp lst` gets.
 */
export function subcommandTypo(argv: string[]): { command: string; word: string; meant: string } | undefined {
  const [command, word] = positionals(argv);
  const spec = command === undefined ? undefined : findCommand(command);
  // a command with arguments of its own (pm guide H3) reads the word as one of them
  if (!spec?.subcommands || spec.arguments?.length || word === undefined) return undefined;
  const meant = closest(
    word,
    spec.subcommands.map((c) => c.name),
  );
  return meant === undefined ? undefined : { command: spec.name, word, meant };
}

/**
 * commander asks process.stdout how wide help is and process.env whether it may be coloured: an
 * in-process run answers from its own Stdio and environment instead (as commander would in a process).
 */
function inProcessHelp(): OutputConfiguration {
  const stdio = redirection();
  if (!stdio) return {};
  const env = runEnvironment();
  const colors = colorLevel({}, env, stdio.isTTY) > 0;
  // commander's own default for a stream that is no terminal: 80
  const width = () => (stdio.isTTY && stdio.columns ? stdio.columns : 80);
  return {
    getOutHelpWidth: width,
    getErrHelpWidth: width,
    getOutHasColors: () => colors,
    getErrHasColors: () => colors,
  };
}

// Messages often echo what the user typed (a name, a date, a file's content): one line each, with
// escape sequences and control characters made visible, as for stored text.
function printError(err: PmError, verbose: boolean): void {
  if (err.message) writeErr(`pm: ${safeLine(err.message)}\n`);
  if (err.hint) writeErr(`${err.hint.startsWith('try') ? '' : 'hint: '}${safeLine(err.hint)}\n`);
  if (verbose && err.stack) writeErr(err.stack + '\n');
}

/** What a command that could not print had saved, from what it was printing. */
function whatWasSaved(unwritten: string): string {
  const text = unwritten.trim();
  if (text.startsWith('{') || text.startsWith('[')) {
    try {
      const record = JSON.parse(text) as { id?: unknown };
      if (typeof record?.id === 'string') return `${safeLine(record.id)} was saved`;
    } catch {
      /* cut short: say it generally */
    }
    return 'it was saved';
  }
  const line = text.split('\n')[0];
  return line ? safeLine(line.length > 200 ? `${line.slice(0, 200)}…` : line) : 'it was saved';
}

const HELP_ONLY = ['commander.helpDisplayed', 'commander.help', 'commander.version'];

function exitCodeFor(err: unknown, verbose: boolean, dbPath: string, argv: string[], saved = false): number {
  if (err instanceof CommanderError) {
    if (err.code === 'commander.help' && err.exitCode !== 0) {
      // no command given: the help is on stdout, and a script learns that nothing ran (git exits 1)
      const word = commandWord(argv);
      writeErr(`pm: no ${word && findCommand(word) ? `${word} ` : ''}command given\n`);
      return EXIT.usage;
    }
    if (HELP_ONLY.includes(err.code)) return EXIT.ok;
    // commander has printed its message through outputError; the hint names the command's help
    // (`pm hyp outcome`: an unknown word under a known one is hyp's, so `pm hyp --help`)
    const word = commandWord(argv);
    const known = word !== undefined && findCommand(word) !== undefined;
    const extra =
      err.code === 'commander.excessArguments' && !subcommandTypo(argv)
        ? extraWords(argv)
        : err.code === 'commander.unknownCommand'
          ? commandPointer(word)
          : err.code === 'commander.unknownOption'
            ? evidenceOnEdit(argv, word)
            : undefined;
    if (extra) {
      writeErr(`${safeLine(extra.hint)}\n`);
      return EXIT.usage;
    }
    if (word === 'config' && err.code === 'commander.excessArguments' && !subcommandTypo(argv)) {
      // what they meant, with their own words: one is a get, two a set
      const words = argv.slice(argv.indexOf('config') + 1).filter((a) => !a.startsWith('-'));
      const quoted = words.slice(0, 2).map((w) => (/^[\w.@-]+$/.test(w) ? w : JSON.stringify(w)));
      writeErr(`try: ${safeLine(`pm config ${quoted.length === 1 ? 'get' : 'set'} ${quoted.join(' ')}`)}\n`);
      return EXIT.usage;
    }
    const missing =
      err.code === 'commander.missingArgument' ? missingArgument(argv, err.message.replace(/^error: /, '')) : undefined;
    writeErr(missing ? `${missing.hint}\n` : `try: pm ${known ? `${word} ` : ''}--help\n`);
    return EXIT.usage;
  }
  if (err instanceof OutputError && saved) {
    // the journal (or a backup, an export) was written before the output failed: say what, so that
    // nobody runs the command again and saves it twice
    writeErr(`pm: ${err.message}, but the command had done its work: ${whatWasSaved(err.unwritten)}\n`);
    writeErr('hint: it is saved: check (pm ls, pm show last) before running the command again, or it is done twice\n');
    return err.exitCode;
  }
  const mapped = asJournalError(err, dbPath);
  if (mapped instanceof PmError) {
    printError(mapped, verbose);
    return mapped.exitCode;
  }
  const e = err as Error & { name?: string };
  if (e && (e.name === 'ExitPromptError' || e.name === 'AbortPromptError')) {
    writeErr('pm: interrupted, nothing saved\n');
    return EXIT.interrupted;
  }
  writeErr(`pm: internal error: ${safeLine(e?.message ?? String(err))}\n`);
  writeErr(verbose && e?.stack ? e.stack + '\n' : 'run again with --verbose for details, and please report it\n');
  return EXIT.journal;
}

/** What a run reads and writes; by default the process's environment and descriptors. */
export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  /** in-process runs (tests): stdin, terminal-ness and the captured output */
  stdio?: Stdio;
  /** the process ends after this run (main()): a read-only journal is left open for the exit (Context.close) */
  atExit?: boolean;
}

let running = false;
let helpOnly = false;

/**
 * Whether the last run printed help or the version and ran nothing else: bin/pm.js writes no code cache
 * for it, which would hold the help's code and not the command's.
 */
export function printedHelpOnly(): boolean {
  return helpOnly;
}

let lastCode: number = EXIT.ok;

/**
 * Whether the last run did its command's work: it ended 0 and, if it only read the journal, found a
 * conversation or a hypothesis there. bin/pm.js writes a command's lasting code cache only after such a
 * run: one that failed, or answered from an empty or absent journal (a new user's first `pm report`),
 * compiled little of the command, and every later run would compile the rest at start.
 */
export function didItsWork(): boolean {
  return lastCode === EXIT.ok && activeContext()?.readEmptyJournal !== true;
}

/**
 * Run pm with `argv` (the words after `pm`) and return its exit code. Nothing here touches the
 * process (exit, umask, signals: main()), so tests run commands in-process, one run at a time.
 */
export async function run(argv: string[], opts: RunOptions = {}): Promise<number> {
  if (running) throw new Error('pm run() called while another run is in progress: await each run');
  running = true;
  helpOnly = false;
  beginRun(opts.env ?? process.env);
  redirect(opts.stdio);
  const verbose = argv.includes('-v') || argv.includes('--verbose');
  let code: number = EXIT.ok;
  try {
    if (argv[0] === '__complete') {
      // shell completion's live values: bin/pm.js runs this without the CLI (dist/complete.cjs)
      const r = (await import('./complete.js')).complete(argv.slice(1), runEnvironment());
      if (r.out) writeOut(r.out);
      if (r.err) writeErr(r.err);
      return r.code;
    }
    await buildProgram(argv).parseAsync(argv, { from: 'user' });
    const ctx = activeContext();
    if (ctx?.readMissingJournal)
      writeErr(`pm: no journal at ${ctx.dbPath} yet (pm log makes it; if you meant another: --db or $PM_DB)\n`);
    // a signal that came when the work could no longer be stopped: it is done, and pm says so
    const late = takeLateSignal();
    if (late) {
      writeErr(`pm: ${late.message}\n`);
      code = late.code;
    }
  } catch (err) {
    let dbPath = '';
    try {
      dbPath = activeContext()?.dbPath ?? '';
    } catch {} // --db "" (the error being reported)
    code = exitCodeFor(err, verbose, dbPath, argv, activeContext()?.saved);
    helpOnly = err instanceof CommanderError && HELP_ONLY.includes(err.code);
  } finally {
    lastCode = code;
    activeContext()?.close(opts.atExit);
    redirect(undefined);
    running = false;
  }
  return code;
}

/** The process's start (bin/pm.js): what belongs to the process, then the run. */
export async function main(argv: string[]): Promise<void> {
  // Every file pm creates (journal, -wal, -shm, backups, exports) is the owner's alone.
  process.umask(0o077);
  handleSignals();
  process.exitCode = await run(argv, { atExit: true });
}
