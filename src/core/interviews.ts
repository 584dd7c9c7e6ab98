// Interviews: the record every command prints, and a `pm log` draft checked from its flags before
// anything is matched against the journal (src/commands/log.ts matches and saves it).
import { UsageError } from '../errors.js';
import { LIMITS, checkText, refusePlaceholder, shellWord } from './text.js';
import { parseDeadline, parsePastDate } from './dates.js';
import type { Direction, Strength } from './hypotheses.js';
import type { Basis } from './confidence.js';
import type { InterviewDoc } from './import-validate.js';
import { isIndirect, parseChannel, type Channel } from './channels.js';
import { parsePerson, parseRole, type Person, type Role } from './contacts.js';
import { parseEvidenceFlags, type EvidenceRequest } from './evidence.js';
import { parsePain, type Pain } from './pains.js';
import { checkName, checkTags } from './identity.js';

/** customer (counts as customer contact), indirect (a second-hand signal) or stakeholder (no customer present) */
export type InterviewKind = 'customer' | 'indirect' | 'stakeholder';

export interface EvidenceLink {
  hypothesis: string;
  direction: Direction;
  strength: Strength;
  basis: Basis;
}

/** What a line of `pm ls` shows of an interview: who was there as one text, their names joined by ", ". */
export type InterviewLine = Pick<
  InterviewRecord,
  'id' | 'date' | 'account' | 'source' | 'channel' | 'kind' | 'summary'
> & {
  who: string;
};

/** A whole record's line (pm search; the simple path the listings' tests compare with). */
export function lineOf(r: InterviewRecord): InterviewLine {
  const { id, date, account, source, channel, kind, summary } = r;
  return { id, date, who: r.with.join(', '), account, source, channel, kind, summary };
}

/** An interview as `--json` prints it: the export format's keys, plus names and more. */

export interface InterviewRecord extends Omit<InterviewDoc, 'id'> {
  id: string;
  /** the reference that means the same in every journal: I-7f3a9c (issue 19) */
  ref: string;
  with: string[];
  /** the account's name; null for a signal from a source alone (then `source` names it) */
  account: string | null;
  /** kept by the schema's triggers */
  kind: InterviewKind;
  /** hypotheses this interview is evidence for */
  evidence: EvidenceLink[];
  /**
   * The later customer conversation with one of its people that answered the follow-up (as the report
   * reads it), and its date; null without one. followUpDone stays what `pm edit --follow-up done` set.
   */
  followUpAnsweredBy: string | null;
  followUpAnsweredOn: string | null;
}

export interface LogOptions {
  with?: string[];
  account?: string;
  source?: string;
  role?: string;
  segment?: string;
  persona?: string;
  stage?: string;
  channel?: string;
  date?: string;
  minutes?: string;
  summary?: string;
  notes?: string;
  notesFile?: string;
  pain?: string[];
  quote?: string[];
  tag?: string[];
  supports?: string[];
  refutes?: string[];
  followUp?: string;
  by?: string;
}

/** What the user asked to log, checked for shape but not yet matched against the journal. */
export interface LogDraft {
  people: Person[];
  account: string | null;
  /** where a signal came from ("Capterra"): never an account (issue 15) */
  source: string | null;
  role: Role | null;
  segment: string | null;
  /** a new contact's persona */
  persona: string | null;
  /** --stage as typed: checked against journey.stages when saved */
  stage: string | null;
  channel: Channel;
  date: string;
  minutes: number | null;
  summary: string;
  notes: string | null;
  pains: Pain[];
  quotes: string[];
  tags: string[];
  evidence: EvidenceRequest[];
  followUp: string | null;
  by: string | null;
}

/**
 * Where an interview came from, as listings show it: its account (`Acme`), a signal's source
 * (`Capterra`), or both (`Acme via Zendesk`: a ticket from a known customer).
 */
export function whereFrom(account: string | null, source: string | null): string {
  if (account !== null && source !== null) return `${account} via ${source}`;
  return account ?? source ?? '';
}

/**
 * What a conversation that is not customer contact is, said after its heading (`pm log`'s "Logged I12 · …",
 * the exports' interview headings): the report counts only customer conversations toward the target.
 */
export function notCustomerContact(kind: InterviewKind): string {
  if (kind === 'stakeholder') return 'a stakeholder meeting: not customer contact';
  return kind === 'indirect' ? 'a signal: not customer contact' : '';
}

/** Why a piece of evidence from such a conversation does not count toward a hypothesis's flags, or ''. */
export function evidenceNotCounted(kind: InterviewKind): string {
  if (kind === 'indirect') return 'second-hand: not counted';
  return kind === 'stakeholder' ? 'no customer present: not counted' : '';
}

/**
 * --source: where a signal came from (a review site, a survey, a ticket system). Only a signal has
 * one: a direct conversation is with people, and a source is never an account.
 */
export function parseSource(raw: string | undefined, channel: Channel): string | null {
  if (raw === undefined) return null;
  const source = checkText('--source', raw.trim(), LIMITS.account);
  if (source === '') throw new UsageError('--source is empty', 'name where the signal came from: --source Capterra');
  if (!isIndirect(channel))
    throw new UsageError(
      `--source is for signals, not a ${channel}`,
      `give the signal's channel: --channel review (or support, sales, survey) --source ${JSON.stringify(source)}`,
    );
  return source;
}

/** A follow-up is a next step: not before the conversation it follows. */
/** `flag`: '' for a prompt's answer (the interactive pm log), which names no flag: the user typed none. */
export function followUpAfter(followUp: string, date: string, flag = '--follow-up'): string {
  if (followUp < date)
    throw new UsageError(
      `${flag ? `${flag} ` : ''}${followUp} is before the conversation (${date})`,
      `a follow-up is the date of the next step: +3d, fri, or a date after ${flag ? '--date' : 'the conversation'}`,
    );
  return followUp;
}

/**
 * The longest conversation --minutes takes: a day. A workshop or an on-site visit runs for hours;
 * 100000 (69 days) is a typo, and it would sit in every export as the call's length.
 */
export const MAX_MINUTES = 24 * 60;

export function parseMinutes(raw: string): number {
  if (!/^\s*\d{1,6}\s*$/.test(raw))
    throw new UsageError(`--minutes must be a whole number of minutes, not ${JSON.stringify(raw)}`);
  const minutes = Number(raw);
  if (minutes < 1 || minutes > MAX_MINUTES)
    throw new UsageError(
      `--minutes ${minutes} is not how long a conversation takes: give 1 to ${MAX_MINUTES} (a day)`,
      'try: --minutes 45 (or leave --minutes out; pm edit --clear minutes removes a length)',
    );
  return minutes;
}

/** --persona: free text, trimmed; empty is no persona. */
export function checkPersona(raw: string, flag = '--persona'): string | null {
  const v = checkText(flag, raw, LIMITS.persona, { allowEmpty: true }).trim();
  return v === '' ? null : v;
}

/**
 * --summary: one line, at most LIMITS.summary characters. Longer, it is call notes pasted into the
 * wrong flag: the refusal says how long and where they go (fresh-eyes wave 11 E12: it named no way out).
 */
export function checkSummary(raw: string): string {
  const text = refusePlaceholder(
    '--summary',
    checkText('--summary', raw, LIMITS.notes, { line: true }),
    'write what you learned in place of the "…", e.g. --summary "Raj retypes 400 invoices a month"',
  );
  const length = [...text].length;
  if (length > LIMITS.summary)
    throw new UsageError(
      `--summary is longer than ${LIMITS.summary} characters (${length.toLocaleString('en-US')})`,
      'a summary is a sentence or two: put the rest in --notes, or pipe it to --notes-file -',
    );
  return text;
}

export function checkList(flag: string, values: string[] | undefined, limit: number): string[] {
  return (values ?? []).map((v) => checkText(flag, v, limit, { line: true }));
}

/**
 * Check every flag of a scripted `pm log`; returns the draft or throws a usage error. `readNotes`
 * reads --notes/--notes-file (a file or stdin: the one part that is not pure), at its turn among
 * the checks so that the first problem reported stays the same.
 */
/** The pm log to try, with the --with and --account given (fresh-eyes wave 16: it named a made-up Jane Roe). */
function exampleLog(opts: LogOptions, channel: string): string {
  // a review or a survey comes from a source, not a person (fresh-eyes wave 18 H5), as the README logs one
  if (isIndirect(channel) && !opts.with?.length && opts.account === undefined)
    return `pm log --channel ${channel} --source Capterra --summary ${shellWord(opts.summary ?? 'what you learned')}`;
  const people = opts.with?.length ? opts.with : ['Jane Roe <jane@acme.test>'];
  const account = opts.account ?? (opts.with?.length ? undefined : 'Acme');
  return [
    'pm log',
    ...people.map((p) => `--with ${shellWord(p)}`),
    ...(account === undefined ? [] : [`--account ${shellWord(account)}`]),
    `--summary ${shellWord(opts.summary ?? 'what you learned')}`,
  ].join(' ');
}

export function draftFromOptions(opts: LogOptions, today: string, readNotes: () => string | null): LogDraft {
  const channel = parseChannel(opts.channel ?? 'call');
  const people = (opts.with ?? []).map(parsePerson);
  const source = parseSource(opts.source, channel);
  const missing: string[] = [];
  if (opts.summary === undefined) missing.push('--summary');
  if (people.length === 0 && !isIndirect(channel)) missing.push('--with (who you talked to)');
  if (people.length === 0 && isIndirect(channel) && opts.account === undefined && opts.source === undefined)
    missing.push('--with, --account or --source (where the signal came from)');
  if (missing.length)
    throw new UsageError(
      `pm log needs ${missing.join(' and ')}`,
      // at a terminal with --json or its output piped pm log cannot ask either (fresh-eyes wave 10 E23),
      // nor with --summary given (wave 11 E17: the hint named only the first two, which held)
      `try: ${exampleLog(opts, channel)}  (or, to be ` +
        'asked, run pm log without --summary at a terminal, without --json and with its output not piped)',
    );
  const date = parsePastDate(opts.date ?? 'today', today, '--date');
  if (date !== undefined && date > today)
    throw new UsageError(
      `--date ${date} is in the future`,
      'log a conversation once it has happened; --follow-up takes the date of the next step',
    );
  return {
    people,
    account: opts.account === undefined ? null : checkName('--account', opts.account, LIMITS.account),
    source,
    role: opts.role === undefined ? null : parseRole(opts.role),
    segment: opts.segment === undefined ? null : checkText('--segment', opts.segment, LIMITS.segment),
    persona: opts.persona === undefined ? null : checkPersona(opts.persona),
    stage: opts.stage === undefined ? null : checkText('--stage', opts.stage, LIMITS.stage),
    channel,
    date,
    minutes: opts.minutes === undefined ? null : parseMinutes(opts.minutes),
    summary: checkSummary(opts.summary!),
    notes: readNotes(),
    pains: (opts.pain ?? []).map((p) => parsePain(p)),
    quotes: checkList('--quote', opts.quote, LIMITS.quote),
    tags: checkTags('--tag', opts.tag, LIMITS.tag),
    evidence: parseEvidenceFlags(opts.supports, opts.refutes),
    followUp:
      opts.followUp === undefined
        ? null
        : followUpAfter(parseDeadline(opts.followUp, today, date, '--follow-up'), date),
    by: opts.by === undefined ? null : checkText('--by', opts.by, LIMITS.name, { line: true }),
  };
}
