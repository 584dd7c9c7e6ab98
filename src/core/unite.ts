// Two copies of one account or contact, created apart on two journals and found to be one (the same
// account name; the same email, or the same name in the same account): what the record they become
// holds. Pure: no I/O (src/db/merge.ts reads and writes them).
//
// The later copy's fields, each one it left empty filled from the other copy, as `pm log --with
// "Name <email>"` fills a known contact's empty email and `pm contact merge` fills the kept one's:
// what only one side typed is never lost. A field both typed differently takes the later copy's
// value; the other is not lost either: `lost` is the record as the earlier copy would have made it
// (its own fields, filled from the later), which pm keeps as a conflict (`pm sync conflicts`).

/** The fields compared: everything but the identity and version of each copy. */
const NOT_FIELDS = new Set(['uuid', 'id', 'rev', 'vv', 'forgotten']);

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

export function uniteCopies<T extends object>(later: T, earlier: T): United<T> {
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
