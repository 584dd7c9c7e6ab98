// The draft of an interactive `pm log` that Ctrl-C interrupted (issue 15): what was typed, kept
// beside the journal (`journal.db.log-draft.json`, 0600, in the journal's 0700 folder) so that the
// next `pm log` offers to resume it; removed once the log resumed from it is saved, or discarded.
// A draft put off ("later") stays while other calls are logged, and an interrupted log then keeps its
// own beside it (`journal.db.log-draft-2.json`, …): no draft replaces another (fresh-eyes wave 10 E3).
// Written like every file pm writes besides the journal (src/files.ts): a temporary file, then a rename.
import { readdirSync, readFileSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { destination, stage } from '../files.js';
import { readDraftFile, type LogAnswers, type LogDraftFile } from '../core/quick-log.js';
import { MentionMatcher, type LiveNames } from '../core/mentions.js';

/** Where the first draft of `journal` is kept (the next ones: `-2`, `-3`, … before `.json`). */
export function draftPath(journal: string, n = 1): string {
  return join(dirname(journal), `${basename(journal)}.log-draft${n > 1 ? `-${n}` : ''}.json`);
}

/** The paths of every draft kept beside `journal`. */
export function draftPaths(journal: string): string[] {
  const base = `${basename(journal)}.log-draft`;
  let names: string[];
  try {
    names = readdirSync(dirname(journal));
  } catch {
    return [];
  }
  return names
    .filter((n) => n.startsWith(base) && /^(-[1-9][0-9]*)?\.json$/.test(n.slice(base.length)))
    .map((n) => join(dirname(journal), n));
}

export type KeptDraft = LogDraftFile & { path: string };

/** The kept drafts, oldest first (a file that is not a draft is ignored). */
export function readDrafts(journal: string): KeptDraft[] {
  const drafts: KeptDraft[] = [];
  for (const path of draftPaths(journal)) {
    try {
      const doc = readDraftFile(readFileSync(path, 'utf8'));
      if (doc) drafts.push({ ...doc, path });
    } catch {
      /* gone meanwhile */
    }
  }
  return drafts.sort((a, b) => (a.savedAt < b.savedAt ? -1 : a.savedAt > b.savedAt ? 1 : a.path < b.path ? -1 : 1));
}

/** The oldest kept draft, if there is one. */
export function readDraft(journal: string): KeptDraft | null {
  return readDrafts(journal)[0] ?? null;
}

/**
 * Keep `answers` as a draft: at `path` (the draft they were resumed from, replaced), or else beside
 * the drafts kept already, never over one. False when it could not be written.
 */
export function writeDraft(journal: string, answers: LogAnswers, now = new Date(), path?: string): boolean {
  try {
    let to = path;
    if (!to) {
      const taken = new Set(draftPaths(journal));
      let n = 1;
      while (taken.has(draftPath(journal, n))) n++;
      to = draftPath(journal, n);
    }
    const dest = destination(to, { journal, what: 'the draft', passThrough: false });
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
 * The kept drafts that name any of `people`: their UUID, or their name or email found as pm forget
 * finds a mention (src/core/mentions.ts: whole words, in any case, accent or Unicode form), but for
 * a run of words that is a living person's longer name (`live`: "Kim Lee Smith" of an erased "Kim
 * Lee"), and for a longer word ("Kim Leeson"): a draft about someone else is the user's unsaved work
 * (it was dropped for holding the erased name's letters anywhere).
 */
export function draftsNaming(
  journal: string,
  people: { uuid: string; name: string; email: string | null }[],
  live?: LiveNames,
): string[] {
  let living = live;
  for (const p of people) living = living?.besides(p.name);
  const named = new MentionMatcher(
    people.flatMap((p) => [p.name, ...(p.email ? [p.email] : [])]).map((text) => ({ text, replacement: '' })),
    living,
  );
  const uuids = people.map((p) => p.uuid.toLowerCase()).filter((u) => u !== '');
  return draftPaths(journal).filter((path) => {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      return false;
    }
    const lower = text.toLowerCase();
    return uuids.some((u) => lower.includes(u)) || stringsOf(text).some((s) => named.replace(s).count > 0);
  });
}

/** Every string of a draft's JSON (its text as written: "\\n" in the file is a line break), or the file. */
function stringsOf(text: string): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.push(v);
    else if (v !== null && typeof v === 'object') for (const x of Object.values(v)) walk(x);
  };
  try {
    walk(JSON.parse(text));
  } catch {
    return [text];
  }
  return out;
}

/**
 * Remove the drafts that name any of `people` (draftsNaming): called wherever a person is erased (pm
 * forget, and an erasure arriving with pm sync or pm import). True if one was removed.
 */
export function dropDraftNaming(
  journal: string,
  people: { uuid: string; name: string; email: string | null }[],
  live?: LiveNames,
): boolean {
  const naming = draftsNaming(journal, people, live);
  for (const path of naming) removeDraft(path);
  return naming.length > 0;
}

/** Remove the draft at `path` (its log was saved or discarded, or it named a person since erased). */
export function removeDraft(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    /* none */
  }
}
