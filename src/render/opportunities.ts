// Opportunities as text (a table) and as markdown (a list), for `pm opportunities`.
import { fitLines } from './wrap.js';
import type { ChalkInstance } from 'chalk';
import { severitySummary, type Opportunity, type OpportunityFlag, type Window } from '../core/opportunities.js';
import { safeLine } from '../core/text.js';
import { table } from './table.js';
import { mdHeading, mdInline } from './markdown.js';
import { named, type PageRefs } from '../core/page-refs.js';

export const SCORE_RULE =
  "Score: each customer's highest severity, low 1 · medium 2 · high 3 · blocker 5; signals are counted, never scored";

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** `the 12 weeks to 2026-11-20 (2026-08-29..2026-11-20)`, or `2026-10-01..2026-11-20` for --since. */
export function windowLabel(w: Window): string {
  const range = `${w.start}..${w.end}`;
  return w.weeks === null ? range : `the ${plural(w.weeks, 'week')} to ${w.end} (${range})`;
}

function colourFlag(flag: OpportunityFlag, c: ChalkInstance): string {
  return flag === 'unaddressed' ? c.yellow(flag) : c.dim(flag);
}

/** 11-12 for a day of the current year, else 2025-11-12. */
function shortDate(date: string, today: string): string {
  return date.slice(0, 5) === today.slice(0, 5) ? date.slice(5) : date;
}

export interface OpportunityListOptions {
  color: ChalkInstance;
  width: number;
  today: string;
  window: Window;
  /** opportunities heard in the window past those listed */
  more: number;
}

/** The `pm opportunities` page: a title, the table, what the score is, and "and N more". */
export function renderOpportunities(list: Opportunity[], opts: OpportunityListOptions): string {
  const c = opts.color;
  const title = c.bold(`Opportunities heard in ${windowLabel(opts.window)}, by worth-solving score`);
  if (list.length === 0)
    return `${title}\n${c.dim('  No pains logged in this window: pm log … --pain "slow CSV export:high"')}`;
  const lines = table(
    list,
    [
      { header: 'SCORE', text: (o) => String(o.score), align: 'right' },
      { header: 'OPPORTUNITY', text: (o) => safeLine(o.opportunity), fill: 20 },
      { header: 'CUST', text: (o) => String(o.customers), align: 'right' },
      { header: 'ACCTS', text: (o) => String(o.accounts), align: 'right' },
      { header: 'SIGNALS', text: (o) => (o.signals ? String(o.signals) : ''), align: 'right' },
      { header: 'SEVERITY', text: (o) => severitySummary(o.severity), max: 34 },
      { header: 'LAST', text: (o) => shortDate(o.lastHeard, opts.today) },
      { header: 'HYP', text: (o) => o.hypotheses.join(',') || '—', max: 16 },
      {
        header: 'FLAGS',
        text: (o) => o.flags.join(', '),
        paint: (_, o) => o.flags.map((f) => colourFlag(f, c)).join(', '),
      },
    ],
    { width: opts.width, header: (h) => c.bold(h) },
  );
  const out = [title, '', ...lines];
  if (opts.more > 0) out.push(c.dim(`and ${opts.more} more (--limit 0 lists every one; --json too)`));
  out.push('', c.dim(SCORE_RULE));
  return fitLines(out.join('\n'), opts.width);
}

/** How a page marks up an opportunity line's pieces: its name, user text, a flag, a hypothesis's id, a date. */
export interface LineMarks {
  name(s: string): string;
  text(s: string): string;
  flag(f: string): string;
  id(id: string): string;
  date(d: string): string;
}

/**
 * One opportunity as a list item's text, in the words of every page (markdown and HTML): `score 0: no
 * customer conversation; 6 signals` for a pain only signals raised, the severities beside the customers.
 */
export function opportunityText(o: Opportunity, m: LineMarks): string {
  const who =
    o.customers > 0
      ? `${plural(o.customers, 'customer')} from ${plural(o.accounts, 'account')} (${severitySummary(o.severity)})`
      : 'no customer conversation';
  const parts = [
    `${m.name(o.opportunity)} — score ${o.score}: ${who}`,
    o.signals ? plural(o.signals, 'signal') : '',
    `heard ${o.firstHeard === o.lastHeard ? m.date(o.lastHeard) : `${m.date(o.firstHeard)}..${m.date(o.lastHeard)}`}`,
    o.segments.length ? `segments: ${m.text(o.segments.join(', '))}` : '',
    o.stages.length ? `stages: ${m.text(o.stages.join(', '))}` : '',
    o.hypotheses.length ? `hypotheses: ${o.hypotheses.map(m.id).join(', ')}` : '',
    o.aliases.length ? `also called: ${o.aliases.map((a) => m.text(a)).join('; ')}` : '',
    o.flags.map(m.flag).join(' '),
  ];
  return parts.filter((p) => p !== '').join('; ');
}

/** One opportunity as a markdown list item's text; `refs`: a shared page's (src/core/page-refs.ts). */
export function opportunityLine(o: Opportunity, refs?: PageRefs): string {
  return opportunityText(o, {
    name: (s) => `**${mdInline(s)}**`,
    text: mdInline,
    flag: (f) => `\`${f}\``,
    id: (h) => named(refs, h),
    date: (d) => d,
  });
}

/** The `pm opportunities --format md` document. */
export function renderOpportunitiesMarkdown(list: Opportunity[], w: Window, more: number): string {
  const out = [mdHeading(1, 'Opportunities'), '', `Heard in ${windowLabel(w)}, by worth-solving score.`, ''];
  if (list.length === 0) out.push('No pains logged in this window.');
  else out.push(...list.map((o) => `- ${opportunityLine(o)}`));
  if (more > 0) out.push('', `And ${more} more (\`--limit 0\` lists every one).`);
  out.push('', `${mdInline(SCORE_RULE)}.`);
  return out.join('\n') + '\n';
}
