// pm hyp add | edit | list | link | unlink. Options are checked before the journal is opened for
// writing; every write is one transaction; with --json each prints the hypothesis record.
import { statSync } from 'node:fs';
import type { Context } from '../context.js';
import { PmError, UsageError } from '../errors.js';
import { addDays, DEADLINE_FORMS, parseDeadline, parsePastDate } from '../core/dates.js';
import { checkText, LIMITS, refusePlaceholder, safeLine } from '../core/text.js';
import { cut } from '../render/width.js';
import { newUuid, type DB } from '../db/journal.js';
import {
  datedAhead,
  KINDS,
  parseHypothesisId,
  parseKind,
  parseStatusFilter,
  parseStrength,
  predatesDecision,
  unknownHypothesis,
  type Direction,
  type HypothesisKind,
  type HypothesisRecord,
  type Strength,
} from '../core/hypotheses.js';
import { mostResembling, oppositeKey, statementKey } from '../core/similarity.js';
import { refuseErasedMention, repeatedHypothesisLine } from './identity-warnings.js';
import { parseBasis, type Basis } from '../core/confidence.js';
import {
  addRevision,
  evidenceLink,
  graveyard,
  hypothesesDatedAfter,
  hypothesisCreatedOn,
  hypothesisRecords,
  hypothesesTagged,
  withDecidedFlags,
  hypothesisState,
  hypothesisTotal,
  insertHypothesis,
  interviewBrief,
  hypothesisTags,
  setHypothesisTags,
  unlinkEvidence,
  updateHypothesis,
  type HypothesisChanges,
  type HypothesisState,
  type InterviewBrief,
} from '../db/hypotheses.js';
import { InterviewWriter } from '../db/interview-writer.js';
import { resolveInterviewRef } from '../db/interviews.js';
import { localId, syncs } from '../db/refs.js';
import { renderHypothesisList } from '../render/hypotheses.js';
import {
  linkOpportunity,
  namedOpportunities,
  opportunitiesOf,
  opportunityForName,
  unlinkOpportunity,
} from '../db/opportunities.js';
import { painKey } from '../core/pains.js';
import { loadPrompts } from '../prompts.js';
import { pasteSafe } from './paste.js';
import { checkTags } from '../core/identity.js';
import { hintIfCut, rowLimit } from './limit.js';

/** A journal that does not exist yet holds no hypothesis: say so without creating the file. */
export function requireJournal(ctx: Context, ref: string): void {
  let exists = false;
  try {
    exists = statSync(ctx.dbPath).size > 0;
  } catch {
    /* missing */
  }
  if (!exists) throw unknownHypothesis(ref);
}

export function loadHypothesis(db: DB, ref: string): HypothesisState {
  const rowid = parseHypothesisId(localId(db, ref));
  const state = rowid === null ? undefined : hypothesisState(db, rowid);
  if (!state) throw unknownHypothesis(ref);
  return state;
}

/**
 * The record every hyp command prints, as of today; one dated after today (a teammate a time zone ahead
 * added it) as of its own day: `pm hyp edit` of it crashed after its change was saved (H10).
 */
export function recordOf(ctx: Context, db: DB, rowid: number): HypothesisRecord {
  const created = hypothesisCreatedOn(db, rowid);
  const asOf = created !== undefined && created > ctx.today ? created : ctx.today;
  return hypothesisRecords(db, asOf, ctx.config(), { only: rowid })[0];
}

export function pastDate(ctx: Context, value: string | undefined): string {
  if (value === undefined) return ctx.today;
  const date = parsePastDate(value, ctx.today, '--date');
  if (date > ctx.today)
    throw new UsageError(`--date ${date} is in the future`, 'record it on the day it happens (default: today)');
  return date;
}

function tagList(tags: string[] | undefined): string[] | undefined {
  return tags === undefined ? undefined : checkTags('a tag', tags, LIMITS.tag);
}

function checkStatement(value: string): string {
  return refusePlaceholder(
    'the statement',
    checkText('the statement', value, LIMITS.statement),
    'write the belief in place of the "…", e.g. "We believe finance teams want itemised invoices"',
  );
}

function optionalCriteria(value: string | undefined): string | null | undefined {
  if (value === undefined) return undefined;
  if (value.trim() === '') return null;
  return refusePlaceholder(
    'the criterion',
    checkText('the criterion', value, LIMITS.criteria),
    'write what would prove it in place of the "…", e.g. --criteria "3 of 5 finance leads say they would pay"',
  );
}

/** `flag`: the flag the value came with; '' for a prompt's answer, named by no flag (the user typed none). */
function deadline(ctx: Context, value: string, base: string, createdOn: string, flag = '--decide-by'): string {
  const decideBy = parseDeadline(value, ctx.today, base, flag);
  if (decideBy < createdOn)
    throw new UsageError(
      `${flag ? `${flag} ` : ''}${decideBy} ` +
        (createdOn === ctx.today
          ? `is in the past (today is ${createdOn})`
          : `is before the hypothesis was created (${createdOn})`),
      `accepted: ${DEADLINE_FORMS}`,
    );
  return decideBy;
}

// ---------------------------------------------------------------------------------------------
// add

export interface AddOptions {
  kind?: string;
  criteria?: string;
  decideBy?: string;
  tag?: string[];
  date?: string;
  for?: string[];
}

/** --for/--not-for names, checked: an opportunity's name is a pain's. */
function opportunityNamesOf(flag: string, names: string[] | undefined): string[] | undefined {
  // pm tree prints `--for "…"` as the place to write (a bare NAME was linked as an opportunity called NAME)
  return names?.map((n) =>
    refusePlaceholder(
      flag,
      checkText(flag, n.trim(), LIMITS.pain),
      `write the pain it addresses in place of the "…", in the customer's words (pm opportunities lists them)`,
    ),
  );
}

/**
 * Make hypothesis `rowid` address the opportunities named (created when no opportunity goes by the
 * name yet); returns a warning for each name no pain is written as (a typo, or an opportunity not
 * heard of yet).
 */
function addressOpportunities(db: DB, id: string, rowid: number, names: string[]): string[] {
  const warnings: string[] = [];
  for (const name of names) {
    const o = opportunityForName(db, name, () => newUuid(db));
    linkOpportunity(db, rowid, o.id);
    if (!o.heard)
      warnings.push(
        `no pain is called ${JSON.stringify(safeLine(name))} yet; ${id} addresses it, and pains logged so will ` +
          `count for it` +
          (o.suggestion ? ` (did you mean ${JSON.stringify(safeLine(o.suggestion))}?)` : ''),
      );
  }
  return warnings;
}

/** The first open hypothesis stating `statement` (the same content words), or undefined. */
function openStating(db: DB, statement: string, keyOf = statementKey): string | undefined {
  const key = keyOf(statement);
  if (key === '') return undefined;
  const open = db.prepare("SELECT 'H' || id AS id, statement FROM hypotheses WHERE status = 'open' ORDER BY id");
  for (const h of open.iterate() as Iterable<{ id: string; statement: string }>)
    if (statementKey(h.statement) === key) return h.id;
  return undefined;
}

interface AddInput {
  statement: string;
  kind: HypothesisKind;
  criteria: string | null;
  /** undefined: created + hypothesis.decideDays */
  decideBy?: string;
}

/** On a terminal without a statement: ask for it and for whatever else was not given. */
async function promptForAdd(
  ctx: Context,
  given: Omit<Partial<AddInput>, 'criteria'> & { criteria?: string | null },
  createdOn: string,
): Promise<AddInput> {
  const { input, select } = await loadPrompts();
  // a prompt shows the message under the answer and asks again: the hint (what is accepted) goes with it
  const check = (parse: (v: string) => unknown) => (v: string) => {
    try {
      parse(v);
      return true;
    } catch (err) {
      if (!(err instanceof PmError)) throw err;
      return err.message + (err.hint ? ` (${err.hint})` : '');
    }
  };
  // lines pasted at once: the first is the statement, the others are offered as the criterion (a
  // statement and its criterion copied from a doc); with the criterion given, they are the statement
  const pastedCriterion: string[] = [];
  const asksCriterion = given.criteria === undefined;
  const statement = await pasteSafe(
    () =>
      input({
        message: 'We believe …',
        required: true,
        validate: check(checkStatement),
      }),
    asksCriterion ? undefined : ' ',
    undefined,
    asksCriterion ? pastedCriterion : undefined,
  );
  const kind =
    given.kind ??
    (await select<HypothesisKind>({
      message: 'Risk kind',
      choices: KINDS.map((k) => ({ value: k, name: k })),
      default: 'value',
    }));
  const criteria =
    given.criteria !== undefined
      ? given.criteria
      : (optionalCriteria(
          await input({
            message: 'Success criterion (optional)',
            validate: check(optionalCriteria),
            ...(pastedCriterion.length > 0 ? { default: pastedCriterion.join(' '), prefill: 'editable' } : {}),
          }),
        ) ?? null);
  const decideBy =
    given.decideBy ??
    deadline(
      ctx,
      await input({
        message: 'Decide by',
        default: addDays(createdOn, ctx.config()['hypothesis.decideDays']),
        validate: check((v) => deadline(ctx, v, createdOn, createdOn, '')),
      }),
      createdOn,
      createdOn,
      '',
    );
  return { statement, kind, criteria, decideBy };
}

export async function add(ctx: Context, statement: string | undefined, opts: AddOptions): Promise<void> {
  // everything given is checked before anything is asked or written
  const createdOn = pastDate(ctx, opts.date);
  const tags = tagList(opts.tag) ?? [];
  const opportunities = opportunityNamesOf('--for', opts.for) ?? [];
  const given = {
    kind: opts.kind !== undefined ? parseKind(opts.kind) : undefined,
    criteria: optionalCriteria(opts.criteria),
    decideBy: opts.decideBy !== undefined ? deadline(ctx, opts.decideBy, createdOn, createdOn) : undefined,
  };
  let fields: AddInput;
  if (statement === undefined) {
    if (!ctx.interactive || ctx.json)
      throw new UsageError(
        'a statement is required',
        'try: pm hyp add "We believe finance teams want itemised invoices" --criteria "3 of 5 say yes"',
      );
    fields = await promptForAdd(ctx, given, createdOn);
  } else {
    fields = {
      statement: checkStatement(statement),
      kind: given.kind ?? 'value',
      criteria: given.criteria ?? null,
      decideBy: given.decideBy,
    };
  }
  const { record, resembles, warnings } = ctx.transaction(({ db }) => {
    const decideBy = fields.decideBy ?? addDays(createdOn, ctx.config()['hypothesis.decideDays']);
    refuseErasedMention(db, [
      ['the statement', fields.statement],
      ['the criterion', fields.criteria],
      ...tags.map((t): [string, string] => ['--tag', t]),
      ...opportunities.map((o): [string, string] => ['--for', o]),
    ]);
    const resembles = mostResembling(fields.statement, graveyard(db));
    const repeated = openStating(db, fields.statement);
    const opposed = repeated ? undefined : openStating(db, fields.statement, oppositeKey);
    const by = ctx.defaultBy(ctx.config());
    const rowid = insertHypothesis(db, { uuid: newUuid(db), ...fields, createdOn, decideBy, tags, by });
    const warnings = addressOpportunities(db, `H${rowid}`, rowid, opportunities);
    if (repeated) warnings.push(repeatedHypothesisLine(`H${rowid}`, fields.statement, repeated));
    // its denial open beside it: one call is evidence for one and against the other (H12)
    if (opposed)
      warnings.push(
        `H${rowid} states the opposite of the open ${opposed}; evidence for one refutes the other ` +
          `(a call for H${rowid}: --supports H${rowid} --refutes ${opposed})`,
      );
    return { record: recordOf(ctx, db, rowid), resembles, warnings };
  });
  for (const w of warnings) ctx.warn(w);
  if (resembles) {
    const dead = resembles.item;
    ctx.warn(
      `${record.id} resembles ${dead.id} (${dead.status} ${dead.date}: ${cut(safeLine(dead.reason), 200)}): ` +
        `"${cut(safeLine(dead.statement), 200)}"`,
    );
  }
  if (ctx.json) ctx.printJson(record);
  else
    ctx.out(`Added ${record.id} · ${record.kind} · decide by ${record.decideBy}: ` + `${safeLine(record.statement)}`);
}

// ---------------------------------------------------------------------------------------------
// edit

export interface EditOptions {
  statement?: string;
  kind?: string;
  criteria?: string;
  decideBy?: string;
  tag?: string[];
  force?: boolean;
  for?: string[];
  notFor?: string[];
}

export function edit(ctx: Context, ref: string, opts: EditOptions): void {
  const wanted: HypothesisChanges = {
    statement: opts.statement === undefined ? undefined : checkStatement(opts.statement),
    kind: opts.kind === undefined ? undefined : parseKind(opts.kind),
    criteria: optionalCriteria(opts.criteria),
  };
  const tags = tagList(opts.tag);
  const addFor = opportunityNamesOf('--for', opts.for);
  const removeFor = opportunityNamesOf('--not-for', opts.notFor);
  if (
    Object.values(wanted).every((v) => v === undefined) &&
    opts.decideBy === undefined &&
    tags === undefined &&
    addFor === undefined &&
    removeFor === undefined
  )
    throw new UsageError(
      'nothing to change: give --statement, --kind, --criteria, --decide-by, --tag, --for or --not-for',
      `try: pm hyp edit ${ref} --criteria "3 of 5 finance leads say yes"`,
    );
  requireJournal(ctx, ref);
  const { record, changed, warnings, notes } = ctx.transaction(({ db }) => {
    const h = loadHypothesis(db, ref);
    refuseErasedMention(db, [
      ['the statement', wanted.statement],
      ['the criterion', wanted.criteria],
      ...(tags ?? []).map((t): [string, string] => ['--tag', t]),
      ...(addFor ?? []).map((o): [string, string] => ['--for', o]),
    ]);
    const warnings: string[] = [];
    const notes: string[] = [];
    if (opts.decideBy !== undefined) wanted.decideBy = deadline(ctx, opts.decideBy, ctx.today, h.createdOn);
    const changes: HypothesisChanges = {};
    const changed: string[] = [];
    if (wanted.statement !== undefined && wanted.statement !== h.statement) {
      changes.statement = wanted.statement;
      changed.push('statement');
    }
    if (wanted.kind !== undefined && wanted.kind !== h.kind) {
      changes.kind = wanted.kind;
      changed.push('kind');
    }
    if (wanted.criteria !== undefined && wanted.criteria !== h.criteria) {
      changes.criteria = wanted.criteria;
      changed.push('criterion');
    }
    if (wanted.decideBy !== undefined && wanted.decideBy !== h.decideBy) {
      changes.decideBy = wanted.decideBy;
      changed.push('decide-by');
    }
    const movesTheBar = changes.statement !== undefined || changes.criteria !== undefined;
    // a decision was made on these words: rewritten, the kill of an email digest would read as the kill
    // of the Slack digest tried next (fresh-eyes wave 19 H8); --force moves the bar of evidence, not this
    if (movesTheBar && h.status !== 'open')
      throw new UsageError(
        `${h.id} is ${h.status}${h.latest ? ` (${h.latest.date})` : ''}: its statement and criterion are what ` +
          'was decided',
        `try: pm hyp add "…" for a new belief, or pm hyp reopen ${h.id} --reason "…" first`,
      );
    if (movesTheBar && h.hasEvidence) {
      if (!opts.force)
        throw new UsageError(
          `${h.id} already has evidence; changing its statement or criterion needs --force (the change is kept as ` +
            `a revision)`,
          `try: pm hyp edit ${h.id} ${changes.statement !== undefined ? '--statement' : '--criteria'} "…" ` +
            `--force, or pm hyp add a new hypothesis`,
        );
      if (changes.statement !== undefined)
        addRevision(db, h.rowid, {
          date: ctx.today,
          field: 'statement',
          before: h.statement,
          after: changes.statement,
        });
      if (changes.criteria !== undefined)
        addRevision(db, h.rowid, { date: ctx.today, field: 'criteria', before: h.criteria, after: changes.criteria });
    }
    updateHypothesis(db, h.rowid, changes);
    if (tags !== undefined) {
      // --tag gives the whole list (as pm edit's does): say what it replaced, or --for adding and --tag
      // replacing read alike ("Edited H7 · tags" and onboarding gone: fresh-eyes wave 15 H14)
      const before = hypothesisTags(db, h.rowid);
      if (before.join('\n') !== tags.join('\n')) {
        setHypothesisTags(db, h.rowid, tags);
        changed.push('tags');
        const list = (xs: string[]) => (xs.length ? xs.map(safeLine).join('; ') : 'nothing');
        if (before.some((t) => !tags.includes(t))) notes.push(`replaced tags: ${list(before)} → ${list(tags)}`);
      }
    }
    if (removeFor !== undefined) {
      const linked = namedOpportunities(db).filter((o) => opportunitiesOf(db, h.rowid).includes(o.id));
      for (const name of removeFor) {
        const key = painKey(name);
        const o = linked.find((l) => l.key === key || l.aliases.some((a) => a.key === key));
        if (!o || !unlinkOpportunity(db, h.rowid, o.id))
          throw new UsageError(
            `${h.id} is not for ${JSON.stringify(safeLine(name))}`,
            linked.length
              ? `it is for: ${linked.map((l) => JSON.stringify(safeLine(l.name))).join(', ')}`
              : `try: pm hyp show ${h.id}`,
          );
      }
      changed.push('opportunities');
    }
    if (addFor !== undefined) {
      const before = opportunitiesOf(db, h.rowid).length;
      warnings.push(...addressOpportunities(db, h.id, h.rowid, addFor));
      if (opportunitiesOf(db, h.rowid).length !== before && !changed.includes('opportunities'))
        changed.push('opportunities');
    }
    return { record: recordOf(ctx, db, h.rowid), changed, warnings, notes };
  });
  for (const w of warnings) ctx.warn(w);
  for (const n of notes) ctx.info(n);
  if (ctx.json) ctx.printJson(record);
  else
    ctx.out(
      changed.length ? `Edited ${record.id} · ${changed.join(', ')}` : `${record.id} unchanged: it already says that`,
    );
}

// ---------------------------------------------------------------------------------------------
// list

export function list(ctx: Context, opts: { status?: string; tag?: string; limit?: string }): void {
  const status = parseStatusFilter(opts.status);
  const limit = rowLimit(opts.limit, ctx.json || !ctx.stdoutIsTTY);
  // read as pm hyp add reads it: "p,q" is two tags (both), and "" is refused, not "any tag"
  const tags = opts.tag === undefined ? undefined : checkTags('--tag', [opts.tag], LIMITS.tag);
  const { db } = ctx.read();
  // several tags: those with all of them, or with the tag as written, kept with its comma from before
  // pm split them, found by their tags; then the status, and the page cut here
  const several = tags !== undefined && tags.length > 1;
  const only = several ? hypothesesTagged(db, tags, opts.tag!.trim()) : undefined;
  const chosen =
    only?.length === 0
      ? []
      : hypothesisRecords(db, ctx.today, ctx.config(), {
          status,
          tag: several ? undefined : tags?.[0],
          first: several ? undefined : limit,
          only,
        });
  // decided ones carry the flags pm hyp show and the report raise for links since the decision
  const counted = withDecidedFlags(db, ctx.today, several ? chosen.slice(0, limit) : chosen);
  // those dated after today (a teammate a time zone ahead added them, and pm sync brought them) count
  // from their day, but are listed as of it, after the others and said so: leaving them out made them
  // look lost (fresh-eyes wave 13 H10)
  const ahead = hypothesesDatedAfter(db, ctx.today).filter((h) => only === undefined || only.includes(h.rowid));
  const day = ahead.reduce((last, h) => (h.createdOn > last ? h.createdOn : last), ctx.today);
  const later =
    ahead.length === 0
      ? []
      : withDecidedFlags(
          db,
          day,
          hypothesisRecords(db, day, ctx.config(), {
            status,
            tag: several ? undefined : tags?.[0],
            only: ahead.map((h) => h.rowid),
          }),
        );
  const records = [...counted, ...later];
  if (ctx.json) {
    ctx.printJson(records);
    return;
  }
  if (records.length === 0) {
    const what =
      `${status === 'all' ? '' : status + ' '}hypotheses` +
      `${tags !== undefined ? ` tagged ${tags.map(safeLine).join(' and ')}` : ''}`;
    ctx.out(`No ${what}.`);
    ctx.info(
      status === 'open'
        ? 'try: pm hyp add "We believe …", or pm hyp list --status all'
        : 'try: pm hyp list --status all',
    );
    return;
  }
  ctx.out(
    renderHypothesisList(records, {
      color: ctx.color,
      width: ctx.width,
      showStatus: status !== 'open',
      today: ctx.today,
      shared: syncs(db),
    }),
  );
  for (const r of later) ctx.info(`${datedAhead(r.id, r.createdOn, ctx.today)}; it counts from ${r.createdOn}`);
  const total = () => (several ? chosen.length : hypothesisTotal(db, ctx.today, { status, tag: tags?.[0] }));
  hintIfCut(ctx, opts.limit, counted.length, total, 'by id');
}

// ---------------------------------------------------------------------------------------------
// link / unlink

function loadInterview(db: DB, ref: string): InterviewBrief {
  return interviewBrief(db, resolveInterviewRef(db, ref))!;
}

export interface LinkOptions {
  supports?: boolean;
  refutes?: boolean;
  strength?: string;
  basis?: string;
}

/**
 * `pm hyp link I1 H1`: the ids swapped. Said first, with the order to type: the missing --supports was
 * said first, and its hint repeated the swap, which then failed on "I1" (fresh-eyes wave 14 H3).
 */
function refuseSwapped(command: string, hypRef: string, interviewRef: string, flags: string): void {
  if (/^(I\d+|last)$/i.test(hypRef) && /^H\d+$/i.test(interviewRef))
    throw new UsageError(
      'the hypothesis comes first, then the interview',
      `try: pm hyp ${command} ${interviewRef} ${hypRef}${flags}`,
    );
}

export function link(ctx: Context, hypRef: string, interviewRef: string, opts: LinkOptions): void {
  refuseSwapped('link', hypRef, interviewRef, opts.refutes ? ' --refutes' : ' --supports');
  if (Boolean(opts.supports) === Boolean(opts.refutes))
    throw new UsageError(
      opts.supports
        ? 'give --supports or --refutes, not both'
        : 'say whether it --supports or --refutes the hypothesis',
      `try: pm hyp link ${hypRef} ${interviewRef} --supports --strength strong`,
    );
  const direction: Direction = opts.supports ? 'supports' : 'refutes';
  const strength: Strength | undefined = opts.strength === undefined ? undefined : parseStrength(opts.strength);
  const basis: Basis | undefined = opts.basis === undefined ? undefined : parseBasis(opts.basis);
  requireJournal(ctx, hypRef);
  const result = ctx.transaction(({ db }) => {
    const h = loadHypothesis(db, hypRef);
    const interview = loadInterview(db, interviewRef);
    const before = evidenceLink(db, h.rowid, interview.rowid);
    // re-linking without --strength or --basis keeps the one already given
    const after = {
      direction,
      strength: strength ?? before?.strength ?? 'medium',
      basis: basis ?? before?.basis ?? 'said',
    };
    const same =
      before !== undefined &&
      before.direction === after.direction &&
      before.strength === after.strength &&
      before.basis === after.basis;
    if (!same) new InterviewWriter(db).link({ hypothesisId: h.rowid, ...after }, interview.rowid);
    return { h, interview, before, after, same, record: recordOf(ctx, db, h.rowid) };
  });
  const { h, interview, before, after, same, record } = result;
  // refuting one killed or invalidated confirms the decision: only support may change it (as pm log warns);
  // a conversation dated before the decision raises no flag, as pm log says too
  const decided = h.status === 'killed' || h.status === 'invalidated';
  if (decided && after.direction === 'supports' && h.latest && interview.date < h.latest.date)
    ctx.warn(predatesDecision(h.id, h.status, h.latest.date, interview.date));
  else if (decided && after.direction === 'supports')
    ctx.warn(
      `${h.id} was ${h.status}${h.latest ? ` on ${h.latest.date}` : ''}; the evidence is kept, reopen it if it ` +
        `changes your mind`,
    );
  const notCounted =
    interview.kind === 'indirect'
      ? ' (second-hand: shown, not counted)'
      : interview.kind === 'stakeholder'
        ? ' (no customer present: shown, not counted)'
        : '';
  const how = (l: { strength: Strength; basis: Basis }) => `${l.strength}${l.basis === 'said' ? '' : `, ${l.basis}`}`;
  if (ctx.json) ctx.printJson(record);
  else if (same) ctx.out(`${interview.id} already ${after.direction} ${h.id} (${how(after)}); nothing changed`);
  else if (before)
    ctx.out(
      `Updated evidence: ${interview.id} now ${after.direction} ${h.id} (${how(after)}), was ${before.direction} ` +
        `(${how(before)})${notCounted}`,
    );
  else ctx.out(`Linked ${interview.id} to ${h.id}: ${after.direction} (${how(after)})${notCounted}`);
}

export function unlink(ctx: Context, hypRef: string, interviewRef: string): void {
  refuseSwapped('unlink', hypRef, interviewRef, '');
  requireJournal(ctx, hypRef);
  const { h, interview, record } = ctx.transaction(({ db }) => {
    const h = loadHypothesis(db, hypRef);
    const interview = loadInterview(db, interviewRef);
    if (!unlinkEvidence(db, h.rowid, interview.rowid))
      throw new UsageError(`${interview.id} is not linked to ${h.id}`, `try: pm hyp show ${h.id}`);
    return { h, interview, record: recordOf(ctx, db, h.rowid) };
  });
  if (ctx.json) ctx.printJson(record);
  else ctx.out(`Unlinked ${interview.id} from ${h.id}`);
}
