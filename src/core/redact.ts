// --redact: stable pseudonyms for sharing outside the team. Contact N / Account N are numbered in
// the journal's display order (ids are never reused), so the same person has the same pseudonym in
// every export. Free text is redacted best effort: the full name, the email, and the first and last
// name tokens of three letters or more, case-insensitively, as whole words.
import type { JournalDoc } from './import-validate.js';
import { UsageError } from '../errors.js';

export type RedactWhat = 'contacts' | 'all';

/** `n`: the number its pseudonym carries (`Contact 3`): its row id, which never changes nor is reused. */
export interface PersonRef {
  n: number;
  uuid: string;
  name: string;
  email: string | null;
}

export interface AccountRef {
  n: number;
  uuid: string;
  name: string;
}

export interface Redactor {
  contactName(uuid: string, fallback: string): string;
  contactEmail(uuid: string, fallback: string | null): string | null;
  accountName(uuid: string, fallback: string): string;
  text(s: string): string;
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
  // A word: a run of letters, digits and underscores; needles match whole words only. (Made here,
  // not when the module loads: patterns of Unicode classes cost ~0.4 ms to create, at every export.)
  const WORD = /[\p{L}\p{N}_]+/gu;
  const EDGES = /^[^\p{L}\p{N}_]+|[^\p{L}\p{N}_]+$/gu;
  const names = new Map<string, string>();
  const emails = new Map<string, string>();
  const accountNames = new Map<string, string>();
  // lower-cased needle (trimmed to its first and last word) → replacement; the first (lowest
  // display id) wins a shared needle
  const needles = new Map<string, string>();
  let maxWords = 0;
  let maxLength = 0;
  const add = (needle: string, replacement: string) => {
    const key = needle.replace(EDGES, '').toLowerCase();
    if (key.length < 2 || needles.has(key)) return;
    needles.set(key, replacement);
    maxWords = Math.max(maxWords, key.match(WORD)?.length ?? 0);
    maxLength = Math.max(maxLength, key.length);
  };
  contacts.forEach((c) => {
    names.set(c.uuid, `Contact ${c.n}`);
    if (c.email) emails.set(c.uuid, `contact-${c.n}@example.invalid`);
  });
  accounts.forEach((a) => {
    accountNames.set(a.uuid, `Account ${a.n}`);
  });
  // full names and emails before name tokens, so that a token never takes a full name's place
  contacts.forEach((c) => {
    add(c.name, names.get(c.uuid)!);
    if (c.email) add(c.email, emails.get(c.uuid)!);
  });
  if (what === 'all')
    accounts.forEach((a) => {
      add(a.name, accountNames.get(a.uuid)!);
    });
  contacts.forEach((c) => {
    const tokens = c.name
      .trim()
      .split(/\s+/)
      .filter((t) => letters(t) >= 3);
    for (const t of new Set([tokens[0], tokens[tokens.length - 1]])) if (t) add(t, names.get(c.uuid)!);
  });

  /** Scan the words of `s`; at each, try the longest run of words that is a needle. One pass, no giant pattern. */
  const text = (s: string): string => {
    if (needles.size === 0) return s;
    const words = [...s.matchAll(WORD)];
    let out = '';
    let copied = 0;
    for (let i = 0; i < words.length; ) {
      let taken = 0;
      const from = words[i].index;
      for (let k = Math.min(maxWords, words.length - i); k >= 1; k--) {
        const last = words[i + k - 1];
        const to = last.index + last[0].length;
        if (to - from > maxLength) continue;
        const replacement = needles.get(s.slice(from, to).toLowerCase());
        if (replacement !== undefined) {
          out += s.slice(copied, from) + replacement;
          copied = to;
          taken = k;
          break;
        }
      }
      i += taken || 1;
    }
    return copied === 0 ? s : out + s.slice(copied);
  };
  return {
    contactName: (uuid, fallback) => names.get(uuid) ?? fallback,
    contactEmail: (uuid, fallback) => (fallback === null ? null : (emails.get(uuid) ?? fallback)),
    accountName: (uuid, fallback) => (what === 'all' ? (accountNames.get(uuid) ?? fallback) : fallback),
    text,
  };
}

/** The document with contacts (and, with `all`, accounts) pseudonymised, and free text redacted. */
export function redactDocument(doc: JournalDoc, r: Redactor): JournalDoc {
  const t = r.text;
  const opt = (s: string | null) => (s === null ? null : t(s));
  return {
    ...doc,
    accounts: doc.accounts.map((a) => ({ ...a, name: r.accountName(a.uuid, a.name) })),
    contacts: doc.contacts.map((c) => ({
      ...c,
      name: r.contactName(c.uuid, c.name),
      email: r.contactEmail(c.uuid, c.email),
    })),
    interviews: doc.interviews.map((i) => ({
      ...i,
      summary: t(i.summary),
      notes: opt(i.notes),
      // a source names a site or a survey, but it is free text: a name typed into it is redacted too
      source: opt(i.source),
      pains: i.pains.map((p) => ({ ...p, text: t(p.text) })),
      quotes: i.quotes.map(t),
      tags: i.tags.map(t),
    })),
    hypotheses: doc.hypotheses.map((h) => ({
      ...h,
      statement: t(h.statement),
      criteria: opt(h.criteria),
      tags: h.tags.map(t),
      revisions: h.revisions.map((v) => ({ ...v, before: opt(v.before), after: opt(v.after) })),
    })),
    outcomes: doc.outcomes.map((o) => ({ ...o, reason: t(o.reason) })),
  };
}

/** Keys whose values are identifiers, dates or enums, never names: left alone by redactDeep. */
const STRUCTURAL_KEYS = new Set([
  'id',
  'uuid',
  'date',
  'asOf',
  'start',
  'end',
  'label',
  'kind',
  'channel',
  'outcome',
  'lastDirect',
  'lastEvidence',
  'decideBy',
  'followUp',
  'createdOn',
  'status',
]);

/** Every string of a plain data tree (e.g. the report) passed through `text`, but identifiers and dates. */
export function redactDeep<T>(value: T, text: (s: string) => string, key = ''): T {
  if (typeof value === 'string') return (STRUCTURAL_KEYS.has(key) ? value : text(value)) as T;
  if (Array.isArray(value))
    return (
      key === 'flags' && value.every((v) => typeof v === 'string') ? value : value.map((v) => redactDeep(v, text))
    ) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v, text, k)])) as T;
  return value;
}
