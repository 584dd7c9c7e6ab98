// The keys pm compares names by, kept beside them (schema 12, migrations/0012_identity_keys.sql):
// contacts.name_key/email_key/look_key, accounts.name_key/look_key, interview_tags.tag_key. Every
// writer of a name, an email or a tag sets its keys through this file; pm doctor compares them with
// what they should be, --repair refreshes them, and the upgrade to schema 12 fills them, cleans the
// stored names and merges the twins that are exactly one name (migrateIdentities).
import type { DB } from './journal.js';
import { cleanEmail, cleanName, foldForIndex, lookalikeKey, nameKey } from '../core/identity.js';
import { prototypes } from '../core/confusables.js';
import { INDEX_DELETE, INDEX_INSERT } from './fts.js';
import { mergeAccounts } from './accounts.js';
import { mergeContacts } from './contacts.js';

export interface ContactKeys {
  nameKey: string;
  emailKey: string | null;
  /** null for a forgotten contact: they look like nobody */
  lookKey: string | null;
}

export function contactKeys(name: string, email: string | null, forgotten = false): ContactKeys {
  return {
    nameKey: nameKey(name),
    emailKey: email === null ? null : nameKey(email),
    lookKey: forgotten ? null : lookalikeKey(name, prototypes),
  };
}

export function accountKeys(name: string): { nameKey: string; lookKey: string } {
  return { nameKey: nameKey(name), lookKey: lookalikeKey(name, prototypes) };
}

export const tagKey = nameKey;

/** The keys of one contact, from what is stored now (after a change of name, email or erasure). */
export function refreshContactKeys(db: DB, id: number): void {
  contactKeysRefresher(db)(id);
}

/**
 * refreshContactKeys with its two statements prepared once, for a writer that refreshes many (an
 * import's 12,000 contacts: preparing them for each was ~0.2 s of CPU).
 */
export function contactKeysRefresher(db: DB): (id: number) => void {
  const read = db.prepare('SELECT name, email, forgotten FROM contacts WHERE id = ?');
  const write = db.prepare('UPDATE contacts SET name_key = ?, email_key = ?, look_key = ? WHERE id = ?');
  return (id) => {
    const c = read.get(id) as { name: string; email: string | null; forgotten: number } | undefined;
    if (!c) return;
    const k = contactKeys(c.name, c.email, c.forgotten === 1);
    write.run(k.nameKey, k.emailKey, k.lookKey, id);
  };
}

export function refreshAccountKeys(db: DB, id: number): void {
  accountKeysRefresher(db)(id);
}

/** refreshAccountKeys with its statements prepared once (as contactKeysRefresher). */
export function accountKeysRefresher(db: DB): (id: number) => void {
  const read = db.prepare('SELECT name FROM accounts WHERE id = ?').pluck();
  const write = db.prepare('UPDATE accounts SET name_key = ?, look_key = ? WHERE id = ?');
  return (id) => {
    const name = read.get(id) as string | undefined;
    if (name === undefined) return;
    const k = accountKeys(name);
    write.run(k.nameKey, k.lookKey, id);
  };
}

export interface Lookalike {
  uuid: string;
  name: string;
  account: string;
}

/** Known contacts whose name looks like `name` but is another name ("Jоsé" with a Cyrillic о, "José"). */
export function lookalikeContacts(db: DB, name: string): Lookalike[] {
  const k = contactKeys(name, null);
  return db
    .prepare(`SELECT c.uuid, c.name, a.name AS account FROM contacts c JOIN accounts a ON a.id = c.account_id
      WHERE c.look_key = ? AND c.name_key <> ? AND c.forgotten = 0 ORDER BY c.id LIMIT 5`)
    .all(k.lookKey, k.nameKey) as Lookalike[];
}

export function lookalikeAccounts(db: DB, name: string): { uuid: string; name: string }[] {
  const k = accountKeys(name);
  return db
    .prepare('SELECT uuid, name FROM accounts WHERE look_key = ? AND name_key <> ? ORDER BY id LIMIT 5')
    .all(k.lookKey, k.nameKey) as { uuid: string; name: string }[];
}

/** The SQL functions the whole-table statements below use; registered on the connection that runs them. */
function registerFunctions(db: DB): void {
  db.function('pm_name_key', { deterministic: true }, (s: unknown) => (typeof s === 'string' ? nameKey(s) : null));
  db.function('pm_look_key', { deterministic: true }, (s: unknown) =>
    typeof s === 'string' ? lookalikeKey(s, prototypes) : null,
  );
  db.function('pm_clean_name', { deterministic: true }, (s: unknown) => (typeof s === 'string' ? cleanName(s) : s));
}

const CONTACT_KEYS = `name_key = pm_name_key(name), email_key = pm_name_key(email),
  look_key = CASE WHEN forgotten = 1 THEN NULL ELSE pm_look_key(name) END`;
const CONTACT_STALE = `name_key IS NOT pm_name_key(name) OR email_key IS NOT pm_name_key(email)
  OR look_key IS NOT (CASE WHEN forgotten = 1 THEN NULL ELSE pm_look_key(name) END)`;
const ACCOUNT_STALE = 'name_key IS NOT pm_name_key(name) OR look_key IS NOT pm_look_key(name)';
const TAG_STALE = 'tag_key IS NOT pm_name_key(tag)';

export interface KeyDrift {
  contacts: number;
  accounts: number;
  tags: number;
}

/** Rows whose keys are not what their names make (written by another program, or a bug). */
export function identityKeyDrift(db: DB): KeyDrift {
  registerFunctions(db);
  const count = (table: string, stale: string) =>
    db.prepare(`SELECT count(*) FROM ${table} WHERE ${stale}`).pluck().get() as number;
  return {
    contacts: count('contacts', CONTACT_STALE),
    accounts: count('accounts', ACCOUNT_STALE),
    tags: count('interview_tags', TAG_STALE),
  };
}

/** Make every key what its name makes; returns the rows changed. */
export function refreshIdentityKeys(db: DB): KeyDrift {
  registerFunctions(db);
  return {
    contacts: db.prepare(`UPDATE contacts SET ${CONTACT_KEYS} WHERE ${CONTACT_STALE}`).run().changes,
    accounts: db
      .prepare(`UPDATE accounts SET name_key = pm_name_key(name), look_key = pm_look_key(name) WHERE ${ACCOUNT_STALE}`)
      .run().changes,
    tags: db.prepare(`UPDATE interview_tags SET tag_key = pm_name_key(tag) WHERE ${TAG_STALE}`).run().changes,
  };
}

/** What differs between two names that look alike: "о (U+043E) for o". */
export function lookalikeDifference(a: string, b: string): string {
  const x = [...a.normalize('NFC')];
  const y = [...b.normalize('NFC')];
  const u = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  const diffs: string[] = [];
  if (x.length === y.length)
    for (let i = 0; i < x.length && diffs.length < 3; i++)
      if (x[i] !== y[i]) diffs.push(`${x[i]} (${u(x[i])}) for ${y[i]} (${u(y[i])})`);
  return diffs.length ? diffs.join(', ') : 'other characters';
}

export interface IdentityWarning {
  kind: 'same-name' | 'lookalike';
  what: 'contacts' | 'accounts';
  names: { uuid: string; name: string; account?: string; email?: string | null }[];
}

/**
 * What pm doctor warns about: contacts of one account with one name (by key) that the upgrade did
 * not merge (their emails or roles differ), accounts with one name by key ("ÉCRAN", "Écran"), and
 * contacts or accounts whose names look alike but are other names.
 */
export function identityWarnings(db: DB): IdentityWarning[] {
  const warnings: IdentityWarning[] = [];
  type Row = { uuid: string; name: string; account?: string; email?: string | null; grp: string };
  const grouped = (rows: Row[]) => {
    const groups = new Map<string, Row[]>();
    for (const r of rows) groups.set(r.grp, [...(groups.get(r.grp) ?? []), r]);
    return [...groups.values()].map((g) => g.map(({ grp: _, ...rest }) => rest));
  };
  const contacts = (by: string, having: string) =>
    db
      .prepare(`SELECT c.uuid, c.name, a.name AS account, c.email, ${by} AS grp
        FROM contacts c JOIN accounts a ON a.id = c.account_id
        WHERE c.forgotten = 0 AND ${by} IN (SELECT ${by.replace(/c\./g, '')} FROM contacts
          WHERE forgotten = 0 AND name_key IS NOT NULL GROUP BY ${by.replace(/c\./g, '')} HAVING ${having})
        ORDER BY grp, c.id`)
      .all() as Row[];
  for (const names of grouped(contacts("c.account_id || '/' || c.name_key", 'count(*) > 1')))
    warnings.push({ kind: 'same-name', what: 'contacts', names });
  for (const names of grouped(contacts('c.look_key', 'count(DISTINCT name_key) > 1')))
    warnings.push({ kind: 'lookalike', what: 'contacts', names });
  const accounts = (by: string, having: string) =>
    db
      .prepare(`SELECT uuid, name, ${by} AS grp FROM accounts
        WHERE ${by} IN (SELECT ${by} FROM accounts WHERE name_key IS NOT NULL GROUP BY ${by} HAVING ${having})
        ORDER BY grp, id`)
      .all() as Row[];
  for (const names of grouped(accounts('name_key', 'count(*) > 1')))
    warnings.push({ kind: 'same-name', what: 'accounts', names });
  for (const names of grouped(accounts('look_key', 'count(DISTINCT name_key) > 1')))
    warnings.push({ kind: 'lookalike', what: 'accounts', names });
  return warnings;
}

/** ASCII letters folded as SQLite's NOCASE folds them (the unique key of accounts.name, contacts.email). */
const nocase = (s: string) => s.replace(/[A-Z]+/g, (m) => m.toLowerCase());

/**
 * The upgrade to schema 12 (run by runMigrations after the schema's SQL, in its transaction, with
 * foreign keys off): names, emails and tags cleaned as pm now stores them, exact twins merged,
 * the keys filled, and the search index folded. Returns what it merged (for tests and the record).
 */
export function migrateIdentities(db: DB): { accounts: number; contacts: number; reindexed: number } {
  registerFunctions(db);
  // accounts: names unique case-insensitively (ASCII), so names that are one once cleaned are one account
  let mergedAccounts = 0;
  const accountGroups = new Map<string, { id: number; name: string }[]>();
  for (const a of db.prepare('SELECT id, name FROM accounts ORDER BY id').all() as { id: number; name: string }[]) {
    const key = nocase(cleanName(a.name));
    accountGroups.set(key, [...(accountGroups.get(key) ?? []), a]);
  }
  for (const group of accountGroups.values()) {
    const [keep, ...twins] = group;
    for (const twin of twins) {
      mergeAccounts(db, twin.id, keep.id, { remember: false });
      mergedAccounts++;
    }
    const clean = cleanName(keep.name);
    if (clean !== keep.name) db.prepare('UPDATE accounts SET name = ? WHERE id = ?').run(clean, keep.id);
  }

  // contacts: one account, one name once cleaned, one role, and no two different emails
  let mergedContacts = 0;
  const contactGroups = new Map<string, { id: number; email: string | null; role: string }[]>();
  for (const c of db
    .prepare('SELECT id, name, email, account_id AS accountId, role FROM contacts WHERE forgotten = 0 ORDER BY id')
    .all() as { id: number; name: string; email: string | null; accountId: number; role: string }[]) {
    const key = `${c.accountId}\u0000${cleanName(c.name)}`;
    contactGroups.set(key, [...(contactGroups.get(key) ?? []), c]);
  }
  for (const group of contactGroups.values()) {
    if (group.length < 2) continue;
    const emails = new Set(group.filter((c) => c.email !== null).map((c) => nameKey(cleanEmail(c.email!))));
    const roles = new Set(group.map((c) => c.role));
    if (emails.size > 1 || roles.size > 1) continue; // pm doctor warns
    const [keep, ...twins] = group;
    for (const twin of twins) {
      // foreign keys are off during an upgrade: what cascades on delete is removed here
      db.prepare('DELETE FROM evidence_customers WHERE contact_id = ?').run(twin.id);
      mergeContacts(db, twin.id, keep.id, { remember: false });
      mergedContacts++;
    }
    // the evidence summaries of the interviews moved to `keep` (its trigger recomputes them)
    db.prepare('UPDATE contacts SET role = role WHERE id = ?').run(keep.id);
  }
  for (const c of db.prepare('SELECT id, name, email FROM contacts').all() as {
    id: number;
    name: string;
    email: string | null;
  }[]) {
    const name = cleanName(c.name);
    if (name !== c.name && name !== '') db.prepare('UPDATE contacts SET name = ? WHERE id = ?').run(name, c.id);
    if (c.email === null) continue;
    const email = cleanEmail(c.email);
    if (email === c.email || email === '') continue;
    // another contact already has the cleaned email: leave this one as it was (pm doctor shows both)
    const taken = db.prepare('SELECT 1 FROM contacts WHERE email = ? COLLATE NOCASE AND id <> ?').get(email, c.id);
    if (!taken) db.prepare('UPDATE contacts SET email = ? WHERE id = ?').run(email, c.id);
  }

  // tags: cleaned; a tag that was nothing but invisible characters goes
  for (const table of ['interview_tags', 'hypothesis_tags']) {
    db.prepare(`DELETE FROM ${table} WHERE tag <> '' AND pm_clean_name(tag) = ''`).run();
    db.prepare(`UPDATE ${table} SET tag = pm_clean_name(tag) WHERE tag <> pm_clean_name(tag)`).run();
  }
  refreshIdentityKeys(db);
  return { accounts: mergedAccounts, contacts: mergedContacts, reindexed: foldSearchIndex(db) };
}

/**
 * Rewrite the index rows whose text the index now folds (src/db/fts.ts): only rows holding a
 * character outside printable ASCII can change, and SQLite finds those (GLOB) without handing
 * every row's text to JavaScript.
 */
function foldSearchIndex(db: DB): number {
  const outsideAscii = '*[^\t\n\r -~]*';
  const rows = db
    .prepare(`SELECT rowid, summary, notes, pains, quotes FROM interviews_fts
      WHERE summary GLOB @p OR notes GLOB @p OR pains GLOB @p OR quotes GLOB @p`)
    .raw()
    .all({ p: outsideAscii }) as [number, string, string, string, string][];
  const remove = db.prepare(INDEX_DELETE);
  const insert = db.prepare(INDEX_INSERT);
  let reindexed = 0;
  for (const [rowid, ...texts] of rows) {
    const folded = texts.map((t) => foldForIndex(t ?? ''));
    if (folded.every((f, i) => f === (texts[i] ?? ''))) continue;
    remove.run(rowid);
    insert.run(rowid, ...folded);
    reindexed++;
  }
  return reindexed;
}
