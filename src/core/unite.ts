// Two copies of one account or contact, created apart on two journals and found to be one (the same
// account name; the same email, or the same name in the same account): what the record they become
// holds. Pure: no I/O (src/db/merge.ts reads and writes them).
//
// The later copy's fields, each one it left empty filled from the other copy, as `pm log --with
// "Name <email>"` fills a known contact's empty email and `pm contact merge` fills the kept one's:
// what only one side typed is never lost. A field both typed differently takes the later copy's
// value; the other is not lost either: `lost` is the record as the earlier copy would have made it
// (its own fields, filled from the later), which pm keeps as a conflict (`pm sync conflicts`).

import { knows, type FieldVersions, type VersionVector } from './versions.js';

/** The fields compared: everything but the identity and version of each copy. */
const NOT_FIELDS = new Set(['uuid', 'id', 'rev', 'vv', 'fieldVersions', 'forgotten']);

const empty = (v: unknown) => v === null || v === undefined;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** `first`'s fields, each one it left empty taken from `second`. */
export function filledFrom<T extends object>(first: T, second: T): T {
  const out: Record<string, unknown> = { ...(first as Record<string, unknown>) };
  for (const [k, v] of Object.entries(second)) if (!NOT_FIELDS.has(k) && empty(out[k]) && !empty(v)) out[k] = v;
  return out as T;
}

/** The fields both copies hold, with different values. */
export function differingFields<T extends object>(a: T, b: T): string[] {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  return [...new Set([...Object.keys(x), ...Object.keys(y)])]
    .filter((k) => !NOT_FIELDS.has(k) && !empty(x[k]) && !empty(y[k]) && !same(x[k], y[k]))
    .sort();
}

export interface United<T> {
  /** what the record holds: the later copy, its empty fields filled from the earlier */
  content: T;
  /** the earlier copy, filled from the later: kept as a conflict when a field differs, else null */
  lost: T | null;
}

/** A name folded as far as its case and spacing: "Raj  Patel" and "raj patel" are one spelling. */
const spelling = (name: string) => name.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();

/** How carefully a name looks typed: Mixed Case 2, ALL CAPITALS 1, all lower case 0. */
function care(name: string): number {
  const upper = /\p{Lu}/u.test(name);
  const lower = /\p{Ll}/u.test(name);
  return upper && lower ? 2 : upper ? 1 : 0;
}

const capitals = (text: string) => text.replace(/[^\p{Lu}]/gu, '').length;

/**
 * `names`: the copies were matched by their names (accounts, contacts made apart). Names that differ
 * only in case or spacing are one name, no conflict: it keeps the spelling typed with more care
 * ("Acme", not the "acme" a teammate typed later; fresh-eyes wave 8 E26), the later copy's when
 * alike. Decided from the two spellings alone, so every journal that unites them keeps the same.
 */
export function uniteCopies<T extends object>(later: T, earlier: T, opts: { names?: boolean } = {}): United<T> {
  const [l, e] = [later as Record<string, unknown>, earlier as Record<string, unknown>];
  if (
    opts.names &&
    typeof l.name === 'string' &&
    typeof e.name === 'string' &&
    l.name !== e.name &&
    spelling(l.name) === spelling(e.name)
  ) {
    const name = care(e.name) > care(l.name) ? e.name : l.name;
    later = { ...later, name };
    earlier = { ...earlier, name };
  }
  // one email typed in another case is one address, no conflict (fresh-eyes wave 18 H1: JANE@ against
  // jane@ was "changed here and there at once" on a first import): the one in fewer capitals, the
  // later copy's when alike, decided from the two alone as the name is
  if (
    typeof l.email === 'string' &&
    typeof e.email === 'string' &&
    l.email !== e.email &&
    spelling(l.email) === spelling(e.email)
  ) {
    const email = capitals(e.email) < capitals(l.email) ? e.email : l.email;
    later = { ...later, email };
    earlier = { ...earlier, email };
  }
  return {
    content: filledFrom(later, earlier),
    lost: differingFields(later, earlier).length > 0 ? filledFrom(earlier, later) : null,
  };
}

/** Do two copies hold the same fields (their identity and versions aside)? */
export function sameFields<T extends object>(a: T, b: T): boolean {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  return [...new Set([...Object.keys(x), ...Object.keys(y)])].every(
    (k) => NOT_FIELDS.has(k) || (empty(x[k]) && empty(y[k])) || same(x[k], y[k]),
  );
}

/** One side of a merge of two versions of the same record: its fields, their stamps, its vector. */
export interface Side<T> {
  doc: T;
  stamps: FieldVersions;
  vv: VersionVector;
}

export interface Merged<T> {
  content: T;
  /** each field's stamp: that of the version its value came from */
  stamps: FieldVersions;
  /** `content` with the losing value of each field both sides changed differently; null: none */
  lost: T | null;
}

/**
 * Two concurrent versions of one account or contact (the same record, changed on two journals since
 * they last shared a version of it), merged field by field (a three-way merge: each field's stamp
 * says which version set it, each vector what that side had seen). A field one side changed and the
 * other left as it was takes the change, an emptied field included, and is no conflict; a field
 * both changed to different values takes the later change, and the other value is the conflict
 * (`lost`); a field alike on both sides stays. Where the stamps cannot tell (both sides hold a
 * field differently under one stamp: journals stamped when schema 35 came, each with what it had),
 * the rule for copies made apart decides that field: the later version's value, filled from the
 * other when empty, a conflict when both hold one. Every journal merging the two decides the same.
 */
export function mergeVersions<T extends object>(
  fields: readonly string[],
  mine: Side<T>,
  theirs: Side<T>,
  theirsLater: boolean,
): Merged<T> {
  const content: Record<string, unknown> = { ...(mine.doc as Record<string, unknown>) };
  const lost: Record<string, unknown> = {};
  const stamps: FieldVersions = {};
  const m = mine.doc as Record<string, unknown>;
  const t = theirs.doc as Record<string, unknown>;
  for (const f of fields) {
    const [mv, tv] = [m[f] ?? null, t[f] ?? null];
    const [ms, ts] = [mine.stamps[f] ?? '', theirs.stamps[f] ?? ''];
    let takeTheirs: boolean;
    let conflict = false;
    if (same(mv, tv)) takeTheirs = ts > ms;
    else if (ms === ts) {
      // one stamp, two values: the later version's, filled from the other
      takeTheirs = theirsLater ? !empty(tv) || empty(mv) : empty(mv);
      conflict = !empty(mv) && !empty(tv);
    } else {
      const iKnowTheirs = knows(mine.vv, ts);
      const theyKnowMine = knows(theirs.vv, ms);
      if (iKnowTheirs !== theyKnowMine) takeTheirs = theyKnowMine;
      else {
        // both changed it (or the stamps say nothing sure): the later change wins, the other is kept
        takeTheirs = ts > ms;
        conflict = true;
      }
    }
    content[f] = takeTheirs ? tv : mv;
    const stamp = takeTheirs ? ts : ms;
    if (stamp !== '') stamps[f] = stamp;
    if (conflict) lost[f] = takeTheirs ? mv : tv;
  }
  return {
    content: content as T,
    stamps,
    lost: Object.keys(lost).length > 0 ? ({ ...content, ...lost } as T) : null,
  };
}

/**
 * The stamps of a merge's result where the other side's version has none (a file of an earlier
 * pm): a field as it was here keeps its stamp; one the other version set is stamped with that
 * version (all that is known of when it changed).
 */
export function stampsFrom<T extends object>(
  fields: readonly string[],
  content: T,
  mine: { doc: T; stamps: FieldVersions },
  theirVersion: string,
): FieldVersions {
  const out: FieldVersions = {};
  const c = content as Record<string, unknown>;
  const m = mine.doc as Record<string, unknown>;
  for (const f of fields) {
    const stamp = same(c[f] ?? null, m[f] ?? null) ? (mine.stamps[f] ?? '') : theirVersion;
    if (stamp !== '') out[f] = stamp;
  }
  return out;
}

/**
 * The field stamps of two copies made apart, now one record under the staying copy's UUID: a field
 * holding the staying copy's value keeps its stamp; one holding the going copy's is stamped as it
 * was there (or with the going copy's version: it is news to every journal that held only the
 * staying one). Every journal that unites the two stamps them alike.
 */
export function unitedStamps<T extends object>(
  fields: readonly string[],
  content: T,
  staying: { doc: T; stamps: FieldVersions },
  going: { stamps: FieldVersions; version: string },
): FieldVersions {
  const out: FieldVersions = {};
  const c = content as Record<string, unknown>;
  const s = staying.doc as Record<string, unknown>;
  for (const f of fields) {
    const stamp = same(c[f] ?? null, s[f] ?? null) ? (staying.stamps[f] ?? '') : (going.stamps[f] ?? going.version);
    if (stamp !== '') out[f] = stamp;
  }
  return out;
}
