// Where the journal is (contract: "--db"). Kept apart from src/db/journal.ts so that shell
// completion's `pm __complete` (src/complete.ts) finds the journal without loading the rest.
import { join } from 'node:path';

export function defaultJournalPath(env: NodeJS.ProcessEnv = process.env): string {
  const data = env.XDG_DATA_HOME?.startsWith('/')
    ? env.XDG_DATA_HOME
    : join(env.HOME || process.getBuiltinModule('node:os').homedir(), '.local', 'share');
  return join(data, 'pm', 'journal.db');
}

/** --db, else $PM_DB, else $XDG_DATA_HOME/pm/journal.db (a $PM_DB of blanks is unset, as an empty one). */
export function resolveJournalPath(dbOption: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (dbOption) return expandHome(dbOption, env);
  if (env.PM_DB?.trim()) return expandHome(env.PM_DB, env);
  return defaultJournalPath(env);
}

/**
 * A leading "~/" is the home folder, as git reads its paths: a tilde the shell did not expand
 * (`PM_DB="~/notes/pm.db"` in quotes, a crontab, an .env file) would otherwise make a folder named
 * "~" in whatever folder pm runs from, a journal per folder (fresh-eyes wave 10 E4). A leading
 * `$HOME/` or `${HOME}/` is the other way those files write it (fresh-eyes wave 12 G13).
 */
export function expandHome(path: string, env: NodeJS.ProcessEnv): string {
  const home = /^(~|\$HOME|\$\{HOME\})(?=\/|$)/.exec(path);
  if (!home) return path;
  return join(env.HOME || process.getBuiltinModule('node:os').homedir(), path.slice(home[0].length));
}
