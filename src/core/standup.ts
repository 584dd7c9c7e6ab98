// The standup page (issue 15): what `pm report` prints by default, decided here as plain data and
// laid out by src/render/report-standup.ts. From the report and its "Needs action" entries
// (src/core/report.ts, `Needs`) it says, in order: the verdict; customer contact in a few phrases;
// which weeks to chart (from the week of the journal's first conversation, at most 8); "Needs
// action": the actionable flags grouped by kind, most urgent first, each group with the command
// that acts on its first subject, each subject in one group only; then a line of counts of what is
// fine. `pm report --full` prints every section instead (src/render/report-text.ts).
import {
  ACTION_URGENCY,
  chartedWeeks,
  DECIDE_SOON,
  dayAhead,
  NONE_UNREAD,
  urgency,
  type NeedEntry,
  type Needs,
  type Report,
  type Unread,
  byLabel,
} from './report.js';

/** One line of "Needs action": the subjects whose most urgent flag is of its kind(s). */
export interface ActionGroup {
  /** the flag kinds it holds */
  kinds: string[];
  /** how many subjects it holds (more than `entries` when there are many) */
  count: number;
  /** with several subjects, what they are: `2 accounts going cold` (their entries follow it) */
  many: string;
  /** its first subjects, most urgent first; the first one's `one`, `detail` and `command` speak for a group of one */
  entries: NeedEntry[];
  /** the command that acts on the first subject */
  command: string;
  /** among the most urgent kinds: a conversation owed, a deadline passed */
  urgent: boolean;
}

export interface StandupPage {
  verdict: Report['verdict'];
  /** `2026-W47`, `2026-11`, or a range */
  period: string;
  asOf: string;
  by: string | null;
  /** customer contact in phrases, most important first; the layout keeps what fits in two lines */
  contact: string[];
  /** the weeks to chart: from the week of the first conversation, at most `chartWeeks` */
  weeks: Report['weekly']['weeks'];
  weeklyTarget: number;
  /** a cadence longer than a week: each week drawn by its window's conversations (Report['weekly']) */
  windowDays?: number;
  groups: ActionGroup[];
  /** every actionable flag raised, counted */
  flagCount: number;
  /** "Needs action" with what it lists counted (its groups), and the flags when they are more */
  needsHeading: string;
  /** what is fine, counted: `4 open hypotheses`, `5 themes` … */
  counts: string[];
  /**
   * the command that shows this page's period in full: `pm report --week last --full` of last week's
   * page (a bare `pm report --full` showed this week's: fresh-eyes wave 19 H1)
   */
  full: string;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What several subjects of a kind are called: `2 accounts going cold`. */
function many(kind: string, n: number, own = false): string {
  switch (kind) {
    case 'follow-up-due':
      return `${plural(n, 'follow-up')} due`;
    case 'past-decide-by':
      return `Decide ${n} hypotheses past their decide-by`;
    case 'decide-today':
      return `Decide ${n} hypotheses today, their decide-by`;
    case 'evidence-after-validate':
      return `${n} validated hypotheses refuted since`;
    case 'ready-to-kill':
      return `${n} hypotheses ready to kill`;
    case 'evidence-after-kill':
      return `${n} killed hypotheses with evidence since`;
    case 'ready-to-validate':
      return `${n} hypotheses ready to validate`;
    case 'account-cold':
      // the user's own page: the accounts they have not called (fresh-eyes wave 19 H16)
      return own ? `${n} of your accounts going cold` : `${n} accounts going cold`;
    case 'stale':
      return `${n} stale hypotheses`;
    case 'contested-decision':
      return `Settle ${n} hypotheses decided twice`;
    case 'bet-due':
      return `Decide ${n} hypotheses whose bet ran out`;
    case 'segment-silent':
      return `${n} segments gone silent`;
    default:
      return `${n} × ${kind}`;
  }
}

/** overdue-contact and behind-target ask for the same act: one group, "Talk to customers". */
function contactGroup(r: Report, kinds: string[]): ActionGroup {
  const k = r.contact;
  const parts: string[] = [];
  if (kinds.includes('overdue-contact'))
    parts.push(k.lastDirect === null ? 'none logged yet' : `none for ${plural(k.daysSinceLastDirect!, 'day')}`);
  if (kinds.includes('behind-target')) {
    const got = k.window ? k.window.direct : k.direct;
    const more = k.target - got;
    if (k.daysLeft > 0) parts.push(`${more} more by ${dayAhead(r.period.end, r.asOf)}`);
    else if (r.period.end >= r.asOf) parts.push(`${more} more today`);
    else parts.push(`${got} of ${k.target} ${k.window ? `in ${k.window.days} days` : 'in the period'}`);
  }
  const text = `Talk to customers${r.by ? ` (${r.by})` : ''}: ${parts.join(', ')}`;
  const entry: NeedEntry = {
    subject: r.by ?? 'customer contact',
    short: text,
    one: text,
    detail: '',
    command: 'pm log',
  };
  return { kinds, count: 1, many: text, entries: [entry], command: 'pm log', urgent: true };
}

/**
 * "Needs action": a group a flag kind, most urgent first (overdue-contact and behind-target in
 * one). `unread.followUps`: due follow-ups the view did not read (their flags are not raised, but
 * they count).
 */
export function actionGroups(r: Report, needs: Needs, unread: Unread = NONE_UNREAD, full = FULL): ActionGroup[] {
  const kinds = Object.keys(needs)
    .filter((k) => k !== DECIDE_SOON)
    .sort((a, b) => urgency(a) - urgency(b));
  const groups: ActionGroup[] = [];
  const contactKinds: string[] = kinds.filter((k) => k === 'overdue-contact' || k === 'behind-target');
  if (contactKinds.length) groups.push(contactGroup(r, contactKinds));
  for (const kind of kinds) {
    if (contactKinds.includes(kind)) continue;
    const { count, entries } = needs[kind];
    const total = count + (kind === 'follow-up-due' ? unread.followUps : 0);
    groups.push({
      kinds: [kind],
      count: total,
      many: many(kind, total, r.own === true),
      entries,
      command: entries[0]?.command ?? full,
      urgent: urgency(kind) < ACTION_URGENCY.indexOf('evidence-after-validate'),
    });
  }
  return groups;
}

/**
 * "Needs action" counts the lines a reader ticks off (groups), not the flags behind them: several
 * flags share a line (overdue-contact and behind-target, two accounts going cold, a hypothesis's
 * stale and past-decide-by), and "(12 flags)" above 9 lines sent readers looking for 3 (E22).
 */
export function needsHeading(groups: number, flags: number): string {
  return flags > groups ? `Needs action (${groups}, from ${flags} flags)` : `Needs action (${groups})`;
}

/** The page's data, from the report, its needs, and what the view left unread. */
/** The command that shows the page in full: `pm report --full` with the flags that chose the page. */
export const FULL = 'pm report --full';

export function standupPage(
  r: Report,
  needs: Needs,
  chartWeeks: number,
  unread: Unread = NONE_UNREAD,
  full = FULL,
): StandupPage {
  const k = r.contact;
  // a week of Sunday weeks is labelled by its range ("2026-11-22..2026-11-28"): a week all the same,
  // found among the weeks charted (fresh-eyes wave 18 H11)
  const week =
    /^\d{4}-W\d{2}$/.test(r.period.label) ||
    r.weekly.weeks.some((w) => w.start === r.period.start && w.end === r.period.end);
  const span = week ? 'this week' : /^\d{4}-\d{2}$/.test(r.period.label) ? 'this month' : 'in the period';
  const contact: string[] = [];
  // a cadence longer than the period (one every 14 days, a week's page): its window's count, judged
  const got = k.window ? k.window.direct : k.direct;
  const pace = k.daysLeft > 0 && got < k.target ? `, ${k.target - got} more by ${dayAhead(r.period.end, r.asOf)}` : '';
  const when = k.window ? `in ${k.window.days} days` : r.period.end < r.asOf ? 'in the period' : span;
  // "6 of 1 this week" read oddly: past the target, the count and the target apart
  const count = got > k.target ? `${got} ${when} (target ${k.target})` : `${got} of ${k.target} ${when}`;
  // how many people those were, with the conversations they were in (not with the signals after them)
  const people = k.customers && k.customers < k.direct ? ` with ${plural(k.customers, 'customer')}` : '';
  contact.push(`Customer contact: ${count}${people}${pace}`);
  contact.push(
    k.lastDirect === null
      ? 'none logged yet'
      : `last one ${k.daysSinceLastDirect === 0 ? 'today' : `${plural(k.daysSinceLastDirect!, 'day')} ago`}`,
  );
  const streak = r.weekly.streak;
  contact.push(`${streak}${r.weekly.streakAtLeast ? '+' : ''} ${streak === 1 ? 'week' : 'weeks'} on target`);
  const notCounted: string[] = [];
  if (k.indirect) notCounted.push(plural(k.indirect, 'signal'));
  if (k.stakeholder) notCounted.push(plural(k.stakeholder, 'stakeholder meeting'));
  if (notCounted.length) contact.push(`${notCounted.join(' and ')}, not counted`);

  // the weeks every view charts (chartedWeeks); none before a first conversation, where the full
  // text view shows the running week
  const weeks = (r.weekly.firstDate === null ? [] : chartedWeeks(r.weekly)).slice(-chartWeeks);

  // a bet is an open hypothesis (pm hyp list lists it; the page's report lists it apart): counted among
  // them, and in brackets as "4 opportunities (2 unaddressed)" is; "4 open hypotheses · 1 bet" read as
  // if the bet were one of the four
  const bets = r.bets?.length ?? 0;
  const u = r.hypotheses.unvalidated.length + unread.unvalidated + bets;
  const soon = needs[DECIDE_SOON]?.count ?? 0;
  // a past period's, as they stood on its last day (Report.hypothesesAsOf)
  const then = r.hypothesesAsOf ? ` on ${r.hypothesesAsOf}` : '';
  const counts = [
    `${plural(u, 'open hypothesis', 'open hypotheses')}${then}${bets ? ` (${plural(bets, 'bet')})` : ''}`,
  ];
  // each hypothesis once, in the words of the sections (H5): those decided in the period (by their
  // last outcome in it; a reopening is none), and the others killed or invalidated before it
  const last = new Map<string, string>();
  for (const o of r.hypotheses.decided) if (!last.has(o.id)) last.set(o.id, o.outcome);
  const outcomes = [...last.values()];
  const decided = outcomes.filter((o) => o !== 'reopened').length;
  if (decided) counts.push(`${decided} decided`);
  const ended = outcomes.filter((o) => o === 'killed' || o === 'invalidated').length;
  const killed = Math.max(0, r.hypotheses.killed.length + unread.killed - ended);
  counts.push(plural(r.themes.length + unread.themes, 'theme'));
  // after the themes: the longer words would push them off an 80-column page
  if (killed) counts.push(`${killed} killed or invalidated`);
  // opportunities as a count, after the themes (a narrow page drops counts from the end): their flags
  // are informational, and pm opportunities lists them
  const o = r.opportunities;
  if (o?.heard)
    counts.push(
      `${plural(o.heard, 'opportunity', 'opportunities')}${o.unaddressed ? ` (${o.unaddressed} unaddressed)` : ''}`,
    );
  if (soon) counts.push(`${soon} to decide within 7 days`);
  const groups = actionGroups(r, needs, unread, full);
  const flagCount = r.flags.length + unread.flags + unread.followUps;
  return {
    verdict: r.verdict,
    period: r.period.label,
    asOf: r.asOf,
    by: byLabel(r),
    contact,
    weeks,
    weeklyTarget: r.weekly.target,
    ...(r.weekly.windowDays === undefined ? {} : { windowDays: r.weekly.windowDays }),
    groups,
    flagCount,
    needsHeading: needsHeading(groups.length, flagCount),
    counts,
    full,
  };
}
