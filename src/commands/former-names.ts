// An account's former names (account_names, schema 73): the name a PM always typed still finds the
// account it was renamed or merged into, where "nothing called" (pm show) or a new account of that
// name (pm log) split again what the merge had joined (docs/decisions.md).
import type { DB } from '../db/journal.js';
import type { AccountRow } from '../core/accounts.js';
import { accountsFormerlyNamed } from '../db/accounts.js';
import { UsageError } from '../errors.js';
import { safeLine, shellWord } from '../core/text.js';

/** What a name no account has says of the accounts it is a former name of: "… is a former name of Acme". */
export function formerNameOf(typed: string, accounts: string[]): string {
  return `${JSON.stringify(safeLine(typed))} is a former name of ${accounts.map(safeLine).join(' and ')}`;
}

const namesOf = (rows: AccountRow[]) => rows.map((a) => a.name);

/**
 * The one account `typed`, which names no account now, is a former name of; undefined when none.
 * A former name of several accounts is a usage error (`flag` given again, with each): pm cannot choose.
 */
export function accountOnceNamed(db: DB, typed: string, flag: string): AccountRow | undefined {
  const rows = accountsFormerlyNamed(db, typed);
  if (rows.length > 1)
    throw new UsageError(
      `${formerNameOf(typed, namesOf(rows))}: say which`,
      `try: ${rows.map((a) => `${flag} ${shellWord(safeLine(a.name))}`).join(' or ')}`,
    );
  return rows[0];
}

/** How `pm show` of a former name answers: exit 2, pointing at the account (or accounts) it became. */
export function refuseFormerName(db: DB, typed: string): void {
  const rows = accountsFormerlyNamed(db, typed);
  if (rows.length === 0) return;
  throw new UsageError(
    `${formerNameOf(typed, namesOf(rows))}, which ${rows.length > 1 ? 'have' : 'has'} its conversations now`,
    `try: pm show ${shellWord(safeLine(rows[0].name))}`,
  );
}
