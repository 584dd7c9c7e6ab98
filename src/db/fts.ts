// The full-text index interviews_fts (rowid = interviews.id). Kept by the application rather than
// triggers because pains and quotes live in their own tables: every write path (log, edit, delete,
// merge, import) calls reindexInterview/removeFromIndex inside its transaction.
import type { DB } from './journal.js';
import { UsageError } from '../errors.js';

/** (Re)write the index row of one interview from what is stored now. */
export function reindexInterview(db: DB, rowid: number): void {
  db.prepare('DELETE FROM interviews_fts WHERE rowid = ?').run(rowid);
  db.prepare(`INSERT INTO interviews_fts (rowid, summary, notes, pains, quotes)
    SELECT i.id, i.summary, coalesce(i.notes, ''),
      coalesce((SELECT group_concat(text, char(10)) FROM (SELECT text FROM pains WHERE interview_id = i.id ORDER BY position)), ''),
      coalesce((SELECT group_concat(text, char(10)) FROM (SELECT text FROM quotes WHERE interview_id = i.id ORDER BY position)), '')
    FROM interviews i WHERE i.id = ?`).run(rowid);
}

export function removeFromIndex(db: DB, rowid: number): void {
  db.prepare('DELETE FROM interviews_fts WHERE rowid = ?').run(rowid);
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
      .all(query, limit) as SearchHit[];
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
