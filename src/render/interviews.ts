// Interviews as text: the `pm ls` table, and one interview in full (`pm show I12`). User text always
// goes through safe()/safeLine() so stored escape sequences never reach the terminal raw.
import type { ChalkInstance } from 'chalk';
import type { InterviewRecord } from '../core/interviews.js';
import { cut, padEnd, safe, safeLine } from '../core/text.js';

function column(values: string[], max: number): number {
  return Math.min(max, Math.max(0, ...values.map((v) => [...v].length)));
}

/** date, id, who, account, channel, summary cut to the width; aligned, newest first as given. */
export function interviewTable(records: InterviewRecord[], width: number, c: ChalkInstance): string {
  if (records.length === 0) return '';
  const rows = records.map((r) => ({
    date: r.date,
    id: r.id,
    who: safeLine(r.with.join(', ')) || '—',
    account: safeLine(r.account),
    channel: r.channel,
    summary: safeLine(r.summary),
    kind: r.kind,
  }));
  const idW = column(
    rows.map((r) => r.id),
    8,
  );
  const whoW = column(
    rows.map((r) => r.who),
    24,
  );
  const accountW = column(
    rows.map((r) => r.account),
    20,
  );
  const channelW = column(
    rows.map((r) => r.channel),
    7,
  );
  const fixed = 10 + 1 + idW + 2 + whoW + 2 + accountW + 2 + channelW + 2;
  const summaryW = Math.max(10, width - fixed);
  return rows
    .map((r) => {
      const channel = padEnd(r.channel, channelW);
      return [
        c.dim(r.date),
        padEnd(r.id, idW),
        '',
        padEnd(cut(r.who, whoW), whoW),
        '',
        padEnd(cut(r.account, accountW), accountW),
        '',
        r.kind === 'customer' ? c.green(channel) : r.kind === 'indirect' ? c.yellow(channel) : c.dim(channel),
        '',
        cut(r.summary, summaryW),
      ]
        .join(' ')
        .trimEnd();
    })
    .join('\n');
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
  lines.push(`${c.dim('With:')}      ${who} (${safeLine(r.account)})`);
  if (r.by) lines.push(`${c.dim('By:')}        ${safeLine(r.by)}${r.minutes !== null ? `, ${r.minutes} min` : ''}`);
  else if (r.minutes !== null) lines.push(`${c.dim('Minutes:')}   ${r.minutes}`);
  lines.push(`${c.dim('Summary:')}   ${safe(r.summary)}`);
  if (r.pains.length) lines.push(`${c.dim('Pains:')}`, ...r.pains.map((p) => `  - ${safe(p)}`));
  if (r.quotes.length) lines.push(`${c.dim('Quotes:')}`, ...r.quotes.map((q) => `  “${safe(q)}”`));
  if (r.tags.length) lines.push(`${c.dim('Tags:')}      ${r.tags.map(safeLine).join(', ')}`);
  if (r.evidence.length)
    lines.push(
      `${c.dim('Evidence:')}  ${r.evidence.map((e) => `${e.direction} ${e.hypothesis}${e.strength === 'medium' ? '' : ` (${e.strength})`}`).join(', ')}`,
    );
  if (r.followUp) lines.push(`${c.dim('Follow-up:')} ${r.followUp}${r.followUpDone ? ' (done)' : ''}`);
  if (r.notes) lines.push(`${c.dim('Notes:')}`, safe(r.notes).replace(/^/gm, '  '));
  return lines.join('\n');
}
