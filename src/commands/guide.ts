// `pm guide H3 [--format text|md|json]`: an interview guide for a hypothesis. `pm guide check
// [FILE|-]`: review questions written by hand (one a line, or markdown list items); exit 3 when one
// has a problem.
import { withRefs } from '../core/page-refs.js';
import { readFileSync } from 'node:fs';
import type { Context } from '../context.js';
import { EXIT, ExitWith, UsageError } from '../errors.js';
import { journeyStages } from '../core/config.js';
import { buildGuide, checkQuestions } from '../core/guide.js';
import { datedAhead, parseHypothesisId, unknownHypothesis } from '../core/hypotheses.js';
import { closest, decodeUtf8 } from '../core/text.js';
import { heardFor, segmentNames, stagesLogged } from '../db/guide.js';
import { hypothesisCreatedOn, hypothesisRecords } from '../db/hypotheses.js';
import { isShortRef, localId, pageRefs } from '../db/refs.js';
import { isTerminal, readStdin } from '../io.js';
import { textFormat } from './format.js';
import { renderCheckMarkdown, renderCheckText, renderGuideMarkdown, renderGuideText } from '../render/guide.js';

/** A list of questions is small: more than this is the wrong file. */
const MAX_BYTES = 1024 * 1024;

export function guide(ctx: Context, ref: string | undefined, opts: { format?: string }): void {
  const output = textFormat(ctx, opts.format);
  if (ref === undefined)
    throw new UsageError('which hypothesis? pm guide H3', 'try: pm hyp list, then pm guide H3; or pm guide check FILE');
  // a reference (H-8d8dc7) as every other hypothesis command takes it: a teammate's page gives one (H9)
  const rowid = parseHypothesisId(isShortRef(ref) ? localId(ctx.read().db, ref) : ref);
  if (rowid === null && closest(ref, ['check']))
    // `pm guide chek`: guide's own argument takes the misspelt subcommand, so commander cannot suggest it (G6)
    throw new UsageError(`unknown guide command '${ref}' (Did you mean check?)`, 'try: pm guide --help');
  if (rowid === null) throw unknownHypothesis(ref);
  const config = ctx.config();
  const { db } = ctx.read();
  // one dated after today (a teammate a time zone ahead added it) is read as of its own day, as pm hyp edit
  // reads it: a guide to interview for it is wanted now ("unknown hypothesis" made it look lost, wave 15)
  const created = hypothesisCreatedOn(db, rowid);
  const ahead = created !== undefined && created > ctx.today;
  const h = hypothesisRecords(db, ahead ? created : ctx.today, config, { only: rowid })[0];
  if (!h) throw unknownHypothesis(ref);
  if (ahead) ctx.warn(datedAhead(h.id, created, ctx.today));
  const heard = heardFor(db, rowid);
  const g = buildGuide(
    {
      ...h,
      today: ctx.today,
      segments: segmentNames(db, ctx.today),
      stages: journeyStages(config),
      stagesLogged: stagesLogged(db),
      heardSegments: heard.segments,
      heardStages: heard.stages,
    },
    config,
  );
  if (h.status !== 'open') ctx.warn(`${h.id} is ${h.status}: reopen it before interviewing for it`);
  if (output === 'json') ctx.printJson(withRefs(g, pageRefs(db)));
  else ctx.out(output === 'md' ? renderGuideMarkdown(g) : renderGuideText(g, ctx.color, ctx.width));
}

function readQuestions(file: string | undefined): string {
  if (file === undefined && isTerminal(0))
    throw new UsageError(
      'pm guide check reads questions from a file or from stdin',
      'try: pm guide check questions.md, or pbpaste | pm guide check',
    );
  const what = file === undefined || file === '-' ? 'stdin' : file;
  let bytes: Buffer;
  try {
    bytes = what === 'stdin' ? readStdin() : readFileSync(file!);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    throw new UsageError(
      `cannot read ${what}: ` +
        `${e.code === 'ENOENT' ? 'no such file' : e.code === 'EISDIR' ? 'it is a folder' : e.message}`,
    );
  }
  if (bytes.length > MAX_BYTES) throw new UsageError(`${what} is larger than 1 MB: not a list of questions`);
  return decodeUtf8(bytes, what);
}

export function check(ctx: Context, file: string | undefined, opts: { format?: string }): void {
  const output = textFormat(ctx, opts.format);
  const checked = checkQuestions(readQuestions(file));
  if (checked.length === 0)
    throw new UsageError('no questions to check', 'one question a line, or a markdown list (- Tell me about …)');
  if (output === 'json') ctx.printJson(checked);
  else ctx.out(output === 'md' ? renderCheckMarkdown(checked) : renderCheckText(checked, ctx.color, ctx.width));
  if (checked.some((q) => q.problems.length > 0)) throw new ExitWith(EXIT.flagged);
}
