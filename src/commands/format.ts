// The --format of the commands that print text, markdown or JSON (report, demo, opportunities, tree).
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';

/** The one wording of a --format no command knows: `--format must be md, json or csv (got "x")`. */
export function unknownFormat(format: string | undefined, formats: readonly string[]): UsageError {
  const list = `${formats.slice(0, -1).join(', ')} or ${formats[formats.length - 1]}`;
  return new UsageError(`--format must be ${list} (got ${JSON.stringify(format)})`);
}

export type TextFormat = 'text' | 'md' | 'json';

/** --format text|md|json (md also as markdown), or json with the global --json; anything else is a usage error. */
export function textFormat(ctx: Context, format: string | undefined): TextFormat {
  if (ctx.json) {
    if (format !== undefined && format !== 'json')
      throw new UsageError(`--json and --format ${format} disagree`, 'give one of them');
    return 'json';
  }
  const f = (format ?? 'text').trim().toLowerCase();
  if (f === 'text' || f === 'json') return f;
  if (f === 'md' || f === 'markdown') return 'md';
  throw unknownFormat(format, ['text', 'md', 'json']);
}

export type PageFormat = TextFormat | 'html';

/** The report's --format (pm report, pm demo): text, md, json, or html (the standup page as one file). */
export function pageFormat(ctx: Context, format: string | undefined): PageFormat {
  if (!ctx.json && format?.trim().toLowerCase() === 'html') return 'html';
  try {
    return textFormat(ctx, format);
  } catch (err) {
    if (err instanceof UsageError && !ctx.json) throw unknownFormat(format, ['text', 'md', 'json', 'html']);
    throw err;
  }
}
