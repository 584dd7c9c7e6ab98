// --redact: stable pseudonyms for sharing outside the team. Contact N / Account N are numbered in
// the journal's display order (ids are never reused), so the same person has the same pseudonym in
// every export; the people who held the conversations (`by`) become Interviewer N, numbered by their
// first conversation. Free text is redacted best effort (src/core/mentions.ts): full names, emails,
// and the first and last words of a name of three letters or more, as whole words, in any case,
// accent, width or Unicode form ("Jose Pena" for José Peña); a @handle or a tag that holds a name
// word of four letters or more ("@jpena", "josepena") goes whole.
import type { InterviewDoc, JournalDoc } from './import-validate.js';
import { UsageError } from '../errors.js';
import { MentionMatcher, nameParts, type Needle } from './mentions.js';

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
  /** what is pseudonymised: written into a JSON export as its `redacted` key */
  what: RedactWhat;
  contactName(uuid: string, fallback: string): string;
  contactEmail(uuid: string, fallback: string | null): string | null;
  accountName(uuid: string, fallback: string): string;
  /** who held a conversation (`by`): Interviewer N */
  interviewer(by: string | null): string | null;
  text(s: string): string;
  /** a tag: redacted as text, and whole when a name word is inside it */
  tag(s: string): string;
}

/** Words of an account's name too common to stand for it alone ("The", "Bank"…). */
const GENERIC_WORDS = new Set(
  'the and inc corp corporation company ltd llc gmbh group bank labs systems global international holdings'.split(' '),
);

/** Parse the --redact option: `--redact` (true) means contacts, `--redact=all` also accounts. */
export function parseRedact(value: string | boolean | undefined): RedactWhat | null {
  if (value === undefined || value === false) return null;
  if (value === true || value === 'contacts') return 'contacts';
  if (value === 'all' || value === 'accounts') return 'all';
  throw new UsageError(`--redact=${String(value)}: say --redact (contacts) or --redact=all (contacts and accounts)`);
}

/** The first and last words of a name worth looking for alone. */
function endWords(name: string): string[] {
  const parts = nameParts(name);
  return [...new Set([parts[0], parts[parts.length - 1]])].filter((p) => p !== undefined);
}

/**
 * `interviewers`: every `by` of the journal in the order of its first conversation (and user.name);
 * each becomes Interviewer N, N counted from 1 in that order.
 */
export function makeRedactor(
  contacts: PersonRef[],
  accounts: AccountRef[],
  what: RedactWhat,
  interviewers: string[] = [],
): Redactor {
  const names = new Map<string, string>();
  const emails = new Map<string, string>();
  const accountNames = new Map<string, string>();
  const byName = new Map<string, string>();
  contacts.forEach((c) => {
    names.set(c.uuid, `Contact ${c.n}`);
    if (c.email) emails.set(c.uuid, `contact-${c.n}@example.invalid`);
  });
  accounts.forEach((a) => {
    accountNames.set(a.uuid, `Account ${a.n}`);
  });
  interviewers.forEach((b, k) => {
    if (!byName.has(b)) byName.set(b, `Interviewer ${k + 1}`);
  });
  // full names and emails before words of names, so that a word never takes a full name's place
  const needles: Needle[] = [];
  for (const c of contacts) {
    needles.push({ text: c.name, replacement: names.get(c.uuid)!, inside: true });
    if (c.email) needles.push({ text: c.email, replacement: emails.get(c.uuid)! });
  }
  if (what === 'all') for (const a of accounts) needles.push({ text: a.name, replacement: accountNames.get(a.uuid)! });
  for (const [b, pseudonym] of byName) needles.push({ text: b, replacement: pseudonym, inside: true });
  for (const c of contacts)
    for (const w of endWords(c.name)) needles.push({ text: w, replacement: names.get(c.uuid)!, inside: true });
  if (what === 'all')
    for (const a of accounts)
      for (const w of endWords(a.name).slice(0, 1))
        if (!GENERIC_WORDS.has(w.toLowerCase()))
          needles.push({ text: w, replacement: accountNames.get(a.uuid)!, inside: true });
  for (const [b, pseudonym] of byName)
    for (const w of endWords(b)) needles.push({ text: w, replacement: pseudonym, inside: true });
  const matcher = new MentionMatcher(needles);

  return {
    what,
    contactName: (uuid, fallback) => names.get(uuid) ?? fallback,
    contactEmail: (uuid, fallback) => (fallback === null ? null : (emails.get(uuid) ?? fallback)),
    accountName: (uuid, fallback) => (what === 'all' ? (accountNames.get(uuid) ?? fallback) : fallback),
    interviewer: (by) => (by === null ? null : (byName.get(by) ?? matcher.replace(by).text)),
    text: (s) => matcher.replace(s).text,
    tag: (s) => matcher.replace(s, { tag: true }).text,
  };
}

/** One interview of the document, its free text redacted (a whole-journal export redacts them one by one). */
export function redactInterview(i: InterviewDoc, r: Redactor): InterviewDoc {
  const opt = (s: string | null) => (s === null ? null : r.text(s));
  return {
    ...i,
    by: r.interviewer(i.by),
    summary: r.text(i.summary),
    notes: opt(i.notes),
    // a source names a site or a survey, but it is free text: a name typed into it is redacted too
    source: opt(i.source),
    pains: i.pains.map((p) => ({ ...p, text: r.text(p.text) })),
    quotes: i.quotes.map(r.text),
    tags: i.tags.map(r.tag),
  };
}

/** The document with contacts (and, with `all`, accounts) pseudonymised, and free text redacted. */
export function redactDocument(doc: JournalDoc, r: Redactor): JournalDoc {
  const t = r.text;
  const opt = (s: string | null) => (s === null ? null : t(s));
  const { format, version, exportedAt, ...rest } = doc;
  return {
    // the mark pm import refuses (fresh-eyes E34): its pseudonyms must never replace a team's real names
    format,
    version,
    exportedAt,
    redacted: r.what,
    ...rest,
    accounts: doc.accounts.map((a) => ({ ...a, name: r.accountName(a.uuid, a.name) })),
    contacts: doc.contacts.map((c) => ({
      ...c,
      name: r.contactName(c.uuid, c.name),
      email: r.contactEmail(c.uuid, c.email),
    })),
    interviews: doc.interviews.map((i) => redactInterview(i, r)),
    hypotheses: doc.hypotheses.map((h) => ({
      ...h,
      statement: t(h.statement),
      criteria: opt(h.criteria),
      tags: h.tags.map(r.tag),
      revisions: h.revisions.map((v) => ({ ...v, before: opt(v.before), after: opt(v.after) })),
      ...(h.by === undefined ? {} : { by: r.interviewer(h.by) }),
    })),
    // who recorded a decision, as who held a conversation
    outcomes: doc.outcomes.map((o) => ({
      ...o,
      reason: t(o.reason),
      ...(o.by === undefined ? {} : { by: r.interviewer(o.by) }),
    })),
    // for outside the team: which UUIDs are erased, but no hash anyone could test a guess against
    forgotten: doc.forgotten?.map((e) => ({ ...e, keyId: null, emailHash: null, nameHash: null })),
    privacyKeys: [],
    opportunities: doc.opportunities.map((o) => ({ ...o, name: t(o.name), aliases: o.aliases.map(t) })),
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

/**
 * Every string of a plain data tree (e.g. the report) passed through `r.text` (a tag theme through
 * `r.tag`), but identifiers and dates. A pain theme is free text, redacted as the same pain is under
 * Opportunities and in its interview (fresh-eyes wave 19 H24: "need Salesforce sync" read "need
 * Contact 3 sync" under Themes alone).
 */
export function redactDeep<T>(value: T, r: Pick<Redactor, 'text' | 'tag'>, key = '', tagged = true): T {
  if (typeof value === 'string')
    return (STRUCTURAL_KEYS.has(key) ? value : key === 'theme' && tagged ? r.tag(value) : r.text(value)) as T;
  if (Array.isArray(value))
    return (
      key === 'flags' && value.every((v) => typeof v === 'string') ? value : value.map((v) => redactDeep(v, r))
    ) as T;
  if (value && typeof value === 'object') {
    const tag = (value as { kind?: unknown }).kind !== 'pain';
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v, r, k, tag)])) as T;
  }
  return value;
}
