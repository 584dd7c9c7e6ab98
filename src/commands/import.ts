// pm import FILE|-: validate the whole document first, then merge it in one transaction.
import { readFileSync } from 'node:fs';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { decodeUtf8 } from '../core/text.js';
import { validateDocument, type JournalDoc } from '../core/import-validate.js';
import { importJournal, journalLookup, type ImportCounts } from '../db/import.js';
import { isTerminal, readStdin, writeErr } from '../io.js';
import { interruptible } from '../interrupt.js';

/** Below this many interviews an import is quick enough to need no progress line. */
const PROGRESS_FROM = 10_000;

function readInput(file: string): string {
  const what = file === '-' ? 'stdin' : file;
  let bytes: Buffer;
  try {
    bytes = file === '-' ? readStdin() : readFileSync(file);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    throw new UsageError(
      `cannot read ${what}: ${e.code === 'ENOENT' ? 'no such file' : e.code === 'EISDIR' ? 'it is a folder' : e.message}`,
    );
  }
  // a SQLite file (a journal or a backup) is the usual wrong file: say so
  if (bytes.subarray(0, 16).toString('latin1') === 'SQLite format 3\u0000')
    throw new UsageError(
      `${what} is a SQLite file (a journal?), not a JSON export`,
      'pm import reads what pm export --format json writes; to use a journal as it is: pm --db PATH …',
    );
  return decodeUtf8(bytes, what);
}

export function parseDocument(textIn: string, what: string): unknown {
  try {
    return JSON.parse(textIn);
  } catch (err) {
    throw new UsageError(
      `${what} is not valid JSON: ${(err as Error).message}`,
      'pm import reads what pm export --format json writes',
    );
  }
}

function summary(c: ImportCounts): string {
  const part = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const added = [
    part(c.interviews.added, 'interview', 'interviews'),
    part(c.hypotheses.added, 'hypothesis', 'hypotheses'),
    part(c.outcomes.added, 'outcome', 'outcomes'),
    part(c.evidence.added, 'evidence link', 'evidence links'),
    part(c.contacts.added, 'contact', 'contacts'),
    part(c.accounts.added, 'account', 'accounts'),
  ].join(', ');
  const known = c.interviews.existing + c.hypotheses.existing + c.outcomes.existing + c.evidence.existing;
  const lines = [`Imported ${added}.`];
  if (known) lines.push(`Already in the journal: ${known} records (kept as they are).`);
  if (c.contacts.matched || c.accounts.matched)
    lines.push(
      `Matched to yours: ${part(c.contacts.matched, 'contact', 'contacts')}, ${part(c.accounts.matched, 'account', 'accounts')}.`,
    );
  if (c.contacts.forgotten)
    lines.push(
      `Left out: ${part(c.contacts.forgotten, 'forgotten contact', 'forgotten contacts')} (erased with pm forget).`,
    );
  if (c.config) lines.push("Took the file's settings (the journal was empty).");
  return lines.join('\n');
}

/**
 * Read, check, then merge in one transaction. SIGINT or SIGTERM (src/interrupt.ts) is seen between
 * the steps and once the merge is done, before its commit: the transaction rolls back, nothing is
 * written, exit 130/143. The merge itself runs synchronously (seconds for a 100k-interview file),
 * so a signal during it takes effect when it ends.
 */
export async function importCommand(ctx: Context, file: string): Promise<void> {
  const what = file === '-' ? 'stdin' : file;
  let showedProgress = false;
  const endProgress = () => {
    if (showedProgress) writeErr('\n');
    showedProgress = false;
  };
  const counts = await interruptible(
    async (checkpoint) => {
      const raw = parseDocument(readInput(file), what);
      await checkpoint();
      // A new journal has nothing to refer to: check the file before creating it, so a bad file
      // leaves no journal behind. An existing one is checked inside the write transaction.
      let checked: JournalDoc | undefined = ctx.read().missing ? validateDocument(raw) : undefined;
      await checkpoint();
      const progress =
        isTerminal(2) && !ctx.globals.quiet
          ? (done: number, total: number) => writeErr(`\rpm: importing interviews… ${done}/${total}`)
          : undefined;
      try {
        return await ctx.transactionAsync(async ({ db }) => {
          checked ??= validateDocument(raw, journalLookup(db));
          const large = checked.interviews.length >= PROGRESS_FROM;
          const merged = importJournal(db, checked, {
            onProgress:
              large && progress
                ? (done, total) => {
                    showedProgress = true;
                    progress(done, total);
                  }
                : undefined,
          });
          // the last moment a signal can call it off: thrown here, the transaction rolls back
          await checkpoint();
          return merged;
        });
      } finally {
        endProgress();
      }
    },
    () => 'interrupted, nothing imported',
    () => `interrupted after the import of ${what} was saved in full`,
  );
  if (ctx.json) ctx.printJson(counts);
  else ctx.out(summary(counts));
}
