// `pm doctor [--repair]`: the journal's path, schema and counts, SQLite's integrity and
// foreign-key checks, the file's permissions, and the summaries the schema keeps by triggers,
// each compared with what its view computes from the records. Exit 1 when anything is wrong.
// --repair rebuilds the summaries that differ (they are derived data: nothing a user wrote changes).
import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import { journalBytes, statusLine } from './status-line.js';
import type { Context } from '../context.js';
import { SCHEMA_VERSION } from '../db/migrations.js';
import { COUNTED, checkJournal, repairSummaries, type SummaryDrift } from '../db/doctor.js';
import { ExitWith, EXIT } from '../errors.js';
import { identityKeyDrift, identityWarnings, lookalikeDifference, refreshIdentityKeys } from '../db/identity.js';
import { safeLine, shellWord } from '../core/text.js';

/** Each counted table's name for one record: `1 outcome`, `1 evidence`. */
const ONE: Record<(typeof COUNTED)[number], string> = {
  accounts: 'account',
  contacts: 'contact',
  interviews: 'interview',
  hypotheses: 'hypothesis',
  evidence: 'evidence',
  outcomes: 'outcome',
};

export interface DoctorOptions {
  repair?: boolean;
}

export function doctor(ctx: Context, opts: DoctorOptions = {}): void {
  ctx.namesMissingJournal = true;
  let journal = ctx.read();
  const status = statusLine(ctx);
  status(`pm: checking the journal (${Math.round(journalBytes(journal.path) / 1024 / 1024)} MB)…`);
  let checks = checkJournal(journal.db);
  let keys = checks.summaries === null ? null : identityKeyDrift(journal.db);
  status('');
  let repaired: SummaryDrift[] = [];
  const keyRows = (k: typeof keys) => (k ? k.contacts + k.accounts + k.tags : 0);
  if (opts.repair && !journal.missing && (checks.summaries?.length || keyRows(keys))) {
    repaired = checks.summaries ?? [];
    if (keyRows(keys)) repaired = [...repaired, { name: 'identity keys', rows: keyRows(keys) }];
    ctx.transaction(({ db }) => {
      repairSummaries(db);
      refreshIdentityKeys(db);
    });
    journal = ctx.read();
    checks = checkJournal(journal.db);
    keys = checks.summaries === null ? null : identityKeyDrift(journal.db);
  }
  const problems: string[] = [];
  // no file is not a healthy journal: a nightly `pm doctor || mail …` must hear of a journal gone
  // (fresh-eyes wave 12 G11: "Integrity: ok", exit 0, for a typo'd or deleted path)
  if (journal.missing)
    problems.push(`there is no journal at ${journal.path} (pm init or pm log makes one; another: --db or $PM_DB)`);
  const intact = checks.integrity.length === 1 && checks.integrity[0] === 'ok';
  if (!intact) {
    const unreadable = COUNTED.filter((t) => checks.counts[t] === null);
    problems.push(
      `integrity_check: ${checks.integrity.join('; ')}` +
        (unreadable.length ? ` (cannot read: ${unreadable.join(', ')})` : '') +
        `; restore the latest copy (pm backup's, or ${journal.path}.bak-v*); to save what SQLite can still ` +
        `read: sqlite3 ${shellWord(journal.path)} .recover | sqlite3 saved.db, then pm --db saved.db doctor`,
    );
  }
  if (checks.brokenReferences) problems.push(`foreign_key_check: ${checks.brokenReferences} broken references`);
  for (const s of checks.summaries ?? [])
    problems.push(
      `the summary ${s.name} differs from the records it sums up (${s.rows} row${s.rows === 1 ? '' : 's'}); ` +
        'to rebuild it: pm doctor --repair',
    );
  if (keyRows(keys))
    problems.push(
      `the keys pm compares names by differ from the names of ${keyRows(keys)} row${keyRows(keys) === 1 ? '' : 's'} ` +
        '(contacts, accounts or tags written by another program); to rebuild them: pm doctor --repair',
    );
  // not problems: names pm cannot tell apart for you (issue 16); the journal is healthy with them
  const warnings = journal.missing || checks.summaries === null ? [] : identityWarnings(journal.db).map(describe);
  // a journal in a folder pm cannot write is checked in a copy in memory (upgraded there when older):
  // the file's own schema and mode are what the user asked about (E33)
  const file = journal.file;
  if (file)
    warnings.push(
      `pm cannot write the journal's folder ${dirname(journal.path)}: checked in a copy in memory` +
        (file.schemaVersion < SCHEMA_VERSION
          ? `; the file is schema ${file.schemaVersion}, upgraded to ${SCHEMA_VERSION} at the first pm command ` +
            'run by a user who can write that folder'
          : ''),
    );
  const mode = journal.missing ? null : (statSync(journal.path).mode & 0o777).toString(8).padStart(4, '0');
  if (mode && (parseInt(mode, 8) & 0o077) !== 0)
    problems.push(`the journal is readable by others (mode ${mode}); chmod 600 ${journal.path}`);
  const report = {
    path: journal.path,
    exists: !journal.missing,
    schemaVersion: journal.missing ? 0 : (file?.schemaVersion ?? checks.schemaVersion),
    supportedSchemaVersion: SCHEMA_VERSION,
    applicationId: journal.missing ? null : checks.applicationId,
    journalMode: journal.missing ? null : (file?.journalMode ?? checks.journalMode),
    mode,
    counts: checks.counts,
    integrity: intact ? 'ok' : checks.integrity,
    foreignKeys:
      checks.brokenReferences === null ? 'not checked' : checks.brokenReferences === 0 ? 'ok' : checks.brokenReferences,
    summaries: checks.summaries === null ? 'not checked' : checks.summaries.length === 0 ? 'ok' : checks.summaries,
    ...(opts.repair ? { repaired } : {}),
    healthy: problems.length === 0,
    problems,
    warnings,
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
        `Records:   ${COUNTED.map((t) => {
          const n = checks.counts[t];
          return n === null ? c.red(`${t} unreadable`) : `${n} ${n === 1 ? ONE[t] : t}`;
        }).join(', ')}`,
        report.exists
          ? `Integrity: ${ok(intact)}   Foreign keys: ${
              checks.brokenReferences === null ? c.dim('not checked') : ok(checks.brokenReferences === 0)
            }   ` + `Summaries: ${checks.summaries === null ? c.dim('not checked') : ok(checks.summaries.length === 0)}`
          : `Integrity: ${c.dim('— (no journal)')}`,
        ...repaired.map((s) => `Repaired:  ${s.name} (${s.rows} row${s.rows === 1 ? '' : 's'} rebuilt)`),
        ...problems.map((p) => c.red(`Problem:   ${p}`)),
        ...warnings.map((w) => c.yellow(`Warning:   ${w}`)),
      ].join('\n'),
    );
  }
  if (problems.length) throw new ExitWith(EXIT.journal);
}

/** A doctor's warning about names: who, and what to do if they are one. */
function describe(w: ReturnType<typeof identityWarnings>[number]): string {
  const who = w.names
    .map(
      (n) =>
        `${JSON.stringify(safeLine(n.name))}` +
        `${n.account ? ` (${safeLine(n.account)}${n.email ? `, ${safeLine(n.email)}` : ''})` : ''}`,
    )
    .join(', ');
  const merge = w.what === 'contacts' ? 'pm contact merge' : 'pm account merge';
  // contacts by UUID (a lookalike name is hard to type); accounts by name (pm account merge takes names)
  const refs = w.names.map((n) => (w.what === 'contacts' ? n.uuid : JSON.stringify(n.name)));
  if (w.kind === 'same-name')
    return w.what === 'contacts'
      ? `${w.names.length} contacts of one account have one name: ${who}; if they are one person: ${merge} ` +
          `${refs[1]} ${refs[0]}`
      : `${w.names.length} accounts have one name: ${who}; if they are one: ${merge} ${refs[1]} ${refs[0]}`;
  return (
    `${who} look alike but are written with ${lookalikeDifference(w.names[1].name, w.names[0].name)}; if ` +
    `they are one: ${merge} ${refs[1]} ${refs[0]}`
  );
}
