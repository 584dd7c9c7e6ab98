// pm export: the journal, or a period of it, as markdown (default), JSON or CSV, to stdout or
// atomically to --out. JSON and CSV are views of one export document (src/db/exchange.ts);
// markdown reads the same records, in the same order, by name instead of by UUID and without what
// it does not show (emails, roles, segments): a week of a five-year journal is 557 interviews.
import { isJournalFile } from './backup.js';
import { expandHome } from '../db/journal-path.js';
import type { Context } from '../context.js';
import { noJournalFor, UsageError } from '../errors.js';
import { destination, Spool, type Staged, stage, writeFailure, writeThrough } from '../files.js';
import { interruptible } from '../interrupt.js';
import { addDays, parsePastDate, rangePeriod, type Period } from '../core/dates.js';
import {
  buildShownReport,
  CHART_WEEKS,
  interviewsNamed,
  reportQuery,
  resolvePeriod,
  SHOWN_ROWS,
  silentBefore,
} from '../core/report.js';
import type { Team } from '../core/team.js';
import { peopleHoldingConversations } from '../db/team.js';
import type { Config } from '../core/config.js';
import {
  makeRedactor,
  parseRedact,
  redactDeep,
  redactDocument,
  redactInterview,
  type Redactor,
} from '../core/redact.js';
import {
  csvInterviews,
  csvTexts,
  exportParts,
  interviewTexts,
  markdownRecords,
  peopleForRedaction,
  readOnce,
  WHOLE_JOURNAL,
  type ExportRange,
} from '../db/exchange.js';
import { reportRows } from '../db/report.js';
import { confidenceInputs, hypothesisStatuses } from '../db/hypothesis-stats.js';
import { confidenceOf } from '../core/confidence.js';
import { CSV_COLUMNS, csvRecords } from '../render/csv.js';
import { csvRecord, type CsvInterview } from '../core/csv.js';
import type { InterviewDoc, JournalDoc } from '../core/import-validate.js';
import { SHOWN_IN_TREE, treeIn } from './tree.js';
import { opportunityWindow, rankOpportunities, rankPainTexts } from '../core/opportunities.js';
import { addInterviewRefs, pageRefs, syncs } from '../db/refs.js';
import { renderMarkdownExport } from '../render/markdown-export.js';
import { revisedAsOf } from '../core/hypotheses.js';
import { renderReportHtml, type HtmlInterview } from '../render/report-html.js';
import { fillStatements, teamPage } from './report.js';
import { readSnapshot, type DB } from '../db/journal.js';
import type { MarkdownRecords } from '../core/markdown-records.js';
import { VERSION } from '../version.js';
import { unknownFormat } from './format.js';
import { writeOut } from '../io.js';
import { rememberWrittenFile } from './written-files.js';
import { safeLine } from '../core/text.js';

export interface ExportOptions {
  format?: string;
  week?: string | boolean;
  month?: string | boolean;
  since?: string;
  until?: string;
  asOf?: string;
  out?: string;
  redact?: string | boolean;
  frontMatter?: boolean;
  raw?: boolean;
  team?: boolean;
}

const FORMATS = ['md', 'json', 'csv', 'html'] as const;
type Format = (typeof FORMATS)[number];

/** RFC 3339 in UTC, to the second. */
function utcNow(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export interface ExportScope {
  period: Period | null;
  asOf: string;
  range: ExportRange;
  /** the day pm runs: a past week exported as of its last day is over (src/core/report.ts runningOn) */
  today: string;
  /** a period's page is the team's (`--team`, or a shared journal with teammates: teamPage) */
  team?: boolean;
}

/**
 * The period and as-of day of an export. --as-of defaults to the period's last day (so an export
 * of a past week never changes) or today, whichever is earlier: the running week's export is as
 * of today, never of a Sunday that has not come (docs/decisions.md). With no period, today. The
 * period itself is found from --as-of when given, else from today. Records dated after --as-of
 * are left out.
 */
export function exportScope(opts: ExportOptions, today: string, weekStart: 'monday' | 'sunday'): ExportScope {
  const explicitAsOf = opts.asOf !== undefined ? parsePastDate(opts.asOf, today, '--as-of') : undefined;
  const base = explicitAsOf ?? today;
  const hasPeriod =
    opts.week !== undefined || opts.month !== undefined || opts.since !== undefined || opts.until !== undefined;
  if (!hasPeriod) {
    const asOf = explicitAsOf ?? today;
    const range = explicitAsOf ? { ...WHOLE_JOURNAL, end: explicitAsOf } : WHOLE_JOURNAL;
    return { period: null, asOf, range, today };
  }
  const period = resolvePeriod(
    { week: opts.week, month: opts.month, since: opts.since, until: opts.until },
    base,
    weekStart,
    'export',
  );
  const asOf = explicitAsOf ?? (period.end < today ? period.end : today);
  const range = { whole: false, start: period.start, end: period.end < asOf ? period.end : asOf };
  return { period, asOf, range, today };
}

/** The format a file's name says (`team.json`), if it says one. */
function formatOfName(path: string | undefined): Format | null {
  const ext = /\.([a-z]+)$/i.exec(path ?? '')?.[1]?.toLowerCase();
  if (ext === 'markdown') return 'md';
  if (ext === 'htm') return 'html';
  return (FORMATS as readonly string[]).includes(ext ?? '') ? (ext as Format) : null;
}

/**
 * --format, else --json, else md (the contract's default). A file whose name says another format is
 * written as asked, with a warning naming the flag (fresh-eyes wave 12 G9: `--out team.json` wrote
 * markdown, found only when the teammate's import refused it).
 */
function chooseFormat(ctx: Context, opts: ExportOptions): Format {
  if (ctx.json && opts.format !== undefined && opts.format !== 'json')
    throw new UsageError(`--json and --format ${opts.format} disagree`, 'give one of them');
  const format = opts.format ?? (ctx.json ? 'json' : 'md');
  const normal = format.trim().toLowerCase() === 'markdown' ? 'md' : format.trim().toLowerCase();
  if (!(FORMATS as readonly string[]).includes(normal)) throw unknownFormat(format, FORMATS);
  const named = opts.out === '-' ? null : formatOfName(opts.out);
  if (named !== null && named !== normal)
    ctx.warn(`writing ${normal} into ${opts.out}, whose name says ${named}; --format ${named} writes ${named}`);
  return normal as Format;
}

function redactorFor(db: DB, what: ReturnType<typeof parseRedact>): Redactor | null {
  if (!what) return null;
  const people = peopleForRedaction(db);
  return makeRedactor(people.contacts, people.accounts, what, people.interviewers);
}

/** The most of the journal a period's markdown view maps (SQLite reads on as before past it). */
const MMAP_BYTES = 1 << 30;

/**
 * The markdown view: the period's report (with no period, one spanning the whole journal up to
 * --as-of), then the range's interviews and hypotheses, read as markdownRecords (the same records
 * as the exchange document, by name; `readRecords` for a test of the ways it reads them).
 */
export function markdown(
  db: DB,
  scope: ExportScope,
  config: Config,
  redactor: Redactor | null,
  withFrontMatter: boolean,
  write: (chunk: string) => void,
  readRecords: (db: DB, range: ExportRange) => MarkdownRecords = markdownRecords,
): number {
  // a period's export mapped: SQLite reads its pages (a week's interviews with their notes and lists,
  // the report's rows) in place instead of copying each into a page cache of fresh memory, ~3% of the
  // week's export's CPU on the 100k journals, as for pm report --json. Not the whole journal's: every
  // page it touches would count as the process's resident memory (the bench's budget is 150 MiB).
  if (!scope.range.whole) db.pragma(`mmap_size = ${MMAP_BYTES}`);
  const records = readRecords(db, scope.range);
  const first = records.firstDate ?? scope.asOf;
  const period = scope.period ?? rangePeriod(first < scope.asOf ? first : scope.asOf, scope.asOf);
  // a journal that syncs names its hypotheses by reference too: its exports are read by the team (H9)
  const refs = pageRefs(db);
  const plain = {
    period,
    asOf: scope.asOf,
    config,
    by: null,
    today: scope.today,
    whole: scope.period === null,
    refs,
  };
  const page = scope.team && scope.period !== null ? teamPage(db, plain) : null;
  const options = page?.options ?? plain;
  // the opportunities the report (its best five) and the tree (every named one, the ten best without a
  // name) may show, ranked from one reading; how many were heard, counted; the segments gone silent
  // alone (the page shows segment-silent, not the segments); the themes it may list
  const read = reportRows(
    db,
    {
      ...reportQuery(options),
      opportunityTree: SHOWN_IN_TREE,
      silentBefore: silentBefore(options),
      themesShown: SHOWN_ROWS,
    },
    SHOWN_ROWS,
  );
  // the interviews the page names: the report's, and the range's under Interviews (with the later calls
  // that answered their follow-ups)
  if (refs) addInterviewRefs(db, refs, interviewsNamed(read), scope.range.start);
  const o = read.opportunities;
  // ranked once for both: in a fresh process a second ranking of the same rows cost as much as the
  // first (~5-10 ms on the harsh 100k: cold code)
  const validateAt = config['evidence.validateAt'];
  const ranked = o.textRows
    ? rankPainTexts(o.textRows, o.named, o.hypotheses, validateAt)
    : rankOpportunities(o.pains, o.named, o.hypotheses, validateAt);
  const rows = { ...read, opportunities: { ...o, ranked } };
  const shown = buildShownReport(rows, options);
  const report = redactor ? redactDeep(shown.report, redactor) : shown.report;
  const team = page ? redactTeam(page.team(shown.report), redactor) : undefined;
  const statuses = hypothesisStatuses(
    db,
    scope.asOf,
    records.hypotheses.map((h) => h.uuid),
  );
  const confidence = new Map(
    [
      ...confidenceInputs(
        db,
        scope.asOf,
        records.hypotheses.map((h) => h.rowid),
      ),
    ].map(([rowid, inputs]) => [rowid, confidenceOf(inputs, config)]),
  );
  // the opportunity–solution tree of the 12 weeks up to --as-of, cut as pm tree cuts it
  // (the report read the window's pains already: they are ranked again, not read again); the open
  // hypotheses made for no opportunity are listed under Hypotheses below: the tree counts them
  const cut = treeIn(db, config, opportunityWindow({}, scope.asOf), {
    limit: SHOWN_IN_TREE,
    countUnlinked: true,
    rows: rows.opportunities,
  });
  const tree = { ...cut, tree: redactor ? redactDeep(cut.tree, redactor) : cut.tree };
  return renderMarkdownExport(
    {
      records,
      report,
      tree,
      unread: shown.unread,
      statuses,
      confidence,
      redactor,
      period,
      asOf: scope.asOf,
      frontMatterVersion: withFrontMatter ? VERSION : undefined,
      refs,
      team,
    },
    write,
  );
}

/** The Team section with its people's names pseudonymised as the interviews' `by` is, under --redact. */
function redactTeam(team: Team, redactor: Redactor | null): Team {
  if (!redactor) return team;
  const by = (name: string) => redactor.interviewer(name) ?? name;
  return { ...team, members: team.members.map((m) => ({ ...m, by: by(m.by) })), silent: team.silent.map(by) };
}

/**
 * The HTML view: the standup page of the period (as the markdown view's report), then every interview
 * of the range, redacted as asked.
 */
function html(db: DB, scope: ExportScope, config: Config, redactor: Redactor | null, write: (s: string) => void) {
  const records = markdownRecords(db, scope.range);
  const first = records.firstDate ?? scope.asOf;
  const period = scope.period ?? rangePeriod(first < scope.asOf ? first : scope.asOf, scope.asOf);
  const refs = pageRefs(db);
  const plain = { period, asOf: scope.asOf, config, by: null, today: scope.today, whole: scope.period === null };
  const page = scope.team && scope.period !== null ? teamPage(db, plain) : null;
  const options = page?.options ?? plain;
  const rows = reportRows(db, reportQuery(options), SHOWN_ROWS);
  if (refs) addInterviewRefs(db, refs, interviewsNamed(rows), scope.range.start);
  const shown = buildShownReport(rows, { ...options, refs });
  fillStatements(db, shown.needs);
  const report = redactor ? redactDeep(shown.report, redactor) : shown.report;
  const team = page ? redactTeam(page.team(shown.report), redactor) : undefined;
  const needs = redactor ? redactDeep(shown.needs, redactor) : shown.needs;
  const t = redactor ? redactor.text : (s: string) => s;
  // each hypothesis an interview links to, by row id: its statement as of the page's day, as markdown's,
  // made when first linked (a week links ~100 of a journal's thousands)
  const byRowid = new Map(records.hypotheses.map((h) => [h.rowid, h]));
  const hypotheses = new Map<number, { id: string; statement: string }>();
  const hypothesis = (rowid: number) => {
    let h = hypotheses.get(rowid);
    const record = h === undefined ? byRowid.get(rowid) : undefined;
    if (record) {
      h = { id: record.id, statement: t(revisedAsOf(record, scope.asOf).statement) };
      hypotheses.set(rowid, h);
    }
    return h;
  };
  let count = 0;
  function* interviews(): Generator<HtmlInterview> {
    for (const i of records.interviews()) {
      count++;
      yield {
        id: i.id,
        date: i.date,
        channel: i.channel,
        with: i.contacts.map(([uuid, name]) => (redactor ? redactor.contactName(uuid, name) : name)),
        account:
          redactor && i.accountUuid !== null && i.account !== null
            ? redactor.accountName(i.accountUuid, i.account)
            : i.account,
        // a source is no person, but free text: a name typed into it is redacted (as in markdown)
        source: i.source === null ? null : t(i.source),
        by: redactor ? redactor.interviewer(i.by) : i.by,
        summary: t(i.summary),
        tags: i.tags.map((tag: string) => (redactor ? redactor.tag(tag) : tag)),
        pains: i.pains.map((p) => ({ text: t(p.text), severity: p.severity })),
        quotes: i.quotes.map(t),
        notes: i.notes === null ? null : t(i.notes),
        kind: i.kind,
        stage: i.stage,
        links: i.links.flatMap(([rowid, direction, strength, basis]) => {
          const h = hypothesis(rowid);
          return h ? [{ ...h, direction, strength: basis === 'said' ? strength : `${strength}, ${basis}` }] : [];
        }),
      };
    }
  }
  write(renderReportHtml(report, { needs, unread: shown.unread, interviews: interviews(), refs, team }));
  return count;
}

/**
 * The CSV view of the range, redacted as asked, written an interview at a time as it is read: the
 * same text as interviewsCsv of the whole document (test/unit/export-stream.test.ts). Not redacted,
 * each record is text made by SQLite (src/db/exchange.ts csvTexts); redacted, each interview is read
 * with what its row shows of the rest of the document (csvInterviews), its values redacted and its
 * record made by csvRecords. Returns how many.
 */
export function writeCsv(
  db: DB,
  range: ExportRange,
  redactor: Redactor | null,
  raw: boolean,
  write: (text: string) => void,
): number {
  let count = 0;
  if (!redactor) {
    write(csvRecord([...CSV_COLUMNS], raw));
    for (const record of csvTexts(db, range, raw)) {
      count++;
      write(record);
    }
    return count;
  }
  const r = redactor;
  function* each(): Generator<CsvInterview> {
    for (const i of csvInterviews(db, range)) {
      count++;
      yield {
        ...redactInterview(i, r),
        account: i.accountUuid === null || i.account === null ? i.account : r.accountName(i.accountUuid, i.account),
        people: i.people.map((p) => ({
          ...p,
          name: r.contactName(p.uuid, p.name),
          email: r.contactEmail(p.uuid, p.email),
        })),
        links: i.links,
        answeredBy: i.answeredBy,
      };
    }
  }
  for (const record of csvRecords(each(), raw)) write(record);
  return count;
}

/**
 * JSON.stringify(doc, null, 2) + newline, with `interviews` in the place of the document's (empty)
 * list: the same text, made a top-level value at a time and each list an item at a time, so that
 * no piece is bigger than one record (a whole journal's contacts and evidence made one 15 MB string,
 * and its UTF-8 copy as much again). test/unit/export-stream.test.ts compares them.
 */
export function writeJson(
  doc: JournalDoc,
  interviews: Iterable<InterviewDoc> | Iterable<string>,
  write: (text: string) => void,
): void {
  let firstKey = true;
  for (const [key, value] of Object.entries(doc) as [string, unknown][]) {
    // what JSON.stringify leaves out of an object
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol') continue;
    write(`${firstKey ? '{' : ','}\n  ${JSON.stringify(key)}: `);
    firstKey = false;
    if (key !== 'interviews' && !Array.isArray(value)) {
      write(JSON.stringify(value, null, 2).replaceAll('\n', '\n  '));
      continue;
    }
    let first = true;
    for (const item of key === 'interviews' ? interviews : (value as unknown[])) {
      // an array's items at the second level are indented by four spaces, each of their lines too
      // (an item JSON cannot write, undefined or a function, is null in a list); an interview given
      // as text is that already (src/db/exchange.ts interviewTexts)
      const text =
        typeof item === 'string' ? item : (JSON.stringify(item, null, 2) ?? 'null').replaceAll('\n', '\n    ');
      write(`${first ? '[\n' : ',\n'}    ${text}`);
      first = false;
    }
    write(first ? '[]' : '\n  ]');
  }
  write(firstKey ? '{}\n' : '\n}\n');
}

/**
 * A journal that syncs, where two people or more held conversations in the 8 weeks up to --as-of: from
 * the journal alone, not from who runs it, so that every teammate's export of the same week is the same
 * page (the contract's byte-identical exports; review wave 16 R2: the one who logged alone got their own
 * page, the others "the team (1 person)").
 */
function hasTeam(db: DB, scope: ExportScope): boolean {
  if (!syncs(db)) return false;
  const since = addDays(scope.asOf, -7 * CHART_WEEKS + 1);
  return peopleHoldingConversations(db, { since, asOf: scope.asOf }) >= 2;
}

export async function exportCommand(ctx: Context, opts: ExportOptions): Promise<void> {
  const format = chooseFormat(ctx, opts);
  if (opts.raw && format !== 'csv')
    throw new UsageError(`--raw is for --format csv`, 'JSON and markdown always hold the stored text');
  if (opts.frontMatter && format !== 'md')
    throw new UsageError('--front-matter is for --format md', 'the YAML front matter opens a markdown note');
  const redact = parseRedact(opts.redact);
  const config = ctx.config();
  const scope = exportScope(opts, ctx.today, config['week.start']);
  if (opts.team && format !== 'md' && format !== 'html')
    throw new UsageError(
      `--team is for the markdown and HTML pages; --format ${format} holds every conversation already`,
      'try: pm export --week --team',
    );
  // the whole journal's page judges no target (years hold more people than the team): --team there would
  // be a flag that does nothing, so it is refused as with json and csv
  if (opts.team && scope.period === null)
    throw new UsageError(
      "--team is for a period's page (--week, --month, --since): the whole journal's export judges no target",
      'try: pm export --week last --team',
    );
  // where --out may be written is known before the journal is read (src/files.ts)
  // `--out -` is stdout, as `-` is everywhere else in pm (--notes-file -, pm import -): not a file named "-"
  if (opts.out === '-') opts.out = undefined;
  if (opts.out === '') throw new UsageError('--out is empty', 'leave --out out (or write --out -) to write to stdout');
  const out =
    opts.out === undefined
      ? undefined
      : destination(expandHome(opts.out, ctx.env), { journal: ctx.dbPath, what: '--out', passThrough: true });
  // a journal (another project's, a teammate's, the copy an upgrade keeps) is not an older export: an
  // export written over it lost it, while pm backup refuses anything but a journal (eyes2 wave 11 F12)
  if (out?.kind === 'file' && out.existing && isJournalFile(out.target))
    throw new UsageError(
      `${out.path} is a pm journal; pm export --out does not replace one`,
      'give another name (pm backup writes over an older backup)',
    );
  // an export of no journal is not an empty journal's: a nightly cron line without $PM_DB replaced the
  // shared file with an empty one, exit 0 (fresh-eyes wave 18 H8)
  const { db, missing } = ctx.read();
  if (missing) throw noJournalFor(ctx.dbPath, 'export');
  readOnce(db);
  // the weekly notes of a shared journal are the team's: everyone's conversations against the team's
  // target, each person's in a Team section (fresh-eyes wave 15 H11: the team's five calls read "met"
  // against one person's target of 2). A journal nobody else logs in keeps the one target unless asked
  if (scope.period !== null && (opts.team || ((format === 'md' || format === 'html') && hasTeam(db, scope))))
    scope.team = true;
  // One snapshot of the journal for the document and the report in it. The document is made (into
  // a Spool: src/files.ts) before a byte is written: a reader that takes its
  // time (pm export | less) must not keep the journal's snapshot open, which would hold up a
  // writer's checkpoint (pm forget truncates the write-ahead log to erase what it removed).
  const spool = new Spool();
  const keep = (chunk: string) => spool.write(chunk);
  const interviews = readSnapshot(db, (): number => {
    const redactor = redactorFor(db, redact);
    if (format === 'md') return markdown(db, scope, config, redactor, Boolean(opts.frontMatter), keep);
    if (format === 'html') return html(db, scope, config, redactor, keep);
    if (format === 'csv') return writeCsv(db, scope.range, redactor, Boolean(opts.raw), keep);
    // the document is written an interview at a time, as it is read (src/db/exchange.ts exportParts)
    const parts = exportParts(db, scope.range, utcNow());
    const doc = redactor ? redactDocument(parts.doc, redactor) : parts.doc;
    let count = 0;
    function* each(): Generator<InterviewDoc> {
      for (const i of parts.interviews()) {
        count++;
        yield redactInterview(i, redactor!);
      }
    }
    // not redacted: each interview's text made by SQLite, as JSON.stringify would make it
    function* texts(): Generator<string> {
      for (const text of interviewTexts(db, scope.range)) {
        count++;
        yield text;
      }
    }
    writeJson(doc, redactor ? each() : texts(), keep);
    return count;
  });
  const chunks = spool.drain();

  if (out === undefined) {
    for (const chunk of chunks) writeOut(chunk);
    return;
  }
  if (out.kind !== 'file') {
    // written through: /dev/stdout, a pipe, /dev/null
    try {
      writeThrough(out, chunks);
    } catch (err) {
      throw writeFailure('--out', out.path, err);
    }
  } else {
    // a temporary file beside the target, renamed over it once whole: a full disk or a signal leaves
    // the old file as it was
    await interruptible(
      async (checkpoint) => {
        let staged: Staged | undefined;
        try {
          staged = stage(out);
          for (const chunk of chunks) staged.write(chunk);
          await checkpoint();
          staged.commit();
        } catch (err) {
          staged?.abandon();
          throw writeFailure('--out', out.path, err);
        }
        // after the last checkpoint: noted in the journal, so that pm forget can name this file
        rememberWrittenFile(ctx, 'export', out.target);
      },
      () => `interrupted, ${out.path} not written (what was there is untouched)`,
      () => `interrupted after ${out.path} was written in full`,
    );
  }
  ctx.saved = true;
  ctx.info(`Wrote ${interviews} interview${interviews === 1 ? '' : 's'} to ${safeLine(opts.out)}`);
}
