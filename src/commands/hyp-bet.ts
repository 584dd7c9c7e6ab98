// pm hyp bet H3 --until DEADLINE --reason TEXT · pm hyp unbet H3: conviction bets. A bet holds a
// hypothesis against early evidence until a deadline: while it runs, its stale, past-decide-by and
// ready-to-kill are informational; the day after --until, bet-due asks for the decision. At most
// bets.max run at once (open hypotheses with a bet); the next is refused, naming them.
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { parseDeadline } from '../core/dates.js';
import { checkText, LIMITS, refusePlaceholder, safe, safeLine } from '../core/text.js';
import { betOf, openBets, setBet } from '../db/hypotheses.js';
import { cut } from '../render/width.js';
import { loadHypothesis, pastDate, recordOf, requireJournal } from './hyp.js';
import { refuseErasedMention } from './identity-warnings.js';

export interface BetOptions {
  until?: string;
  reason?: string;
  date?: string;
}

export function bet(ctx: Context, ref: string, opts: BetOptions): void {
  const missing: string[] = [];
  if (opts.until === undefined) missing.push('--until (the day you will decide)');
  if (opts.reason === undefined || opts.reason.trim() === '')
    missing.push('--reason (why you hold it against early evidence)');
  if (missing.length)
    throw new UsageError(
      `pm hyp bet needs ${missing.join(' and ')}`,
      `try: pm hyp bet ${ref} --until +4w --reason "enterprise buyers decide slowly; we know the pain"`,
    );
  const since = pastDate(ctx, opts.date);
  const until = parseDeadline(opts.until!, ctx.today, since, '--until');
  const reason = refusePlaceholder(
    'the reason',
    checkText('the reason', opts.reason!, LIMITS.reason),
    `write why you hold it in place of the "…": pm hyp bet ${ref} --until ${opts.until} --reason "why you hold it"`,
  );
  requireJournal(ctx, ref);
  const max = ctx.config()['bets.max'];
  const { record, before, running } = ctx.transaction(({ db }) => {
    const h = loadHypothesis(db, ref);
    refuseErasedMention(db, [['the reason', reason]]);
    if (h.status !== 'open')
      throw new UsageError(
        `${h.id} is ${h.status}; only an open hypothesis can be a bet`,
        `to pursue it again: pm hyp reopen ${h.id} --reason "…"`,
      );
    if (since < h.createdOn)
      throw new UsageError(`${h.id} was created on ${h.createdOn}; a bet on it cannot start before that`);
    const before = betOf(db, h.rowid);
    if (until < since) throw tooEarly(until, since, ctx.today, before && { id: h.id, since: before.since });
    const others = openBets(db).filter((b) => b.rowid !== h.rowid);
    if (before === null && others.length >= max)
      throw new UsageError(
        `${others.length} bets are running already (bets.max is ${max}): ` +
          others.map((b) => `${b.id} until ${b.until} ("${cut(safeLine(b.statement), 40)}")`).join(', '),
        `decide or end one first (pm hyp unbet ${others[0].id}), or allow more: pm config set bets.max ${max + 1}`,
      );
    // betting again changes the deadline and the reason; it was held since the first day
    setBet(db, h.rowid, { until, reason, since: before?.since ?? since });
    return { record: recordOf(ctx, db, h.rowid), before, running: others.length + 1 };
  });
  if (ctx.json) ctx.printJson(record);
  else if (before)
    ctx.out(
      `Bet on ${record.id} now runs until ${until} (was ${before.until}), ` +
        `held since ${before.since} — ${safe(reason)}`,
    );
  else ctx.out(`Betting on ${record.id} until ${until} (${running} of ${max} bets) — ${safe(reason)}`);
}

/**
 * A deadline before the day of the bet. Betting again keeps the bet's first day, so "before the bet
 * starts (today)" was wrong of a bet held for weeks (fresh-eyes wave 19 H11): it names that day instead.
 */
function tooEarly(until: string, since: string, today: string, held: { id: string; since: string } | null) {
  const day = since === today ? 'today' : `--date ${since}`;
  if (held)
    return new UsageError(
      `--until ${until} is ${since === today ? 'past' : `before ${day}`}: the bet on ${held.id}, held since ` +
        `${held.since}, gets a new deadline of ${day} or later`,
      `try: --until +4w (four weeks from ${day})`,
    );
  return new UsageError(
    `--until ${until} is before the bet starts (${since === today ? `today, ${since}` : since}): ` +
      'it must be that day or after',
    'try: --until +4w (four weeks from the start)',
  );
}

export function unbet(ctx: Context, ref: string): void {
  requireJournal(ctx, ref);
  const { record, before } = ctx.transaction(({ db }) => {
    const h = loadHypothesis(db, ref);
    const before = betOf(db, h.rowid);
    if (before === null)
      throw new UsageError(`${h.id} is not a bet`, 'try: pm hyp list (bets carry the flag bet or bet-due)');
    setBet(db, h.rowid, null);
    return { record: recordOf(ctx, db, h.rowid), before };
  });
  if (ctx.json) ctx.printJson(record);
  else ctx.out(`${record.id} is no longer a bet (held since ${before.since}, until ${before.until})`);
}
