// painKey (src/core/pains.ts) of a pain text in SQL, for the statements that group pains as
// opportunities do (the report's themes, the standup page's Opportunities count).
import type { DB } from './journal.js';
import { painKey } from '../core/pains.js';

// lower(trim()) for printable ASCII without a run of spaces, which NFC and the collapsing of white
// space leave as it is (lower() and trim() are then JavaScript's); the others through pm_pain_key, a
// JavaScript call (~2 µs and ~600 bytes of garbage each: ~170 texts in the harsh 100k journal's
// week). report-text-rows.test.ts holds the themes grouped as painKey groups them, with texts of
// both kinds; opportunity-fast-paths.test.ts each key painTextCounts reads.
export const PAIN_KEY = (t: string) =>
  `CASE WHEN ${t} GLOB '*[^ -~]*' OR instr(${t}, '  ') THEN pm_pain_key(${t}) ELSE lower(trim(${t})) END`;

const keyed = new WeakSet<DB>();
/** pm_pain_key(text): the key opportunities group pains by (painKey), so that a theme is one opportunity's pains. */
export function withPainKey(db: DB): DB {
  if (!keyed.has(db)) db.function('pm_pain_key', { deterministic: true }, (s: unknown) => painKey(String(s)));
  keyed.add(db);
  return db;
}
