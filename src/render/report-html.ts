// The standup page as one HTML file (pm report --format html, pm export --format html): what the
// text standup page says — verdict, customer contact, what needs action — with three SVG charts
// (customer conversations per week against the target, hypotheses by status and confidence,
// opportunities by score) and the report's sections under them. Self-contained: inline CSS and SVG,
// no script, no font, image or stylesheet fetched, and a Content-Security-Policy that forbids them
// all, so the file reads the same offline, mailed, or opened from a wiki. Every piece of user text
// goes through esc() (one line, controls made visible, `& < > " '` as entities), so whatever was
// typed is shown as text and never becomes markup. Readable on a phone (one column, nothing wider
// than the screen) and printable (no backgrounds needed, sections kept whole). No timestamps: the
// same journal and options give the same bytes.
import { named, namedAll, type PageRefs } from '../core/page-refs.js';
import {
  chartedWeeks,
  targetThen,
  hypothesesThen,
  NONE_UNREAD,
  nothingLogged,
  SHOWN_ROWS,
  targetWord,
  inCadence,
  weeklyChartText,
  judgedCount,
  type Needs,
  type Report,
  type Unread,
  byLabel,
} from '../core/report.js';
import { standupPage } from '../core/standup.js';
import { opportunityText } from './opportunities.js';
import { CONFIDENCE_LEVELS, confidenceText } from '../core/confidence.js';
import { type InterviewKind, notCustomerContact, whereFrom } from '../core/interviews.js';
import { safe, safeLine } from '../core/text.js';
import { type Team, teamStatus } from '../core/team.js';
import { NOBODY_IN_TEAM, against, every, teamInWindow } from './team.js';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML (element content or a quoted attribute): one line, controls visible, markup escaped. */
export function esc(text: string | number | null | undefined): string {
  return safeLine(text === null || text === undefined ? '' : String(text))
    .trim()
    .replace(/[&<>"']/g, (ch) => ENTITIES[ch]);
}

/** Multi-line text (notes) for a <pre>: lines, indentation and tabs kept, markup escaped. */
export function escBlock(text: string | null | undefined): string {
  if (!text) return '';
  return safe(text.replace(/\r\n?/g, '\n'))
    .replace(/\s+$/, '')
    .replace(/[&<>"']/g, (ch) => ENTITIES[ch]);
}

/**
 * Text whose hyphenated words never break at a line's end: a browser breaks after a hyphen, so a
 * phone showed "pm log -" / "-with", "2026-11-" / "11", "past-" / "decide-by" (fresh-eyes wave 15
 * H4). Each such word is kept whole (white-space: nowrap); the text copied is unchanged, and words
 * longer than a phone's line are left to break.
 */
function whole(text: string | number | null | undefined): string {
  return esc(text).replace(/[^\s]*-[^\s]*/g, (w) => (w.length <= 32 ? `<span class="nw">${w}</span>` : w));
}

/** User text in its own bidirectional isolate: a right-to-left name keeps "Name (Account): summary" in order (H6). */
function user(text: string | null | undefined): string {
  return `<bdi>${esc(text)}</bdi>`;
}

/** One interview of pm export --format html (already redacted when asked). */
export interface HtmlInterview {
  id: string;
  date: string;
  channel: string;
  with: string[];
  account: string | null;
  source: string | null;
  by: string | null;
  summary: string;
  tags: string[];
  pains: { text: string; severity: string }[];
  quotes: string[];
  notes: string | null;
  kind: InterviewKind;
  /** the journey stage when we talked, or null */
  stage: string | null;
  /** each hypothesis it is evidence for: its id, the link, and its statement as of the page's day */
  links: { id: string; direction: string; strength: string; statement: string }[];
}

export interface HtmlReportOptions {
  /** "Needs action" by kind (buildShownReport) */
  needs: Needs;
  /** rows of the long lists the report was built without */
  unread?: Unread;
  /** pm export: every interview of the period, after the report */
  interviews?: Iterable<HtmlInterview>;
  /** a shared page's references (src/core/page-refs.ts) */
  refs?: PageRefs;
  /** the team's page: each person against the target, after the customer contact */
  team?: Team;
}

const CSS = `
:root{--ink:#1b1f24;--dim:#57606a;--line:#d0d7de;--met:#1a7f37;--miss:#bc4c00;--now:#8c959f;--accent:#0969da;
--bg:#fff;--panel:#f6f8fa}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--ink);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{max-width:60rem;margin:0 auto;padding:1rem}
h1{font-size:1.6rem;margin:.2rem 0}
h2{font-size:1.15rem;margin:1.6rem 0 .5rem;border-bottom:1px solid var(--line);padding-bottom:.2rem}
h3{font-size:1rem;margin:1rem 0 .3rem}
p,li,dd,td,figcaption{overflow-wrap:anywhere}
.meta{color:var(--dim);margin:0}
.verdict{display:inline-block;font-weight:700;padding:.1rem .6rem;border-radius:1rem;border:2px solid currentColor}
.verdict.on-track{color:var(--met)}.verdict.behind,.verdict.overdue{color:var(--miss)}
.contact{margin:.6rem 0;font-size:1.05rem}
ul{padding-left:1.2rem;margin:.3rem 0}
li{margin:.15rem 0}
.needs li.urgent{font-weight:600}
.cmd,code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.88em;background:var(--panel);
padding:0 .25rem;border-radius:.25rem}
.counts{color:var(--dim)}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(17rem,1fr));gap:1rem;margin-top:1rem}
figure{margin:0;padding:.6rem;border:1px solid var(--line);border-radius:.5rem;break-inside:avoid}
figcaption{font-weight:600;margin-bottom:.3rem}
svg{display:block;width:100%;height:auto}
svg text{font:12px system-ui,sans-serif;fill:var(--ink)}
svg .dim{fill:var(--dim)}
.bar-met{fill:var(--met)}.bar-miss{fill:var(--miss)}.bar-now{fill:var(--now)}.bar{fill:var(--accent)}
.target,.target-key{stroke:var(--ink);stroke-dasharray:4 3;stroke-width:1.5}
.empty{color:var(--dim);font-style:italic}
.flag{font-family:ui-monospace,monospace;font-size:.85em;color:var(--miss);white-space:nowrap}
.nw{white-space:nowrap}
pre{white-space:pre-wrap;overflow-wrap:anywhere;background:var(--panel);padding:.5rem;border-radius:.4rem;tab-size:4;
font:.88rem/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
article{border-top:1px solid var(--line);padding-top:.3rem}
footer{margin-top:2rem;color:var(--dim);font-size:.85rem}
@media (max-width:30rem){main{padding:.6rem}h1{font-size:1.35rem}}
@media print{
body{font-size:11pt}main{max-width:none;padding:0}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
section,figure,article{break-inside:avoid}h2,h3{break-after:avoid}
.charts{grid-template-columns:repeat(3,1fr)}
}
`;

/** A coordinate, to a tenth of a pixel. */
const n = (v: number) => v.toFixed(1);

/**
 * A bar chart of customer conversations per week, with the target as a dashed line, named in a key
 * below the weeks: a label on the line itself sat on the last week's bar whenever it was above the
 * target (fresh-eyes E13).
 */
export function weeklyChart(weeks: Report['weekly']['weeks'], target: number, windowDays?: number): string {
  const W = 320;
  const H = 186;
  const top = 18;
  const bottom = 46;
  const left = 8;
  const plotH = H - top - bottom;
  // each week as judged: its window's conversations at a cadence longer than a week (review wave 18 R4)
  const max = Math.max(target, 1, ...weeks.map(judgedCount));
  const y = (v: number) => top + plotH - (v / max) * plotH;
  const slot = (W - left * 2) / Math.max(weeks.length, 1);
  const bw = Math.max(6, slot * 0.6);
  const parts: string[] = [];
  weeks.forEach((w, k) => {
    const x = left + k * slot + (slot - bw) / 2;
    const cls = w.met ? 'bar-met' : w.running ? 'bar-now' : 'bar-miss';
    const v = judgedCount(w);
    const h = Math.max(v === 0 ? 0 : 1, (v / max) * plotH);
    const state = w.met ? 'on target' : w.running ? 'so far' : 'below target';
    const mid = n(x + bw / 2);
    const then = targetThen(w, { target });
    const judged = then === null ? '' : ` (target ${then} then)`;
    const span = w.inWindow === undefined || windowDays === undefined ? '' : ` in the ${windowDays} days to ${w.end}`;
    const title = `${w.label}: ${plural(v, 'customer conversation')}${span}, ${state}${judged}`;
    parts.push(
      `<g data-week="${esc(w.label)}"><title>${esc(title)}</title>` +
        `<rect class="${cls}" x="${n(x)}" y="${n(top + plotH - h)}" width="${n(bw)}" height="${n(h)}"/>` +
        `<text class="count" x="${mid}" y="${n(top + plotH - h - 4)}" text-anchor="middle">${v}</text>` +
        `<text class="dim" x="${mid}" y="${top + plotH + 16}" text-anchor="middle">` +
        `${esc(w.label.replace(/^\d{4}-/, ''))}</text></g>`,
    );
  });
  const ty = y(target).toFixed(1);
  const key = H - 8;
  parts.push(
    `<line class="target" x1="${left}" x2="${W - left}" y1="${ty}" y2="${ty}"/>` +
      `<line class="target-key" x1="${left}" x2="${left + 18}" y1="${key - 4}" y2="${key - 4}"/>` +
      `<text class="dim target-label" x="${left + 24}" y="${key}">target ${target}</text>`,
  );
  const summary = weeks.map((w) => `${w.label} ${judgedCount(w)}`).join(', ');
  const what = windowDays === undefined ? 'per week' : `in the ${windowDays} days to each week's end`;
  return svg(W, H, `Customer conversations ${what} against the target of ${target}: ${summary}`, parts.join(''));
}

/** Horizontal bars: one row a label and its value (and a note after the value: why a bar of 0 is there). */
function hBars(
  rows: { label: string; value: number; cls?: string; key?: string; note?: string }[],
  title: string,
): string {
  const W = 320;
  const rowH = 22;
  const labelW = 118;
  const H = rows.length * rowH + 6;
  const max = Math.max(1, ...rows.map((r) => r.value));
  const room = W - labelW - 34;
  const parts = rows.map((r, k) => {
    const yTop = 3 + k * rowH;
    const w = r.value === 0 ? 0 : Math.max(2, (r.value / max) * room);
    const label = r.label.length > 16 ? `${r.label.slice(0, 15)}…` : r.label;
    const tip = `${r.label}: ${r.value}${r.note ? `, ${r.note}` : ''}`;
    return (
      `<g${r.key ? ` data-key="${esc(r.key)}"` : ''}><title>${esc(tip)}</title>` +
      `<text x="0" y="${yTop + 15}">${esc(label)}</text>` +
      `<rect class="${r.cls ?? 'bar'}" x="${labelW}" y="${yTop + 3}" width="${n(w)}" height="${rowH - 8}"/>` +
      `<text class="count" x="${n(labelW + w + 5)}" y="${yTop + 15}">${r.value}</text>` +
      (r.note
        ? `<text class="dim note" x="${n(labelW + w + 5 + 8 * String(r.value).length)}" y="${yTop + 15}">` +
          `${esc(r.note)}</text>`
        : '') +
      '</g>'
    );
  });
  return svg(W, H, title, parts.join(''));
}

function svg(w: number, h: number, title: string, body: string): string {
  const ns = 'http://www.w3.org/2000/svg';
  return `<svg viewBox="0 0 ${w} ${h}" role="img" aria-label="${esc(title)}" xmlns="${ns}">${body}</svg>`;
}

function hypothesesChart(r: Report): string {
  // open hypotheses: those with a bet are listed apart (a report built for a view leaves them out of
  // `unvalidated`; JSON's keeps them there too)
  const open = [...r.hypotheses.unvalidated.filter((h) => h.bet === null), ...r.bets];
  const byLevel = CONFIDENCE_LEVELS.map((level) => ({
    label: `open · ${level}`,
    key: `open-${level}`,
    value: open.filter((h) => h.confidence.level === level).length,
    cls: 'bar',
  }));
  const decided = (['validated', 'invalidated', 'killed'] as const).map((outcome) => ({
    label: outcome,
    key: outcome,
    value: r.hypotheses.decided.filter((o) => o.outcome === outcome).length,
    cls: outcome === 'validated' ? 'bar-met' : 'bar-miss',
  }));
  const rows = [...byLevel, ...decided];
  return hBars(rows, `Hypotheses: ${rows.map((x) => `${x.label} ${x.value}`).join(', ')} (decided: this period)`);
}

function opportunitiesChart(r: Report): string {
  const top = r.opportunities?.top ?? [];
  if (top.length === 0) return '<p class="empty">No opportunities heard in the 12 weeks.</p>';
  // a pain only signals raised scores 0: its bar says what was heard, as the line under it does
  const rows = top.map((o) => ({
    label: o.opportunity,
    value: o.score,
    cls: 'bar',
    note: o.customers === 0 && o.signals ? plural(o.signals, 'signal') : undefined,
  }));
  const said = rows.map((o) => `${o.label} ${o.value}${o.note ? ` (${o.note})` : ''}`);
  return hBars(rows, `Opportunities by worth-solving score: ${said.join(', ')}`);
}

/** A section's list: its first SHOWN_ROWS items, then "and N more", or `empty`. */
function list<T>(items: T[], render: (item: T) => string, empty: string, unread = 0): string {
  if (items.length === 0 && unread === 0) return `<p class="empty">${esc(empty)}</p>`;
  const shown = Math.min(items.length, SHOWN_ROWS);
  const lis = items.slice(0, shown).map((i) => `<li>${render(i)}</li>`);
  const more = items.length + unread - shown;
  if (more > 0)
    lis.push(`<li class="more">and ${more} more (the same report with <code>--json</code> lists every one)</li>`);
  return `<ul>${lis.join('')}</ul>`;
}

/** The Team section's body: the team's line, a row a person, who had none (as renderTeamMarkdown). */
function teamHtml(t: Team): string {
  if (t.members.length === 0) return `<p class="empty">${esc(NOBODY_IN_TEAM)}</p>`;
  const rows = t.members.map(
    (m) =>
      `<tr><td>${esc(m.by)}</td><td>${against(m)}</td><td>${esc(teamStatus(m, t.over))}</td>` +
      `<td>${esc(m.lastDirect ?? '—')}</td></tr>`,
  );
  return (
    `<p>${esc(plural(t.direct, 'customer conversation'))} · ${teamInWindow(t)}team target ${t.target}${every(t)}: ` +
    `${esc(teamStatus(t, t.over))}</p>` +
    '<table><thead><tr><th>Person</th><th>Customer conversations</th><th>Status</th>' +
    `<th>Last customer conversation</th></tr></thead><tbody>${rows.join('')}</tbody></table>` +
    `<p>${esc(
      t.silent.length === 0
        ? 'Everyone talked to a customer this period.'
        : `No customer conversation this period: ${t.silent.join(', ')}`,
    )}</p>`
  );
}

function section(id: string, title: string, body: string): string {
  return `<section id="${id}"><h2>${esc(title)}</h2>${body}</section>`;
}

const flags = (fs: readonly string[]) => fs.map((f) => ` <span class="flag">${esc(f)}</span>`).join('');

function who(names: string[], account: string | null, source: string | null): string {
  const from = whereFrom(account, source);
  return names.length ? `${names.map(user).join(', ')} (${user(from)})` : user(from);
}

export function renderReportHtml(r: Report, opts: HtmlReportOptions): string {
  const unread = opts.unread ?? NONE_UNREAD;
  const page = standupPage(r, opts.needs, 8, unread);
  const verdictClass = r.verdict.replace(' ', '-');
  const title = `Report ${r.period.label}`;
  const out: string[] = [];
  out.push(
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // nothing is ever loaded or run: the page is this file
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="generator" content="pm">',
    `<title>${esc(title)} · pm</title>`,
    `<style>${CSS.trim()}</style>`,
    '</head>',
    '<body>',
    '<main>',
  );
  const by = byLabel(r) ? `, conversations held by ${byLabel(r)}` : '';
  out.push(
    `<header><h1>${whole(title)}</h1>`,
    `<p class="meta">${whole(`${r.period.start}..${r.period.end}, as of ${r.asOf}${by}`)}</p>`,
    `<p><span class="verdict ${verdictClass}" id="verdict">${esc(r.verdict)}</span></p>`,
    `<p class="contact" id="contact-line">${page.contact.map(whole).join(' · ')}</p>`,
    '</header>',
  );

  if (r.empty && r.later) out.push(`<p id="empty">${esc(nothingLogged(r))}</p>`);
  else if (r.empty)
    out.push(
      '<p id="empty">Nothing logged yet. Log your first customer conversation right after the call: ' +
        `<code>${esc('pm log --with "Jane Roe <jane@acme.test>" --account Acme --summary "What they said"')}</code>` +
        '</p>',
    );

  // what needs action, most urgent first (the text standup page's groups)
  const needs = page.groups.map((g) => {
    const first = g.entries[0];
    const text =
      g.count === 1 && first
        ? `${whole(first.one)}${first.detail ? ` — ${whole(first.detail)}` : ''}`
        : `${whole(g.many)}${g.entries.length ? `: ${g.entries.map((e) => whole(e.short)).join(', ')}` : ''}`;
    return `<li${g.urgent ? ' class="urgent"' : ''}>${text} <span class="cmd">${whole(g.command)}</span></li>`;
  });
  out.push(
    section(
      'needs',
      page.needsHeading,
      needs.length ? `<ul class="needs">${needs.join('')}</ul>` : '<p class="empty">Nothing needs action.</p>',
    ),
  );
  out.push(`<p class="counts" id="counts">${page.counts.map(whole).join(' · ')}</p>`);

  const k = r.contact;
  const num = (key: string, value: string | number) => `<b data-n="${key}">${value}</b>`;
  const last =
    k.lastDirect === null ? 'none yet' : `${whole(k.lastDirect)}, ${plural(k.daysSinceLastDirect ?? 0, 'day')} ago`;
  out.push(
    section(
      'customer-contact',
      'Customer contact',
      '<ul>' +
        `<li>Customer conversations: ${num('direct', k.direct)} ` +
        `with ${num('customers', plural(k.customers, 'customer'))}` +
        (r.whole
          ? ' (the whole journal: its last weeks against the target in the chart)</li>'
          : ` (${esc(inCadence(k))}${k.people === undefined ? '' : 'team '}target ${num('target', k.target)}` +
            `${k.people === undefined ? '' : ` (${k.people} × ${k.target / k.people})`}` +
            `${k.window ? ` every ${k.window.days} days` : ''}: ` +
            `<b>${targetWord(k)}</b>)</li>`) +
        `<li>Last customer conversation: ${last}${k.overdue ? ' (<b>overdue</b>)' : ''}</li>` +
        `<li>Indirect signals: ${num('indirect', k.indirect)}</li>` +
        `<li>Stakeholder meetings (not counted): ${num('stakeholder', k.stakeholder)}</li>` +
        '</ul>',
    ),
  );

  if (opts.team) out.push(section('team', 'Team', teamHtml(opts.team)));

  const streak = `streak ${plural(r.weekly.streak, 'week')}${r.weekly.streakAtLeast ? ' or more' : ''}`;
  const figure = (id: string, caption: string, chart: string) =>
    `<figure id="${id}"><figcaption>${esc(caption)}</figcaption>${chart}</figure>`;
  out.push(
    '<div class="charts">',
    figure(
      'chart-weekly',
      `Customer conversations ${weeklyChartText(r, `; ${streak}`)}`,
      weeklyChart(chartedWeeks(r.weekly), r.weekly.target, r.weekly.windowDays),
    ),
    figure('chart-hypotheses', 'Hypotheses: open by confidence, decided this period', hypothesesChart(r)),
    figure(
      'chart-opportunities',
      `Opportunities by worth-solving score (${r.opportunities?.heard ?? 0} heard in 12 weeks)`,
      opportunitiesChart(r),
    ),
    '</div>',
  );

  const evidence = (h: { supports: number; refutes: number; customersSupporting: number; customersRefuting: number }) =>
    `supports ${h.supports} (${plural(h.customersSupporting, 'customer')}), ` +
    `refutes ${h.refutes} (${plural(h.customersRefuting, 'customer')})`;
  const kindOf = (kind: string) => (kind === 'customer' ? '' : ` (${kind === 'indirect' ? 'signal' : 'stakeholder'})`);
  out.push(
    section(
      'conversations',
      'Conversations',
      list(
        r.conversations,
        (v) =>
          `<b>${esc(named(opts.refs, v.id))}</b> ${whole(v.date)} · ${esc(v.channel)}${kindOf(v.kind)} · ` +
          `${who(v.with, v.account, v.source)}: ${user(v.summary)}`,
        'No conversations in this period.',
        unread.conversations,
      ),
    ),
    section(
      'accounts-cold',
      'Accounts going cold',
      list(
        r.overdueAccounts,
        (a) =>
          `${user(a.account)}: last customer conversation ${whole(a.lastDirect)}, ` +
          `${plural(a.daysSince, 'day')} ago (cadence ${a.cadenceDays} days)`,
        'No accounts going cold.',
        unread.accounts,
      ),
    ),
    section(
      'hypotheses',
      'Unvalidated hypotheses',
      (r.hypothesesAsOf ? `<p class="meta">${esc(hypothesesThen(r.hypothesesAsOf, r.asOf))}</p>` : '') +
        list(
          r.hypotheses.unvalidated.filter((h) => h.bet === null),
          (h) =>
            `<b>${esc(named(opts.refs, h.id))}</b> ${user(h.statement)} — ${h.ageDays} days old; ${evidence(h)}; ` +
            `decide by ${whole(h.decideBy)}; confidence ${esc(confidenceText(h.confidence))}${flags(h.flags)}`,
          r.bets.length ? 'No open hypotheses but the bets below.' : 'No open hypotheses.',
          unread.unvalidated,
        ),
    ),
  );
  if (r.bets.length)
    out.push(
      section(
        'bets',
        'Bets',
        list(
          r.bets,
          (b) =>
            `<b>${esc(named(opts.refs, b.id))}</b> ${user(b.statement)} — ` +
            `${b.daysLeft < 0 ? `<b>due</b> since ${whole(b.until)}` : `until ${whole(b.until)}`}: ` +
            `${user(b.reason)}; ` +
            `${evidence(b)}; confidence ${esc(confidenceText(b.confidence))}`,
          'No bets.',
        ),
      ),
    );
  // a decision of the period listed under Decided is named under Killed, not written out a second time
  const above = new Set(r.hypotheses.decided.slice(0, SHOWN_ROWS).map((o) => `${o.id} ${o.outcome} ${o.date}`));
  out.push(
    section(
      'decided',
      'Decided this period',
      list(
        r.hypotheses.decided,
        (o) =>
          `<b>${esc(named(opts.refs, o.id))}</b> ${esc(o.outcome)} on ${whole(o.date)}: ` +
          `${user(o.statement)} — ${user(o.reason)}`,
        'No decisions this period.',
      ),
    ),
    section(
      'killed',
      'Killed and invalidated',
      list(
        r.hypotheses.killed,
        (h) =>
          `<b>${esc(named(opts.refs, h.id))}</b> ${esc(h.outcome)} on ${whole(h.date)}` +
          (above.has(`${h.id} ${h.outcome} ${h.date}`)
            ? ', under Decided this period above'
            : `: ${user(h.statement)} — ${user(h.reason)}`) +
          (h.evidenceAfter.length
            ? `; <span class="flag">evidence-after-kill</span>: ${esc(namedAll(opts.refs, h.evidenceAfter))}`
            : ''),
        'Nothing killed or invalidated.',
        unread.killed,
      ),
    ),
    section(
      'themes',
      'Themes',
      list(
        r.themes,
        (t) =>
          `${user(t.theme)} (${t.kind}): ${plural(t.accounts, 'account')}` +
          `${t.signals ? `, ${plural(t.signals, 'signal source')}` : ''}, ${plural(t.interviews, 'interview')}` +
          `${t.segments.length ? `; segments: ${esc(t.segments.join(', '))}` : ''}${flags(t.flags)}`,
        'No tags or pains in this period.',
      ),
    ),
  );
  const opps = r.opportunities;
  if (opps)
    out.push(
      section(
        'opportunities',
        'Opportunities',
        list(
          opps.top,
          (o) =>
            opportunityText(o, {
              name: (t) => `<b>${user(t)}</b>`,
              text: user,
              flag: (f) => `<span class="flag">${esc(f)}</span>`,
              id: (h) => esc(named(opts.refs, h)),
              date: whole,
            }),
          'No opportunities heard in the 12 weeks.',
        ),
      ),
    );
  out.push(
    section(
      'follow-ups',
      'Follow-ups due',
      list(
        r.followUps,
        (f) =>
          `<b>${esc(named(opts.refs, f.id))}</b> due ${whole(f.followUp)}: ${who(f.with, f.account, f.source)} — ` +
          user(f.summary),
        'No follow-ups due.',
        unread.followUps,
      ),
    ),
  );

  if (opts.interviews) {
    const items: string[] = [];
    for (const i of opts.interviews) items.push(interviewHtml(i, opts.refs));
    out.push(
      section('interviews', 'Interviews', items.length ? items.join('') : '<p class="empty">No interviews.</p>'),
    );
  }

  out.push(`<footer>Made with pm, as of ${whole(r.asOf)}.</footer>`, '</main>', '</body>', '</html>', '');
  return out.join('\n');
}

function interviewHtml(i: HtmlInterview, refs: PageRefs): string {
  const rows: string[] = [];
  rows.push(`<li><b>By:</b> ${i.by === null ? 'unknown' : user(i.by)}</li>`);
  rows.push(`<li><b>Summary:</b> ${user(i.summary)}</li>`);
  if (i.tags.length) rows.push(`<li><b>Tags:</b> ${i.tags.map(esc).join(', ')}</li>`);
  if (i.stage) rows.push(`<li><b>Stage:</b> ${user(i.stage)}</li>`);
  if (i.pains.length)
    rows.push(`<li><b>Pains:</b> ${i.pains.map((p) => `${user(p.text)} (${esc(p.severity)})`).join('; ')}</li>`);
  for (const q of i.quotes) rows.push(`<li><b>Quote:</b> “${user(q)}”</li>`);
  if (i.links.length)
    rows.push(
      `<li><b>Hypotheses:</b> ${i.links
        .map((l) => `<b>${esc(named(refs, l.id))}</b> ${esc(l.direction)} (${esc(l.strength)}): ${user(l.statement)}`)
        .join('; ')}</li>`,
    );
  const notes = escBlock(i.notes);
  const note = notCustomerContact(i.kind);
  return (
    `<article id="${esc(i.id)}">` +
    `<h3>${esc(named(refs, i.id))} · ${whole(i.date)} · ${esc(i.channel)} ${i.with.length ? 'with' : 'signal from'} ` +
    `${who(i.with, i.account, i.source)}${note ? ` · ${esc(note)}` : ''}</h3>` +
    `<ul>${rows.join('')}</ul>${notes ? `<pre>${notes}</pre>` : ''}</article>`
  );
}
