// `pm search QUERY [--limit N]`: full-text search (FTS5, bm25-ranked) over summaries, notes, pains
// and quotes, with a snippet around the match, highlighted on a terminal.
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { safeLine } from '../core/text.js';
import { MATCH_END, MATCH_START, searchInterviews } from '../db/fts.js';
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
  const snippetOf = new Map(hits.map((h) => [`I${h.rowid}`, h.snippet]));
  if (ctx.json) {
    ctx.printJson(records.map((r) => ({ ...r, snippet: snippetOf.get(r.id)!.replace(MARKS, '') })));
    return;
  }
  if (records.length === 0) {
    ctx.info(`Nothing matches ${JSON.stringify(query)}.`);
    return;
  }
  const c = ctx.color;
  const out: string[] = [];
  records.forEach((r) => {
    out.push(interviewTable([r], ctx.width, c));
    const snippet = safeLine(snippetOf.get(r.id)!)
      .replace(new RegExp(`${MATCH_START}([^${MATCH_END}]*)${MATCH_END}`, 'g'), (_m, word: string) =>
        c.bold.yellow(word),
      )
      .replace(MARKS, '');
    out.push(`    ${c.dim('…')} ${snippet}`);
  });
  ctx.out(out.join('\n'));
}
