// What every command gets: the global options, the journal (opened on demand, read-only or for
// writing), "today", and the output streams. Commands never touch process.stdout directly, so the
// same code prints JSON, plain text or colour, and tests can run it.
import type { ChalkInstance } from 'chalk';
import {
  checkpointForExit,
  hasPendingErasure,
  openForRead,
  openForWrite,
  readConfig,
  resolveJournalPath,
  writeTransaction,
  writeTransactionAsync,
  type Journal,
} from './db/journal.js';
import { today as localToday, pinnedToday } from './core/dates.js';
import { isTerminal, NO_WIDTH, terminalColumns, terminalRows, writeErr, writeOut } from './io.js';
import type { Config } from './core/config.js';
import { UsageError } from './errors.js';
import { refuseNonUtf8Path } from './files.js';
import { safe } from './core/text.js';

export interface GlobalOptions {
  db?: string;
  json?: boolean;
  /** --color auto|always|never; false: --no-color */
  color?: boolean | string;
  quiet?: boolean;
  verbose?: boolean;
}

export class Context {
  private journal?: Journal;
  /** the command names a journal that does not exist itself (pm doctor): src/cli.ts need not */
  namesMissingJournal = false;
  /** what finishing an interrupted erasure did when this command opened the journal, if it did */
  erasureFinished?: import('./db/erasure.js').Finished;
  private cachedConfig?: Config;
  readonly color: ChalkInstance;
  readonly stdoutIsTTY: boolean;

  constructor(
    readonly globals: GlobalOptions,
    readonly env: NodeJS.ProcessEnv = process.env,
  ) {
    // a PM_TODAY that is not a date is a usage error for every command, not only those that date things
    pinnedToday(env.PM_TODAY);
    this.stdoutIsTTY = isTerminal(1);
    const level = colorLevel(globals, env, this.stdoutIsTTY);
    // chalk is loaded only to colour: into a pipe, a file or with NO_COLOR its styles would return
    // the text as it is, and loading it costs ~1 ms at every start
    this.color = level === 0 ? NO_COLOR : new (require('chalk') as typeof import('chalk')).Chalk({ level });
  }

  get json(): boolean {
    return Boolean(this.globals.json);
  }

  get dbPath(): string {
    // `--db "$TEAM"` with TEAM unset wrote to $PM_DB or the default journal without a word (fresh-eyes
    // wave 11 E2); refused as every other empty value is. A blank $PM_DB stays "unset".
    if (this.globals.db !== undefined && this.globals.db.trim() === '')
      throw new UsageError('--db is empty', "give the journal's path, or leave --db out to use $PM_DB or the default");
    const path = resolveJournalPath(this.globals.db, this.env);
    refuseNonUtf8Path(this.globals.db !== undefined ? '--db' : this.env.PM_DB?.trim() ? '$PM_DB' : 'the journal', path);
    return path;
  }

  /** Interactive prompts are possible: both stdin and stdout are terminals. */
  get interactive(): boolean {
    return this.stdoutIsTTY && isTerminal(0);
  }

  /**
   * Width for cutting columns of text output: the terminal's; else $COLUMNS when set; else none to
   * speak of, so that `pm ls | grep` and a cron mail of the report keep every word.
   */
  get width(): number {
    const terminal = this.stdoutIsTTY ? terminalColumns() : undefined;
    if (terminal && terminal > 20) return terminal;
    const columns = Number(this.env.COLUMNS);
    if (Number.isInteger(columns) && columns > 20) return columns;
    return NO_WIDTH;
  }

  /**
   * Rows the text output should fit in: the terminal's; else $LINES when set; else none (a pipe or a
   * file takes every line).
   */
  get height(): number | undefined {
    const terminal = this.stdoutIsTTY ? terminalRows() : undefined;
    if (terminal && terminal > 5) return terminal;
    const lines = Number(this.env.LINES);
    if (Number.isInteger(lines) && lines > 5) return lines;
    return undefined;
  }

  /** Today in the local time zone. PM_TODAY=YYYY-MM-DD pins it (tests, demos). */
  get today(): string {
    return pinnedToday(this.env.PM_TODAY) ?? localToday();
  }

  /** Who holds the conversations: user.name, else the OS user. */
  defaultBy(config: Config): string {
    if (config['user.name']) return config['user.name'];
    try {
      return this.env.USER || process.getBuiltinModule('node:os').userInfo().username;
    } catch {
      return 'me';
    }
  }

  /**
   * The journal for reading (never created: a missing journal reads as empty). One whose erasure
   * was interrupted is opened for writing first, to finish it: nothing of the person is ever read.
   */
  read(): Journal {
    if (!this.journal) {
      this.journal = openForRead(this.dbPath, this.env);
      if (!this.journal.missing && this.journal.readonly && hasPendingErasure(this.journal.db)) {
        try {
          this.write();
        } catch (err) {
          this.warn(`an interrupted erasure could not be finished: ${(err as Error).message}`);
          this.journal ??= openForRead(this.dbPath, this.env);
          // read from a copy in memory (a folder pm cannot write): scrub the copy, so that nothing of
          // the person is read even though the file keeps them until pm can write it (review R2)
          if (this.journal.copy) {
            const { scrubPending } = require('./db/erasure.js') as typeof import('./db/erasure.js');
            scrubPending(this.journal.db);
          }
        }
      }
    }
    return this.journal;
  }

  /**
   * The command read a journal that does not exist (an empty one in memory) and wrote none: a typo'd
   * --db or $PM_DB reads as an empty journal, so src/cli.ts names the path it looked at.
   */
  get readMissingJournal(): boolean {
    return this.journal?.missing === true && !this.namesMissingJournal;
  }

  /**
   * The command only read a journal, and it holds no conversation and no hypothesis (or does not exist):
   * what it printed is the empty journal's answer, not the view a user's runs show (bin/pm.js, through
   * src/cli.ts didItsWork). Asked after the run: a read-only journal is left open for the exit.
   */
  get readEmptyJournal(): boolean {
    const journal = this.journal;
    if (!journal?.readonly) return false;
    if (journal.missing) return true;
    try {
      return !journal.db
        .prepare('SELECT EXISTS (SELECT 1 FROM interviews) OR EXISTS (SELECT 1 FROM hypotheses)')
        .pluck()
        .get();
    } catch {
      return true;
    }
  }

  /** The journal for writing (created and migrated when needed; an interrupted erasure finished first). */
  write(): Journal {
    if (!this.journal || this.journal.readonly) {
      this.journal?.db.close();
      this.journal = undefined;
      this.journal = openForWrite(this.dbPath, this.env);
      this.cachedConfig = undefined;
      if (hasPendingErasure(this.journal.db)) this.finishErasures();
    }
    return this.journal;
  }

  /**
   * Finish what an interrupted `pm forget` (or import) left: scrub, rewrite the file, and say so.
   * A failure here (a full disk) is a warning: the command goes on, and the next one tries again.
   */
  finishErasures(): import('./db/erasure.js').Finished | undefined {
    const { finishErasures } = require('./db/erasure.js') as typeof import('./db/erasure.js');
    try {
      const done = finishErasures(this.journal!.db);
      this.erasureFinished = done;
      if (done.rewritten && !done.walHeld)
        this.info(
          `pm: finished an erasure that was ` +
            `interrupted` +
            (done.scrubbed ? ` (${done.scrubbed} ${done.scrubbed === 1 ? 'person' : 'people'} scrubbed)` : '') +
            ": the journal's files were rewritten without the person",
        );
      else
        this.warn(
          'an interrupted erasure is not finished: another program has the journal open; pm tries again at its ' +
            'next command (or: pm forget --resume)',
        );
      return done;
    } catch (err) {
      this.warn(
        `an interrupted erasure could not be finished (${(err as Error).message}); pm tries again at its next ` +
          `command (or: pm forget --resume)`,
      );
      return undefined;
    }
  }

  /**
   * Whether this command has saved something that lasts (a committed transaction, a backup or an
   * export file): an output that then fails must say so (src/cli.ts), or a retry does it twice.
   */
  saved = false;

  /** Run fn inside one BEGIN IMMEDIATE transaction on the writable journal. */
  transaction<T>(fn: (journal: Journal) => T): T {
    const journal = this.write();
    const result = writeTransaction(journal, () => fn(journal));
    this.saved = true;
    return result;
  }

  /** transaction() for work that awaits before it commits (a checkpoint for signals). */
  async transactionAsync<T>(fn: (journal: Journal) => Promise<T>): Promise<T> {
    const journal = this.write();
    const result = await writeTransactionAsync(journal, () => fn(journal));
    this.saved = true;
    return result;
  }

  config(): Config {
    if (!this.cachedConfig) this.cachedConfig = readConfig((this.journal ?? this.read()).db);
    return this.cachedConfig;
  }

  invalidateConfig(): void {
    this.cachedConfig = undefined;
  }

  /**
   * `atExit`: the process ends right after (main()), and a read-only connection is left for the
   * exit to end: it has nothing to write back, and closing it (sqlite3_close freeing the page
   * cache, the parsed schema and each prepared statement piece by piece, and the allocator giving
   * memory back) cost every read command ~0.4-0.5 ms of CPU. A connection that wrote is left too
   * once its WAL is copied into the file and emptied (checkpointForExit: what its close would do);
   * else, a reader or writer of another process holding frames back, it is closed as before.
   */
  close(atExit = false): void {
    if (atExit && this.journal?.readonly) return;
    if (atExit && this.journal && checkpointForExit(this.journal.db)) return;
    if (this.journal) {
      try {
        this.journal.db.close();
      } catch {
        /* closing twice or after a failed open is harmless */
      }
      this.journal = undefined;
    }
  }

  /** Data for the user, on stdout. */
  out(text: string): void {
    writeOut(text.endsWith('\n') ? text : text + '\n');
  }

  /** Data for the user, on stdout, line by line as they are made: written in pieces of ~64 KB. */
  outLines(lines: Iterable<string>): void {
    let piece = '';
    for (const line of lines) {
      piece += line + '\n';
      if (piece.length >= 65536) {
        writeOut(piece);
        piece = '';
      }
    }
    if (piece) writeOut(piece);
  }

  /** Machine output: one JSON document on stdout. */
  printJson(value: unknown): void {
    writeOut(JSON.stringify(value, null, 2) + '\n');
  }

  /** Messages about what happened, on stderr; silenced by --quiet. */
  info(text: string): void {
    if (!this.globals.quiet) writeErr(text + '\n');
  }

  /**
   * A warning on stderr, its control characters shown rather than sent (as errors' are, src/cli.ts): a
   * name or path in it may hold what came from a file or a teammate (review wave 13 R9).
   */
  warn(text: string): void {
    writeErr(`pm: warning: ${safe(text)}\n`);
  }

  verbose(text: string): void {
    if (this.globals.verbose) writeErr(text + '\n');
  }
}

/** What chalk at level 0 gives: every style (chained too) returns its text as it is. */
export const NO_COLOR: ChalkInstance = new Proxy(
  (...text: unknown[]) => (text.length === 1 ? String(text[0]) : text.join(' ')),
  { get: (target, key) => (key === 'level' ? 0 : key in target ? Reflect.get(target, key) : NO_COLOR) },
) as unknown as ChalkInstance;

/** What --color takes. */
export const COLOR_WHEN = ['auto', 'always', 'never'] as const;

/**
 * How much colour stdout gets (chalk's levels). --no-color and --color never: none; --color always:
 * some, whatever the environment. --color auto (the default): none with NO_COLOR (set and not
 * empty, https://no-color.org: it wins over FORCE_COLOR), FORCE_COLOR=0 or false; else FORCE_COLOR's
 * level when set; else none off a terminal; else what TERM and COLORTERM say the terminal shows.
 */
export function colorLevel(globals: GlobalOptions, env: NodeJS.ProcessEnv, isTTY: boolean): 0 | 1 | 2 | 3 {
  const when = globals.color === false ? 'never' : typeof globals.color === 'string' ? globals.color : 'auto';
  if (!(COLOR_WHEN as readonly string[]).includes(when))
    throw new UsageError(`--color: ${JSON.stringify(when)} is not auto, always or never`, 'try: --color always');
  if (when === 'never') return 0;
  const force = env.FORCE_COLOR;
  const forced = force === undefined || force === '0' || force === 'false' ? undefined : Number(force);
  if (when === 'always') return forced === 2 || forced === 3 ? forced : (Math.max(1, terminalDepth(env)) as 1 | 2 | 3);
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  if (force === '0' || force === 'false') return 0;
  if (forced !== undefined) return forced === 2 || forced === 3 ? forced : 1;
  return isTTY ? terminalDepth(env) : 0;
}

/** The colours a terminal shows, from what TERM and COLORTERM say. */
function terminalDepth(env: NodeJS.ProcessEnv): 0 | 1 | 2 | 3 {
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 3;
  if (env.TERM && /256/.test(env.TERM)) return 2;
  if (env.TERM === 'dumb') return 0;
  return 1;
}
