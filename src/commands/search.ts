// `pm search QUERY [--limit N]`: full-text search (FTS5, bm25-ranked) over summaries, notes, pains
// and quotes, with a snippet around the match, highlighted on a terminal.
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { safeLine, shellWord } from '../core/text.js';
import { nameKey } from '../core/identity.js';
import { accountConversations, accountsFormerlyNamed, findAccount } from '../db/accounts.js';
import { formerNameOf } from './former-names.js';
import { contactsNamedLike } from '../db/contacts.js';
import type { DB } from '../db/journal.js';
import { MATCH_END, MATCH_START, searchInterviews, type SearchHit } from '../db/fts.js';
import { snippetOf } from '../core/search-text.js';
import { lineOf, type InterviewRecord } from '../core/interviews.js';
import { loadInterviews } from '../db/interviews.js';
import { interviewTable } from '../render/interviews.js';
import { rowLimit } from './limit.js';
import { NO_WIDTH } from '../io.js';
import { displayWidth } from '../render/width.js';

const MARKS = new RegExp(`[${MATCH_START}${MATCH_END}]`, 'g');

export function search(ctx: Context, query: string, opts: { limit?: string }): void {
  if (query.trim() === '')
    throw new UsageError('search for what?', 'try: pm search "export" (words, "a phrase", prefix*)');
  // 20 best matches unless --limit says (0: every match, as in every listing; SQLite's LIMIT -1 is none)
  const limit = opts.limit === undefined ? 20 : (rowLimit(opts.limit, true) ?? -1);
  const { db } = ctx.read();
  const hits = searchInterviews(db, query, limit);
  // the index holds words (letters and digits): a query of symbols and emoji alone found nothing,
  // silently (a query FTS5 cannot read says so first)
  if (hits.length === 0 && !/[\p{L}\p{N}]/u.test(query))
    throw new UsageError(
      `${JSON.stringify(safeLine(query))} has no word to search for (symbols and emoji are not indexed)`,
      'try: pm search "launch" (a word of the text around it)',
    );
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
    const named = namedBy(db, query);
    ctx.info(
      named.length === 0
        ? `Nothing matches ${JSON.stringify(query)}.`
        : [`Nothing matches ${JSON.stringify(query)} in summaries, notes, pains or quotes.`, ...named].join('\n'),
    );
    return;
  }
  const c = ctx.color;
  const out: string[] = [];
  // the snippet line fits the listing's width, as its row does: cut closer around the match
  const room = ctx.width === NO_WIDTH ? undefined : ctx.width - 6;
  records.forEach((r) => {
    out.push(interviewTable([lineOf(r)], ctx.width, c));
    const snippet = safeLine(room === undefined ? snippets.get(r.id)! : fitted(r, hitOf.get(r.id)!, room))
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
function snippet(r: InterviewRecord, hit: SearchHit, width?: number): string {
  const stored = [r.summary, r.notes ?? '', r.pains.map((p) => p.text).join('\n'), r.quotes.join('\n')];
  const count = (t: string) => t.split(MATCH_START).length - 1;
  let best = 0;
  hit.marked.forEach((t, i) => {
    if (count(t) > count(hit.marked[best])) best = i;
  });
  return snippetOf(stored[best], hit.marked[best], width) ?? hit.fallback();
}

/**
 * The snippet cut narrower around the match until it fits `room` columns (snippetOf's width is in
 * characters and moves its ends to a near space: a few tries find the width that fits).
 */
function fitted(r: InterviewRecord, hit: SearchHit, room: number): string {
  for (let width = Math.min(90, room); ; width -= 4) {
    const s = snippet(r, hit, width);
    if (width <= 12 || displayWidth(s.replace(MARKS, '')) <= room) return s;
  }
}

/**
 * The account and people a query names, with the command that shows their conversations: search reads
 * what was said, and "pm search Acme" answering "Nothing matches" read as never having talked to Acme
 * (fresh-eyes wave 15 H9). An account by its name; a contact by the whole name, or its first or last word.
 */
function namedBy(db: DB, query: string): string[] {
  const key = nameKey(query.replace(/^"|"$/g, ''));
  if (key === '') return [];
  const lines: string[] = [];
  const account = findAccount(db, query);
  const conversations = (n: number) => `${n} ${n === 1 ? 'conversation' : 'conversations'}`;
  if (account !== undefined) {
    const n = accountConversations(db, account.id);
    lines.push(`${safeLine(account.name)} is an account, ${conversations(n)} → pm show ${shellWord(account.name)}`);
  }
  // a name an account had before a rename or merge (account_names, schema 73)
  else
    for (const now of accountsFormerlyNamed(db, query)) {
      const n = accountConversations(db, now.id);
      lines.push(`${formerNameOf(query, [now.name])}, ${conversations(n)} → pm show ${shellWord(now.name)}`);
    }
  const people = contactsNamedLike(db, key, 4);
  for (const p of people.slice(0, 3)) {
    const namesakes = people.filter((o) => nameKey(o.name) === nameKey(p.name)).length > 1;
    const ref = namesakes ? `${p.name} (${p.account})` : p.name;
    const who = safeLine(`${p.name} (${p.account})`);
    lines.push(`${who} is a contact, ${conversations(p.interviews)} → pm show ${shellWord(ref)}`);
  }
  if (people.length > 3) lines.push(`and others: pm contacts`);
  return lines;
}
