// Versions of shared records (src/db/tracking.ts makes them): comparing two versions of one record
// and deciding which wins. A version is a hybrid logical clock written so that comparing strings
// compares versions (wall ms, counter, device id); a version vector maps each device that changed
// the record to its latest version of it. Pure: no I/O.

/** A device's version vector of one record: device id → that device's latest version. */
export type VersionVector = Record<string, string>;

/**
 * An account's or contact's field stamps (schema 35, `fieldVersions` in exports): each field, by its
 * name in the export format, with the version that last set it. A field without a stamp holds what
 * it held when the record was made, which every journal holding the record has seen.
 */
export type FieldVersions = Record<string, string>;

/** The fields stamped, by kind: what a merge of two versions compares one by one. */
export const STAMPED_FIELDS = {
  account: ['name', 'segment', 'cadenceDays'],
  contact: ['name', 'email', 'accountUuid', 'role', 'segment', 'persona'],
} as const;

/** Has a journal whose vector is `vv` seen the change `version`? ('' — as made — everyone has.) */
export function knows(vv: VersionVector, version: string): boolean {
  return version === '' || (vv[deviceOf(version)] ?? '') >= version;
}

/** The version a record has in a file written before versions existed: older than any other. */
export const ORIGIN_VERSION = '000000000000000000.0000000000000000';

export const VERSION_RE = /^[0-9a-f]{18}\.[0-9a-f]{16}$/;

/** The device a version was made on. */
export function deviceOf(version: string): string {
  return version.slice(19);
}

export type Order = 'equal' | 'newer' | 'older' | 'concurrent';

/**
 * How `a` stands to `b`: `newer` when a's vector holds all of b's changes and more (a was made
 * knowing b), `older` the reverse, `concurrent` when each holds a change the other lacks: two
 * people changed the record without knowing of each other's change.
 */
export function compareVectors(a: VersionVector, b: VersionVector): Order {
  let aAhead = false;
  let bAhead = false;
  for (const d of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = a[d] ?? '';
    const y = b[d] ?? '';
    if (x > y) aAhead = true;
    else if (y > x) bAhead = true;
  }
  if (aAhead && bAhead) return 'concurrent';
  if (aAhead) return 'newer';
  if (bAhead) return 'older';
  return 'equal';
}

/** Both vectors' changes: each device's later version. */
export function mergeVectors(a: VersionVector, b: VersionVector): VersionVector {
  const out: VersionVector = { ...a };
  for (const [d, v] of Object.entries(b)) if (!(d in out) || v > out[d]) out[d] = v;
  return sortedVector(out);
}

/** The vector with its devices in order, so that equal vectors are equal JSON. */
export function sortedVector(v: VersionVector): VersionVector {
  return Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
}

/** The winner of two versions of a record: the later version (the device id breaks ties). */
export function laterVersion(a: string, b: string): string {
  return a >= b ? a : b;
}

/** A record's short reference, the same in every journal: `I-7f3a9c` (the UUID's random end). */
export function shortRef(prefix: string, uuid: string, length = 6): string {
  return `${prefix}-${randomPart(uuid).slice(0, length)}`;
}

/** The last 12 hex digits of a UUID: random in a UUIDv7 (its first digits are the time). */
export function randomPart(uuid: string): string {
  return uuid.replace(/-/g, '').slice(-12).toLowerCase();
}

/** The letter a kind's references start with. */
export const REF_PREFIX: Record<string, string> = {
  account: 'A',
  contact: 'C',
  interview: 'I',
  hypothesis: 'H',
  outcome: 'O',
};

/** A record's reference by kind and key: `I-7f3a9c`, `I-7f3a9c/H-0b12cd` for a link, a setting's key. */
export function recordRef(kind: string, key: string): string {
  if (kind === 'evidence') {
    const [i, h] = key.split('/');
    return `${shortRef('I', i)}/${shortRef('H', h)}`;
  }
  const prefix = REF_PREFIX[kind];
  return prefix ? shortRef(prefix, key) : key;
}

/** When a version was made (UTC, to the second) and on which device. */
export function versionTime(version: string): string {
  const ms = Number.parseInt(version.slice(0, 12), 16);
  return ms > 0 ? new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z') : 'before versions';
}
