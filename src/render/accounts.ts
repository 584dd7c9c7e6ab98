// Accounts and contacts as text: the `pm accounts` and `pm contacts` tables, and the pages of
// `pm show ACCOUNT` and `pm show CONTACT`. User text goes through safeLine.
import type { ChalkInstance } from 'chalk';
import type { AccountJson, AccountLine } from '../core/accounts.js';
import type { Standing } from '../core/cadence.js';
import type { ContactJson, ContactLine } from '../core/contacts.js';
import type { InterviewLine } from '../core/interviews.js';
import { safeLine } from '../core/text.js';
import { interviewLinesOf } from './interviews.js';
import { tableLines } from './table.js';
import { fitLines } from './wrap.js';
import { displayWidth } from './width.js';

/** The column that says a line is overdue (red too, on a terminal): a word under a header, not after the line. */
// none ("—"): a stakeholder or partner, or an account with neither customers nor a customer conversation
const CADENCE = {
  header: 'CADENCE',
  text: (r: Standing) => (r.cadence === null ? '—' : r.cadence === 'off' ? 'off' : `${r.cadence}d`),
  width: 7,
};
const STATUS = { header: 'STATUS', text: (r: { overdue: boolean }) => (r.overdue ? 'overdue' : ''), width: 7 };

/** Most overdue first as given; an overdue account's line is red, "overdue" under STATUS. */
export function accountTable(rows: AccountLine[], c: ChalkInstance, width = Infinity): string {
  return [...accountTableLines(rows, c, width)].join('\n');
}

/** accountTable's lines, made as they are asked for (written in pieces: a finished line is garbage at once). */
export function accountTableLines(rows: AccountLine[], c: ChalkInstance, width = Infinity): Iterable<string> {
  return tableLines(
    rows,
    [
      { header: 'ACCOUNT', text: (r) => safeLine(r.name), max: 28, fill: 12 },
      { header: 'LAST DIRECT', text: (r) => r.lastDirect ?? '—', width: 11 },
      { header: 'DAYS', text: (r) => (r.daysSince === null ? '—' : String(r.daysSince)), width: 4, align: 'right' },
      CADENCE,
      STATUS,
      { header: 'CONTACTS', text: (r) => String(r.contacts), width: 8, align: 'right' },
      { header: 'INTERVIEWS', text: (r) => String(r.interviews), width: 10, align: 'right' },
      { header: 'SEGMENT', text: (r) => safeLine(r.segment ?? ''), max: 24 },
    ],
    { width, header: (h) => c.dim(h), line: (line, r) => (r.overdue ? c.red(line.trimEnd()) : line.trimEnd()) },
  );
}

/** Like accountTable; stakeholders and partners have no cadence (—). */
export function contactTable(rows: ContactLine[], c: ChalkInstance, width = Infinity): string {
  return [...contactTableLines(rows, c, width)].join('\n');
}

/** contactTable's lines, made as they are asked for (12,000 on the harsh bench journal, written in pieces). */
export function contactTableLines(rows: ContactLine[], c: ChalkInstance, width = Infinity): Iterable<string> {
  return tableLines(
    rows,
    [
      { header: 'CONTACT', text: (r) => safeLine(r.name), max: 28, fill: 16 },
      { header: 'ACCOUNT', text: (r) => safeLine(r.account), max: 20 },
      { header: 'ROLE', text: (r) => r.role, width: 11 },
      { header: 'PERSONA', text: (r) => safeLine(r.persona ?? ''), max: 16 },
      { header: 'LAST DIRECT', text: (r) => r.lastDirect ?? '—', width: 11 },
      { header: 'DAYS', text: (r) => (r.daysSince === null ? '—' : String(r.daysSince)), width: 4, align: 'right' },
      CADENCE,
      STATUS,
      { header: 'EMAIL', text: (r) => safeLine(r.email ?? '') },
    ],
    { width, header: (h) => c.dim(h), line: (line, r) => (r.overdue ? c.red(line.trimEnd()) : line.trimEnd()) },
  );
}

export function describeStanding(s: Standing): string {
  if (s.lastDirect === null) return 'no direct customer contact yet';
  const ago = s.daysSince === 0 ? 'today' : s.daysSince === 1 ? 'yesterday' : `${s.daysSince} days ago`;
  const cadence = s.cadence === 'off' ? 'cadence off' : s.cadence === null ? '' : `cadence ${s.cadence} days`;
  return `last direct contact ${s.lastDirect} (${ago})${cadence ? `, ${cadence}` : ''}${s.overdue ? ', OVERDUE' : ''}`;
}

/** `pm show ACCOUNT`: name and segment, standing, people, then its conversations. */
export function accountPage(
  account: AccountJson,
  people: ContactJson[],
  interviews: InterviewLine[],
  width: number,
  c: ChalkInstance,
): string {
  return [...accountPageLines(account, people, interviews, width, c)].join('\n');
}

/** accountPage's lines, made as they are asked for (an account's thousands of conversations are written in pieces). */
export function accountPageLines(
  account: AccountJson,
  people: ContactJson[],
  interviews: InterviewLine[],
  width: number,
  c: ChalkInstance,
): Iterable<string> {
  return pageLines(
    [
      `${c.bold(safeLine(account.name))}${account.segment ? `  ${c.dim(safeLine(account.segment))}` : ''}`,
      (account.overdue ? c.red : (x: string) => x)(describeStanding(account)),
      `${c.dim('People:')} ${people.map((p) => `${safeLine(p.name)} (${p.role})`).join(', ') || '—'}`,
      '',
    ],
    interviews,
    width,
    c,
  );
}

/** `pm show CONTACT`: who, standing, then their conversations. */
export function contactPage(
  contact: ContactJson,
  interviews: InterviewLine[],
  width: number,
  c: ChalkInstance,
): string {
  return [...contactPageLines(contact, interviews, width, c)].join('\n');
}

/** contactPage's lines, made as they are asked for. */
export function contactPageLines(
  contact: ContactJson,
  interviews: InterviewLine[],
  width: number,
  c: ChalkInstance,
): Iterable<string> {
  return pageLines(
    [
      `${c.bold(safeLine(contact.name))}${contact.email ? ` <${safeLine(contact.email)}>` : ''}` +
        ` · ${contact.role} at ${safeLine(contact.account)}` +
        (contact.segment ? ` · ${safeLine(contact.segment)}` : '') +
        (contact.persona ? ` · ${safeLine(contact.persona)}` : ''),
      (contact.overdue ? c.red : (x: string) => x)(describeStanding(contact)),
      '',
    ],
    interviews,
    width,
    c,
  );
}

/**
 * A page's head, then its conversations' table, each line fitted to the width (fitLines works line by
 * line, and keeps a line that fits as it is: the table's lines are fitted by the table already, so
 * only the rare one wider than the room, a narrow terminal's, is given to it).
 */
function* pageLines(head: string[], interviews: InterviewLine[], width: number, c: ChalkInstance): Generator<string> {
  for (const line of head) yield fitLines(line, width);
  if (interviews.length === 0) {
    yield fitLines(c.dim('No conversations yet.'), width);
    return;
  }
  for (const line of interviewLinesOf(interviews, width, c))
    yield displayWidth(line) <= width ? line : fitLines(line, width);
}
