// What a new or renamed contact or account may be by mistake (issue 16), said the same way by every
// command that makes one (pm log, pm import, pm contact set, pm account rename): a name that looks
// like a known one but is written with other characters ("Jоsé Peña" with a Cyrillic о), or a
// person erased with pm forget (by their email's keyed hash, or their name alone).
import type { DB } from '../db/journal.js';
import { lookalikeAccounts, lookalikeContacts, lookalikeDifference, type Lookalike } from '../db/identity.js';
import { hasErasures, loadForgottenList } from '../db/erasure.js';
import { sameAsErased } from '../core/erasure.js';
import { hashedScrubber, scrubBy } from '../db/forget.js';
import { UsageError } from '../errors.js';
import { accountStem, editDistance, looseKey, nearPersonName, plainKey, safeLine } from '../core/text.js';
import { nameKey } from '../core/identity.js';
import { accountKeys } from '../db/identity.js';
import { contactByUuid, contactRefFor } from '../db/contacts.js';

const q = (s: string) => JSON.stringify(safeLine(s));

/**
 * Contacts other than `self` whose name looks like `name` (`what`: "the new contact", "the new name");
 * `self` is the contact's UUID, which the merge command names.
 */
export function contactLookalikeWarnings(db: DB, what: string, name: string, self: string): string[] {
  return lookalikeContacts(db, name)
    .filter((other) => other.uuid !== self)
    .map((other) => contactLookalikeLine(what, name, self, other));
}

export function contactLookalikeLine(what: string, name: string, self: string, other: Lookalike): string {
  return (
    `${what} ${q(name)} looks like ${q(other.name)} (${safeLine(other.account)}) but is written with ` +
    `${lookalikeDifference(name, other.name)}; did you mean ${q(other.name)}? ` +
    `if so: pm contact merge ${self} ${other.uuid}`
  );
}

/** Accounts other than `self` (a UUID) whose name looks like `name`. */
export function accountLookalikeWarnings(db: DB, what: string, name: string, self?: string): string[] {
  return lookalikeAccounts(db, name)
    .filter((other) => other.uuid !== self)
    .map((other) => accountLookalikeLine(what, name, other.name));
}

export function accountLookalikeLine(what: string, name: string, other: string): string {
  return (
    `${what} ${q(name)} looks like ${q(other)} but is written with ${lookalikeDifference(name, other)}; ` +
    `did you mean ${q(other)}? if so: pm account merge ${q(name)} ${q(other)}`
  );
}

/**
 * A person given the email, or the name alone, of someone erased with pm forget: `done` says what
 * pm did all the same ("logged as a new contact", "changed").
 */
export function erasedPersonWarnings(
  db: DB,
  person: { uuid: string; name: string; email: string | null },
  done: string,
): string[] {
  if (!hasErasures(db)) return [];
  const m = loadForgottenList(db).matchTyped(person);
  if (m?.by === 'email') {
    const on = m.entry.erasedOn ? ` on ${m.entry.erasedOn}` : '';
    return [
      `${safeLine(person.email!)} is the email of a person erased with pm forget${on}; ${done} ` +
        `(if they asked to be forgotten: pm forget ${q(person.email!)} --yes)`,
    ];
  }
  if (m?.by === 'name')
    return [
      `${q(person.name)} has the name of a person erased with pm forget; ${done} ` +
        `(if it is them and they asked to be forgotten: pm forget ${person.uuid} --yes)`,
    ];
  return [];
}

/**
 * A refusal because what was typed is, or names, a person erased with pm forget: a pm log that ends
 * in one keeps no draft of its answers, which would hold them (fresh-eyes wave 18 H19).
 */
export class ErasedRefusal extends UsageError {}

const NEVER_BACK = 'an erased person never comes back: pm import and pm sync would erase them again';

/**
 * Refuse a new or changed contact that is a person erased with pm forget by the rule pm import and pm
 * sync apply (sameAsErased, docs/decisions.md "Except at the erased person's own account"): their
 * email, or their name at the account they were at with no email telling them apart. pm log used to
 * warn and log them "as a new contact", and the next import or sync erased them after all (fresh-eyes
 * wave 11 E1). A name alone elsewhere is someone else: erasedPersonWarnings warns.
 */
export function refuseErasedPerson(
  db: DB,
  person: { name: string; email: string | null },
  account: string | null,
): void {
  if (!hasErasures(db)) return;
  const m = loadForgottenList(db).matchTyped({ uuid: '', ...person });
  if (!m || m.by === 'uuid') return;
  const on = m.entry.erasedOn ? ` on ${m.entry.erasedOn}` : '';
  if (m.by === 'email')
    throw new ErasedRefusal(
      `${safeLine(person.email!)} is the email of a person erased with pm forget${on}; pm does not take them back`,
      `${NEVER_BACK}; someone else? give their own email`,
    );
  if (account === null) return;
  const at = db
    .prepare(
      'SELECT a.name FROM contacts c JOIN accounts a ON a.id = c.account_id WHERE c.uuid = ? AND c.forgotten = 1',
    )
    .pluck()
    .get(m.entry.uuid) as string | undefined;
  if (!sameAsErased(m, { email: person.email, account }, at)) return;
  // a title or parenthesis around their name (pm import and pm sync match a name whole: review R9)
  if (m.dressed || m.undressed)
    throw new ErasedRefusal(
      (m.dressed
        ? `${q(person.name)} at ${safeLine(at!)} is ${q(m.dressed)}, a person erased with pm forget${on}; `
        : `${q(person.name)} at ${safeLine(at!)} is a person erased with pm forget${on}, whose name had a ` +
          'title, a parenthesis or an emoji more; ') + 'pm does not take them back',
      'a title, a parenthesis or an emoji does not make another person' +
        (m.entry.emailHash
          ? `; someone else of that name? give their email: --with "${safeLine(person.name)} <their email>"`
          : `; they had no email, so a namesake at ${safeLine(at!)} cannot be told apart from them`),
    );
  throw new ErasedRefusal(
    `${q(person.name)} at ${safeLine(at!)} is a person erased with pm forget${on}; pm does not take them back`,
    m.entry.emailHash
      ? `${NEVER_BACK}; someone else of that name? give their email: --with "${safeLine(person.name)} <their email>"`
      : `${NEVER_BACK}; they had no email, so a namesake at ${safeLine(at!)} cannot be told apart from them`,
  );
}

/**
 * Refuse text (`fields`: a flag or field name and what it holds) that names a person erased with pm
 * forget: pm sync (and an import into a teammate's journal) writes every record scrubbed of them
 * (hashedScrubber), so the two journals of a team differed until then, and `pm edit` wrote the name
 * back with no word (fresh-eyes wave 11 E1). `people`: the names of a conversation's own living
 * contacts, which name them there (a namesake of the erased person), as pm import keeps them.
 */
export function refuseErasedMention(
  db: DB,
  fields: [string, string | null | undefined][],
  people: string[] = [],
  attendedBy: string[] = [],
): void {
  if (!hasErasures(db)) return;
  const own = new Set(people.map(nameKey));
  // a one-word name ("May") is refused where the scrub takes it: in a conversation they attended
  // (`attendedBy`: its contacts' UUIDs), or beside their account or email (wave 11 F11)
  const scrub = hashedScrubber(db, (span) => own.has(nameKey(span)));
  if (!scrub) return;
  for (const [field, text] of fields) {
    if (!text) continue;
    // who held it is a name: taken only when it is nothing but the erased person's (scrubBy)
    const scrubbed =
      field === '--by'
        ? scrubBy(text, (t) => scrub(t, { attendedBy }) as string)
        : (scrub(text, { attendedBy }) as string);
    if (scrubbed === text) continue;
    throw new ErasedRefusal(
      `${field} names a person erased with pm forget; pm keeps their name and email out of the journal`,
      `write it without them, e.g. ${JSON.stringify(clip(safeLine(scrubbed)))} (pm sync takes an erased name out)`,
    );
  }
}

const clip = (s: string) => ([...s].length > 80 ? `${[...s].slice(0, 79).join('')}…` : s);

/**
 * A hypothesis `id` stating the open `other` again (the same content words): its evidence would be
 * split between the two and neither would reach a verdict. pm has no hypothesis merge (decisions.md):
 * the way out is to link the duplicate's evidence to the other, then delete the duplicate.
 */
export function repeatedHypothesisLine(id: string, statement: string, other: string): string {
  return (
    `${id} states the open ${other} again: ${shownStatement(statement)}; if it is one belief, log evidence ` +
    `to ${other} and pm delete ${id}`
  );
}

const shownStatement = (s: string) => q(s.length > 120 ? `${s.slice(0, 119)}…` : s);

/**
 * The warning of a hypothesis that arrived from a teammate (import, sync) stating one here again. Both
 * journals are told, so both must be told to fold the same one (eyes2 wave 11 F6: each was told to
 * delete "the new" one, the other's, and doing both deleted the belief everywhere): a decided one stays
 * (it holds the decision: fresh-eyes wave 15 H17), else the one with the smaller UUID, on every journal.
 */
export function arrivedRepeatLine(h: {
  uuid: string;
  id: string;
  statement: string;
  status: string;
  like: { uuid: string; id: string; status: string };
}): string {
  const decided = (status: string) => status !== 'open';
  const keepNew = decided(h.status) !== decided(h.like.status) ? decided(h.status) : h.uuid < h.like.uuid;
  const [fold, keep] = keepNew ? [h.like.id, h.id] : [h.id, h.like.id];
  const keeping = fold === h.id ? ':' : `, keep ${h.id} (your teammates are told the same):`;
  const status = decided(h.status) ? `${h.status} ` : '';
  return (
    `the new ${status}${h.id} ${shownStatement(h.statement)} states the ${h.like.status} ${h.like.id} again, so ` +
    `their evidence is split; if it is one belief${keeping} link ${fold}'s evidence to ${keep} (pm hyp show ` +
    `${fold} lists it), then pm delete ${fold} --force --yes`
  );
}

/**
 * The look keys (NFD skeletons, src/core/identity.ts) that start with the letter `name`'s starts with:
 * a name written as another but for accents shares its first base letter, since NFD puts the accent
 * after it. Read by the look-key index, the near-name checks visit a letter's names, not the journal's
 * (on a 100k journal a scan of every contact cost a new contact's pm log ~80 ms).
 */
function firstLetterRange(name: string): [string, string] {
  const first = String.fromCodePoint(accountKeys(name).lookKey.codePointAt(0) ?? 0);
  return [first, String.fromCodePoint((first.codePointAt(0) ?? 0) + 1)];
}

/**
 * A new account written as a known one but for accents, case, punctuation or a company suffix
 * ("Acme, Inc.", "Unicode GmbH" for "Ünïcode GmbH"), or one letter off ("Acm"): most often the same
 * company, which would split its conversations and count it as two (wave 10, E5). Runs only when an
 * account is created; `skip`: names already warned about as look-alikes.
 */
export function nearAccountWarnings(db: DB, what: string, name: string, skip: string[] = []): string[] {
  const stem = accountStem(name);
  if (stem === '') return [];
  const own = nameKey(name);
  const out: string[] = [];
  const rows = db
    .prepare('SELECT name, name_key AS key FROM accounts WHERE look_key >= ? AND look_key < ? ORDER BY id')
    .iterate(...firstLetterRange(name));
  for (const a of rows as Iterable<{ name: string; key: string }>) {
    if (a.key === own || skip.includes(a.name)) continue;
    const other = accountStem(a.name);
    const how =
      other === stem
        ? looseKey(a.name) === looseKey(name)
          ? 'but for accents'
          : 'but for punctuation or a company suffix'
        : Math.min(stem.length, other.length) >= 3 &&
            Math.abs(stem.length - other.length) <= 1 &&
            editDistance(stem, other) === 1
          ? 'but for one letter'
          : '';
    if (!how) continue;
    out.push(
      `${what} ${q(name)} is written as ${q(a.name)} ${how}; did you mean ${q(a.name)}? if so: ` +
        `pm account merge ${q(name)} ${q(a.name)}`,
    );
    if (out.length === 3) break;
  }
  return out;
}

/**
 * A new contact named as a known one but for accents ("Jose Nunez" for José Núñez): a US keyboard
 * rarely types them (wave 10, E5). Runs only when a contact is created; `skip`: UUIDs already warned
 * about as look-alikes or namesakes.
 */
export function nearContactWarnings(db: DB, what: string, name: string, self: string, skip: string[] = []): string[] {
  const key = looseKey(name);
  const own = nameKey(name);
  const out: string[] = [];
  const rows = db
    .prepare(`SELECT c.uuid, c.name, c.name_key AS key, a.name AS account FROM contacts c
      JOIN accounts a ON a.id = c.account_id WHERE c.look_key >= ? AND c.look_key < ? AND c.forgotten = 0
      ORDER BY c.id`)
    .iterate(...firstLetterRange(name));
  for (const c of rows as Iterable<{ uuid: string; name: string; key: string; account: string }>) {
    if (c.uuid === self || c.key === own || skip.includes(c.uuid) || looseKey(c.name) !== key) continue;
    out.push(
      `${what} ${q(name)} is written as ${q(c.name)} (${safeLine(c.account)}) but for accents; did you mean ` +
        `${q(c.name)}? if so: pm contact merge ${self} ${c.uuid}`,
    );
    if (out.length === 3) break;
  }
  return out;
}

/**
 * A new contact called by the first name alone of a colleague at another account ("Sam" for Sam Lee,
 * a stakeholder of Our team) and given no email: most often the colleague at a meeting about a customer,
 * made a customer of that account, so the meeting counted as customer contact (fresh-eyes wave 17 H11).
 * A warning, not a refusal (a customer's first name is as often their own), with the merge that undoes it.
 */
export function colleagueFirstNameWarnings(
  db: DB,
  what: string,
  c: { uuid: string; name: string; email: string | null; role: string },
  at: { id: number; name: string },
): string[] {
  const key = nameKey(c.name);
  if (c.role === 'stakeholder' || c.email !== null || key.includes(' ')) return [];
  const colleagues = db
    .prepare(`SELECT c.uuid FROM contacts c WHERE c.name_key >= ? AND c.name_key < ? AND c.forgotten = 0
      AND c.role = 'stakeholder' AND c.account_id <> ? ORDER BY c.id LIMIT 3`)
    .pluck()
    .all(`${key} `, `${key}!`, at.id) as string[];
  if (colleagues.length === 0) return [];
  const self = contactByUuid(db, c.uuid)!;
  return colleagues.map((uuid) => {
    const them = contactByUuid(db, uuid)!;
    return (
      `${what} ${q(c.name)} (${c.role}, ${safeLine(at.name)}) is the first name of your colleague ` +
      `${safeLine(them.name)} (stakeholder, ${safeLine(them.account)}); if it was them: pm contact merge ` +
      `${contactRefFor(db, self)} ${contactRefFor(db, them)}`
    );
  });
}

/**
 * Why nearPersonName took `typed` for `known`, said so (fresh-eyes wave 18 H18: the warning said "is at
 * the same account as", which is not why it warns): `is one letter from "Jon Lee" at Acme`.
 */
function nearNameReason(typed: string, known: string, account?: string): string {
  const at = account === undefined ? '' : ` at ${safeLine(account)}`;
  const [a, b] = [plainKey(typed), plainKey(known)];
  if (a === b) return `is written as ${q(known)}${at} but for accents and letters a keyboard lacks`;
  const [mine, theirs] = [a.split(' '), b.split(' ')];
  if (mine.length < theirs.length && mine.every((w) => theirs.includes(w)))
    return `is part of the name of ${q(known)}${at}`;
  if (theirs.length < mine.length && theirs.every((w) => mine.includes(w)))
    return `holds the whole name of ${q(known)}${at}`;
  const d = editDistance(a, b);
  return `is ${d === 1 ? 'one letter' : d === 2 ? 'two letters' : 'a few letters'} from ${q(known)}${at}`;
}

/**
 * A new contact at an account that already has someone of a near name: a first name alone ("Jane" for
 * Jane Roe), a letter or two off ("Jnae Roe"), or letters an English keyboard lacks ("Sven Odegard"):
 * most often the same person, whose calls would then count apart (fresh-eyes wave 14 H2, H8). Names
 * but for accents are nearContactWarnings'; `skip`: UUIDs already warned about.
 */
export function sameAccountNearWarnings(
  db: DB,
  what: string,
  name: string,
  self: string,
  accountId: number,
  skip: string[] = [],
): string[] {
  const rows = db
    .prepare(`SELECT uuid, name FROM contacts WHERE account_id = ? AND forgotten = 0 AND uuid <> ? ORDER BY id`)
    .all(accountId, self) as { uuid: string; name: string }[];
  const out: string[] = [];
  for (const c of rows) {
    if (skip.includes(c.uuid) || looseKey(c.name) === looseKey(name) || !nearPersonName(name, c.name)) continue;
    const [mine, theirs] = [contactByUuid(db, self), contactByUuid(db, c.uuid)];
    out.push(
      `${what} ${q(name)} ${nearNameReason(name, c.name, theirs?.account)}; if they are one person: ` +
        `pm contact merge ${mine ? contactRefFor(db, mine) : self} ${theirs ? contactRefFor(db, theirs) : c.uuid}`,
    );
    if (out.length === 3) break;
  }
  return out;
}
