// Interviews as text: the `pm ls` table, and one interview in full (`pm show I12`). User text always
// goes through safe()/safeLine() so stored escape sequences never reach the terminal raw.
import type { ChalkInstance } from 'chalk';
import { whereFrom, type InterviewLine, type InterviewRecord } from '../core/interviews.js';
import { safe, safeLine } from '../core/text.js';
import { table, tableLines, type Column } from './table.js';
import { NO_WIDTH } from '../io.js';
import { cut, displayWidth } from './width.js';
import { clipWords } from './wrap.js';

/** the widest who and where columns: longer cells are cut after a whole word */
const WHO_MAX = 24;
const WHERE_MAX = 20;

/** date, id, who, account, channel, summary cut to the width; aligned, newest first as given. */
export function interviewTable(records: InterviewLine[], width: number, c: ChalkInstance): string {
  if (records.length === 0) return '';
  return table(records, interviewColumns(c), { width }).join('\n');
}

/** interviewTable's lines, made as they are asked for (`pm ls` into a pipe: every interview). */
export function interviewLinesOf(records: InterviewLine[], width: number, c: ChalkInstance): Iterable<string> {
  return (c.level === 0 && plainLines(records, width)) || tableLines(records, interviewColumns(c), { width });
}

/**
 * The table's lines without colour when every column fits at its full width (a pipe: `pm ls | cat`,
 * `pm show ACCOUNT` into a script), made by one loop instead of the general layout: laying out an
 * account's 4,037 conversations through the table's closures cost ~20 ms more of CPU in a fresh
 * process (issue 18). The same cells (safeLine, whereFrom), widths (displayWidth, the columns'
 * maxima), cuts (clipWords) and padding as interviewColumns in tableLines; undefined when a column
 * would have to move or be cut to fit, which the general layout handles.
 * test/unit/listing-fast-paths.test.ts holds the two equal.
 */
export function plainLines(records: InterviewLine[], room: number): string[] | undefined {
  const padTo = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - displayWidth(text)));
  const n = records.length;
  const who: string[] = new Array(n);
  const where: string[] = new Array(n);
  const summary: string[] = new Array(n);
  const whoWidth: number[] = new Array(n);
  const whereWidth: number[] = new Array(n);
  let dates = 0;
  let ids = 0;
  let people = 0;
  let places = 0;
  let channels = 0;
  let summaries = 0;
  for (let i = 0; i < n; i++) {
    const r = records[i];
    who[i] = safeLine(r.who) || '—';
    where[i] = safeLine(whereFrom(r.account, r.source));
    summary[i] = safeLine(r.summary);
    whoWidth[i] = displayWidth(who[i]);
    whereWidth[i] = displayWidth(where[i]);
    dates = Math.max(dates, displayWidth(r.date));
    ids = Math.max(ids, displayWidth(r.id));
    people = Math.max(people, whoWidth[i]);
    places = Math.max(places, whereWidth[i]);
    channels = Math.max(channels, displayWidth(r.channel));
    summaries = Math.max(summaries, displayWidth(summary[i]));
  }
  if (room < NO_WIDTH) {
    people = Math.min(people, WHO_MAX);
    places = Math.min(places, WHERE_MAX);
  }
  if (dates + 1 + ids + 2 + people + 2 + places + 2 + channels + 2 + summaries > room) return undefined;
  const lines: string[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const r = records[i];
    let a = who[i];
    let aw = whoWidth[i];
    if (aw > people) {
      a = clipWords(a, people);
      aw = displayWidth(a);
    }
    let b = where[i];
    let bw = whereWidth[i];
    if (bw > places) {
      b = clipWords(b, places);
      bw = displayWidth(b);
    }
    lines[i] = (
      padTo(r.date, dates) +
      ' ' +
      padTo(r.id, ids) +
      '  ' +
      a +
      ' '.repeat(people - aw) +
      '  ' +
      b +
      ' '.repeat(places - bw) +
      '  ' +
      padTo(r.channel, channels) +
      '  ' +
      summary[i]
    ).trimEnd();
  }
  return lines;
}

function interviewColumns(c: ChalkInstance): Column<InterviewLine>[] {
  // without colour (a pipe) chalk would hand each cell back as it is: not called at all, two calls a line fewer
  const coloured = c.level > 0;
  return [
    { text: (r) => r.date, paint: coloured ? (s) => c.dim(s) : undefined },
    { text: (r) => r.id, gap: 1 },
    { text: (r) => safeLine(r.who) || '—', max: WHO_MAX },
    { text: (r) => safeLine(whereFrom(r.account, r.source)), max: WHERE_MAX },
    {
      text: (r) => r.channel,
      paint: coloured
        ? (s, r) => (r.kind === 'customer' ? c.green(s) : r.kind === 'indirect' ? c.yellow(s) : c.dim(s))
        : undefined,
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
  // a summary's, pain's or quote's further lines under its first, as Notes' lines are indented under their heading
  const under = (text: string, columns: number) => safe(text).replace(/\n/g, `\n${' '.repeat(columns)}`);
  lines.push(`${c.dim('Summary:')}   ${under(r.summary, 11)}`);
  if (r.pains.length)
    lines.push(`${c.dim('Pains:')}`, ...r.pains.map((p) => `  - ${under(p.text, 4)} ${c.dim(`(${p.severity})`)}`));
  if (r.quotes.length) lines.push(`${c.dim('Quotes:')}`, ...r.quotes.map((q) => `  “${under(q, 3)}”`));
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
  if (r.followUp) {
    // answered: a later customer conversation with one of its people, as the report reads it
    const state = r.followUpDone
      ? ' (done)'
      : r.followUpAnsweredBy
        ? ` · answered by ${r.followUpAnsweredBy} on ${r.followUpAnsweredOn}`
        : '';
    lines.push(`${c.dim('Follow-up:')} ${r.followUp}${state}`);
  }
  if (r.notes) lines.push(`${c.dim('Notes:')}`, safe(r.notes).replace(/^/gm, '  '));
  return lines.join('\n');
}

/** `I12 (2026-11-20, Jane Roe: Exports take an hour)`: an interview as pm delete and pm import name it. */
export function interviewLabel(
  r: Pick<InterviewRecord, 'id' | 'date' | 'with' | 'account' | 'source' | 'summary'>,
): string {
  const who = safeLine(r.with.join(', ') || whereFrom(r.account, r.source));
  return `${r.id} (${r.date}, ${who}: ${cut(safeLine(r.summary), 50)})`;
}

/** `H3 ("Ops leads want a digest")`: a hypothesis as pm delete and pm import name it. */
export function hypothesisLabel(h: { id: string; statement: string }): string {
  return `${h.id} ("${cut(safeLine(h.statement), 60)}")`;
}

/**
 * The way back from a mistaken delete (fresh-eyes wave 14 H4): the deletion is remembered (a teammate's
 * older copy must not bring the record back), so importing a backup's export said "Already in the journal"
 * and brought nothing back; --undelete does, from a copy made before, and keeps everything since.
 */
export function undoLine(id: string, before: string, lead = 'to undo'): string {
  return (
    `${lead}: pm import FILE --undelete ${id}, FILE a JSON export made before ${before} ` +
    '(of a backup: pm --db BACKUP export --format json --out FILE)'
  );
}
