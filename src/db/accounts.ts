// Accounts (organisations): found by name case-insensitively, created when new, and listed with
// their last direct customer contact (interviews.kind = 'customer', kept by triggers).
import type { DB } from './journal.js';
import type { AccountActivity, AccountLine, AccountRow } from '../core/accounts.js';
import { standing } from '../core/cadence.js';
import {
  accountCadenceSql,
  accountStandingCadenceSql,
  goingColdSql,
  latenessSql,
  mostLateFirstSql,
} from './standing.js';
import { accountKeys, refreshAccountKeys } from './identity.js';
import { nameKey } from '../core/identity.js';
import { markMerged } from './tracking.js';

const COLUMNS = 'id, uuid, name, segment, cadence_days AS cadenceDays';

export function findAccount(db: DB, name: string): AccountRow | undefined {
  // by key (src/core/identity.ts): "ＡＣＭＥ", "acme" and "Acme" are one account
  return db.prepare(`SELECT ${COLUMNS} FROM accounts WHERE name_key = ? ORDER BY id`).get(nameKey(name)) as
    | AccountRow
    | undefined;
}

/** How many conversations an account holds (kept on its row). */
export function accountConversations(db: DB, id: number): number {
  return db.prepare('SELECT interviews FROM accounts WHERE id = ?').pluck().get(id) as number;
}

/** Every account's name, for "did you mean". */
export function accountNames(db: DB): string[] {
  return db.prepare('SELECT name FROM accounts').pluck().all() as string[];
}

export function accountById(db: DB, id: number): AccountRow {
  return db.prepare(`SELECT ${COLUMNS} FROM accounts WHERE id = ?`).get(id) as AccountRow;
}

export function insertAccount(db: DB, uuid: string, name: string, segment: string | null = null): number {
  const keys = accountKeys(name);
  return Number(
    db
      .prepare('INSERT INTO accounts (uuid, name, segment, name_key, look_key) VALUES (?, ?, ?, ?, ?)')
      .run(uuid, name, segment, keys.nameKey, keys.lookKey).lastInsertRowid,
  );
}

export function updateAccount(
  db: DB,
  id: number,
  fields: { name?: string; segment?: string | null; cadenceDays?: number | null },
): void {
  if (fields.name !== undefined) {
    rememberFormerName(db, id, fields.name);
    db.prepare('UPDATE accounts SET name = ? WHERE id = ?').run(fields.name, id);
    refreshAccountKeys(db, id);
  }
  if (fields.segment !== undefined) db.prepare('UPDATE accounts SET segment = ? WHERE id = ?').run(fields.segment, id);
  if (fields.cadenceDays !== undefined)
    db.prepare('UPDATE accounts SET cadence_days = ? WHERE id = ?').run(fields.cadenceDays, id);
}

/**
 * Before account `id` is renamed `name`: its name as it was becomes a former name (account_names,
 * schema 73), which `pm show`, `pm log --account` and `pm ls --account` still find it by; a name
 * taken again is no account's former name. A new spelling of the same name (case, accents) is no rename.
 */
export function rememberFormerName(db: DB, id: number, name: string): void {
  const was = db.prepare('SELECT name FROM accounts WHERE id = ?').pluck().get(id) as string | undefined;
  if (was === undefined || nameKey(was) === nameKey(name)) return;
  db.prepare('DELETE FROM account_names WHERE name_key = ?').run(nameKey(name));
  db.prepare(`INSERT INTO account_names (name_key, account_id, name) VALUES (?, ?, ?)
    ON CONFLICT (name_key, account_id) DO UPDATE SET name = excluded.name`).run(nameKey(was), id, was);
}

/**
 * The accounts a name no account has was a former name of (account_names: renamed, or merged into
 * them), by key as accounts are found. Read only once `findAccount` found nothing.
 */
export function accountsFormerlyNamed(db: DB, name: string): AccountRow[] {
  return db
    .prepare(`SELECT ${COLUMNS} FROM accounts WHERE id IN (SELECT account_id FROM account_names WHERE name_key = ?)
      ORDER BY name COLLATE NOCASE, id`)
    .all(nameKey(name)) as AccountRow[];
}

/**
 * Move every contact and interview of `duplicate` to `keep`, then remove `duplicate`; its name and
 * former names become `keep`'s former names. `remember: false`: the upgrade to schema 12 joins
 * accounts of one name, before account_names exists.
 */
export function mergeAccounts(
  db: DB,
  duplicate: number,
  keep: number,
  { remember = true } = {},
): { contacts: number; interviews: number } {
  if (remember) {
    rememberFormerName(db, duplicate, accountById(db, keep).name);
    db.prepare('UPDATE OR REPLACE account_names SET account_id = ? WHERE account_id = ?').run(keep, duplicate);
  }
  const contacts = db.prepare('UPDATE contacts SET account_id = ? WHERE account_id = ?').run(keep, duplicate).changes;
  const interviews = db
    .prepare('UPDATE interviews SET account_id = ? WHERE account_id = ?')
    .run(keep, duplicate).changes;
  // keep what the kept account lacks
  db.prepare(`UPDATE accounts SET
      segment = coalesce(segment, (SELECT segment FROM accounts WHERE id = @duplicate)),
      cadence_days = coalesce(cadence_days, (SELECT cadence_days FROM accounts WHERE id = @duplicate))
    WHERE id = @keep`).run({ duplicate, keep });
  const uuids = db.prepare('SELECT (SELECT uuid FROM accounts WHERE id = ?), (SELECT uuid FROM accounts WHERE id = ?)');
  const [from, into] = uuids.raw().get(duplicate, keep) as [string, string];
  db.prepare('DELETE FROM accounts WHERE id = ?').run(duplicate);
  markMerged(db, 'account', from, into);
  return { contacts, interviews };
}

// each account's counts and dates, kept on its row by triggers (last_direct since schema 4, the rest
// since 18). A kept date holds as of any day on or after it; for an earlier day the account's own is
// looked up by the index on (account_id, kind, date). Listing every account grouped every interview
// and every contact at each run (issue 18: ~30 ms of SQL on the harsh 100k journal's 6,000 accounts).
// test/unit/listing-fast-paths.test.ts compares it with the straightforward seeks, as of several days.
const LAST_DIRECT = `CASE WHEN a.last_direct IS NULL OR a.last_direct <= @asOf THEN a.last_direct
    ELSE (SELECT max(date) FROM interviews i WHERE i.account_id = a.id AND i.kind = 'customer' AND i.date <= @asOf)
    END`;
const KEPT_ACTIVITY = `a.contacts, a.interviews, ${LAST_DIRECT} AS lastDirect,
  CASE WHEN a.last_interview IS NULL OR a.last_interview <= @asOf THEN a.last_interview
    ELSE (SELECT max(date) FROM interviews i WHERE i.account_id = a.id AND i.date <= @asOf) END AS lastInterview`;
const CADENCE = accountCadenceSql('a.cadence_days', '@journalCadence');
const SHOWN_CADENCE = accountStandingCadenceSql('a.id', 'a.cadence_days', '@journalCadence', LAST_DIRECT);

// with `first`, only the accounts that can be among the first @first most overdue (src/db/standing.ts)
const FIRST = mostLateFirstSql(`SELECT a.id, ${latenessSql(LAST_DIRECT, CADENCE, '@asOf')} AS late FROM accounts a`);

/** The accounts' standing as of @asOf, with `columns` of each, by name. */
const activitySql = (columns: string, only: boolean, first: boolean) => `${first ? `WITH ${FIRST}` : ''}
  SELECT ${columns},
    ${goingColdSql('lastDirect', 'cadence', '@asOf')} AS overdue FROM (
      SELECT a.id, a.uuid, a.name, a.segment, a.cadence_days AS cadenceDays, ${SHOWN_CADENCE} AS cadence,
        ${KEPT_ACTIVITY}
      FROM accounts a ${only ? 'WHERE a.id = @only' : first ? 'WHERE a.id IN first' : ''})
    ORDER BY name COLLATE NOCASE`;

/**
 * Every account (or one) with counts, its last direct customer contact on or before asOf, its
 * cadence and whether it is going cold (src/db/standing.ts). `journalCadence`: account.cadenceDays.
 * With `first` (and no `only`), only the accounts that can be among the first `first` most overdue:
 * byMostOverdue then orders them and keeps the first `first`.
 */
export function accountActivity(
  db: DB,
  asOf: string,
  journalCadence: number,
  only?: number,
  first?: number,
): AccountActivity[] {
  return db.prepare(activitySql('*', only !== undefined, first !== undefined)).all({
    asOf,
    journalCadence,
    ...(only === undefined ? {} : { only }),
    ...(first === undefined ? {} : { first }),
  }) as AccountActivity[];
}

/**
 * What `pm accounts` prints of every account (or, with `first`, of those that can be among the first
 * `first` most overdue), and only that, as arrays (as src/db/contacts.ts contactLines: objects of
 * every column cost more than the statement). listing-fast-paths.test.ts compares the tables.
 */
export function accountLines(db: DB, asOf: string, journalCadence: number, first?: number): AccountLine[] {
  type Raw = [string, string | null, number, number, number, string | null, number];
  const rows = db
    .prepare(activitySql('name, segment, cadence, contacts, interviews, lastDirect', false, first !== undefined))
    .raw()
    .all({ asOf, journalCadence, ...(first === undefined ? {} : { first }) }) as Raw[];
  return rows.map(([name, segment, cadence, contacts, interviews, lastDirect, overdue]) => ({
    name,
    segment,
    contacts,
    interviews,
    ...standing({ lastDirect, cadence, overdue }, asOf),
  }));
}

/** How many accounts there are. */
export function accountCount(db: DB): number {
  return db.prepare('SELECT count(*) FROM accounts').pluck().get() as number;
}

/** Every account's name, alphabetically (for the interactive log's suggestions). */
export function knownAccounts(db: DB): string[] {
  return db.prepare('SELECT name FROM accounts ORDER BY name COLLATE NOCASE').pluck().all() as string[];
}
