// The markdown export (contract: "pm export", md): a document a team reads — the period's report,
// then every interview, then the hypotheses with their evidence and outcomes. Every piece of user
// text goes through src/render/markdown.ts, so whatever was typed, the only headings, lists, links
// and HTML in the document are the ones written here. No timestamps: the same journal and options
// give the same bytes, so weekly exports kept in git diff cleanly.
import type { Period } from '../core/dates.js';
import type { Report, Unread } from '../core/report.js';
import type { HypothesisStatus } from '../core/hypotheses.js';
import type { InterviewDoc, JournalDoc } from '../core/import-validate.js';
import { renderReportMarkdown } from './report-md.js';
import { mdBlock, mdHeading, mdInline } from './markdown.js';

export interface MarkdownExportInput {
  doc: JournalDoc;
  report: Report;
  /** rows of the report's long lists it was built without (it shows SHOWN_ROWS a section) */
  unread: Unread;
  /** each hypothesis's status as of the export's as-of day, by UUID */
  statuses: Map<string, HypothesisStatus>;
  period: Period;
  asOf: string;
  /** `--front-matter`: the pm version to name in it; undefined for none */
  frontMatterVersion?: string;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

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

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(key(item));
    if (list) list.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

function bulletList(items: string[]): string[] {
  return items.map((i) => `- ${i}`);
}

export function renderMarkdownExport(input: MarkdownExportInput): string {
  const { doc, statuses } = input;
  const accounts = new Map(doc.accounts.map((a) => [a.uuid, a.name]));
  const contacts = new Map(doc.contacts.map((c) => [c.uuid, c.name]));
  const interviews = new Map(doc.interviews.map((i) => [i.uuid, i]));
  const hypotheses = new Map(doc.hypotheses.map((h) => [h.uuid, h]));
  const who = (i: InterviewDoc) => {
    const names = i.contactUuids.map((u) => contacts.get(u)).filter((n): n is string => n !== undefined);
    const account = accounts.get(i.accountUuid) ?? '';
    return names.length ? `${names.join(', ')} (${account})` : account;
  };
  const out: string[] = [];
  if (input.frontMatterVersion !== undefined) out.push(frontMatter(input, input.frontMatterVersion));
  out.push(renderReportMarkdown(input.report, { unread: input.unread, interviewsBelow: true }));

  out.push(mdHeading(1, 'Interviews'), '');
  if (doc.interviews.length === 0) out.push('No interviews in this period.', '');
  const linksOf = groupBy(doc.evidence, (e) => e.interviewUuid);
  const evidenceOf = groupBy(doc.evidence, (e) => e.hypothesisUuid);
  for (const i of doc.interviews) {
    out.push(mdHeading(2, `${i.id ?? ''} · ${i.date} · ${i.channel} with ${who(i)}`.trim()), '');
    const facts = [
      `**By:** ${i.by === null ? 'unknown' : mdInline(i.by)}${i.minutes === null ? '' : ` · ${plural(i.minutes, 'minute')}`}`,
      `**Summary:** ${mdInline(i.summary)}`,
    ];
    if (i.tags.length) facts.push(`**Tags:** ${i.tags.map(mdInline).join(', ')}`);
    if (i.followUp) facts.push(`**Follow-up:** ${i.followUp}${i.followUpDone ? ' (done)' : ''}`);
    out.push(...bulletList(facts), '');
    if (i.pains.length) out.push('Pains:', '', ...bulletList(i.pains.map(mdInline)), '');
    if (i.quotes.length) out.push('Quotes:', '', ...bulletList(i.quotes.map((q) => `“${mdInline(q)}”`)), '');
    const notes = mdBlock(i.notes);
    if (notes) out.push('Notes:', '', notes, '');
    const links = linksOf.get(i.uuid) ?? [];
    if (links.length) {
      out.push('Hypotheses:', '', ...bulletList(links.map((e) => {
        const h = hypotheses.get(e.hypothesisUuid);
        return `**${h?.id ?? '?'}** ${e.direction} (${e.strength}): ${mdInline(h?.statement ?? '')}`;
      })), '');
    }
  }

  out.push(mdHeading(1, 'Hypotheses'), '');
  if (doc.hypotheses.length === 0) out.push('No hypotheses in this period.', '');
  const outcomesOf = groupBy(doc.outcomes, (o) => o.hypothesisUuid);
  for (const h of doc.hypotheses) {
    out.push(mdHeading(2, `${h.id ?? ''} · ${statuses.get(h.uuid) ?? 'open'} · ${h.kind}`.trim()), '');
    out.push(mdInline(h.statement), '');
    const facts = [`**Created:** ${h.createdOn} · **decide by:** ${h.decideBy}`];
    if (h.criteria !== null) facts.push(`**Success criterion:** ${mdInline(h.criteria)}`);
    if (h.tags.length) facts.push(`**Tags:** ${h.tags.map(mdInline).join(', ')}`);
    out.push(...bulletList(facts), '');
    const evidence = evidenceOf.get(h.uuid) ?? [];
    if (evidence.length) {
      out.push('Evidence:', '', ...bulletList(evidence.map((e) => {
        const i = interviews.get(e.interviewUuid)!;
        return `**${i.id ?? '?'}** ${i.date} ${e.direction} (${e.strength}) · ${mdInline(who(i))}: ${mdInline(i.summary)}`;
      })), '');
    }
    const outcomes = outcomesOf.get(h.uuid) ?? [];
    if (outcomes.length) out.push('Outcomes:', '', ...bulletList(outcomes.map((o) => `${o.date} **${o.outcome}**: ${mdInline(o.reason)}`)), '');
    if (h.revisions.length) {
      out.push('Revisions:', '', ...bulletList(h.revisions.map((r) =>
        `${r.date} ${r.field}: ${mdInline(r.before ?? '(none)')} → ${mdInline(r.after ?? '(none)')}`)), '');
    }
  }
  // one trailing newline, no trailing blank lines (joined once: a megabyte is not copied again)
  while (out.length > 0 && /^\n*$/.test(out[out.length - 1])) out.pop();
  if (out.length > 0) out[out.length - 1] = out[out.length - 1].replace(/\n+$/, '');
  out.push('');
  return out.join('\n');
}
