// The interviews and hypotheses of this journal that a teammate's deletion removed, named as pm delete
// names them, with the way back (fresh-eyes wave 18 H20): pm import and pm sync say them alike.
import type { RemovedRecord } from '../db/merge.js';
import { hypothesisLabel, interviewLabel, undoLine } from '../render/interviews.js';

/** At most this many are named on lines of their own; --json lists all. */
const REMOVED_NAMED = 10;

/** Each removed record's id here and its label (`I1 (2026-12-07, Jane: My precious call)`). */
export function removedNamed(removed: readonly RemovedRecord[]): { id: string; label: string }[] {
  return removed.map((r) =>
    r.kind === 'interview'
      ? { id: r.record.id, label: interviewLabel(r.record) }
      : { id: r.id, label: hypothesisLabel(r) },
  );
}

/**
 * `head` ending in a colon, then the first ten labels, then the way back; nothing when none was removed.
 * `command` is what ran (`this import`), `json` the command that lists them all.
 */
export function removedLines(head: string, removed: readonly RemovedRecord[], command: string, json: string): string[] {
  const named = removedNamed(removed);
  if (named.length === 0) return [];
  const lines = [`${head}:`, ...named.slice(0, REMOVED_NAMED).map((r) => `  ${r.label}`)];
  if (named.length > REMOVED_NAMED) lines.push(`  and ${named.length - REMOVED_NAMED} more (${json})`);
  lines.push(undoLine(named[0]!.id, command, 'to bring one back'));
  return lines;
}
