// `pm report`: read the rows once, build the report as data, print one view of it.
import type { Context } from '../context.js';
import { pageFormat, type PageFormat } from './format.js';
import { parsePastDate } from '../core/dates.js';
import {
  buildReport,
  buildShownReport,
  CHART_WEEKS,
  interviewsNamed,
  reportQuery,
  resolvePeriod,
  pace,
  runningOn,
  scaledTarget,
  SHOWN_ROWS,
  silentBefore,
  type Needs,
  type Report,
  type ReportOptions,
} from '../core/report.js';
import { hypothesesByRowId } from '../db/evidence.js';
import { reportRows } from '../db/report.js';
import { reportJsonRows } from '../db/report-json.js';
import { renderReportJson } from '../render/report-json.js';
import { unwritten, writeOut } from '../io.js';
import { addInterviewRefs, pageRefs, syncs } from '../db/refs.js';
import { interviewIdsIn, withRefs, withRefsText } from '../core/page-refs.js';
import {
  holdsArrivedConversations,
  hypothesesOfOthers,
  othersHoldConversations,
  teamRows,
  teamSizes,
} from '../db/team.js';
import { buildTeam, type Team } from '../core/team.js';
import { renderTeamText } from '../render/team.js';
import { addDays, daysBetween } from '../core/dates.js';
import { renderReportText } from '../render/report-text.js';
import { renderStandup } from '../render/report-standup.js';
import { renderReportMarkdown } from '../render/report-md.js';
import { renderReportHtml } from '../render/report-html.js';
import { EXIT, ExitWith, noJournalFor, ReaderGone, UsageError } from '../errors.js';
import { checkText, LIMITS, shellWord } from '../core/text.js';
import { checkInterviewer } from './interviews.js';
import type { DB } from '../db/journal.js';
import type { Config } from '../core/config.js';

export interface ReportFlags {
  week?: string | boolean;
  month?: string | boolean;
  since?: string;
  until?: string;
  asOf?: string;
  by?: string;
  team?: boolean;
  format?: string;
  check?: boolean;
  /** text: every section, instead of the standup page */
  full?: boolean;
}

export type ReportFormat = PageFormat;

/** --format, or json with the global --json; anything else is a usage error. */
export const reportFormat = pageFormat;

/** Everything about the options that can be checked before the journal is read. */
export function reportOptions(ctx: Context, flags: ReportFlags, config: Config): ReportOptions {
  const asOf = flags.asOf !== undefined ? parsePastDate(flags.asOf, ctx.today, '--as-of') : ctx.today;
  const by = flags.by !== undefined ? checkText('--by', flags.by, LIMITS.name).trim() : null;
  return { period: resolvePeriod(flags, asOf, config['week.start']), asOf, config, by, today: ctx.today };
}

/**
 * Build the report and print it in `format`; returns it (its flags, when any is raised, hold at
 * least the first). The text, markdown and HTML views show SHOWN_ROWS rows a section, so only those rows
 * of the long lists are read and built for them; JSON reads and builds every row.
 */
/** `below`: the terminal's rows kept under the standup page (the shell's prompt; pm demo's note too). */
export function printReport(
  ctx: Context,
  db: DB,
  options: ReportOptions,
  format: ReportFormat,
  full = false,
  below = 1,
  fullCommand?: string,
): Report {
  if (format === 'json') return printReportJson(ctx, db, options);
  // the standup page shows how many opportunities, themes, conversations and killed hypotheses there
  // were, not which: they are only counted (the killed ones with links since are read, for their flags)
  const standup = format === 'text' && !full;
  const query = {
    ...reportQuery(options),
    opportunityCounts: standup,
    themeCounts: standup,
    conversationCounts: standup,
    killedCounts: standup,
    // the standup page and markdown show segment-silent, not the segments
    ...(standup || format === 'md' ? { silentBefore: silentBefore(options) } : {}),
    // markdown lists the first themes
    ...(format === 'md' ? { themesShown: SHOWN_ROWS } : {}),
  };
  // a journal that syncs names its hypotheses by reference too: its pages are read by the team (H9)
  const refs = pageRefs(db);
  const rows = reportRows(db, query, SHOWN_ROWS);
  if (refs) addInterviewRefs(db, refs, interviewsNamed(rows));
  // the standup page prints no flag's message
  const { report, unread, needs } = buildShownReport(rows, { ...options, refs }, !standup);
  if (format === 'md') ctx.out(renderReportMarkdown(report, { unread, refs }));
  else if (format === 'html') {
    fillStatements(db, needs);
    ctx.out(renderReportHtml(report, { needs, unread, refs }));
  } else if (full) ctx.out(renderReportText(report, { color: ctx.color, width: ctx.width, unread, refs }));
  else {
    fillStatements(db, needs, true);
    // the shell's prompt takes the row after the page: without it the verdict scrolls off the top
    const height = ctx.height === undefined ? undefined : ctx.height - below;
    ctx.out(renderStandup(report, { needs, color: ctx.color, width: ctx.width, height, unread, full: fullCommand }));
  }
  return report;
}

/** The most of the journal `pm report --json` maps (SQLite reads on as before past it). */
const JSON_MMAP_BYTES = 1 << 30;

/**
 * The complete report as JSON: the long lists' entries written by SQLite where the kept statuses
 * hold (src/db/report-json.ts), else every row read and built. Returns the report with at least its
 * first flag, when any is raised (for --check).
 */
function printReportJson(ctx: Context, db: DB, options: ReportOptions): Report {
  // the complete lists read ~10 MB of pages on a journal of years: mapped, SQLite reads them in
  // place instead of copying each into a page cache of fresh memory (~1,000 fewer page faults and
  // ~6% less CPU on the harsh 100k; its touched pages count as the process's resident memory, but
  // they are the system's file cache, not memory of pm's own). The other views read too little to gain.
  db.pragma(`mmap_size = ${JSON_MMAP_BYTES}`);
  // a journal that syncs names each hypothesis's reference too, as `ref` beside its `id` (H7); its
  // messages name the display id, as every JSON message does
  const refs = pageRefs(db);
  const fast = reportJsonRows(db, reportQuery(options));
  if (fast === null) {
    const rows = reportRows(db, reportQuery(options));
    if (refs) addInterviewRefs(db, refs, interviewsNamed(rows));
    const report = buildReport(rows, options);
    ctx.printJson(withRefs(report, refs));
    return report;
  }
  const report = buildReport(fast.rows, options);
  const { pieces, flags } = renderReportJson(report, fast.lists);
  // in pieces: joined, they would be copied into one string of megabytes before being written
  if (refs === undefined) for (const piece of pieces) writeOut(piece);
  else {
    // the interviews are in the lists SQLite wrote: their ids are read from the text
    const texts = pieces.map((piece) => piece.toString());
    addInterviewRefs(db, refs, texts.flatMap(interviewIdsIn));
    for (const text of texts) writeOut(withRefsText(text, refs));
  }
  return { ...report, flags };
}

/**
 * The statement of each group's first hypothesis, which the standup page shows after it when there
 * is room: the text view reads the statements of the first open hypotheses only (src/db/report.ts),
 * so those of others are read here, a few rows by id. `lone`: only a group of one's (the standup
 * page's), the only one the page shows a statement after: on a journal of years every group holds
 * several, and reading theirs was a statement prepared and run for nothing (~0.25 ms a page).
 */
export function fillStatements(db: DB, needs: Needs, lone = false): void {
  const missing = Object.values(needs)
    .filter((n) => !lone || n.count <= 1)
    .map((n) => n.entries[0])
    .filter((e) => e !== undefined && e.detail === '' && /^H\d+$/.test(e.subject));
  if (missing.length === 0) return;
  const found = new Map(
    hypothesesByRowId(
      db,
      missing.map((e) => Number(e.subject.slice(1))),
    ).map((h) => [h.id, h]),
  );
  for (const e of missing) e.detail = found.get(e.subject)?.statement ?? '';
}

export function report(ctx: Context, flags: ReportFlags): void {
  const format = reportFormat(ctx, flags.format);
  if (flags.team && flags.by !== undefined)
    throw new UsageError('--team covers everyone; --by one person: give one of them', 'try: pm report --team');
  const journal = ctx.read();
  const options = reportOptions(ctx, flags, ctx.config());
  // cron without the PM_DB the shell sets reads no journal: "OVERDUE · Nothing logged yet" each
  // morning reads as a lost journal (H18)
  if (flags.check && journal.missing) throw noJournalFor(ctx.dbPath, 'check');
  // named as the journal writes them ("by Ann Ash" for --by "ann ash": a cron's header is the team's)
  if (options.by !== null) options.by = checkInterviewer(ctx, journal.db, options.by);
  else if (!flags.team) {
    // a shared journal's plain report is the user's own: the team's conversations counted against one
    // person's target made Pat ON TRACK after 8 silent days, and a teammate's follow-ups his (H6). Only
    // a journal that syncs, or that logs and holds calls imported in the window (a teammate's export:
    // H19), has a team: the OS login, without $USER, costs node:os and a passwd lookup
    const window = { since: addDays(options.asOf, -7 * CHART_WEEKS + 1), asOf: options.asOf };
    if (syncs(journal.db) || holdsArrivedConversations(journal.db, window)) {
      const me = ctx.defaultBy(options.config);
      if (othersHoldConversations(journal.db, { me, ...window })) {
        options.by = me;
        options.own = true;
      }
    }
  }
  // a person's page acts on the hypotheses they added or no one did: a teammate's decide-by, bet or
  // stale belief, arrived by import or sync, is theirs to act on (H14); the team's page on every one
  if (!flags.team) {
    const person = options.by;
    options.othersHypotheses = hypothesesOfOthers(journal.db, () => person ?? ctx.defaultBy(options.config));
  }
  if (flags.full && format !== 'text')
    throw new UsageError(`--full is for the text report; --format ${format} is complete already`);
  const print = () =>
    flags.team
      ? printTeamReport(ctx, journal.db, options, format)
      : printReport(ctx, journal.db, options, format, flags.full, 1, fullCommand(flags));
  let r: Report;
  try {
    r = print();
  } catch (err) {
    // a reader that stopped early ends pm quietly, but a --check answers for the journal: its page is
    // made again, written nowhere, for its flags (fresh-eyes wave 17 H16: `| head` made it exit 0)
    if (!flags.check || !(err instanceof ReaderGone)) throw err;
    r = unwritten(print);
  }
  if (flags.check && r.flags.length > 0) throw new ExitWith(EXIT.flagged);
}

/**
 * `pm report --full` with the flags that chose the page, as typed: the standup page's last line names it,
 * and without them it showed this week's page under last week's (fresh-eyes wave 19 H1).
 */
function fullCommand(flags: ReportFlags): string {
  const words = ['pm', 'report'];
  const flag = (name: string, value: string | boolean | undefined) => {
    if (value === true) words.push(name);
    else if (typeof value === 'string') words.push(name, shellWord(value));
  };
  flag('--week', flags.week);
  flag('--month', flags.month);
  flag('--since', flags.since);
  flag('--until', flags.until);
  flag('--as-of', flags.asOf);
  flag('--by', flags.by);
  return [...words, '--full'].join(' ');
}

/**
 * The report's pace for the Team section: the same days elapsed, and a past period judged whole; a
 * cadence longer than the period, its window's days (cadenceWindow).
 */
function teamPace(report: Report, options: ReportOptions) {
  const over = !runningOn(options.period.end, options.asOf, options.today);
  const w = report.contact.window;
  if (w) return { periodDays: w.days, elapsedDays: pace(w, options.asOf, 0).elapsed, over };
  const { elapsedDays, periodDays } = report.contact;
  return { elapsedDays, periodDays, over };
}

/**
 * The team's page (`pm report --team`, a shared journal's `pm export`): the options judging everyone's
 * conversations against the team's target (each person's times the people: fresh-eyes wave 15 H11),
 * and, once the report is built, its Team section. Nobody in the last 8 weeks: the one person's target.
 */
export function teamPage(db: DB, options: ReportOptions): { options: ReportOptions; team: (r: Report) => Team } {
  const query = reportQuery(options);
  // the team as of the period's end (query.end, cut at asOf): one who joined since is not judged in it
  const since = addDays(query.end, -7 * CHART_WEEKS + 1);
  const rows = teamRows(db, {
    start: query.start,
    end: query.end,
    asOf: options.asOf,
    since,
    until: query.end,
    window: query.window,
  });
  const periodDays = daysBetween(options.period.start, options.period.end) + 1;
  // each week of the chart and streak judged by the team then, counted by the same rule
  const teamByWeek = teamSizes(db, query.weeks, 7 * CHART_WEEKS);
  // the week holding the period's end is judged by the page's own people: over a period longer than 8
  // weeks they include whoever held a conversation early in it (review wave 18 R2)
  const ending = query.weeks.findLastIndex((w) => w.start <= query.end);
  if (ending >= 0 && rows.length > 0) teamByWeek[ending] = rows.length;
  return {
    options: rows.length === 0 ? options : { ...options, people: rows.length, teamByWeek },
    team: (report) =>
      buildTeam(
        rows,
        query.window ? options.config['cadence.target'] : scaledTarget(options.config, periodDays),
        options.asOf,
        teamPace(report, options),
        options.config['cadence.days'],
        query.window?.days,
      ),
  };
}

/**
 * `pm report --team` (issue 19): the report of everyone's conversations against the team's target, with
 * a section per person: customer conversations against the target, and who has had none in the period.
 */
function printTeamReport(ctx: Context, db: DB, plain: ReportOptions, format: ReportFormat): Report {
  const { options, team } = teamPage(db, plain);
  const query = reportQuery(options);
  const refs = pageRefs(db, true);
  if (format === 'json') {
    const rows = reportRows(db, query);
    if (refs) addInterviewRefs(db, refs, interviewsNamed(rows));
    const report = buildReport(rows, options);
    ctx.printJson({ ...withRefs(report, refs), team: team(report) });
    return report;
  }
  const rows = reportRows(db, query, SHOWN_ROWS);
  if (refs) addInterviewRefs(db, refs, interviewsNamed(rows));
  const { report, unread, needs } = buildShownReport(rows, { ...options, refs });
  if (format === 'md') ctx.out(renderReportMarkdown(report, { unread, refs, team: team(report) }));
  else if (format === 'html') {
    fillStatements(db, needs);
    ctx.out(renderReportHtml(report, { needs, unread, refs, team: team(report) }));
  } else
    ctx.out(
      `${renderReportText(report, { color: ctx.color, width: ctx.width, unread, refs }).trimEnd()}\n\n` +
        `${renderTeamText(team(report), ctx.color)}\n`,
    );
  return report;
}
