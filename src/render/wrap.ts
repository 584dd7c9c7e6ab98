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
 * left out; a first word wider than that is cut (`whole`: '' instead, for the caller to place it whole).
 */
export function clipWords(text: string, width: number, whole = false): string {
  if (displayWidth(text) <= width) return text;
  const words = text.split(' ');
  let kept = '';
  for (const word of words) {
    const next = kept === '' ? word : `${kept} ${word}`;
    if (displayWidth(next) + 1 > width) break;
    kept = next;
  }
  if (kept === '') return whole ? '' : cut(text, width);
  return kept.replace(/[\s,;:·—-]+$/u, '') + ELLIPSIS;
}

const TREE_LEAD = /^[ │├└─]*/u;
// `Evidence   4 supporting, …` (`Summary:   …` in pm show I12, dimmed on a terminal): a page's label,
// then its value from a column of its own
const LABELLED = /^ *(?:\x1b\[\d+m)?[A-Z][\w-]*(?: [\w-]+)?:?(?:\x1b\[\d+m)? {2,}/;

/**
 * Free text laid out for a terminal (the report's lines, `pm show`, `pm tree`, coverage): each line
 * wider than `width` wrapped at its words, its continuation lines indented two past the line's own
 * indent (under a tree's branch, `│` goes on and `├──`/`└──` become spaces), or under the value of a
 * labelled line (`Evidence   …`). Lines that fit, and
 * table lines (src/render/table.ts fits them), are kept as they are; colour codes take no room.
 */
export function fitLines(text: string, width: number): string {
  return text
    .split('\n')
    .flatMap((given) => {
      if (displayWidth(given) <= width) return [given];
      const lead = TREE_LEAD.exec(given)![0];
      const body = given.slice(lead.length);
      const label = LABELLED.exec(given)?.[0];
      const under =
        label && displayWidth(label) <= width / 2
          ? ' '.repeat(displayWidth(label))
          : `${lead.replace(/├/g, '│').replace(/[└─]/g, ' ')}  `;
      // words at the widths they are given; the spaces between them kept (a label's column)
      const out: string[] = [];
      let line = lead;
      let empty = true;
      const pieces = body.split(/( +)/);
      for (let k = 0; k < pieces.length; k += 2) {
        const word = pieces[k];
        const space = empty ? '' : pieces[k - 1];
        if (empty || displayWidth(line + space + word) <= width) line += space + word;
        else {
          out.push(line);
          // only a word wider than a whole line is cut
          line = under + (displayWidth(under + word) <= width ? word : cut(word, width - displayWidth(under)));
        }
        empty = false;
      }
      out.push(line);
      return out;
    })
    .join('\n');
}
