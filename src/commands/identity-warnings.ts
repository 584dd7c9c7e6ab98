// What a new or renamed contact or account may be by mistake (issue 16), said the same way by every
// command that makes one (pm log, pm import, pm contact set, pm account rename): a name that looks
// like a known one but is written with other characters ("Jоsé Peña" with a Cyrillic о), or a
// person erased with pm forget (by their email's keyed hash, or their name alone).
import type { DB } from '../db/journal.js';
import { lookalikeAccounts, lookalikeContacts, lookalikeDifference, type Lookalike } from '../db/identity.js';
import { hasErasures, loadForgottenList } from '../db/erasure.js';
import { safeLine } from '../core/text.js';

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
  const m = loadForgottenList(db).match(person);
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
 * A hypothesis `id` stating the open `other` again (the same content words): its evidence would be
 * split between the two and neither would reach a verdict. pm has no hypothesis merge (decisions.md):
 * the way out is to link the duplicate's evidence to the other, then delete the duplicate.
 */
export function repeatedHypothesisLine(id: string, statement: string, other: string, fromFile: boolean): string {
  const shown = q(statement.length > 120 ? `${statement.slice(0, 119)}…` : statement);
  return fromFile
    ? `the new ${id} ${shown} states the open ${other} again, so their evidence is split; if it is one ` +
        `belief: link ${id}'s evidence to ${other} (pm hyp show ${id} lists it), then pm delete ${id} --force`
    : `${id} states the open ${other} again: ${shown}; if it is one belief, log evidence to ${other} and ` +
        `pm delete ${id}`;
}
