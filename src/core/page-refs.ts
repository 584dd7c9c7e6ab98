// How a page names a hypothesis (fresh-eyes wave 13 H9). Display ids are each journal's own: Pat's
// H4 is Dana's H5, so Dana following Pat's "pm hyp validate H4" validated her own, different H4. A
// page of a journal that syncs, or of the team (`pm report --team`), names a hypothesis with the
// reference every journal reads the same, `H4 (H-8d8dc7)`, and the commands it prints take the
// reference. A solo journal's pages name H4 alone: no teammate has other ids to confuse it with.
// Interviews likewise (fresh-eyes wave 16 H7): `I9 (I-84762a)`, `pm edit I-84762a --follow-up done`.

/**
 * Each hypothesis's and each named interview's reference by its display id (`H4` → `H-8d8dc7`,
 * `I9` → `I-84762a`); absent on a solo journal's page.
 */
export type PageRefs = ReadonlyMap<string, string> | undefined;

/** A hypothesis as the page's prose names it: `H4 (H-8d8dc7)` on a shared page, else `H4`. */
export function named(refs: PageRefs, id: string): string {
  const ref = refs?.get(id);
  return ref === undefined ? id : `${id} (${ref})`;
}

/** Interviews (or hypotheses) as the page's prose lists them: `I9 (I-84762a), I12 (I-0c1d2e)`. */
export function namedAll(refs: PageRefs, ids: readonly string[]): string {
  return ids.map((id) => named(refs, id)).join(', ');
}

/** A hypothesis as the page's commands give it: its reference on a shared page, else `H4`. */
export function argOf(refs: PageRefs, id: string): string {
  return refs?.get(id) ?? id;
}

/**
 * A shared page's JSON with `ref` beside each hypothesis's `id` (and beside a flag's `subject`):
 * a script posting `pm report --json`'s flags to the team channel named Pat's "H4", which is another
 * hypothesis in Dana's journal (fresh-eyes wave 15 H7). Keys and values are the contract's; `ref` is
 * added, as `pm hyp list --json` has it. On a solo journal's page (no refs) the value itself.
 */
export function withRefs<T>(value: T, refs: PageRefs): T {
  if (refs === undefined) return value;
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v === null || typeof v !== 'object' || Object.getPrototypeOf(v) !== Object.prototype) return v;
    const out: Record<string, unknown> = {};
    for (const [key, x] of Object.entries(v)) {
      out[key] = walk(x);
      const ref = (key === 'id' || key === 'subject') && typeof x === 'string' ? refs.get(x) : undefined;
      if (ref !== undefined && !('ref' in v)) out.ref = ref;
    }
    return out;
  };
  return walk(value) as T;
}

/**
 * withRefs for a document JSON.stringify(…, null, 2) wrote (pm report --json's fast path, whose long
 * lists SQLite writes as text): `"ref"` on the line after each hypothesis's `"id"` or `"subject"`,
 * where withRefs puts it. A key opens its own line in that layout and a string value holds no raw
 * newline, so only keys match. Building the report's objects instead cost a synced journal's
 * --json ~1.7x its CPU (review wave 15 R4); report-json.test compares the two on both shapes.
 */
export function withRefsText(text: string, refs: ReadonlyMap<string, string>): string {
  return text.replace(/\n( *)"(id|subject)": "([HI]\d+)"(,?)/g, (line, pad, key, id, comma) => {
    const ref = refs.get(id);
    return ref === undefined ? line : `\n${pad}"${key}": "${id}",\n${pad}"ref": "${ref}"${comma}`;
  });
}

/** The interviews a document withRefsText is given names by `id` or `subject` (`I9`). */
export function interviewIdsIn(text: string): string[] {
  return Array.from(text.matchAll(/\n *"(?:id|subject)": "(I\d+)"/g), (m) => m[1]);
}
