// Hypotheses as text: the `pm hyp list` table and the `pm hyp show` page. User text goes through
// safeLine/safe so nothing stored can drive the terminal.
import { fitLines } from './wrap.js';
import type { ChalkInstance } from 'chalk';
import type { EvidenceEntry, HypothesisFlag, HypothesisRecord, OutcomeEntry } from '../core/hypotheses.js';
import { safe, safeLine } from '../core/text.js';
import { confidenceCell, confidenceText } from '../core/confidence.js';
import { evidenceNotCounted, whereFrom } from '../core/interviews.js';
import { cut, padEnd } from './width.js';
import { table, type Column } from './table.js';

export interface RenderOptions {
  color: ChalkInstance;
  width: number;
  /**
   * the journal syncs: show each hypothesis's reference, the same in every journal (H9), and who
   * recorded each decision (H16)
   */
  shared?: boolean;
}

function colourFlag(flag: HypothesisFlag, c: ChalkInstance): string {
  switch (flag) {
    case 'ready-to-validate':
      return c.green(flag);
    case 'ready-to-kill':
      return c.red(flag);
    case 'stale':
    case 'past-decide-by':
    case 'decide-today':
    case 'bet-due':
    case 'evidence-after-kill':
    case 'evidence-after-validate':
      return c.yellow(flag);
    case 'bet':
      return c.cyan(flag);
    default:
      return c.dim(flag);
  }
}

function pair(a: number, b: number): string {
  return `${a}/${b}`;
}

/** 11-29 for a day of the current year (the table needs the room), else 2027-01-05. */
function shortDate(date: string, today: string): string {
  return date.slice(0, 5) === today.slice(0, 5) ? date.slice(5) : date;
}

/**
 * The list: ID, [STATUS,] STATEMENT (cut to what the terminal leaves), KIND, AGE, SUP/REF (customer
 * evidence), CUST (distinct customers, supporting/refuting), [2ND-HAND (not counted),] LAST EV (last
 * customer evidence), DECIDE BY, FLAGS. Dates of this year lose their year, for room.
 */
export function renderHypothesisList(
  records: HypothesisRecord[],
  opts: RenderOptions & { showStatus: boolean; today: string },
): string {
  const c = opts.color;
  const columns: Column<HypothesisRecord>[] = [{ header: 'ID', text: (r) => r.id }];
  if (opts.shared) columns.push({ header: 'REF', text: (r) => r.ref });
  if (opts.showStatus) columns.push({ header: 'STATUS', text: (r) => r.status });
  columns.push(
    { header: 'STATEMENT', text: (r) => safeLine(r.statement), fill: 30 },
    { header: 'KIND', text: (r) => r.kind },
    // dated after today (a teammate ahead in time added it): it has no age yet
    { header: 'AGE', text: (r) => (r.createdOn > opts.today ? 'ahead' : `${r.ageDays}d`) },
    { header: 'SUP/REF', text: (r) => pair(r.supports, r.refutes) },
    { header: 'CUST', text: (r) => pair(r.customersSupporting, r.customersRefuting) },
  );
  // second-hand evidence gets a column only when there is some
  if (records.some((r) => r.otherSupports + r.otherRefutes > 0))
    columns.push({
      header: '2ND-HAND',
      text: (r) => (r.otherSupports + r.otherRefutes ? pair(r.otherSupports, r.otherRefutes) : ''),
      paint: (s) => c.dim(s),
    });
  columns.push(
    { header: 'LAST EV', text: (r) => (r.lastEvidence ? shortDate(r.lastEvidence, opts.today) : '—') },
    {
      header: 'CONFIDENCE',
      text: (r) => confidenceCell(r.confidence),
      paint: (s, r) => (r.confidence.refutedAt !== null ? c.yellow(s) : r.confidence.score >= 3 ? c.green(s) : s),
    },
    {
      header: 'DECIDE BY',
      text: (r) => shortDate(r.decideBy, opts.today),
      paint: (s, r) => (r.flags.includes('past-decide-by') ? c.yellow(s) : s),
    },
    {
      header: 'FLAGS',
      text: (r) => r.flags.join(', '),
      paint: (_, r) => r.flags.map((f) => colourFlag(f, c)).join(', '),
    },
  );
  return table(records, columns, { width: opts.width, header: (h) => c.bold(h) }).join('\n');
}

function days(n: number): string {
  return `${n} day${n === 1 ? '' : 's'}`;
}

function relative(date: string, today: string, daysFromToday: number): string {
  if (date === today) return 'today';
  return daysFromToday < 0 ? `${days(-daysFromToday)} ago` : `in ${days(daysFromToday)}`;
}

/**
 * The show page: header, criterion, dates, evidence counts, flags; then a timeline of evidence and
 * outcomes in date order, within a day in the order they were logged (their UUIDs are time-ordered: a
 * refutation logged after the day's validation is listed after it); then revisions.
 */
export function renderHypothesisShow(
  r: HypothesisRecord,
  evidence: EvidenceEntry[],
  outcomes: OutcomeEntry[],
  opts: RenderOptions & {
    today: string;
    decideInDays: number;
    since?: string[];
    confirmed?: string[];
    /** who added it, when the page should say (someone else, or a journal the team reads) */
    addedBy?: string | null;
  },
): string {
  const c = opts.color;
  const label = (s: string) => c.dim(padEnd(s, 11));
  const statusText = r.status === 'open' ? 'open' : r.status === 'validated' ? c.green(r.status) : c.red(r.status);
  const lines: string[] = [];
  lines.push(`${c.bold(r.id)}${opts.shared ? ` (${r.ref})` : ''}  ${safe(r.statement)}`);
  lines.push(
    `${label('Status')}${statusText}${r.decision && r.status !== 'open' ? ` on ${r.decision.date}` : ''} · ` +
      `${r.kind} risk`,
  );
  lines.push(
    `${label('Criterion')}` +
      `${r.criteria === null ? c.dim('(none: pm hyp edit ' + r.id + ' --criteria "…")') : safe(r.criteria)}`,
  );
  const by = opts.addedBy ? ` by ${safeLine(opts.addedBy)}` : '';
  lines.push(`${label('Created')}${r.createdOn} (${relative(r.createdOn, opts.today, -r.ageDays)})${by}`);
  lines.push(`${label('Decide by')}${r.decideBy} (${relative(r.decideBy, opts.today, opts.decideInDays)})`);
  if (r.tags.length) lines.push(`${label('Tags')}${r.tags.map(safeLine).join(', ')}`);
  if (r.opportunities.length) lines.push(`${label('For')}${r.opportunities.map(safeLine).join('; ')}`);
  const counted =
    `${r.supports} supporting, ${r.refutes} refuting from customer contact` +
    ` · customers: ${r.customersSupporting} for (${r.accountsSupporting} ` +
    `account${r.accountsSupporting === 1 ? '' : 's'}), ${r.customersRefuting} against`;
  lines.push(`${label('Evidence')}${counted}`);
  if (r.otherSupports + r.otherRefutes > 0)
    lines.push(
      label('') +
        c.dim(
          `not counted (second-hand or stakeholders only): ${r.otherSupports} supporting, ${r.otherRefutes} refuting`,
        ),
    );
  lines.push(`${label('Confidence')}${confidenceText(r.confidence)}`);
  if (r.bet) {
    const due = r.bet.until < opts.today;
    lines.push(
      `${label('Bet')}${due ? c.yellow(`due since ${r.bet.until}`) : `until ${r.bet.until}`} (held since ` +
        `${r.bet.since}): ${safe(r.bet.reason)}`,
    );
  }
  lines.push(`${label('Flags')}${r.flags.length ? r.flags.map((f) => colourFlag(f, c)).join(', ') : c.dim('none')}`);
  const since = opts.since ?? [];
  if (since.length && r.decision) {
    // the report's action line for this flag sends the user here: name the interviews and the way out
    const ids = since.join(', ');
    const one = since.length === 1;
    const what =
      r.status === 'validated'
        ? `${ids} logged after the validation ${one ? 'refutes' : 'refute'} it: reopen it to decide again`
        : `${ids} logged after the ${r.status === 'killed' ? 'kill' : 'decision'} ${one ? 'supports' : 'support'} ` +
          'it: reopen it, or unlink what is not about it';
    lines.push(`${label('')}${safeLine(what)}`);
    const unlink = one ? ` · pm hyp unlink ${r.id} ${since[0]}` : ` · pm hyp unlink ${r.id} I…`;
    lines.push(`${label('')}${c.cyan(`→ pm hyp reopen ${r.id} --reason "…"${unlink}`)}`);
  }
  const confirmed = opts.confirmed ?? [];
  if (confirmed.length && r.decision) {
    const one = confirmed.length === 1;
    lines.push(
      `${label('')}${confirmed.join(', ')} logged after the ${r.status === 'killed' ? 'kill' : 'decision'} ` +
        `${one ? 'refutes' : 'refute'} it too: ${one ? 'it confirms' : 'they confirm'} the decision`,
    );
  }

  lines.push('', c.bold('Timeline'));
  type Entry = { date: string; key: string; text: string };
  const entries: Entry[] = [];
  const indent = ' '.repeat(14);
  evidence.forEach((e) => {
    const arrow = e.direction === 'supports' ? c.green('supports') : c.red('refutes ');
    const from = safeLine(whereFrom(e.account, e.source));
    const who = e.with.length ? `${e.with.map(safeLine).join(', ')} (${from})` : from;
    const note = evidenceNotCounted(e.interviewKind);
    const basis = e.basis === 'said' ? '' : ` ${e.basis}`;
    const head =
      `  ${e.date}  ${padEnd(e.interviewId, 5)} ${arrow}  ${padEnd(e.strength, 6)}  ` +
      `${e.channel}${basis} · ${who}${note ? `  [${note}]` : ''}`;
    const summary = `${indent}${cut(safeLine(e.summary), Math.max(20, opts.width - indent.length))}`;
    entries.push({
      date: e.date,
      key: e.interviewUuid,
      text: note ? c.dim(`${head}\n${summary}`) : `${head}\n${summary}`,
    });
  });
  outcomes.forEach((o) => {
    const word =
      o.outcome === 'validated'
        ? c.green(o.outcome)
        : o.outcome === 'reopened'
          ? c.yellow(o.outcome)
          : c.red(o.outcome);
    const by = opts.shared && o.by !== null ? ` by ${safeLine(o.by)}` : '';
    entries.push({ date: o.date, key: o.uuid, text: `  ${o.date}  ${c.bold(word)}${by}: ${safe(o.reason)}` });
  });
  entries.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  if (entries.length === 0)
    lines.push(c.dim(`  no evidence yet: pm hyp link ${r.id} I12 --supports, or pm log … --supports ${r.id}`));
  else lines.push(...entries.map((e) => e.text));

  if (r.revisions.length) {
    lines.push('', c.bold('Revisions'));
    for (const rev of r.revisions) {
      const show = (v: string | null) => (v === null ? c.dim('(none)') : `"${safe(v)}"`);
      lines.push(
        `  ${rev.date}  ${rev.field === 'criteria' ? 'criterion' : rev.field}: ${show(rev.before)} → ` +
          `${show(rev.after)}`,
      );
    }
  }
  return fitLines(lines.join('\n'), opts.width);
}
