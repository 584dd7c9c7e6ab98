// `pm log`: record an interview. Scripted from flags, or interactive on a terminal when --summary
// is not given (src/commands/log-interactive.ts, which loads inquirer only then).
// Everything that can be checked without the journal is checked first (text limits, dates, ids'
// shapes); then matching and writing happen in one BEGIN IMMEDIATE transaction, so a failure
// anywhere leaves the journal as it was.
import { readFileSync, statSync } from 'node:fs';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { LIMITS, checkText, closest, decodeUtf8, safeLine } from '../core/text.js';
import { parseDeadline, parsePastDate } from '../core/dates.js';
import { newUuid, type DB } from '../db/journal.js';
import { STRENGTHS, type Direction, type Strength } from '../core/hypotheses.js';
import {
  CHANNELS,
  isIndirect,
  insertInterview,
  loadInterview,
  setInterviewContacts,
  setInterviewList,
  type Channel,
  type InterviewRecord,
} from '../db/interviews.js';
import { findAccount, insertAccount } from '../db/accounts.js';
import {
  ROLES,
  contactByEmail,
  contactsByName,
  contactsByNameInAccount,
  insertContact,
  knownNames,
  namesakesElsewhere,
  updateContact,
  type ContactRow,
  type Role,
} from '../db/contacts.js';
import { hypothesesByRowId, linkEvidence } from '../db/evidence.js';
import { reindexInterview } from '../db/fts.js';
import { FORGOTTEN_NAME } from '../db/forget.js';

export interface LogOptions {
  with?: string[];
  account?: string;
  role?: string;
  segment?: string;
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

export interface Person {
  name: string;
  email: string | null;
}

export interface EvidenceRequest {
  hypothesis: number;
  direction: Direction;
  strength: Strength;
}

/** What the user asked to log, checked for shape but not yet matched against the journal. */
export interface LogDraft {
  people: Person[];
  account: string | null;
  role: Role | null;
  segment: string | null;
  channel: Channel;
  date: string;
  minutes: number | null;
  summary: string;
  notes: string | null;
  pains: string[];
  quotes: string[];
  tags: string[];
  evidence: EvidenceRequest[];
  followUp: string | null;
  by: string | null;
}

/** A follow-up is a next step: not before the conversation it follows. */
export function followUpAfter(followUp: string, date: string): string {
  if (followUp < date)
    throw new UsageError(
      `--follow-up ${followUp} is before the conversation (${date})`,
      'a follow-up is the date of the next step: +3d, fri, or a date after --date',
    );
  return followUp;
}

// ---------------------------------------------------------------------------------------------
// Parsing flags (pure, no journal)

/** "Jane Roe <jane@acme.test>", "Jane Roe", or a bare "jane@acme.test". */
export function parsePerson(raw: string): Person {
  const m = /^(.*?)\s*<([^<>]*)>\s*$/s.exec(raw); // s: a name may hold a pasted line break
  let name = raw.trim();
  let email: string | null = null;
  if (m) {
    name = m[1].trim();
    email = m[2].trim();
    if (!email.includes('@'))
      throw new UsageError(
        `--with: ${JSON.stringify(raw)} has no email between < and >`,
        'write --with "Jane Roe <jane@acme.test>" or --with "Jane Roe"',
      );
    if (name === '') name = email;
  } else if (/^[^\s@<>]+@[^\s@<>]+$/.test(name)) {
    email = name;
  }
  checkText('--with name', name, LIMITS.name);
  if (email !== null) checkText('--with email', email, LIMITS.email);
  return { name, email };
}

export function parseChannel(raw: string): Channel {
  const ch = raw.trim().toLowerCase();
  if (!(CHANNELS as readonly string[]).includes(ch))
    throw new UsageError(`unknown channel ${JSON.stringify(raw)}`, `channels: ${CHANNELS.join(', ')}`);
  return ch as Channel;
}

export function parseRole(raw: string): Role {
  const r = raw.trim().toLowerCase();
  if (!(ROLES as readonly string[]).includes(r))
    throw new UsageError(`unknown role ${JSON.stringify(raw)}`, `roles: ${ROLES.join(', ')}`);
  return r as Role;
}

export function parseMinutes(raw: string): number {
  if (!/^\s*\d{1,6}\s*$/.test(raw))
    throw new UsageError(`--minutes must be a whole number of minutes, not ${JSON.stringify(raw)}`);
  return Number(raw);
}

/** "H3", "h3", "3", optionally ":weak" / ":medium" / ":strong". */
export function parseEvidence(raw: string, direction: Direction): EvidenceRequest {
  const m = /^\s*[hH]?(\d{1,15})(?::(\w+))?\s*$/.exec(raw);
  if (!m)
    throw new UsageError(
      `--${direction}: ${JSON.stringify(raw)} is not a hypothesis id`,
      `write --${direction} H3, or H3:strong / H3:weak`,
    );
  const strength = (m[2] ?? 'medium').toLowerCase();
  if (!(STRENGTHS as readonly string[]).includes(strength))
    throw new UsageError(
      `--${direction}: unknown strength ${JSON.stringify(m[2])}`,
      `strengths: ${STRENGTHS.join(', ')}`,
    );
  return { hypothesis: Number(m[1]), direction, strength: strength as Strength };
}

/** Notes from --notes, or --notes-file PATH (`-` = stdin), read as strict UTF-8. */
export function readNotes(opts: { notes?: string; notesFile?: string }): string | null {
  if (opts.notes !== undefined && opts.notesFile !== undefined)
    throw new UsageError('give --notes or --notes-file, not both');
  if (opts.notesFile !== undefined) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(opts.notesFile === '-' ? 0 : opts.notesFile);
    } catch (err) {
      throw new UsageError(
        `cannot read --notes-file ${JSON.stringify(opts.notesFile)}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
      );
    }
    if (bytes.length > LIMITS.notes) throw new UsageError('notes are longer than 5 MB');
    return checkText('notes', decodeUtf8(bytes, 'notes'), LIMITS.notes);
  }
  if (opts.notes !== undefined) return checkText('--notes', opts.notes, LIMITS.notes);
  return null;
}

export function checkList(flag: string, values: string[] | undefined, limit: number): string[] {
  return (values ?? []).map((v) => checkText(flag, v, limit));
}

export function parseEvidenceFlags(supports: string[] = [], refutes: string[] = []): EvidenceRequest[] {
  const all = [
    ...supports.map((s) => parseEvidence(s, 'supports')),
    ...refutes.map((s) => parseEvidence(s, 'refutes')),
  ];
  const seen = new Map<number, EvidenceRequest>();
  for (const e of all) {
    const before = seen.get(e.hypothesis);
    if (before && before.direction !== e.direction)
      throw new UsageError(`H${e.hypothesis} cannot be both supported and refuted by one interview`);
    seen.set(e.hypothesis, e);
  }
  return [...seen.values()];
}

/** Check every flag of a scripted `pm log`; returns the draft or throws a usage error. */
export function draftFromOptions(opts: LogOptions, today: string): LogDraft {
  const channel = parseChannel(opts.channel ?? 'call');
  const people = (opts.with ?? []).map(parsePerson);
  const missing: string[] = [];
  if (opts.summary === undefined) missing.push('--summary');
  if (people.length === 0 && !isIndirect(channel)) missing.push('--with (who you talked to)');
  if (people.length === 0 && isIndirect(channel) && opts.account === undefined)
    missing.push('--with or --account (where the signal came from)');
  if (missing.length)
    throw new UsageError(
      `pm log needs ${missing.join(' and ')}`,
      'try: pm log --with "Jane Roe <jane@acme.test>" --account Acme --summary "what you learned"  (or run it in a terminal to be asked)',
    );
  const date = parsePastDate(opts.date ?? 'today', today, '--date');
  if (date !== undefined && date > today)
    throw new UsageError(
      `--date ${date} is in the future`,
      'log a conversation once it has happened; --follow-up takes the date of the next step',
    );
  return {
    people,
    account: opts.account === undefined ? null : checkText('--account', opts.account.trim(), LIMITS.account),
    role: opts.role === undefined ? null : parseRole(opts.role),
    segment: opts.segment === undefined ? null : checkText('--segment', opts.segment, LIMITS.segment),
    channel,
    date,
    minutes: opts.minutes === undefined ? null : parseMinutes(opts.minutes),
    summary: checkText('--summary', opts.summary!, LIMITS.summary),
    notes: readNotes(opts),
    pains: checkList('--pain', opts.pain, LIMITS.pain),
    quotes: checkList('--quote', opts.quote, LIMITS.quote),
    tags: checkList('--tag', opts.tag, LIMITS.tag),
    evidence: parseEvidenceFlags(opts.supports, opts.refutes),
    followUp:
      opts.followUp === undefined
        ? null
        : followUpAfter(parseDeadline(opts.followUp, today, date, '--follow-up'), date),
    by: opts.by === undefined ? null : checkText('--by', opts.by, LIMITS.name),
  };
}

// ---------------------------------------------------------------------------------------------
// Matching people and accounts (reads only; writes happen in applyParticipants)

interface PlannedContact {
  existing?: ContactRow;
  person: Person;
  fill?: { email?: string; segment?: string };
}

export interface Participants {
  account: { id?: number; name: string };
  contacts: PlannedContact[];
}

function who(c: ContactRow): string {
  return `${c.name}${c.email ? ` <${c.email}>` : ''} (${c.account}, ${c.role})`;
}

/**
 * Find the people and the account of an interview as the contract says: by email, else by name
 * within the account, else (without --account) by a name unique across accounts. Contradictions
 * and ambiguity are usage errors; nothing is written here.
 */
export function matchParticipants(
  db: DB,
  want: { people: Person[]; account: string | null; role: Role | null; segment: string | null },
): Participants {
  const accountRow = want.account !== null ? findAccount(db, want.account) : undefined;
  const planned: PlannedContact[] = [];
  for (const person of want.people) {
    if (person.name.trim().toLowerCase() === FORGOTTEN_NAME.toLowerCase())
      throw new UsageError(
        `"${FORGOTTEN_NAME}" stands for the people erased with pm forget; nothing new can be logged with them`,
        'name the person you talked to',
      );
    let found: ContactRow | undefined;
    const fill: PlannedContact['fill'] = {};
    if (person.email) found = contactByEmail(db, person.email);
    if (!found) {
      let candidates: ContactRow[];
      if (want.account !== null) candidates = accountRow ? contactsByNameInAccount(db, person.name, accountRow.id) : [];
      else candidates = contactsByName(db, person.name);
      // someone known by another email is another person with the same name
      if (person.email) candidates = candidates.filter((c) => c.email === null);
      if (candidates.length > 1)
        throw new UsageError(
          `${JSON.stringify(person.name)} matches ${candidates.length} contacts: ${candidates.map(who).join('; ')}`,
          want.account === null
            ? 'add --account ORG, or give the email: --with "Name <email>"'
            : 'give the email: --with "Name <email>"',
        );
      found = candidates[0];
      if (found && person.email) fill.email = person.email;
    }
    if (found) {
      if (want.account !== null && found.accountId !== accountRow?.id)
        throw new UsageError(
          `${found.name} is a contact at ${found.account}, not ${want.account}`,
          `if they moved: pm contact set ${JSON.stringify(found.name)} --account ${JSON.stringify(want.account)}`,
        );
      if (want.role !== null && found.role !== want.role)
        throw new UsageError(
          `${found.name} is known as a ${found.role}, not a ${want.role}`,
          `to change it: pm contact set ${JSON.stringify(found.name)} --role ${want.role}`,
        );
      if (want.segment !== null) {
        if (found.segment === null) fill.segment = want.segment;
        else if (found.segment !== want.segment)
          throw new UsageError(
            `${found.name} is in segment ${JSON.stringify(found.segment)}, not ${JSON.stringify(want.segment)}`,
            `to change it: pm contact set ${JSON.stringify(found.name)} --segment ${JSON.stringify(want.segment)}`,
          );
      }
      if (!planned.some((p) => p.existing?.id === found!.id)) planned.push({ existing: found, person, fill });
    } else {
      if (want.account === null) {
        const guess = closest(person.name, knownNames(db, 'contacts'));
        throw new UsageError(
          `${JSON.stringify(person.name)} is a new contact: say which account they belong to with --account ORG`,
          guess
            ? `did you mean ${JSON.stringify(guess)}? try: pm log --with ${JSON.stringify(guess)} …`
            : `try: pm log --with ${JSON.stringify(person.email ? `${person.name} <${person.email}>` : person.name)} --account "Their company" …`,
        );
      }
      const twin = planned.find(
        (p) =>
          !p.existing && p.person.name.toLowerCase() === person.name.toLowerCase() && p.person.email === person.email,
      );
      if (!twin) planned.push({ person });
    }
  }
  let account: Participants['account'];
  if (want.account !== null)
    account = accountRow ? { id: accountRow.id, name: accountRow.name } : { name: want.account };
  else {
    const accounts = new Map(planned.map((p) => [p.existing!.accountId, p.existing!.account]));
    if (accounts.size > 1)
      throw new UsageError(
        `these people are from different accounts (${[...accounts.values()].join(', ')}); an interview has one account`,
        'log a call with two companies once per company, with --account',
      );
    const [id, name] = [...accounts.entries()][0];
    account = { id, name };
  }
  return { account, contacts: planned };
}

export interface AppliedParticipants {
  accountId: number;
  accountName: string;
  contactIds: number[];
  newAccount: boolean;
  newContacts: { name: string; role: Role }[];
}

/** Create what is new (account, contacts) and fill in what known contacts lacked. */
export function applyParticipants(
  db: DB,
  p: Participants,
  role: Role | null,
  segment: string | null,
): AppliedParticipants {
  let accountId = p.account.id;
  const newAccount = accountId === undefined;
  if (accountId === undefined) accountId = insertAccount(db, newUuid(db), p.account.name, segment);
  const contactIds: number[] = [];
  const newContacts: AppliedParticipants['newContacts'] = [];
  for (const c of p.contacts) {
    if (c.existing) {
      if (c.fill?.email !== undefined && !contactByEmail(db, c.fill.email))
        updateContact(db, c.existing.id, { email: c.fill.email });
      if (c.fill?.segment !== undefined) updateContact(db, c.existing.id, { segment: c.fill.segment });
      contactIds.push(c.existing.id);
    } else {
      const r = role ?? 'customer';
      contactIds.push(
        insertContact(db, {
          uuid: newUuid(db),
          name: c.person.name,
          email: c.person.email,
          accountId,
          role: r,
          segment,
        }),
      );
      newContacts.push({ name: c.person.name, role: r });
    }
  }
  return { accountId, accountName: p.account.name, contactIds, newAccount, newContacts };
}

/** Unknown hypothesis ids are usage errors; killed or invalidated ones are accepted with a warning. */
export function checkEvidenceTargets(db: DB, evidence: EvidenceRequest[]): string[] {
  const found = hypothesesByRowId(
    db,
    evidence.map((e) => e.hypothesis),
  );
  const known = new Map(found.map((h) => [h.rowid, h]));
  const unknown = evidence.filter((e) => !known.has(e.hypothesis)).map((e) => `H${e.hypothesis}`);
  if (unknown.length)
    throw new UsageError(
      `unknown hypothesis ${unknown.join(', ')}; nothing was logged`,
      'try: pm hyp list --status all',
    );
  return found
    .filter((h) => h.status === 'killed' || h.status === 'invalidated')
    .map(
      (h) =>
        `${h.id} is ${h.status} ("${safeLine(h.statement).slice(0, 60)}"); the evidence is recorded anyway (pm hyp reopen ${h.id} to pursue it again)`,
    );
}

// ---------------------------------------------------------------------------------------------
// Saving

export interface LogResult {
  record: InterviewRecord;
  notes: string[];
  warnings: string[];
}

function saveDraft(db: DB, draft: LogDraft, defaultBy: string): LogResult {
  const warnings = checkEvidenceTargets(db, draft.evidence);
  const participants = matchParticipants(db, draft);
  const applied = applyParticipants(db, participants, draft.role, draft.segment);
  const rowid = insertInterview(
    db,
    newUuid(db),
    {
      date: draft.date,
      channel: draft.channel,
      accountId: applied.accountId,
      by: draft.by ?? defaultBy,
      minutes: draft.minutes,
      summary: draft.summary,
      notes: draft.notes,
      followUp: draft.followUp,
      followUpDone: false,
    },
    new Date().toISOString(),
  );
  setInterviewContacts(db, rowid, applied.contactIds);
  setInterviewList(db, rowid, 'pains', draft.pains);
  setInterviewList(db, rowid, 'quotes', draft.quotes);
  setInterviewList(db, rowid, 'tags', draft.tags);
  for (const e of draft.evidence) linkEvidence(db, e.hypothesis, rowid, e.direction, e.strength);
  reindexInterview(db, rowid);
  const notes: string[] = [];
  if (applied.newAccount) notes.push(`new account: ${safeLine(applied.accountName)}`);
  for (const c of applied.newContacts) {
    // a namesake elsewhere is often the same person named without --account's right value
    const elsewhere = namesakesElsewhere(db, c.name, applied.accountId);
    notes.push(
      `new contact: ${safeLine(c.name)} (${c.role}, ${safeLine(applied.accountName)})` +
        (elsewhere.length
          ? ` — another ${safeLine(c.name)} is at ${elsewhere.map((e) => safeLine(e.account)).join(', ')}; if it is the same person: pm contact merge`
          : ''),
    );
  }
  return { record: loadInterview(db, rowid)!, notes, warnings };
}

/** Write a checked draft in one transaction; validates against an empty journal first if none exists. */
export function saveLog(ctx: Context, draft: LogDraft): LogResult {
  // A journal that does not exist yet must not be created by a log that then fails: check against
  // the empty stand-in first (its transaction is rolled back).
  if (!journalExists(ctx.dbPath)) {
    const reading = ctx.read();
    const probe = reading.db.transaction(() => {
      saveDraft(reading.db, draft, 'probe');
      throw new Probe();
    });
    try {
      probe();
    } catch (err) {
      if (!(err instanceof Probe)) throw err;
    }
  }
  return ctx.transaction(({ db }) => {
    ctx.invalidateConfig();
    return saveDraft(db, draft, ctx.defaultBy(ctx.config()));
  });
}

class Probe extends Error {}

function journalExists(path: string): boolean {
  try {
    return statSync(path).size > 0;
  } catch {
    return false;
  }
}

/** `Logged I12 · call with Jane Roe (Acme) on 2026-11-20` */
export function loggedLine(r: InterviewRecord): string {
  const people = r.with.map(safeLine);
  const names =
    people.length <= 2 ? people.join(' and ') : `${people.slice(0, -1).join(', ')} and ${people[people.length - 1]}`;
  const what = names
    ? `${r.channel} with ${names} (${safeLine(r.account)})`
    : `${r.channel} signal from ${safeLine(r.account)}`;
  return `Logged ${r.id} · ${what} on ${r.date}`;
}

export function report(ctx: Context, result: LogResult): void {
  for (const w of result.warnings) ctx.warn(w);
  for (const n of result.notes) ctx.info(n);
  if (ctx.json) ctx.printJson(result.record);
  else ctx.out(loggedLine(result.record));
}

export async function log(ctx: Context, opts: LogOptions): Promise<void> {
  if (opts.summary === undefined && ctx.interactive && !ctx.json) {
    const { logInteractive } = await import('./log-interactive.js');
    await logInteractive(ctx, opts);
    return;
  }
  const draft = draftFromOptions(opts, ctx.today);
  report(ctx, saveLog(ctx, draft));
}
