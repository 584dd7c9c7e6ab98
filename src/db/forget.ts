// Erasing a person (`pm forget`, and `pm import` for people erased elsewhere). What goes:
// * their name and email on the contact, which stays as "Forgotten contact" so their interviews
//   keep their account, date and kind;
// * the quotes of every interview they attended;
// * in those interviews (summary, notes, pains, tags), and in the hypotheses those interviews are
//   evidence for (statement, criterion, bet reason, revisions, tags, outcome reasons): their full name,
//   and each word of their name of three letters or more ("Zelda" alone);
// * everywhere else in the journal (every interview's text, quotes and tags, who held it (`by`) and
//   its source, every hypothesis and outcome, every opportunity's name and alias): their full name
//   and email;
// * the losing versions pm sync and pm import keep (sync_conflicts, issue 19): their own record's
//   and those of their interviews go, and every other one loses their full name and email;
// in any case, accent, width or Unicode form (src/core/mentions.ts); but a run of words around a mention
// that is a living contact's longer name ("Kim Lee Smith" of "Kim Lee") is that person, and stays
// (liveNames). secure_delete zeroes freed
// pages, the FTS index is rewritten and optimised so no old segment keeps the words; the file is then
// rewritten (src/db/erasure.ts) so no free page keeps a copy.
import type { DB } from './journal.js';
import { reindexInterview } from './fts.js';
import { refreshContactKeys, tagKey } from './identity.js';
import { foldForIndex, nameKey } from '../core/identity.js';
import {
  foldNeedle,
  identityKey,
  isOneWordName,
  LiveNames,
  MentionMatcher,
  nameParts,
  type Needle,
} from '../core/mentions.js';
import { painKey } from '../core/pains.js';
import { emailHash, nameHash } from '../core/erasure.js';

export { FORGOTTEN_NAME } from '../core/contacts.js';
import { FORGOTTEN_NAME } from '../core/contacts.js';
/** What a mention of an erased person becomes. */
export const ERASED_MARK = '[forgotten]';

export interface ForgetResult {
  uuid: string;
  /** their interviews, now attributed to "Forgotten contact" */
  interviews: number;
  quotes: number;
  /** mentions of them removed, wherever they were */
  mentions: number;
  /** records outside their interviews (other interviews, hypotheses, outcomes) a mention was removed from */
  otherRecords: number;
  /** the hypotheses (H4) whose text named them and was rewritten: the team's own words, so said (E25) */
  hypotheses: string[];
  /** open follow-ups of their interviews dropped, no one living left in them to follow up with */
  followUps: number;
}

/** What to look for of a person: everywhere (full name, email), and in what is theirs (also name words). */
export interface PersonNeedles {
  everywhere: MentionMatcher;
  theirs: MentionMatcher;
  /**
   * in the hypotheses their interviews are evidence for (the team's own words, shared): the name's
   * words only where written as a name, capitalised (fresh-eyes E25: "Finance teams will pay" lost
   * "will" to a customer called Will)
   */
  theirHypotheses: MentionMatcher;
  /** their email alone: in a conversation held with a living namesake, where the name is the namesake's */
  email: MentionMatcher;
  /** words for a full-text query that finds every interview that may mention them */
  searchWords: string[];
}

/**
 * The names of the living contacts here (and of those merged into them, which are still theirs), but
 * for contact `except` (the one being erased), and the team's own (who held a conversation or made a
 * decision, and user.name): a run of words that is one of them is that person. An interviewer "Kim Lee
 * Smith" is no contact, and read "[forgotten] Smith" after `pm forget "Kim Lee"` (wave 15).
 */
export function liveNames(db: DB, except?: number, also: readonly string[] = []): LiveNames {
  return new LiveNames(() => [...livingNames(db, except), ...also]);
}

/** liveNames' names, as a list. */
export function livingNames(db: DB, except?: number): string[] {
  const contacts = db
    .prepare(`SELECT name FROM contacts WHERE forgotten = 0 AND id IS NOT @except UNION
      SELECT m.name FROM merged_names m JOIN contacts c ON c.uuid = m.into_uuid
      WHERE c.forgotten = 0 AND c.id IS NOT @except`)
    .pluck()
    .all({ except: except ?? null }) as string[];
  // the team's: a `by` of two people or with a note ("Sam Ray and Kim Lee") is no one's name, and
  // as one it shielded the erased person's words in every text (review wave 15 R1)
  const team = db
    .prepare(`SELECT by FROM interviews WHERE by IS NOT NULL UNION SELECT by FROM outcomes WHERE by IS NOT NULL
      UNION SELECT by FROM hypotheses WHERE by IS NOT NULL
      UNION SELECT value FROM config WHERE key = 'user.name'`)
    .pluck()
    .all() as string[];
  return [...contacts, ...team.filter(isOneName)];
}

/**
 * `live`: living people's names (liveNames), a run of words that holds a mention of them and more
 * ("Kim Lee Smith" of "Kim Lee") left as written.
 */
export function personNeedles(
  name: string,
  email: string | null,
  account?: string | null,
  live?: LiveNames,
): PersonNeedles {
  const besides = live?.besides(name);
  const matcher = (needles: Needle[]) => new MentionMatcher(needles, besides, true);
  const parts: Needle[] = nameParts(name).map((p) => ({ text: p, replacement: ERASED_MARK, inside: true }));
  // the words folded ("oster" of "Øster") and as written: the index folds accents but keeps ø, ł, æ whole
  const words = [name, ...(email ? [email] : [])].flatMap((s) => [
    ...(foldNeedle(s).match(/[\p{L}\p{N}]+/gu) ?? []),
    ...(s.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? []),
  ]);
  const searchWords = [...new Set(words)];
  const mail: Needle[] = email ? [{ text: email, replacement: ERASED_MARK }] : [];
  const emailOnly = new MentionMatcher(mail, undefined, true);
  if (isOneWordName(name)) {
    // a one-word name is also a word of the language ("Teams may want SSO"): outside what is theirs it
    // names them beside their email or account only (F11); in their own conversations it is them
    const named: Needle[] = [...mail];
    if (email) named.push({ text: `${name} <${email}>`, replacement: ERASED_MARK });
    if (account) named.push({ text: `${name} (${account})`, replacement: ERASED_MARK });
    const word: Needle = { text: name, replacement: ERASED_MARK, inside: true };
    return {
      everywhere: matcher(named),
      theirs: matcher([...named, word, ...parts]),
      theirHypotheses: matcher([...named, { ...word, capitalised: true }]),
      email: emailOnly,
      searchWords,
    };
  }
  const full: Needle[] = [{ text: name, replacement: ERASED_MARK, inside: true }, ...mail];
  return {
    everywhere: matcher(full),
    theirs: matcher([...full, ...parts]),
    theirHypotheses: matcher([...full, ...parts.map((p) => ({ ...p, capitalised: true }))]),
    email: emailOnly,
    searchWords,
  };
}

/** A tag that held nothing but the person ("zelda", "zelda_quux") goes; one that held more keeps the rest. */
function scrubTag(m: MentionMatcher, tag: string): { tag: string | null; count: number } {
  const r = m.replace(tag, { tag: true });
  if (r.count === 0) return { tag, count: 0 };
  const rest = r.text.split(ERASED_MARK).join('');
  return { tag: /[\p{L}\p{N}]/u.test(rest) ? r.text : null, count: r.count };
}

/**
 * Scrub an interview's text and tags (not its quotes) with `m`, in place; returns the mentions
 * removed. Reindexes it when something changed.
 */
function scrubInterview(db: DB, id: number, m: MentionMatcher, withQuotes: boolean): number {
  const row = db.prepare('SELECT summary, notes FROM interviews WHERE id = ?').get(id) as
    | { summary: string; notes: string | null }
    | undefined;
  if (!row) return 0;
  let count = 0;
  const summary = m.replace(row.summary);
  const notes = row.notes === null ? { text: null, count: 0 } : m.replace(row.notes);
  if (summary.count + notes.count > 0)
    db.prepare('UPDATE interviews SET summary = ?, notes = ? WHERE id = ?').run(summary.text, notes.text, id);
  count += summary.count + notes.count;
  const lists: ['pains' | 'quotes', string][] = [['pains', 'text']];
  if (withQuotes) lists.push(['quotes', 'text']);
  for (const [table] of lists) {
    for (const p of db.prepare(`SELECT position, text FROM ${table} WHERE interview_id = ?`).all(id) as {
      position: number;
      text: string;
    }[]) {
      const s = m.replace(p.text);
      if (s.count)
        db.prepare(`UPDATE ${table} SET text = ? WHERE interview_id = ? AND position = ?`).run(s.text, id, p.position);
      count += s.count;
    }
  }
  for (const t of db.prepare('SELECT position, tag FROM interview_tags WHERE interview_id = ?').all(id) as {
    position: number;
    tag: string;
  }[]) {
    const s = scrubTag(m, t.tag);
    if (s.count === 0) continue;
    if (s.tag === null)
      db.prepare('DELETE FROM interview_tags WHERE interview_id = ? AND position = ?').run(id, t.position);
    else
      db.prepare('UPDATE interview_tags SET tag = ?, tag_key = ? WHERE interview_id = ? AND position = ?').run(
        s.tag,
        tagKey(s.tag),
        id,
        t.position,
      );
    count += s.count;
  }
  if (count) reindexInterview(db, id);
  return count;
}

/** Scrub a hypothesis (statement, criterion, bet reason, revisions, tags) and its outcomes' reasons. */
function scrubHypothesis(db: DB, id: number, m: MentionMatcher): number {
  let count = 0;
  const h = db.prepare('SELECT statement, criteria, bet_reason FROM hypotheses WHERE id = ?').get(id) as {
    statement: string;
    criteria: string | null;
    bet_reason: string | null;
  };
  const statement = m.replace(h.statement);
  const criteria = h.criteria === null ? { text: null, count: 0 } : m.replace(h.criteria);
  const betReason = h.bet_reason === null ? { text: null, count: 0 } : m.replace(h.bet_reason);
  if (statement.count + criteria.count + betReason.count)
    db.prepare('UPDATE hypotheses SET statement = ?, criteria = ?, bet_reason = ? WHERE id = ?').run(
      statement.text,
      criteria.text,
      betReason.text,
      id,
    );
  count += statement.count + criteria.count + betReason.count;
  for (const r of db.prepare('SELECT id, before, after FROM hypothesis_revisions WHERE hypothesis_id = ?').all(id) as {
    id: number;
    before: string | null;
    after: string | null;
  }[]) {
    const before = r.before === null ? { text: null, count: 0 } : m.replace(r.before);
    const after = r.after === null ? { text: null, count: 0 } : m.replace(r.after);
    if (before.count + after.count)
      db.prepare('UPDATE hypothesis_revisions SET before = ?, after = ? WHERE id = ?').run(
        before.text,
        after.text,
        r.id,
      );
    count += before.count + after.count;
  }
  for (const t of db.prepare('SELECT position, tag FROM hypothesis_tags WHERE hypothesis_id = ?').all(id) as {
    position: number;
    tag: string;
  }[]) {
    const s = scrubTag(m, t.tag);
    if (s.count === 0) continue;
    if (s.tag === null)
      db.prepare('DELETE FROM hypothesis_tags WHERE hypothesis_id = ? AND position = ?').run(id, t.position);
    else
      db.prepare('UPDATE hypothesis_tags SET tag = ? WHERE hypothesis_id = ? AND position = ?').run(
        s.tag,
        id,
        t.position,
      );
    count += s.count;
  }
  for (const o of db.prepare('SELECT id, reason FROM outcomes WHERE hypothesis_id = ?').all(id) as {
    id: number;
    reason: string;
  }[]) {
    const s = m.replace(o.reason);
    if (s.count) db.prepare('UPDATE outcomes SET reason = ? WHERE id = ?').run(s.text, o.id);
    count += s.count;
  }
  return count;
}

/**
 * Who held a conversation or made a decision (`by`), scrubbed with `scrub`: a teammate's name, which
 * goes only when it is nothing but the erased person (their name or email); one that holds more names
 * someone else ("Kim Lee Smith" after `pm forget "Kim Lee"`: wave 15), and stays as written.
 */
export function scrubBy(value: string, scrub: (text: string) => string): string {
  // a `by` may name several people ("Kim Lee, Sam Ray", "Sam Ray and Kim Lee") or carry a note ("Kim
  // Lee (PM)"): each name goes whole or not at all, and a note is text (review wave 15 R1: taken whole,
  // the erased name stayed in all three)
  return value
    .split(BY_SEPARATORS)
    .map((part, i) => {
      if (i % 2 === 1) return part.includes('(') ? scrub(part) : part;
      const out = scrub(part);
      return out !== part && !/[\p{L}\p{N}]/u.test(out.split(ERASED_MARK).join('')) ? ERASED_MARK : part;
    })
    .join('');
}

/** What parts a `by` into its people: commas, semicolons, &, /, +, "and", and a note in parentheses. */
const BY_SEPARATORS = /(\s*(?:[,;&/+]|\band\b|\([^)]*\)?)\s*)/iu;

/** A `by` that is one person's name (no list, no note): only such a value names a living teammate. */
export function isOneName(by: string): boolean {
  return by.split(BY_SEPARATORS).length === 1;
}

/**
 * `by` and `source` of every interview, and `by` of every outcome, scrubbed with `m`; returns the
 * mentions removed from interviews, by interview.
 */
function scrubAttributions(db: DB, m: MentionMatcher): Map<number, number> {
  const changed = new Map<number, number>();
  for (const column of ['by', 'source'] as const) {
    // few distinct values (the team's names, a handful of sources): each is matched once
    const values = db.prepare(`SELECT DISTINCT "${column}" FROM interviews WHERE "${column}" IS NOT NULL`).pluck();
    for (const value of values.all() as string[]) {
      const r = m.replace(value);
      if (column === 'by') r.text = scrubBy(value, (t) => m.replace(t).text);
      if (r.count === 0 || r.text === value) continue;
      const ids = db.prepare(`SELECT id FROM interviews WHERE "${column}" = ?`).pluck().all(value) as number[];
      db.prepare(`UPDATE interviews SET "${column}" = ? WHERE "${column}" = ?`).run(r.text, value);
      for (const id of ids) changed.set(id, (changed.get(id) ?? 0) + r.count);
    }
  }
  // who recorded a decision (schema 64) and who added a hypothesis (75), as who held a conversation
  for (const table of ['outcomes', 'hypotheses'] as const)
    for (const value of db.prepare(`SELECT DISTINCT by FROM ${table} WHERE by IS NOT NULL`).pluck().all() as string[]) {
      const by = scrubBy(value, (t) => m.replace(t).text);
      if (by !== value) db.prepare(`UPDATE ${table} SET by = ? WHERE by = ?`).run(by, value);
    }
  return changed;
}

/**
 * Opportunities' names and aliases scrubbed with `m` (a name the user gave a group of pains may name
 * a person: "Zelda's audit request"); a scrubbed name whose key another opportunity or alias holds
 * keeps a number after it. Returns the names changed.
 */
function scrubOpportunities(db: DB, m: MentionMatcher): number {
  let count = 0;
  const taken = (key: string) =>
    db
      .prepare('SELECT 1 FROM opportunities WHERE key = ? UNION ALL SELECT 1 FROM opportunity_aliases WHERE key = ?')
      .pluck()
      .get(key, key) !== undefined;
  const free = (name: string): string => {
    let candidate = name;
    for (let n = 2; taken(painKey(candidate)); n++) candidate = `${name} (${n})`;
    return candidate;
  };
  for (const o of db.prepare('SELECT id, name FROM opportunities').all() as { id: number; name: string }[]) {
    const r = m.replace(o.name);
    if (r.count === 0) continue;
    const name = free(r.text);
    db.prepare('UPDATE opportunities SET name = ?, key = ? WHERE id = ?').run(name, painKey(name), o.id);
    count++;
  }
  for (const a of db.prepare('SELECT key, name FROM opportunity_aliases').all() as { key: string; name: string }[]) {
    const r = m.replace(a.name);
    if (r.count === 0) continue;
    const name = free(r.text);
    db.prepare('UPDATE opportunity_aliases SET key = ?, name = ? WHERE key = ?').run(painKey(name), name, a.key);
    count++;
  }
  return count;
}

/** Interviews whose indexed text may mention one of `words` (a superset: the scrub decides). */
function interviewsMentioning(db: DB, words: string[]): number[] {
  if (words.length === 0) return [];
  // each word a phrase of the index's own form of it (a Chinese name is a phrase of its characters)
  const query = words.map((w) => `"${foldForIndex(w).replace(/"/g, '""')}"`).join(' OR ');
  return db.prepare('SELECT rowid FROM interviews_fts WHERE interviews_fts MATCH ?').pluck().all(query) as number[];
}

/**
 * People erased together (a person and those merged into them, or an import's), the one of most words
 * first: scrubbed one after another, "Kim Lee" first would leave "[forgotten] Smith" of "Kim Lee Smith"
 * for the full-name scrub of "Kim Lee Smith" not to find (wave 15).
 */
export function longestFirst<T extends { name: string }>(people: readonly T[]): T[] {
  const words = (p: T) => foldNeedle(p.name).split(' ').length;
  return [...people].sort((a, b) => words(b) - words(a) || b.name.length - a.name.length);
}

/**
 * Scrub a person out of the journal's text: `theirInterviews` with every needle (and their quotes
 * deleted), the rest with the full name and email. Does not touch the contact row. `live`: the
 * living people's names (liveNames, without the contact being erased).
 */
export function scrubPerson(
  db: DB,
  person: { name: string; email: string | null; account?: string | null },
  theirInterviews: number[],
  live: LiveNames,
  /** the other records changed by the scrub of another name of theirs (a merged one): counted once */
  changed = new Set<string>(),
): { quotes: number; mentions: number; otherRecords: number; hypotheses: string[] } {
  db.pragma('secure_delete = ON');
  const needles = personNeedles(person.name, person.email, person.account, live);
  const theirs = new Set(theirInterviews);
  let quotes = 0;
  let mentions = 0;
  let otherRecords = 0;
  const delQuotes = db.prepare('DELETE FROM quotes WHERE interview_id = ?');
  for (const id of theirInterviews) {
    quotes += delQuotes.run(id).changes;
    mentions += scrubInterview(db, id, needles.theirs, false);
    reindexInterview(db, id);
  }
  // who held a conversation (by) and a signal's source, in any interview: free text that is not
  // indexed, where only the full name or email is looked for (a teammate may share a first name)
  const attributed = scrubAttributions(db, needles.everywhere);
  // other interviews: those the index finds, and any whose tags name them (tags are not indexed)
  const others = new Set(interviewsMentioning(db, needles.searchWords));
  for (const [id, tag] of db.prepare('SELECT interview_id, tag FROM interview_tags').raw().all() as [number, string][])
    if (!others.has(id) && needles.everywhere.replace(tag, { tag: true }).count) others.add(id);
  for (const id of attributed.keys()) others.add(id);
  // a conversation held with a living namesake (another person of that name, whom pm tells apart) keeps
  // the name: there it names them, and the text is theirs (fresh-eyes wave 9 E1); only the email goes
  const withNamesake = db
    .prepare(
      `SELECT 1 FROM interview_contacts ic JOIN contacts c ON c.id = ic.contact_id
      WHERE ic.interview_id = ? AND c.name_key = ? AND c.forgotten = 0 LIMIT 1`,
    )
    .pluck();
  const key = nameKey(person.name);
  const emailOnly = person.email ? needles.email : null;
  for (const id of others) {
    const m = withNamesake.get(id, key) === undefined ? needles.everywhere : emailOnly;
    const n = (theirs.has(id) || m === null ? 0 : scrubInterview(db, id, m, true)) + (attributed.get(id) ?? 0);
    mentions += n;
    if (n && !theirs.has(id) && !changed.has(`I${id}`)) {
      changed.add(`I${id}`);
      otherRecords++;
    }
  }
  const named = scrubOpportunities(db, needles.everywhere);
  mentions += named;
  otherRecords += named;
  // hypotheses their interviews are evidence for are theirs too; the others only lose the full name
  const linked = new Set(
    theirInterviews.length
      ? (db
          .prepare(
            `SELECT DISTINCT hypothesis_id FROM evidence WHERE interview_id IN ` +
              `(${theirInterviews.map(() => '?').join(',')})`,
          )
          .pluck()
          .all(...theirInterviews) as number[])
      : [],
  );
  const hypotheses: string[] = [];
  for (const id of db.prepare('SELECT id FROM hypotheses ORDER BY id').pluck().all() as number[]) {
    const n = scrubHypothesis(db, id, linked.has(id) ? needles.theirHypotheses : needles.everywhere);
    mentions += n;
    if (n && !changed.has(`H${id}`)) {
      changed.add(`H${id}`);
      otherRecords++;
      hypotheses.push(`H${id}`);
    }
  }
  return { quotes, mentions, otherRecords, hypotheses };
}

/**
 * Erase a contact: scrub them from the journal's text, then make them "Forgotten contact". `erased`
 * collects who they were, for what the caller still has to scrub (conflicts kept later, a draft).
 */
export function forgetContact(
  db: DB,
  contactId: number,
  erased?: ErasedPerson[],
  opts: { preview?: boolean } = {},
): ForgetResult {
  const person = db
    .prepare(`SELECT c.uuid, c.name, c.email, a.name AS account FROM contacts c
      JOIN accounts a ON a.id = c.account_id WHERE c.id = ?`)
    .get(contactId) as { uuid: string; name: string; email: string | null; account: string };
  const interviewIds = db
    .prepare('SELECT interview_id FROM interview_contacts WHERE contact_id = ?')
    .pluck()
    .all(contactId) as number[];
  const interviewUuids = interviewIds.length
    ? (db
        .prepare(`SELECT uuid FROM interviews WHERE id IN (${interviewIds.map(() => '?').join(',')})`)
        .pluck()
        .all(...interviewIds) as string[])
    : [];
  // the living, but for them: their row is still theirs until the end
  const live = liveNames(db, contactId);
  // the people merged into them here are them (a merge says so): their names and emails go from the
  // same interviews, as theirs (merged_names, schema 42). An erasure of someone this journal merged
  // away arrives as the kept contact's (src/db/merge.ts) and finds the name only here.
  const aliases = db.prepare('SELECT uuid, name, email FROM merged_names WHERE into_uuid = ?').all(person.uuid) as {
    uuid: string;
    name: string;
    email: string | null;
  }[];
  const scrubbed = { quotes: 0, mentions: 0, otherRecords: 0, hypotheses: [] as string[] };
  const changed = new Set<string>();
  // every whole name of theirs first, in their conversations: a part of one ("Roe" of "Jane Roe") would
  // otherwise take its word out of another before that one is looked for ("J. Roe" left "J. [forgotten]":
  // fresh-eyes wave 15 H13)
  if (aliases.length > 0)
    for (const p of longestFirst([person, ...aliases])) {
      const whole = personNeedles(p.name, p.email, person.account, live).everywhere;
      for (const id of interviewIds) scrubbed.mentions += scrubInterview(db, id, whole, false);
    }
  for (const p of longestFirst([person, ...aliases])) {
    const more = scrubPerson(db, p, interviewIds, live, changed);
    scrubbed.quotes += more.quotes;
    scrubbed.mentions += more.mentions;
    scrubbed.otherRecords += more.otherRecords;
    scrubbed.hypotheses = [...new Set([...scrubbed.hypotheses, ...more.hypotheses])].sort(
      (x, y) => Number(x.slice(1)) - Number(y.slice(1)),
    );
  }
  // (the erased person first, then those merged into them, as callers list them)
  const people: ErasedPerson[] = [person, ...aliases].map((p) => ({ ...p, interviewUuids }));
  scrubConflicts(db, people, live);
  erased?.push(...people);
  db.prepare('DELETE FROM merged_names WHERE into_uuid = ? OR uuid = ?').run(person.uuid, person.uuid);
  db.prepare(
    'UPDATE contacts SET name = ?, email = NULL, segment = NULL, persona = NULL, forgotten = 1 WHERE id = ?',
  ).run(FORGOTTEN_NAME, contactId);
  refreshContactKeys(db, contactId);
  // a follow-up owed to no one but erased people goes: the standup would ask every morning to contact
  // someone who asked to be forgotten, and pm log refuses "Forgotten contact" (fresh-eyes wave 16 H1)
  const followUps = interviewIds.length
    ? db
        .prepare(`UPDATE interviews SET follow_up = NULL WHERE id IN (${interviewIds.map(() => '?').join(',')})
          AND follow_up IS NOT NULL AND follow_up_done = 0 AND NOT EXISTS (SELECT 1 FROM interview_contacts ic
          JOIN contacts c ON c.id = ic.contact_id WHERE ic.interview_id = interviews.id AND c.forgotten = 0)`)
        .run(...interviewIds).changes
    : 0;
  // merge every FTS segment so that no stale segment still holds the erased words (a preview, rolled
  // back, need not: on a journal of years it is most of the erasure's time)
  if (!opts.preview) db.prepare("INSERT INTO interviews_fts(interviews_fts) VALUES ('optimize')").run();
  return { uuid: person.uuid, interviews: interviewIds.length, ...scrubbed, followUps };
}

/**
 * What forgetting a contact would rewrite, for the confirmation: the erasure itself, run and rolled
 * back, so the numbers are the erasure's own (no second set of rules to drift from it).
 */
export function forgetPreview(db: DB, contactId: number): ForgetResult {
  // a transaction of its own, rolled back whole: a savepoint's RELEASE would commit the pages it restored
  db.exec('BEGIN IMMEDIATE');
  try {
    return forgetContact(db, contactId, undefined, { preview: true });
  } finally {
    db.exec('ROLLBACK');
  }
}

/** A value of a record as the export format writes it, with every string scrubbed with `m`. */
function scrubDoc(value: unknown, m: MentionMatcher, key = ''): unknown {
  if (typeof value === 'string') {
    if (key !== 'tags') return m.replace(value).text;
    return scrubTag(m, value).tag;
  }
  if (Array.isArray(value)) return value.map((v) => scrubDoc(v, m, key)).filter((v) => !(key === 'tags' && v === null));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubDoc(v, m, k)]));
  return value;
}

const needlesOf = new WeakMap<ErasedPerson, PersonNeedles>();

/** What scrubOfErased reads of the journal, made once for a merge (scrubContext). */
export interface ScrubContextOf {
  live: LiveNames;
  /** the name keys of the living among these contact UUIDs (an interview's people) */
  livingNames(uuids: readonly unknown[]): Set<string>;
}

/** scrubOfErased's reads of `db`: the living people's names, and those of an interview's people. */
export function scrubContext(db: DB, team: readonly string[] = []): ScrubContextOf {
  // (by name: a merge fills name_key in at its end)
  const living = db.prepare('SELECT name FROM contacts WHERE uuid = ? AND forgotten = 0').pluck();
  return {
    live: liveNames(db, undefined, team),
    livingNames: (uuids) =>
      new Set(
        uuids.flatMap((u) => {
          const name = typeof u === 'string' ? (living.get(u) as string | undefined) : undefined;
          return name === undefined ? [] : [nameKey(name)];
        }),
      ),
  };
}

/**
 * A record written by the merge that erased `people` (an import or sync: their names are known while
 * it runs) scrubbed of them as pm forget scrubs the journal's own: an interview they attended (in
 * this version, or here) loses every word of their name, and `by` and `source` their full name and
 * email only; any other record, their full name and email. So a teammate's text written before they
 * knew of the erasure ("Kim wants a call") arrives scrubbed where the name is known, not only of the
 * full name the hashes find (wave 9). A conversation held with a living namesake keeps the name, as
 * pm forget leaves it (scrubPerson): there it is theirs; the email goes.
 */
export function scrubOfErased(
  kind: string,
  key: string,
  doc: unknown,
  people: ErasedPerson[],
  at: ScrubContextOf,
): unknown {
  let out = doc;
  for (const p of longestFirst(people)) {
    // a merge asks for every record it writes: each person's matchers are built once
    const needles = needlesOf.get(p) ?? personNeedles(p.name, p.email, p.account, at.live);
    needlesOf.set(p, needles);
    const d = out as { contactUuids?: unknown; by?: unknown; source?: unknown };
    const attended =
      kind === 'interview' &&
      (p.interviewUuids.includes(key) || (Array.isArray(d.contactUuids) && d.contactUuids.includes(p.uuid)));
    // who held it and its source are the team's, where a namesake is no more than anyone else
    const namesake =
      !attended &&
      kind === 'interview' &&
      Array.isArray(d.contactUuids) &&
      at.livingNames(d.contactUuids).has(nameKey(p.name));
    if (!attended && !namesake) out = scrubDoc(out, needles.everywhere);
    else {
      const { by, source, ...rest } = d;
      out = {
        ...(scrubDoc(rest, namesake ? needles.email : needles.theirs) as object),
        by,
        source: scrubDoc(source, needles.everywhere),
      };
    }
    if (typeof d.by === 'string')
      (out as { by: unknown }).by = scrubBy(d.by, (t) => needles.everywhere.replace(t).text);
  }
  return out;
}

/** A person erased by this command, as they were known (what the scrubs that need their name use). */
export interface ErasedPerson {
  uuid: string;
  name: string;
  email: string | null;
  /** the account they were at (a one-word name is them beside it: "May (Xco)") */
  account?: string | null;
  /** the UUIDs of the interviews they attended */
  interviewUuids: string[];
}

/** Is this contact UUID an erased person's here (forgotten, or on the forgotten list)? */
function erasedHere(db: DB, uuid: string): boolean {
  const sql =
    'SELECT 1 FROM contacts WHERE uuid = ? AND forgotten = 1 UNION ALL SELECT 1 FROM forgotten WHERE uuid = ?';
  return db.prepare(sql).get(uuid, uuid) !== undefined;
}

/**
 * What of a losing version may be kept in sync_conflicts (issue 19), with `people` the persons just
 * erased (their names are known only now): nothing (null) of an erased person's contact record, nor
 * of an interview an erased person attended (here, or in the version that lost), since bringing it
 * back would bring them back; any other version (`doc`, null for a deletion) loses the full name and
 * email of each of `people`, and a hypothesis or outcome their interviews are evidence for also each
 * word of their name, as the live records do (scrubPerson). Used when a conflict is kept (pm sync,
 * pm import), by an erasure (pm forget, or one arriving), and before pm sync resolve brings one back.
 * `live`: the living people's names (pm forget's: without the contact it is erasing).
 */
export function conflictCopy(
  db: DB,
  kind: string,
  key: string,
  doc: Record<string, unknown> | null,
  people: ErasedPerson[],
  live = liveNames(db),
): { doc: Record<string, unknown> | null } | null {
  const just = new Set(people.map((p) => p.uuid));
  const erased = (uuid: string) => just.has(uuid) || erasedHere(db, uuid);
  if (kind === 'contact' && (erased(key) || (typeof doc?.uuid === 'string' && erased(doc.uuid)))) return null;
  if (kind === 'interview') {
    if (people.some((p) => p.interviewUuids.includes(key))) return null;
    if (Array.isArray(doc?.contactUuids) && doc.contactUuids.some((u) => typeof u === 'string' && erased(u)))
      return null;
    const attendedHere = db
      .prepare(`SELECT 1 FROM interviews i JOIN interview_contacts ic ON ic.interview_id = i.id
        JOIN contacts c ON c.id = ic.contact_id WHERE i.uuid = ? AND c.forgotten = 1`)
      .get(key);
    if (attendedHere !== undefined) return null;
  }
  if (doc === null) return { doc };
  // people erased before are known here by keyed hashes only: runs of words that hash to a name go
  let out: unknown = scrubHashed(db, doc);
  if (people.length === 0) return { doc: out as Record<string, unknown> };
  const hypothesis = kind === 'hypothesis' ? key : kind === 'outcome' ? doc.hypothesisUuid : null;
  const evidenceOf = db.prepare(
    `SELECT i.uuid FROM evidence e JOIN interviews i ON i.id = e.interview_id
      JOIN hypotheses h ON h.id = e.hypothesis_id WHERE h.uuid = ?`,
  );
  const linked = typeof hypothesis === 'string' ? (evidenceOf.pluck().all(hypothesis) as string[]) : [];
  for (const p of longestFirst(people)) {
    const needles = personNeedles(p.name, p.email, p.account, live);
    const theirs = linked.some((u) => p.interviewUuids.includes(u));
    out = scrubDoc(out, theirs ? needles.theirHypotheses : needles.everywhere);
  }
  return { doc: out as Record<string, unknown> };
}

/** Up to this many words are tried as a name (hashed), at each word of a text. */
const NAME_WORDS = 6;

/**
 * `value` with every string scrubbed of the erased people this journal knows by hashes only (their
 * name and email were never kept): each run of up to NAME_WORDS words, and each email address, whose
 * keyed hash (src/core/erasure.ts) is an erased person's name or email becomes [forgotten]. A tag
 * that held nothing else goes.
 */
function scrubHashed(db: DB, value: unknown): unknown {
  const scrub = hashedScrubber(db);
  return scrub ? scrub(value) : value;
}

/**
 * Whether an email is one of a person erased here, by its keyed hash against the forgotten list's
 * email hashes alone (names are not looked at: a word of an email may be an erased first name and
 * still be another person's address). null: nobody erased with an email.
 */
export function erasedEmailCheck(db: DB): ((email: string) => boolean) | null {
  const keys = db.prepare('SELECT id, key FROM privacy_keys').all() as { id: string; key: Buffer }[];
  const hashes = new Set(
    (
      db
        .prepare('SELECT key_id, email_hash FROM forgotten WHERE key_id IS NOT NULL AND email_hash IS NOT NULL')
        .raw()
        .all() as [string, string][]
    ).map(([k, e]) => `${k}:${e}`),
  );
  if (keys.length === 0 || hashes.size === 0) return null;
  return (email) => keys.some((k) => hashes.has(`${k.id}:${emailHash(k.key, email)}`));
}

/** Where a text stands, for hashedScrubber: `attendedBy`, the contact UUIDs of the conversation it is in. */
export interface ScrubContext {
  attendedBy?: readonly unknown[];
}

/**
 * scrubHashed's work as a function, built once (a merge applies it to every record it writes), or
 * null when the forgotten list holds no hashes: then there is nothing to look for and nothing to pay.
 * `spare`: names left as they are (a living contact's, where a command checks what the user wrote);
 * `team`: the names of teammates arriving with the records (who held them), living as the journal's are.
 * A one-word name ("May") is an ordinary word (F11): it goes alone only in a conversation that
 * erased person attended (`attendedBy`), elsewhere beside their account, "May (Xco)", or beside an
 * erased email, "May <[forgotten]>", as pm forget scrubs (personNeedles). As pm forget leaves them, a
 * run of words around a name that is a living person's longer name ("Kim Lee Smith") stays, and so
 * does the name in a conversation held with a living namesake (`attendedBy`) they did not attend.
 */
export function hashedScrubber(
  db: DB,
  spare?: (name: string) => boolean,
  team: readonly string[] = [],
): ((value: unknown, at?: ScrubContext) => unknown) | null {
  const keys = db.prepare('SELECT id, key FROM privacy_keys').all() as { id: string; key: Buffer }[];
  const rows = db
    .prepare('SELECT uuid, key_id, name_hash, email_hash FROM forgotten WHERE key_id IS NOT NULL')
    .raw()
    .all() as [string, string, string | null, string | null][];
  /** `${key id}:${hash}` → the erased person's UUID */
  const hashes = new Map<string, string>();
  for (const [uuid, k, n, e] of rows) {
    if (n) hashes.set(`${k}:${n}`, uuid);
    if (e) hashes.set(`${k}:${e}`, uuid);
  }
  if (keys.length === 0 || hashes.size === 0) return null;
  const erasedBy = (hash: (key: Buffer) => string): string | undefined => {
    for (const k of keys) {
      const uuid = hashes.get(`${k.id}:${hash(k.key)}`);
      if (uuid !== undefined) return uuid;
    }
    return undefined;
  };
  // the account each erased person was at here (their "Forgotten contact"), for "May (Xco)"
  const accountOf = db.prepare(
    'SELECT a.name FROM contacts c JOIN accounts a ON a.id = c.account_id WHERE c.uuid = ? AND c.forgotten = 1',
  );
  const live = liveNames(db, undefined, team);
  // (by name: a merge fills name_key in at its end)
  const livingName = db.prepare('SELECT name FROM contacts WHERE uuid = ? AND forgotten = 0').pluck();
  const namesakeThere = (span: string, at: ScrubContext): boolean =>
    at.attendedBy?.some((u) => {
      const name = typeof u === 'string' ? (livingName.get(u) as string | undefined) : undefined;
      return name !== undefined && nameKey(name) === nameKey(span);
    }) === true;
  /** the word after a living person's name around words [i, j] (a run of words apart as a name's are), or 0 */
  const livingAround = (text: string, words: { start: number; end: number }[], free: number, i: number, j: number) => {
    for (let a = i; a >= Math.max(free, j - NAME_WORDS + 1); a--)
      for (let b = Math.min(words.length - 1, a + NAME_WORDS - 1); b >= j; b--) {
        if (a === i && b === j) continue;
        const run = text.slice(words[a].start, words[b].end);
        if (!/[^\p{L}\p{N}\s'’.-]/u.test(run) && live.has(foldNeedle(run))) return b + 1;
      }
    return 0;
  };
  const besideThem = (uuid: string, after: string): number => {
    const mail = /^\s*<\[forgotten\]>/.exec(after);
    if (mail) return mail[0].length;
    const paren = /^\s*\(([^()]*)\)/.exec(after);
    const account = paren ? (accountOf.pluck().get(uuid) as string | undefined) : undefined;
    return account !== undefined && identityKey(account) === identityKey(paren![1]) ? paren![0].length : -1;
  };
  const scrub = (text: string, at: ScrubContext): string => {
    let out = text.replace(/[^\s<>()[\]"',;:]+@[^\s<>()[\]"',;:]+[^\s<>()[\]"',;:.]/gu, (m) =>
      erasedBy((k) => emailHash(k, m)) !== undefined ? ERASED_MARK : m,
    );
    const words = [...out.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
    const spans: { start: number; end: number }[] = [];
    /** the first word after the last name scrubbed */
    let free = 0;
    for (let i = 0; i < words.length; i++)
      for (let j = Math.min(words.length, i + NAME_WORDS) - 1; j >= i; j--) {
        const span = out.slice(words[i].start, words[j].end);
        // a name's words are apart by spaces, hyphens, apostrophes or dots only
        if (/[^\p{L}\p{N}\s'’.-]/u.test(span)) continue;
        const uuid = erasedBy((k) => nameHash(k, span));
        if (uuid === undefined || spare?.(span)) continue;
        if (!at.attendedBy?.includes(uuid) && namesakeThere(span, at)) continue;
        const lived = livingAround(out, words, free, i, j);
        if (lived > 0) {
          i = lived - 1;
          break;
        }
        let end = words[j].end;
        if (isOneWordName(span) && !at.attendedBy?.includes(uuid)) {
          const beside = besideThem(uuid, out.slice(end));
          if (beside < 0) continue;
          end += beside;
        }
        spans.push({ start: words[i].start, end });
        while (i + 1 < words.length && words[i + 1].start < end) i++;
        free = i + 1;
        break;
      }
    for (const sp of spans.reverse()) out = `${out.slice(0, sp.start)}${ERASED_MARK}${out.slice(sp.end)}`;
    return out;
  };
  const walk = (v: unknown, key: string, at: ScrubContext): unknown => {
    if (typeof v === 'string') return key === 'by' ? scrubBy(v, (t) => scrub(t, at)) : scrub(v, at);
    if (Array.isArray(v)) {
      const list = v.map((x) => walk(x, key, at));
      if (key !== 'tags') return list;
      return list.filter((t, i) => !(t !== v[i] && typeof t === 'string' && t.split(ERASED_MARK).join('') === ''));
    }
    if (v !== null && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k, at)]));
    return v;
  };
  return (value, at = {}) => walk(value, '', at);
}

/**
 * The losing versions kept by pm sync and pm import (sync_conflicts, issue 19) hold copies of
 * records: conflictCopy decides what of each may stay once `people` are erased. Returns the
 * conflicts removed or scrubbed.
 */
function scrubConflicts(db: DB, people: ErasedPerson[], live: LiveNames): number {
  const rows = db.prepare('SELECT id, kind, key, lost_data AS data FROM sync_conflicts').all() as {
    id: number;
    kind: string;
    key: string;
    data: string | null;
  }[];
  const drop = db.prepare('DELETE FROM sync_conflicts WHERE id = ?');
  const set = db.prepare('UPDATE sync_conflicts SET lost_data = ? WHERE id = ?');
  let n = 0;
  for (const r of rows) {
    const copy = conflictCopy(db, r.kind, r.key, r.data === null ? null : JSON.parse(r.data), people, live);
    if (copy === null) {
      drop.run(r.id);
      n++;
    } else if (copy.doc !== null) {
      const text = JSON.stringify(copy.doc);
      if (text !== r.data) {
        set.run(text, r.id);
        n++;
      }
    }
  }
  return n;
}

/**
 * After an erasure: secure_delete zeroed what it freed, but copies of the person's rows left by
 * earlier changes (an import's page splits, rows rewritten before) may sit in free space: VACUUM
 * rewrites the file without any. Then the WAL still holds the old pages until it is checkpointed
 * and truncated; a program reading the journal meanwhile (holding an older snapshot) keeps them
 * there past the busy timeout. Run outside any transaction.
 */
export function purgeFreedPages(db: DB): { rewritten: boolean; walHeld: boolean } {
  let rewritten = true;
  try {
    db.exec('VACUUM');
  } catch (err) {
    // another writer started between the erasure and now, and held on past the busy timeout
    if (!/^SQLITE_(BUSY|LOCKED)/.test((err as { code?: string }).code ?? '')) throw err;
    rewritten = false;
  }
  const [checkpoint] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
  return { rewritten, walHeld: checkpoint?.busy !== 0 };
}

/**
 * Scrub the interviews an erased person attended of these names and emails too (what another
 * journal knew them as, e.g. the shared database's copy): quotes and mentions, as a change of this
 * journal's own (tracked), so that the scrubbed versions travel.
 */
export function rescrubInterviews(
  db: DB,
  contactUuid: string,
  name: string,
  email: string | null,
  live: LiveNames,
): void {
  const needles = personNeedles(name, email, null, live).theirs;
  const ids = db
    .prepare(`SELECT ic.interview_id FROM interview_contacts ic JOIN contacts c ON c.id = ic.contact_id
      WHERE c.uuid = ?`)
    .pluck()
    .all(contactUuid) as number[];
  const setText = db.prepare('UPDATE interviews SET summary = ?, notes = ? WHERE id = ?');
  const setPain = db.prepare('UPDATE pains SET text = ? WHERE interview_id = ? AND position = ?');
  for (const id of ids) {
    db.prepare('DELETE FROM quotes WHERE interview_id = ?').run(id);
    const row = db.prepare('SELECT summary, notes FROM interviews WHERE id = ?').get(id) as {
      summary: string;
      notes: string | null;
    };
    const summary = needles.replace(row.summary);
    const notes = row.notes == null ? { text: null, count: 0 } : needles.replace(row.notes);
    if (summary.count + notes.count > 0) setText.run(summary.text, notes.text, id);
    for (const p of db.prepare('SELECT position, text FROM pains WHERE interview_id = ?').all(id) as {
      position: number;
      text: string;
    }[]) {
      const r = needles.replace(p.text);
      if (r.count) setPain.run(r.text, id, p.position);
    }
    reindexInterview(db, id);
  }
}
