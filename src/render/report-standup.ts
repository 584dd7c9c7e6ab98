// The standup page for a terminal (issue 15): what `pm report` prints by default, laid out from
// src/core/standup.ts. It fits 80×24 for a busy week: the verdict first; customer contact in at
// most two lines; the weekly chart from the journal's first week (at most 8 rows); "Needs action",
// one line a group, each ending with the command that acts on it; one line of counts. No line is
// wider than `width`, and nothing is cut in the middle of a word: lists end in "+N" and sentences
// end at a word with "…". With `height`, the chart and then the groups give way so that the page
// fits it. `pm report --full` prints every section instead (src/render/report-text.ts).
import type { ChalkInstance } from 'chalk';
import { judgedCount, judgedSpan, NONE_UNREAD, type Needs, type Report, type Unread } from '../core/report.js';
import { standupPage, type ActionGroup } from '../core/standup.js';
import { safeLine } from '../core/text.js';
import { barChart } from './chart.js';
import { displayWidth } from './width.js';
import { clipWords, wrap } from './wrap.js';
import { emptyJournalLines } from './report-text.js';

export interface StandupOptions {
  /** "Needs action" by kind (buildShownReport) */
  needs: Needs;
  color: ChalkInstance;
  width: number;
  /** the terminal's rows: the page gives way to fit them (none: as long as it needs) */
  height?: number;
  unread?: Unread;
  /** the command that shows the page in full (default `pm report --full`): the page's flags with --full */
  full?: string;
}

const MAX_CHART_WEEKS = 8;
const MIN_CHART_WEEKS = 3;
/** columns a statement needs to be worth showing after a group's text */
const MIN_DETAIL = 18;
const ARROW = '→';

/** The phrases, joined by " · ", in at most `lines` lines of `width`; what does not fit is left out. */
function phrases(parts: string[], width: number, lines: number, indent: string): string[] {
  const out: string[] = [];
  let line = '';
  for (const part of parts) {
    const candidate = line === '' ? (out.length ? indent : '') + part : `${line} · ${part}`;
    if (displayWidth(candidate) <= width) {
      line = candidate;
      continue;
    }
    if (line === '' && out.length === 0) {
      // the first phrase alone is wider than a line: its words over the lines there are
      const words = wrap(part, width, indent);
      out.push(...words.slice(0, lines - 1));
      line =
        words.length >= lines
          ? clipWords(
              words
                .slice(lines - 1)
                .join(' ')
                .trimStart(),
              width - indent.length,
            )
          : '';
      if (line !== '') line = indent + line.trimStart();
      if (out.length + (line === '' ? 0 : 1) >= lines) break;
      continue;
    }
    if (out.length + 1 >= lines) continue; // no line left for it: left out, try the shorter ones after
    out.push(line);
    const next = indent + part;
    line = displayWidth(next) <= width ? next : indent + clipWords(part, width - indent.length);
  }
  if (line !== '') out.push(line);
  return out.slice(0, lines);
}

/** A group's line(s): its text, then `→ command`; lists shortened with "+N", text ended at a word. */
function groupLines(g: ActionGroup, width: number, c: ChalkInstance): string[] {
  const bullet = g.urgent ? c.red('!') : c.yellow('·');
  const command = `${ARROW} ${safeLine(g.command)}`;
  const room = width - 2 - 2 - displayWidth(command); // "! " before, "  " between
  const fits = (text: string) => displayWidth(text) <= room;
  const first = g.entries[0];
  const one = safeLine(first?.one ?? g.many);
  let text: string | null = null;
  if (g.count <= 1) {
    // a text that fits a line of its own goes there whole, the command under it, rather than cut
    // beside it ("none…  → pm log" lost how many days: H16)
    text = fits(one) ? one : displayWidth(one) <= width - 2 ? null : room >= 24 ? clipWords(one, room) : null;
    // what it is about, after it, when a useful part of it fits (a few words, not one)
    const detail = safeLine(first?.detail ?? '');
    if (text === one && detail !== '') {
      const left = room - displayWidth(text) - 3;
      const shown = displayWidth(detail) <= left ? detail : left >= MIN_DETAIL ? clipWords(detail, left) : '';
      if (shown !== '' && !shown.startsWith('…')) text = `${text} — ${shown}`;
    }
  } else {
    for (let shown = g.entries.length; shown >= 1 && text === null; shown--) {
      const rest = g.count - shown;
      const candidate = `${g.many}: ${g.entries
        .slice(0, shown)
        .map((e) => safeLine(e.short))
        .join(', ')}${rest ? `, +${rest}` : ''}`;
      if (fits(candidate)) text = candidate;
    }
    if (text === null && fits(g.many)) text = g.many;
  }
  if (text !== null) return [`${bullet} ${text}  ${c.dim(command)}`];
  // too narrow for both on one line: the text, then the command under it
  return [
    `${bullet} ${clipWords(g.count <= 1 ? one : g.many, width - 2)}`,
    ...wrap(command, width - 4).map((l) => `    ${c.dim(l)}`),
  ];
}

export function renderStandup(r: Report, opts: StandupOptions): string {
  const c = opts.color;
  const width = Math.max(40, opts.width);
  const unread = opts.unread ?? NONE_UNREAD;
  const page = standupPage(r, opts.needs, MAX_CHART_WEEKS, unread, opts.full);
  const out: string[] = [];

  const verdict =
    page.verdict === 'overdue'
      ? c.red.bold('OVERDUE')
      : page.verdict === 'behind'
        ? c.yellow.bold('BEHIND')
        : c.green.bold('ON TRACK');
  const head =
    `${page.verdict.toUpperCase()} · ${page.period} · as of ` +
    `${page.asOf}${page.by ? ` · by ${safeLine(page.by)}` : ''}`;
  const headText = displayWidth(head) <= width ? head : clipWords(head, width);
  out.push(verdict + headText.slice(page.verdict.length));

  if (r.empty) return [...out, '', ...emptyJournalLines(r, c)].join('\n') + '\n';

  // two lines, and as many more as the first clause wraps onto: at 40 columns it took both, and the
  // last contact's day, which says why a page is OVERDUE, was left out (fresh-eyes wave 18 H16)
  const clauses = page.contact.map(safeLine);
  const contact = phrases(clauses, width, 1 + wrap(clauses[0] ?? '', width, '  ').length, '  ');

  // what the page must hold, and what gives way when the terminal is short: the chart, then groups
  let groups = page.groups.map((g) => groupLines(g, width - 2, c));
  const fixed = out.length + contact.length + 1 /* blank */ + 1 /* header */ + 1; /* counts */
  let weeks = page.weeks;
  const groupLineCount = () => groups.reduce((n, g) => n + g.length, 0);
  if (opts.height !== undefined && fixed + weeks.length + groupLineCount() > opts.height) {
    const over = fixed + weeks.length + groupLineCount() - opts.height;
    weeks = weeks.slice(Math.min(over, Math.max(0, weeks.length - MIN_CHART_WEEKS)));
    const room = opts.height - fixed - weeks.length;
    if (groupLineCount() > room && groups.length > 1) {
      // the first groups that fit with one line left, then that line for the rest
      let kept = 0;
      let used = 0;
      while (kept < groups.length && used + groups[kept].length <= room - 1) used += groups[kept++].length;
      kept = Math.max(1, kept);
      // counted in lines, as the heading counts them
      const folded = page.groups.slice(kept);
      const command = `${ARROW} ${page.full}`;
      const text = clipWords(
        `and ${folded.length} more: ${folded.flatMap((g) => g.kinds).join(', ')}`,
        width - 2 - 2 - 2 - displayWidth(command),
      );
      groups = [...groups.slice(0, kept), [`${c.yellow('·')} ${text}  ${c.dim(command)}`]];
    }
  }

  out.push(...contact);
  if (weeks.length) {
    const labelWidth = Math.max(...weeks.map((w) => displayWidth(w.label)));
    // room for the count's note (`in 30 days`) too
    const noteWidth = Math.max(
      0,
      ...weeks.map((w) => (judgedSpan(w, page) ? displayWidth(judgedSpan(w, page)) + 1 : 0)),
    );
    const barWidth = Math.max(5, Math.min(24, width - 2 - labelWidth - 2 - 4 - 9 - noteWidth));
    // what each week was judged by: its window's conversations at a cadence longer than a week (R4)
    const bars = weeks.map((w) => {
      const note = judgedSpan(w, page);
      return { label: w.label, value: judgedCount(w), met: w.met, current: w.running, ...(note ? { note } : {}) };
    });
    const rows = barChart(bars, page.weeklyTarget, { width: barWidth, color: c });
    rows.forEach((row, k) => {
      out.push(`  ${row}${weeks[k].running ? c.dim(' so far') : ''}`);
    });
  }

  out.push('');
  if (page.groups.length === 0) out.push(c.green('Nothing needs action.'));
  else {
    out.push(c.bold(page.needsHeading));
    for (const g of groups) out.push(...g.map((l) => `  ${l}`));
  }

  const more = `${ARROW} ${page.full}`;
  const counts = [...page.counts];
  let line = `${counts.join(' · ')}  ${more}`;
  while (displayWidth(line) > width && counts.length > 1) {
    counts.pop();
    line = `${counts.join(' · ')}  ${more}`;
  }
  out.push(displayWidth(line) <= width ? `${counts.join(' · ')}  ${c.dim(more)}` : c.dim(more));
  return out.join('\n') + '\n';
}
