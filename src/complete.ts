// `pm __complete [--db PATH] KINDS [PREFIX]`: what the completion scripts (`pm completion SHELL`)
// ask for when a value lives in the journal: one line a candidate, its value, a tab and what it
// is about. It runs at every TAB, so it is its own small bundle (dist/complete.cjs, which bin/pm.js
// loads instead of the CLI): no commander, no chalk, the journal opened read-only and never
// created or migrated. It never fails loudly: a missing or unreadable journal offers nothing.
import Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { candidateLines, isLiveKind, LIVE_KINDS } from './core/completion.js';
import { contactLines, liveCandidates } from './db/complete.js';
import { resolveJournalPath } from './db/journal-path.js';
import { EXIT, ExitWith } from './errors.js';
import { writeErr, writeOut } from './io.js';

/** What `pm __complete ARGV` prints and its exit code. */
export function complete(argv: readonly string[], env: NodeJS.ProcessEnv): { code: number; out: string; err: string } {
  let dbOption: string | undefined;
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--db') dbOption = argv[++i];
    else if (argv[i].startsWith('--db=')) dbOption = argv[i].slice('--db='.length);
    else words.push(argv[i]);
  }
  const [kinds = '', prefix = ''] = words;
  const wanted = kinds.split(',');
  if (words.length > 2 || !wanted.every(isLiveKind))
    return {
      code: EXIT.usage,
      out: '',
      err: `pm: usage: pm __complete [--db PATH] KIND[,KIND…] [PREFIX]; kinds: ${LIVE_KINDS.join(', ')}\n`,
    };
  const path = resolveJournalPath(dbOption, env);
  try {
    // nothing yet, an empty file, a folder, a device, a pipe: nothing to offer, and nothing opened
    const stat = statSync(path);
    if (!stat.isFile() || stat.size === 0) return { code: EXIT.ok, out: '', err: '' };
  } catch {
    return { code: EXIT.ok, out: '', err: '' };
  }
  let db: Database.Database | undefined;
  try {
    // another pm holding the write lock delays a TAB by at most this (a read in WAL mode never waits)
    db = new Database(path, { readonly: true, fileMustExist: true, timeout: 200 });
    let out = '';
    let failed = false;
    for (const kind of wanted) {
      try {
        out +=
          (kind === 'contact' ? contactLines(db, prefix) : undefined) ??
          candidateLines(liveCandidates(db, kind, prefix));
      } catch {
        // a journal of an older schema (no personas yet): the other kinds still answer
        failed = true;
      }
    }
    return { code: failed ? EXIT.journal : EXIT.ok, out, err: '' };
  } catch {
    return { code: EXIT.journal, out: '', err: '' };
  } finally {
    db?.close();
  }
}

/** bin/pm.js's entry for `pm __complete …`. */
export function main(argv: string[]): void {
  const r = complete(argv, process.env);
  try {
    if (r.out) writeOut(r.out);
    if (r.err) writeErr(r.err);
  } catch (err) {
    // the shell stopped reading (EPIPE): nothing more to say
    if (!(err instanceof ExitWith)) throw err;
  }
  process.exitCode = r.code;
}
