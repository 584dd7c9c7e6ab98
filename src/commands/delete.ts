// `pm delete I12|last|H3 [--yes] [--force]`: asks on a terminal, needs --yes otherwise. An interview
// goes with its contacts list, pains, quotes, tags and evidence links; a hypothesis with its
// evidence links, outcomes, tags and revisions (the schema's ON DELETE CASCADE), in one transaction.
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { hypothesisLabel, interviewLabel, undoLine } from '../render/interviews.js';
import { loadInterview, resolveInterviewRef } from '../db/interviews.js';
import { bareNumber, localId } from '../db/refs.js';
import { InterviewWriter } from '../db/interview-writer.js';
import { deleteHypothesis, evidenceCount, hypothesesByRowId } from '../db/evidence.js';
import { goAhead } from '../prompts.js';
import { foldLinkVersions } from '../db/tracking.js';
import { contactsOfInterview, leftWithoutConversation } from '../db/contacts.js';

export interface DeleteOptions {
  yes?: boolean;
  force?: boolean;
}

/** Ask on a terminal; without one, --yes is required. Returns whether to go ahead. */
function confirmed(ctx: Context, question: string, opts: DeleteOptions, what: string): Promise<boolean> {
  return goAhead(ctx, question, opts.yes, () => {
    throw new UsageError(`pm delete needs --yes when it cannot ask (deleting ${what})`, `try: pm delete ${what} --yes`);
  });
}

export async function remove(ctx: Context, given: string, opts: DeleteOptions): Promise<void> {
  const ref = localId(ctx.read().db, given);
  const h = /^\s*[hH](\d{1,15})\s*$/.exec(ref);
  if (h) return removeHypothesis(ctx, Number(h[1]), opts);
  const { db } = ctx.read();
  // a number alone could be either, and a deletion is not undone: the letter is asked for (H19)
  const bare = bareNumber(db, ref);
  if (bare?.hypothesis)
    throw new UsageError(
      bare.interview
        ? `"${bare.n}" could be I${bare.n} or H${bare.n}: say which with its letter`
        : `"${bare.n}" is a number alone, and there is no I${bare.n}: say H${bare.n} for the hypothesis`,
      bare.interview
        ? `try: pm delete I${bare.n} (the interview) or pm delete H${bare.n} (the hypothesis)`
        : `try: pm delete H${bare.n}`,
    );
  // delete takes hypotheses too: the hint says so
  const rowid = resolveInterviewRef(db, ref, 'I12, H3, or last');
  const record = loadInterview(db, rowid)!;
  const label = interviewLabel(record);
  if (!(await confirmed(ctx, `Delete ${label}?`, opts, record.id))) {
    ctx.info('Nothing deleted.');
    return;
  }
  const left = ctx.transaction(({ db }) => {
    // re-resolve the same row: `last` may have moved if another pm wrote meanwhile
    resolveInterviewRef(db, record.id);
    const people = contactsOfInterview(db, rowid);
    // its tombstone says which links the deletion saw (a teammate's link it never saw keeps it)
    foldLinkVersions(db, 'interview', record.uuid);
    new InterviewWriter(db).remove(rowid);
    return leftWithoutConversation(db, people);
  });
  if (ctx.json) ctx.printJson(record);
  else ctx.out(`Deleted ${label}`);
  for (const line of left) ctx.info(line);
  ctx.info(undoLine(record.id, 'now'));
}

async function removeHypothesis(ctx: Context, rowid: number, opts: DeleteOptions): Promise<void> {
  const { db } = ctx.read();
  const [hyp] = hypothesesByRowId(db, [rowid]);
  if (!hyp) throw new UsageError(`unknown hypothesis H${rowid}`, 'try: pm hyp list --status all');
  const links = evidenceCount(db, rowid);
  if (links > 0 && !opts.force)
    throw new UsageError(
      `${hyp.id} has ${links} evidence link${links === 1 ? '' : 's'}; deleting it loses what you learned`,
      `killing it is usually what you mean: pm hyp kill ${hyp.id} --reason "…"  (or: pm delete ${hyp.id} --force)`,
    );
  const label = hypothesisLabel(hyp);
  if (!(await confirmed(ctx, `Delete ${label}${links ? ` and its ${links} evidence links` : ''}?`, opts, hyp.id))) {
    ctx.info('Nothing deleted.');
    return;
  }
  ctx.transaction(({ db }) => {
    if (hypothesesByRowId(db, [rowid]).length === 0) throw new UsageError(`unknown hypothesis H${rowid}`);
    foldLinkVersions(
      db,
      'hypothesis',
      db.prepare('SELECT uuid FROM hypotheses WHERE id = ?').pluck().get(rowid) as string,
    );
    deleteHypothesis(db, rowid);
  });
  if (ctx.json) ctx.printJson({ id: hyp.id, statement: hyp.statement, status: hyp.status, evidence: links });
  else ctx.out(`Deleted ${label}`);
  ctx.info(undoLine(hyp.id, 'now'));
}
