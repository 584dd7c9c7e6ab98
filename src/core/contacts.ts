// Contacts (people): roles, a person as `--with` names them, the record, and the `--json` shape of
// `pm contacts` and `pm show CONTACT`.
import { UsageError } from '../errors.js';
import { closest, LIMITS, looseKey, nearNames } from './text.js';
import { standing, type Standing, type StandingRow } from './cadence.js';
import { checkEmail, checkName } from './identity.js';

/** What an erased person's contact record is called: nobody's name, and nothing to follow up with. */
export const FORGOTTEN_NAME = 'Forgotten contact';

export const ROLES = ['customer', 'prospect', 'stakeholder', 'partner'] as const;
export type Role = (typeof ROLES)[number];

export function parseRole(raw: string): Role {
  const r = raw.trim().toLowerCase();
  if (!(ROLES as readonly string[]).includes(r))
    throw new UsageError(`unknown role ${JSON.stringify(raw)}`, `roles: ${ROLES.join(', ')}`);
  return r as Role;
}

export interface Person {
  name: string;
  email: string | null;
}

/**
 * The ways `"Mia Chen (Acme)"`, a contact as pm prints them, splits into a name and an account: at
 * each " (" of a reference that ends in ")", so that `"Mia (CFO) (Acme (EU))"` is tried as Mia (CFO)
 * at Acme (EU) among others. Empty for a reference with no account in parentheses.
 */
export function nameAndAccountForms(ref: string): { name: string; account: string }[] {
  const s = ref.trim();
  if (!s.endsWith(')')) return [];
  const forms: { name: string; account: string }[] = [];
  for (let i = s.indexOf('('); i > 0; i = s.indexOf('(', i + 1)) {
    const name = s.slice(0, i).trim();
    const account = s.slice(i + 1, -1).trim();
    if (name && account) forms.push({ name, account });
  }
  return forms;
}

/** local@domain, neither with spaces, brackets, quotes or separators, the domain's labels non-empty. */
const EMAIL = /^[^\s@<>()[\]{},;:"]+@[^\s@<>()[\]{},;:".]+(?:\.[^\s@<>()[\]{},;:".]+)*$/u;

/**
 * An address as copied from a mail client, a CRM or a link, or null when the text is not one: a
 * `mailto:` link (its `?subject=…` too) and the brackets, parentheses or angle brackets around it go
 * ("Jane Roe (jane@acme.test)", "[jane@acme.test]", "<mailto:jane@acme.test>" each made another Jane
 * Roe whose "email" held the brackets, which pm forget of her address then left behind: fresh-eyes
 * wave 17 H21).
 */
export function emailOf(text: string): string | null {
  let s = text.trim();
  const inside = /^[<([{](.*)[>)\]}]$/s.exec(s);
  if (inside) s = inside[1].trim();
  // a mail link's scheme and its query (`?subject=…`); by string functions, not one expression with the
  // `is` flags, which cost ~0.2 ms to compile at the first address of every pm log (docs/performance.md)
  if (/^mailto:/i.test(s)) s = s.slice('mailto:'.length);
  const query = s.indexOf('?');
  s = (query < 0 ? s : s.slice(0, query)).trim();
  return EMAIL.test(s) ? s : null;
}

const WITH_FORMS = 'write --with "Jane Roe <jane@acme.test>" or --with "Jane Roe"';

/** "Jane Roe <jane@acme.test>" (or "(…)", "[…]", "mailto:…"), "Jane Roe", or a bare "jane@acme.test". */
export function parsePerson(raw: string): Person {
  const m = /^(.*?)\s*<([^<>]*)>\s*$/s.exec(raw); // s: a name may hold a pasted line break
  let name = raw.trim();
  let email: string | null = null;
  if (m) {
    name = m[1].trim();
    email = emailOf(m[2]);
    if (email === null)
      throw new UsageError(
        m[2].includes('@')
          ? `--with: ${JSON.stringify(raw)}: "${m[2].trim()}" is not an email address`
          : `--with: ${JSON.stringify(raw)} has no email between < and >`,
        WITH_FORMS,
      );
    if (name === '') name = email;
  } else if (/[<>]/.test(name)) {
    // "Ann <ann@beta.test" (the > forgotten) would be a new contact named with the email in it
    throw new UsageError(
      `--with: ${JSON.stringify(raw)} has a < or > without the other: write the email between < and >`,
      WITH_FORMS,
    );
  } else if (name.includes('@')) {
    // "jane@acme.test" alone, or "Jane Roe jane@acme.test" / "Jane Roe (jane@acme.test)" pasted from a
    // mail signature or a mail client: Jane Roe <jane@acme.test> (fresh-eyes G4, wave 17 H21)
    const alone = emailOf(name);
    const last = /^(.*?)\s+(\S+)$/s.exec(name);
    const after = last ? emailOf(last[2]) : null;
    if (alone !== null) [name, email] = [alone, alone];
    else if (last && after !== null) [name, email] = [last[1].trim(), after];
    // an address that is not one ("jane@", "(jane@acme)"); a handle ("@jane") or a lone "@" is a name
    else if (/(?:^|\s)[^\s@]+@/.test(name))
      throw new UsageError(
        `--with: ${JSON.stringify(raw)} has an "@" but no email address pm can read`,
        `${WITH_FORMS}; an address is name@domain`,
      );
  }
  // stored in NFC without invisible characters (src/core/identity.ts): "José" typed in NFD is "José"
  if (email !== null) email = checkEmail('--with email', email, LIMITS.email);
  name = name === email ? (email as string) : checkName('--with name', name, LIMITS.name);
  return { name, email };
}

export interface ContactRow {
  id: number;
  uuid: string;
  name: string;
  email: string | null;
  accountId: number;
  account: string;
  role: Role;
  segment: string | null;
  /** who they are ("finance lead"), free text */
  persona: string | null;
}

/**
 * A contact with their standing as of a day (src/db/contacts.ts contactActivity). Only customers
 * and prospects have a cadence (their account's): stakeholders and partners are never "customer
 * contact", so they are never overdue.
 */
export interface ContactActivity extends ContactRow, StandingRow {
  accountUuid: string;
  interviews: number;
  lastInterview: string | null;
}

export interface ContactJson extends Standing {
  uuid: string;
  name: string;
  email: string | null;
  accountUuid: string;
  account: string;
  role: string;
  segment: string | null;
  persona: string | null;
  interviews: number;
}

export function contactJson(c: ContactActivity, asOf: string): ContactJson {
  return {
    uuid: c.uuid,
    name: c.name,
    email: c.email,
    accountUuid: c.accountUuid,
    account: c.account,
    role: c.role,
    segment: c.segment,
    persona: c.persona,
    interviews: c.interviews,
    ...standing(c, asOf),
  };
}

/** What a line of `pm contacts` shows of a contact (the text listing reads only this). */
export type ContactLine = Pick<ContactJson, 'name' | 'email' | 'account' | 'role' | 'persona'> & Standing;

/**
 * For a write that found `found` before its transaction: the contact changed meanwhile (another pm
 * merged, erased or moved it) is a usage error that says so, and nothing is written.
 */
export function changedMeanwhile(found: ContactRow, command: string): UsageError {
  return new UsageError(
    `${found.name} (${found.account}) was merged, erased or moved by another pm command meanwhile; nothing was done`,
    `try: pm contacts, then ${command} again`,
  );
}

/**
 * Who a name that finds nobody may mean, at most three: an erasure request names the person as they
 * sign ("Raj", "Zoë Ŝtraße", "Raj Patel (Acme Inc)", an email one letter off), not as they were typed
 * months ago (fresh-eyes wave 11 E3: "no contact named" read as "we hold nothing about them"). Only
 * named: nothing is erased or changed without the name pm found. pm forget, pm contact set and merge.
 */
export function nearContacts(all: ContactRow[], who: string): ContactRow[] {
  const people = all.filter((c) => c.name !== FORGOTTEN_NAME);
  const words = looseKey(who.replace(/\([^)]*\)\s*$/, ''))
    .split(' ')
    .filter(Boolean);
  const hasWords = (c: ContactRow) => {
    const own = looseKey(c.name).split(' ');
    return words.length > 0 && words.every((w) => own.some((o) => o.startsWith(w)));
  };
  const named = new Set(
    nearNames(
      who,
      people.map((c) => c.name),
    ),
  );
  const email = who.includes('@')
    ? closest(
        who.trim().toLowerCase(),
        people.flatMap((c) => (c.email ? [c.email.toLowerCase()] : [])),
      )
    : undefined;
  return people
    .filter((c) => hasWords(c) || named.has(c.name) || (email !== undefined && c.email?.toLowerCase() === email))
    .slice(0, 3);
}

/**
 * How to name one of several namesakes so that `pm forget` and `pm contact` find them alone: their email,
 * or "Name (Account)" as pm prints them, or, for namesakes at one account without an email, their UUID.
 */
export function nameToType(c: ContactRow, namesakes: ContactRow[]): string {
  if (c.email) return c.email;
  if (namesakes.filter((d) => d.account === c.account).length === 1) return `${c.name} (${c.account})`;
  return c.uuid;
}
