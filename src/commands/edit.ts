// `pm edit I12|last [log's flags]`: change only the fields given. A repeatable flag replaces its
// whole list; --clear empties one; --follow-up done marks the follow-up done. Evidence changes only
// through `pm hyp link`/`unlink`.
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { LIMITS, checkText, didYouMean, nearNames, safeLine } from '../core/text.js';
import { cut } from '../render/width.js';
import { farDateWarnings, parseDeadline, parsePastDate } from '../core/dates.js';
import { isIndirect, parseChannel } from '../core/channels.js';
import { parsePerson, parseRole } from '../core/contacts.js';
import {
  checkList,
  checkPersona,
  checkSummary,
  followUpAfter,
  notCustomerContact,
  parseMinutes,
  whereFrom,
  type InterviewRecord,
  type LogOptions,
} from '../core/interviews.js';
import { painSeverityWarnings, parsePain } from '../core/pains.js';
import type { InterviewLists } from '../db/interview-writer.js';
import { journeyStages } from '../core/config.js';
import { parseStage } from '../core/journey.js';
import { interviewFields, loadInterview, resolveInterviewRef, type InterviewFields } from '../db/interviews.js';
import { accountById, findAccount, insertAccount } from '../db/accounts.js';
import { accountOnceNamed, formerNameOf } from './former-names.js';
import {
  contactsByName,
  contactsByNameInAccount,
  contactsOfInterview,
  knownNames,
  leftWithoutConversation,
} from '../db/contacts.js';
import { InterviewWriter } from '../db/interview-writer.js';
import { newUuid, type DB } from '../db/journal.js';
import {
  applyParticipants,
  isColleague,
  journalExists,
  matchParticipants,
  newContactNotes,
  readNotes,
  writtenTexts,
} from './log.js';
import { refuseErasedMention } from './identity-warnings.js';
import { checkName, checkTags } from '../core/identity.js';
import { settleSignals } from '../interrupt.js';

export interface EditOptions extends Omit<LogOptions, 'supports' | 'refutes'> {
  clear?: string[];
}

const CLEARABLE = ['tags', 'pains', 'quotes', 'notes', 'follow-up', 'stage', 'source', 'minutes'] as const;
type Clearable = (typeof CLEARABLE)[number];

export interface EditPlan {
  fields: Partial<InterviewFields>;
  followUp?: string | 'done';
  lists: InterviewLists;
  people?: ReturnType<typeof parsePerson>[];
  account?: string;
  role: ReturnType<typeof parseRole> | null;
  segment: string | null;
  persona: string | null;
  /** --stage as typed (checked against journey.stages when applied), or null to clear it */
  stage?: string | null;
}

/** Check every flag without the journal. */
export function planEdit(opts: EditOptions, today: string): EditPlan {
  const clear = new Set<Clearable>();
  for (const c of opts.clear ?? []) {
    const what = c
      .trim()
      .toLowerCase()
      .replace(/^followup$/, 'follow-up') as Clearable;
    if (!CLEARABLE.includes(what))
      throw new UsageError(`--clear: cannot clear ${JSON.stringify(c)}`, `clearable: ${CLEARABLE.join(', ')}`);
    clear.add(what);
  }
  const clash = (flag: string, what: Clearable, given: unknown) => {
    if (given !== undefined && clear.has(what))
      throw new UsageError(`${flag} and --clear ${what} contradict each other`);
  };
  clash('--tag', 'tags', opts.tag);
  clash('--pain', 'pains', opts.pain);
  clash('--quote', 'quotes', opts.quote);
  clash('--notes', 'notes', opts.notes ?? opts.notesFile);
  clash('--follow-up', 'follow-up', opts.followUp);
  clash('--stage', 'stage', opts.stage);
  clash('--source', 'source', opts.source);
  clash('--minutes', 'minutes', opts.minutes);

  const plan: EditPlan = { fields: {}, lists: {}, role: null, segment: null, persona: null };
  const date = opts.date !== undefined ? parsePastDate(opts.date, today, '--date') : undefined;
  if (date !== undefined && date > today)
    throw new UsageError(
      `--date ${date} is in the future`,
      'log a conversation once it has happened; --follow-up takes the date of the next step',
    );
  if (date !== undefined) plan.fields.date = date;
  if (opts.channel !== undefined) plan.fields.channel = parseChannel(opts.channel);
  if (opts.minutes !== undefined) plan.fields.minutes = parseMinutes(opts.minutes);
  if (clear.has('minutes')) plan.fields.minutes = null;
  if (opts.summary !== undefined) plan.fields.summary = checkSummary(opts.summary);
  if (opts.by !== undefined) plan.fields.by = checkText('--by', opts.by, LIMITS.name, { line: true });
  const notes = readNotes(opts);
  if (notes !== null) plan.fields.notes = notes;
  if (clear.has('notes')) plan.fields.notes = null;
  if (opts.followUp !== undefined) {
    const followUp =
      opts.followUp.trim().toLowerCase() === 'done'
        ? 'done'
        : parseDeadline(opts.followUp, today, date ?? today, '--follow-up');
    if (followUp !== 'done' && date !== undefined) followUpAfter(followUp, date);
    plan.followUp = followUp;
  }
  if (clear.has('follow-up')) {
    plan.fields.followUp = null;
    plan.fields.followUpDone = false;
  }
  if (opts.pain !== undefined) plan.lists.pains = opts.pain.map((p) => parsePain(p));
  if (opts.quote !== undefined) plan.lists.quotes = checkList('--quote', opts.quote, LIMITS.quote);
  if (opts.tag !== undefined) plan.lists.tags = checkTags('--tag', opts.tag, LIMITS.tag);
  for (const l of ['pains', 'quotes', 'tags'] as const) if (clear.has(l)) plan.lists[l] = [];
  if (opts.source !== undefined) {
    plan.fields.source = checkText('--source', opts.source.trim(), LIMITS.account);
    if (plan.fields.source === '')
      throw new UsageError('--source is empty', 'try: pm edit I12 --clear source (to remove the source)');
  }
  if (clear.has('source')) plan.fields.source = null;
  if (opts.with !== undefined) plan.people = opts.with.map(parsePerson);
  if (opts.account !== undefined) plan.account = checkName('--account', opts.account, LIMITS.account);
  if (opts.role !== undefined) plan.role = parseRole(opts.role);
  if (opts.segment !== undefined) plan.segment = checkText('--segment', opts.segment, LIMITS.segment);
  if (opts.persona !== undefined) plan.persona = checkPersona(opts.persona);
  if ((plan.role !== null || plan.segment !== null || plan.persona !== null) && plan.people === undefined)
    throw new UsageError(
      '--role, --segment and --persona describe new contacts given with --with',
      'to change a known contact: pm contact set NAME --role R --segment S --persona P',
    );
  if (opts.stage !== undefined) plan.stage = checkText('--stage', opts.stage, LIMITS.stage);
  if (clear.has('stage')) plan.stage = null;
  const nothing =
    plan.stage === undefined &&
    Object.keys(plan.fields).length === 0 &&
    Object.keys(plan.lists).length === 0 &&
    plan.followUp === undefined &&
    plan.people === undefined &&
    plan.account === undefined;
  if (nothing)
    throw new UsageError('nothing to change', 'try: pm edit last --summary "…" (pm edit --help lists the fields)');
  return plan;
}

/**
 * The interview's fields an edit writes: those its flags give, even when a value is the same (the
 * interview is then marked changed, as before). The rest keep their values, so their triggers
 * need not run (InterviewWriter.update); test/unit/edit-columns.test.ts compares with writing all.
 */
export function editedColumns(plan: EditPlan): (keyof InterviewFields)[] {
  const columns = Object.keys(plan.fields) as (keyof InterviewFields)[];
  if (plan.followUp === 'done') columns.push('followUpDone');
  else if (plan.followUp !== undefined) columns.push('followUp', 'followUpDone');
  if (plan.stage !== undefined) columns.push('stage');
  if (plan.people !== undefined || plan.account !== undefined) columns.push('accountId');
  return columns;
}

/** `columns`: the fields to write ('all': every one, the simple path the test compares with). */
export function applyEdit(
  db: DB,
  rowid: number,
  plan: EditPlan,
  stages: string[],
  columns: readonly (keyof InterviewFields)[] | 'all' = editedColumns(plan),
): { record: InterviewRecord; notes: string[] } {
  const current = interviewFields(db, rowid);
  const next: InterviewFields = { ...current, ...plan.fields };
  if (plan.stage !== undefined) next.stage = plan.stage === null ? null : parseStage(plan.stage, stages);
  const notes: string[] = [];
  if (plan.followUp === 'done') {
    if (next.followUp === null)
      throw new UsageError(
        `I${rowid} has no follow-up to mark done`,
        `try: pm edit I${rowid} --follow-up +1w (to set one)`,
      );
    next.followUpDone = true;
  } else if (plan.followUp !== undefined) {
    next.followUp = followUpAfter(plan.followUp, next.date);
    next.followUpDone = false;
  } else if (
    plan.fields.date !== undefined &&
    next.followUp !== null &&
    !next.followUpDone &&
    next.followUp < next.date
  )
    // an open follow-up never falls before its own conversation, as pm log refuses it; one answered now
    // would be open after the move (its answer before the conversation), and is named as pm show names
    // it, not "open" (fresh-eyes wave 18 H6)
    throw new UsageError(
      `I${rowid}'s ${followUpNamed(db, rowid, next.followUp)} would fall before the conversation (${next.date})`,
      `give the next step too: pm edit I${rowid} --date ${next.date} --follow-up +3d (or --clear follow-up)`,
    );
  let contactIds: number[] | undefined;
  if (plan.people !== undefined) {
    const accountName = plan.account ?? (current.accountId === null ? null : accountById(db, current.accountId).name);
    // the interview's own account (no --account): a bare name unique in the journal, at another account, is
    // that person, who is not at this one; refused rather than made a namesake here
    const here = plan.account === undefined && accountName !== null ? findAccount(db, accountName) : undefined;
    for (const p of here && !plan.role ? plan.people : []) {
      if (p.email || contactsByNameInAccount(db, p.name, here!.id).length) continue;
      const named = contactsByName(db, p.name);
      // a new name near a known one is a typo more often than someone new, as pm log asks (wave 14 H7): the
      // junk contact it made stayed in every list; someone new is said with the account, as pm log takes them
      const guesses = named.length === 0 ? nearNames(p.name, knownNames(db, 'contacts')) : [];
      if (guesses.length)
        throw new UsageError(
          `${JSON.stringify(p.name)} is not a contact: ${didYouMean(guesses)}`,
          `try: pm edit I${rowid} --with ${JSON.stringify(guesses[0])}; someone new: pm edit I${rowid} --with ` +
            `${JSON.stringify(p.name)} --account ${JSON.stringify(accountName)}`,
        );
      if (named.length === 1 && !isColleague(named[0]))
        throw new UsageError(
          `${named[0].name} is a contact at ${named[0].account}, not ${accountName} (I${rowid}'s account)`,
          `if the call was with them: pm edit I${rowid} --with ${JSON.stringify(p.name)} --account ` +
            `${JSON.stringify(named[0].account)}; someone new: --with "${p.name} <email>" or --role`,
        );
    }
    const matched = matchParticipants(db, {
      people: plan.people,
      account: accountName,
      role: plan.role,
      segment: plan.segment,
      persona: plan.persona,
    });
    const applied = applyParticipants(db, matched, plan.role, plan.segment, plan.persona);
    if (applied.newAccount) notes.push(`new account: ${safeLine(applied.accountName!)}`);
    if (matched.formerly !== undefined)
      notes.push(`${formerNameOf(matched.formerly, [applied.accountName!])}: set there`);
    notes.push(...newContactNotes(db, applied));
    next.accountId = applied.accountId;
    contactIds = applied.contactIds;
  } else if (plan.account !== undefined) {
    // a former name of an account (renamed or merged into another) is that account, not a new one
    const found = findAccount(db, plan.account);
    const account = found ?? accountOnceNamed(db, plan.account, '--account');
    if (!found && account) notes.push(`${formerNameOf(plan.account, [account.name])}: set there`);
    const present = contactsOfInterview(db, rowid);
    const elsewhere = present.filter((c) => c.accountId !== account?.id && !isColleague(c));
    if (elsewhere.length)
      throw new UsageError(
        `I${rowid}'s contacts are at ${[...new Set(elsewhere.map((c) => c.account))].join(', ')}, not ${plan.account}`,
        `give the people too: pm edit I${rowid} --account ${JSON.stringify(plan.account)} --with "Name"`,
      );
    if (account) next.accountId = account.id;
    else {
      next.accountId = insertAccount(db, newUuid(db), plan.account);
      notes.push(`new account: ${safeLine(plan.account)}`);
    }
  }
  const hasPeople = contactIds ? contactIds.length > 0 : contactsOfInterview(db, rowid).length > 0;
  if (!isIndirect(next.channel) && !hasPeople)
    throw new UsageError(
      `a ${next.channel} needs the people you talked to`,
      `add them: pm edit I${rowid} --with "Name"`,
    );
  if (!isIndirect(next.channel) && next.source !== null)
    throw new UsageError(
      `a ${next.channel} has no source: only a signal (support, sales, review, survey) has one`,
      `remove it too: pm edit I${rowid} --channel ${next.channel} --clear source`,
    );
  if (next.accountId === null && next.source === null)
    throw new UsageError(
      `I${rowid} would come from nowhere: a signal needs an account or a source`,
      `give one: pm edit I${rowid} --account ORG (or --source NAME)`,
    );
  const people = contactIds
    ? contactIds.map(
        (id) => db.prepare('SELECT name, uuid FROM contacts WHERE id = ?').get(id) as { name: string; uuid: string },
      )
    : contactsOfInterview(db, rowid);
  refuseErasedMention(
    db,
    writtenTexts({ ...plan.fields, ...plan.lists }),
    people.map((c) => c.name),
    people.map((c) => c.uuid),
  );
  notes.push(...replacedLines(db, rowid, plan));
  const replaced = contactIds ? contactsOfInterview(db, rowid).filter((c) => !contactIds.includes(c.id)) : [];
  new InterviewWriter(db).update(rowid, {
    fields: next,
    columns: columns === 'all' ? undefined : columns,
    contactIds,
    lists: plan.lists,
  });
  // a person the edit took off, now in no conversation (most often a typo's contact): said as pm delete says it
  notes.push(...leftWithoutConversation(db, replaced));
  return { record: loadInterview(db, rowid)!, notes };
}

/**
 * What a replacing flag throws away, one line a list: --pain, --quote, --tag and --notes replace the
 * whole list (the contract), and a PM who meant "add one more" saw only "Edited …" (wave 10, E11).
 */
function replacedLines(db: DB, rowid: number, plan: EditPlan): string[] {
  if (Object.keys(plan.lists).length === 0 && plan.fields.notes === undefined) return [];
  const before = loadInterview(db, rowid)!;
  const lines: string[] = [];
  const said = (what: string, gone: string[], now: string[]) => {
    if (gone.length === 0) return;
    const list = (xs: string[]) => (xs.length ? xs.map((x) => cut(safeLine(x), 80)).join('; ') : 'nothing');
    lines.push(`replaced ${what}: ${list(gone)} → ${list(now)}`);
  };
  const pain = (p: { text: string; severity: string }) => `${p.text} (${p.severity})`;
  const { pains, quotes, tags } = plan.lists;
  if (pains) {
    const now = new Set(pains.map(pain));
    said(
      'pains',
      before.pains.map(pain).filter((p) => !now.has(p)),
      pains.map(pain),
    );
  }
  if (quotes)
    said(
      'quotes',
      before.quotes.filter((q) => !quotes.includes(q)),
      quotes,
    );
  if (tags)
    said(
      'tags',
      before.tags.filter((t) => !tags.includes(t)),
      tags,
    );
  const notes = plan.fields.notes;
  if (notes !== undefined && before.notes && before.notes !== notes)
    lines.push(
      `replaced notes: ${before.notes.length} characters (${cut(safeLine(before.notes), 60)}) → ` +
        (notes ? `${notes.length} characters` : 'nothing'),
    );
  return lines;
}

export async function edit(ctx: Context, ref: string, opts: EditOptions): Promise<void> {
  const plan = planEdit(opts, ctx.today);
  if (opts.notesFile === '-') await settleSignals();
  // a journal not made yet is not made by an edit: the unknown id is refused against the empty
  // stand-in. An existing one is opened for writing at once and the id resolved in the transaction
  // (an unknown one rolls it back, untouched): resolving it first on a read-only connection made
  // SQLite read the schema twice (~1.5 ms).
  if (!journalExists(ctx.dbPath)) resolveInterviewRef(ctx.read().db, ref);
  const { record, notes, lost } = ctx.transaction(({ db }) => {
    const rowid = resolveInterviewRef(db, ref);
    const was = plan.people === undefined ? undefined : loadInterview(db, rowid)?.kind;
    const done = applyEdit(db, rowid, plan, journeyStages(ctx.config()));
    return { ...done, lost: was === 'customer' ? lostEvidence(db, done.record) : [] };
  });
  for (const w of painSeverityWarnings(plan.lists.pains ?? [], record.id)) ctx.warn(w);
  for (const n of notes) ctx.info(n);
  // a year typed wrong, warned of as pm log warns (wave 14 H7): pm edit is where dates get fixed
  const dated = plan.fields.date !== undefined;
  const followed = plan.followUp !== undefined && plan.followUp !== 'done';
  if (dated) for (const w of farDateWarnings(record.date, null, ctx.today, record.id)) ctx.warn(w);
  if (dated || followed)
    for (const w of farDateWarnings(record.date, record.followUp, record.date, record.id)) ctx.warn(w);
  if (lost.length)
    ctx.warn(
      `${record.id} is no longer customer contact (no customer present): its evidence no longer counts for ` +
        lost.join(', '),
    );
  const note = notCustomerContact(record.kind);
  if (ctx.json) ctx.printJson(record);
  else
    ctx.out(
      `Edited ${record.id} · ${record.channel} with ${record.with.map(safeLine).join(', ') || '—'} ` +
        `(${safeLine(whereFrom(record.account, record.source))}) on ${record.date}${note ? ` · ${note}` : ''}`,
    );
}

/**
 * A customer call whose people the edit left without a customer: the hypotheses its links were
 * customer evidence for, with their status (`H1 (validated)`), which the warning names (fresh-eyes
 * wave 19 H21: a typo in --with took a validated hypothesis's paid evidence without a word).
 */
function lostEvidence(db: DB, record: InterviewRecord): string[] {
  if (record.kind === 'customer' || record.evidence.length === 0) return [];
  const status = db.prepare('SELECT status FROM hypotheses WHERE id = ?').pluck();
  return [...new Set(record.evidence.map((e) => e.hypothesis))].map(
    (h) => `${h} (${status.get(Number(h.slice(1))) as string})`,
  );
}

/** `open follow-up (2026-11-08)`, or `follow-up (2026-11-08, answered by I1 on 2026-11-30)`. */
function followUpNamed(db: DB, rowid: number, date: string): string {
  const r = loadInterview(db, rowid)!;
  return r.followUpAnsweredBy === null
    ? `open follow-up (${date})`
    : `follow-up (${date}, answered by ${r.followUpAnsweredBy} on ${r.followUpAnsweredOn})`;
}
