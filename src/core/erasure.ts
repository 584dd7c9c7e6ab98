// The forgotten list as data: each erased person's UUID and keyed hashes of their email and name
// (HMAC-SHA-256 of the identity key, src/core/mentions.ts), never the email or name. A journal has
// its own key; hashes made elsewhere keep the key they were made with, so a person erased in any
// journal a team shares is recognised here (docs/decisions.md, "Erasure across journals").
import type * as Crypto from 'node:crypto';
import { identityKey } from './mentions.js';

// node:crypto is loaded when a hash is first made, not when this module is: pm log and pm show read
// the forgotten list's size at every run (an empty list needs no hash), and loading it cost ~6 ms
let crypto: typeof Crypto | undefined;
const hashing = () => (crypto ??= require('node:crypto') as typeof Crypto);

export interface PrivacyKey {
  id: string;
  key: Buffer;
}

export interface ForgottenEntry {
  uuid: string;
  keyId: string | null;
  emailHash: string | null;
  nameHash: string | null;
  erasedOn: string | null;
}

/** A key's fingerprint: what entries name it by. */
export function keyFingerprint(key: Buffer): string {
  return hashing().createHash('sha256').update(key).digest('hex').slice(0, 16);
}

export function emailHash(key: Buffer, email: string): string {
  return hashing()
    .createHmac('sha256', key)
    .update(`email:${identityKey(email)}`)
    .digest('hex');
}

export function nameHash(key: Buffer, name: string): string {
  return hashing()
    .createHmac('sha256', key)
    .update(`name:${identityKey(name)}`)
    .digest('hex');
}

/** The entry that erases `person`, hashed with `key`. */
export function entryFor(
  person: { uuid: string; name: string; email: string | null },
  key: PrivacyKey,
  erasedOn: string,
): ForgottenEntry {
  return {
    uuid: person.uuid,
    keyId: key.id,
    emailHash: person.email ? emailHash(key.key, person.email) : null,
    nameHash: nameHash(key.key, person.name),
    erasedOn,
  };
}

/**
 * The hash of an erased name's words without what dresses it ("Zoë Ŝtraße" of "Zoë Ŝtraße 👩‍💻"), kept
 * beside its whole one (forgotten_bare_names, schema 59) for matchTyped; null for a name that is its own words.
 */
export function bareNameHash(key: Buffer, name: string): string | null {
  const [bare] = dressedNames(name);
  return bare === undefined ? null : nameHash(key, bare);
}

/** An erased person's bare name hash (bareNameHash), as the forgotten list keeps it here. */
export interface BareName {
  uuid: string;
  keyId: string;
  hash: string;
}

export type ForgottenMatch = {
  by: 'uuid' | 'email' | 'name';
  entry: ForgottenEntry;
  /** matchTyped: the erased name found inside the one typed ("Kim Lee" in "Dr. Kim Lee") */
  dressed?: string;
  /** matchTyped: the name typed is the erased one's words, which had a title, parenthesis or symbol */
  undressed?: true;
};

/** Recognises erased people: by UUID, by email (the same person), or by name alone (maybe the same). */
export class ForgottenList {
  private readonly byUuid = new Map<string, ForgottenEntry>();
  /** per key id: hash → entry */
  private readonly byEmail = new Map<string, Map<string, ForgottenEntry>>();
  private readonly byName = new Map<string, Map<string, ForgottenEntry>>();

  /** per key id: bare name hash → entry (this journal's erasures only: they do not travel) */
  private readonly byBareName = new Map<string, Map<string, ForgottenEntry>>();

  constructor(
    entries: ForgottenEntry[],
    private readonly keys: PrivacyKey[],
    bare: BareName[] = [],
  ) {
    for (const e of entries) this.add(e);
    for (const b of bare) {
      const e = this.byUuid.get(b.uuid);
      if (!e) continue;
      const perKey = this.byBareName.get(b.keyId) ?? new Map<string, ForgottenEntry>();
      this.byBareName.set(b.keyId, perKey);
      if (!perKey.has(b.hash)) perKey.set(b.hash, e);
    }
  }

  add(e: ForgottenEntry): void {
    if (!this.byUuid.has(e.uuid)) this.byUuid.set(e.uuid, e);
    if (e.keyId === null) return;
    const put = (m: Map<string, Map<string, ForgottenEntry>>, hash: string | null) => {
      if (hash === null) return;
      const perKey = m.get(e.keyId!) ?? new Map<string, ForgottenEntry>();
      m.set(e.keyId!, perKey);
      if (!perKey.has(hash)) perKey.set(hash, e);
    };
    put(this.byEmail, e.emailHash);
    put(this.byName, e.nameHash);
  }

  addKey(k: PrivacyKey): void {
    if (!this.keys.some((x) => x.id === k.id)) this.keys.push(k);
  }

  get size(): number {
    return this.byUuid.size;
  }

  has(uuid: string): boolean {
    return this.byUuid.has(uuid);
  }

  match(person: { uuid: string; name: string; email: string | null }): ForgottenMatch | null {
    const entry = this.byUuid.get(person.uuid);
    if (entry) return { by: 'uuid', entry };
    for (const k of this.keys) {
      if (person.email) {
        const e = this.byEmail.get(k.id)?.get(emailHash(k.key, person.email));
        if (e) return { by: 'email', entry: e };
      }
    }
    return this.matchName(person.name);
  }

  /**
   * `match`, or for a name typed anew (pm log, the Who prompt, pm contact set), an erased full name
   * inside it dressed only with a title, a parenthesis or symbols: "Dr. Kim Lee", "Kim Lee (IT)",
   * "Kim Lee 🙂" are "Kim Lee" (fresh-eyes wave 12 G2). Only for refusing what is typed: a contact
   * already here or arriving from a teammate is matched whole (review wave 12 R1, R3: "Kim Lee
   * Smith" is someone else, never erased or reported erased on a run of her words).
   */
  matchTyped(person: { uuid: string; name: string; email: string | null }): ForgottenMatch | null {
    const m = this.match(person);
    if (m) return m;
    for (const name of dressedNames(person.name)) {
      const e = this.matchName(name);
      if (e) return { ...e, dressed: name };
    }
    // the other way round: an erased "Zoë Ŝtraße 👩‍💻" typed as "Zoë Ŝtraße" (or "Dr. Zoë Ŝtraße"), her
    // words compared with the hash of hers kept at the erasure
    for (const name of [person.name, ...dressedNames(person.name)])
      for (const k of this.keys) {
        const e = this.byBareName.get(k.id)?.get(nameHash(k.key, name));
        if (e) return { by: 'name', entry: e, undressed: true };
      }
    return null;
  }

  private matchName(name: string): ForgottenMatch | null {
    for (const k of this.keys) {
      const e = this.byName.get(k.id)?.get(nameHash(k.key, name));
      if (e) return { by: 'name', entry: e };
    }
    return null;
  }
}

// a title before a name, said or written ("Dr. Kim Lee"): the words a name may be dressed with
const TITLE = /^(dr|mr|mrs|ms|mx|miss|prof|sir|dame|rev|fr)\.?$/i;

/**
 * The runs of two to six words of a name whose other words are only a title, a parenthesis or
 * symbols ("Dr. Kim Lee", "Kim Lee (IT)", "Kim Lee 🙂" hold "Kim Lee"); a run with any other word
 * beside it ("Kim Lee Smith", "Ann Kim Lee", "Kim Lee-Smith") is part of another name.
 */
function dressedNames(name: string): string[] {
  const bare = name.replace(/\([^)]*\)/g, ' ');
  const words = [...bare.matchAll(/[\p{L}\p{N}]+\.?/gu)].map((m) => ({
    text: m[0],
    start: m.index,
    end: m.index + m[0].length,
  }));
  const core = words.filter((w) => !TITLE.test(w.text));
  if (core.length < 2 || core.length > 6) return [];
  const span = bare.slice(core[0].start, core[core.length - 1].end).replace(/\.$/, '');
  // a name's words are apart by spaces, hyphens, apostrophes or dots only
  return span === name || /[^\p{L}\p{N}\s'’.-]/u.test(span) ? [] : [span];
}

/**
 * Is a person whose name alone matched an erased one (`m`) that very person, by the rule that makes
 * two copies made apart one (fresh-eyes E11)? Yes at the same account (`erasedAccount`: the one the
 * erased person was at), when no email tells them apart (either has none; the same email matches by
 * email anyway). A namesake elsewhere, or with an email of their own, is someone else.
 */
export function sameAsErased(
  m: ForgottenMatch | null,
  person: { email: string | null; account: string },
  erasedAccount: string | undefined,
): boolean {
  if (m?.by !== 'name' || erasedAccount === undefined) return false;
  if (person.email && m.entry.emailHash) return false;
  return erasedAccount.toLowerCase() === person.account.toLowerCase();
}
