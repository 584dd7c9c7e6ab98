// `pm search QUERY [--limit N]`: full-text search (FTS5, bm25-ranked) over summaries, notes, pains
// and quotes, with a snippet around the match, highlighted on a terminal.
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { safeLine } from '../core/text.js';
import { MATCH_END, MATCH_START, searchInterviews, type SearchHit } from '../db/fts.js';
import { snippetOf } from '../core/search-text.js';
import { lineOf, type InterviewRecord } from '../core/interviews.js';
import { loadInterviews } from '../db/interviews.js';
import { interviewTable } from '../render/interviews.js';
import { parseLimit } from './interviews.js';

const MARKS = new RegExp(`[${MATCH_START}${MATCH_END}]`, 'g');

export function search(ctx: Context, query: string, opts: { limit?: string }): void {
  if (query.trim() === '')
    throw new UsageError('search for what?', 'try: pm search "export" (words, "a phrase", prefix*)');
  const limit = parseLimit(opts.limit) ?? 20;
  const { db } = ctx.read();
  const hits = searchInterviews(db, query, limit);
  const records = loadInterviews(
    db,
    hits.map((h) => h.rowid),
  );
  const hitOf = new Map(hits.map((h) => [`I${h.rowid}`, h]));
  const snippets = new Map(records.map((r) => [r.id, snippet(r, hitOf.get(r.id)!)]));
  if (ctx.json) {
    ctx.printJson(records.map((r) => ({ ...r, snippet: snippets.get(r.id)!.replace(MARKS, '') })));
    return;
  }
  if (records.length === 0) {
    ctx.info(`Nothing matches ${JSON.stringify(query)}.`);
    return;
  }
  const c = ctx.color;
  const out: string[] = [];
  records.forEach((r) => {
    out.push(interviewTable([lineOf(r)], ctx.width, c));
    const snippet = safeLine(snippets.get(r.id)!)
      .replace(new RegExp(`${MATCH_START}([^${MATCH_END}]*)${MATCH_END}`, 'g'), (_m, word: string) =>
        c.bold.yellow(word),
      )
      .replace(MARKS, '');
    out.push(`    ${c.dim('…')} ${snippet}`);
  });
  ctx.out(out.join('\n'));
}

/**
 * The snippet of a hit, cut from the text as stored (a full-width comma stays one): from the column
 * with the most matched words (the first of them on a tie).
 */
function snippet(r: InterviewRecord, hit: SearchHit): string {
  const stored = [r.summary, r.notes ?? '', r.pains.map((p) => p.text).join('\n'), r.quotes.join('\n')];
  const count = (t: string) => t.split(MATCH_START).length - 1;
  let best = 0;
  hit.marked.forEach((t, i) => {
    if (count(t) > count(hit.marked[best])) best = i;
  });
  return snippetOf(stored[best], hit.marked[best]) ?? hit.fallback();
}
