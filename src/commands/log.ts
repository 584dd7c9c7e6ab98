// `pm log`: record an interview. Scripted from flags, or interactive on a terminal when --summary
// is not given (src/commands/log-interactive.ts, which loads inquirer only then).
// Everything that can be checked without the journal is checked first (text limits, dates, ids'
// shapes: draftFromOptions in src/core/interviews.ts); then matching and writing happen in one BEGIN
// IMMEDIATE transaction, so a failure anywhere leaves the journal as it was.
import { statSync } from 'node:fs';
import { farDateWarnings } from '../core/dates.js';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { readLimited, readTypedStdin } from '../io.js';
import { LIMITS, checkText, decodeUtf8, didYouMean, nearNames, safeLine } from '../core/text.js';
import { isShortRef, localId } from '../db/refs.js';
import {
  draftFromOptions,
  notCustomerContact,
  whereFrom,
  type InterviewRecord,
  type LogDraft,
  type LogOptions,
} from '../core/interviews.js';
import type { ContactRow, Person, Role } from '../core/contacts.js';
import type { EvidenceRequest } from '../core/evidence.js';
import { newUuid, statementJournalInMemory, type DB } from '../db/journal.js';
import {
  loadInterview,
  markLoggedHere,
  openFollowUps,
  repeatedInterview,
  type OpenFollowUp,
} from '../db/interviews.js';
import { InterviewWriter } from '../db/interview-writer.js';
import { accountById, findAccount, insertAccount, updateAccount } from '../db/accounts.js';
import { accountOnceNamed, formerNameOf } from './former-names.js';
import {
  bracketedAccount,
  contactByEmail,
  contactByUuid,
  contactRefFor,
  contactsByName,
  contactsByNameInAccount,
  insertContact,
  knownNames,
  namesakesOf,
  updateContact,
} from '../db/contacts.js';
import { hypothesesByRowId } from '../db/evidence.js';
import { FORGOTTEN_NAME } from '../core/contacts.js';
import { clipWords } from '../render/wrap.js';
import { journeyStages } from '../core/config.js';
import { parseStage } from '../core/journey.js';
import { painSeverityWarnings } from '../core/pains.js';
import { nearTwins } from '../core/opportunities.js';
import { heardPainTexts, namedOpportunities, painTextHeard } from '../db/opportunities.js';
import { nameKey } from '../core/identity.js';
import { predatesDecision } from '../core/hypotheses.js';
import {
  accountLookalikeWarnings,
  colleagueFirstNameWarnings,
  contactLookalikeWarnings,
  erasedPersonWarnings,
  refuseErasedMention,
  refuseErasedPerson,
  nearAccountWarnings,
  nearContactWarnings,
  sameAccountNearWarnings,
} from './identity-warnings.js';
import { lookalikeAccounts, lookalikeContacts } from '../db/identity.js';
import { settleSignals } from '../interrupt.js';

/** What a file-system error means to whoever typed the path. */
const FILE_ERRORS: Record<string, string> = {
  ENOENT: 'no such file',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'it is a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'a loop of symbolic links',
  ENAMETOOLONG: 'the path is too long',
};

/** Notes from --notes, or --notes-file PATH (`-` = stdin), read as strict UTF-8. */
export function readNotes(opts: { notes?: string; notesFile?: string }): string | null {
  if (opts.notes !== undefined && opts.notesFile !== undefined)
    throw new UsageError('give --notes or --notes-file, not both');
  if (opts.notesFile !== undefined) {
    let bytes: Buffer;
    try {
      // never more than the limit is read (--notes-file /dev/zero), and a NUL stops it at once
      bytes = readLimited(opts.notesFile, LIMITS.notes, '--notes-file', true);
    } catch (err) {
      if (err instanceof UsageError && /larger than/.test(err.message))
        throw new UsageError('notes are longer than 5 MB (--notes-file); that is the limit');
      if (err instanceof UsageError) throw err;
      const code = (err as NodeJS.ErrnoException).code ?? '';
      throw new UsageError(
        `cannot read --notes-file ${opts.notesFile}: ${FILE_ERRORS[code] ?? (err as Error).message}`,
      );
    }
    const what = opts.notesFile === '-' ? '--notes-file - (stdin)' : `--notes-file ${opts.notesFile}`;
    const text = decodeUtf8(bytes, what);
    if (text.trim() === '') {
      throw new UsageError(
        `${what} is empty: no notes to store`,
        'put the notes in the file (or pipe them into --notes-file -), or leave --notes-file out',
      );
    }
    return checkText('notes', text, LIMITS.notes);
  }
  if (opts.notes !== undefined) return checkText('--notes', opts.notes, LIMITS.notes);
  return null;
}

// ---------------------------------------------------------------------------------------------
// Matching people and accounts (reads only; writes happen in applyParticipants)

interface PlannedContact {
  existing?: ContactRow;
  person: Person;
  fill?: { email?: string; segment?: string; persona?: string };
}

export interface Participants {
  /** null: a signal from a source alone, with no account */
  account: { id?: number; name: string } | null;
  contacts: PlannedContact[];
  /** --account as typed, a former name of the account (account_names) */
  formerly?: string;
}

/**
 * A colleague: someone inside the business (role stakeholder). The contract: "a colleague joining the
 * call changes nothing", so they may join a conversation at any account without changing its account.
 */
export function isColleague(c: ContactRow): boolean {
  return c.role === 'stakeholder';
}

function who(c: ContactRow): string {
  return `${c.name}${c.email ? ` <${c.email}>` : ''} (${c.account}, ${c.role})`;
}

/**
 * Find the people and the account of an interview as the contract says: by email, else by name
 * within the account, else (without --account) by a name unique across accounts. Contradictions
 * and ambiguity are usage errors; nothing is written here.
 */
/**
 * A new name that is known people joined by "," "&" "+" or "and" ("Jane Roe, Raj Patel") is a call
 * with several people written the natural way, not one new contact (fresh-eyes wave 11 E4: the new
 * contact "Jane Roe, Raj Patel" counted for neither, in follow-ups, accounts going cold, coverage).
 */
export function refuseListedPeople(db: DB, person: Person): void {
  const parts = listedPeople(db, person);
  if (!parts) return;
  throw new UsageError(
    `${JSON.stringify(safeLine(person.name))} names ${parts.length} known contacts; pm logs each person apart`,
    `repeat --with, one a person: ${parts.map((p) => `--with ${JSON.stringify(safeLine(p))}`).join(' ')}`,
  );
}

/** The known people a new name joins ("Jane Roe, Raj Patel" → both), or undefined when it is one name. */
export function listedPeople(db: DB, person: Person): string[] | undefined {
  if (person.email) return undefined;
  const parts = person.name.split(/\s*(?:,|&|\+|\band\b)\s*/i).filter((p) => p.trim() !== '');
  return parts.length >= 2 && parts.every((p) => contactsByName(db, p).length > 0) ? parts : undefined;
}

/**
 * "Jane Roe (Bluebird)" typed for the Jane Roe of Acme names an account that is not hers: refused as a
 * known person at another --account is, with both ways on (moved, or someone else of that name).
 */
export function refuseOtherAccount(db: DB, typed: NonNullable<ReturnType<typeof bracketedAccount>>): void {
  if (typed.at.length > 0) return;
  const accounts = [...new Set(typed.named.map((c) => safeLine(c.account)))].join(' and ');
  const [name, account] = [JSON.stringify(safeLine(typed.name)), JSON.stringify(safeLine(typed.account))];
  throw new UsageError(
    `${safeLine(typed.named[0].name)} is a contact at ${accounts}, not ${safeLine(typed.account)}`,
    `if they moved: pm contact set ${contactRefFor(db, typed.named[0])} --account ${account}; ` +
      `someone else of that name: pm log --with ${name} --account ${account} …`,
  );
}

/**
 * "Jane Roe <jane@acme>" for the Jane Roe known with jane@acme.test, and no --account: the email that
 * differs is said, with the --with of the known person; "Jane Roe is a new contact … did you mean
 * Jane Roe?" named the same text twice and never what differed (fresh-eyes wave 12 G4).
 */
function refuseOtherEmail(db: DB, person: Person): void {
  const namesakes = person.email ? contactsByName(db, person.name).filter((c) => c.email !== null) : [];
  if (namesakes.length === 0) return;
  const email = safeLine(person.email!);
  const has = namesakes.map((c) => `${safeLine(c.name)} (${safeLine(c.account)}) has ${safeLine(c.email!)}`);
  const known = namesakes.map((c) => `--with ${JSON.stringify(safeLine(`${c.name} <${c.email}>`))}`);
  throw new UsageError(
    `${has.join('; ')}, not ${email}: a typo?`,
    `if it is ${namesakes.length === 1 ? 'them' : 'one of them'}: pm log ${known.join(' or ')} …; ` +
      `someone else of that name: pm log --with ${JSON.stringify(safeLine(`${person.name} <${email}>`))} ` +
      '--account "Their company" …',
  );
}

/**
 * A colleague's bare name with an account pm does not know yet: the colleague at a meeting about a new
 * company, or the new company's own person of that name? Either is as likely, and it was always the
 * latter, a customer, so the meeting counted as customer contact (fresh-eyes wave 17 H11). Refused, with
 * the colleague as pm prints them (which names them at any account) and --role for someone new.
 */
function refuseColleagueAtNewAccount(db: DB, name: string, account: string): void {
  const colleagues = contactsByName(db, name).filter(isColleague);
  if (colleagues.length === 0) return;
  const [typed, at] = [JSON.stringify(safeLine(name)), JSON.stringify(safeLine(account))];
  const them = colleagues.map((c) => `${safeLine(c.name)} (${c.role}, ${safeLine(c.account)})`).join(', ');
  const refs = colleagues.map((c) => {
    const ref = contactRefFor(db, c);
    return ref.startsWith('"') ? ref : JSON.stringify(safeLine(`${c.name} <${c.email ?? 'their email'}>`));
  });
  throw new UsageError(
    `${typed} is your colleague${colleagues.length > 1 ? 's' : ''} ${them}, and ${safeLine(account)} is a new ` +
      'account: pm cannot tell whether they were there or someone new of that name',
    `your colleague: --with ${refs.join(' or --with ')}; someone new at ${safeLine(account)} called ` +
      `${safeLine(name)}: --with ${typed} --account ${at} --role customer (or with their email)`,
  );
}

export function matchParticipants(
  db: DB,
  wanted: {
    people: Person[];
    account: string | null;
    role: Role | null;
    segment: string | null;
    persona?: string | null;
  },
): Participants {
  const found = wanted.account !== null ? findAccount(db, wanted.account) : undefined;
  // a name the account had before a rename or merge is that account (account_names): a new account of
  // that name would split again what the merge joined; the note says so (docs/decisions.md)
  const formerly = wanted.account !== null && !found ? wanted.account : undefined;
  const accountRow = formerly === undefined ? found : accountOnceNamed(db, formerly, '--account');
  const want = formerly !== undefined && accountRow ? { ...wanted, account: accountRow.name } : wanted;
  const planned: PlannedContact[] = [];
  let roleClash: ContactRow | undefined;
  for (let person of want.people) {
    if (person.name.trim().toLowerCase() === FORGOTTEN_NAME.toLowerCase())
      throw new UsageError(
        `"${FORGOTTEN_NAME}" stands for the people erased with pm forget; nothing new can be logged with them`,
        'name the person you talked to',
      );
    let found: ContactRow | undefined;
    const fill: PlannedContact['fill'] = {};
    if (person.email) found = contactByEmail(db, person.email);
    // "Jane Roe (Acme)", as pm prints her, is Jane Roe at Acme
    // with --account, brackets naming neither it nor the person's own account are part of the name
    // (review wave 13 R3: "Mia Chen (CFO)" --account Bluebird)
    let typed = bracketedAccount(db, person);
    if (typed && want.account !== null && typed.at.length === 0 && nameKey(typed.account) !== nameKey(want.account))
      typed = undefined;
    if (typed) {
      refuseOtherAccount(db, typed);
      person = { name: typed.name, email: null };
    }
    if (!found) {
      let candidates: ContactRow[];
      if (typed) candidates = typed.at;
      else if (want.account !== null)
        candidates = accountRow ? contactsByNameInAccount(db, person.name, accountRow.id) : [];
      else candidates = contactsByName(db, person.name);
      // a colleague (a stakeholder, of their own account) joins a call at a known account as themselves,
      // named bare; an email, --segment/--persona or --role other than stakeholder describe someone new
      const bareColleague =
        want.account !== null &&
        candidates.length === 0 &&
        !person.email &&
        want.segment === null &&
        want.persona == null &&
        (want.role === null || want.role === 'stakeholder');
      if (bareColleague && accountRow) candidates = contactsByName(db, person.name).filter(isColleague);
      else if (bareColleague) refuseColleagueAtNewAccount(db, person.name, want.account!);
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
      if (want.account !== null && found.accountId !== accountRow?.id && !isColleague(found))
        throw new UsageError(
          `${found.name} is a contact at ${found.account}, not ${want.account}`,
          `if they moved: pm contact set ${JSON.stringify(found.name)} --account ${JSON.stringify(want.account)}`,
        );
      // --role is for the people met for the first time: it contradicts a known person only when nobody is new
      if (want.role !== null && found.role !== want.role) roleClash ??= found;
      if (want.segment !== null) {
        if (found.segment === null) fill.segment = want.segment;
        else if (found.segment !== want.segment)
          throw new UsageError(
            `${found.name} is in segment ${JSON.stringify(found.segment)}, not ${JSON.stringify(want.segment)}`,
            `to change it: pm contact set ${JSON.stringify(found.name)} --segment ${JSON.stringify(want.segment)}`,
          );
      }
      if (want.persona != null) {
        if (found.persona === null) fill.persona = want.persona;
        else if (found.persona !== want.persona)
          throw new UsageError(
            `${found.name} is known as ${JSON.stringify(found.persona)}, not ${JSON.stringify(want.persona)}`,
            `to change it: pm contact set ${JSON.stringify(found.name)} --persona ${JSON.stringify(want.persona)}`,
          );
      }
      if (!planned.some((p) => p.existing?.id === found!.id)) planned.push({ existing: found, person, fill });
    } else {
      refuseListedPeople(db, person);
      if (want.account === null) {
        refuseOtherEmail(db, person);
        // "Jose Nunez" for José Núñez is three edits apart: the accent-folded match first (E5)
        const known = knownNames(db, 'contacts');
        // and "Jane" for the one Jane Roe: its hint (--account) made a second Jane at her account (wave 14 H2)
        const guesses = nearNames(person.name, known);
        const guess = guesses[0];
        throw new UsageError(
          `${JSON.stringify(person.name)} is a new contact: say which account they belong to with --account ORG`,
          guess
            ? `${didYouMean(guesses)} try: pm log --with ${JSON.stringify(guess)} …`
            : `try: pm log --with ` +
                `${JSON.stringify(person.email ? `${person.name} <${person.email}>` : person.name)} --account ` +
                `"Their company" …`,
        );
      }
      // a known customer named bare at another account with --role stakeholder (meant for a new colleague
      // beside them) would be duplicated as a stakeholder there
      const elsewhere =
        want.role === 'stakeholder' && !person.email
          ? contactsByName(db, person.name).filter((c) => !isColleague(c) && c.accountId !== accountRow?.id)
          : [];
      if (elsewhere.length)
        throw new UsageError(
          `${elsewhere[0].name} is a ${elsewhere[0].role} at ${elsewhere[0].account}; --role stakeholder would make ` +
            `a second ${elsewhere[0].name}, a stakeholder of ${want.account}`,
          `--role is for the people met for the first time: pm log --with ${JSON.stringify(elsewhere[0].name)} … ` +
            `--account ${JSON.stringify(elsewhere[0].account)} --role stakeholder; someone else: give their email`,
        );
      const twin = planned.find(
        (p) =>
          !p.existing &&
          nameKey(p.person.name) === nameKey(person.name) &&
          (p.person.email === null ? null : nameKey(p.person.email)) ===
            (person.email === null ? null : nameKey(person.email)),
      );
      refuseErasedPerson(db, person, want.account);
      if (!twin) planned.push({ person });
    }
  }
  if (roleClash && planned.every((p) => p.existing))
    throw new UsageError(
      `${roleClash.name} is known as a ${roleClash.role}, not a ${want.role}`,
      `to change it: pm contact set ${JSON.stringify(roleClash.name)} --role ${want.role}`,
    );
  let account: Participants['account'];
  if (want.account !== null)
    account = accountRow ? { id: accountRow.id, name: accountRow.name } : { name: want.account };
  else if (planned.length === 0) account = null;
  else {
    // the account is the one of the people who are not colleagues; colleagues alone meet at theirs
    const guests = planned.filter((p) => !isColleague(p.existing!));
    const accounts = new Map(
      (guests.length ? guests : planned).map((p) => [p.existing!.accountId, p.existing!.account]),
    );
    if (accounts.size > 1)
      throw new UsageError(
        `these people are from different accounts (${[...accounts.values()].join(', ')}); an interview has one account`,
        'log a call with two companies once per company, with --account',
      );
    const [id, name] = [...accounts.entries()][0];
    account = { id, name };
  }
  return { account, contacts: planned, ...(formerly !== undefined && accountRow ? { formerly } : {}) };
}

export interface AppliedParticipants {
  /** null: a signal from a source alone */
  accountId: number | null;
  accountName: string | null;
  contactIds: number[];
  newAccount: boolean;
  newContacts: { uuid: string; name: string; email: string | null; role: Role }[];
}

/** Create what is new (account, contacts) and fill in what known contacts lacked. */
export function applyParticipants(
  db: DB,
  p: Participants,
  role: Role | null,
  segment: string | null,
  persona: string | null = null,
): AppliedParticipants {
  let accountId = p.account === null ? null : p.account.id;
  const newAccount = accountId === undefined;
  if (accountId === undefined) accountId = insertAccount(db, newUuid(db), p.account!.name, segment);
  const contactIds: number[] = [];
  const newContacts: AppliedParticipants['newContacts'] = [];
  for (const c of p.contacts) {
    if (c.existing) {
      if (c.fill?.email !== undefined && !contactByEmail(db, c.fill.email))
        updateContact(db, c.existing.id, { email: c.fill.email });
      if (c.fill?.segment !== undefined) updateContact(db, c.existing.id, { segment: c.fill.segment });
      if (c.fill?.persona !== undefined) updateContact(db, c.existing.id, { persona: c.fill.persona });
      contactIds.push(c.existing.id);
    } else {
      const r = role ?? 'customer';
      const uuid = newUuid(db);
      // a new person comes with --account (matchParticipants), so there is an account here
      contactIds.push(
        insertContact(db, {
          uuid,
          name: c.person.name,
          email: c.person.email,
          accountId: accountId!,
          role: r,
          segment,
          persona,
        }),
      );
      newContacts.push({ uuid, name: c.person.name, email: c.person.email, role: r });
    }
  }
  return { accountId, accountName: p.account?.name ?? null, contactIds, newAccount, newContacts };
}

/**
 * `--segment` at a known account (fresh-eyes wave 13 H15): coverage, themes and the report count the
 * account's segment, so an account with none takes it, as a new account does, and a note says so; one
 * in another segment keeps its own, and the warning says the call is counted there and how to change
 * the account.
 */
function accountSegment(
  db: DB,
  applied: AppliedParticipants,
  segment: string | null,
): { note?: string; warning?: string } | null {
  if (segment === null || applied.accountId === null || applied.newAccount) return null;
  const account = accountById(db, applied.accountId);
  if (account.segment === null) {
    updateAccount(db, account.id, { segment });
    return {
      note: `${account.name}'s segment: ${segment} (it had none; coverage and themes count its conversations there)`,
    };
  }
  if (account.segment === segment) return null;
  return {
    warning:
      `${safeLine(account.name)} is in segment ${JSON.stringify(safeLine(account.segment))}: coverage, themes and ` +
      `the report count this call there (${JSON.stringify(safeLine(segment))} is kept on the person); to move the ` +
      `account: pm account set ${JSON.stringify(safeLine(account.name))} ` +
      `--segment ${JSON.stringify(safeLine(segment))}`,
  };
}

/**
 * Unknown hypothesis ids are usage errors; killed or invalidated ones, and validated ones refuted, are
 * accepted with a warning.
 */
export function checkEvidenceTargets(db: DB, evidence: EvidenceRequest[], date: string): string[] {
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
  // a validated one refuted (that very day too: fresh-eyes wave 13 H5) is what the report's
  // evidence-after-validate flag will ask about: say so now, while the user can act on it
  const refuting = new Set(evidence.filter((e) => e.direction === 'refutes').map((e) => e.hypothesis));
  // refuting a killed one confirms the decision (no evidence-after-kill): nothing to warn about; a
  // conversation dated before the decision was known when it was made, and raises no flag after it
  // (afterDecision's rule: a new one dated the decision's day is logged after it): no reopen to offer
  return found.flatMap((h) =>
    (h.status === 'killed' || h.status === 'invalidated') && refuting.has(h.rowid)
      ? []
      : h.decidedOn !== null && date < h.decidedOn && (h.status !== 'validated' || refuting.has(h.rowid))
        ? [predatesDecision(h.id, h.status, h.decidedOn, date)]
        : h.status === 'killed' || h.status === 'invalidated'
          ? [
              `${h.id} is ${h.status} ("${safeLine(h.statement).slice(0, 60)}"); the evidence is recorded anyway (pm ` +
                `hyp reopen ${h.id} --reason "…" to pursue it again)`,
            ]
          : h.status === 'validated' && refuting.has(h.rowid)
            ? [
                `${h.id} is validated ("${safeLine(h.statement).slice(0, 60)}") and this refutes it: recheck it ` +
                  `(pm hyp show ${h.id}; pm hyp reopen ${h.id} --reason "…" to decide again)`,
              ]
            : [],
  );
}

// ---------------------------------------------------------------------------------------------
// Saving

/** "new contact: …" for each person created, with the namesake note and its merge command. */
export function newContactNotes(db: DB, applied: AppliedParticipants): string[] {
  const notes: string[] = [];
  for (const c of applied.newContacts) {
    // a namesake elsewhere is often the same person named without --account's right value; one at the
    // same account, the same person under another email (else --with "NAME" can no longer tell them apart)
    const all = namesakesOf(db, c.name, c.uuid);
    const here = all.filter((e) => e.accountId === applied.accountId);
    const others = [...here, ...all.filter((e) => e.accountId !== applied.accountId)];
    // the exact command: the new contact folds into the one already there (the first, when several)
    const ref = (e: ContactRow) =>
      e.accountId === applied.accountId && e.email ? JSON.stringify(e.email) : contactRefFor(db, e);
    const merge = others.length ? `pm contact merge ${ref(contactByUuid(db, c.uuid)!)} ${ref(others[0])}` : '';
    const where = (e: ContactRow) =>
      safeLine(e.account) + (e.accountId === applied.accountId && e.email ? ` with ${safeLine(e.email)}` : '');
    notes.push(
      `new contact: ${safeLine(c.name)} (${c.role}, ${safeLine(applied.accountName!)})` +
        (others.length
          ? ` — another ${safeLine(c.name)} is at ${others.map(where).join(', ')}; if it ` +
            `is the same person: ${safeLine(merge)}`
          : ''),
    );
  }
  return notes;
}

export interface LogResult {
  record: InterviewRecord;
  notes: string[];
  warnings: string[];
  /** the open follow-ups of earlier conversations that this customer conversation answers */
  answers: OpenFollowUp[];
}

/**
 * A new pain a letter, a hyphen or a plural off a pain or opportunity heard before (fresh-eyes wave 15
 * H8): it would rank as an opportunity of its own, so the warning names the merge that joins them.
 */
function painTwinWarnings(db: DB, pains: string[]): string[] {
  const warnings: string[] = [];
  for (const [pain, twin] of painTwins(db, pains)) {
    const [a, b] = [JSON.stringify(safeLine(pain.trim())), JSON.stringify(safeLine(twin))];
    warnings.push(`pain ${a} is close to ${b}; if it is the same: pm opportunity merge ${a} ${b}`);
  }
  return warnings;
}

/**
 * Each new pain with the name heard before that it is a near twin of (nearTwins), in order. A pain
 * heard before word for word has none (it joins what it joined before: its key is a heard text's), so
 * only the others read every text heard and key each: for a pain heard before, as most are, that
 * cost a log ~0.4 ms of its ~45 (docs/performance.md, wave 18).
 */
export function painTwins(db: DB, pains: string[]): [string, string][] {
  const fresh = pains.filter((pain) => !painTextHeard(db, pain));
  if (fresh.length === 0) return [];
  const named = namedOpportunities(db);
  const texts = heardPainTexts(db);
  const twins: [string, string][] = [];
  for (const pain of fresh) {
    const [twin] = nearTwins(pain, named, texts);
    if (twin !== undefined) twins.push([pain, twin]);
  }
  return twins;
}

function saveDraft(db: DB, draft: LogDraft, defaultBy: string, stages: string[]): LogResult {
  const stage = draft.stage === null ? null : parseStage(draft.stage, stages);
  const warnings = checkEvidenceTargets(db, draft.evidence, draft.date);
  warnings.push(
    ...painTwinWarnings(
      db,
      draft.pains.map((p) => p.text),
    ),
  );
  const participants = matchParticipants(db, draft);
  const applied = applyParticipants(db, participants, draft.role, draft.segment, draft.persona);
  const segment = accountSegment(db, applied, draft.segment);
  if (segment?.warning) warnings.push(segment.warning);
  refuseErasedMention(
    db,
    writtenTexts(draft),
    participants.contacts.map((p) => p.existing?.name ?? p.person.name),
  );
  const rowid = new InterviewWriter(db).insert(
    newUuid(db),
    {
      date: draft.date,
      channel: draft.channel,
      accountId: applied.accountId,
      source: draft.source,
      by: draft.by ?? defaultBy,
      minutes: draft.minutes,
      summary: draft.summary,
      notes: draft.notes,
      followUp: draft.followUp,
      followUpDone: false,
      stage,
      contactIds: applied.contactIds,
      pains: draft.pains,
      quotes: draft.quotes,
      tags: draft.tags,
    },
    new Date().toISOString(),
    draft.evidence.map((e) => ({
      hypothesisId: e.hypothesis,
      direction: e.direction,
      strength: e.strength,
      basis: e.basis,
    })),
  );
  markLoggedHere(db, rowid);
  const record = loadInterview(db, rowid)!;
  warnings.unshift(...painSeverityWarnings(draft.pains, record.id));
  // the same call entered twice counts twice toward the target: said, the write kept (two calls a day
  // happen), with the way to undo it (fresh-eyes wave 18 H9)
  const twin = repeatedInterview(db, rowid);
  if (twin !== null) warnings.push(repeatLine(record, twin));
  // a customer conversation with someone owed a follow-up is that follow-up (issue 15)
  const answers = record.kind === 'customer' ? openFollowUps(db, applied.contactIds, draft.date, rowid) : [];
  const notes: string[] = [];
  for (const f of answers)
    notes.push(`answers the follow-up of ${f.id} (due ${f.followUp}: ${clipWords(safeLine(f.summary), 60)})`);
  if (applied.newAccount) notes.push(`new account: ${safeLine(applied.accountName!)}`);
  if (participants.formerly !== undefined)
    notes.push(`${formerNameOf(participants.formerly, [applied.accountName!])}: logged there`);
  if (segment?.note) notes.push(safeLine(segment.note));
  notes.push(...newContactNotes(db, applied));
  warnings.push(...identityWarningsOf(db, applied));
  return { record, notes, warnings, answers };
}

/** The text an interview's flags (or prompts) write, by flag, as refuseErasedMention reads it. */
export function writtenTexts(d: {
  summary?: string;
  by?: string | null;
  notes?: string | null;
  source?: string | null;
  pains?: { text: string }[];
  quotes?: string[];
  tags?: string[];
}): [string, string | null | undefined][] {
  return [
    ['--summary', d.summary],
    ['--notes', d.notes],
    ['--source', d.source],
    ['--by', d.by],
    ...(d.pains ?? []).map((p): [string, string] => ['--pain', p.text]),
    ...(d.quotes ?? []).map((q): [string, string] => ['--quote', q]),
    ...(d.tags ?? []).map((t): [string, string] => ['--tag', t]),
  ];
}

/** `I2 repeats I1: call with Jane (Acme) on 2026-12-07, the same summary; if it is one conversation: …` */
function repeatLine(r: InterviewRecord, twin: string): string {
  return (
    `${r.id} repeats ${twin}: ${conversationText(r)}, the same summary; ` +
    `if it is one conversation: pm delete ${r.id} --yes`
  );
}

/** What a new contact or account may be by mistake (src/commands/identity-warnings.ts). */
function identityWarningsOf(db: DB, applied: AppliedParticipants): string[] {
  const warnings: string[] = [];
  if (applied.newAccount) {
    const looks = accountLookalikeWarnings(db, 'the new account', applied.accountName!);
    const like = lookalikeAccounts(db, applied.accountName!).map((a) => a.name);
    warnings.push(...looks, ...nearAccountWarnings(db, 'the new account', applied.accountName!, like));
  }
  for (const c of applied.newContacts) {
    warnings.push(...contactLookalikeWarnings(db, 'the new contact', c.name, c.uuid));
    const like = lookalikeContacts(db, c.name).map((o) => o.uuid);
    const near = nearContactWarnings(db, 'the new contact', c.name, c.uuid, like);
    warnings.push(...near);
    if (!applied.newAccount && near.length === 0 && applied.accountId !== null)
      warnings.push(...sameAccountNearWarnings(db, 'the new contact', c.name, c.uuid, applied.accountId, like));
    if (applied.accountId !== null)
      warnings.push(
        ...colleagueFirstNameWarnings(db, 'the new contact', c, { id: applied.accountId, name: applied.accountName! }),
      );
  }
  for (const c of applied.newContacts) warnings.push(...erasedPersonWarnings(db, c, 'logged as a new contact'));
  return warnings;
}

/** Write a checked draft in one transaction; validates against an empty journal first if none exists. */
export function saveLog(ctx: Context, draft: LogDraft): LogResult {
  // A journal that does not exist yet must not be created by a log that then fails: check against
  // the empty stand-in first (its transaction is rolled back).
  if (!journalExists(ctx.dbPath)) {
    const reading = ctx.read();
    const probe = reading.db.transaction(() => {
      saveDraft(reading.db, draft, 'probe', journeyStages(ctx.config()));
      throw new Probe();
    });
    try {
      probe();
    } catch (err) {
      if (!(err instanceof Probe)) throw err;
    }
  }
  statementJournalInMemory(ctx.write().db);
  const saved = ctx.transaction(({ db }) => {
    ctx.invalidateConfig();
    return saveDraft(db, draft, ctx.defaultBy(ctx.config()), journeyStages(ctx.config()));
  });
  saved.warnings.push(...farDateWarnings(draft.date, draft.followUp, ctx.today, saved.record.id));
  return saved;
}

class Probe extends Error {}

/** Whether the journal's file exists and holds something (an empty one is being created). */
export function journalExists(path: string): boolean {
  try {
    return statSync(path).size > 0;
  } catch {
    return false;
  }
}

/**
 * `Logged I12 · call with Jane Roe (Acme) on 2026-11-20`; a stakeholder meeting or a signal says it does
 * not count as customer contact (the report counts only customer conversations toward the target).
 */
export function loggedLine(r: InterviewRecord): string {
  const note = notCustomerContact(r.kind);
  return `Logged ${r.id} · ${conversationText(r)}${note ? ` · ${note}` : ''}`;
}

/** `call with Jane Roe (Acme) on 2026-11-20`, `survey signal from NPS survey on 2026-11-20` */
function conversationText(r: InterviewRecord): string {
  const people = r.with.map(safeLine);
  const names =
    people.length <= 2 ? people.join(' and ') : `${people.slice(0, -1).join(', ')} and ${people[people.length - 1]}`;
  const from = safeLine(whereFrom(r.account, r.source));
  const what = names ? `${r.channel} with ${names} (${from})` : `${r.channel} signal from ${from}`;
  return `${what} on ${r.date}`;
}

/** `layout`: how a line is laid out (the interactive pm log breaks them at words for its terminal). */
export function report(ctx: Context, result: LogResult, layout = (line: string) => line): void {
  for (const w of result.warnings) ctx.warn(w);
  for (const n of result.notes) ctx.info(layout(n));
  if (ctx.json) ctx.printJson(result.record);
  else ctx.out(layout(loggedLine(result.record)));
}

/** --supports/--refutes given as short references (H-0b12cd:strong) name the journal's own ids. */
function withLocalIds(ctx: Context, opts: LogOptions): LogOptions {
  const local = (list?: string[]) =>
    list?.map((e) => {
      const [ref, ...rest] = e.split(':');
      return isShortRef(ref) ? [localId(ctx.read().db, ref), ...rest].join(':') : e;
    });
  return { ...opts, supports: local(opts.supports), refutes: local(opts.refutes) };
}

export async function log(ctx: Context, opts: LogOptions): Promise<void> {
  if (opts.summary === undefined && ctx.interactive && !ctx.json) {
    const { logInteractive } = await import('./log-interactive.js');
    await logInteractive(ctx, opts);
    return;
  }
  await readTypedStdin(opts.notesFile, 'notes', 'interrupted, nothing saved');
  const draft = draftFromOptions(withLocalIds(ctx, opts), ctx.today, () => readNotes(opts));
  if (opts.notesFile === '-') await settleSignals();
  report(ctx, saveLog(ctx, draft));
}
