// A line on a terminal saying what a long step of a big journal's work is doing.
import { statSync } from 'node:fs';
import type { Context } from '../context.js';
import { isTerminal, writeErr } from '../io.js';

/**
 * A line on a terminal's stderr saying what a long step is doing, each replacing the last, '' clearing
 * it: erasing from or checking a journal of years takes seconds (pm forget's preview, scrub and
 * rewrite; pm doctor's integrity check), which a blank terminal makes read as a hang (fresh-eyes wave 16
 * H4). Nothing on a pipe, with --quiet or for a journal small enough to be done at once.
 */
export function statusLine(ctx: Context): (text: string) => void {
  if (!isTerminal(2) || ctx.globals.quiet || journalBytes(ctx.dbPath) < STATUS_FROM_BYTES) return () => {};
  let shown = false;
  return (text) => {
    if (!shown && text === '') return;
    writeErr(`\r\x1b[K${text}`);
    shown = text !== '';
  };
}

/** A journal of this many bytes (~1,000 interviews) takes a second or more to erase from or check. */
const STATUS_FROM_BYTES = 8 * 1024 * 1024;

/** The journal's bytes, with what its write-ahead log holds that the file does not yet. */
export function journalBytes(path: string): number {
  let bytes = 0;
  for (const f of [path, `${path}-wal`])
    try {
      bytes += statSync(f).size;
    } catch {}
  return bytes;
}
