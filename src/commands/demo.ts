// `pm demo`: write the sample journal (src/core/demo-data.ts) through the importer into a fresh
// temporary file, or into --db when given (only a new or empty journal), and print its weekly
// report. $PM_DB and the default journal are never touched.
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { DEMO_PM, demoDay, demoJournal } from '../core/demo-data.js';
import { setConfigValue } from '../db/config.js';
import { validateDocument } from '../core/import-validate.js';
import { importJournal, journalLookup } from '../db/import.js';
import { holdsRecords } from '../db/journal.js';
import { printReport, reportFormat, reportOptions } from './report.js';

/** os.tmpdir(), from the run's environment rather than process.env (an in-process run has its own). */
function tempDir(env: NodeJS.ProcessEnv): string {
  const dir = env.TMPDIR || env.TMP || env.TEMP || '/tmp';
  return dir.length > 1 && dir.endsWith('/') ? dir.slice(0, -1) : dir;
}

export function demo(ctx: Context, flags: { format?: string; full?: boolean }): void {
  const format = reportFormat(ctx, flags.format);
  if (flags.full && format !== 'text')
    throw new UsageError(`--full is for the text report; --format ${format} is complete already`);
  const path = ctx.globals.db ?? join(mkdtempSync(join(tempDir(ctx.env), 'pm-demo-')), 'journal.db');
  // the sample is made as of its own day (today, or the Sunday before on a Monday or Tuesday)
  const sample = new Context({ ...ctx.globals, db: path }, { ...ctx.env, PM_TODAY: demoDay(ctx.today) });
  try {
    sample.transaction(({ db }) => {
      if (holdsRecords(db))
        throw new UsageError(
          `${path} already holds a journal; pm demo writes only to a new or empty one`,
          'try: pm demo (a temporary file), or pm --db /tmp/sample.db demo',
        );
      importJournal(db, validateDocument(demoJournal(sample.today), journalLookup(db)));
      // whoever explores the sample is its PM: a call they log is Dana Lee's, so the plain report stays the
      // sample's whole page rather than turning into theirs alone beside "someone else's" conversations
      setConfigValue(db, 'user.name', DEMO_PM);
    });
    const options = reportOptions(sample, {}, sample.config());
    // the page leaves a row for this note (one line) and one for the shell's prompt
    printReport(ctx, sample.read().db, options, format, flags.full, 2);
    ctx.info(`Explore the sample: pm --db ${path} ls`);
  } finally {
    sample.close();
  }
}
