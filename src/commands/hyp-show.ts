// pm hyp show H7 (and pm show H7): the hypothesis, its evidence timeline, outcomes and revisions.
import type { Context } from '../context.js';
import { daysBetween } from '../core/dates.js';
import { afterDecision, datedAhead, loggedAfter, parseHypothesisId, unknownHypothesis } from '../core/hypotheses.js';
import { localId, syncs } from '../db/refs.js';
import { evidenceOf, hypothesisCreatedOn, hypothesisRecords, outcomesOf } from '../db/hypotheses.js';
import { UsageError } from '../errors.js';
import { renderHypothesisShow } from '../render/hypotheses.js';

/** Print one hypothesis (`ref`: H7 or h7); an unknown id is a usage error. Called by `pm show` too. */
export function showHypothesis(ctx: Context, ref: string): void {
  const { db } = ctx.read();
  const rowid = parseHypothesisId(localId(db, ref));
  if (rowid === null) throw unknownHypothesis(ref);
  const found = hypothesisRecords(db, ctx.today, ctx.config(), { only: rowid })[0];
  if (!found) {
    // a teammate a time zone ahead added it, and sync brought it before this calendar reached its
    // day: "unknown hypothesis" made it look lost (fresh-eyes wave 13 H10)
    const created = hypothesisCreatedOn(db, rowid);
    if (created !== undefined && created > ctx.today)
      throw new UsageError(
        datedAhead(`H${rowid}`, created, ctx.today),
        `it shows from ${created} on, as everything dated then`,
      );
    throw unknownHypothesis(ref);
  }
  const evidence = evidenceOf(db, rowid);
  const outcomes = outcomesOf(db, rowid);
  // the report's action line for a decided hypothesis with links since sends the user here: say so
  // its decision as of today, as `found` is (the rule orders a day's records by their UUIDs)
  const latest = outcomes.filter((o) => o.date <= ctx.today).at(-1);
  const since = afterDecision(
    found.status,
    latest ? { date: latest.date, uuid: latest.uuid } : null,
    evidence,
    ctx.today,
  );
  const record = since ? { ...found, flags: [...found.flags, since.flag] } : found;
  // links refuting a killed one since its decision raise nothing: they confirm it, which the page says
  const confirmed =
    latest && (found.status === 'killed' || found.status === 'invalidated')
      ? evidence.filter((e) => e.direction === 'refutes' && e.date <= ctx.today && loggedAfter(e, latest))
      : [];
  if (ctx.json) {
    ctx.printJson({ ...record, evidence, outcomes });
    return;
  }
  const shared = syncs(db);
  ctx.out(
    renderHypothesisShow(record, evidence, outcomes, {
      color: ctx.color,
      width: ctx.width,
      today: ctx.today,
      decideInDays: daysBetween(ctx.today, record.decideBy),
      since: since?.interviews ?? [],
      confirmed: confirmed.map((e) => e.interviewId),
      shared,
      // who added it, where it may be someone else (H14): a shared journal, or a name not the user's
      addedBy: record.by !== null && (shared || !sameName(record.by, ctx.defaultBy(ctx.config()))) ? record.by : null,
    }),
  );
}

export function show(ctx: Context, ref: string): void {
  showHypothesis(ctx, ref);
}

/** Two names the same as SQLite's NOCASE compares a conversation's `by` with `--by` (ASCII letters' case aside). */
function sameName(a: string, b: string): boolean {
  const fold = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
  return fold(a) === fold(b);
}
