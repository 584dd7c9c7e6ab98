// The markdown export (contract: "pm export", md): a document a team reads — the period's report
// (its title the one H1), the opportunity–solution tree, every interview, then the hypotheses with
// their evidence and outcomes; notes as written, in a fenced block. Every piece of user text goes
// through src/render/markdown.ts, so whatever was typed, the only headings, lists, links and HTML in
// the document are the ones written here. No timestamps: the same journal and options give the same
// bytes, so weekly exports kept in git diff cleanly. It is made interview by interview and handed
// over in chunks: nothing of an interview outlives its turn but what the hypotheses' evidence lists
// need.
import { named, type PageRefs } from '../core/page-refs.js';
import type { Tree } from '../core/tree.js';
import { treeMarkdownList } from './tree.js';
import type { Period } from '../core/dates.js';
import type { Report, Unread } from '../core/report.js';
import { type HypothesisStatus, revisedAsOf } from '../core/hypotheses.js';
import { confidenceText, type Confidence } from '../core/confidence.js';
import type { Redactor } from '../core/redact.js';
import type { MarkdownInterview, MarkdownRecords } from '../core/markdown-records.js';
import { evidenceNotCounted, type InterviewKind, notCustomerContact, whereFrom } from '../core/interviews.js';
import { renderReportMarkdown } from './report-md.js';
import type { Team } from '../core/team.js';
import { mdBlock, mdHeading, mdInline, typedPlain } from './markdown.js';

export interface MarkdownExportInput {
  /** read while the document is written: nothing else may run on the journal meanwhile */
  records: MarkdownRecords;
  report: Report;
  /** rows of the report's long lists it was built without (it shows SHOWN_ROWS a section) */
  unread: Unread;
  /** each hypothesis's status as of the export's as-of day, by UUID */
  statuses: Map<string, HypothesisStatus>;
  /** each hypothesis's confidence as of the as-of day, by row id */
  confidence: Map<number, Confidence>;
  /** the opportunity–solution tree as of the as-of day, cut as pm tree cuts it (what it left out, counted) */
  tree: { tree: Tree; opportunities: number; unlinked: number };
  /** --redact: names become pseudonyms, and free text is redacted, as in the JSON export */
  redactor: Redactor | null;
  period: Period;
  asOf: string;
  /** `--front-matter`: the pm version to name in it; undefined for none */
  frontMatterVersion?: string;
  /** a shared page's references (src/core/page-refs.ts) */
  refs?: PageRefs;
  /** the team's page: its Team section (and `--team` in the command of the complete lists) */
  team?: Team;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The report command whose JSON has the complete lists of the report at the top of this document. */
export function reportCommand(period: Period, asOf: string, team = false): string {
  const flag = /^\d{4}-W\d{2}$/.test(period.label)
    ? `--week ${period.label}`
    : /^\d{4}-\d{2}$/.test(period.label)
      ? `--month ${period.label}`
      : `--since ${period.start} --until ${period.end}`;
  return `pm report ${flag} --as-of ${asOf}${team ? ' --team' : ''} --json`;
}

/** A YAML scalar that is always a string: JSON's double-quoted strings are valid YAML. */
const yamlString = (s: string) => JSON.stringify(s);

function frontMatter(input: MarkdownExportInput, version: string): string {
  return [
    '---',
    `period: ${yamlString(input.period.label)}`,
    `start: ${yamlString(input.period.start)}`,
    `end: ${yamlString(input.period.end)}`,
    `as-of: ${yamlString(input.asOf)}`,
    `generator: ${yamlString(`pm ${version}`)}`,
    `version: ${yamlString(version)}`,
    '---',
    '',
  ].join('\n');
}

/**
 * What `pieces.join('\n')` gives without its trailing blank lines, then one newline, handed to
 * `write` in chunks of about 32k characters as it is made.
 */
class Lines {
  private pending = '';
  private started = false;
  /** pieces of newlines only after the last piece with text: dropped if nothing follows them */
  private readonly held: string[] = [];
  /** the last piece with text, kept so that the end can trim its newlines */
  private last: string | null = null;

  constructor(private readonly write: (chunk: string) => void) {}

  push(...pieces: string[]): void {
    for (const p of pieces) {
      if (p === '' || /^\n+$/.test(p)) this.held.push(p);
      else this.text(p);
    }
  }

  /**
   * push() for a piece known to hold text. An interview's piece is built by += from dozens of
   * strings: testing it with a regular expression would first copy it into one flat string.
   */
  text(p: string): void {
    if (this.last !== null) this.emit(this.last);
    for (const h of this.held) this.emit(h);
    this.held.length = 0;
    this.last = p;
  }

  private emit(piece: string): void {
    this.pending += this.started ? `\n${piece}` : piece;
    this.started = true;
    if (this.pending.length > 32_768) {
      this.write(this.pending);
      this.pending = '';
    }
  }

  /** Ends the document with one newline (an empty document when no piece had text). */
  end(): void {
    if (this.last !== null) {
      this.emit(this.last.replace(/\n+$/, ''));
      this.pending += '\n';
    }
    if (this.pending) this.write(this.pending);
  }
}

interface EvidenceLine {
  interview: string;
  date: string;
  /** who and the summary as the interview's own lines show them (mdInline'd already) */
  who: string;
  summary: string;
  direction: string;
  strength: string;
  /** ` [no customer present: not counted]` and the like, as pm hyp show marks it, or '' */
  note: string;
}

/** ` · a stakeholder meeting: not customer contact` after such an interview's heading, as pm log says it; or ''. */
function contactNote(kind: InterviewKind): string {
  const note = notCustomerContact(kind);
  return note ? ` · ${note}` : '';
}

/** Writes the document through `write`, in chunks; returns how many interviews it holds. */
export function renderMarkdownExport(input: MarkdownExportInput, write: (chunk: string) => void): number {
  const { records, statuses, redactor } = input;
  const t = redactor ? redactor.text : (s: string) => s;
  // a signal's source ("Capterra") is no person and no account: it is never pseudonymised, but it is
  // free text, and a name typed into it is redacted as in the JSON and CSV exports
  const who = redactor
    ? (i: MarkdownInterview) => {
        const account = whereFrom(
          i.accountUuid === null || i.account === null ? null : redactor.accountName(i.accountUuid, i.account),
          i.source === null ? null : t(i.source),
        );
        return i.contacts.length
          ? `${i.contacts.map(([uuid, name]) => redactor.contactName(uuid, name)).join(', ')} (${account})`
          : account;
      }
    : (i: MarkdownInterview) => {
        const from = whereFrom(i.account, i.source);
        return i.contacts.length ? `${i.contacts.map((c) => c[1]).join(', ')} (${from})` : from;
      };
  // the statement, criterion and revisions of the as-of day: a past week's export stays as it was
  const asOfHypotheses = records.hypotheses.map((h) => revisedAsOf(h, input.asOf));
  const hypotheses = new Map(asOfHypotheses.map((h) => [h.rowid, h]));
  // each hypothesis's statement as a link line shows it, made once (a whole journal has 30k links)
  const statements = new Map<number, string>();
  const statementOf = (h: MarkdownExportInput['records']['hypotheses'][number]): string => {
    let md = statements.get(h.rowid);
    if (md === undefined) {
      md = mdInline(t(h.statement));
      statements.set(h.rowid, md);
    }
    return md;
  };
  // each hypothesis's evidence among the document's interviews, in their order
  const evidenceOf = new Map<number, EvidenceLine[]>();
  const out = new Lines(write);
  if (input.frontMatterVersion !== undefined) out.push(frontMatter(input, input.frontMatterVersion));
  out.push(
    renderReportMarkdown(input.report, {
      unread: input.unread,
      interviewsBelow: true,
      completeCommand: reportCommand(input.period, input.asOf, input.team !== undefined),
      refs: input.refs,
      team: input.team,
    }),
  );

  out.push(mdHeading(2, 'Opportunity–solution tree'), '');
  out.push(...treeMarkdownList(input.tree.tree, input.tree, input.refs), '');

  out.push(mdHeading(2, 'Interviews'), '');
  // a diary of the period reads in the order it happened (and a whole journal's export kept in git
  // grows at its end); the report's list above is newest first, as every report's is: each says so
  if (input.report.conversations.length + input.unread.conversations > 1)
    out.push('Oldest first (the Conversations above are newest first).', '');
  // each interview's hypotheses, after its lines; the Hypotheses section below lists them again as evidence
  const linkLines = (
    id: string,
    date: string,
    whoText: string,
    summary: string,
    links: MarkdownInterview['links'],
    kind: InterviewKind,
  ) => {
    const why = evidenceNotCounted(kind);
    const note = why ? ` [${why}]` : '';
    let b = '\nHypotheses:\n';
    for (const [rowid, direction, strength, basis] of links) {
      const h = hypotheses.get(rowid);
      const how = basis === 'said' ? strength : `${strength}, ${basis}`;
      b += `\n- **${h ? named(input.refs, h.id) : '?'}** ${direction} (${how}): ${h ? statementOf(h) : ''}`;
      const line = { interview: id, date, who: mdInline(whoText), summary, direction, strength: how, note };
      const list = evidenceOf.get(rowid);
      if (list) list.push(line);
      else evidenceOf.set(rowid, [line]);
    }
    return `${b}\n`;
  };
  const notesOf = (notes: string | null) => {
    const block = notes === null ? '' : mdBlock(t(notes));
    return block ? `\nNotes:\n\n${block}\n` : '';
  };
  let count = 0;
  // not redacted, most interviews come as the lines SQLite made of them (src/db/exchange.ts
  // MD_INTERVIEW_TEXTS), right when every text they hold as typed is one mdInline leaves as it is:
  // parsing each interview's values out of JSON and writing them here a line at a time cost more
  // (test/unit/markdown-lines.test.ts holds both ways to the same document)
  const interviews = redactor ? records.interviews() : records.lines(typedPlain);
  for (const i of interviews) {
    count++;
    if (Array.isArray(i)) {
      const [n, date, channel, names, from, lines, notes, summary, links, kind] = i;
      const id = `I${n}`;
      const whoText = names === null ? from : `${names} (${from})`;
      const how = names === null ? 'signal from' : 'with';
      const heading = `${named(input.refs, id)} · ${date} · ${channel} ${how} ${whoText}${contactNote(kind)}`;
      let b = `${mdHeading(3, heading)}\n\n${lines.replaceAll('\0', '')}${notesOf(notes)}`;
      if (links !== null) b += linkLines(id, date, whoText, summary, JSON.parse(links), kind);
      out.text(b);
      continue;
    }
    const whoText = who(i);
    // escaped once: the Hypotheses section lists them again for each of the interview's links
    const summary = mdInline(t(i.summary));
    const by = redactor ? redactor.interviewer(i.by) : i.by;
    // the interview's lines as one piece (what joining them one by one gives): a week is 557
    // interviews of ~20 lines each
    // as pm log says it: people are talked "with", a signal alone comes "from" its source or account
    const heading =
      `${named(input.refs, i.id)} · ${i.date} · ${i.channel} ` +
      `${i.contacts.length ? 'with' : 'signal from'} ${whoText}${contactNote(i.kind)}`;
    let b = `${mdHeading(3, heading)}\n`;
    b +=
      `\n- **By:** ${by === null ? 'unknown' : mdInline(by)}` +
      `${i.minutes === null ? '' : ` · ${plural(i.minutes, 'minute')}`}`;
    b += `\n- **Summary:** ${summary}`;
    if (i.tags.length)
      b += `\n- **Tags:** ${i.tags.map((tag) => mdInline(redactor ? redactor.tag(tag) : tag)).join(', ')}`;
    if (i.stage) b += `\n- **Stage:** ${mdInline(i.stage)}`;
    if (i.followUp) {
      // as pm show says it (src/render/interviews.ts)
      const answer = i.followUpAnswered;
      const state = i.followUpDone
        ? ' (done)'
        : answer
          ? ` · answered by ${named(input.refs, answer.id)} on ${answer.date}`
          : '';
      b += `\n- **Follow-up:** ${i.followUp}${state}`;
    }
    b += '\n';
    if (i.pains.length) {
      b += '\nPains:\n';
      for (const p of i.pains) b += `\n- ${mdInline(t(p.text))} (${p.severity})`;
      b += '\n';
    }
    if (i.quotes.length) {
      b += '\nQuotes:\n';
      for (const q of i.quotes) b += `\n- “${mdInline(t(q))}”`;
      b += '\n';
    }
    b += notesOf(i.notes);
    if (i.links.length) b += linkLines(i.id, i.date, whoText, summary, i.links, i.kind);
    out.text(b);
  }
  if (count === 0) out.push('No interviews in this period.', '');

  out.push(mdHeading(2, 'Hypotheses'), '');
  if (records.hypotheses.length === 0) out.push('No hypotheses in this period.', '');
  const outcomesOf = new Map<number, MarkdownExportInput['records']['outcomes']>();
  for (const o of records.outcomes) {
    const list = outcomesOf.get(o.hypothesis);
    if (list) list.push(o);
    else outcomesOf.set(o.hypothesis, [o]);
  }
  for (const h of asOfHypotheses) {
    // a hypothesis written after the as-of day (the period's calls linked to it later) had no status
    // then: the report above, as of that day, does not count it among the open ones
    const status = h.createdOn > input.asOf ? `created after ${input.asOf}` : (statuses.get(h.uuid) ?? 'open');
    out.push(mdHeading(3, `${named(input.refs, h.id)} · ${status} · ${h.kind}`), '');
    out.push(mdInline(t(h.statement)), '');
    out.push(`- **Created:** ${h.createdOn} · **decide by:** ${h.decideBy}`);
    if (h.criteria !== null) out.push(`- **Success criterion:** ${mdInline(t(h.criteria))}`);
    if (h.tags.length) out.push(`- **Tags:** ${h.tags.map((tag) => mdInline(t(tag))).join(', ')}`);
    const confidence = input.confidence.get(h.rowid);
    if (confidence && h.createdOn <= input.asOf) out.push(`- **Confidence:** ${confidenceText(confidence)}`);
    if (h.bet && h.bet.since <= input.asOf && statuses.get(h.uuid) === 'open')
      out.push(
        `- **Bet:** ${h.bet.until < input.asOf ? 'due since' : 'until'} ${h.bet.until} (held since ` +
          `${h.bet.since}): ${mdInline(t(h.bet.reason))}`,
      );
    out.push('');
    const evidence = evidenceOf.get(h.rowid);
    if (evidence) {
      out.push('Evidence:', '');
      for (const e of evidence)
        out.push(
          `- **${named(input.refs, e.interview)}** ${e.date} ${e.direction} (${e.strength}) · ${e.who}: ` +
            `${e.summary}${e.note}`,
        );
      out.push('');
    }
    const outcomes = outcomesOf.get(h.rowid);
    if (outcomes) {
      out.push('Outcomes:', '');
      for (const o of outcomes) out.push(`- ${o.date} **${o.outcome}**: ${mdInline(t(o.reason))}`);
      out.push('');
    }
    if (h.revisions.length) {
      out.push('Revisions:', '');
      const opt = (s: string | null) => (s === null ? '(none)' : t(s));
      for (const r of h.revisions)
        out.push(`- ${r.date} ${r.field}: ${mdInline(opt(r.before))} → ${mdInline(opt(r.after))}`);
      out.push('');
    }
  }
  out.end();
  return count;
}
