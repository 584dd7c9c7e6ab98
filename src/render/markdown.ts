// Markdown that user text can never break (CommonMark, GitHub's GFM, and Obsidian's extensions). A
// user's summary is shown as the text it is: it never starts a heading, list, block quote, HTML block
// or code fence, never forms a link, image, autolink, raw HTML or entity (a `javascript:` URL never
// becomes a live link), never ends a table cell, and never becomes GFM's strikethrough, an emoji
// shortcode, a bare-URL or email autolink or an @mention, nor Obsidian's ==highlight==, %%comment%%,
// $math$, [[wiki link]], #tag or ^block-id. Control characters are made visible as for the terminal.
import { safe, safeLine } from '../core/text.js';

// Inline syntax anywhere in a line: escapes, code spans, emphasis, links and images, raw HTML and
// autolinks, entities, strikethrough (GFM), table cells (GFM), headings and tags (#), math ($) and
// Obsidian's block ids and footnotes (^).
const INLINE = /[\\`*_[\]<>&~|#$^]/g;
// Obsidian's ==highlight== and %%comment%%: two or more in a row
const RUNS = /={2,}|%{2,}/g;
// Block syntax where a line starts: list bullets, setext underlines, thematic breaks, block quotes
// (`>`, `#` and `*`/`_` are escaped everywhere already), and ordered-list markers (`1.`, `1)`).
const LINE_START = /^([-+=])|^(\d{1,9})([.)])/;

/**
 * Where a renderer finds a link or an emoji in plain text after parsing it (GFM's autolinks, GitHub's
 * emoji and @mentions, Obsidian's bare URLs), a backslash does not help: cmark-gfm links
 * `jane\@acme.test` all the same. An empty HTML comment there splits the text in two, and renders as
 * nothing: a colon that opens an emoji shortcode (`:+1:`), between the slashes of `//` (`https://`,
 * and the scheme-less `//host` linkify-it links), after the colon of `mailto:` or `xmpp:`, `www`
 * before its dot, and `@` before a name or domain.
 */
const SPLIT_AT = /:(?=[\w+-]+:)|(?<=\/)(?=\/)|(?<=mailto|xmpp):|(?<=www)(?=\.)|@(?=[A-Za-z0-9])/gi;
const SPLIT = '<!-- -->';

/** The text as a reader sees it: one line, controls made visible, no leading or trailing blanks. */
export function displayInline(text: string | null | undefined): string {
  return safeLine(text).trim();
}

// Nothing mdInline would change: no control or bidi character, no inline syntax, nothing a renderer
// links or turns into an emoji (`@`, `www.`, `mailto:`, a colon but before a blank), no run of `=` or
// `%`, no blank or block marker at either end. Most text is like this, and a week's export holds a
// megabyte of it. A colon before a blank ("Exports: slow", as most summaries are written) opens no
// shortcode: let through, such text skips escapeInline's five passes (~1 ms of a week's export).
// What a renderer links wherever it is in the text is searched for apart (LINKING): as a lookahead at the
// start of PLAIN it scanned the rest of the text at every step back, and made the whole expression
// case-insensitive, where the rest holds no letter (~0.5 ms of a week's export, in a fresh process).
const LINKING = /www\.|==|%%|\/\/|mailto:|xmpp:/i;
const PLAIN_TEXT =
  String.raw`(?![-+=\d\s])(?:[^\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\\` +
  '`' +
  String.raw`*_[\]<>&~|#$^:@]|:(?=\s))*(?<!\s)`;
const PLAIN = new RegExp(`^${PLAIN_TEXT}$`);
// PLAIN for each text between two NULs, the rest left to the caller: NUL is none of the characters a
// text may hold, so each ends at the next one, and none of LINKING's strings can hold one
const PLAIN_MARKED = new RegExp(`^(?:[^\0]*\0${PLAIN_TEXT}\0)*[^\0]*$`);

/** Text for use inside a paragraph, heading, list item or table cell: shown literally. */
export function mdInline(text: string | null | undefined): string {
  if (text == null) return '';
  return !LINKING.test(text) && PLAIN.test(text) ? text : escapeInline(text);
}

/**
 * Whether mdInline leaves each text set between two NULs as it is (the markdown export's lines made by
 * SQLite hold them so: src/db/exchange.ts MD_INTERVIEW_TEXTS). What is outside them is not tested.
 */
export function typedPlain(lines: string): boolean {
  return !LINKING.test(lines) && PLAIN_MARKED.test(lines);
}

/** What mdInline does to text that needs it (exported for the test that PLAIN skips only what it would not change). */
export function escapeInline(text: string | null | undefined): string {
  // NUL marks where to split: stored text never holds one (src/core/text.ts), and displayInline has
  // made every control character visible
  return displayInline(text)
    .replace(SPLIT_AT, '$&\u0000')
    .replace(INLINE, (ch) => `\\${ch}`)
    .replace(RUNS, (run) => run.replace(/./g, '\\$&'))
    .replace(LINE_START, (_m, mark: string | undefined, digits: string | undefined, dot: string | undefined) =>
      mark ? `\\${mark}` : `${digits}\\${dot}`,
    )
    .replaceAll('\u0000', SPLIT);
}

/** Text for a GFM table cell: like mdInline (which escapes `|`); '' for an empty cell. */
export function mdCell(text: string | null | undefined): string {
  return mdInline(text);
}

/** A table row from cells already escaped with mdCell (or made by the caller); an empty cell is `| |`. */
export function mdRow(cells: string[]): string {
  return `|${cells.map((c) => (c === '' ? ' ' : ` ${c} `)).join('|')}|`;
}

/** A GFM table: header cells and rows of plain (unescaped) text. */
export function mdTable(header: string[], rows: (string | number | null)[][]): string {
  return [
    mdRow(header.map(mdCell)),
    mdRow(header.map(() => '---')),
    ...rows.map((r) => mdRow(r.map((c) => mdCell(c === null ? '' : String(c))))),
  ].join('\n');
}

// What mdBlock changes or fences against: a carriage return, a control character but tab and newline
// (src/core/text.ts UNSAFE), a bidi control, a backtick
const BLOCK_UNPLAIN = /[\r`\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/**
 * Multi-line text (notes) as the user wrote it, in a fenced code block: lists, indentation, tabs and
 * blank lines kept, nothing in it read as markdown (nor as GFM's or Obsidian's extensions), and a
 * fence longer than any run of backticks inside, so that no line of it can close the block. Control
 * characters are made visible (tabs and line ends kept); trailing blank lines go. Empty: ''.
 */
export function mdBlock(text: string | null | undefined): string {
  if (!text || text.trim() === '') return '';
  // most notes hold no carriage return, control character or backtick: one pass instead of three
  if (!BLOCK_UNPLAIN.test(text)) return `\`\`\`text\n${text.trimEnd()}\n\`\`\``;
  const body = safe(text.replace(/\r\n?/g, '\n')).trimEnd();
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}text\n${body}\n${fence}`;
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
