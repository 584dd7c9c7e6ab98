// Interviews as text: the `pm ls` table, and one interview in full (`pm show I12`). User text always
// goes through safe()/safeLine() so stored escape sequences never reach the terminal raw.
import type { ChalkInstance } from 'chalk';
import { whereFrom, type InterviewLine, type InterviewRecord } from '../core/interviews.js';
import { safe, safeLine } from '../core/text.js';
import { table, tableLines, type Column } from './table.js';

/** date, id, who, account, channel, summary cut to the width; aligned, newest first as given. */
export function interviewTable(records: InterviewLine[], width: number, c: ChalkInstance): string {
  if (records.length === 0) return '';
  return table(records, interviewColumns(c), { width }).join('\n');
}

/** interviewTable's lines, made as they are asked for (`pm ls` into a pipe: every interview). */
export function interviewLinesOf(records: InterviewLine[], width: number, c: ChalkInstance): Iterable<string> {
  return tableLines(records, interviewColumns(c), { width });
}

function interviewColumns(c: ChalkInstance): Column<InterviewLine>[] {
  return [
    { text: (r) => r.date, paint: (s) => c.dim(s) },
    { text: (r) => r.id, gap: 1 },
    { text: (r) => safeLine(r.with.join(', ')) || '—', max: 24 },
    { text: (r) => safeLine(whereFrom(r.account, r.source)), max: 20 },
    {
      text: (r) => r.channel,
      paint: (s, r) => (r.kind === 'customer' ? c.green(s) : r.kind === 'indirect' ? c.yellow(s) : c.dim(s)),
    },
    { text: (r) => safeLine(r.summary), fill: 10 },
  ];
}

const KIND_LABEL = {
  customer: 'customer contact',
  indirect: 'indirect signal',
  stakeholder: 'stakeholders/partners only (not customer contact)',
};

/** One interview in full. */
export function interviewDetail(r: InterviewRecord, c: ChalkInstance): string {
  const lines: string[] = [];
  const who = r.with.length ? r.with.map(safeLine).join(', ') : '—';
  lines.push(`${c.bold(r.id)}  ${r.date}  ${r.channel} · ${c.dim(KIND_LABEL[r.kind])}`);
  if (r.with.length || r.account !== null)
    lines.push(`${c.dim('With:')}      ${who} (${safeLine(whereFrom(r.account, r.source))})`);
  else lines.push(`${c.dim('From:')}      ${safeLine(r.source)}`);
  if (r.by) lines.push(`${c.dim('By:')}        ${safeLine(r.by)}${r.minutes !== null ? `, ${r.minutes} min` : ''}`);
  else if (r.minutes !== null) lines.push(`${c.dim('Minutes:')}   ${r.minutes}`);
  lines.push(`${c.dim('Summary:')}   ${safe(r.summary)}`);
  if (r.pains.length)
    lines.push(`${c.dim('Pains:')}`, ...r.pains.map((p) => `  - ${safe(p.text)} ${c.dim(`(${p.severity})`)}`));
  if (r.quotes.length) lines.push(`${c.dim('Quotes:')}`, ...r.quotes.map((q) => `  “${safe(q)}”`));
  if (r.tags.length) lines.push(`${c.dim('Tags:')}      ${r.tags.map(safeLine).join(', ')}`);
  if (r.stage) lines.push(`${c.dim('Stage:')}     ${safeLine(r.stage)}`);
  if (r.evidence.length) {
    // a link's strength and basis when not the defaults: "supports H3 (strong, paid)"
    const link = (e: InterviewRecord['evidence'][number]) => {
      const how = [e.strength === 'medium' ? '' : e.strength, e.basis === 'said' ? '' : e.basis].filter(Boolean);
      return `${e.direction} ${e.hypothesis}${how.length ? ` (${how.join(', ')})` : ''}`;
    };
    lines.push(`${c.dim('Evidence:')}  ${r.evidence.map(link).join(', ')}`);
  }
  if (r.followUp) lines.push(`${c.dim('Follow-up:')} ${r.followUp}${r.followUpDone ? ' (done)' : ''}`);
  if (r.notes) lines.push(`${c.dim('Notes:')}`, safe(r.notes).replace(/^/gm, '  '));
  return lines.join('\n');
}
