// The opportunity–solution tree as text (drawn with box-drawing lines) and as a markdown nested list.
import { named, type PageRefs } from '../core/page-refs.js';
import type { ChalkInstance } from 'chalk';
import { confidenceText } from '../core/confidence.js';
import { severitySummary } from '../core/opportunities.js';
import type { Tree, TreeHypothesis, TreeOpportunity } from '../core/tree.js';
import { safeLine } from '../core/text.js';
import { fitLines } from './wrap.js';
import { mdHeading, mdInline } from './markdown.js';
import { windowLabel } from './opportunities.js';

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** What an opportunity weighs: `score 8: 2 customers from 2 accounts (1 blocker, 1 high), 1 signal`. */
function weight(o: TreeOpportunity): string {
  if (o.lastHeard === null) return 'not heard in this window';
  const parts: string[] = [];
  if (o.customers > 0)
    parts.push(
      `${plural(o.customers, 'customer')} from ${plural(o.accounts, 'account')} (${severitySummary(o.severity)})`,
    );
  if (o.signals > 0) parts.push(plural(o.signals, 'signal'));
  return `score ${o.score}: ${parts.join(', ')}`;
}

/** `confidence anecdotal 0.5 · 2 for, 0 against`: a hypothesis's confidence and its customers each way. */
function evidence(h: TreeHypothesis): string {
  return `confidence ${confidenceText(h.confidence)} · ${h.customersSupporting} for, ${h.customersRefuting} against`;
}

export interface TreeTextOptions {
  color: ChalkInstance;
  width: number;
  /** opportunities without a hypothesis past those shown, and open hypotheses for none past those shown */
  moreOpportunities: number;
  moreUnlinked: number;
}

/**
 * The tree as text:
 *   Outcome: …
 *   ├── manual invoice matching · score 8: …
 *   │   └── H1 open · 2 for, 0 against · Finance teams will pay for …
 */
export function renderTree(t: Tree, opts: TreeTextOptions): string {
  const c = opts.color;
  const lines: string[] = [];
  lines.push(
    t.outcome === null
      ? `${c.bold('Outcome:')} ${c.dim('not set (pm config set product.outcome "…")')}`
      : `${c.bold('Outcome:')} ${safeLine(t.outcome)}`,
  );
  lines.push(c.dim(`Opportunities heard in ${windowLabel(t.window)}, by worth-solving score`));
  type Branch = { head: string; leaves: string[] };
  const branches: Branch[] = [];
  // the whole statement: fitLines wraps the tree's lines at the width, under their branch
  const leaf = (h: TreeHypothesis) => {
    const status = h.status === 'open' ? h.status : h.status === 'validated' ? c.green(h.status) : c.red(h.status);
    const flags = h.flags.length ? ` · ${h.flags.join(', ')}` : '';
    const line = `${h.id} ${status} · ${evidence(h)}${flags} · ${safeLine(h.statement)}`;
    return h.status === 'killed' || h.status === 'invalidated' ? c.dim(line) : line;
  };
  for (const o of t.opportunities) {
    const flags = o.flags.length ? ` · ${o.flags.join(', ')}` : '';
    const head = `${c.bold(safeLine(o.opportunity))} · ${weight(o)}${flags}`;
    const leaves = o.hypotheses.length
      ? o.hypotheses.map((h) => leaf(h))
      : [c.dim(`no hypothesis yet: pm hyp add "…" --for ${JSON.stringify(safeLine(o.opportunity))}`)];
    branches.push({ head, leaves });
  }
  if (opts.moreOpportunities > 0)
    branches.push({
      head: c.dim(
        `and ${plural(opts.moreOpportunities, 'more opportunity', 'more opportunities')} without a hypothesis ` +
          `(--limit 0 shows every one)`,
      ),
      leaves: [],
    });
  if (t.unlinked.length > 0) {
    const leaves = t.unlinked.map((h) => leaf(h));
    if (opts.moreUnlinked > 0) leaves.push(c.dim(`and ${opts.moreUnlinked} more`));
    // the hint names one of the hypotheses listed here that can still be linked
    const id = t.unlinked.find((h) => h.status === 'open')?.id ?? 'ID';
    branches.push({ head: c.bold('For no opportunity yet') + c.dim(` (pm hyp edit ${id} --for "…")`), leaves });
  }
  if (branches.length === 0) lines.push(c.dim('└── nothing yet: pm log … --pain "slow CSV export:high"'));
  branches.forEach((b, k) => {
    const last = k === branches.length - 1;
    lines.push(`${last ? '└── ' : '├── '}${b.head}`);
    const stem = last ? '    ' : '│   ';
    b.leaves.forEach((l, j) => {
      lines.push(`${stem}${j === b.leaves.length - 1 ? '└── ' : '├── '}${l}`);
    });
  });
  return fitLines(lines.join('\n'), opts.width);
}

function mdHypothesis(h: TreeHypothesis, refs?: PageRefs): string {
  const flags = h.flags.length ? `; ${h.flags.map((f) => `\`${f}\``).join(' ')}` : '';
  return (
    `**${named(refs, h.id)}** (${h.status}): ${mdInline(h.statement)} — confidence ${confidenceText(h.confidence)}; ` +
    `customers: ${h.customersSupporting} for, ${h.customersRefuting} against${flags}`
  );
}

/** The tree as a markdown nested list: outcome, opportunities, hypotheses. */
export function renderTreeMarkdown(t: Tree, more: { opportunities: number; unlinked: number }): string {
  const out = [mdHeading(1, 'Opportunity–solution tree'), ''];
  out.push(...treeMarkdownList(t, more));
  return out.join('\n') + '\n';
}

/** The nested list alone (the markdown export puts it under a heading of its own). */
export function treeMarkdownList(
  t: Tree,
  more: { opportunities: number; unlinked: number },
  refs?: PageRefs,
): string[] {
  const out: string[] = [];
  out.push(
    `- **Outcome:** ${t.outcome === null ? 'not set (`pm config set product.outcome "…"`)' : mdInline(t.outcome)}`,
  );
  for (const o of t.opportunities) {
    const flags = o.flags.length ? `; ${o.flags.map((f) => `\`${f}\``).join(' ')}` : '';
    const aliases = o.aliases.length ? `; also called: ${o.aliases.map((a) => mdInline(a)).join('; ')}` : '';
    out.push(`  - **${mdInline(o.opportunity)}** — ${weight(o)}${aliases}${flags}`);
    if (o.hypotheses.length === 0) out.push('    - no hypothesis yet');
    for (const h of o.hypotheses) out.push(`    - ${mdHypothesis(h, refs)}`);
  }
  if (more.opportunities > 0)
    out.push(`  - and ${plural(more.opportunities, 'more opportunity', 'more opportunities')} without a hypothesis`);
  if (t.unlinked.length > 0) {
    out.push('  - **For no opportunity yet**');
    for (const h of t.unlinked) out.push(`    - ${mdHypothesis(h, refs)}`);
    if (more.unlinked > 0) out.push(`    - and ${more.unlinked} more`);
  } else if (more.unlinked > 0)
    out.push(`  - **For no opportunity yet:** ${plural(more.unlinked, 'open hypothesis', 'open hypotheses')}`);
  out.push('', `Opportunities heard in ${windowLabel(t.window)}, by worth-solving score.`);
  return out;
}
