// The report as a CommonMark document a team reads (a wiki page, a standup note): the same
// sections, numbers and rows as the text view — at most SHOWN_ROWS rows a section, then "and N
// more" (the complete lists are in JSON) — with user text escaped by src/render/markdown.ts so it
// can never break the document.
import { named, namedAll, type PageRefs } from '../core/page-refs.js';
import {
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
  targetThen,
  targetWord,
  type Report,
  type WeekBar,
  type Unread,
  byLabel,
} from '../core/report.js';
import { mdHeading, mdInline } from './markdown.js';
import { renderTeamMarkdown } from './team.js';
import type { Team } from '../core/team.js';
import { whereFrom } from '../core/interviews.js';
import { confidenceText } from '../core/confidence.js';
import { opportunityLine } from './opportunities.js';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * A section's list: its first SHOWN_ROWS items, then "and N more" (`unread`: items past those,
 * never read from the journal; `where`: where the rest can be read), or `empty` when it has none.
 */
function list<T>(items: T[], render: (item: T) => string, empty: string, unread = 0, where = ''): string[] {
  if (items.length === 0 && unread === 0) return [mdInline(empty)];
  const lines: string[] = [];
  const shown = Math.min(items.length, SHOWN_ROWS);
  for (let k = 0; k < shown; k++) lines.push(`- ${render(items[k])}`);
  const more = items.length + unread - shown;
  if (more > 0) lines.push(`- and ${more} more${where}`);
  return lines;
}

function who(names: string[], account: string | null, source: string | null): string {
  const from = whereFrom(account, source);
  return mdInline(names.length ? `${names.join(', ')} (${from})` : from);
}

export interface MarkdownReportOptions {
  /** rows of the long lists the report was built without (src/db/report.ts reads only the rows shown) */
  unread?: Unread;
  /** the document lists every interview of the period after the report (pm export) */
  interviewsBelow?: boolean;
  /** the command whose JSON lists every row (pm export: the report of its period and as-of day) */
  completeCommand?: string;
  /** a shared page's references (src/core/page-refs.ts) */
  refs?: PageRefs;
  /** the team's page: each person against the target, after the weekly chart */
  team?: Team;
}

export function renderReportMarkdown(r: Report, opts: MarkdownReportOptions = {}): string {
  const unread = opts.unread ?? NONE_UNREAD;
  // the complete lists: this report (same period, as-of day and --by) as JSON. A page shared as a
  // file (pm export) is read by someone who may not have its journal: it says the rest is not in it,
  // and where they are (fresh-eyes wave 15 H2)
  const elsewhere = (command: string) =>
    `, not on this page (in the journal it was made from, \`${command}\` lists every one)`;
  const rest = opts.completeCommand
    ? elsewhere(opts.completeCommand)
    : ' (the same report with `--json` lists every one)';
  const out: string[] = [];
  const range = `${r.period.start}..${r.period.end}`;
  out.push(mdHeading(1, `Report ${r.period.label}`), '');
  const by = byLabel(r);
  out.push(
    `${mdInline(`${range}, as of ${r.asOf}${by ? `, conversations held by ${by}` : ''}`)}: **${r.verdict}**`,
    '',
  );

  if (r.empty && r.later) out.push(nothingLogged(r), '');
  else if (r.empty) {
    out.push(
      'Nothing logged yet. Log your first customer conversation right after the call:',
      '',
      '```sh',
      'pm log --with "Jane Roe <jane@acme.test>" --account Acme --summary "What they said"',
      'pm hyp add "Finance teams want itemised invoices"',
      'pm report --week',
      '```',
      '',
    );
  }

  const k = r.contact;
  out.push(mdHeading(2, 'Customer contact'), '');
  out.push(
    ...[
      `Customer conversations: ${k.direct} with ${plural(k.customers, 'customer')} ` +
        (r.whole
          ? '(the whole journal: its last weeks against the target below)'
          : `(${inCadence(k)}${targetText(k.target, k.people, k.window?.days)}: **${targetWord(k)}**)`),
      `Last customer conversation: ` +
        `${k.lastDirect === null ? 'none yet' : `${k.lastDirect}, ${plural(k.daysSinceLastDirect!, 'day')} ago`}` +
        `${k.overdue ? ' (**overdue**)' : ''}`,
      `Indirect signals: ${k.indirect}`,
      `Stakeholder meetings (not counted): ${k.stakeholder}`,
    ].map((line) => `- ${line}`),
    '',
  );
  out.push(
    `Customer conversations ${weeklyChartText(r)}; ` +
      `streak: ${plural(r.weekly.streak, 'week')}` +
      `${r.weekly.streakAtLeast ? ' or more' : ''} on target.`,
    '',
  );
  out.push(
    ...chartedWeeks(r.weekly).map(
      (w) => `- ${mdInline(`${w.label}: ${judgedText(w, r.weekly)}${weekState(w, targetThen(w, r.weekly))}`)}`,
    ),
    '',
  );
  if (opts.team) out.push(renderTeamMarkdown(opts.team), '');

  out.push(mdHeading(2, 'Conversations'), '');
  out.push(
    ...list(
      r.conversations,
      (v) =>
        `**${named(opts.refs, v.id)}** ${v.date} · ` +
        `${mdInline(v.channel)}` +
        `${v.kind === 'customer' ? '' : ` (${v.kind === 'indirect' ? 'signal' : 'stakeholder'})`} · ` +
        `${who(v.with, v.account, v.source)}: ${mdInline(v.summary)}`,
      'No conversations in this period.',
      unread.conversations,
      opts.interviewsBelow ? ', each under Interviews below' : rest,
    ),
    '',
  );

  out.push(mdHeading(2, 'Accounts going cold'), '');
  out.push(
    ...list(
      r.overdueAccounts,
      (a) =>
        `${mdInline(a.account)}: last customer conversation ${a.lastDirect}, ${plural(a.daysSince, 'day')} ago ` +
        `(cadence ${a.cadenceDays} days)`,
      'No accounts going cold.',
      unread.accounts,
      rest,
    ),
    '',
  );

  out.push(mdHeading(2, 'Unvalidated hypotheses'), '');
  if (r.hypothesesAsOf) out.push(`${hypothesesThen(r.hypothesesAsOf, r.asOf)}`, '');
  out.push(
    ...list(
      // bets are listed apart, below (a report built for a view leaves them out already)
      r.hypotheses.unvalidated.filter((h) => h.bet === null),
      (h) =>
        `**${named(opts.refs, h.id)}** ${mdInline(h.statement)} — ${h.ageDays} days old; supports ${h.supports} ` +
        `(${plural(h.customersSupporting, 'customer')}), refutes ${h.refutes} ` +
        `(${plural(h.customersRefuting, 'customer')}); last evidence ${h.lastEvidence ?? 'none'}; decide by ` +
        `${h.decideBy}; confidence ${confidenceText(h.confidence)}` +
        `${h.flags.length ? `; flags: ${h.flags.map((f) => `\`${f}\``).join(', ')}` : ''}`,
      r.bets.length ? 'No open hypotheses but the bets below.' : 'No open hypotheses.',
      unread.unvalidated,
      rest,
    ),
    '',
  );

  if (r.bets.length) {
    out.push(mdHeading(2, 'Bets'), '');
    out.push(
      ...list(
        r.bets,
        (b) =>
          `**${named(opts.refs, b.id)}** ${mdInline(b.statement)} — ` +
          `${b.daysLeft < 0 ? `**due** since ${b.until}` : `until ${b.until}`} (held since ${b.since}): ` +
          `${mdInline(b.reason)}; so far supports ${b.supports} ` +
          `(${plural(b.customersSupporting, 'customer')}), refutes ${b.refutes} ` +
          `(${plural(b.customersRefuting, 'customer')}); confidence ${confidenceText(b.confidence)}`,
        'No bets.',
      ),
      '',
    );
  }

  out.push(mdHeading(2, 'Decided this period'), '');
  out.push(
    ...list(
      r.hypotheses.decided,
      (o) =>
        `**${named(opts.refs, o.id)}** ${o.outcome} on ${o.date}: ${mdInline(o.statement)} — ${mdInline(o.reason)}`,
      'No decisions this period.',
      0,
      rest,
    ),
    '',
  );

  // a decision of the period listed above is named here, not written out a second time
  const above = new Set(r.hypotheses.decided.slice(0, SHOWN_ROWS).map((o) => `${o.id} ${o.outcome} ${o.date}`));
  out.push(mdHeading(2, 'Killed and invalidated'), '');
  out.push(
    ...list(
      r.hypotheses.killed,
      (h) =>
        `**${named(opts.refs, h.id)}** ${h.outcome} on ${h.date}` +
        (above.has(`${h.id} ${h.outcome} ${h.date}`)
          ? ', under Decided this period above'
          : `: ${mdInline(h.statement)} — ${mdInline(h.reason)}`) +
        `${h.evidenceAfter.length ? `; \`evidence-after-kill\`: ${namedAll(opts.refs, h.evidenceAfter)}` : ''}`,
      'Nothing killed or invalidated.',
      unread.killed,
      rest,
    ),
    '',
  );

  out.push(mdHeading(2, 'Themes'), '');
  out.push(
    ...list(
      r.themes,
      (t) =>
        `${mdInline(t.theme)} (${t.kind}): ${plural(t.accounts, 'account')}` +
        `${t.signals ? `, ${plural(t.signals, 'signal source')}` : ''}, ${plural(t.interviews, 'interview')}` +
        `${t.segments.length ? `; segments: ${mdInline(t.segments.join(', '))}` : ''}` +
        `${t.flags.length ? '; `single-account`' : ''}`,
      'No tags or pains in this period.',
      unread.themes,
      rest,
    ),
    '',
  );

  const opps = r.opportunities;
  out.push(mdHeading(2, 'Opportunities'), '');
  out.push(
    `${mdInline(
      `The best of the ${plural(opps.window.weeks ?? 0, 'week')} to ${opps.window.end} (${opps.heard} heard), ` +
        'by worth-solving score',
    )}:`,
    '',
  );
  if (opps.top.length === 0) out.push('No pains raised in these weeks.');
  else out.push(...opps.top.map((o) => `- ${opportunityLine(o, opts.refs)}`));
  if (opps.heard > opps.top.length)
    out.push(
      `- and ${opps.heard - opps.top.length} more` +
        (opts.completeCommand
          ? elsewhere(`pm opportunities --as-of ${opps.window.end} --limit 0`)
          : ' (`pm opportunities` lists every one)'),
    );
  out.push('');

  out.push(mdHeading(2, 'Follow-ups due'), '');
  out.push(
    ...list(
      r.followUps,
      (f) =>
        `**${named(opts.refs, f.id)}** due ${f.followUp} ` +
        `(${f.daysOverdue === 0 ? 'today' : `${plural(f.daysOverdue, 'day')} ago`}): ` +
        `${who(f.with, f.account, f.source)} — ${mdInline(f.summary)}`,
      'No follow-ups due.',
      unread.followUps,
      rest,
    ),
    '',
  );

  out.push(mdHeading(2, 'Flags'), '');
  // every flag is raised from rows that were read, but one for each due follow-up left unread; past
  // the rows shown, flags may have been counted rather than listed (buildShownReport)
  out.push(
    ...list(
      r.flags,
      (f) => `\`${f.kind}\` ${mdInline(f.message)}`,
      'Nothing to act on.',
      unread.followUps + unread.flags,
      rest,
    ),
  );
  return out.join('\n') + '\n';
}

/** A week's count as judged: `3 in 30 days` at a cadence longer than a week, else the week's own. */
function judgedText(w: WeekBar, weekly: Report['weekly']): string {
  const span = judgedSpan(w, weekly);
  return span ? `${judgedCount(w)} ${span}` : `${judgedCount(w)}`;
}

/** What a week's line says after its count: on target, so far, and its target when not the heading's. */
function weekState(w: WeekBar, then: number | null): string {
  if (w.met) return then === null ? ' (on target)' : ` (on target: ${then} then)`;
  if (then !== null) return ` (target ${then} then${w.running ? ', so far' : ''})`;
  return w.running ? ' (so far)' : '';
}
