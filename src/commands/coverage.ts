// `pm coverage [--weeks N | --since DATE] [--as-of DATE]`: whom we heard from — customer
// conversations per segment, persona and journey stage in the window, with the last of each, and
// the segments gone silent (segment-silent). Text, markdown or JSON; --check exits 3 on a silent one.
import type { Context } from '../context.js';
import { EXIT, ExitWith, noJournalFor, ReaderGone } from '../errors.js';
import { textFormat } from './format.js';
import { parsePastDate } from '../core/dates.js';
import { journeyStages } from '../core/config.js';
import { buildCoverage, coverageWindow } from '../core/coverage.js';
import { coverageRows } from '../db/coverage.js';
import { renderCoverageMarkdown, renderCoverageText } from '../render/coverage.js';

export interface CoverageOptions {
  weeks?: string;
  since?: string;
  asOf?: string;
  format?: string;
  check?: boolean;
}

export function coverage(ctx: Context, opts: CoverageOptions): void {
  const output = textFormat(ctx, opts.format);
  const asOf = opts.asOf === undefined ? ctx.today : parsePastDate(opts.asOf, ctx.today, '--as-of');
  const window = coverageWindow(opts, asOf);
  const config = ctx.config();
  const { db, missing } = ctx.read();
  // cron without the PM_DB the shell sets reads no journal: "No silent segment", exit 0, would be its
  // answer every morning; as pm report --check (fresh-eyes wave 19 H4)
  if (opts.check && missing) throw noJournalFor(ctx.dbPath, 'check');
  const result = buildCoverage(coverageRows(db, window, asOf, ctx.today), window, asOf, config, journeyStages(config));
  try {
    if (output === 'json') ctx.printJson(result);
    else if (output === 'md') ctx.out(renderCoverageMarkdown(result).trimEnd());
    else ctx.out(renderCoverageText(result, { color: ctx.color, width: ctx.width }).trimEnd());
  } catch (err) {
    // a reader that stopped early: --check still answers for the journal (fresh-eyes wave 17 H16)
    if (!opts.check || !(err instanceof ReaderGone)) throw err;
  }
  if (opts.check && result.flags.length > 0) throw new ExitWith(EXIT.flagged);
}
