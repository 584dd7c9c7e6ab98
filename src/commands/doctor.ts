import type { Context } from '../context.js';
import { APPLICATION_ID } from '../db/journal.js';
import { SCHEMA_VERSION } from '../db/migrations.js';
import { ExitWith, EXIT } from '../errors.js';
import { statSync } from 'node:fs';

const COUNTED = ['accounts', 'contacts', 'interviews', 'hypotheses', 'evidence', 'outcomes'] as const;

export function doctor(ctx: Context): void {
  const journal = ctx.read();
  const { db } = journal;
  const problems: string[] = [];
  const integrity = journal.missing
    ? ['ok']
    : (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
  if (integrity.length !== 1 || integrity[0] !== 'ok')
    problems.push(`integrity_check: ${integrity.slice(0, 5).join('; ')}`);
  const fk = db.pragma('foreign_key_check') as unknown[];
  if (fk.length) problems.push(`foreign_key_check: ${fk.length} broken references`);
  const counts = Object.fromEntries(
    COUNTED.map((t) => [t, db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number]),
  );
  const mode = journal.missing ? null : (statSync(journal.path).mode & 0o777).toString(8).padStart(4, '0');
  if (mode && (parseInt(mode, 8) & 0o077) !== 0)
    problems.push(`the journal is readable by others (mode ${mode}); chmod 600 ${journal.path}`);
  const report = {
    path: journal.path,
    exists: !journal.missing,
    schemaVersion: journal.missing ? 0 : (db.pragma('user_version', { simple: true }) as number),
    supportedSchemaVersion: SCHEMA_VERSION,
    applicationId: journal.missing
      ? null
      : (db.pragma('application_id', { simple: true }) as number) === APPLICATION_ID,
    journalMode: journal.missing ? null : (db.pragma('journal_mode', { simple: true }) as string),
    mode,
    counts,
    integrity: integrity.length === 1 && integrity[0] === 'ok' ? 'ok' : integrity,
    foreignKeys: fk.length === 0 ? 'ok' : fk.length,
    healthy: problems.length === 0,
    problems,
  };
  if (ctx.json) ctx.printJson(report);
  else {
    const c = ctx.color;
    ctx.out(
      [
        `Journal:   ${report.path}${report.exists ? '' : c.dim(' (not created yet: pm init, or pm log)')}`,
        `Schema:    ${report.schemaVersion} (this pm: ${SCHEMA_VERSION})${report.journalMode ? `, ${report.journalMode}` : ''}${mode ? `, mode ${mode}` : ''}`,
        `Records:   ${COUNTED.map((t) => `${counts[t]} ${t}`).join(', ')}`,
        `Integrity: ${report.integrity === 'ok' ? c.green('ok') : c.red('FAILED')}   Foreign keys: ${report.foreignKeys === 'ok' ? c.green('ok') : c.red('FAILED')}`,
        ...problems.map((p) => c.red(`Problem:   ${p}`)),
      ].join('\n'),
    );
  }
  if (problems.length) throw new ExitWith(EXIT.journal);
}
