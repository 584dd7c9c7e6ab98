// Text laid out by words for a terminal: wrapped at spaces so that no line is wider than the room
// and no word is cut in the middle (issue 15: the report's contact line broke mid-word), or shortened
// to a whole number of words with an ellipsis. Widths are display columns (src/render/width.ts).
import { cut, displayWidth } from './width.js';

const ELLIPSIS = '…';

/**
 * `text` (one line, no colour) as lines of at most `width` columns, broken at spaces; the lines after
 * the first start with `indent` (counted in the width). A word wider than a whole line is the only
 * thing ever cut, with an ellipsis.
 */
export function wrap(text: string, width: number, indent = ''): string[] {
  const words = text.split(' ').filter((w) => w !== '');
  const lines: string[] = [];
  let line = '';
  let used = 0;
  const room = () => (lines.length === 0 ? width : width - displayWidth(indent));
  for (const word of words) {
    const w = displayWidth(word);
    if (line !== '' && used + 1 + w <= room()) {
      line += ` ${word}`;
      used += 1 + w;
      continue;
    }
    if (line !== '') lines.push(line);
    const fitted = w <= room() ? word : cut(word, room());
    line = fitted;
    used = displayWidth(fitted);
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines.map((l, k) => (k === 0 ? l : indent + l));
}

/**
 * `text` shortened to at most `width` columns at a space, ending with an ellipsis when anything was
 * left out; a first word wider than that is cut.
 */
export function clipWords(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  const words = text.split(' ');
  let kept = '';
  for (const word of words) {
    const next = kept === '' ? word : `${kept} ${word}`;
    if (displayWidth(next) + 1 > width) break;
    kept = next;
  }
  if (kept === '') return cut(text, width);
  return kept.replace(/[\s,;:·—-]+$/u, '') + ELLIPSIS;
}
