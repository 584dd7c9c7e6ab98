// pm backup [PATH]: a consistent copy of the journal, even while another pm writes to it. Where it
// may go is decided by src/files.ts (never the journal or its -wal/-shm, never a device); the copy
// is written to a temporary file and renamed over PATH only once whole, so an older backup there
// survives a full disk or an interruption (SIGINT/SIGTERM: no rename, exit 130/143).
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Context } from '../context.js';
import { APPLICATION_ID, vacuumInto } from '../db/journal.js';
import { JournalError, UsageError } from '../errors.js';
import { destination, type Staged, stage, writeFailure } from '../files.js';
import { expandHome } from '../db/journal-path.js';
import { interruptible } from '../interrupt.js';
import { rememberWrittenFile } from './written-files.js';

export async function backup(ctx: Context, given?: string): Promise<void> {
  // "~/…" is the home folder here as in --db and $PM_DB (fresh-eyes wave 10 F5)
  const target = given === undefined ? undefined : expandHome(given, ctx.env);
  const journal = ctx.read();
  if (journal.missing) throw new JournalError(`there is no journal to back up at ${ctx.dbPath}`, 'try: pm init');
  // a name pm chooses never replaces an earlier backup (one before a risky merge, one after it): the
  // day's second is `.2`, and so on; a file the user names is theirs to replace, and we say so
  let path: string;
  let chosen = true;
  if (target === undefined) path = free(`${ctx.dbPath}.backup-${ctx.today}`, '');
  else if (existsSync(target) && statSync(target).isDirectory())
    // named after the journal: a personal and a team journal backed up into one folder were both
    // journal-DATE.db and journal-DATE.2.db (fresh-eyes wave 11 E21)
    path = free(
      join(target, `${basename(ctx.dbPath).replace(/\.(db|sqlite3?)$/i, '') || 'journal'}-${ctx.today}`),
      '.db',
    );
  else [path, chosen] = [target, false];
  const replacing = !chosen && existsSync(path);
  const dest = destination(path, { journal: ctx.dbPath, what: 'the backup', passThrough: false });
  if (dest.kind !== 'file') throw new Error('bug: a backup destination must be a file');
  // an older backup is replaced, anything else is kept: `pm backup week.md` (meant: pm export --out
  // week.md) replaced yesterday's notes with a database (fresh-eyes wave 11 E8)
  if (dest.existing && dest.existing.size > 0 && !isJournalFile(dest.target))
    throw new UsageError(
      `${path} exists and is not a pm journal or backup`,
      'give another name (pm backup replaces only an older backup); to write markdown: pm export --out PATH',
    );
  // a journal with changes still in its -wal (in use, or left by a crash) is live, not an older backup:
  // replaced, its own -wal would be read into the copy and both be lost (wave 11 F5)
  if (dest.existing && existsSync(`${dest.target}-wal`) && statSync(`${dest.target}-wal`).size > 0)
    throw new UsageError(
      `${path} is a pm journal with changes not yet in its file (its -wal is beside it), not an older backup`,
      'give another name; if it is yours and closed, pm --db on it once writes the changes in',
    );
  await interruptible(
    async (checkpoint) => {
      let staged: Staged | undefined;
      try {
        staged = stage(dest);
        vacuumInto(journal.db, staged.tmp);
        await checkpoint();
        staged.commit();
      } catch (err) {
        staged?.abandon();
        throw backupFailure(path, err);
      }
      // after the last checkpoint: a signal now lets the note be taken (pm forget names this file)
      rememberWrittenFile(ctx, 'backup', dest.target);
    },
    () => `interrupted, no backup written${dest.existing ? ` (the older ${path} is untouched)` : ''}`,
    () => `interrupted after the backup ${path} was written in full`,
  );
  ctx.saved = true;
  const written = resolve(path);
  if (ctx.json) ctx.printJson({ path: written, bytes: statSync(dest.target).size });
  else ctx.out(`Backed up ${ctx.dbPath} to ${written}${replacing ? ' (it replaced the older file there)' : ''}`);
}

/** Whether `path` begins as a pm journal does: SQLite's header and pm's application id (offset 68). */
export function isJournalFile(path: string): boolean {
  const head = Buffer.alloc(72);
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    readSync(fd, head, 0, 72, 0);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  return head.toString('latin1', 0, 16) === 'SQLite format 3\0' && head.readUInt32BE(68) === APPLICATION_ID;
}

/** `stem + ext`, or the first of `stem.2 + ext`, `stem.3 + ext`… that is not there yet. */
function free(stem: string, ext: string): string {
  let path = `${stem}${ext}`;
  for (let n = 2; existsSync(path); n++) path = `${stem}.${n}${ext}`;
  return path;
}

function backupFailure(path: string, err: unknown): unknown {
  const code = (err as { code?: string }).code;
  if (code?.startsWith('SQLITE_CANTOPEN'))
    return new JournalError(
      `cannot write the backup ${path}`,
      'check that its folder is writable, or give another path',
    );
  if (code === 'SQLITE_FULL' || code?.startsWith('SQLITE_IOERR'))
    return new JournalError(
      `cannot write the backup ${path}: the disk is full or the file too large (${code})`,
      'the journal and any older backup there are untouched; free some space and run pm backup again',
    );
  if (code?.startsWith('SQLITE_')) return err;
  return writeFailure('the backup', path, err);
}
