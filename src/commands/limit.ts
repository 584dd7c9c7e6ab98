// `--limit N` of the listings (pm ls, pm contacts, pm accounts, pm hyp list): on a terminal a page,
// into a pipe or a file, and with --json, every row (docs/decisions.md, "Listings on a terminal").
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';

/** How many rows a listing shows on a terminal when --limit is not given. */
export const TERMINAL_ROWS = 50;

/**
 * At most how many rows to list, undefined for every row: `--limit N` (0: every row), else
 * TERMINAL_ROWS on a terminal and every row for a script (`everyRow`: --json, or output into a pipe).
 */
export function rowLimit(raw: string | undefined, everyRow: boolean): number | undefined {
  if (raw === undefined) return everyRow ? undefined : TERMINAL_ROWS;
  if (!/^\s*\d{1,9}\s*$/.test(raw))
    throw new UsageError(`--limit must be a whole number (0: every row), not ${JSON.stringify(raw)}`);
  return Number(raw) === 0 ? undefined : Number(raw);
}

/** 11990 as 11,990. */
function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

/**
 * Under a listing its default limit cut, how many rows were left out, dim, on stderr (as pm ls's
 * line): "(50 of 12,000, most overdue first; --limit N for more)". `total` is asked only then.
 */
export function hintIfCut(
  ctx: Context,
  given: string | undefined,
  shown: number,
  total: () => number,
  order: string,
): void {
  if (given !== undefined || shown !== TERMINAL_ROWS) return;
  const all = total();
  if (all > shown) ctx.info(ctx.color.dim(`(${thousands(shown)} of ${thousands(all)}, ${order}; --limit N for more)`));
}
