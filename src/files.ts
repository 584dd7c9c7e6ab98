// Where pm may write a file other than the journal (backups, exports, the copy before a migration),
// and how. One function decides (destination); every writer goes through it (issue 16): a path
// that is the journal or one of its companion files is refused, as is anything that exists and is
// not a regular file, except where writing into it is what the user asked (`--out /dev/stdout`, a
// named pipe, /dev/null): that is written through, never renamed over, never chmodded. A regular
// file (a symbolic link to one is followed) is replaced whole: the new content goes to a temporary
// file beside it, made by pm (0600), flushed, and renamed over the old one only once complete, so a
// full disk or a signal leaves the old file as it was and no half-written one.
import {
  closeSync,
  constants,
  existsSync,
  fchownSync,
  fsyncSync,
  lstatSync,
  openSync,
  readSync,
  realpathSync,
  renameSync,
  type Stats,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { JournalError, PmError, UsageError } from './errors.js';
import { writeErr, writeOut } from './io.js';

export type Destination =
  /** a regular file to create or replace (through a temporary file): `target` is the real path */
  | { kind: 'file'; path: string; target: string; existing: Stats | null }
  /** one of pm's own descriptors: /dev/stdout, /dev/stderr, /dev/fd/N */
  | { kind: 'descriptor'; path: string; fd: number }
  /** a named pipe or a character device (/dev/null): opened and written, nothing else */
  | { kind: 'device'; path: string };

export interface DestinationRules {
  /** the journal: neither it nor its -wal, -shm or -journal may be written */
  journal: string;
  /** how messages name the destination: '--out', 'the backup' */
  what: string;
  /** a device, a pipe or a descriptor may be written through (exports); else only regular files */
  passThrough: boolean;
}

/**
 * The journal's own files: it, what SQLite keeps beside it, and (`draft`) whether a path is one of
 * the interrupted pm log drafts kept beside it (JOURNAL.log-draft.json, JOURNAL.log-draft-2.json, …),
 * which hold answers pm promised to keep (fresh-eyes wave 11 E8: pm backup or pm export --out over
 * one replaced them).
 */
function journalFiles(journal: string): Set<string> & { draft(path: string): boolean } {
  const names = new Set<string>();
  const bases = [resolve(journal)];
  try {
    bases.push(realpathSync(journal));
  } catch {
    /* not there yet */
  }
  try {
    bases.push(join(realpathSync(dirname(journal)), basename(journal)));
  } catch {
    /* no folder yet */
  }
  for (const b of bases) for (const suffix of ['', '-wal', '-shm', '-journal']) names.add(b + suffix);
  const draft = (path: string) =>
    bases.some((b) => path.startsWith(`${b}.log-draft`) && /^(-\d+)?\.json$/.test(path.slice(b.length + 10)));
  return Object.assign(names, { draft });
}

/** Why a protected path may not be written. */
function ownFile(target: string, draft: boolean): string {
  if (draft) return 'it is an interrupted pm log draft (pm log offers to resume it)';
  return /-(wal|shm|journal)$/.test(target) ? "it is one of the journal's own files" : 'it is the journal itself';
}

/** /dev/stdout, /dev/fd/1, /proc/self/fd/1 …: the descriptor they name, else undefined. */
function ownDescriptor(path: string): number | undefined {
  if (path === '/dev/stdout') return 1;
  if (path === '/dev/stderr') return 2;
  const m = /^\/(?:dev|proc\/self)\/fd\/(\d{1,4})$/.exec(path);
  return m ? Number(m[1]) : undefined;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function why(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such folder';
  if (code === 'ENOTDIR') return 'a part of the path is not a folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'a loop of symbolic links';
  if (code === 'ENAMETOOLONG') return 'the path is too long';
  return (err as Error).message;
}

function kindOf(s: Stats): string {
  if (s.isDirectory()) return 'a folder';
  if (s.isCharacterDevice()) return 'a character device';
  if (s.isBlockDevice()) return 'a block device';
  if (s.isFIFO()) return 'a named pipe';
  if (s.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * What writing `path` means, or a usage error saying why pm will not write there. Decided from
 * what is at the path now; the writers then open what was decided (a temporary file made with
 * O_EXCL, a device without O_CREAT) so that a file swapped in meanwhile is never chmodded.
 */
/**
 * Refuse a path that was not UTF-8 (`what` names where it came from: --db, $PM_DB, --out). Node reads
 * argv and the environment as UTF-8, each byte that is not becoming U+FFFD: pm would open, make or
 * write a file of that other name, and two such names are one file to it (fresh-eyes wave 18 H15).
 * A file of the very name pm reads is taken as it is.
 */
export function refuseNonUtf8Path(what: string, path: string): void {
  if (!path.includes('\uFFFD') || existsSync(path)) return;
  throw new UsageError(
    `${what}: the path is not valid UTF-8 (pm reads it as ${JSON.stringify(path)}); pm cannot name that file`,
    'rename the file or its folder to a UTF-8 name, or give a link to it that has one (ln -s)',
  );
}

export function destination(path: string, rules: DestinationRules): Destination {
  const refuse = (reason: string, hint?: string) =>
    new UsageError(`cannot write ${rules.what} ${path}: ${reason}`, hint);
  refuseNonUtf8Path(`cannot write ${rules.what}`, path);
  // "-" names the standard stream wherever pm reads a path: never a file named "-" (wave 10 E16)
  if (path === '-' && !rules.passThrough)
    throw refuse('"-" is the standard output, not a file', 'give the path of a file or folder');
  const fd = ownDescriptor(path);
  if (fd !== undefined) {
    if (!rules.passThrough) throw refuse('not a file', 'give the path of a file or folder');
    return { kind: 'descriptor', path, fd };
  }
  const abs = resolve(path);
  // a trailing slash says "a folder", as it does to cp and mv; resolve() drops it, and `pm backup
  // ~/backups/` wrote a file named backups (fresh-eyes wave 12 G12)
  if (path.endsWith('/') && !isFolder(abs))
    throw existsSync(abs)
      ? refuse('not a folder', 'leave out the trailing / for the file of that name')
      : refuse(
          'no such folder',
          `make the folder first (mkdir -p ${JSON.stringify(path)}), ` +
            'or leave out the trailing / for a file of that name',
        );
  const protectedNames = journalFiles(rules.journal);
  let link: Stats | undefined;
  try {
    link = lstatSync(abs);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw refuse(why(err));
  }
  if (link === undefined) {
    // nothing there: a new file in an existing folder
    let folder: string;
    try {
      folder = realpathSync(dirname(abs));
      if (!statSync(folder).isDirectory()) throw Object.assign(new Error(), { code: 'ENOTDIR' });
    } catch (err) {
      throw refuse(why(err));
    }
    const target = join(folder, basename(abs));
    if (protectedNames.has(abs) || protectedNames.has(target)) throw refuse(ownFile(target, false));
    return { kind: 'file', path, target, existing: null };
  }
  let stat: Stats;
  let target: string;
  try {
    stat = statSync(abs);
    target = realpathSync(abs);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw refuse('a symbolic link to nothing', 'give the path of the file itself');
    throw refuse(why(err));
  }
  if (protectedNames.has(abs) || protectedNames.has(target) || sameFile(stat, rules.journal))
    throw refuse(ownFile(target, false));
  if (protectedNames.draft(abs) || protectedNames.draft(target)) throw refuse(ownFile(target, true));
  if (stat.isFile()) return { kind: 'file', path, target, existing: stat };
  if (rules.passThrough && (stat.isCharacterDevice() || stat.isFIFO())) return { kind: 'device', path: abs };
  throw refuse(
    `it is ${kindOf(stat)}, not a file`,
    rules.passThrough ? undefined : 'give the path of a file or folder',
  );
}

function sameFile(stat: Stats, journal: string): boolean {
  try {
    const j = statSync(journal);
    return j.dev === stat.dev && j.ino === stat.ino;
  } catch {
    return false;
  }
}

/** A temporary file beside `target`, made by pm for pm (O_EXCL, 0600). */
export function temporaryBeside(target: string): { tmp: string; fd: number } {
  const stem = join(dirname(target), `.${basename(target)}.${process.pid}`);
  for (let attempt = 0; ; attempt++) {
    const tmp = `${stem}.${attempt}.tmp`;
    try {
      return { tmp, fd: openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 100) throw err;
    }
  }
}

/** A file written to its temporary name, to be put in place (commit) or thrown away (abandon). */
export interface Staged {
  /** the temporary file's path (a backup's VACUUM INTO writes there) */
  tmp: string;
  /** write bytes to it */
  write(chunk: string | Buffer): void;
  /** flush it and rename it over the destination */
  commit(): void;
  /** remove it; the destination is as it was */
  abandon(): void;
}

/**
 * Start replacing a 'file' destination: a new temporary file beside the real target (through a
 * symbolic link, beside what it points to). When root replaces another user's file, the new file
 * gets that owner, so writing through a link never hands the file to root.
 */
export function stage(dest: Extract<Destination, { kind: 'file' }>): Staged {
  const { tmp, fd: opened } = temporaryBeside(dest.target);
  let fd: number | undefined = opened;
  const existing = dest.existing;
  const closeQuietly = () => {
    if (fd === undefined) return;
    try {
      closeSync(fd);
    } catch {
      /* already failing */
    }
    fd = undefined;
  };
  return {
    tmp,
    write(chunk) {
      if (fd === undefined) throw new Error('bug: write after commit');
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
    },
    commit() {
      // a backup was written by SQLite under the same name: flush what it wrote too
      if (fd === undefined) throw new Error('bug: commit twice');
      try {
        if (existing && process.getuid?.() === 0 && (existing.uid !== 0 || existing.gid !== process.getgid?.()))
          fchownSync(fd, existing.uid, existing.gid);
        fsyncSync(fd);
        closeSync(fd);
        fd = undefined;
        renameSync(tmp, dest.target);
      } catch (err) {
        closeQuietly();
        removeQuietly(tmp);
        throw err;
      }
      syncFolder(dirname(dest.target));
    },
    abandon() {
      closeQuietly();
      removeQuietly(tmp);
    },
  };
}

export function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    /* never made, or gone */
  }
}

/** Make the rename itself durable; a folder that cannot be opened or flushed is no error. */
export function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, constants.O_RDONLY | constants.O_DIRECTORY);
    fsyncSync(fd);
  } catch {
    /* some file systems do not flush folders */
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * What an export makes while it reads the journal, kept until it has let the journal go (a reader
 * that takes its time, `pm export | less`, must not hold a snapshot open: it would hold up a
 * writer's checkpoint). Up to SPOOL_IN_MEMORY bytes in memory, outside the JavaScript heap; beyond
 * that in a temporary file that has no name (owner-only, removed as soon as it is opened), so that
 * a whole-journal export holds a few megabytes rather than its whole text (issue 18).
 */
export class Spool {
  private pending = '';
  private chunks: Buffer[] = [];
  private held = 0;
  private fd: number | undefined;
  private spilled = 0;

  write(text: string): void {
    this.pending += text;
    if (this.pending.length >= 65536) this.flush();
  }

  private flush(): void {
    if (this.pending === '') return;
    const bytes = Buffer.from(this.pending, 'utf8');
    this.pending = '';
    if (this.fd === undefined && this.held + bytes.length > SPOOL_IN_MEMORY) this.fd = unnamedFile();
    if (this.fd === undefined) {
      this.chunks.push(bytes);
      this.held += bytes.length;
      return;
    }
    for (const chunk of [...this.chunks, bytes]) {
      for (let done = 0; done < chunk.length; ) done += writeSync(this.fd, chunk, done, chunk.length - done);
      this.spilled += chunk.length;
    }
    this.chunks = [];
    this.held = 0;
  }

  /** Everything written, in order, in pieces (each good until the next is asked for); empty after. */
  *drain(): Generator<Buffer> {
    this.flush();
    if (this.fd === undefined) {
      yield* this.chunks;
      this.chunks = [];
      return;
    }
    const fd = this.fd;
    this.fd = undefined;
    try {
      const piece = Buffer.allocUnsafe(1 << 20);
      for (let at = 0; at < this.spilled; ) {
        const n = readSync(fd, piece, 0, piece.length, at);
        if (n === 0) throw new Error(`bug: the spool ended at ${at} of ${this.spilled} bytes`);
        at += n;
        yield piece.subarray(0, n);
      }
    } finally {
      closeSync(fd);
    }
  }
}
export const SPOOL_IN_MEMORY = 4 << 20;

/** A file in the temporary folder, opened owner-only and removed at once: only its descriptor is left. */
function unnamedFile(): number | undefined {
  // node:os loaded here, where a spool first spills, not at every start (~0.4 ms of CPU each, measured)
  const path = join(
    process.getBuiltinModule('node:os').tmpdir(),
    `pm-spool-${process.pid}-${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`,
  );
  try {
    const fd = openSync(path, constants.O_RDWR | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
    unlinkSync(path);
    return fd;
  } catch {
    // no writable temporary folder: the spool stays in memory
    return undefined;
  }
}

/** Write `chunks` to a device, a pipe or a descriptor as they are: no temporary file, no chmod. */
export function writeThrough(dest: Exclude<Destination, { kind: 'file' }>, chunks: Iterable<string | Buffer>): void {
  if (dest.kind === 'descriptor' && (dest.fd === 1 || dest.fd === 2)) {
    for (const chunk of chunks) dest.fd === 1 ? writeOut(chunk) : writeErr(chunk.toString());
    return;
  }
  // O_CREAT never: a device removed meanwhile must not become a regular file
  const fd = dest.kind === 'descriptor' ? dest.fd : openSync(dest.path, constants.O_WRONLY | constants.O_NOCTTY);
  try {
    for (const chunk of chunks) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
    }
  } finally {
    if (dest.kind === 'device') closeSync(fd);
  }
}

/** A write that failed, as a message: a full disk or a size limit is the journal-level exit 1. */
export function writeFailure(what: string, path: string, err: unknown): Error {
  if (err instanceof PmError) return err;
  const e = err as NodeJS.ErrnoException;
  const reason =
    e.code === 'ENOSPC'
      ? 'the disk is full'
      : e.code === 'EFBIG'
        ? 'the file is too large for this disk or its limits'
        : e.code === 'EACCES' || e.code === 'EPERM'
          ? 'permission denied'
          : e.code === 'EROFS'
            ? 'the file system is read-only'
            : e.code === 'EISDIR'
              ? 'it is a folder'
              : e.code === 'ENOENT'
                ? 'no such folder'
                : e.message;
  // a path that cannot be a file is the user's to fix (exit 2); a folder the disk will not let pm
  // write is the machine's state, as a full disk is (exit 1, as docs/reference.md says: wave 10 E17)
  if (['ENOENT', 'ENOTDIR', 'EISDIR'].includes(e.code ?? ''))
    return new UsageError(`cannot write ${what} ${path}: ${reason}`);
  if (['EACCES', 'EPERM', 'EROFS'].includes(e.code ?? ''))
    return new JournalError(
      `cannot write ${what} ${path}: ${reason}`,
      'nothing was written; choose a folder you can write',
    );
  return new JournalError(
    `cannot write ${what} ${path}: ${reason}`,
    'nothing was changed; free some space and try again',
  );
}
