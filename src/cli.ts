// Builds the commander program and runs it. This is the one place where errors become exit codes
// and where the process exits. Each command's code is loaded (import()) only when it runs, so
// `pm --version` and `pm --help` never open the journal or load what other commands need.
import { Command, CommanderError, type OutputConfiguration } from 'commander';
import { activeContext, beginRun, runEnvironment } from './cli/lazy.js';
import { EXIT, PmError } from './errors.js';
import { asJournalError } from './db/journal.js';
import { VERSION } from './version.js';
import { safeLine } from './core/text.js';
import { redirect, redirection, writeErr, writeOut, type Stdio } from './io.js';
import { registerSetup } from './cli/setup.js';
import { registerInterviews } from './cli/interviews.js';
import { registerHypotheses } from './cli/hypotheses.js';
import { registerReport } from './cli/report.js';
import { registerExchange } from './cli/exchange.js';

type Area = (program: Command) => void;

/** Which registration each command word lives in; a word not here (help, a typo) registers all. */
const AREA_OF: Record<string, Area> = {
  init: registerSetup,
  config: registerSetup,
  doctor: registerSetup,
  backup: registerSetup,
  forget: registerSetup,
  log: registerInterviews,
  edit: registerInterviews,
  delete: registerInterviews,
  interviews: registerInterviews,
  ls: registerInterviews,
  show: registerInterviews,
  search: registerInterviews,
  contacts: registerInterviews,
  contact: registerInterviews,
  accounts: registerInterviews,
  account: registerInterviews,
  hyp: registerHypotheses,
  hypothesis: registerHypotheses,
  report: registerReport,
  demo: registerReport,
  export: registerExchange,
  import: registerExchange,
};
/** Every command word (bin/pm.js keeps a code cache for each). */
export const COMMAND_WORDS = Object.keys(AREA_OF);
const ALL_AREAS: Area[] = [registerSetup, registerInterviews, registerHypotheses, registerReport, registerExchange];

/** The command word of argv: the first argument that is not a global option (or its value). */
export function commandWord(argv: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--db') i++;
    else if (!a.startsWith('-')) return a;
  }
  return undefined;
}

/**
 * The program. Only the area that holds the command being run is registered (building every
 * command's options and help costs a few milliseconds at each start); help, completion and
 * anything unknown (so that typos get suggestions) register them all.
 */
export function buildProgram(argv?: string[]): Command {
  const program = new Command('pm');
  program
    .description('A product-discovery journal: log customer conversations, test hypotheses, see what to do next.')
    .version(VERSION, '-V, --version', 'print the version')
    .option('--db <path>', 'the journal file (default: $PM_DB, else $XDG_DATA_HOME/pm/journal.db)')
    .option('--json', 'machine output on stdout')
    .option('--no-color', 'no ANSI colour (also with NO_COLOR, or when stdout is not a terminal)')
    .option('-q, --quiet', 'less on stderr')
    .option('-v, --verbose', 'more on stderr, and stack traces on errors')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      // src/io.ts: not through process.stdout/stderr streams (they cost milliseconds to load at every
      // start); help's width and colours are asked of the streams only when help is printed
      writeOut,
      writeErr,
      // one line, and whatever the user typed (an unknown command or option) never reaches the terminal raw
      outputError: (s, write) => write(`pm: ${safeLine(s.replace(/^error: /, '').trim())}\n`),
      ...inProcessHelp(),
    })
    .addHelpText(
      'after',
      `
Examples:
  pm log --with "Jane Roe <jane@acme.test>" --account Acme --summary "Exports take an hour" --pain "slow export"
  pm hyp add "Finance teams want itemised invoices" --criteria "3 of 5 finance leads say yes"
  pm report --week
  pm demo                      a sample journal and its weekly report`,
    );
  const word = argv ? commandWord(argv) : undefined;
  const area = word !== undefined && Object.hasOwn(AREA_OF, word) ? AREA_OF[word] : undefined;
  const wantsHelp = argv ? argv.includes('--help') || argv.includes('-h') : false;
  for (const register of area && !(wantsHelp && word === undefined) ? [area] : ALL_AREAS) register(program);
  return program;
}

/**
 * commander asks process.stdout how wide help is and process.env whether it may be coloured: an
 * in-process run answers from its own Stdio and environment instead (as commander would in a process).
 */
function inProcessHelp(): OutputConfiguration {
  const stdio = redirection();
  if (!stdio) return {};
  const env = runEnvironment();
  const forced = env.NO_COLOR || env.FORCE_COLOR === '0' || env.FORCE_COLOR === 'false' ? false : undefined;
  const colors = forced ?? (env.FORCE_COLOR || env.CLICOLOR_FORCE !== undefined ? true : stdio.isTTY);
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

function exitCodeFor(err: unknown, verbose: boolean, dbPath: string, argv: string[]): number {
  if (err instanceof CommanderError) {
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help')
      return EXIT.ok;
    // commander has printed its message through outputError; the hint names the command's help
    // (`pm hyp outcome`: an unknown word under a known one is hyp's, so `pm hyp --help`)
    const word = commandWord(argv);
    const known = word !== undefined && Object.hasOwn(AREA_OF, word);
    writeErr(`try: pm ${known ? `${word} ` : ''}--help\n`);
    return EXIT.usage;
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
}

let running = false;

/**
 * Run pm with `argv` (the words after `pm`) and return its exit code. Nothing here touches the
 * process (exit, umask, signals: main()), so tests run commands in-process, one run at a time.
 */
export async function run(argv: string[], opts: RunOptions = {}): Promise<number> {
  if (running) throw new Error('pm run() called while another run is in progress: await each run');
  running = true;
  beginRun(opts.env ?? process.env);
  redirect(opts.stdio);
  const verbose = argv.includes('-v') || argv.includes('--verbose');
  let code: number = EXIT.ok;
  try {
    await buildProgram(argv).parseAsync(argv, { from: 'user' });
  } catch (err) {
    const dbPath = activeContext()?.dbPath ?? '';
    code = exitCodeFor(err, verbose, dbPath, argv);
  } finally {
    activeContext()?.close();
    redirect(undefined);
    running = false;
  }
  return code;
}

/** The process's start (bin/pm.js): what belongs to the process, then the run. */
export async function main(argv: string[]): Promise<void> {
  // Every file pm creates (journal, -wal, -shm, backups, exports) is the owner's alone.
  process.umask(0o077);
  process.on('SIGINT', () => {
    writeErr('\npm: interrupted, nothing saved\n');
    process.exit(EXIT.interrupted);
  });
  process.exitCode = await run(argv);
}
