import type { Context } from '../context.js';
import { copyJournal } from '../db/journal.js';
import { JournalError, UsageError } from '../errors.js';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

export function backup(ctx: Context, target?: string): void {
  const journal = ctx.read();
  if (journal.missing) throw new JournalError(`there is no journal to back up at ${ctx.dbPath}`, 'try: pm init');
  let path = target ? resolve(target) : `${ctx.dbPath}.backup-${ctx.today}`;
  if (existsSync(path) && statSync(path).isDirectory()) path = resolve(path, `journal-${ctx.today}.db`);
  if (path === resolve(ctx.dbPath)) throw new UsageError('the backup cannot be the journal itself');
  try {
    copyJournal(journal.db, path);
  } catch (err) {
    if (err instanceof Error && !(err as { code?: string }).code?.startsWith('SQLITE_'))
      throw new JournalError(`cannot write the backup ${path}: ${err.message}`);
    throw err;
  }
  if (ctx.json) ctx.printJson({ path, bytes: statSync(path).size });
  else ctx.out(`Backed up ${ctx.dbPath} to ${path}`);
}
