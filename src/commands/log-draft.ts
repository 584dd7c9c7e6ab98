// The draft of an interactive `pm log` that Ctrl-C interrupted (issue 15): what was typed, kept
// beside the journal (`journal.db.log-draft.json`, 0600, in the journal's 0700 folder) so that the
// next `pm log` offers to resume it; removed once a log is saved. Written like every file pm writes
// besides the journal (src/files.ts): a temporary file, then a rename.
import { readFileSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { destination, stage } from '../files.js';
import { readDraftFile, type LogAnswers, type LogDraftFile } from '../core/quick-log.js';

/** Where the draft of `journal` is kept. */
export function draftPath(journal: string): string {
  return join(dirname(journal), `${basename(journal)}.log-draft.json`);
}

/** The kept draft, if there is one (a file that is not a draft is ignored). */
export function readDraft(journal: string): LogDraftFile | null {
  try {
    return readDraftFile(readFileSync(draftPath(journal), 'utf8'));
  } catch {
    return null;
  }
}

/** Keep `answers` as the draft (replacing any); false when it could not be written. */
export function writeDraft(journal: string, answers: LogAnswers, now = new Date()): boolean {
  try {
    const dest = destination(draftPath(journal), { journal, what: 'the draft', passThrough: false });
    if (dest.kind !== 'file') return false;
    const file = stage(dest);
    try {
      const doc: LogDraftFile = { format: 'pm-log-draft', savedAt: now.toISOString(), answers };
      file.write(`${JSON.stringify(doc, null, 2)}\n`);
      file.commit();
    } catch (err) {
      file.abandon();
      throw err;
    }
    return true;
  } catch {
    return false;
  }
}

/**
 * Does the kept draft hold any of `needles` (a person's UUID, name or email), case-insensitively, in
 * whatever Unicode form either was typed (JSON keeps non-ASCII text as it is)?
 */
export function draftMentions(journal: string, needles: string[]): boolean {
  let text: string;
  try {
    text = readFileSync(draftPath(journal), 'utf8').normalize('NFC').toLowerCase();
  } catch {
    return false;
  }
  return needles.some((n) => n !== '' && text.includes(n.normalize('NFC').toLowerCase()));
}

/**
 * Remove the draft if it names any of `people` (their UUID, name or email): called wherever a person
 * is erased (pm forget, and an erasure arriving with pm sync or pm import). True if it was removed.
 */
export function dropDraftNaming(
  journal: string,
  people: { uuid: string; name: string; email: string | null }[],
): boolean {
  const needles = people.flatMap((p) => [p.uuid, p.name, ...(p.email ? [p.email] : [])]);
  if (needles.length === 0 || !draftMentions(journal, needles)) return false;
  removeDraft(journal);
  return true;
}

/** Remove the draft (a log was saved, or it named a person since erased). */
export function removeDraft(journal: string): void {
  try {
    unlinkSync(draftPath(journal));
  } catch {
    /* none */
  }
}
