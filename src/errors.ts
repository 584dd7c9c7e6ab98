// Typed errors, mapped to exit codes in one place (src/cli.ts). Commands throw; only the CLI exits.
import { shellWord } from './core/text.js';

export const EXIT = {
  ok: 0,
  journal: 1, // the journal could not be read or written
  usage: 2, // bad input, unknown id, a move the rules forbid
  flagged: 3, // `pm report --check` raised an actionable flag
  hangup: 129, // SIGHUP: the terminal went away
  interrupted: 130, // Ctrl-C (SIGINT)
  terminated: 143, // SIGTERM
} as const;

export class PmError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
    readonly hint?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad input from the user: exit 2. */
export class UsageError extends PmError {
  constructor(message: string, hint?: string) {
    super(message, EXIT.usage, hint);
  }
}

/** The journal cannot be read or written: exit 1. */
export class JournalError extends PmError {
  constructor(message: string, hint?: string) {
    super(message, EXIT.journal, hint);
  }
}

/**
 * A command whose whole point is the journal's content, run where there is none: cron without the
 * PM_DB the shell sets reads no journal, and its "nothing logged" (or an empty file written over last
 * night's) reads as a lost journal. Exit 1, as pm doctor does.
 */
export function noJournalFor(path: string, what: string): JournalError {
  return new JournalError(
    `no journal at ${path}: nothing to ${what}`,
    'pm log makes it; if you meant another: --db or $PM_DB (cron does not see the PM_DB your shell sets: ' +
      'set it in the crontab)',
  );
}

/** The user pressed Ctrl-C (exit 130) or pm got SIGTERM (143); the message says what was saved. */
export class Interrupted extends PmError {
  constructor(message = 'interrupted, nothing saved', code: number = EXIT.interrupted) {
    super(message, code);
  }
}

/**
 * Standard output could not be written (a full disk behind `> file`, /dev/full, an I/O error): exit
 * 1. `unwritten` is what pm was printing, so that a command that had already saved its work can
 * say what was saved (src/cli.ts) rather than let a retry do it twice.
 */
export class OutputError extends PmError {
  constructor(
    readonly reason: string,
    readonly unwritten: string,
  ) {
    super(`cannot write the output (${reason})`, EXIT.journal);
  }
}

/** Not an error: a command that wants a particular exit code after printing (report --check). */
export class ExitWith extends PmError {
  constructor(code: number) {
    super('', code);
  }
}

/** stdout's reader went away (EPIPE: `pm ls | head`): pm ends quietly, exit 0 unless a --check says more. */
export class ReaderGone extends ExitWith {
  constructor() {
    super(EXIT.ok);
  }
}

/** Turn a SQLite error into something a person can act on. */
export function fromSqliteError(err: unknown, dbPath: string): PmError | undefined {
  const code = (err as { code?: string } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return undefined;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
    return new JournalError(
      `the journal is locked by another process: ${dbPath}`,
      'try again in a moment; if it persists, find the process holding it (fuser ' + dbPath + ')',
    );
  if (code === 'SQLITE_FULL')
    return new JournalError(
      `the disk is full, nothing was written: ${dbPath}`,
      'free some space and run the command again',
    );
  if (code.startsWith('SQLITE_READONLY'))
    return new JournalError(
      `the journal is read-only: ${dbPath}`,
      'check the permissions of the file and its folder (pm needs to write both)',
    );
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT'))
    return new JournalError(
      `the journal is corrupt or not a database: ${dbPath}`,
      'check that --db or $PM_DB names your journal; if it is and it is damaged, restore a copy ' +
        `(journal.db.bak-v*, or one made by pm backup before it broke); with none, save what can be read: ` +
        `sqlite3 ${shellWord(dbPath)} .recover | sqlite3 saved.db, then pm --db saved.db doctor`,
    );
  if (code.startsWith('SQLITE_CANTOPEN'))
    return new JournalError(`cannot open the journal: ${dbPath}`, 'check that its folder exists and is writable');
  if (code.startsWith('SQLITE_IOERR'))
    return new JournalError(
      `the journal could not be read or written (${code}): ${dbPath}`,
      'check the disk (space, permissions, file-size limits) and run the command again',
    );
  return undefined;
}
