// pm hyp validate | invalidate | kill | reopen H7 --reason TEXT [--date DATE]: record a decision.
// The outcome rules (src/core/hypotheses.ts checkOutcome) are checked inside the write transaction,
// so two racing decisions cannot both pass against the same old status. A reopened hypothesis gets
// a new decide-by (--decide-by, else the reopen date + hypothesis.decideDays): its old one has
// usually passed, and a time box that is over the day it starts is no time box (issue 15); but one
// reopened the day it was decided keeps its own (an undo, H16).
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { checkText, LIMITS, refusePlaceholder, safe } from '../core/text.js';
import { addDays, DEADLINE_FORMS, parseDeadline } from '../core/dates.js';
import { newUuid } from '../db/journal.js';
import { checkOutcome, OUTCOME_VERBS, type Outcome } from '../core/hypotheses.js';
import { betOf, insertOutcome, setBet, updateHypothesis } from '../db/hypotheses.js';
import { hypothesisStats } from '../db/hypothesis-stats.js';
import { loadHypothesis, pastDate, recordOf, requireJournal } from './hyp.js';
import { refuseErasedMention } from './identity-warnings.js';

export interface OutcomeOptions {
  reason?: string;
  date?: string;
  /** reopen only */
  decideBy?: string;
}

const DONE: Record<Outcome, string> = {
  validated: 'Validated',
  invalidated: 'Invalidated',
  killed: 'Killed',
  reopened: 'Reopened',
};

function decide(outcome: Outcome, ctx: Context, ref: string, opts: OutcomeOptions): void {
  const verb = OUTCOME_VERBS[outcome];
  if (opts.reason === undefined || opts.reason.trim() === '')
    throw new UsageError(
      `pm hyp ${verb} needs --reason: what did you learn?`,
      `try: pm hyp ${verb} ${ref} --reason "…"`,
    );
  const reason = refusePlaceholder(
    'the reason',
    checkText('the reason', opts.reason, LIMITS.reason),
    `write what you learned in place of the "…": pm hyp ${verb} ${ref} --reason "what customers showed you"`,
  );
  const date = pastDate(ctx, opts.date);
  const givenDecideBy =
    opts.decideBy === undefined ? undefined : parseDeadline(opts.decideBy, ctx.today, date, '--decide-by');
  if (givenDecideBy !== undefined && givenDecideBy < date)
    throw new UsageError(
      `--decide-by ${givenDecideBy} is before the reopening (${date})`,
      `a new time box ends after it: ${DEADLINE_FORMS}`,
    );
  requireJournal(ctx, ref);
  const { record, betEnded, was, undo, then } = ctx.transaction(({ db }) => {
    const h = loadHypothesis(db, ref);
    refuseErasedMention(db, [['the reason', reason]]);
    checkOutcome(h, outcome, date);
    insertOutcome(db, { uuid: newUuid(db), rowid: h.rowid, outcome, date, reason, by: ctx.defaultBy(ctx.config()) });
    // reopened the day it was decided: the undo of a slip (a kill typed on H1 for H2), so the time
    // box the team agreed is kept, where a later reopening starts a new one (H16)
    const undo = outcome === 'reopened' && givenDecideBy === undefined && h.latest?.date === date;
    if (outcome === 'reopened')
      updateHypothesis(db, h.rowid, {
        decideBy: givenDecideBy ?? (undo ? h.decideBy : addDays(date, ctx.config()['hypothesis.decideDays'])),
      });
    // a decision ends a conviction bet: it was held until this decision
    const bet = outcome === 'reopened' ? null : betOf(db, h.rowid);
    if (bet) setBet(db, h.rowid, null);
    // a decision dated back is held to the evidence of its day (fresh-eyes wave 19 H20)
    const then = date < ctx.today ? hypothesisStats(db, date, h.rowid)[0] : undefined;
    return { record: recordOf(ctx, db, h.rowid), betEnded: bet, was: h.decideBy, undo, then };
  });
  if (betEnded)
    ctx.info(`The bet on ${record.id} (held since ${betEnded.since}, until ${betEnded.until}) ends with it.`);
  if (ctx.json) ctx.printJson(record);
  else {
    const box = undo ? ' (kept: reopened the day it was decided)' : record.decideBy !== was ? ` (it was ${was})` : '';
    ctx.out(
      `${DONE[outcome]} ${record.id} on ` +
        `${date}${outcome === 'reopened' ? `: open again, decide by ${record.decideBy}${box}` : ''} — ${safe(reason)}`,
    );
  }
  // allowed, but said out loud: a decision the customer evidence of its day does not back
  const people = (n: number) => `${n} customer${n === 1 ? '' : 's'}`;
  const validateAt = ctx.config()['evidence.validateAt'];
  const { customersSupporting: supporting, customersRefuting: refuting } = then ?? record;
  const on = then ? ` on ${date}, when` : '';
  if (outcome === 'validated' && refuting > 0)
    ctx.warn(
      `${record.id} is validated${on || ' although'} ${people(refuting)} ` +
        `${then ? 'refuted' : refuting === 1 ? 'refutes' : 'refute'} it`,
    );
  else if (outcome === 'validated' && supporting < validateAt)
    ctx.warn(
      `${record.id} is validated ` +
        (then
          ? `${on.slice(1)} ${supporting === 0 ? 'no customer' : people(supporting)} supported it`
          : `on the support of ${people(supporting)}`) +
        ` (evidence.validateAt is ${validateAt})`,
    );
  if (outcome === 'invalidated' && refuting === 0)
    ctx.warn(
      `${record.id} is invalidated although no customer ${then ? `refuted it by ${date}` : 'refutes it'} ` +
        `(pm hyp kill is for dropping an idea whatever the evidence)`,
    );
}

export const validate = (ctx: Context, ref: string, opts: OutcomeOptions) => decide('validated', ctx, ref, opts);
export const invalidate = (ctx: Context, ref: string, opts: OutcomeOptions) => decide('invalidated', ctx, ref, opts);
export const kill = (ctx: Context, ref: string, opts: OutcomeOptions) => decide('killed', ctx, ref, opts);
export const reopen = (ctx: Context, ref: string, opts: OutcomeOptions) => decide('reopened', ctx, ref, opts);
