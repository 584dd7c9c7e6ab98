// The full-text index interviews_fts (rowid = interviews.id). Kept by the application rather than
// triggers because pains and quotes live in their own tables: the interview writer
// (src/db/interview-writer.ts) and `pm forget` keep it inside their transactions.
import type { DB } from './journal.js';
import { UsageError } from '../errors.js';
import { foldForIndex } from '../core/identity.js';
import { foldQuery, MATCH_END, MATCH_START } from '../core/search-text.js';

/** What the index holds of an interview. */
export interface IndexedText {
  summary: string;
  notes: string | null;
  pains: { text: string }[];
  quotes: string[];
}

export const INDEX_INSERT = 'INSERT INTO interviews_fts (rowid, summary, notes, pains, quotes) VALUES (?, ?, ?, ?, ?)';
export const INDEX_DELETE = 'DELETE FROM interviews_fts WHERE rowid = ?';

/**
 * The values of INDEX_INSERT after the rowid: the one definition of an interview's index row. The
 * text is folded (src/core/identity.ts, foldForIndex: NFKC, no invisible characters) as queries are,
 * so that `pm search export` finds `ex\u200Bport` and full-width letters; the tokenizer folds case
 * and accents.
 */
export function indexValues(t: IndexedText): [string, string, string, string] {
  return [
    foldForIndex(t.summary),
    foldForIndex(t.notes ?? ''),
    foldForIndex(t.pains.map((p) => p.text).join('\n')),
    foldForIndex(t.quotes.join('\n')),
  ];
}

/** (Re)write the index row of one interview from what is stored now. */
export function reindexInterview(db: DB, rowid: number): void {
  const row = db.prepare('SELECT summary, notes FROM interviews WHERE id = ?').get(rowid) as
    | { summary: string; notes: string | null }
    | undefined;
  const list = (table: string) =>
    db.prepare(`SELECT text FROM ${table} WHERE interview_id = ? ORDER BY position`).pluck().all(rowid) as string[];
  db.prepare(INDEX_DELETE).run(rowid);
  if (row) {
    const pains = list('pains').map((text) => ({ text }));
    db.prepare(INDEX_INSERT).run(rowid, ...indexValues({ ...row, pains, quotes: list('quotes') }));
  }
}

/**
 * Migration 0016: rewrite from the stored text the index rows that hold a character outside
 * printable ASCII (only those can change; SQLite finds them with GLOB), so that Chinese, Japanese,
 * Korean and Thai are indexed a character at a time. Returns how many rows it rewrote.
 */
export function reindexUnspaced(db: DB): number {
  const rowids = db
    .prepare(`SELECT rowid FROM interviews_fts
      WHERE summary GLOB @p OR notes GLOB @p OR pains GLOB @p OR quotes GLOB @p`)
    .pluck()
    .all({ p: '*[^\t\n\r -~]*' }) as number[];
  for (const rowid of rowids) reindexInterview(db, rowid);
  return rowids.length;
}

export { MATCH_END, MATCH_START };

export interface SearchHit {
  rowid: number;
  /** The index's text of each column (summary, notes, pains, quotes), matched words between marks. */
  marked: [string, string, string, string];
  /** FTS5's own snippet (of the index's text): for a row whose text is not the index's form of what is stored. */
  fallback: () => string;
}

/**
 * Interviews matching a query, best first (bm25). The query is folded as the text is (foldQuery:
 * a run of Chinese is a phrase of its characters). The marked columns are computed for the hits
 * only, not for every matching row the ranking sorts. A query FTS5 cannot parse is a usage error
 * saying what is wrong with it.
 */
export function searchInterviews(db: DB, query: string, limit: number): SearchHit[] {
  const q = foldQuery(quoteApostrophes(query));
  let rowids: number[];
  try {
    rowids = db
      .prepare(`SELECT rowid FROM interviews_fts WHERE interviews_fts MATCH ?
        ORDER BY bm25(interviews_fts), rowid DESC LIMIT ?`)
      .pluck()
      .all(q, limit) as number[];
  } catch (err) {
    const e = err as { code?: string; message?: string };
    if (e.code === 'SQLITE_ERROR')
      throw new UsageError(
        `cannot search for ${JSON.stringify(query)}: ${queryProblem(e.message ?? '')}`,
        'write words, "a phrase" in quotes, or a prefix*; quote words with punctuation ("e-mail")',
      );
    throw err;
  }
  const marks = `'${MATCH_START}', '${MATCH_END}'`;
  // FTS5's highlight() and snippet() cost grows with a column's length times its matches (a 5 MB
  // transcript with 70,000 of them: ~21 s of CPU, fresh-eyes E36): a column longer than LONG_COLUMN
  // is read as it is and its first matches marked here (markFirstMatches), as a snippet needs
  const columns = ['summary', 'notes', 'pains', 'quotes'].map(
    (c, i) =>
      `length(${c}) > ${LONG_COLUMN}, CASE WHEN length(${c}) > ${LONG_COLUMN} THEN ${c} ` +
      `ELSE highlight(interviews_fts, ${i}, ${marks}) END`,
  );
  const highlight = db.prepare(`SELECT ${columns.join(', ')}
    FROM interviews_fts WHERE interviews_fts MATCH ? AND rowid = ?`);
  const snippet = db.prepare(`SELECT snippet(interviews_fts, -1, ${marks}, '…', 16)
    FROM interviews_fts WHERE interviews_fts MATCH ? AND rowid = ?`);
  // The rowid bound as an integer: better-sqlite3 binds a JavaScript number as a REAL, and FTS5
  // with a MATCH ignores `rowid = 3.0` (it answered the best match's row for every hit).
  return rowids.map((rowid) => {
    const row = highlight.raw().get(q, BigInt(rowid)) as (number | string | null)[];
    const long = [0, 1, 2, 3].filter((i) => row[i * 2] === 1);
    const marked = [0, 1, 2, 3].map((i) =>
      row[i * 2] === 1 ? markFirstMatches(String(row[i * 2 + 1]), q) : String(row[i * 2 + 1] ?? ''),
    ) as SearchHit['marked'];
    return {
      rowid,
      marked,
      // with a long column, its beginning rather than FTS5's snippet of it
      fallback: () =>
        long.length
          ? `${String(row[long[0] * 2 + 1]).slice(0, 90)}…`
          : (snippet.pluck().get(q, BigInt(rowid)) as string),
    };
  });
}

/**
 * `O'Neil`, `don't`, `e-mail`, `follow-up`, `SSO/SAML`, `v1.2`, `10:30` outside double quotes made
 * phrases (`"e-mail"`): FTS5's query syntax refuses an apostrophe, reads `mail` of `e-mail` as a
 * column and `/` or `.` as an error, while its index splits the text there, so the phrase finds the
 * word as written (fresh-eyes E15, wave 17 H10: the words PMs write needed shell-quoted double quotes).
 */
export function quoteApostrophes(query: string): string {
  if (!/['’\-/.:,;!?]/.test(query)) return query;
  return query
    .split('"')
    .map((part, i) =>
      i % 2
        ? part
        : part
            // a comma, full stop, ;, ? or ! that ends a word (or a quoted phrase) is the sentence's: the
            // index drops it ("Acme, Inc.", "why?"), FTS5's query syntax refused it
            .replace(i ? /(^|[\p{L}\p{N}])[.,;!?]+(?=\s|$)/gu : /([\p{L}\p{N}])[.,;!?]+(?=\s|$)/gu, '$1')
            .replace(/[\p{L}\p{N}]+(?:['’\-/.:][\p{L}\p{N}]+)+/gu, '"$&"'),
    )
    .join('"');
}

/** A column longer than this (characters) is not handed to FTS5's highlight() (E36). */
export const LONG_COLUMN = 65_536;

/** How many matches of a long column are marked: a snippet shows the first. */
const MARKED_MATCHES = 50;

/** A word as the index compares it (unicode61, remove_diacritics 2): lower case, without marks. */
const tokenKey = (w: string) => w.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * The index's text of a long column with its first matches of the query's words marked, as
 * highlight() would mark them: each word of the query (a prefix* as a prefix), wherever it is, up to
 * MARKED_MATCHES. Phrases and operators are read as their words: what is marked is only where a
 * snippet is cut, the interview itself was found by FTS5.
 */
export function markFirstMatches(text: string, query: string): string {
  const words = (query.match(/[\p{L}\p{N}\p{M}]+\*?/gu) ?? [])
    .filter((w) => !/^(AND|OR|NOT|NEAR)$/.test(w))
    .map((w) => ({ key: tokenKey(w.replace(/\*$/, '')), prefix: w.endsWith('*') }));
  let out = '';
  let copied = 0;
  let n = 0;
  for (const m of text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)) {
    const key = tokenKey(m[0]);
    if (!words.some((w) => (w.prefix ? key.startsWith(w.key) : key === w.key))) continue;
    out += `${text.slice(copied, m.index)}${MATCH_START}${m[0]}${MATCH_END}`;
    copied = m.index + m[0].length;
    if (++n === MARKED_MATCHES) break;
  }
  return out + text.slice(copied);
}

/** What FTS5's complaint about a query means, in the words of someone who typed it. */
function queryProblem(message: string): string {
  const m = message.replace(/^fts5: /, '');
  if (m === 'unterminated string') return 'a double quote is not closed';
  if (m === 'syntax error near ""')
    return 'it ends too early (an open parenthesis, or a trailing AND, OR, NOT or NEAR?)';
  const near = /^syntax error near "(.*)"$/.exec(m);
  if (near && /^(AND|OR|NOT)$/.test(near[1]))
    return `${near[1]} joins two words or phrases, and one is missing; quote it to search for the word ("${near[1]}")`;
  if (near) return `"${near[1]}" cannot stand there; quote words with punctuation ("e-mail", "v1.2")`;
  const column = /^no such column: (.*)$/.exec(m);
  if (column) return `"${column[1]}" is read as a field name; quote words with "-" or ":" in them ("e-mail")`;
  if (m.startsWith('unknown special query')) return 'a lone "*" is not a word; put it at the end of a prefix (export*)';
  return m;
}
