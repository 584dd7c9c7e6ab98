// The journal keeps the path of every backup and export file pm writes (src/db/erasure.ts), so that
// `pm forget` can name those that still hold the person it erases. A journal that cannot take the
// note (read-only, locked past the busy timeout) does not fail the backup or export: it says so.
import type { Context } from '../context.js';
import { recordWrittenFile, type WrittenKind } from '../db/erasure.js';

export function rememberWrittenFile(ctx: Context, kind: WrittenKind, path: string): void {
  try {
    ctx.transaction(({ db }) => recordWrittenFile(db, kind, path, new Date().toISOString()));
  } catch (err) {
    ctx.warn(
      `wrote ${path}, but could not note it in the journal (${(err as Error).message}): pm forget will not name ` +
        `it if it holds a person erased later`,
    );
  }
}
