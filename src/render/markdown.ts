// Markdown that user text can never break (CommonMark, and GitHub's tables). A user's summary is
// shown as the text it is: it never starts a heading, list, block quote, HTML block or code fence,
// never forms a link, image, autolink, raw HTML or entity (a `javascript:` URL never becomes a live
// link), and never ends a table cell. Control characters are made visible as for the terminal.
import { safeLine } from '../core/text.js';

// Inline syntax anywhere in a line: escapes, code spans, emphasis, links and images, raw HTML and
// autolinks, entities, strikethrough (GFM), table cells (GFM), heading closers.
const INLINE = /[\\`*_[\]<>&~|#]/g;
// Block syntax where a line starts: list bullets, setext underlines, thematic breaks, block quotes
// (`>`, `#` and `*`/`_` are escaped everywhere already), and ordered-list markers (`1.`, `1)`).
const LINE_START = /^([-+=])|^(\d{1,9})([.)])/;

/** The text as a reader sees it: one line, controls made visible, no leading or trailing blanks. */
export function displayInline(text: string | null | undefined): string {
  return safeLine(text).trim();
}

// Nothing mdInline would change: no control or bidi character, no inline syntax, no blank or block
// marker at either end. Most text is like this, and a week's export holds a megabyte of it.
const PLAIN = /^(?![-+=\d\s])[^\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\\`*_[\]<>&~|#]*(?<!\s)$/;

/** Text for use inside a paragraph, heading, list item or table cell: shown literally. */
export function mdInline(text: string | null | undefined): string {
  if (text == null) return '';
  return PLAIN.test(text) ? text : escapeInline(text);
}

/** What mdInline does to text that needs it (exported for the test that PLAIN skips only what it would not change). */
export function escapeInline(text: string | null | undefined): string {
  return displayInline(text)
    .replace(INLINE, (ch) => `\\${ch}`)
    .replace(LINE_START, (_m, mark: string | undefined, digits: string | undefined, dot: string | undefined) =>
      mark ? `\\${mark}` : `${digits}\\${dot}`,
    );
}

/** Text for a GFM table cell: like mdInline (which escapes `|`), and never empty. */
export function mdCell(text: string | null | undefined): string {
  const s = mdInline(text);
  return s === '' ? ' ' : s;
}

/** A table row from cells already escaped with mdCell (or made by the caller). */
export function mdRow(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** A GFM table: header cells and rows of plain (unescaped) text. */
export function mdTable(header: string[], rows: (string | number | null)[][]): string {
  return [
    mdRow(header.map(mdCell)),
    mdRow(header.map(() => '---')),
    ...rows.map((r) => mdRow(r.map((c) => mdCell(c === null ? '' : String(c))))),
  ].join('\n');
}

/**
 * Multi-line text (notes) as paragraphs: each line shown literally, line breaks kept as hard
 * breaks, blank lines between paragraphs kept.
 */
export function mdBlock(text: string | null | undefined): string {
  if (!text) return '';
  // one line (most notes): what the splitting below gives it, without the arrays
  if (!/[\r\n]/.test(text)) return mdInline(text);
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n+/)
    .map((para) =>
      para
        .split('\n')
        .map(mdInline)
        .filter((l) => l !== '')
        .join('\\\n'),
    )
    .filter((p) => p !== '')
    .join('\n\n');
}

/** Inline code showing `text` literally (a fence longer than any backtick run inside it). */
export function mdCode(text: string): string {
  const s = safeLine(text);
  const longest = Math.max(0, ...(s.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad =
    s.startsWith('`') || s.endsWith('`') || (s.startsWith(' ') && s.endsWith(' ') && s.trim() !== '') ? ' ' : '';
  return `${fence}${pad}${s}${pad}${fence}`;
}

export function mdHeading(level: number, text: string): string {
  return `${'#'.repeat(level)} ${mdInline(text)}`;
}
