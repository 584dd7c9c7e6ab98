// The full-text index interviews_fts (rowid = interviews.id). Kept by the application rather than
// triggers because pains and quotes live in their own tables: the interview writer
// (src/db/interview-writer.ts) and `pm forget` keep it inside their transactions.
import type { DB } from './journal.js';
import { UsageError } from '../errors.js';
import { foldForIndex } from '../core/identity.js';

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

/** Marks around matched words in snippets: private-use characters no user text is expected to hold. */
export const MATCH_START = '\uE000';
export const MATCH_END = '\uE001';

export interface SearchHit {
  rowid: number;
  snippet: string;
}

/**
 * Interviews matching an FTS5 query, best first (bm25), with a snippet around the match (from
 * whichever column matched best). A query FTS5 cannot parse is a usage error.
 */
export function searchInterviews(db: DB, query: string, limit: number): SearchHit[] {
  try {
    return db
      .prepare(`SELECT rowid, snippet(interviews_fts, -1, '${MATCH_START}', '${MATCH_END}', '…', 16) AS snippet
      FROM interviews_fts WHERE interviews_fts MATCH ? ORDER BY bm25(interviews_fts), rowid DESC LIMIT ?`)
      .all(foldForIndex(query), limit) as SearchHit[];
  } catch (err) {
    const e = err as { code?: string; message?: string };
    if (e.code === 'SQLITE_ERROR')
      throw new UsageError(
        `cannot search for ${JSON.stringify(query)}: ${(e.message ?? '').replace(/^fts5: /, '')}`,
        'write words, "a phrase" in quotes, or a prefix*; quote words with punctuation ("e-mail")',
      );
    throw err;
  }
}
