// The standup report as plain data (contract: "pm report"). buildReport is a pure function of the
// journal's rows (src/db/report.ts) and the options; text, markdown and JSON are three views of
// the object it returns, so they can never disagree. Every decision lives here.
import { argOf, named, namedAll, type PageRefs } from './page-refs.js';
import {
  addDays,
  dayNumber,
  daysBetween,
  fromDayNumber,
  isoWeekday,
  isoWeekLabel,
  parseMonth,
  parsePastDate,
  parseWeek,
  rangePeriod,
  weekHolding,
  type Period,
  type WeekStart,
} from './dates.js';
import {
  betState,
  DECIDE_SOON_DAYS,
  FLAGS_A_BET_HOLDS,
  hypothesisFlags,
  staleSince,
  type Bet,
  type EvidenceStats,
  type HypothesisFlag,
  type HypothesisStatus,
} from './hypotheses.js';
import { FORGOTTEN_NAME } from './contacts.js';
import { shellWord } from './text.js';
import { confidenceOf, type Confidence } from './confidence.js';
import { accountsBornBefore, isSilent, silentMessage, type SegmentRow } from './coverage.js';
import type { Config } from './config.js';
import { whereFrom } from './interviews.js';
import { UsageError } from '../errors.js';
import {
  countOpportunities,
  opportunityWindow,
  rankOpportunities,
  rankPainTexts,
  type NamedOpportunity,
  type Opportunity,
  type OpportunityHypothesis,
  type PainRow,
  type PainText,
  type PainTextCount,
  type PainTextRow,
  type PainTextTally,
  type Window,
} from './opportunities.js';

// ---------------------------------------------------------------- rows (what the journal holds)

export type InterviewKind = 'customer' | 'indirect' | 'stakeholder';

export interface ConversationRow {
  id: string;
  date: string;
  channel: string;
  kind: InterviewKind;
  by: string | null;
  with: string[];
  /** null for a signal from a source alone */
  account: string | null;
  /** a signal's source ("Capterra"), or null */
  source: string | null;
  summary: string;
}

/** An account going cold (src/db/standing.ts decides which). */
export interface AccountContactRow {
  account: string;
  segment: string | null;
  /** its cadence: its own, else account.cadenceDays */
  cadenceDays: number;
  lastDirect: string;
  /**
   * the user's own page (ReportQuery.own), read for the views: a teammate's customer conversation with
   * the account after the user's last, the latest (its interviewer and day); absent when none
   */
  teammate?: { by: string; date: string };
}

export interface ReportHypothesis extends EvidenceStats {
  id: string;
  statement: string;
  status: HypothesisStatus;
  outcome: string | null;
  outcomeDate: string | null;
  outcomeReason: string | null;
  /** a conviction bet held on it (open hypotheses), or null */
  bet: Bet | null;
}

export interface OutcomeRow {
  id: string;
  statement: string;
  outcome: string;
  date: string;
  reason: string;
}

/**
 * The period's outcomes without a decision reopened on its own day, nor that reopening: the undo of
 * a slip (`pm hyp kill H1` typed for H2, then `pm hyp reopen H1`), which the week's notes listed as
 * a kill and a reopening and the standup counted as two decisions (H16). Both stay in the
 * hypothesis's history (pm hyp show). `decided` is newest first, a day's outcomes last-made first.
 */
export function withoutUndone(decided: OutcomeRow[]): OutcomeRow[] {
  const undone = new Set<OutcomeRow>();
  decided.forEach((row, i) => {
    if (row.outcome !== 'reopened' || undone.has(row)) return;
    const before = decided.slice(i + 1).find((o) => o.id === row.id);
    if (before && before.outcome !== 'reopened' && before.date === row.date) undone.add(row).add(before);
  });
  return undone.size ? decided.filter((o) => !undone.has(o)) : decided;
}

export interface LateEvidenceRow {
  hypothesisId: string;
  interviewId: string;
  date: string;
}

/** Customer evidence refuting a validated hypothesis, dated after its validation (as of asOf). */
export interface RefutedAfterValidationRow {
  hypothesisId: string;
  statement: string;
  /** the day it was validated (its latest outcome as of asOf) */
  validatedOn: string;
  interviewId: string;
  date: string;
}

export interface ThemeRow {
  kind: 'tag' | 'pain';
  theme: string;
  accounts: number;
  /** distinct sources of signals ("Capterra", "NPS survey") that raised it: never accounts */
  signals: number;
  interviews: number;
  segments: string[];
  /** a pain whose opportunity was heard from 2 accounts or more over the Opportunities' window: not single-account */
  heardWider?: boolean;
}

export interface FollowUpRow {
  id: string;
  date: string;
  followUp: string;
  account: string | null;
  source: string | null;
  with: string[];
  summary: string;
  /**
   * the first living customer or prospect of its people (as `with` lists them), whom a call that
   * answers it is with; null when none is left (a stakeholder meeting's, or its customer erased): a
   * log with colleagues alone answers nothing, so it is closed by hand (below)
   */
  reach?: string | null;
}

/** A journal's interviews and hypotheses, all dated after a report's as-of day, and the first date. */
export interface LaterRecords {
  interviews: number;
  hypotheses: number;
  from: string;
}

export interface ReportRows {
  contact: { direct: number; indirect: number; stakeholder: number; customers: number };
  lastDirect: string | null;
  /** the date of the first interview of any kind (with --by, held by that person), or null */
  firstDate: string | null;
  /** any interview at all dated on or before asOf (an empty journal gets a friendly report) */
  anyInterview: boolean;
  /** any hypothesis created on or before asOf (validated ones are not among `hypotheses`) */
  anyHypothesis: boolean;
  /** with neither, what the journal holds dated after asOf (null: nothing at all) */
  later?: LaterRecords | null;
  /**
   * Customer contacts in each week of ReportQuery.weeks (oldest first); for a week older than the
   * chart, at most the weekly target (enough to tell whether it met it).
   */
  directByWeek: { week: Period; direct: number; inWindow?: number }[];
  /** customer contacts in ReportQuery.window, up to asOf */
  windowDirect?: number;
  conversations: ConversationRow[];
  /**
   * The accounts going cold (src/db/standing.ts); read for a view (`unread`), only the first
   * SHOWN_ROWS of them, oldest contact first (and any tied with the last of those)
   */
  accounts: AccountContactRow[];
  /**
   * Open hypotheses (all of them: each may raise flags), then killed and invalidated ones. When the
   * long lists were read for the text view (`unread`), open ones past the first rows it shows carry
   * an empty statement.
   */
  hypotheses: ReportHypothesis[];
  decided: OutcomeRow[];
  /** read for a view (`unread`), only those of the killed and invalidated hypotheses read */
  lateEvidence: LateEvidenceRow[];
  /** read for a view (`unread`), only those of the first SHOWN_ROWS hypotheses, latest validation first */
  refutedAfterValidation: RefutedAfterValidationRow[];
  themes: ThemeRow[];
  followUps: FollowUpRow[];
  /** every segment that has accounts (not switched off), for segment-silent */
  segments: SegmentRow[];
  /** hypotheses decided twice, differently, with no reopening between (src/db/contested.ts) */
  contested?: ContestedRow[];
  /** the pains of the opportunities' window (ReportQuery.opportunities), and what groups them */
  opportunities: OpportunityRows;
  /**
   * Rows of the long lists left unread: text and markdown read only the rows they show
   * (src/db/report.ts); zero when every row was read (`unvalidated` and `flags` are zero here:
   * buildShownReport counts those). Such a list's rows are a prefix of the complete list; of the
   * killed hypotheses with evidence after their decision, the first SHOWN_ROWS (latest decision
   * first) are read, the rest counted in `lateKilled`.
   */
  unread: Unread;
  /**
   * Read for a view, open hypotheses not read (neither listed nor set apart: src/db/report.ts),
   * counted: how many, how many raise each flag, and under which most urgent flag
   */
  openCounted?: OpenCounted;
  /**
   * A past period's open hypotheses (open on ReportQuery.judgedOn) decided since, by asOf: their date
   * flags are judged on the period's last day (src/db/report.ts); absent when there are none
   */
  decidedSince?: string[];
}

/** A hypothesis's two latest decisions, which disagree: `earlier` was followed by `outcome`. */
export interface ContestedRow {
  id: string;
  statement: string;
  outcome: string;
  date: string;
  by: string | null;
  earlier: string;
  earlierDate: string;
  earlierBy: string | null;
}

export interface OpenCounted {
  unvalidated: number;
  decideSoon: number;
  /** by actionable flag kind */
  flags: Record<string, number>;
  /** by most urgent actionable flag */
  needs: Record<string, number>;
}

/** What the report's opportunities are ranked from (src/core/opportunities.ts). */
export interface OpportunityRows {
  pains: PainRow[];
  /** instead of `pains`, for a view that shows only how many were heard (ReportQuery.opportunityCounts) */
  texts?: (PainText | PainTextCount)[];
  /**
   * For a view listing the best few (src/db/report.ts): how many were heard and unaddressed, counted
   * from each spelling's summary (opportunitiesToRank); `pains` then holds only the rows of the
   * opportunities that may rank among the best REPORT_OPPORTUNITIES
   */
  counted?: { heard: number; unaddressed: number };
  /**
   * instead of `pains`, every pain of the window gathered a row a text (ReportQuery.opportunityTexts),
   * counted by SQLite where a text alone makes its opportunity (painTextTallies): every opportunity is
   * ranked, and the markdown export's tree ranks them from the same rows
   */
  textRows?: (PainTextRow | PainTextTally)[];
  /** every opportunity of textRows already ranked (the markdown export ranks once for the report and its tree) */
  ranked?: Opportunity[];
  named: NamedOpportunity[];
  hypotheses: OpportunityHypothesis[];
}

/** Opportunities the report lists: the best few of its window, as `pm opportunities` ranks them. */
export const REPORT_OPPORTUNITIES = 5;

export interface Unread {
  conversations: number;
  killed: number;
  followUps: number;
  /** open hypotheses past the rows a view shows, counted by buildShownReport without an entry */
  unvalidated: number;
  /** raised flags past the rows a view shows, counted by buildShownReport without being listed */
  flags: number;
  /** accounts going cold past those read (each raises account-cold: buildShownReport counts it in `flags`) */
  accounts: number;
  /** themes not read (the standup page shows how many; markdown, past those it may list) */
  themes: number;
  /**
   * validated hypotheses refuted since past those read (each raises evidence-after-validate:
   * buildShownReport counts it in `flags`)
   */
  refuted: number;
  /**
   * killed and invalidated hypotheses with evidence after their decision past those read (each
   * raises evidence-after-kill: buildShownReport counts it in `flags`)
   */
  lateKilled: number;
  /**
   * `flags` by kind: a view lists at most SHOWN_ROWS flags of each kind (the standup page groups
   * them by kind), so the first SHOWN_ROWS of the whole list are always listed
   */
  flagsByKind?: Record<string, number>;
}

export const NONE_UNREAD: Unread = {
  conversations: 0,
  killed: 0,
  followUps: 0,
  unvalidated: 0,
  flags: 0,
  accounts: 0,
  themes: 0,
  refuted: 0,
  lateKilled: 0,
};

/**
 * Rows a section of the text and markdown views shows, then "and N more" (contract: text shows at
 * most 10; markdown, a page a team reads every week, shows the same, and JSON is complete).
 */
export const SHOWN_ROWS = 10;

// ---------------------------------------------------------------- options and periods

export interface ReportOptions {
  period: Period;
  asOf: string;
  config: Config;
  by: string | null;
  /**
   * `by` is the user, chosen by pm: the journal is shared and others hold conversations in it, so the
   * plain report is the user's own (wave 13 H6), and its first line says so
   */
  own?: boolean;
  /**
   * The row ids of the open hypotheses someone else added (their `by` is not the page's person): a
   * person's page (the plain one, --by) raises no action of theirs, the team's page every one (H14)
   */
  othersHypotheses?: number[];
  /**
   * The whole journal (`pm export` with no period): a span that is no cadence period, so it has no
   * pace: no behind-target, the target not judged (fresh-eyes wave 13 H13: "behind, 8 of 9, 1 more
   * today" of a span no week asked that of). Overdue stays: it is about the last conversation.
   */
  whole?: boolean;
  /**
   * The day pm runs (PM_TODAY in tests): a week or period whose last day is before it is over, so a
   * report as of its last day, made later, judges it whole (no "so far"). Absent: as of asOf alone.
   */
  today?: string;
  /**
   * A shared page's references (src/core/page-refs.ts): its prose names `H4 (H-8d8dc7)` and its
   * commands `H-8d8dc7`. JSON has `ref` beside `id` and is given none.
   */
  refs?: PageRefs;
  /**
   * The team's page (`pm report --team`, a shared journal's export): everyone's conversations judged
   * against the target of this many people, each person's target times them, as the Team section
   * judges the team (fresh-eyes wave 15 H11: the team's five calls "met" one person's target of 2)
   */
  people?: number;
  /**
   * The team's page: how many people were on the team in each of reportQuery's weeks (teamSizes: those
   * who held a conversation in the 8 weeks up to the week's end), each week's target that times the
   * weekly one. Judged by today's head-count, one teammate joining turned the weeks the others met into
   * misses and the streak into 1 (review wave 18 H8). Absent: every week judged as `people`.
   */
  teamByWeek?: readonly number[];
}

export interface PeriodFlags {
  week?: string | boolean;
  month?: string | boolean;
  since?: string;
  until?: string;
}

/**
 * The period from --week/--month/--since/--until (default: the week holding asOf). --since and
 * --until accept the same forms as --date, counted back from --as-of.
 */
export function resolvePeriod(
  flags: PeriodFlags,
  asOf: string,
  weekStart: Config['week.start'],
  command = 'report',
): Period {
  const given = [flags.week !== undefined, flags.month !== undefined, flags.since !== undefined].filter(Boolean).length;
  if (given > 1) throw new UsageError('give one period: --week, --month or --since', `try: pm ${command} --week last`);
  if (flags.until !== undefined && flags.since === undefined)
    throw new UsageError('--until needs --since', `try: pm ${command} --since 2026-11-01 --until 2026-11-15`);
  if (flags.since !== undefined) {
    const since = parsePastDate(flags.since, asOf, '--since');
    const until = flags.until !== undefined ? parsePastDate(flags.until, asOf, '--until') : asOf;
    // with no --until the range ends at --as-of (today): name that, not a flag the user did not type
    if (flags.until === undefined && since > until)
      throw new UsageError(
        `--since ${since} is after ${until}, the day the ${command} is made as of (--as-of, else today)`,
        `try: pm ${command} --since ${until}`,
      );
    return notAhead(
      rangePeriod(since, until),
      asOf,
      `the period from ${since}`,
      `pm ${command} --since ${since} --as-of ${since}`,
    );
  }
  const month = flags.month !== undefined;
  const period = month ? parseMonth(flags.month, asOf) : parseWeek(flags.week, asOf, weekStart);
  const current = month ? parseMonth(true, asOf) : weekHolding(asOf, weekStart);
  const what = month ? 'month' : 'week';
  return notAhead(
    period,
    asOf,
    `${period.label}`,
    `pm ${command} --${what} (this ${what}, ${current.label}), or pm ${command} --${what} ${period.label} ` +
      `--as-of ${period.start}`,
    `this ${what} is ${current.label}`,
  );
}

/**
 * A period that starts after --as-of is refused (exit 2), as `--since` after `--until` is: nothing in it
 * counts yet, and its page called an empty future week "on track" (a typo, W52 for W50: fresh-eyes
 * wave 15 H3). The hint names the current period and how to see that one as of its first day.
 */
function notAhead(period: Period, asOf: string, named: string, hint: string, now?: string): Period {
  if (period.start <= asOf) return period;
  throw new UsageError(`${named} has not begun: as of ${asOf}${now ? `, ${now}` : ''}`, `try: ${hint}`);
}

/** How many weeks back the streak of weeks on target is looked for (a year). */
export const STREAK_WEEKS = 52;
/** How many weeks the bar chart shows. */
export const CHART_WEEKS = 8;

export interface ReportQuery {
  start: string;
  end: string;
  asOf: string;
  /**
   * the day the hypotheses are read as of (which are open, killed…, their evidence): the period's end
   * when that is before asOf (judgedOn); their ages and date flags still count to asOf
   */
  judgedOn: string;
  /** ReportOptions.othersHypotheses: their flags are not raised (absent: none) */
  othersHypotheses?: number[];
  by: string | null;
  /**
   * The STREAK_WEEKS weeks up to the one holding asOf, oldest first; `until`: the week's end cut at
   * asOf. `chart`: one of the chart's weeks (the CHART_WEEKS up to the period's end), whose customer
   * contacts are all counted. The others only need to tell whether they met the weekly target, so
   * their counts stop at it.
   */
  weeks: (Period & { until: string; chart: boolean; from?: string })[];
  /** a cadence longer than the period: its window (cadenceWindow), whose customer contacts are counted */
  window?: CadenceWindow;
  /** the most any of `weeks` asks for (the team's page judges each by the team then): their counts stop at it */
  weekTarget: number;
  /** account.cadenceDays: the cadence of accounts without their own */
  accountCadence: number;
  /** the window opportunities are heard in: the 12 weeks up to asOf, whatever the report's period */
  opportunities: Window;
  /** only count the opportunities (the standup page): the report's `opportunities.top` is then empty */
  opportunityCounts?: boolean;
  /** read the window's pains a row a text and rank every opportunity (the markdown export, whose tree uses them too) */
  opportunityTexts?: boolean;
  /**
   * read, of the window's pains, those of every named opportunity and of the `opportunityTree` best
   * without a name (and any tied with the last): all the markdown export's report and tree may show,
   * with how many were heard and unaddressed in `counted`
   */
  opportunityTree?: number;
  /** only count the period's themes (the standup page): `themes` is then empty, `unread.themes` their number */
  themeCounts?: boolean;
  /**
   * read only the themes a view listing this many may show (markdown): the first by accounts, signals
   * and interviews, and any tied with the last; `unread.themes` counts the others
   */
  themesShown?: number;
  /**
   * only count the period's conversations (the standup page, which lists none): `conversations` is then
   * empty, `unread.conversations` their number
   */
  conversationCounts?: boolean;
  /**
   * only count the killed and invalidated hypotheses (the standup page, which lists none): those with
   * links dated after their decision are still read, for their flags; `unread.killed` the others
   */
  killedCounts?: boolean;
  /** what flags an open hypothesis (hypothesisFlags), for the views that count them in SQL */
  judge: { staleDays: number; soonDays: number; validateAt: number; killAt: number };
  /**
   * `by` is the user's own page (ReportOptions.own): segments are judged on everyone's conversations,
   * and the accounts going cold name a teammate's later call
   */
  own?: boolean;
  /** segment-silent counts the accounts that existed by asOf (src/core/coverage.ts accountsBornBefore) */
  bornBefore?: string | null;
  /**
   * only the segments gone silent, those last heard before this day (silentBefore below): the standup
   * page and markdown (the report's and the export's), which show segment-silent and no list of segments
   */
  silentBefore?: string;
}

/**
 * What a past period's page says of its hypotheses (Report.hypothesesAsOf): those open on its last day,
 * their ages and date flags counted to asOf (a 13d hypothesis "as it stood" on the 13th reads odd otherwise).
 */
export function hypothesesThen(day: string, asOf: string): string {
  return (
    `As they stood on ${day}, the period's last day, with ages, decide-by and stale days counted to ${asOf} ` +
    `(pm report shows this week's).`
  );
}

/** The day a segment last heard before has gone silent as of asOf (ReportQuery.silentBefore). */
export function silentBefore(o: Pick<ReportOptions, 'asOf' | 'config'>): string {
  return addDays(o.asOf, -o.config['coverage.silentDays']);
}

/**
 * The day a report judges its hypotheses as of: asOf, or the period's end when that is before it. A
 * past week's page lists as killed only what was decided by its end, as the week's export (as of its
 * last day) does; one invalidated the Monday after was open that week (fresh-eyes wave 15). Their
 * date flags (past-decide-by, stale, decide-today…) and ages are still counted to asOf (the contract).
 */
export function judgedOn(o: Pick<ReportOptions, 'period' | 'asOf'>): string {
  return o.period.end < o.asOf ? o.period.end : o.asOf;
}

/** What to read from the journal for these options: the period cut at asOf, and the weeks of the chart and streak. */
/**
 * The `count` weeks up to the one holding `asOf`, oldest first: weekHolding of each, counted back from
 * that one's day number, an ISO week's label from the one after it (the week before W10 is W09) but
 * across a new year. weekHolding of a day in each week, 7 days apart, turned each day into a date and
 * back five times: ~0.4 ms of every report's 52 weeks in cold code (report-weeks.test.ts holds the
 * two equal).
 */
export function weeksUpTo(asOf: string, weekStart: WeekStart, count: number): Period[] {
  const last = weekHolding(asOf, weekStart);
  const weeks: Period[] = new Array(count);
  weeks[count - 1] = last;
  let monday = dayNumber(last.start);
  let label = last.label;
  for (let k = count - 2; k >= 0; k--) {
    monday -= 7;
    const start = fromDayNumber(monday);
    const end = fromDayNumber(monday + 6);
    if (weekStart === 'sunday') label = `${start}..${end}`;
    else {
      const week = Number(label.slice(6));
      label = week > 1 ? `${label.slice(0, 6)}${week <= 10 ? '0' : ''}${week - 1}` : isoWeekLabel(start);
    }
    weeks[k] = { start, end, label };
  }
  return weeks;
}

function withWindow(o: ReportOptions): { window?: CadenceWindow } {
  const window = cadenceWindow(o.period, o.config);
  return window ? { window } : {};
}

export function reportQuery(o: ReportOptions): ReportQuery {
  const weeks: ReportQuery['weeks'] = [];
  // the chart ends at the period's end (a past week's page charts the weeks up to it: weeklyBars), so
  // its weeks are counted whole; counting only those up to asOf drew a past week's bars as the target
  // (fresh-eyes wave 15 H1)
  const chartEnd = o.period.end < o.asOf ? o.period.end : o.asOf;
  const chartFrom = addDays(chartEnd, -7 * CHART_WEEKS);
  let most = 0;
  // a cadence longer than a week: each week judged by the cadence's days up to its end (weeklyTarget)
  const days = o.config['cadence.days'];
  // plain loops and literals: the 52 weeks are made at every start, in cold code, where spreads and a
  // callback a week cost ~0.1 ms and ~20 KB of young objects
  const upTo = weeksUpTo(o.asOf, o.config['week.start'], STREAK_WEEKS);
  for (let k = 0; k < upTo.length; k++) {
    const { start, end, label } = upTo[k];
    const week: ReportQuery['weeks'][number] = {
      start,
      end,
      label,
      until: end < o.asOf ? end : o.asOf,
      chart: start <= chartEnd && start > chartFrom,
    };
    if (days > 7) week.from = addDays(end, 1 - days);
    weeks.push(week);
    most = Math.max(most, weekTarget(o, k));
  }
  return {
    start: o.period.start,
    end: o.period.end < o.asOf ? o.period.end : o.asOf,
    asOf: o.asOf,
    judgedOn: judgedOn(o),
    by: o.by,
    ...(o.own ? { own: true } : {}),
    ...(o.othersHypotheses?.length ? { othersHypotheses: o.othersHypotheses } : {}),
    weeks,
    weekTarget: most,
    ...withWindow(o),
    accountCadence: o.config['account.cadenceDays'],
    opportunities: opportunityWindow({}, o.asOf),
    bornBefore: accountsBornBefore(o.asOf, o.today),
    judge: {
      staleDays: o.config['hypothesis.staleDays'],
      soonDays: DECIDE_SOON_DAYS,
      validateAt: o.config['evidence.validateAt'],
      killAt: o.config['evidence.killAt'],
    },
  };
}

// ---------------------------------------------------------------- the report (the JSON contract)

export type ActionableFlag =
  | 'overdue-contact'
  | 'behind-target'
  | 'account-cold'
  | 'stale'
  | 'past-decide-by'
  | 'decide-today'
  | 'ready-to-validate'
  | 'ready-to-kill'
  | 'evidence-after-kill'
  | 'evidence-after-validate'
  | 'follow-up-due'
  | 'bet-due'
  | 'segment-silent'
  | 'contested-decision';

export type Verdict = 'overdue' | 'behind' | 'on track';

/**
 * The actionable flags, most urgent first (the standup page's "Needs action" order): a customer
 * conversation owed (the cadence, then a promise made to someone), then decisions (a deadline
 * passed, a decision the customers now contradict, those the evidence calls for), then what is
 * drifting (accounts, stale beliefs). A kind a later issue adds goes where its urgency puts it; one
 * missing here comes last.
 */
export const ACTION_URGENCY: readonly string[] = [
  'overdue-contact',
  'behind-target',
  'follow-up-due',
  'past-decide-by',
  'decide-today',
  'bet-due',
  'contested-decision',
  'evidence-after-validate',
  'ready-to-kill',
  'evidence-after-kill',
  'ready-to-validate',
  'account-cold',
  'segment-silent',
  'stale',
];

export function urgency(kind: string): number {
  const k = ACTION_URGENCY.indexOf(kind);
  return k < 0 ? ACTION_URGENCY.length : k;
}

/** One subject of "Needs action" (src/core/standup.ts): what the page says of it. */
export interface NeedEntry {
  /** `H2`, `Northwind`, `I7`, or `customer contact` */
  subject: string;
  /** in a list of several: `H2 5d`, `Northwind 45d`, `Raj Patel 3d` */
  short: string;
  /** alone in its group: `Decide H2: 5 days past its decide-by` */
  one: string;
  /** what it is about, shown after `one` when there is room (a hypothesis's statement); may be empty */
  detail: string;
  /** the command that acts on it */
  command: string;
}

/**
 * "Needs action" by flag kind: how many subjects have it as their most urgent flag (a hypothesis
 * past its decide-by that is also stale is counted once, under past-decide-by), and the first
 * SHOWN_ROWS of them, most urgent first. Exact whatever rows were read: every flag is raised from
 * complete data (buildShownReport), only its message is not built.
 */
export type Needs = Record<string, { count: number; entries: NeedEntry[] }>;

/** The key of `Needs` that counts open hypotheses to decide soon (informational: no group). */
export const DECIDE_SOON = 'decide-soon';

export interface RaisedFlag {
  kind: ActionableFlag;
  subject: string;
  message: string;
}

export interface WeekBar {
  start: string;
  end: string;
  label: string;
  direct: number;
  /**
   * A cadence longer than a week (weekly.windowDays): the customer conversations of its days up to the
   * week's end (to asOf while it runs), which `met` judges and the charts draw (review wave 18 R4)
   */
  inWindow?: number;
  met: boolean;
  /** the team's page: the week's target, by the people on the team that week (ReportOptions.teamByWeek) */
  target?: number;
  /** the week holding asOf */
  current: boolean;
  /** the week holding asOf, still running (runningOn): the views mark it "so far" */
  running: boolean;
}

export interface Report {
  period: Period;
  asOf: string;
  /**
   * A past period's end, when before asOf: its hypotheses (open, bets, killed, refuted since validated,
   * decided twice) and their evidence are as they stood that day (judgedOn); ages and date flags
   * count to asOf
   */
  hypothesesAsOf?: string;
  by: string | null;
  /** `by` is the user's, chosen because others log in this shared journal (`--team` is everyone's) */
  own?: true;
  /** `overdue` when overdue-contact is raised, else `behind` when behind-target is, else `on track` */
  verdict: Verdict;
  /** the whole journal (ReportOptions.whole): its target is not judged */
  whole?: true;
  /** nothing logged yet (no interview, no hypothesis, as of asOf) */
  empty: boolean;
  /**
   * With `empty`, what the journal holds after asOf: an as-of day before the first record is not a
   * journal with nothing in it. The views' report only (text, markdown, HTML); JSON leaves it out.
   */
  later?: LaterRecords;
  contact: {
    direct: number;
    customers: number;
    indirect: number;
    stakeholder: number;
    target: number;
    cadenceDays: number;
    met: boolean;
    lastDirect: string | null;
    daysSinceLastDirect: number | null;
    overdue: boolean;
    /** days the period spans, for "target × days ÷ cadenceDays" */
    periodDays: number;
    /** the period's days up to asOf inclusive (all of them for a past period) */
    elapsedDays: number;
    /** days of the period after asOf */
    daysLeft: number;
    /** customer conversations due by asOf: floor(target × elapsedDays ÷ periodDays) */
    expected: number;
    /** fewer than `expected`: behind-target */
    behind: boolean;
    /** the period is over: short of the target is "not met"; while it runs, "behind" or "on track" */
    over: boolean;
    /** the team's page (ReportOptions.people): `target` is the team's, each person's times this many */
    people?: number;
    /**
     * A cadence longer than the period (cadenceWindow): `met`, `expected` and `behind` judge the customer
     * conversations of the cadence's days up to the period's last day (`direct` of them, to asOf), and
     * `target` is the cadence's whole
     */
    window?: CadenceWindow & { direct: number };
  };
  /** customer conversations per week, the last CHART_WEEKS weeks, oldest first */
  weekly: {
    target: number;
    /** a cadence longer than a week: each week is judged by this many days up to its end (cadenceWindow) */
    windowDays?: number;
    weeks: WeekBar[];
    /** consecutive weeks on target up to now (the running week counts once it is met) */
    streak: number;
    /** the streak reaches back the whole window (STREAK_WEEKS): "52+ weeks" */
    streakAtLeast: boolean;
    /** the first conversation's date (null: none yet): the standup page charts weeks from its week on */
    firstDate: string | null;
  };
  conversations: {
    id: string;
    date: string;
    channel: string;
    kind: InterviewKind;
    by: string | null;
    with: string[];
    /** null for a signal from a source alone */
    account: string | null;
    source: string | null;
    summary: string;
  }[];
  overdueAccounts: {
    account: string;
    lastDirect: string;
    daysSince: number;
    cadenceDays: number;
    segment: string | null;
  }[];
  hypotheses: {
    unvalidated: {
      id: string;
      statement: string;
      ageDays: number;
      supports: number;
      refutes: number;
      customersSupporting: number;
      customersRefuting: number;
      lastEvidence: string | null;
      decideBy: string;
      flags: HypothesisFlag[];
      accountsSupporting: number;
      otherSupports: number;
      otherRefutes: number;
      confidence: Confidence;
      bet: Bet | null;
    }[];
    decided: OutcomeRow[];
    killed: {
      id: string;
      statement: string;
      outcome: string;
      date: string;
      reason: string;
      flags: 'evidence-after-kill'[];
      evidenceAfter: string[];
    }[];
    /** validated hypotheses that customer evidence dated after the validation refutes */
    refutedAfterValidation: {
      id: string;
      statement: string;
      validatedOn: string;
      flags: 'evidence-after-validate'[];
      evidenceAfter: string[];
    }[];
  };
  themes: {
    theme: string;
    kind: 'tag' | 'pain';
    accounts: number;
    /** distinct sources of signals that raised it, counted apart from accounts */
    signals: number;
    segments: string[];
    interviews: number;
    flags: 'single-account'[];
  }[];
  followUps: {
    id: string;
    date: string;
    followUp: string;
    with: string[];
    account: string | null;
    source: string | null;
    summary: string;
    daysOverdue: number;
  }[];
  /** conviction bets, listed apart with the evidence so far, soonest deadline first */
  bets: ReportBet[];
  /** the best opportunities of the 12 weeks up to asOf (pm opportunities), and how many were heard */
  opportunities: { window: Window; heard: number; unaddressed: number; top: Opportunity[] };
  /** every segment with accounts: its last customer conversation, and `segment-silent` when it is silent */
  segments: {
    segment: string;
    accounts: number;
    lastHeard: string | null;
    daysSince: number | null;
    flags: 'segment-silent'[];
  }[];
  flags: RaisedFlag[];
}

export interface ReportBet {
  id: string;
  statement: string;
  until: string;
  reason: string;
  since: string;
  /** days from asOf to until: 0 on its last day, negative once due */
  daysLeft: number;
  supports: number;
  refutes: number;
  customersSupporting: number;
  customersRefuting: number;
  lastEvidence: string | null;
  confidence: Confidence;
  flags: HypothesisFlag[];
}

const ACTIONABLE_HYPOTHESIS_FLAGS = [
  'stale',
  'past-decide-by',
  'decide-today',
  'ready-to-validate',
  'ready-to-kill',
] as const;

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function byText(names: string[], account: string | null, source: string | null): string {
  const from = whereFrom(account, source);
  return names.length ? `${names.join(', ')} (${from})` : from;
}

const WEEKDAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** A day a few days ahead, as a person says it: `Sun`; further off: `2026-11-30`. */
export function dayAhead(day: string, asOf: string): string {
  const d = daysBetween(asOf, day);
  if (d === 0) return 'today';
  if (d === 1) return 'tomorrow';
  return d > 1 && d < 7 ? WEEKDAY_NAMES[isoWeekday(day) - 1] : day;
}

/**
 * The pace of a period (issue 15): its days up to asOf inclusive, capped at its length (a past
 * period is judged whole), and the customer conversations due by then, floor(target × elapsed ÷
 * length), so that three a week asks for one by Wednesday, two by Friday, three by Sunday.
 */
export function pace(
  period: Pick<Period, 'start' | 'end'>,
  asOf: string,
  target: number,
): { length: number; elapsed: number; expected: number } {
  const length = daysBetween(period.start, period.end) + 1;
  const elapsed = Math.max(0, Math.min(length, daysBetween(period.start, asOf) + 1));
  return { length, elapsed, expected: Math.floor((target * elapsed) / length) };
}

/** The text of behind-target: `1 of 3 · 2 more by Sun (2 days left)`, or for a past period, what it came to. */
export function behindText(k: Report['contact'], period: Period, asOf: string, today?: string): string {
  const direct = k.window ? k.window.direct : k.direct;
  const more = k.target - direct;
  // a cadence longer than the period: of its window's days (cadenceWindow)
  const span = k.window ? ` in the ${k.window.days} days to ${k.window.end}` : '';
  const of = `${direct} of ${k.target} customer conversations${span}`;
  if (k.daysLeft === 0) {
    if (!runningOn(period.end, asOf, today)) return `${of}: ${more} short when the period ended`;
    return `${of} · ${more} more today, the period's last day`;
  }
  return `${of} · ${more} more by ${dayAhead(period.end, asOf)} ` + `(${plural(k.daysLeft, 'day')} left)`;
}
/**
 * Whether a week or period ending `end` is still running in a report as of `asOf`: it has days after
 * asOf, or asOf is its last day and that day is not over (not before today). A past week exported as
 * of its last day is over, so the export reads the same whenever it is made after the week.
 */
export function runningOn(end: string, asOf: string, today?: string): boolean {
  return end > asOf || (end === asOf && (today === undefined || today <= end));
}

/**
 * The target a week of the team's page was judged by, when it is not the one the chart is headed by
 * (weekly.target, today's team): the team then was smaller or larger. Said beside the week in every
 * view, as JSON says it: "2 (on target)" under "team target 3" read as a contradiction (review wave 18 R1).
 */
export function targetThen(w: WeekBar, weekly: Pick<Report['weekly'], 'target'>): number | null {
  return w.target === undefined || w.target === weekly.target ? null : w.target;
}

/**
 * The weeks a chart shows: from the week of the journal's first record, the weeks before it say
 * nothing (issue 15; in markdown and HTML too since fresh-eyes wave 13 H2); with no record, the last.
 */
export function chartedWeeks(weekly: Report['weekly']): WeekBar[] {
  const first = weekly.firstDate;
  return first === null ? weekly.weeks.slice(-1) : weekly.weeks.filter((w) => w.end >= first);
}

/**
 * "overdue" while the period runs and no customer conversation came within cadence.days (the page's
 * verdict, and the Team rows' word: teamStatus; "on track" under an OVERDUE heading contradicted it,
 * fresh-eyes wave 18 H3); "met", or "not met" once the period is over; else "behind" or "on track"
 * (the page's pace rule).
 */
export function targetWord(k: Report['contact']): 'overdue' | 'met' | 'not met' | 'behind' | 'on track' {
  if (k.overdue && !k.over) return 'overdue';
  if (k.met) return 'met';
  if (k.over) return 'not met';
  return k.behind ? 'behind' : 'on track';
}

/** A cadence longer than the period: what its window holds, before the target (`1 in the 14 days to 2026-12-13 · `). */
export function inCadence(k: Report['contact']): string {
  return k.window ? `${k.window.direct} in the ${k.window.days} days to ${k.window.end} · ` : '';
}

/**
 * What a chart draws for a week: what it was judged by, the conversations of the cadence's days up to
 * its end when the cadence is longer than a week (WeekBar.inWindow), else the week's own.
 */
export function judgedCount(w: WeekBar): number {
  return w.inWindow ?? w.direct;
}

/**
 * The weekly chart's heading: `per week (target 1)`, or for a cadence longer than a week, whose weeks
 * are each drawn by their window, `in the 30 days to each week's end (target 3)`; `more` inside the brackets.
 */
export function weeklyChartText(r: Pick<Report, 'weekly' | 'contact'>, more = ''): string {
  const days = r.weekly.windowDays;
  return days === undefined
    ? `per week (${weeklyTargetText(r)}${more})`
    : `in the ${days} days to each week's end (${targetText(r.weekly.target, r.contact.people)}${more})`;
}

/** After a week's drawn count: `in 30 days` when it is its window's (judgedCount), else nothing. */
export function judgedSpan(w: WeekBar, weekly: Pick<Report['weekly'], 'windowDays'>): string {
  return w.inWindow === undefined || weekly.windowDays === undefined ? '' : `in ${weekly.windowDays} days`;
}

/** The weekly chart's target as the pages name it (`target 1 every 14 days` for a cadence longer than a week). */
export function weeklyTargetText(r: Pick<Report, 'weekly' | 'contact'>): string {
  return targetText(r.weekly.target, r.contact.people, r.weekly.windowDays);
}

/** A target as the pages name it: the team's says whose, and how it is made (`team target 4 (2 × 2)`). */
export function targetText(target: number, people?: number, days?: number): string {
  const every = days === undefined ? '' : ` every ${days} days`;
  return people === undefined
    ? `target ${target}${every}`
    : `team target ${target} (${people} × ${target / people})${every}`;
}

export interface CadenceWindow {
  start: string;
  end: string;
  days: number;
}

/**
 * The window a period shorter than the cadence is judged by: the cadence's days up to the period's
 * last day, its target whole (null when the period is as long as the cadence or longer: the contract's
 * scaled target). The contract scales the target to a longer period, rounded up, and is silent on a
 * shorter one, where rounding up asked "one conversation every 14 days" for one every week, twice the
 * cadence (review wave 18 H17); a week now meets it when the 14 days up to its end hold one.
 */
export function cadenceWindow(period: Period, config: Config): CadenceWindow | null {
  const days = config['cadence.days'];
  if (daysBetween(period.start, period.end) + 1 >= days) return null;
  return { start: addDays(period.end, 1 - days), end: period.end, days };
}

/** Customer conversations wanted in `days` days: target × days ÷ cadenceDays, rounded up. */
export function scaledTarget(config: Config, days: number): number {
  return Math.ceil((config['cadence.target'] * days) / config['cadence.days']);
}

/**
 * The target of reportQuery's week k: the weekly one times the people on the team then (teamByWeek;
 * nobody that week: one person's, as the page judges a team of nobody), else times `people`.
 */
function weekTarget(o: Pick<ReportOptions, 'config' | 'people' | 'teamByWeek'>, k: number): number {
  const then = o.teamByWeek?.[k];
  return weeklyTarget(o.config) * (then === undefined ? (o.people ?? 1) : Math.max(1, then));
}

/** One person's target of a week: the weekly share, or the cadence's whole when it is longer (cadenceWindow). */
function weeklyTarget(config: Config): number {
  return config['cadence.days'] > 7 ? config['cadence.target'] : scaledTarget(config, 7);
}

function weeklyBars(rows: ReportRows, o: ReportOptions): Report['weekly'] {
  const target = weeklyTarget(o.config) * (o.people ?? 1);
  const weeks: WeekBar[] = [];
  // the weeks up to the period's end: a past period (--week last) charts no week after it
  const upTo = rows.directByWeek.filter(({ week }, k) => k === 0 || week.start <= o.period.end);
  // a plain loop and literals (52 weeks, in cold code at every start: no spread or callback a week)
  const last = rows.directByWeek.length - 1;
  for (let k = 0; k < upTo.length; k++) {
    const { week, direct, inWindow } = upTo[k];
    const then = weekTarget(o, k);
    const met = (inWindow ?? direct) >= then;
    const current = k === last;
    const running = current && runningOn(week.end, o.asOf, o.today);
    const { start, end, label } = week;
    const bar: WeekBar =
      o.people === undefined
        ? { start, end, label, direct, met, current, running }
        : // the team's page says each week's own target, the team then being not always the team now
          { start, end, label, direct, met, target: then, current, running };
    // a cadence longer than a week: what the week was judged by, which the charts draw (judgedCount)
    if (inWindow !== undefined) bar.inWindow = inWindow;
    weeks.push(bar);
  }
  let i = weeks.length - 1;
  if (!weeks[i].met && weeks[i].running) i--; // the running week is not "off target" yet
  // weeks before the first record are no streak (G5): with a target of 0 they were all "met", and a
  // journal made today read "52+ weeks on target"; with a target above 0 they are missed anyway
  const first = rows.firstDate;
  let streak = 0;
  while (i >= 0 && weeks[i].met && first !== null && weeks[i].end >= first) {
    streak++;
    i--;
  }
  return {
    target,
    ...(o.config['cadence.days'] > 7 ? { windowDays: o.config['cadence.days'] } : {}),
    weeks: weeks.slice(-CHART_WEEKS),
    streak,
    streakAtLeast: i < 0 && streak > 0 && first !== null && first < weeks[0].start,
    firstDate: rows.firstDate,
  };
}

/**
 * What an empty report says first: "Nothing logged yet." for a journal with nothing in it, or, when
 * everything in it is dated after the as-of day, that it is empty by that day and what comes after:
 * "Nothing logged yet" of a journal full of later interviews read as if they were lost.
 */
export function nothingLogged(r: Pick<Report, 'asOf' | 'later'>): string {
  const l = r.later;
  if (!l) return 'Nothing logged yet.';
  const what = [
    l.interviews ? plural(l.interviews, 'interview') : '',
    l.hypotheses ? plural(l.hypotheses, 'hypothesis', 'hypotheses') : '',
  ].filter(Boolean);
  const are = l.interviews + l.hypotheses === 1 ? 'is' : 'are';
  return `Nothing logged by ${r.asOf}: this journal's ${what.join(' and ')} ${are} dated from ${l.from} on.`;
}

/** The interviews a report of `rows` names (conversations, follow-ups, evidence after a decision). */
export function interviewsNamed(rows: ReportRows): string[] {
  return [
    ...rows.conversations.map((c) => c.id),
    ...rows.followUps.map((f) => f.id),
    ...rows.lateEvidence.map((e) => e.interviewId),
    ...rows.refutedAfterValidation.map((e) => e.interviewId),
  ];
}

/** The complete report (JSON): every open hypothesis and every flag listed. */
export function buildReport(rows: ReportRows, o: ReportOptions): Report {
  return assemble(rows, o, null).report;
}

/**
 * The report for a view that lists SHOWN_ROWS rows a section (text, markdown): the unvalidated
 * hypotheses and the flags after those are counted in `unread` (with the rows the journal was not
 * read for) instead of being built: on the bench journal, 418 entries and ~900 flags with their
 * messages, 3 ms of a report's 5.5 ms of building.
 */
/**
 * `messages`: false for the standup page, which prints none of its flags' messages (only how many flags
 * there are: --check exits by them): each flag is raised with an empty one (~15-30 KB of young strings).
 */
export function buildShownReport(
  rows: ReportRows,
  o: ReportOptions,
  messages = true,
): { report: Report; unread: Unread; needs: Needs } {
  return assemble(rows, o, SHOWN_ROWS, messages);
}

function assemble(
  rows: ReportRows,
  o: ReportOptions,
  shown: number | null,
  messages = true,
): { report: Report; unread: Unread; needs: Needs } {
  const { config, asOf, refs } = o;
  const n = (id: string) => named(refs, id);
  const a = (id: string) => argOf(refs, id);
  const flags: RaisedFlag[] = [];
  const needs: Needs = {};
  // only the standup page (a shown view) reads `needs`: JSON spends nothing on it
  const need = (kind: ActionableFlag, entry: () => NeedEntry) => {
    if (shown === null) return;
    needs[kind] ??= { count: 0, entries: [] };
    const n = needs[kind];
    if (n.count++ < SHOWN_ROWS) n.entries.push(entry());
  };
  const unread: Unread = { ...rows.unread };
  const listed = (n: number) => shown === null || n < shown;
  const ofKind = new Map<string, number>();
  const byKind: Record<string, number> = {};
  unread.flagsByKind = byKind;
  const raise = (kind: ActionableFlag, subject: string, message: () => string) => {
    const n = ofKind.get(kind) ?? 0;
    if (listed(n)) {
      flags.push({ kind, subject, message: messages ? message() : '' });
      ofKind.set(kind, n + 1);
    } else {
      unread.flags++;
      byKind[kind] = (byKind[kind] ?? 0) + 1;
    }
  };
  // flags of subjects whose rows a view did not read (counted by SQL): past the rows it shows;
  // `needed`: how many of those subjects have it as their most urgent flag
  const unraised = (kind: string, n: number, needed = n) => {
    if (shown !== null && needed > 0) {
      needs[kind] ??= { count: 0, entries: [] };
      needs[kind].count += needed;
    }
    if (n === 0) return;
    unread.flags += n;
    byKind[kind] = (byKind[kind] ?? 0) + n;
  };

  // 1. customer contact
  const periodDays = daysBetween(o.period.start, o.period.end) + 1;
  // the team's target is each person's times the people, and so is what is due by asOf: the floor of
  // the team's whole target would outgrow the Team rows' (review R8)
  const people = o.people ?? 1;
  const window = cadenceWindow(o.period, config);
  const perPerson = window ? config['cadence.target'] : scaledTarget(config, periodDays);
  const target = perPerson * people;
  const { elapsed } = pace(o.period, asOf, perPerson);
  // a cadence longer than the period: its window's conversations, due at its pace
  const inCadence = window ? (rows.windowDirect ?? 0) : rows.contact.direct;
  const expected = pace(window ?? o.period, asOf, perPerson).expected * people;
  const behind = !o.whole && inCadence < expected;
  const daysSinceLastDirect = rows.lastDirect === null ? null : daysBetween(rows.lastDirect, asOf);
  const overdue = daysSinceLastDirect === null || daysSinceLastDirect > config['cadence.days'];
  const who = o.by ? ` by ${o.by}` : '';
  if (overdue) need('overdue-contact', () => contactNeed(o.by));
  if (overdue)
    raise('overdue-contact', o.by ?? 'customer contact', () =>
      rows.lastDirect === null
        ? `No customer conversation logged${who} yet (cadence: ` +
          `${plural(config['cadence.target'], 'conversation')} every ${plural(config['cadence.days'], 'day')})`
        : `No customer conversation${who} for ${plural(daysSinceLastDirect!, 'day')}, since ${rows.lastDirect} ` +
          `(cadence: every ${plural(config['cadence.days'], 'day')})`,
    );
  const contact: Report['contact'] = {
    direct: rows.contact.direct,
    customers: rows.contact.customers,
    indirect: rows.contact.indirect,
    stakeholder: rows.contact.stakeholder,
    target,
    cadenceDays: config['cadence.days'],
    met: inCadence >= target,
    lastDirect: rows.lastDirect,
    daysSinceLastDirect,
    overdue,
    periodDays,
    elapsedDays: elapsed,
    daysLeft: periodDays - elapsed,
    expected,
    behind,
    over: !runningOn(o.period.end, asOf, o.today),
    ...(o.people === undefined ? {} : { people: o.people }),
    ...(window ? { window: { ...window, direct: inCadence } } : {}),
  };
  if (behind) need('behind-target', () => contactNeed(o.by));
  if (behind)
    raise(
      'behind-target',
      o.by ?? 'customer contact',
      () => `Behind target${who}: ${behindText(contact, o.period, asOf, o.today)}`,
    );

  // 2. accounts going cold, oldest first
  const overdueAccounts: Report['overdueAccounts'] = rows.accounts.map((a) => ({
    account: a.account,
    lastDirect: a.lastDirect,
    daysSince: daysBetween(a.lastDirect, asOf),
    cadenceDays: a.cadenceDays,
    segment: a.segment,
  }));
  overdueAccounts.sort((x, y) =>
    x.lastDirect < y.lastDirect ? -1 : x.lastDirect > y.lastDirect ? 1 : x.account < y.account ? -1 : 1,
  );
  // the user's own page: the account is theirs to call, and a teammate's later call is named beside it
  // (fresh-eyes wave 19 H16: "going cold" above `pm show`'s "last direct 5 days ago" read as a contradiction)
  const teammate = new Map(rows.accounts.map((a) => [a.account, a.teammate]));
  for (const a of overdueAccounts) {
    need('account-cold', () => {
      const t = teammate.get(a.account);
      const then = t === undefined ? null : daysBetween(t.date, asOf);
      const ago = then === null ? '' : then === 0 ? 'today' : `${plural(then, 'day')} ago`;
      return {
        subject: a.account,
        short: `${a.account} ${a.daysSince}d${t === undefined ? '' : ` (${t.by} ${then}d)`}`,
        one:
          `${a.account} is going cold: no ${o.own ? 'conversation of yours' : 'customer conversation'} for ` +
          `${plural(a.daysSince, 'day')}${t === undefined ? '' : ` (${t.by}: ${ago})`}`,
        detail: '',
        command: `pm show ${shellWord(a.account)}`,
      };
    });
    raise(
      'account-cold',
      a.account,
      () =>
        `${a.account}: no customer conversation for ${plural(a.daysSince, 'day')}, since ${a.lastDirect} ` +
        `(cadence: ${plural(a.cadenceDays, 'day')})`,
    );
  }
  unraised('account-cold', rows.unread.accounts);

  // 3. unvalidated hypotheses; a view that lists a few rows lists bets apart (section "Bets"). A past
  // period's hypotheses are those open at its end (judgedOn), with their evidence then, as its rows
  // were read; their ages and date flags count to asOf, as the contract's past-decide-by and stale do
  // (review wave 16 R5: Monday's page of last week said "Decide H1 today" of Sunday's decide-by)
  const judged = judgedOn(o);
  const unvalidated: Report['hypotheses']['unvalidated'] = [];
  const bets: ReportBet[] = [];
  // open hypotheses already on the standup page (a due bet is not listed twice)
  const needed = new Set<string>();
  // someone else's: listed with their flags (a shared belief), but no action of this page (H14)
  const others = new Set((o.othersHypotheses ?? []).map((id) => `H${id}`));
  for (const h of rows.hypotheses) {
    if (h.status !== 'open') continue;
    // a bet placed after the day judged was not held then
    const bet = betState(h.bet, judged) === null ? null : h.bet;
    // one decided since the day judged was open then: whether it was past its decide-by (or stale, or
    // due soon) is judged on that day; counted to asOf, one validated on time read as overdue and made
    // --check exit 3 (review wave 18 R3). Those still open count to asOf (the contract's past-decide-by)
    const day = rows.decidedSince?.includes(h.id) ? judged : asOf;
    const hFlags = hypothesisFlags(h, day, config, bet);
    const confidence = confidenceOf(h, config);
    if (bet)
      bets.push({
        id: h.id,
        statement: h.statement,
        until: bet.until,
        reason: bet.reason,
        since: bet.since,
        daysLeft: daysBetween(asOf, bet.until),
        supports: h.supports,
        refutes: h.refutes,
        customersSupporting: h.customersSupporting,
        customersRefuting: h.customersRefuting,
        lastEvidence: h.lastEvidence,
        confidence,
        flags: hFlags,
      });
    if (bet && shown !== null) {
      // listed apart: its flags are still raised below
    } else if (!listed(unvalidated.length)) unread.unvalidated++;
    else
      unvalidated.push({
        id: h.id,
        statement: h.statement,
        ageDays: daysBetween(h.createdOn, asOf),
        supports: h.supports,
        refutes: h.refutes,
        customersSupporting: h.customersSupporting,
        customersRefuting: h.customersRefuting,
        lastEvidence: h.lastEvidence,
        decideBy: h.decideBy,
        flags: hFlags,
        accountsSupporting: h.accountsSupporting,
        otherSupports: h.otherSupports,
        otherRefutes: h.otherRefutes,
        confidence,
        bet,
      });
    if (others.has(h.id)) continue;
    // a running bet holds its stale, past-decide-by and ready-to-kill: informational until --until
    const holding = hFlags.includes('bet');
    let primary: ActionableFlag | null = null;
    for (const f of hFlags) {
      if (!(ACTIONABLE_HYPOTHESIS_FLAGS as readonly string[]).includes(f)) continue;
      if (holding && FLAGS_A_BET_HOLDS.includes(f)) continue;
      raise(f as ActionableFlag, h.id, () => hypothesisMessage(f, h, day, config, refs));
      if (primary === null || urgency(f) < urgency(primary)) primary = f as ActionableFlag;
    }
    // counted for the standup page's line of counts (informational, not a group of its own); one due
    // today is a line of Needs action instead
    if (hFlags.includes('decide-soon') && !hFlags.includes('decide-today') && shown !== null) {
      needs[DECIDE_SOON] ??= { count: 0, entries: [] };
      needs[DECIDE_SOON].count++;
    }
    // on the standup page, under its most urgent flag only
    if (primary !== null) {
      const kind = primary;
      need(kind, () =>
        hypothesisNeed(kind, h, day, holding ? hFlags.filter((f) => !FLAGS_A_BET_HOLDS.includes(f)) : hFlags, refs),
      );
      needed.add(h.id);
    }
  }
  // open hypotheses a view did not read, counted by SQL (src/db/report.ts)
  const notRead = rows.openCounted;
  if (notRead) {
    unread.unvalidated += notRead.unvalidated;
    for (const kind of ACTIONABLE_HYPOTHESIS_FLAGS) unraised(kind, notRead.flags[kind] ?? 0, notRead.needs[kind] ?? 0);
    unraised(DECIDE_SOON, 0, notRead.decideSoon);
  }
  bets.sort((x, y) => (x.until < y.until ? -1 : x.until > y.until ? 1 : Number(x.id.slice(1)) - Number(y.id.slice(1))));

  // 5. killed and invalidated, latest decision first
  const late = new Map<string, string[]>();
  for (const e of rows.lateEvidence) late.set(e.hypothesisId, [...(late.get(e.hypothesisId) ?? []), e.interviewId]);
  const killed: Report['hypotheses']['killed'] = rows.hypotheses
    .filter((h) => h.status === 'killed' || h.status === 'invalidated')
    .map((h) => {
      const evidenceAfter = late.get(h.id) ?? [];
      return {
        id: h.id,
        statement: h.statement,
        outcome: h.status,
        date: h.outcomeDate ?? '',
        reason: h.outcomeReason ?? '',
        flags: evidenceAfter.length ? ['evidence-after-kill' as const] : [],
        evidenceAfter,
      };
    })
    .sort((x, y) => (x.date > y.date ? -1 : x.date < y.date ? 1 : 0));
  for (const k of killed)
    if (k.evidenceAfter.length) {
      need('evidence-after-kill', () => ({
        subject: k.id,
        short: `${n(k.id)} (${namedAll(refs, k.evidenceAfter)})`,
        one:
          `${n(k.id)} was ${k.outcome}, but ${namedAll(refs, k.evidenceAfter)} since ` +
          `${k.evidenceAfter.length === 1 ? 'supports' : 'support'} it`,
        detail: k.statement,
        command: `pm hyp show ${a(k.id)}`,
      }));
      raise(
        'evidence-after-kill',
        k.id,
        () =>
          `${n(k.id)} was ${k.outcome} on ${k.date}, but ${namedAll(refs, k.evidenceAfter)} logged after ` +
          `${k.evidenceAfter.length === 1 ? 'supports' : 'support'} it: reopen it, or unlink`,
      );
    }
  unraised('evidence-after-kill', rows.unread.lateKilled);

  // validated hypotheses that customers refute after the validation, latest validation first
  const refuted = new Map<string, Report['hypotheses']['refutedAfterValidation'][number]>();
  for (const e of rows.refutedAfterValidation) {
    const h = refuted.get(e.hypothesisId);
    if (h) h.evidenceAfter.push(e.interviewId);
    else
      refuted.set(e.hypothesisId, {
        id: e.hypothesisId,
        statement: e.statement,
        validatedOn: e.validatedOn,
        flags: ['evidence-after-validate'],
        evidenceAfter: [e.interviewId],
      });
  }
  const refutedAfterValidation = [...refuted.values()].sort((x, y) =>
    x.validatedOn > y.validatedOn ? -1 : x.validatedOn < y.validatedOn ? 1 : 0,
  );
  for (const v of refutedAfterValidation) {
    need('evidence-after-validate', () => ({
      subject: v.id,
      short: n(v.id),
      one: `Recheck ${n(v.id)}: refuted by ${namedAll(refs, v.evidenceAfter)} since validated`,
      detail: v.statement,
      command: `pm hyp reopen ${a(v.id)} --reason "…"`,
    }));
    raise(
      'evidence-after-validate',
      v.id,
      () =>
        `${n(v.id)} was validated on ${v.validatedOn}, but customer evidence logged after refutes it ` +
        `(${namedAll(refs, v.evidenceAfter)}): reopen it (pm hyp reopen ${a(v.id)} --reason "…")`,
    );
  }
  unraised('evidence-after-validate', rows.unread.refuted);

  // 6. themes, most accounts first
  const themes: Report['themes'] = rows.themes
    .map((t) => ({
      theme: t.theme,
      kind: t.kind,
      accounts: t.accounts,
      signals: t.signals,
      segments: [...new Set(t.segments)].sort(),
      interviews: t.interviews,
      // one account's wish, and no review or survey echoes it: for a pain, over the Opportunities'
      // window too (one verdict on one page: decisions.md)
      flags: t.accounts === 1 && t.signals === 0 && !t.heardWider ? ['single-account' as const] : [],
    }))
    .sort(
      (x, y) =>
        y.accounts - x.accounts ||
        y.signals - x.signals ||
        y.interviews - x.interviews ||
        (x.theme.toLowerCase() < y.theme.toLowerCase() ? -1 : 1),
    );

  // 7. follow-ups due
  const followUps: Report['followUps'] = rows.followUps.map((f) => ({
    id: f.id,
    date: f.date,
    followUp: f.followUp,
    with: f.with,
    account: f.account,
    source: f.source,
    summary: f.summary,
    daysOverdue: daysBetween(f.followUp, asOf),
  }));
  // only a later customer conversation answers a follow-up: the page names the customer a call would
  // be with (an erased person's name, "Forgotten contact", only if no one else is left); one with no
  // living customer left (a stakeholder meeting's, its customer erased) is closed by hand
  const reach = new Map(rows.followUps.map((f) => [f.id, f.reach ?? null]));
  for (const f of followUps) {
    need('follow-up-due', () => {
      const customer = reach.get(f.id) ?? null;
      const person = customer ?? f.with.find((name) => name !== FORGOTTEN_NAME) ?? f.with[0];
      const who = person ?? whereFrom(f.account, f.source);
      return {
        subject: f.id,
        short: `${who} ${f.daysOverdue === 0 ? 'today' : `${f.daysOverdue}d`}`,
        one:
          `Follow up with ${who}${person !== undefined ? ` (${whereFrom(f.account, f.source)})` : ''}, ` +
          `${f.daysOverdue === 0 ? 'due today' : `due ${plural(f.daysOverdue, 'day')} ago`}`,
        detail: f.summary,
        command: customer !== null ? `pm log --with ${shellWord(customer)}` : `pm edit ${a(f.id)} --follow-up done`,
      };
    });
    raise(
      'follow-up-due',
      f.id,
      () =>
        `${n(f.id)}: follow-up with ${byText(f.with, f.account, f.source)} was due ` +
        `${f.daysOverdue === 0 ? 'today' : `${f.followUp} (${plural(f.daysOverdue, 'day')} ago)`}`,
    );
  }

  // every segment that has accounts, and whether we have gone silent on it
  const silentDays = config['coverage.silentDays'];
  const segments: Report['segments'] = rows.segments
    .map((g) => {
      const daysSince = g.lastHeard === null ? null : daysBetween(g.lastHeard, asOf);
      return {
        segment: g.segment,
        accounts: g.accounts,
        lastHeard: g.lastHeard,
        daysSince,
        flags: isSilent(g.lastHeard, asOf, silentDays) ? ['segment-silent' as const] : [],
      };
    })
    .sort((x, y) => (x.segment.toLowerCase() < y.segment.toLowerCase() ? -1 : 1));
  for (const g of segments)
    if (g.flags.length) {
      need('segment-silent', () => ({
        subject: g.segment,
        short: `${g.segment} ${g.daysSince === null ? 'never' : `${g.daysSince}d`}`,
        one:
          g.daysSince === null
            ? `No customer conversation in segment ${g.segment} yet`
            : `No customer conversation in segment ${g.segment} for ${plural(g.daysSince, 'day')}`,
        detail: '',
        command: 'pm coverage',
      }));
      // the own page judges segments on everyone's conversations (ReportQuery.own): not "by" the user
      raise('segment-silent', g.segment, () => silentMessage(g, asOf, silentDays, o.own ? '' : who));
    }
  for (const b of bets)
    if (b.flags.includes('bet-due') && !others.has(b.id)) {
      if (!needed.has(b.id))
        need('bet-due', () => ({
          subject: b.id,
          short: `${n(b.id)} ${-b.daysLeft}d`,
          one: `Decide ${n(b.id)}: its bet ran until ${b.until}`,
          detail: b.statement,
          command: `pm hyp show ${a(b.id)}`,
        }));
      raise(
        'bet-due',
        b.id,
        () =>
          `${n(b.id)}'s bet ran until ${b.until} (${plural(-b.daysLeft, 'day')} ago): decide it — validate, ` +
          `invalidate or kill — or bet again with a new --until`,
      );
    }

  // decisions two teammates recorded apart, which disagree (fresh-eyes wave 13 H16): the latest
  // stands, and the report says so until the hypothesis is reopened and decided once
  for (const d of rows.contested ?? []) {
    const by = (who: string | null) => (who === null ? '' : ` by ${who}`);
    const on = d.earlierDate === d.date ? ` on ${d.date}` : '';
    need('contested-decision', () => ({
      subject: d.id,
      short: n(d.id),
      one: `Settle ${n(d.id)}: ${d.earlier}${by(d.earlierBy)}, then ${d.outcome}${by(d.by)}${on}`,
      detail: d.statement,
      command: `pm hyp reopen ${a(d.id)} --reason "…"`,
    }));
    raise(
      'contested-decision',
      d.id,
      () =>
        `${n(d.id)} was decided twice: "${d.earlier}"${by(d.earlierBy)} on ${d.earlierDate}, then ` +
        `"${d.outcome}"${by(d.by)} on ${d.date}; it is ${d.outcome} (the decision recorded last): settle it, ` +
        `reopen it and decide once (pm hyp reopen ${a(d.id)} --reason "…")`,
    );
  }

  // the opportunities of the 12 weeks up to asOf, as pm opportunities ranks them (informational flags
  // only), or only counted for a view that shows no more
  const heard = rows.opportunities;
  const validateAt = config['evidence.validateAt'];
  const ranked = heard.texts
    ? []
    : heard.ranked
      ? heard.ranked
      : heard.textRows
        ? rankPainTexts(heard.textRows, heard.named, heard.hypotheses, validateAt)
        : rankOpportunities(heard.pains, heard.named, heard.hypotheses, validateAt);
  const counted = heard.texts
    ? countOpportunities(heard.texts, heard.named, heard.hypotheses, validateAt)
    : (heard.counted ?? {
        heard: ranked.length,
        unaddressed: ranked.filter((x) => x.flags.includes('unaddressed')).length,
      });

  const report: Report = {
    period: o.period,
    asOf,
    ...(judged < asOf ? { hypothesesAsOf: judged } : {}),
    by: o.by,
    ...(o.own ? { own: true as const } : {}),
    ...(o.whole ? { whole: true as const } : {}),
    verdict: overdue ? 'overdue' : behind ? 'behind' : 'on track',
    empty: !rows.anyInterview && !rows.anyHypothesis,
    ...(shown !== null && rows.later ? { later: rows.later } : {}),
    contact,
    weekly: weeklyBars(rows, o),
    conversations: rows.conversations.map((c) => ({
      id: c.id,
      date: c.date,
      channel: c.channel,
      kind: c.kind,
      by: c.by,
      with: c.with,
      account: c.account,
      source: c.source,
      summary: c.summary,
    })),
    overdueAccounts,
    hypotheses: { unvalidated, decided: withoutUndone(rows.decided), killed, refutedAfterValidation },
    themes,
    followUps,
    bets,
    segments,
    opportunities: {
      window: opportunityWindow({}, asOf),
      heard: counted.heard,
      unaddressed: counted.unaddressed,
      top: ranked.slice(0, REPORT_OPPORTUNITIES),
    },
    flags,
  };
  return { report, unread, needs };
}

function contactNeed(by: string | null): NeedEntry {
  return { subject: by ?? 'customer contact', short: '', one: '', detail: '', command: 'pm log' };
}

/**
 * `2 customers refute it`, `1 customer supports it`, `3 customers from 2 accounts support it`: the verb
 * agrees with the customers ("1 customer support it" on the standup page: fresh-eyes wave 19 H9).
 */
export function customersWho(n: number, verb: 'support' | 'refute', accounts?: number): string {
  const from = accounts === undefined ? '' : ` from ${plural(accounts, 'account')}`;
  return `${plural(n, 'customer')}${from} ${n === 1 ? `${verb}s` : verb} it`;
}

/**
 * An open hypothesis on the standup page, under its most urgent flag, its line saying the other
 * reasons to act that its flags give (`flags`: those raised, not held by a running bet): "Decide H2:
 * 1 day past its decide-by; 2 customers refute it" acts with the kill, where the line said only the
 * decide-by (fresh-eyes wave 13 H1). Refuted while customers also support it, the line says both
 * and points at the evidence rather than at the kill (H12).
 */
function hypothesisNeed(
  kind: ActionableFlag,
  h: ReportHypothesis,
  asOf: string,
  flags: string[],
  refs: PageRefs,
): NeedEntry {
  const id = named(refs, h.id);
  const arg = argOf(refs, h.id);
  const entry = { subject: h.id, detail: h.statement, command: `pm hyp show ${arg}` };
  const refuted = customersWho(h.customersRefuting, 'refute');
  const contested = h.customersSupporting > 0 ? `, ${customersWho(h.customersSupporting, 'support')}` : '';
  const kill = contested ? entry.command : `pm hyp kill ${arg} --reason "…"`;
  switch (kind) {
    case 'past-decide-by':
    case 'decide-today': {
      const past = daysBetween(h.decideBy, asOf);
      const also: string[] = [];
      const tags: string[] = [];
      let command = entry.command;
      if (flags.includes('bet-due') && h.bet) {
        also.push(`its bet ran until ${h.bet.until}`);
        tags.push('bet over');
      }
      if (flags.includes('ready-to-kill')) {
        also.push(refuted + contested);
        tags.push(`${h.customersRefuting} refute`);
        command = kill;
      } else if (flags.includes('ready-to-validate')) {
        tags.push(`${h.customersSupporting} support`);
        also.push(customersWho(h.customersSupporting, 'support', h.accountsSupporting));
        command = `pm hyp validate ${arg} --reason "…"`;
      }
      return {
        ...entry,
        short: `${id}${past === 0 ? '' : ` ${past}d`}${tags.length ? ` (${tags.join(', ')})` : ''}`,
        one:
          (past === 0
            ? `Decide ${id} today, its decide-by`
            : `Decide ${id}: ${plural(past, 'day')} past its decide-by`) + also.map((x) => `; ${x}`).join(''),
        command,
      };
    }
    case 'ready-to-kill':
      return { ...entry, short: id, one: `Kill ${id}? ${refuted}${contested}`, command: kill };
    case 'ready-to-validate':
      return {
        ...entry,
        short: id,
        one:
          `Validate ${id}: ${plural(h.customersSupporting, 'customer')} from ` +
          `${plural(h.accountsSupporting, 'account')}`,
        command: `pm hyp validate ${arg} --reason "…"`,
      };
    case 'stale': {
      const since = h.lastEvidence !== null && h.lastEvidence > h.createdOn ? h.lastEvidence : h.createdOn;
      const quiet = daysBetween(since, asOf);
      return {
        ...entry,
        short: `${id} ${quiet}d`,
        one: `${id} is stale: no customer evidence for ${plural(quiet, 'day')}`,
      };
    }
    default:
      return { ...entry, short: id, one: `${id}: ${kind}` };
  }
}

function hypothesisMessage(
  flag: HypothesisFlag,
  h: ReportHypothesis,
  asOf: string,
  config: Config,
  refs: PageRefs,
): string {
  const id = named(refs, h.id);
  const arg = argOf(refs, h.id);
  switch (flag) {
    case 'stale': {
      const { since, what: from } = staleSince(h);
      const what =
        from === 'new'
          ? 'no new customer evidence'
          : from === 'reopened'
            ? 'no customer evidence since it was reopened'
            : 'no customer evidence since it was created';
      return (
        `${id} is stale: ${what} for ${plural(daysBetween(since, asOf), 'day')} (stale after ` +
        `${config['hypothesis.staleDays']})`
      );
    }
    case 'past-decide-by':
      return (
        `${id} was to be decided by ${h.decideBy} (${plural(daysBetween(h.decideBy, asOf), 'day')} ago): ` +
        `validate, invalidate or kill it`
      );
    case 'decide-today':
      return `${id} is to be decided today (its decide-by): validate, invalidate or kill it`;
    case 'ready-to-validate':
      return (
        `${id} is ready to validate: ${customersWho(h.customersSupporting, 'support', h.accountsSupporting)}, ` +
        `none refute (pm hyp validate ${arg} --reason "…")`
      );
    case 'ready-to-kill':
      return `${id} is ready to kill: ${customersWho(h.customersRefuting, 'refute')} (pm hyp kill ${arg} --reason "…")`;
    default:
      return `${id}: ${flag}`;
  }
}

/** Who a report is by, as its first line names them: the user's own page of a shared journal says so. */
export function byLabel(r: { by: string | null; own?: true; contact?: { people?: number } }): string | null {
  const people = r.contact?.people;
  if (r.by === null) return people === undefined ? null : `the team (${people} ${people === 1 ? 'person' : 'people'})`;
  return r.own ? `${r.by} (yours; the team's: pm report --team)` : r.by;
}
