// Contacts (people): lookups for matching (email, name within an account, name anywhere), the
// writes of log/contact set/merge, and the listing with each person's last direct contact.
import type { DB } from './journal.js';
import {
  nameAndAccountForms,
  type ContactActivity,
  type ContactLine,
  type ContactRow,
  type Person,
  type Role,
} from '../core/contacts.js';
import { standing } from '../core/cadence.js';
import { contactCadenceSql, goingColdSql, latenessSql } from './standing.js';
import { contactKeys, refreshContactKeys } from './identity.js';
import { nameKey } from '../core/identity.js';
import { wordsKey } from '../core/search-text.js';
import { safeLine } from '../core/text.js';
import { markMerged } from './tracking.js';
import { joinedPerson, PEOPLE_INSERT } from './interview-writer.js';

const SELECT = `SELECT c.id, c.uuid, c.name, c.email, c.account_id AS accountId, a.name AS account, c.role, c.segment,
  c.persona FROM contacts c JOIN accounts a ON a.id = c.account_id`;

// Names and emails are compared by their keys (src/core/identity.ts): case, width, NFC or NFD and
// invisible characters make no difference ("JOSÉ PEÑA", "José Peña" in NFD, "Ｊｏｓé Peña").
const searchKeyed = new WeakSet<DB>();
/**
 * The living contacts a name means, most talked to first: the whole name, or its first or last word
 * (`key` a nameKey), with their account and conversations (at most `limit`).
 */
export function contactsNamedLike(
  db: DB,
  key: string,
  limit: number,
): { name: string; account: string; interviews: number }[] {
  const folded = wordsKey(key);
  if (/[%_\\]/.test(folded)) return [];
  // accents folded on both sides, as the search folds them (fresh-eyes wave 19 H22: `jose` did not
  // point to José); a name in printable ASCII is its own fold, and skips the JavaScript call
  if (!searchKeyed.has(db)) db.function('pm_words_key', { deterministic: true }, (s: unknown) => wordsKey(String(s)));
  searchKeyed.add(db);
  return db
    .prepare(`SELECT name, account, interviews FROM (SELECT name, account_name AS account, interviews, id,
        CASE WHEN name_key GLOB '*[^ -~]*' THEN pm_words_key(name_key) ELSE name_key END AS k
        FROM contacts WHERE forgotten = 0)
      WHERE k = @key OR k LIKE @key || ' %' OR k LIKE '% ' || @key
      ORDER BY interviews DESC, id LIMIT @limit`)
    .all({ key: folded, limit }) as { name: string; account: string; interviews: number }[];
}

export function contactByEmail(db: DB, email: string): ContactRow | undefined {
  return db.prepare(`${SELECT} WHERE c.email_key = ?`).get(nameKey(email)) as ContactRow | undefined;
}

// by name: people erased with pm forget are nobody's name any more (they are all "Forgotten contact")
export function contactsByNameInAccount(db: DB, name: string, accountId: number): ContactRow[] {
  return db
    .prepare(`${SELECT} WHERE c.name_key = ? AND c.account_id = ? AND c.forgotten = 0 ORDER BY c.id`)
    .all(nameKey(name), accountId) as ContactRow[];
}

export function contactsByName(db: DB, name: string): ContactRow[] {
  return db
    .prepare(`${SELECT} WHERE c.name_key = ? AND c.forgotten = 0 ORDER BY c.id`)
    .all(nameKey(name)) as ContactRow[];
}

/** The contacts `"Mia Chen (Acme)"` names: that name at that account (case-insensitively), each way it splits. */
export function contactsByNameAndAccount(db: DB, ref: string): ContactRow[] {
  const found = new Map<number, ContactRow>();
  for (const { name, account } of nameAndAccountForms(ref))
    for (const c of contactsByName(db, name)) if (nameKey(c.account) === nameKey(account)) found.set(c.id, c);
  return [...found.values()];
}

/**
 * `"Jane Roe (Acme)"`, a known person as pm prints them, typed where a person is named (--with, the
 * Who prompt): the name before the parenthesis, the account in it, the contacts of that name (`named`)
 * and those of them at that account (`at`). Only when nobody is called the whole text and somebody is
 * called the name: as it was, it made a second contact whose name held the brackets (fresh-eyes wave
 * 12 G14). A split whose account holds the person is preferred ("Mia (CFO) (Acme)").
 */
export function bracketedAccount(
  db: DB,
  person: Person,
): { name: string; account: string; named: ContactRow[]; at: ContactRow[] } | undefined {
  if (person.email !== null || contactsByName(db, person.name).length > 0) return undefined;
  let first: ReturnType<typeof bracketedAccount>;
  for (const { name, account } of nameAndAccountForms(person.name)) {
    const named = contactsByName(db, name);
    if (named.length === 0) continue;
    const at = named.filter((c) => nameKey(c.account) === nameKey(account));
    if (at.length > 0) return { name, account, named, at };
    first ??= { name, account, named, at };
  }
  return first;
}

/**
 * How a command line names this contact for pm contact merge/set: `"Mia Chen (Acme)"` (quoted as
 * pm's other hints are) when that names only them, else their UUID.
 */
export function contactRefFor(db: DB, c: ContactRow): string {
  const shown = `${c.name} (${c.account})`;
  const found = contactsByNameAndAccount(db, shown);
  const unique = found.length === 1 && found[0].id === c.id && contactsByName(db, shown).length === 0;
  return unique ? JSON.stringify(shown) : c.uuid;
}

export function contactByUuid(db: DB, uuid: string): ContactRow | undefined {
  return db.prepare(`${SELECT} WHERE c.uuid = ?`).get(uuid.toLowerCase()) as ContactRow | undefined;
}

/** A contact merged into another here, as merged_names keeps them (schema 42). */
export interface MergedName {
  uuid: string;
  name: string;
  email: string | null;
}

/** The people merged into this contact here (merged_names): whom `pm forget` of it erases too. */
export function mergedNamesOf(db: DB, uuid: string): MergedName[] {
  return db
    .prepare('SELECT uuid, name, email FROM merged_names WHERE into_uuid = ? ORDER BY name, uuid')
    .all(uuid) as MergedName[];
}

/**
 * The contacts that a name or email of a person merged into them here names (merged_names, compared
 * by key as contacts are): `pm forget` of a merged-away person finds whom they became (review R5).
 */
export function contactsByMergedName(db: DB, who: string): ContactRow[] {
  const key = nameKey(who);
  // "Name (Account)", as pm prints a contact: the name merged away, at the account of the one it went into
  const atAccount = /^(.*\S)\s*\(([^()]+)\)$/u.exec(who.trim());
  const rows = db.prepare('SELECT uuid, into_uuid, name, email FROM merged_names ORDER BY into_uuid').all() as {
    uuid: string;
    into_uuid: string;
    name: string;
    email: string | null;
  }[];
  const found = (r: (typeof rows)[number]): boolean => {
    if (r.uuid === who.trim().toLowerCase()) return true;
    if (who.includes('@')) return r.email !== null && nameKey(r.email) === key;
    return nameKey(r.name) === key || (atAccount !== null && nameKey(r.name) === nameKey(atAccount[1]));
  };
  const into = new Set(rows.filter(found).map((r) => r.into_uuid));
  // (an erased contact has no merged names left: forgetContact deletes them)
  const contacts = [...into].flatMap((u) => contactByUuid(db, u) ?? []);
  if (atAccount === null || contacts.some((c) => nameKey(c.name) === key)) return contacts;
  // or at the account of a conversation they became the kept contact's: a person merged across
  // accounts was printed "Raj Patel (Acme)" until then, and their conversations stay Acme's (F4)
  const account = nameKey(atAccount[2]);
  const spokeAt = db.prepare(`SELECT 1 FROM interview_contacts ic JOIN accounts a ON a.id = ic.account_id
    WHERE ic.contact_id = ? AND a.name_key = ? LIMIT 1`);
  return contacts.filter((c) => nameKey(c.account ?? '') === account || spokeAt.get(c.id, account) !== undefined);
}

export function contactById(db: DB, id: number): ContactRow {
  return db.prepare(`${SELECT} WHERE c.id = ?`).get(id) as ContactRow;
}

/**
 * The contact a command found before its write transaction, as it is inside it: undefined when
 * another pm removed it (contact merge), erased it (forget) or moved it meanwhile.
 */
export function sameContactNow(db: DB, found: ContactRow): ContactRow | undefined {
  const now = db.prepare(`${SELECT} WHERE c.id = ? AND c.forgotten = 0`).get(found.id) as ContactRow | undefined;
  return now && now.uuid === found.uuid && now.accountId === found.accountId ? now : undefined;
}

export function contactsOfInterview(db: DB, interviewRowId: number): ContactRow[] {
  return db
    .prepare(`${SELECT} JOIN interview_contacts ic ON ic.contact_id = c.id WHERE ic.interview_id = ? ORDER BY c.id`)
    .all(interviewRowId) as ContactRow[];
}

/** Everyone, for type-ahead: name, account, role. */
export function allContacts(db: DB): ContactRow[] {
  return db
    .prepare(`${SELECT} WHERE c.forgotten = 0 ORDER BY c.name COLLATE NOCASE, a.name COLLATE NOCASE`)
    .all() as ContactRow[];
}

export function insertContact(
  db: DB,
  c: {
    uuid: string;
    name: string;
    email: string | null;
    accountId: number;
    role: Role;
    segment: string | null;
    persona?: string | null;
  },
): number {
  return Number(
    db
      .prepare(`INSERT INTO contacts (uuid, name, email, account_id, role, segment, persona,
        name_key, email_key, look_key)
    VALUES (@uuid, @name, @email, @accountId, @role, @segment, @persona, @nameKey, @emailKey, @lookKey)`)
      .run({ persona: null, ...c, ...contactKeys(c.name, c.email) }).lastInsertRowid,
  );
}

export function updateContact(
  db: DB,
  id: number,
  fields: Partial<{
    name: string;
    email: string | null;
    accountId: number;
    role: Role;
    segment: string | null;
    persona: string | null;
  }>,
): void {
  const columns: Record<string, string> = {
    name: 'name',
    email: 'email',
    accountId: 'account_id',
    role: 'role',
    segment: 'segment',
    persona: 'persona',
  };
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    db.prepare(`UPDATE contacts SET ${columns[key]} = ? WHERE id = ?`).run(value, id);
  }
  if (fields.name !== undefined || fields.email !== undefined) refreshContactKeys(db, id);
}

/**
 * What mergeContacts(duplicate, keep) will not keep: each of the duplicate's email, segment and persona
 * that `keep` holds a different value for (one of each a contact), with the duplicate's value.
 */
export function mergeDrops(db: DB, duplicate: number, keep: number): { field: string; value: string }[] {
  type Details = { email: string | null; segment: string | null; persona: string | null };
  const read = db.prepare('SELECT email, segment, persona FROM contacts WHERE id = ?');
  const [d, k] = [read.get(duplicate) as Details, read.get(keep) as Details];
  return (['email', 'segment', 'persona'] as const).flatMap((field) => {
    const [value, kept] = [d[field], k[field]];
    return value !== null && kept !== null && nameKey(value) !== nameKey(kept) ? [{ field, value }] : [];
  });
}

/**
 * The going contact's name and email, kept here (merged_names, schema 42: local, never exported) for
 * when that person is erased: the erasure arrives naming their UUID alone, and the kept contact's
 * interviews, theirs now, may still name them (forgetContact scrubs with these names too). Names
 * merged into the going contact move along to the kept one. An erased person left nothing to keep.
 */
function rememberMergedName(
  db: DB,
  from: string,
  into: string,
  dup: { name: string; email: string | null; forgotten: number },
): void {
  db.prepare('UPDATE merged_names SET into_uuid = ? WHERE into_uuid = ?').run(into, from);
  if (dup.forgotten) return;
  db.prepare(`INSERT INTO merged_names (uuid, into_uuid, name, email) VALUES (?, ?, ?, ?)
    ON CONFLICT (uuid) DO UPDATE SET into_uuid = excluded.into_uuid, name = excluded.name, email = excluded.email`).run(
    from,
    into,
    dup.name,
    dup.email,
  );
}

/**
 * Move every interview of `duplicate` to `keep`, keep what `keep` lacks, remove `duplicate`.
 * `remember: false`: the upgrade to schema 12 merges exact twins (one name), before merged_names exists.
 */
export function mergeContacts(db: DB, duplicate: number, keep: number, { remember = true } = {}): number {
  // the kept contact's role may make the duplicate's interviews customer conversations: their kind
  // first, then the rows with their copies (0048, 0051), as src/db/interview-writer.ts addPeople does
  db.prepare(`UPDATE interviews SET kind = 'customer' WHERE kind = 'stakeholder'
    AND id IN (SELECT interview_id FROM interview_contacts WHERE contact_id = ?)
    AND EXISTS (SELECT 1 FROM contacts WHERE id = ? AND role IN ('customer', 'prospect'))`).run(duplicate, keep);
  // one row at a time, by the one statement that writes a person's row with all its copies
  const add = db.prepare(PEOPLE_INSERT);
  const joined = joinedPerson(db);
  let moved = 0;
  for (const interview of db
    .prepare('SELECT interview_id FROM interview_contacts WHERE contact_id = ?')
    .pluck()
    .all(duplicate) as number[]) {
    const added = add.run({ interview, contact: keep }).changes;
    if (added > 0) joined(interview, keep);
    moved += added;
  }
  db.prepare('DELETE FROM interview_contacts WHERE contact_id = ?').run(duplicate);
  const dup = db
    .prepare('SELECT name, email, segment, persona, forgotten FROM contacts WHERE id = ?')
    .get(duplicate) as {
    name: string;
    email: string | null;
    segment: string | null;
    persona: string | null;
    forgotten: number;
  };
  const uuids = db.prepare('SELECT (SELECT uuid FROM contacts WHERE id = ?), (SELECT uuid FROM contacts WHERE id = ?)');
  const [from, into] = uuids.raw().get(duplicate, keep) as [string, string];
  db.prepare('DELETE FROM contacts WHERE id = ?').run(duplicate);
  markMerged(db, 'contact', from, into);
  if (remember) rememberMergedName(db, from, into, dup);
  db.prepare(
    `UPDATE contacts SET email = coalesce(email, ?), segment = coalesce(segment, ?), persona = coalesce(persona, ?)
     WHERE id = ?`,
  ).run(dup.email, dup.segment, dup.persona, keep);
  refreshContactKeys(db, keep);
  return moved;
}

// each contact's counts and dates, kept on their row by triggers (schema 18). A kept date holds as of
// any day on or after it; for an earlier day (a conversation logged with a later date) the contact's
// own is looked up by the index on (contact_id, kind, date).
const LAST_DIRECT = `CASE WHEN c.last_direct IS NULL OR c.last_direct <= @asOf THEN c.last_direct
    ELSE (SELECT max(ic.date) FROM interview_contacts ic
      WHERE ic.contact_id = c.id AND ic.kind = 'customer' AND ic.date <= @asOf) END`;
const KEPT_ACTIVITY = `c.interviews, ${LAST_DIRECT} AS lastDirect,
  CASE WHEN c.last_interview IS NULL OR c.last_interview <= @asOf THEN c.last_interview
    ELSE (SELECT max(ic.date) FROM interview_contacts ic WHERE ic.contact_id = c.id AND ic.date <= @asOf) END
    AS lastInterview`;
const CADENCE = contactCadenceSql('c.role', 'a.cadence_days', '@journalCadence');

// with `first`, only the contacts that can be among the first @first most overdue: those at least as late
// as the @first-th (ties included), or everyone when fewer have a lateness, as mostLateFirstSql chooses
// them (src/db/standing.ts). A terminal shows 50 of the harsh 100k journal's 12,000, and judging every
// contact to find them was ~8.5 ms (issue 18); schema 29 orders customers and prospects by their kept
// latest customer conversation. Those of accounts on the journal's cadence are later the earlier that
// is: the first @first of contacts_by_last_direct, then a range of it; those of accounts with a cadence
// of their own are judged from contacts_by_account_last_direct (~2 ms for the three together); those
// whose kept date is after @asOf (logged with a later date) are looked up as LAST_DIRECT does.
// test/unit/listing-fast-paths.test.ts holds the page to the whole listing's first rows.
const LATE = (cadence: string) => `julianday(@asOf) - julianday(c.last_direct) - ${cadence}`;
// `living`: erased people's placeholders are left out before the first N are chosen (pm contacts' table)
const KEPT = (living: boolean) =>
  `c.role IN ('customer', 'prospect') AND c.last_direct IS NOT NULL${living ? ' AND c.forgotten = 0' : ''}`;
const ON_JOURNAL_CADENCE = (living: boolean) => `FROM contacts c INDEXED BY contacts_by_last_direct
  CROSS JOIN accounts a ON a.id = c.account_id
  WHERE ${KEPT(living)} AND c.last_direct <= @asOf AND a.cadence_days IS NULL AND @journalCadence <> 0`;
const FIRST = (
  living: boolean,
) => `journal AS (SELECT c.id, ${LATE('@journalCadence')} AS late ${ON_JOURNAL_CADENCE(living)}
    ORDER BY c.last_direct LIMIT @first),
  own AS MATERIALIZED (SELECT c.id, ${LATE('a.cadence_days')} AS late
    FROM accounts a INDEXED BY accounts_own_cadence
      CROSS JOIN contacts c INDEXED BY contacts_by_account_last_direct ON c.account_id = a.id
    WHERE a.cadence_days IS NOT NULL AND a.cadence_days <> 0 AND ${KEPT(living)} AND c.last_direct <= @asOf),
  later AS MATERIALIZED (SELECT c.id, ${latenessSql(LAST_DIRECT, 'coalesce(a.cadence_days, @journalCadence)', '@asOf')}
      AS late
    FROM contacts c INDEXED BY contacts_by_last_direct CROSS JOIN accounts a ON a.id = c.account_id
    WHERE ${KEPT(living)} AND c.last_direct > @asOf),
  edge AS MATERIALIZED (SELECT late FROM (
      SELECT late FROM journal UNION ALL SELECT late FROM own UNION ALL SELECT late FROM later)
    WHERE late IS NOT NULL ORDER BY late DESC LIMIT 1 OFFSET @first - 1),
  first AS (SELECT c.id FROM (SELECT 1 WHERE (SELECT late FROM edge) IS NULL) CROSS JOIN contacts c
    UNION ALL SELECT c.id ${ON_JOURNAL_CADENCE(living)}
      AND c.last_direct <= date(julianday(@asOf) - @journalCadence - (SELECT late FROM edge))
    UNION ALL SELECT id FROM own WHERE late >= (SELECT late FROM edge)
    UNION ALL SELECT id FROM later WHERE late >= (SELECT late FROM edge))`;

/** The contacts' standing as of @asOf, with `columns` of each, by name then account. */
function activitySql(columns: string, filter: ActivityFilter): string {
  const where = [
    ...(filter.living ? ['c.forgotten = 0'] : []),
    ...(filter.accountId === undefined ? [] : ['c.account_id = @accountId']),
    ...(filter.contactId === undefined ? [] : ['c.id = @contactId']),
    ...(filter.first === undefined ? [] : ['c.id IN first']),
  ];
  return `${filter.first === undefined ? '' : `WITH ${FIRST(filter.living === true)}`}
    SELECT ${columns}, ${goingColdSql('lastDirect', 'cadence', '@asOf')} AS overdue FROM (
      SELECT c.id, c.uuid, c.name, c.email, c.account_id AS accountId, a.name AS account, a.uuid AS accountUuid,
        c.role, c.segment, c.persona, ${CADENCE} AS cadence,
        ${KEPT_ACTIVITY}
      FROM contacts c JOIN accounts a ON a.id = c.account_id ${where.length ? `WHERE ${where.join(' AND ')}` : ''})
    ORDER BY name COLLATE NOCASE, account COLLATE NOCASE`;
}

/**
 * Which contacts: those of one account, one contact, or (`first`) those that can be among the first
 * `first` most overdue — byMostOverdue then orders them and keeps the first `first`.
 */
export interface ActivityFilter {
  accountId?: number;
  contactId?: number;
  first?: number;
  /**
   * leave out erased people's placeholders: pm contacts' table is whom to call, and "Forgotten contact"
   * topped it as the most overdue (fresh-eyes wave 14 H14); its JSON stays complete
   */
  living?: boolean;
}

/**
 * Every contact (or those of one account, or one) with their last direct customer contact on or
 * before asOf, their cadence and whether they are going cold (src/db/standing.ts). `journalCadence`:
 * account.cadenceDays.
 *
 * The counts and dates are kept on each contact's row (schema 18): listing everyone grouped the whole
 * index of who was in each conversation at every run (issue 18: ~30 ms of SQL on the harsh 100k
 * journal's 12,000 contacts; joining interviews for them had cost 6.9 s).
 * test/unit/listing-fast-paths.test.ts compares it with the straightforward join, as of several days.
 */
export function contactActivity(
  db: DB,
  asOf: string,
  journalCadence: number,
  filter: ActivityFilter = {},
): ContactActivity[] {
  const given = Object.entries(filter).filter(([k, v]) => v !== undefined && k !== 'living');
  return db
    .prepare(activitySql('*', filter))
    .all({ asOf, journalCadence, ...Object.fromEntries(given) }) as ContactActivity[];
}

/**
 * What `pm contacts` prints of everyone (or, with `first`, of those contactActivity's filter names),
 * and only that, as arrays: better-sqlite3 making an object of 15 columns for each of the harsh 100k
 * journal's 12,000 contacts cost ~45 ms of the listing's ~200 (issue 18). In contactActivity's order;
 * listing-fast-paths.test.ts compares the tables.
 */
export function contactLines(db: DB, asOf: string, journalCadence: number, first?: number): ContactLine[] {
  type Raw = [string, string | null, string, Role, string | null, number | null, string | null, number];
  const rows = db
    .prepare(activitySql('name, email, account, role, persona, cadence, lastDirect', { first, living: true }))
    .raw()
    .all({ asOf, journalCadence, ...(first === undefined ? {} : { first }) }) as Raw[];
  return rows.map(([name, email, account, role, persona, cadence, lastDirect, overdue]) => ({
    name,
    email,
    account,
    role,
    persona,
    ...standing({ lastDirect, cadence, overdue }, asOf),
  }));
}

/** How many contacts pm contacts lists (erased people's placeholders are not among them). */
export function contactCount(db: DB): number {
  return db.prepare('SELECT count(*) FROM contacts WHERE forgotten = 0').pluck().get() as number;
}

/** Whether a name or email is anyone's, as `pm ls --with` compares them (erased people included: their rows stay). */
export function knowsContact(db: DB, nameOrEmail: string): boolean {
  const key = nameKey(nameOrEmail);
  return db.prepare('SELECT 1 FROM contacts WHERE name_key = ? OR email_key = ? LIMIT 1').get(key, key) !== undefined;
}

/** Every name a person could mean: contacts (not forgotten) and accounts, for "did you mean". */
export function knownNames(db: DB, what: 'contacts' | 'all' = 'all'): string[] {
  const sql =
    what === 'contacts'
      ? 'SELECT DISTINCT name FROM contacts WHERE forgotten = 0'
      : 'SELECT name FROM contacts WHERE forgotten = 0 UNION SELECT name FROM accounts';
  return db.prepare(sql).pluck().all() as string[];
}

/** The other contacts (not forgotten) with this contact's name, in any account, oldest first. */
export function namesakesOf(db: DB, name: string, uuid: string): ContactRow[] {
  return db
    .prepare(`${SELECT} WHERE c.name_key = ? AND c.uuid <> ? AND c.forgotten = 0 ORDER BY c.id`)
    .all(nameKey(name), uuid) as ContactRow[];
}

/** Segments in use, the contacts' and the accounts', most used first (the interactive log's hint). */
export function knownSegments(db: DB): string[] {
  return db
    .prepare(
      `SELECT segment FROM (SELECT segment FROM contacts WHERE segment IS NOT NULL AND forgotten = 0
         UNION ALL SELECT segment FROM accounts WHERE segment IS NOT NULL)
       GROUP BY segment COLLATE NOCASE ORDER BY count(*) DESC, segment COLLATE NOCASE LIMIT 200`,
    )
    .pluck()
    .all() as string[];
}

/** The personas in use, most common first (for completion in the interactive log). */
export function knownPersonas(db: DB): string[] {
  return db
    .prepare(
      `SELECT persona FROM contacts WHERE persona IS NOT NULL AND forgotten = 0
       GROUP BY persona COLLATE NOCASE ORDER BY count(*) DESC, persona COLLATE NOCASE LIMIT 200`,
    )
    .pluck()
    .all() as string[];
}

/**
 * The interview's people and account that no conversation names any more: most often a typo the
 * deleted log created ("Raj Patell" at "Acmee"), which would stay in every list and completion. pm
 * keeps them (a contact is a record of its own, and a teammate may log with them), and says how to
 * join them to the right one (wave 10, E10).
 */
export function leftWithoutConversation(db: DB, people: ContactRow[]): string[] {
  const talks = db.prepare('SELECT 1 FROM interview_contacts WHERE contact_id = ? LIMIT 1').pluck();
  const heard = db.prepare('SELECT 1 FROM interviews WHERE account_id = ? LIMIT 1').pluck();
  const lines: string[] = [];
  for (const c of people)
    if (talks.get(c.id) === undefined)
      lines.push(
        `${safeLine(c.name)} (${safeLine(c.account)}) is in no conversation now; if the name was a typo: ` +
          `pm contact merge ${safeLine(contactRefFor(db, c))} "Right Name"`,
      );
  const accounts = new Map(people.map((c) => [c.accountId, c.account]));
  for (const [id, name] of accounts)
    if (id !== null && heard.get(id) === undefined)
      lines.push(
        `the account ${JSON.stringify(safeLine(name))} has no conversation now; if it was a typo: ` +
          `pm account merge ${JSON.stringify(safeLine(name))} "Right Name"`,
      );
  return lines;
}
