import type { Context } from '../context.js';
import { copyJournal } from '../db/journal.js';
import { JournalError, UsageError } from '../errors.js';
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export function backup(ctx: Context, target?: string): void {
  const journal = ctx.read();
  if (journal.missing) throw new JournalError(`there is no journal to back up at ${ctx.dbPath}`, 'try: pm init');
  let path = target ? resolve(target) : `${ctx.dbPath}.backup-${ctx.today}`;
  if (existsSync(path) && statSync(path).isDirectory()) path = resolve(path, `journal-${ctx.today}.db`);
  if (path === resolve(ctx.dbPath)) throw new UsageError('the backup cannot be the journal itself');
  // else SQLite's "cannot open" would read as if the journal itself could not be opened
  if (!existsSync(dirname(path))) throw new UsageError(`cannot write the backup ${path}: no such folder`);
  try {
    copyJournal(journal.db, path);
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (err instanceof Error && !code?.startsWith('SQLITE_'))
      throw new JournalError(`cannot write the backup ${path}: ${err.message}`);
    if (code?.startsWith('SQLITE_CANTOPEN'))
      throw new JournalError(
        `cannot write the backup ${path}`,
        'check that its folder is writable, or give another path',
      );
    throw err;
  }
  if (ctx.json) ctx.printJson({ path, bytes: statSync(path).size });
  else ctx.out(`Backed up ${ctx.dbPath} to ${path}`);
}
