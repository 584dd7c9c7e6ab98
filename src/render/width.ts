// Display width: how many terminal columns a piece of text takes, and text cut or padded to a
// number of columns. Measured by fast-string-width (CJK and fullwidth forms 2 columns, emoji 2
// including ZWJ sequences, flags and skin tones, combining marks 0), the library @inquirer/prompts
// measures with. Text of one-column characters only (printable ASCII and Latin-1, dashes, quotes,
// the ellipsis, arrows, the minus sign and box drawing) is answered without it, and the library is
// loaded only for the first text that is not: building its Unicode patterns and compiling them costs
// ~1 ms, at every start of every listing, for what is mostly ASCII. test/unit/width.test.ts compares
// the fast path with the library on many strings.
import type stringWidthType from 'fast-string-width';

// one column and one UTF-16 unit each, whatever follows (a mark or selector after one is not in it);
// the box-drawing lines of pm tree too (every line of it loaded the library: ~3 ms of a fresh process)
const NARROW = /^[\x20-\x7e\xa0-\xff\u2010-\u2027\u2190-\u2193\u2212\u2500-\u257f]*$/;
const ELLIPSIS = '…';

let library: typeof stringWidthType | undefined;
function stringWidth(text: string): number {
  // require, not import: the bundle (esbuild) then runs the library's module code only here
  library ??= (require('fast-string-width') as { default: typeof stringWidthType }).default;
  return library(text);
}

// One character as the eye sees it, near enough for cutting: a code point with the marks, skin
// tones, tag characters and joined code points that belong to it, or a flag (two regional
// indicators). Intl.Segmenter knows exactly, but constructing one costs 9-20 ms here, at every
// start that cuts a wide cell; the tests check these boundaries against it. Built on first use.
let cluster: RegExp | undefined;
const CLUSTER = () =>
  (cluster ??= /\p{Regional_Indicator}{2}|[\s\S](?:\p{M}|\p{Emoji_Modifier}|[\u{E0020}-\u{E007F}]|\u200D[\s\S])*/gu);

export function displayWidth(text: string): number {
  return NARROW.test(text) ? text.length : stringWidth(text);
}

/** Cut to `width` columns, with an ellipsis in the last column when anything was cut. */
export function cut(text: string, width: number): string {
  if (width <= 0) return '';
  if (NARROW.test(text)) return text.length <= width ? text : text.slice(0, width - 1) + ELLIPSIS;
  if (stringWidth(text) <= width) return text;
  const kept: string[] = [];
  let used = 0;
  for (const [piece] of text.matchAll(CLUSTER())) {
    used += stringWidth(piece);
    if (used > width - 1) break;
    kept.push(piece);
  }
  // the whole measured as one string is what a table pads by: never let it exceed the room
  while (kept.length && stringWidth(kept.join('')) > width - 1) kept.pop();
  return kept.join('') + ELLIPSIS;
}

/** Spaces after `text` up to `width` columns (none when it is as wide or wider). */
export function padEnd(text: string, width: number): string {
  const w = displayWidth(text);
  return w >= width ? text : text + ' '.repeat(width - w);
}

/** Spaces before `text` up to `width` columns. */
export function padStart(text: string, width: number): string {
  const w = displayWidth(text);
  return w >= width ? text : ' '.repeat(width - w) + text;
}
