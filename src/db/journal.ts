// Opening the journal: the one place that knows the file's rules (contract: "The journal file").
// An existing file is first opened read-only and checked (application_id, user_version) so that a
// foreign, corrupt or newer file is refused before anything can change it. Reads then use that
// read-only connection; writes reopen read-write with WAL, synchronous=FULL, foreign keys on and a
// busy timeout, migrating first (after a backup copy) when the schema is older.
import Database from 'better-sqlite3';
import {
  accessSync,
  closeSync,
  constants,
  existsSync,
  fsyncSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  type Stats,
  statSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { JournalError, fromSqliteError } from '../errors.js';
import { MIGRATIONS, SCHEMA_VERSION, type Migration } from './migrations.js';
import FRESH_SCHEMA from 'pm:fresh-schema';
import { configFromRows, type Config } from '../core/config.js';
import { uuidv7 } from '../core/uuid.js';
import { type Destination, destination, removeQuietly, stage, syncFolder, temporaryBeside } from '../files.js';

export type DB = Database.Database;

/** 'pmJ1' in ASCII: marks a SQLite file as a pm journal. */
export const APPLICATION_ID = 0x706d4a31;

export interface Journal {
  db: DB;
  path: string;
  /** true for a read-only connection, or the in-memory stand-in for a journal not yet created */
  readonly: boolean;
  /** the journal file does not exist yet (reads see an empty journal; nothing is created) */
  missing: boolean;
  /** read from a copy in memory: the folder cannot be written (openCopyInMemory); changes stay there */
  copy?: true;
  /** for a copy: the file's own schema version and journal mode (the copy may be upgraded, and is not WAL) */
  file?: { schemaVersion: number; journalMode: 'wal' | 'delete' };
}

// where the journal is: its own module, which `pm __complete` (src/complete.ts) loads without the rest
export { defaultJournalPath, resolveJournalPath } from './journal-path.js';

function busyTimeoutMs(env: NodeJS.ProcessEnv): number {
  const v = Number(env.PM_BUSY_TIMEOUT_MS);
  return Number.isFinite(v) && v >= 0 ? v : 5000;
}

/**
 * What is at the journal's path: nothing yet, an empty file (one another pm is creating, or made by
 * hand), or a file to check. Anything else is exit 1, before SQLite touches it: a device or a
 * folder (PM_DB=/dev/null must not become a journal, nor be chmodded), and a path pm cannot follow
 * (a folder it may not enter, a loop of links), which must never read as an empty journal.
 */
function journalState(path: string): 'missing' | 'empty' | 'present' {
  let stat: Stats;
  try {
    stat = statSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'missing';
    const reason =
      code === 'EACCES' || code === 'EPERM'
        ? 'permission denied (a folder on its path cannot be entered)'
        : code === 'ELOOP'
          ? 'its path is a loop of symbolic links'
          : code === 'ENOTDIR'
            ? 'a part of its path is not a folder'
            : (err as Error).message;
    throw new JournalError(
      `cannot read the journal ${path}: ${reason}`,
      'check the path and the permissions of its folders, or pass another journal with --db',
    );
  }
  if (!stat.isFile()) {
    const what = stat.isDirectory()
      ? 'a folder'
      : stat.isCharacterDevice()
        ? 'a character device'
        : stat.isBlockDevice()
          ? 'a block device'
          : stat.isFIFO()
            ? 'a named pipe'
            : 'not a regular file';
    throw new JournalError(
      `the journal ${path} is ${what}, not a file; pm leaves it untouched`,
      'pass the path of a journal file (or of one to create) with --db or $PM_DB',
    );
  }
  return stat.size > 0 ? 'present' : 'empty';
}

/**
 * Open read-only and check that this is a pm journal we can read; returns the open connection.
 * `keep`: the connection stays open for reading, and the check counts the schema's entries, which
 * makes SQLite read (and refuse, if corrupt) the schema that its first statement would read anyway.
 * A write closes the connection at once, so its check reads the header's two numbers alone: no
 * statement names a table, so SQLite does not parse the schema (~190 entries: ~1.5 ms of CPU) only
 * to throw it away; the read-write connection parses it at its first pragma, before anything can
 * change the file, and refuses a corrupt one there in the same words (journal-open.test.ts). Not
 * when the -wal holds frames (a writer still at work, or one that crashed): the read-write
 * connection that refused the file would copy them into it as it closed, so the schema is read here.
 */
export function openChecked(path: string, env: NodeJS.ProcessEnv, keep: boolean): { db: DB; version: number } {
  let db: DB | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, timeout: busyTimeoutMs(env) });
    // One snapshot: read one by one, another pm's migration could commit between the reads
    // (application id 0 read before it, its user_version after: "not a pm journal").
    let appId: number, version: number, tables: number;
    if (keep || walHolds(path))
      [appId, version, tables] = db
        .prepare(`SELECT (SELECT application_id FROM pragma_application_id),
        (SELECT user_version FROM pragma_user_version), (SELECT count(*) FROM sqlite_schema)`)
        .raw()
        .get() as [number, number, number];
    else {
      // one read transaction holds one snapshot across the statements
      db.exec('BEGIN');
      appId = db.pragma('application_id', { simple: true }) as number;
      version = db.pragma('user_version', { simple: true }) as number;
      tables =
        appId === 0 && version === 0 ? (db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get() as number) : 1;
      db.exec('COMMIT');
    }
    // An empty database is one another pm has just created and is still migrating (its schema is
    // not committed yet): treat it as new; the migration re-checks user_version under the lock.
    if (appId === 0 && version === 0 && tables === 0) return { db, version: 0 };
    checkIdentity(path, appId, version);
    return { db, version };
  } catch (err) {
    db?.close();
    if (folderReadOnly(err, path)) throw new FolderReadOnly(path);
    throw asJournalError(err, path);
  }
}

/**
 * SQLite's answer when a journal in WAL mode sits in a folder this user cannot write: even a
 * read-only connection needs the -shm (the -wal's index) beside the file, and cannot make it.
 */
function folderReadOnly(err: unknown, path: string): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  // On a read-only file system (a mounted backup disk, a snapshot: fresh-eyes H21) SQLite cannot
  // make the -shm either, but says CANTOPEN, as it does for a path that is wrong: the folder tells.
  // So does a journal its owner shared (the file readable) whose -wal and -shm, left by the owner's
  // last command, are the owner's alone (0600): this user can neither open them nor make others.
  return (
    code === 'SQLITE_READONLY_DIRECTORY' ||
    (code === 'SQLITE_CANTOPEN' && (readOnlyMount(path) || (!folderWritable(path) && readable(path))))
  );
}

/** Whether this user may read the file. */
function readable(path: string): boolean {
  try {
    accessSync(path, constants.R_OK);
    return true;
  } catch {
    return false;
  }
}

/** Whether the journal's folder is on a file system mounted read-only. */
function readOnlyMount(path: string): boolean {
  try {
    accessSync(dirname(path), constants.W_OK);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EROFS';
  }
}

/** A journal in a folder pm cannot write: refused for writes (naming the folder); reads read a copy. */
export class FolderReadOnly extends JournalError {
  constructor(path: string) {
    super(
      `cannot write the journal's folder ${dirname(path)}${readOnlyMount(path) ? ' (a read-only file system)' : ''}: ` +
        `SQLite keeps its -wal and -shm files beside the journal, so nothing can be written to ${path}`,
      'reading commands (pm ls, show, report, export, pm backup PATH elsewhere) still work; to write, ' +
        'get write access to that folder or copy the journal somewhere you can write',
    );
  }
}

/**
 * Reads of a journal in a folder pm cannot write (a teammate's shared folder, a read-only mount:
 * fresh-eyes E6): the file read whole into memory and opened there, marked as a rollback-journal
 * file (bytes 18-19) since an in-memory database cannot be in WAL mode; an older schema is upgraded
 * in that copy only. Only when no -wal holds frames: those are part of the journal, and reading them
 * needs the -shm SQLite could not make, so such a journal is refused. The file is read between two
 * looks at it and the -wal; a change meanwhile (its owner writing) is refused too: run it again.
 */
export function openCopyInMemory(path: string, env: NodeJS.ProcessEnv): OpenedBytes {
  const unreadable = (why: string) =>
    new JournalError(
      `cannot read the journal ${path}: pm cannot write its folder ${dirname(path)}, and ${why}`,
      'run any pm command on it as a user who can write that folder (that puts the -wal into the file), ' +
        'or copy the journal and its -wal somewhere you can write',
    );
  const look = () => {
    const s = statSync(path);
    return `${s.size}:${s.mtimeMs}:${walHolds(path)}`;
  };
  const before = look();
  if (walHolds(path)) throw unreadable('its -wal holds changes not yet in the file');
  const bytes = readFileSync(path);
  if (look() !== before) throw unreadable('it changed while pm read it');
  return openBytes(bytes, path, env);
}

interface OpenedBytes {
  db: DB;
  version: number;
  /** what the file was before the copy was upgraded and marked rollback-journal (pm doctor shows it) */
  file: NonNullable<Journal['file']>;
}

/** A journal's bytes (the file, or a connection's serialize()) opened in memory, checked, upgraded there. */
function openBytes(bytes: Buffer, path: string, env: NodeJS.ProcessEnv): OpenedBytes {
  const wal = bytes.length >= 100 && bytes[18] === 2 && bytes[19] === 2;
  if (wal) bytes[18] = bytes[19] = 1;
  let db: DB | undefined;
  try {
    db = new Database(bytes, { timeout: busyTimeoutMs(env) });
    const appId = db.pragma('application_id', { simple: true }) as number;
    const version = db.pragma('user_version', { simple: true }) as number;
    checkIdentity(path, appId, version);
    if (version < SCHEMA_VERSION) runMigrations(db, version);
    return { db, version, file: { schemaVersion: version, journalMode: wal ? 'wal' : 'delete' } };
  } catch (err) {
    db?.close();
    throw asJournalError(err, path);
  }
}

/** A pm journal this pm can read: its application id, and a schema no newer than this pm's. */
function checkIdentity(path: string, appId: number, version: number): void {
  if (appId !== APPLICATION_ID) {
    throw new JournalError(
      `not a pm journal: ${path}`,
      'pass the right file with --db, or move this one away; pm leaves it untouched',
    );
  }
  if (version > SCHEMA_VERSION) {
    throw new JournalError(
      `the journal was made by a newer version of pm (schema ${version}, this pm knows ${SCHEMA_VERSION}): ${path}`,
      'upgrade pm; this journal was left untouched',
    );
  }
}

/** Whether this user may make files in the journal's folder (root may anywhere). */
function folderWritable(path: string): boolean {
  try {
    accessSync(dirname(path), constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Whether the journal's -wal holds anything (frames not yet copied into the file). */
function walHolds(path: string): boolean {
  try {
    return statSync(`${path}-wal`).size > 0;
  } catch {
    return false;
  }
}

export function asJournalError(err: unknown, path: string): unknown {
  const mapped = fromSqliteError(err, path);
  return mapped ?? err;
}

function memoryJournal(path: string): Journal {
  const db = new Database(':memory:');
  runMigrations(db, 0);
  return { db, path, readonly: true, missing: true };
}

/** For commands that only read. A missing journal reads as an empty one and is not created. */
export function openForRead(path: string, env: NodeJS.ProcessEnv = process.env): Journal {
  if (journalState(path) !== 'present') return memoryJournal(path);
  let checked: { db: DB; version: number };
  try {
    checked = openChecked(path, env, true);
  } catch (err) {
    if (!(err instanceof FolderReadOnly)) throw err;
    const { db, file } = openCopyInMemory(path, env);
    return { db, path, readonly: true, missing: false, copy: true, file };
  }
  const { db, version } = checked;
  if (version < SCHEMA_VERSION) {
    // an upgrade first writes a copy beside the journal: in a folder pm cannot write, read one snapshot
    // of it (the -wal's changes included) upgraded in memory, as for a journal SQLite cannot open there
    if (!folderWritable(path)) {
      try {
        const copy = openBytes(db.serialize(), path, env);
        return { db: copy.db, path, readonly: true, missing: false, copy: true, file: copy.file };
      } finally {
        db.close();
      }
    }
    db.close();
    return openForWrite(path, env);
  }
  return { db, path, readonly: true, missing: false };
}

/** For commands that write: creates the journal (and its 0700 folder) when needed, migrates it. */
export function openForWrite(path: string, env: NodeJS.ProcessEnv = process.env): Journal {
  const state = journalState(path);
  const exists = state === 'present';
  let version = 0;
  if (exists) {
    const checked = openChecked(path, env, false);
    version = checked.version;
    checked.db.close();
  } else makeFolder(path);
  // A new journal is made here, owner-only, rather than by SQLite and chmodded after: pm never
  // changes the mode of a file it did not create (an empty file made by hand keeps its own).
  if (state === 'missing') {
    sweepAbandoned(path);
    try {
      closeSync(openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600));
    } catch {
      // EEXIST: another pm made it meanwhile; anything else (a folder pm may not write) is said
      // by SQLite's open below, in the words every other command uses
    }
  }
  let db: DB | undefined;
  try {
    db = new Database(path, { timeout: busyTimeoutMs(env) });
    walMode(db, busyTimeoutMs(env));
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    if (version < SCHEMA_VERSION) {
      if (exists && version > 0) backupBeforeMigration(db, path, version);
      runMigrations(db, version);
    }
    return { db, path, readonly: false, missing: false };
  } catch (err) {
    db?.close();
    if (folderReadOnly(err, path)) throw new FolderReadOnly(path);
    throw asJournalError(err, path);
  }
}

/** The journal's folder, made owner-only when it does not exist. */
function makeFolder(path: string): void {
  const dir = dirname(path);
  if (existsSync(dir)) return;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (err) {
    throw new JournalError(
      `cannot create the journal's folder ${dir}: ${(err as Error).message}`,
      'check the path and its permissions, or pass another with --db',
    );
  }
}

/**
 * The temporary files of imports into this path that a crash or a kill -9 left (stageNewJournal): a
 * signal or an error removes its own, but nothing runs after SIGKILL or a power cut, and such a file
 * holds the whole import (people pm forget would not find there). Removed when the process that made
 * it (its name holds its pid) is gone.
 */
function sweepAbandoned(path: string): void {
  const stem = `.${basename(path)}.`;
  let names: string[];
  try {
    names = readdirSync(dirname(path));
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(stem)) continue;
    // (`.link.tmp`: makesLinks's second name of an empty one)
    const pid = /^(\d+)\.\d+(?:\.link)?\.tmp$/.exec(name.slice(stem.length))?.[1];
    if (pid && !running(Number(pid))) removeQuietly(join(dirname(path), name));
  }
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code !== 'ESRCH'; // EPERM: another user's, running
  }
}

/** Can the folder of `tmp` (an empty file of pm's own) hold a second link to it? */
function makesLinks(tmp: string): boolean {
  const probe = tmp.replace(/\.tmp$/, '.link.tmp');
  try {
    linkSync(tmp, probe);
  } catch {
    return false;
  }
  removeQuietly(probe);
  return true;
}

/** A new journal being built in a temporary file beside its path (stageNewJournal). */
export interface StagedJournal {
  journal: Journal;
  /**
   * Put the finished journal at its path (after its last transaction committed): true, or false when
   * something is at the path now (another pm created the journal meanwhile, or the folder's file
   * system makes no hard links); either way the temporary file is gone.
   */
  install(): boolean;
  /** Throw it away: nothing is left at the path nor beside it. */
  abandon(): void;
}

/**
 * For `pm import` into a journal that does not exist yet: the journal is built in a temporary file
 * beside its path (0600, the folder made 0700 as for any new journal) and linked into place once
 * complete; undefined when something is at the path already (the usual write path handles it).
 * Why: written the usual way, each of the 100k journal's ~300 MB of pages went into the -wal, then
 * the checkpoint copied them into the file (twice the writes, ~1 s more of CPU on the harsh 100k,
 * issue 18). A file nobody else can see needs neither the -wal nor a rollback journal on disk, nor
 * an fsync per commit: its rollback journal is kept in memory (a failed import still rolls back;
 * an interrupted one is thrown away whole), then it is switched to WAL, flushed, and linked.
 * link(2), unlike rename, fails where a file exists: a journal another pm created meanwhile is
 * never replaced, and a crash leaves either no journal or the whole one, never a half-made file.
 */
export function stageNewJournal(path: string, env: NodeJS.ProcessEnv = process.env): StagedJournal | undefined {
  try {
    lstatSync(path);
    return undefined;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') return undefined;
  }
  makeFolder(path);
  sweepAbandoned(path);
  let tmp: string;
  try {
    const made = temporaryBeside(path);
    closeSync(made.fd);
    tmp = made.tmp;
  } catch {
    return undefined; // a folder pm may not write: the usual path says so, in its words
  }
  // a file system without hard links (FAT, some shares) could not put the journal in place at the
  // end, and the whole import ran again the usual way (review wave 17 R6): asked first, on the empty
  // file, the usual way it is then from the start
  if (!makesLinks(tmp)) {
    removeQuietly(tmp);
    return undefined;
  }
  let db: DB | undefined;
  const abandon = () => {
    try {
      if (db?.open) db.close();
    } catch {
      /* already failing */
    }
    removeQuietly(tmp);
  };
  try {
    db = new Database(tmp, { timeout: busyTimeoutMs(env) });
    db.pragma('journal_mode = MEMORY');
    db.pragma('synchronous = OFF');
    db.pragma('foreign_keys = ON');
    runMigrations(db, 0);
  } catch (err) {
    abandon();
    throw asJournalError(err, path);
  }
  const journal: Journal = { db, path, readonly: false, missing: false };
  return {
    journal,
    abandon,
    install() {
      try {
        db!.pragma('journal_mode = WAL');
        db!.close();
        const fd = openSync(tmp, constants.O_RDONLY);
        try {
          fsyncSync(fd);
        } finally {
          closeSync(fd);
        }
      } catch (err) {
        abandon();
        throw asJournalError(err, path);
      }
      try {
        linkSync(tmp, path);
      } catch {
        // EEXIST: made meanwhile; EPERM/ENOTSUP: a file system without hard links (FAT, some shares)
        abandon();
        return false;
      }
      removeQuietly(tmp);
      syncFolder(dirname(path));
      return true;
    },
  };
}

/**
 * WAL mode: set by a journal's first write, found set by every later one. A new file is still in
 * SQLite's rollback mode, and switching it reads page 1, then asks for the write lock without
 * waiting (a reader that waited for a write lock could deadlock with another), so of several pm
 * making one journal at once, all but one failed at once with "locked" (test/slow/concurrency.test.ts,
 * journal-open.test.ts). Each attempt ends its read, so the one holding the lock finishes; the others
 * try again until the busy timeout, as SQLite waits for every other lock.
 */
function walMode(db: DB, timeoutMs: number): void {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      db.pragma('journal_mode = WAL');
      return;
    } catch (err) {
      const code = (err as { code?: string }).code ?? '';
      if (!code.startsWith('SQLITE_BUSY') || Date.now() >= until) throw err;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
    }
  }
}

/**
 * At the end of a process that wrote (Context.close at exit): the WAL copied into the file, the file
 * synced, the WAL emptied (TRUNCATE), which is what the connection's close would do (docs/decisions.md:
 * the file alone holds everything between commands), so that the connection can be left for the exit
 * as a reader's is. The close also freed the schema and every statement piece by piece, and unlinked
 * the -wal and -shm, which the next command's first connection then made again: ~1.5 ms of a pm log's
 * CPU (docs/performance.md, wave 17). The empty -wal and the -shm stay, as after any read. False, to be
 * closed as before, inside a transaction or when another connection holds frames back (a reader of an
 * older snapshot, a writer): not waited for, as the close would not wait.
 */
export function checkpointForExit(db: DB): boolean {
  if (!db.open || db.inTransaction) return false;
  try {
    db.pragma('busy_timeout = 0');
    const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number }[];
    return result?.busy === 0 && result.log <= 0;
  } catch {
    return false;
  }
}

/**
 * A write's statement journal kept in memory (`temp_store = MEMORY`), for a command whose write is small
 * (pm log). SQLite keeps, for each statement that may fail half-way, the pages it changes as they
 * were, so that the statement alone can be undone; past 64 KiB it spills them to a file it makes and
 * unlinks in the temporary folder ($SQLITE_TMPDIR, $TMPDIR, /var/tmp…), and a log's interview insert
 * (the row, its indexes, the summaries its triggers keep) touches ~50 pages: ~200 KB of the journal's
 * pages written outside its 0700 folder at every log, and ~0.6 ms of CPU (docs/performance.md, wave 18).
 * Not for every write: the same setting keeps temporary tables and sorts in memory, which an import of
 * 100,000 conversations (its indexes built after the rows) needs on disk.
 */
export function statementJournalInMemory(db: DB): void {
  db.pragma('temp_store = MEMORY');
}

/** A consistent copy of the journal into `path`, an empty file (VACUUM INTO reads one snapshot). */
export function vacuumInto(db: DB, path: string): void {
  db.prepare('VACUUM INTO ?').run(path);
}

/**
 * A copy of the journal into a file destination (src/files.ts): written to a temporary file pm
 * makes (0600) and renamed over the target only once complete, so an old copy stays whole until
 * the new one is.
 */
export function copyJournal(db: DB, target: Extract<Destination, { kind: 'file' }>): void {
  const staged = stage(target);
  try {
    vacuumInto(db, staged.tmp);
    staged.commit();
  } catch (err) {
    staged.abandon();
    throw err;
  }
}

function backupBeforeMigration(db: DB, path: string, version: number): void {
  const target = destination(`${path}.bak-v${version}`, {
    journal: path,
    what: 'the copy made before the upgrade',
    passThrough: false,
  });
  if (target.kind !== 'file') throw new Error('bug: a backup destination must be a file');
  try {
    copyJournal(db, target);
  } catch (err) {
    // the copy reads every page: a damaged journal fails here first, and it is the journal to blame
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB'))
      throw asJournalError(err, path);
    const denied = ['EACCES', 'EPERM', 'EROFS'].includes(String(code));
    throw new JournalError(
      `${
        err instanceof JournalError || (err as Error).name === 'UsageError'
          ? (err as Error).message
          : `cannot write the copy made before the upgrade ${target.path}: ${(err as Error).message}`
      }; the journal was left untouched`,
      denied
        ? `pm upgrades a journal (schema ${version} to ${SCHEMA_VERSION}) after a copy beside it: run it once as a ` +
            `user who can write ${dirname(path)}`
        : 'move that file away, or free some space, and run the command again',
    );
  }
}

/**
 * What the migrations put in a new journal's tables (0015: its sync clock, with a device id of its
 * own), which the fresh schema's script cannot hold; migrations/fresh-schema.mjs fails the build if
 * a migration fills another table.
 */
const SEED_ROWS = `INSERT INTO sync_clock (id, device, ms, counter)
  VALUES (1, lower(hex(randomblob(8))), CAST(unixepoch('subsec') * 1000 AS INTEGER), 0);`;

/**
 * Apply every migration newer than the file's version, in one BEGIN IMMEDIATE transaction with
 * foreign keys off (a table rebuild must not cascade-delete children), re-reading user_version
 * inside it since another process may have migrated meanwhile, and checking foreign keys before
 * commit.
 */
export function runMigrations(db: DB, fromVersion: number, migrations: Migration[] = MIGRATIONS): void {
  const target = migrations[migrations.length - 1].version;
  if (fromVersion >= target) return;
  db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      const current = db.pragma('user_version', { simple: true }) as number;
      if (current >= target) return;
      const applied = migrations.filter((m) => m.version > current);
      // a new journal gets the schema as it now stands in one script (migrations/fresh-schema.mjs),
      // not its history replayed: ~2 ms instead of ~30; any other list of migrations replays them
      if (current === 0 && migrations === MIGRATIONS) db.exec(FRESH_SCHEMA() + SEED_ROWS);
      else
        for (const m of applied) {
          m.before?.(db);
          db.exec(m.sql);
        }
      for (const m of applied) m.data?.(db);
      const problems = db.pragma('foreign_key_check') as unknown[];
      if (problems.length > 0)
        throw new JournalError(
          `a schema upgrade would leave ${problems.length} broken references; nothing was changed`,
          'please report this; your journal is untouched and its backup is beside it',
        );
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma(`user_version = ${target}`);
      refreshStatistics(db);
    }).immediate();
  } finally {
    db.pragma('foreign_keys = ON');
  }
}

/** Run `fn` in one BEGIN IMMEDIATE transaction: all of it is written, or none. */
export function writeTransaction<T>(journal: Journal, fn: () => T): T {
  if (journal.readonly) throw new Error('bug: write on a read-only journal');
  return inTransaction(journal.db, 'BEGIN IMMEDIATE', fn);
}

/**
 * Run `fn`'s reads in one read transaction: one snapshot, whatever another pm commits meanwhile. Inside a
 * transaction already, that one's snapshot holds them: a savepoint would roll back nothing (reads write
 * nothing), and it is what made the week's export prepare better-sqlite3's nine transaction statements.
 */
export function readSnapshot<T>(db: DB, fn: () => T): T {
  return db.inTransaction ? fn() : inTransaction(db, 'BEGIN', fn);
}

/**
 * better-sqlite3's db.transaction() as a process uses it once: its first call on a connection
 * prepares the nine statements of every kind of transaction and wraps `fn` four ways (~0.3 ms of
 * CPU in a fresh process, against ~0.05 for BEGIN and COMMIT). Inside a transaction already, it
 * is still used: a savepoint, which rolls back only the inner work.
 */
function inTransaction<T>(db: DB, begin: 'BEGIN' | 'BEGIN IMMEDIATE', fn: () => T): T {
  if (db.inTransaction) return db.transaction(fn)();
  db.exec(begin);
  try {
    const result = fn();
    db.exec('COMMIT');
    return result;
  } catch (err) {
    // SQLite may have rolled back already (a full disk, an interrupt)
    if (db.inTransaction) db.exec('ROLLBACK');
    throw err;
  }
}

/**
 * writeTransaction for work that awaits before it commits (a checkpoint where a signal can still
 * call it off, src/interrupt.ts): anything thrown, then or before, rolls it all back.
 */
export async function writeTransactionAsync<T>(journal: Journal, fn: () => Promise<T>): Promise<T> {
  if (journal.readonly) throw new Error('bug: write on a read-only journal');
  journal.db.exec('BEGIN IMMEDIATE');
  try {
    const result = await fn();
    journal.db.exec('COMMIT');
    return result;
  } catch (err) {
    if (journal.db.inTransaction) journal.db.exec('ROLLBACK');
    throw err;
  }
}

/** A new record's UUID (v7), its random part from SQLite's generator (no node:crypto to load). */
export function newUuid(db: DB): string {
  return uuidv7(Date.now(), db.prepare('SELECT randomblob(16)').pluck().get() as Buffer);
}

export function readConfig(db: DB): Config {
  return configFromRows(db.prepare('SELECT key, value FROM config').all() as { key: string; value: string }[]);
}

/** Whether an erasure waits to be finished (src/db/erasure.ts): one indexed read, at every open. */
export function hasPendingErasure(db: DB): boolean {
  return db.prepare('SELECT 1 FROM forgotten WHERE pending > 0 LIMIT 1').get() !== undefined;
}

/**
 * Statistics for SQLite's query planner (sqlite_stat1), taken where a journal's size or schema
 * changes at once: after an import and after migrations (new indexes). Without them the planner
 * guesses from the indexes' shapes alone, and no journal had any before issue 18. Sampled
 * (analysis_limit: ~70 ms of CPU on a 100k journal where a full ANALYZE took ~235 ms). A small
 * journal keeps none: statistics saying "a few rows" would mislead the planner once `pm log` has
 * grown it, and below STATISTICS_FROM interviews every plan is quick.
 */
export function refreshStatistics(db: DB): void {
  const interviews = db.prepare('SELECT count(*) FROM interviews').pluck().get() as number;
  if (interviews >= STATISTICS_FROM) {
    db.pragma('analysis_limit = 1000');
    db.exec('ANALYZE');
  } else if (db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'sqlite_stat1'").get()) {
    db.exec('DELETE FROM sqlite_stat1');
  }
}
export const STATISTICS_FROM = 1000;

/**
 * Whether the journal outgrew its statistics: it holds STATISTICS_FROM interviews or more and has none
 * of that table, or more than twice the rows they counted. A journal filled by its first `pm sync` (or
 * grown call by call) had none, and each pulled change then took seconds (fresh-eyes wave 16 H10: a
 * teammate's erasure took 575 s to arrive, 5 edits 35 s; 2.5 s once analysed).
 */
export function statisticsStale(db: DB): boolean {
  const interviews = db.prepare('SELECT count(*) FROM interviews').pluck().get() as number;
  if (interviews < STATISTICS_FROM) return false;
  if (!db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'sqlite_stat1'").get()) return true;
  // each index's row starts with the rows it holds: the largest is the table's (a partial index holds fewer)
  const counted = db
    .prepare("SELECT max(CAST(stat AS INTEGER)) FROM sqlite_stat1 WHERE tbl = 'interviews'")
    .pluck()
    .get() as number | null;
  return counted === null || interviews > 2 * counted;
}

/** Whether the journal holds any account or hypothesis (everything else hangs from those). */
export function holdsRecords(db: DB): boolean {
  return db.prepare('SELECT EXISTS (SELECT 1 FROM accounts) OR EXISTS (SELECT 1 FROM hypotheses)').pluck().get() === 1;
}
