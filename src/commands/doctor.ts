// `pm doctor [--repair]`: the journal's path, schema and counts, SQLite's integrity and
// foreign-key checks, the file's permissions, and the summaries the schema keeps by triggers,
// each compared with what its view computes from the records. Exit 1 when anything is wrong.
// --repair rebuilds the summaries that differ (they are derived data: nothing a user wrote changes).
import { statSync } from 'node:fs';
import type { Context } from '../context.js';
import { SCHEMA_VERSION } from '../db/migrations.js';
import { COUNTED, checkJournal, repairSummaries, type SummaryDrift } from '../db/doctor.js';
import { ExitWith, EXIT } from '../errors.js';

export interface DoctorOptions {
  repair?: boolean;
}

export function doctor(ctx: Context, opts: DoctorOptions = {}): void {
  let journal = ctx.read();
  let checks = checkJournal(journal.db);
  let repaired: SummaryDrift[] = [];
  if (opts.repair && !journal.missing && checks.summaries?.length) {
    repaired = checks.summaries;
    ctx.transaction(({ db }) => repairSummaries(db));
    journal = ctx.read();
    checks = checkJournal(journal.db);
  }
  const problems: string[] = [];
  const intact = checks.integrity.length === 1 && checks.integrity[0] === 'ok';
  if (!intact) problems.push(`integrity_check: ${checks.integrity.join('; ')}`);
  if (checks.brokenReferences) problems.push(`foreign_key_check: ${checks.brokenReferences} broken references`);
  for (const s of checks.summaries ?? [])
    problems.push(
      `the summary ${s.name} differs from the records it sums up (${s.rows} row${s.rows === 1 ? '' : 's'}); ` +
        'to rebuild it: pm doctor --repair',
    );
  const mode = journal.missing ? null : (statSync(journal.path).mode & 0o777).toString(8).padStart(4, '0');
  if (mode && (parseInt(mode, 8) & 0o077) !== 0)
    problems.push(`the journal is readable by others (mode ${mode}); chmod 600 ${journal.path}`);
  const report = {
    path: journal.path,
    exists: !journal.missing,
    schemaVersion: journal.missing ? 0 : checks.schemaVersion,
    supportedSchemaVersion: SCHEMA_VERSION,
    applicationId: journal.missing ? null : checks.applicationId,
    journalMode: journal.missing ? null : checks.journalMode,
    mode,
    counts: checks.counts,
    integrity: intact ? 'ok' : checks.integrity,
    foreignKeys: checks.brokenReferences === 0 ? 'ok' : checks.brokenReferences,
    summaries: checks.summaries === null ? 'not checked' : checks.summaries.length === 0 ? 'ok' : checks.summaries,
    ...(opts.repair ? { repaired } : {}),
    healthy: problems.length === 0,
    problems,
  };
  if (ctx.json) ctx.printJson(report);
  else {
    const c = ctx.color;
    const ok = (good: boolean) => (good ? c.green('ok') : c.red('FAILED'));
    ctx.out(
      [
        `Journal:   ${report.path}${report.exists ? '' : c.dim(' (not created yet: pm init, or pm log)')}`,
        `Schema:    ${report.schemaVersion} (this pm: ${SCHEMA_VERSION})` +
          `${report.journalMode ? `, ${report.journalMode}` : ''}${mode ? `, mode ${mode}` : ''}`,
        `Records:   ${COUNTED.map((t) => `${checks.counts[t]} ${t}`).join(', ')}`,
        `Integrity: ${ok(intact)}   Foreign keys: ${ok(checks.brokenReferences === 0)}   ` +
          `Summaries: ${checks.summaries === null ? c.dim('not checked') : ok(checks.summaries.length === 0)}`,
        ...repaired.map((s) => `Repaired:  ${s.name} (${s.rows} row${s.rows === 1 ? '' : 's'} rebuilt)`),
        ...problems.map((p) => c.red(`Problem:   ${p}`)),
      ].join('\n'),
    );
  }
  if (problems.length) throw new ExitWith(EXIT.journal);
}
