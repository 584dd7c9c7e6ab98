// The report for a terminal: a header with the verdict, then each section as aligned columns cut
// to the terminal's width, at most SHOWN_ROWS rows a section ("and N more"). It only lays out what
// src/core/report.ts decided; user text goes through safeLine so it cannot drive the terminal.
import { named, namedAll, type PageRefs } from '../core/page-refs.js';
import { fitLines } from './wrap.js';
import type { ChalkInstance } from 'chalk';
import {
  targetThen,
  chartedWeeks,
  hypothesesThen,
  NONE_UNREAD,
  nothingLogged,
  SHOWN_ROWS,
  targetText,
  inCadence,
  weeklyChartText,
  judgedCount,
  judgedSpan,
  targetWord,
  type Report,
  type Unread,
  byLabel,
} from '../core/report.js';
import { safeLine } from '../core/text.js';
import { confidenceCell } from '../core/confidence.js';
import { table, type Column } from './table.js';
import { barChart } from './chart.js';
import { whereFrom } from '../core/interviews.js';
import { severitySummary } from '../core/opportunities.js';

type Paint = (s: string) => string;
interface Cell {
  text: string;
  paint?: Paint;
}

const cell = (text: string | number | null | undefined, paint?: Paint): Cell => ({
  text: safeLine(text == null ? '' : String(text)),
  paint,
});
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * Aligned columns cut to `width` (src/render/table.ts): the `flex` column (default: the last) takes
 * the room the others leave, at least 12, and is cut with an ellipsis; the others are as wide as
 * their widest cell.
 */
function columns(rows: Cell[][], width: number, flex = -1): string[] {
  if (rows.length === 0) return [];
  const count = Math.max(...rows.map((r) => r.length));
  const flexAt = flex < 0 ? count - 1 : flex;
  const layout: Column<Cell[]>[] = [];
  for (let k = 0; k < count; k++)
    layout.push({
      text: (r) => r[k]?.text ?? '',
      fill: k === flexAt ? 24 : undefined,
      paint: (s, r) => {
        const paint = r[k]?.paint;
        return paint ? paint(s) : s;
      },
    });
  return table(rows, layout, { width, indent: '  ' });
}

/** The first SHOWN_ROWS items, then "and N more" (`unread`: items past those, never read from the journal). */
function capped<T>(items: T[], c: ChalkInstance, render: (shown: T[]) => string[], unread = 0): string[] {
  const lines = render(items.slice(0, SHOWN_ROWS));
  const more = items.length + unread - SHOWN_ROWS;
  if (more > 0) lines.push(c.dim(`  and ${more} more`));
  return lines;
}

/** `12 weeks to 2026-11-20, 4 heard`: the report's opportunities' window. */
export function opportunitiesHeard(o: Report['opportunities']): string {
  return `${plural(o.window.weeks ?? 0, 'week')} to ${o.window.end}, ${o.heard} heard`;
}

function section(title: string, count: number | null, c: ChalkInstance): string {
  return c.bold(count === null ? title : `${title} (${count})`);
}

function weekLabel(w: { label: string; start: string; end: string }): string {
  return w.label.length <= 8 ? w.label : `${w.start.slice(5)}..${w.end.slice(5)}`;
}

function periodText(r: Report): string {
  const range = `${r.period.start}..${r.period.end}`;
  return r.period.label === range ? range : `${r.period.label} (${range})`;
}

/** What the report of an empty journal says instead of its sections: how to start. */
export function emptyJournalLines(r: Report, c: ChalkInstance): string[] {
  // empty by its as-of day only: what is there, and the day to ask for
  if (r.later) {
    const them = r.later.interviews + r.later.hypotheses === 1 ? 'it, as of its day' : 'them, as of their first day';
    // the page asked for, as of that day: --by kept (eyes2 wave 11 F13: the team's page was suggested)
    const by = r.by ? ` --by ${JSON.stringify(safeLine(r.by))}` : '';
    return [nothingLogged(r), `To report on ${them}:`, `  pm report --as-of ${r.later.from}${by}`];
  }
  return [
    'Nothing logged yet. Log your first customer conversation right after the call:',
    '  pm log --with "Jane Roe <jane@acme.test>" --account Acme --summary "What they said"',
    'Then write down a belief to test, and run the report again:',
    '  pm hyp add "Finance teams want itemised invoices"',
    '  pm report',
    `To see a full report first: ${c.bold('pm demo')}`,
  ];
}

/**
 * Every section (`pm report --full`). `unread`: how many rows of the long lists the report was built
 * without (it reads only what this view shows, src/db/report.ts); they still count in the titles and in
 * "and N more".
 */
export function renderReportText(
  r: Report,
  opts: { color: ChalkInstance; width: number; unread?: Unread; refs?: PageRefs },
): string {
  const unread = opts.unread ?? NONE_UNREAD;
  const c = opts.color;
  const width = Math.max(40, opts.width);
  const out: string[] = [];
  const verdict =
    r.verdict === 'overdue'
      ? c.red.bold('overdue')
      : r.verdict === 'behind'
        ? c.yellow.bold('behind')
        : c.green.bold('on track');
  const by = byLabel(r);
  out.push(`${c.bold(`Report ${periodText(r)}`)} · as of ${r.asOf}${by ? ` · by ${safeLine(by)}` : ''} · ${verdict}`);

  if (r.empty) return [...out, '', ...emptyJournalLines(r, c)].join('\n') + '\n';

  // 1. customer contact
  const k = r.contact;
  out.push('', section('Customer contact', null, c));
  const word = targetWord(k);
  const met = word === 'met' || word === 'on track' ? c.green(word) : c.red(word);
  out.push(
    `  ${plural(k.direct, 'customer conversation')} with ${plural(k.customers, 'customer')} · ` +
      `${inCadence(k)}${targetText(k.target, k.people, k.window?.days)}: ` +
      `${met}`,
  );
  const last =
    k.lastDirect === null
      ? c.red('no customer conversation yet')
      : (k.overdue ? c.red : (s: string) => s)(
          `last customer conversation ${k.lastDirect} ` +
            `(${k.daysSinceLastDirect === 0 ? 'today' : `${plural(k.daysSinceLastDirect!, 'day')} ago`})`,
        );
  out.push(
    `  ${last} · ${plural(k.indirect, 'indirect signal')} · ${plural(k.stakeholder, 'stakeholder meeting')} ` +
      `${c.dim('(not counted)')}`,
  );
  out.push('', `  ${c.dim(`Customer conversations ${weeklyChartText(r, ', the line')}`)}`);
  // what each week was judged by: its window's conversations at a cadence longer than a week (R4)
  const bars = chartedWeeks(r.weekly).map((w) => {
    const note = [
      judgedSpan(w, r.weekly),
      targetThen(w, r.weekly) === null ? '' : `(target ${targetThen(w, r.weekly)} then)`,
    ]
      .filter(Boolean)
      .join(' ');
    return { label: weekLabel(w), value: judgedCount(w), met: w.met, current: w.running, ...(note ? { note } : {}) };
  });
  for (const row of barChart(bars, r.weekly.target, { width: 24, color: c })) out.push(`  ${row}`);
  const streak = `${r.weekly.streak}${r.weekly.streakAtLeast ? '+' : ''}`;
  out.push(
    `  streak: ` +
      (r.weekly.streak > 0
        ? c.green(`${streak} ${r.weekly.streak === 1 ? 'week' : 'weeks'} on target`)
        : c.yellow('0 weeks on target')),
  );

  // conversations
  out.push('', section('Conversations', r.conversations.length + unread.conversations, c));
  if (r.conversations.length === 0) out.push(c.dim('  No conversations in this period'));
  out.push(
    ...capped(
      r.conversations,
      c,
      (rows) =>
        columns(
          rows.map((v) => [
            cell(named(opts.refs, v.id)),
            cell(v.date),
            cell(v.channel),
            cell(
              v.kind === 'customer' ? 'customer' : v.kind === 'indirect' ? 'signal' : 'stakeholder',
              v.kind === 'customer' ? undefined : c.dim,
            ),
            cell(
              v.with.length
                ? `${v.with.join(', ')} (${whereFrom(v.account, v.source)})`
                : whereFrom(v.account, v.source),
            ),
            cell(v.summary),
          ]),
          width,
        ),
      unread.conversations,
    ),
  );

  // 2. accounts going cold
  out.push('', section('Accounts going cold', r.overdueAccounts.length + unread.accounts || null, c));
  if (r.overdueAccounts.length === 0) out.push(c.dim('  No accounts going cold'));
  out.push(
    ...capped(
      r.overdueAccounts,
      c,
      (rows) =>
        columns(
          rows.map((a) => [
            cell(a.account),
            cell(`last ${a.lastDirect}`),
            cell(`${plural(a.daysSince, 'day')} ago`, c.red),
            cell(`cadence ${a.cadenceDays} days`, c.dim),
          ]),
          width,
        ),
      unread.accounts,
    ),
  );

  // 3. unvalidated hypotheses
  // bets are listed apart, below (a report built for a view leaves them out already)
  const u = r.hypotheses.unvalidated.filter((h) => h.bet === null);
  out.push('', section('Unvalidated hypotheses', u.length + unread.unvalidated || null, c));
  if (r.hypothesesAsOf) out.push(c.dim(`  ${hypothesesThen(r.hypothesesAsOf, r.asOf)}`));
  if (u.length === 0)
    out.push(
      c.dim(
        r.bets.length ? '  No open hypotheses but the bets below' : '  No open hypotheses (pm hyp add "We believe …")',
      ),
    );
  const flagPaint = (f: string): Paint =>
    f === 'stale' || f === 'decide-today'
      ? c.yellow
      : f === 'past-decide-by' || f === 'ready-to-kill'
        ? c.red
        : f === 'ready-to-validate'
          ? c.green
          : f === 'bet'
            ? c.cyan
            : c.dim;
  out.push(
    ...capped(
      u,
      c,
      (rows) =>
        columns(
          rows.map((h) => [
            cell(named(opts.refs, h.id)),
            cell(h.statement),
            cell(`${h.ageDays}d`),
            cell(`+${h.supports} −${h.refutes} (${h.customersSupporting}/${h.customersRefuting})`),
            cell(confidenceCell(h.confidence), c.dim),
            cell(`decide by ${h.decideBy}`, h.flags.includes('past-decide-by') ? c.red : undefined),
            { text: h.flags.join(' '), paint: (s) => s.replace(/[a-z-]+/g, (f) => flagPaint(f)(f)) },
          ]),
          width,
          1,
        ),
      unread.unvalidated,
    ),
  );

  // conviction bets, apart: the deadline, the evidence so far, and the reason
  if (r.bets.length) {
    out.push('', section('Bets', r.bets.length, c));
    out.push(
      ...columns(
        r.bets.map((b) => [
          cell(named(opts.refs, b.id)),
          cell(b.statement),
          b.daysLeft < 0
            ? cell(`due since ${b.until}`, c.yellow)
            : cell(`until ${b.until} (${b.daysLeft === 0 ? 'today' : `${b.daysLeft}d left`})`),
          cell(`+${b.supports} −${b.refutes} (${b.customersSupporting}/${b.customersRefuting})`),
          cell(confidenceCell(b.confidence), c.dim),
          cell(b.reason, c.dim),
        ]),
        width,
        1,
      ),
    );
  }

  // 4. decided this period
  const d = r.hypotheses.decided;
  out.push('', section('Decided this period', d.length || null, c));
  if (d.length === 0) out.push(c.dim('  No decisions this period'));
  const outcomePaint = (o: string): Paint => (o === 'validated' ? c.green : o === 'reopened' ? c.yellow : c.red);
  out.push(
    ...capped(d, c, (rows) =>
      columns(
        rows.map((o) => [
          cell(named(opts.refs, o.id)),
          cell(o.outcome, outcomePaint(o.outcome)),
          cell(o.date),
          cell(`${safeLine(o.statement)} — ${safeLine(o.reason)}`),
        ]),
        width,
      ),
    ),
  );

  // 5. killed and invalidated
  const killed = r.hypotheses.killed;
  out.push('', section('Killed and invalidated', killed.length + unread.killed || null, c));
  if (killed.length === 0) out.push(c.dim('  Nothing killed or invalidated'));
  out.push(
    ...capped(
      killed,
      c,
      (rows) =>
        columns(
          rows.map((h) => [
            cell(named(opts.refs, h.id)),
            cell(h.outcome, c.red),
            cell(h.date),
            cell(h.evidenceAfter.length ? `evidence after: ${namedAll(opts.refs, h.evidenceAfter)}` : '', c.yellow),
            cell(`${safeLine(h.statement)} — ${safeLine(h.reason)}`),
          ]),
          width,
        ),
      unread.killed,
    ),
  );

  // 6. themes
  out.push('', section('Themes', r.themes.length || null, c));
  if (r.themes.length === 0) out.push(c.dim('  No tags or pains in this period'));
  out.push(
    ...capped(r.themes, c, (rows) =>
      columns(
        rows.map((t) => [
          cell(t.theme),
          cell(t.kind, c.dim),
          cell(plural(t.accounts, 'account') + (t.signals ? `, ${plural(t.signals, 'signal source')}` : '')),
          cell(plural(t.interviews, 'interview')),
          cell(t.flags.includes('single-account') ? 'single-account' : '', c.dim),
          cell(t.segments.join(', '), c.dim),
        ]),
        width,
      ),
    ),
  );

  // the opportunities of the 12 weeks up to --as-of, best first (pm opportunities lists them all)
  const opps = r.opportunities;
  out.push('', section(`Opportunities (${opportunitiesHeard(opps)})`, null, c));
  if (opps.top.length === 0) out.push(c.dim('  No pains raised in the last 12 weeks'));
  out.push(
    ...columns(
      opps.top.map((o) => [
        cell(`score ${o.score}`),
        cell(o.opportunity),
        cell(
          o.customers
            ? `${plural(o.customers, 'customer')} from ${plural(o.accounts, 'account')} ` +
                `(${severitySummary(o.severity)})`
            : plural(o.signals, 'signal'),
        ),
        cell(o.flags.join(', '), c.dim),
      ]),
      width,
      1,
    ),
  );
  if (opps.heard > opps.top.length) out.push(c.dim(`  and ${opps.heard - opps.top.length} more: pm opportunities`));

  // 7. follow-ups due
  out.push('', section('Follow-ups due', r.followUps.length + unread.followUps || null, c));
  if (r.followUps.length === 0) out.push(c.dim('  No follow-ups due'));
  out.push(
    ...capped(
      r.followUps,
      c,
      (rows) =>
        columns(
          rows.map((f) => [
            cell(named(opts.refs, f.id)),
            cell(`due ${f.followUp}`, f.daysOverdue > 0 ? c.red : c.yellow),
            cell(
              f.with.length
                ? `${f.with.join(', ')} (${whereFrom(f.account, f.source)})`
                : whereFrom(f.account, f.source),
            ),
            cell(f.summary),
          ]),
          width,
        ),
      unread.followUps,
    ),
  );

  // flags
  // every flag is raised from rows that were read, but one for each due follow-up left unread; past
  // the rows shown, flags may have been counted rather than listed (buildShownReport)
  const moreFlags = unread.followUps + unread.flags;
  out.push('', section('Flags', r.flags.length + moreFlags || null, c));
  if (r.flags.length === 0) out.push(c.green('  Nothing to act on'));
  const kindPaint = (kind: string): Paint =>
    kind === 'stale' ? c.yellow : kind === 'ready-to-validate' ? c.green : c.red;
  out.push(
    ...capped(
      r.flags,
      c,
      (rows) =>
        columns(
          rows.map((f) => [cell(f.kind, kindPaint(f.kind)), cell(f.message)]),
          width,
        ),
      moreFlags,
    ),
  );
  return fitLines(out.join('\n'), width) + '\n';
}
