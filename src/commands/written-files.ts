// The journal keeps the path of every backup and export file pm writes (src/db/erasure.ts), so that
// `pm forget` can name those that still hold the person it erases. A journal that cannot take the
// note (read-only, locked past the busy timeout) does not fail the backup or export: it says so.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Context } from '../context.js';
import { recordWrittenFile, writtenFiles, type WrittenKind } from '../db/erasure.js';
import type { ErasedPerson } from '../db/forget.js';

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

/**
 * Files that still hold the person's name or email: every backup and export pm wrote (the journal
 * keeps their paths), and copies beside the journal named after it (migration backups, and backups
 * made before pm kept the list). `needles` are looked for as UTF-8 bytes, in NFC and NFD.
 */
export function filesHolding(
  journalPath: string,
  registered: { path: string; kind: string }[],
  needles: string[],
): { path: string; kind: string }[] {
  const dir = dirname(resolve(journalPath));
  const base = basename(journalPath);
  const candidates = new Map(registered.map((f) => [f.path, f.kind]));
  try {
    for (const n of readdirSync(dir)) {
      const copy = n !== base && n.startsWith(base) && !/-(wal|shm|journal)$/.test(n) && !n.endsWith('.tmp');
      // a backup's temporary file (src/files.ts: .NAME.PID.N.tmp) left by a pm killed while writing it
      const leftover = n.startsWith(`.${base}`) && n.endsWith('.tmp');
      if ((copy || leftover) && !candidates.has(join(dir, n))) candidates.set(join(dir, n), 'backup');
    }
  } catch {
    /* the folder cannot be listed: only the registered files are checked */
  }
  const bytes = [
    ...new Set(needles.filter((n) => n.length >= 3).flatMap((n) => [n.normalize('NFC'), n.normalize('NFD')])),
  ].map((n) => Buffer.from(n, 'utf8'));
  const holding: { path: string; kind: string }[] = [];
  for (const [path, kind] of candidates) {
    let content: Buffer;
    try {
      content = readFileSync(path);
    } catch {
      continue; // gone (deleted, moved): nothing to name
    }
    if (bytes.some((b) => content.includes(b))) holding.push({ path, kind });
  }
  return holding;
}

/**
 * An erasure that arrived (pm sync, pm import) names this journal's own backups and exports that still
 * hold the person, as pm forget does where it runs: Dana's export of Zoë stayed on her disk, unnamed,
 * after Pat erased her (fresh-eyes wave 14 H9). Never the person's name. `who`: "a teammate" / "the file".
 */
export function warnFilesStillHolding(ctx: Context, people: ErasedPerson[], who: string): void {
  if (people.length === 0) return;
  const needles = people.flatMap((p) => [p.name, ...(p.email ? [p.email] : [])]);
  for (const f of filesHolding(ctx.dbPath, writtenFiles(ctx.write().db), needles))
    ctx.warn(
      `the ${f.kind} ${f.path} still holds a person ${who} erased; ` +
        (f.kind === 'backup' ? 'delete it or re-create it with pm backup' : 'delete it or export again'),
    );
}
