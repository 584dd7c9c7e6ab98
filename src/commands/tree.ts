// pm tree: the opportunity–solution tree (src/core/tree.ts): the outcome, the window's
// opportunities by worth-solving score, and the hypotheses made for each.
import { withRefs } from '../core/page-refs.js';
import { pageRefs } from '../db/refs.js';
import type { Context } from '../context.js';
import type { Config } from '../core/config.js';
import { rankOpportunities, rankPainTexts, type Window } from '../core/opportunities.js';
import type { OpportunityRows } from '../core/report.js';
import type { DB } from '../db/journal.js';
import { buildTree, type Tree } from '../core/tree.js';
import { hypothesisRecordsOf } from '../db/hypotheses.js';
import { namedOpportunities, openHypothesisIds, opportunityHypotheses, painTextTallies } from '../db/opportunities.js';
import { renderTree, renderTreeMarkdown } from '../render/tree.js';
import { parseLimit, windowOf, type ListFlags } from './opportunities.js';
import { textFormat } from './format.js';

/** Opportunities without a hypothesis, and hypotheses for none, that text and markdown show by default. */
export const SHOWN_IN_TREE = 10;

/** A tree cut for reading, and how many opportunities without a hypothesis and open hypotheses for none it left out. */
export interface CutTree {
  tree: Tree;
  opportunities: number;
  unlinked: number;
}

export function treeOf(ctx: Context, flags: ListFlags, limit: number): CutTree {
  return treeIn(ctx.read().db, ctx.config(), windowOf(ctx, flags), { limit });
}

export interface TreeOptions {
  /** opportunities without a hypothesis, and open hypotheses for none, to show (0: all) */
  limit: number;
  /** the open hypotheses for no opportunity are only counted (the markdown export lists them below) */
  countUnlinked?: boolean;
  /**
   * the window's pains as the report read them, in the caller's snapshot: ranked again, not read
   * again, when they are every pain of the window (else the tree reads its own)
   */
  rows?: OpportunityRows;
}

/**
 * The tree of window `w` (as of its last day), read in one snapshot, cut for reading: every
 * opportunity with a hypothesis, the `limit` best ones without, and the first `limit` open
 * hypotheses made for none (0: all). Only the records of the hypotheses shown are read: a journal
 * of years holds hundreds of open hypotheses and thousands of decided ones.
 */
export function treeIn(db: DB, config: Config, w: Window, opts: TreeOptions): CutTree {
  const { limit } = opts;
  // the report's rows rank every opportunity only when they hold every pain (a view listing the
  // best few reads only those that may rank among them: src/db/report.ts)
  const whole = opts.rows && opts.rows.counted === undefined && opts.rows.texts === undefined;
  // or the markdown export's: every named opportunity and the best without a name ranked (all that
  // may be shown: ReportQuery.opportunityTree), with how many were heard
  const shown = opts.rows?.ranked && opts.rows.counted ? opts.rows : undefined;
  const read = whole || shown ? opts.rows : undefined;
  const validateAt = config['evidence.validateAt'];
  const make = (): CutTree => {
    const hypotheses = opportunityHypotheses(db, w.end);
    const named = read?.named ?? namedOpportunities(db);
    const linked = new Set(hypotheses.map((h) => h.rowid));
    const unlinked = openHypothesisIds(db, w.end).filter((id) => !linked.has(id));
    const shownUnlinked = opts.countUnlinked ? [] : limit === 0 ? unlinked : unlinked.slice(0, limit);
    const records = hypothesisRecordsOf(db, w.end, config, [...linked, ...shownUnlinked]);
    const ranked = !read
      ? rankPainTexts(painTextTallies(db, w, named), named, hypotheses, validateAt)
      : read.ranked
        ? read.ranked
        : read.textRows
          ? rankPainTexts(read.textRows, read.named, read.hypotheses, validateAt)
          : rankOpportunities(read.pains, read.named, read.hypotheses, validateAt);
    const whole = buildTree(config['product.outcome'], w, ranked, named, records);
    let bare = 0;
    const opportunities =
      limit === 0 ? whole.opportunities : whole.opportunities.filter((o) => o.hypotheses.length > 0 || bare++ < limit);
    return {
      tree: { ...whole, opportunities },
      opportunities:
        whole.opportunities.length - opportunities.length + (shown ? shown.counted!.heard - ranked.length : 0),
      unlinked: unlinked.length - shownUnlinked.length,
    };
  };
  return db.inTransaction ? make() : db.transaction(make)();
}

export function tree(ctx: Context, flags: ListFlags): void {
  const format = textFormat(ctx, flags.format);
  const limit = parseLimit(flags.limit) ?? (format === 'json' ? 0 : SHOWN_IN_TREE);
  const cut = treeOf(ctx, flags, limit);
  if (format === 'json') ctx.printJson(withRefs(cut.tree, pageRefs(ctx.read().db)));
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
