// --redact: stable pseudonyms for sharing outside the team. Contact N / Account N are numbered in
// the journal's display order (ids are never reused), so the same person has the same pseudonym in
// every export. Free text is redacted best effort: the full name, the email, and the first and last
// name tokens of three letters or more, case-insensitively, as whole words.
import type { JournalDoc } from './import-validate.js';
import { UsageError } from '../errors.js';

export type RedactWhat = 'contacts' | 'all';

export interface PersonRef {
  uuid: string;
  name: string;
  email: string | null;
}

export interface AccountRef {
  uuid: string;
  name: string;
}

export interface Redactor {
  contactName(uuid: string, fallback: string): string;
  contactEmail(uuid: string, fallback: string | null): string | null;
  accountName(uuid: string, fallback: string): string;
  text(s: string): string;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function letters(s: string): number {
  return (s.match(/\p{L}/gu) ?? []).length;
}

/** Parse the --redact option: `--redact` (true) means contacts, `--redact=all` also accounts. */
export function parseRedact(value: string | boolean | undefined): RedactWhat | null {
  if (value === undefined || value === false) return null;
  if (value === true || value === 'contacts') return 'contacts';
  if (value === 'all' || value === 'accounts') return 'all';
  throw new UsageError(`--redact=${String(value)}: say --redact (contacts) or --redact=all (contacts and accounts)`);
}

export function makeRedactor(contacts: PersonRef[], accounts: AccountRef[], what: RedactWhat): Redactor {
  const names = new Map<string, string>();
  const emails = new Map<string, string>();
  const accountNames = new Map<string, string>();
  // lower-cased needle → replacement; the first (lowest display id) wins a shared needle
  const needles = new Map<string, string>();
  const add = (needle: string, replacement: string) => {
    const key = needle.trim().toLowerCase();
    if (key.length >= 2 && !needles.has(key)) needles.set(key, replacement);
  };
  contacts.forEach((c, i) => {
    const pseudonym = `Contact ${i + 1}`;
    names.set(c.uuid, pseudonym);
    if (c.email) emails.set(c.uuid, `contact-${i + 1}@example.invalid`);
  });
  accounts.forEach((a, i) => accountNames.set(a.uuid, `Account ${i + 1}`));
  // longest needles first in the pattern; full names and emails are added before name tokens
  contacts.forEach((c) => {
    add(c.name, names.get(c.uuid)!);
    if (c.email) add(c.email, emails.get(c.uuid)!);
  });
  if (what === 'all') accounts.forEach((a) => add(a.name, accountNames.get(a.uuid)!));
  contacts.forEach((c) => {
    const tokens = c.name.trim().split(/\s+/).filter((t) => letters(t) >= 3);
    for (const t of new Set([tokens[0], tokens[tokens.length - 1]])) if (t) add(t.replace(/^\P{L}+|\P{L}+$/gu, ''), names.get(c.uuid)!);
  });
  const alternatives = [...needles.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).map(escapeRegExp);
  const pattern = alternatives.length
    ? new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}_])`, 'giu')
    : null;
  return {
    contactName: (uuid, fallback) => names.get(uuid) ?? fallback,
    contactEmail: (uuid, fallback) => (fallback === null ? null : emails.get(uuid) ?? fallback),
    accountName: (uuid, fallback) => (what === 'all' ? accountNames.get(uuid) ?? fallback : fallback),
    text: (s) => (pattern ? s.replace(pattern, (m) => needles.get(m.toLowerCase()) ?? '[redacted]') : s),
  };
}

/** The document with contacts (and, with `all`, accounts) pseudonymised, and free text redacted. */
export function redactDocument(doc: JournalDoc, r: Redactor): JournalDoc {
  const t = r.text;
  const opt = (s: string | null) => (s === null ? null : t(s));
  return {
    ...doc,
    accounts: doc.accounts.map((a) => ({ ...a, name: r.accountName(a.uuid, a.name) })),
    contacts: doc.contacts.map((c) => ({ ...c, name: r.contactName(c.uuid, c.name), email: r.contactEmail(c.uuid, c.email) })),
    interviews: doc.interviews.map((i) => ({
      ...i, summary: t(i.summary), notes: opt(i.notes), pains: i.pains.map(t), quotes: i.quotes.map(t), tags: i.tags.map(t),
    })),
    hypotheses: doc.hypotheses.map((h) => ({
      ...h, statement: t(h.statement), criteria: opt(h.criteria), tags: h.tags.map(t),
      revisions: h.revisions.map((v) => ({ ...v, before: opt(v.before), after: opt(v.after) })),
    })),
    outcomes: doc.outcomes.map((o) => ({ ...o, reason: t(o.reason) })),
  };
}

/** Keys whose values are identifiers, dates or enums, never names: left alone by redactDeep. */
const STRUCTURAL_KEYS = new Set(['id', 'uuid', 'date', 'asOf', 'start', 'end', 'label', 'kind', 'channel', 'outcome',
  'lastDirect', 'lastEvidence', 'decideBy', 'followUp', 'createdOn', 'status']);

/** Every string of a plain data tree (e.g. the report) passed through `text`, but identifiers and dates. */
export function redactDeep<T>(value: T, text: (s: string) => string, key = ''): T {
  if (typeof value === 'string') return (STRUCTURAL_KEYS.has(key) ? value : text(value)) as T;
  if (Array.isArray(value)) return (key === 'flags' && value.every((v) => typeof v === 'string') ? value : value.map((v) => redactDeep(v, text))) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v, text, k)])) as T;
  return value;
}
