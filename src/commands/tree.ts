// pm tree: the opportunity–solution tree (src/core/tree.ts): the outcome, the window's
// opportunities by worth-solving score, and the hypotheses made for each.
import type { Context } from '../context.js';
import { buildTree, type Tree } from '../core/tree.js';
import { hypothesisRecords } from '../db/hypotheses.js';
import { namedOpportunities, opportunityHypotheses } from '../db/opportunities.js';
import { renderTree, renderTreeMarkdown } from '../render/tree.js';
import { opportunitiesIn, parseLimit, windowOf, type ListFlags } from './opportunities.js';
import { textFormat } from './format.js';

/** Opportunities without a hypothesis, and hypotheses for none, that text and markdown show by default. */
const SHOWN = 10;

/**
 * The tree cut for reading: every opportunity with a hypothesis, the `limit` best ones without, and
 * the first `limit` open hypotheses made for none (0: all). Returns how many of each were left out.
 */
export function cutTree(t: Tree, limit: number): { tree: Tree; opportunities: number; unlinked: number } {
  if (limit === 0) return { tree: t, opportunities: 0, unlinked: 0 };
  let bare = 0;
  const opportunities = t.opportunities.filter((o) => o.hypotheses.length > 0 || bare++ < limit);
  return {
    tree: { ...t, opportunities, unlinked: t.unlinked.slice(0, limit) },
    opportunities: t.opportunities.length - opportunities.length,
    unlinked: Math.max(0, t.unlinked.length - limit),
  };
}

export function treeOf(ctx: Context, flags: ListFlags): Tree {
  const w = windowOf(ctx, flags);
  const { db } = ctx.read();
  const config = ctx.config();
  const read = () => {
    // the open hypotheses, and the decided ones made for an opportunity (a journal of years holds
    // thousands of decided ones made for none, which the tree leaves out)
    const records = hypothesisRecords(db, w.end, config, { status: 'open' });
    const open = new Set(records.map((r) => r.id));
    const linked = [...new Set(opportunityHypotheses(db, w.end).map((h) => h.rowid))];
    for (const rowid of linked)
      if (!open.has(`H${rowid}`)) records.push(...hypothesisRecords(db, w.end, config, { only: rowid }));
    return buildTree(
      config['product.outcome'],
      w,
      opportunitiesIn(db, w, config['evidence.validateAt']),
      namedOpportunities(db),
      records,
    );
  };
  return db.inTransaction ? read() : db.transaction(read)();
}

export function tree(ctx: Context, flags: ListFlags): void {
  const format = textFormat(ctx, flags.format);
  const whole = treeOf(ctx, flags);
  const limit = parseLimit(flags.limit) ?? (format === 'json' ? 0 : SHOWN);
  const cut = cutTree(whole, limit);
  if (format === 'json') ctx.printJson(cut.tree);
  else if (format === 'md')
    ctx.out(renderTreeMarkdown(cut.tree, { opportunities: cut.opportunities, unlinked: cut.unlinked }));
  else
    ctx.out(
      renderTree(cut.tree, {
        color: ctx.color,
        width: ctx.width,
        moreOpportunities: cut.opportunities,
        moreUnlinked: cut.unlinked,
      }),
    );
}
