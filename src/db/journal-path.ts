// Where the journal is (contract: "--db"). Kept apart from src/db/journal.ts so that shell
// completion's `pm __complete` (src/complete.ts) finds the journal without loading the rest.
import { join } from 'node:path';

export function defaultJournalPath(env: NodeJS.ProcessEnv = process.env): string {
  const data = env.XDG_DATA_HOME?.startsWith('/')
    ? env.XDG_DATA_HOME
    : join(env.HOME || process.getBuiltinModule('node:os').homedir(), '.local', 'share');
  return join(data, 'pm', 'journal.db');
}

/** --db, else $PM_DB, else $XDG_DATA_HOME/pm/journal.db. */
export function resolveJournalPath(dbOption: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (dbOption) return dbOption;
  if (env.PM_DB) return env.PM_DB;
  return defaultJournalPath(env);
}
