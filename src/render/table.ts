// The one table layout every listing uses (pm ls, contacts, accounts, show, search, config, hyp list,
// the report's sections): columns aligned by display width (src/render/width.ts), colour applied after
// padding so escape codes never count as columns. The last column is never padded (nothing follows it),
// so a line ends where its text does.
// Fitting a width (issue 15: "no line is wider than the terminal, and no word is cut"): the `fill`
// column (a statement, a summary) takes what the other columns leave, cut after a whole word; a last
// column too long for what is left wraps at its words under itself; and when even the fill column's
// least does not fit, the trailing columns move, labelled, to a line of their own under the row.
import { NO_WIDTH } from '../io.js';
import { clipWords, wrap } from './wrap.js';
import { displayWidth } from './width.js';

export interface Column<Row> {
  /** the header line's text; a table whose columns have none has no header line */
  header?: string;
  /** the cell's text: plain, one line (safeLine), no colour */
  text: (row: Row) => string;
  /** right-aligned (numbers), header too */
  align?: 'right';
  /** exactly this wide: padded to it, never cut (a longer cell pushes the rest of its line) */
  width?: number;
  /** else as wide as its widest cell, at least this (default: the header's width) … */
  min?: number;
  /** … and at most this: longer cells are cut after a whole word */
  max?: number;
  /** takes the room the other columns leave of the table's width, at least this; cells are cut to it */
  fill?: number;
  /** spaces before the column (default 2; the first column's are the table's indent) */
  gap?: number;
  /** colour for the padded cell */
  paint?: (padded: string, row: Row) => string;
}

export interface TableOptions<Row> {
  /** no line wider than this (default: no limit) */
  width?: number;
  /** before every line */
  indent?: string;
  /** colour for the header line */
  header?: (line: string) => string;
  /** finishes a row's line (default: trailing spaces removed) */
  line?: (line: string, row: Row) => string;
}

/** the least a last column is given before the columns before it move under the row */
const LEAST_LAST = 16;

const longestWord = (text: string) => Math.max(0, ...text.split(' ').map(displayWidth));

/** The table's lines: the header's (when its columns have headers), then one a row (or more, to fit). */
export function table<Row>(rows: Row[], columns: Column<Row>[], opts: TableOptions<Row> = {}): string[] {
  return [...tableLines(rows, columns, opts)];
}

/** The same lines, made as they are asked for (`pm ls` into a pipe writes them in pieces). */
export function* tableLines<Row>(rows: Row[], columns: Column<Row>[], opts: TableOptions<Row> = {}): Generator<string> {
  const texts = columns.map((col) => rows.map((row) => col.text(row)));
  // each cell measured once, here: the layout pads and cuts by these (listings print up to 100k rows:
  // measuring a cell again to cut it and to pad it was a third of laying out pm contacts, issue 18)
  const cellWidths = texts.map((column) => column.map(displayWidth));
  const widest = cellWidths.map((column) => column.reduce((w, cw) => Math.max(w, cw), 0));
  // only the last column wraps at its words: the others need only their widest cell
  const final = columns.length - 1;
  let longest: number | undefined;
  const words = () => (longest ??= texts[final].reduce((w, text) => Math.max(w, longestWord(text)), 0));
  const layout = tableLayout(columns, widest, words, opts);
  if (layout.header !== undefined) yield layout.header;
  for (let i = 0; i < rows.length; i++) {
    const lines = layout.lines(
      rows[i],
      (k) => texts[k][i],
      (k) => cellWidths[k][i],
    );
    if (lines.length === 1) yield lines[0];
    else yield* lines;
  }
}

/**
 * Column widths from each column's widest cell (and the last one's longest word), and how a header
 * and a row are laid out.
 */
function tableLayout<Row>(
  columns: Column<Row>[],
  widest: number[],
  lastWord: () => number,
  opts: TableOptions<Row>,
): {
  header: string | undefined;
  lines: (row: Row, text: (k: number) => string, cellWidth: (k: number) => number) => string[];
} {
  const indent = opts.indent ?? '';
  const room = opts.width ?? Infinity;
  const gaps = columns.map((col, k) => (k === 0 ? 0 : (col.gap ?? 2)));
  const widths = columns.map((col, k) => {
    if (col.width !== undefined) return col.width;
    const wide = Math.max(col.min ?? displayWidth(col.header ?? ''), widest[k]);
    // a maximum keeps a terminal's columns readable; into a pipe or a file nothing is cut (reference: COLUMNS)
    return col.max === undefined || room >= NO_WIDTH ? wide : Math.min(col.max, wide);
  });
  const fillAt = columns.findIndex((col) => col.fill !== undefined);
  const fillLeast = fillAt >= 0 ? Math.min(widths[fillAt], columns[fillAt].fill!) : 0;
  const final = columns.length - 1;
  // the least a row's line needs with its first `n` columns: the fill column at its least, and the
  // table's last column (it wraps) at its longest word
  const lastLeast = (k: number) =>
    Math.min(widths[k], Math.max(LEAST_LAST, displayWidth(columns[k].header ?? ''), lastWord()));
  const need = (n: number, full = false) => {
    let sum = displayWidth(indent);
    for (let k = 0; k < n; k++)
      sum += gaps[k] + (k === fillAt ? (full ? 0 : fillLeast) : k === final && !full ? lastLeast(k) : widths[k]);
    return sum;
  };
  let shown = columns.length;
  // every column at its full width fits (a pipe's 10,000 columns): nothing moves or is cut to fit,
  // and the last column's words are not needed
  const fits = need(shown, true) + (fillAt >= 0 ? widths[fillAt] : 0) <= room;
  while (!fits && shown - 1 > Math.max(fillAt, 0) && need(shown) > room) shown--;
  // still too wide with the fill column at its least (pm ls at 40 columns): it moves under the row
  // too, then the columns before it, the first one always kept (E7: a row twice the terminal's width)
  if (!fits && fillAt > 0 && need(shown) > room) {
    shown = fillAt;
    while (shown > 1 && need(shown) > room) shown--;
  }
  const fillMoved = fillAt >= shown;
  const lastShown = shown - 1;
  if (!fits && fillAt >= 0 && fillAt < shown) {
    // the fill column first (up to its widest cell), the wrapping last column what is left
    const others = need(shown, true) - (fillAt !== final && lastShown === final ? widths[final] : 0);
    const lastKeeps = fillAt !== final && lastShown === final ? lastLeast(final) : 0;
    widths[fillAt] = Math.min(widths[fillAt], Math.max(fillLeast, room - others - lastKeeps));
  }
  // what a wrapping last column has left on the line
  const lastStart = need(lastShown, true) + (fillAt >= 0 && fillAt < lastShown ? widths[fillAt] : 0) + gaps[lastShown];
  const lastRoom = lastShown === final && fillAt !== final ? Math.max(1, room - lastStart) : Infinity;

  const spaces: string[] = [];
  const pad = (n: number) => (spaces[n] ??= ' '.repeat(n));
  // a cell cut to its column (a maximum, the fill column) and padded, `given` its display width;
  // undefined for a row's fill cell that cannot keep its first whole word (`whole`)
  const layout = (text: string, k: number, given: number, whole = false) => {
    const col = columns[k];
    let fitted = text;
    let w = given;
    if ((col.max !== undefined || k === fillAt) && w > widths[k]) {
      fitted = clipWords(text, widths[k], whole && k === fillAt);
      if (fitted === '') return undefined;
      w = displayWidth(fitted);
    }
    if (w >= widths[k]) return fitted;
    if (col.align === 'right') return pad(widths[k] - w) + fitted;
    return k === lastShown ? fitted : fitted + pad(widths[k] - w);
  };
  let header: string | undefined;
  if (columns.some((col) => col.header !== undefined)) {
    let line = indent;
    for (let k = 0; k < shown; k++) {
      const text = columns[k].header ?? '';
      line += pad(gaps[k]) + (layout(text, k, displayWidth(text)) ?? '');
    }
    line = line.trimEnd();
    header = opts.header ? opts.header(line) : line;
  }
  // moved columns go under the row from where the fill column (else the second column) starts; a moved
  // fill column (the summary) from where the second one does, leaving it two thirds of the line
  const underFrom = fillMoved ? 1 : Math.max(fillAt, 1);
  let underAt = displayWidth(indent) + (gaps[underFrom] ?? 0);
  for (let k = 0; k < Math.min(underFrom, columns.length); k++) underAt += gaps[k] + widths[k];
  underAt = Math.min(underAt, fillMoved ? Math.floor(room / 3) : Math.max(0, room - 40));
  const under = ' '.repeat(Math.max(underAt, displayWidth(indent)));
  const finish = opts.line ?? ((line: string) => line.trimEnd());
  const lines = (row: Row, text: (k: number) => string, cellWidth: (k: number) => number): string[] => {
    let more: string[] = [];
    let below: string[] | undefined;
    let line = indent;
    for (let k = 0; k < shown; k++) {
      const col = columns[k];
      line += pad(gaps[k]);
      if (k === lastShown && cellWidth(k) > lastRoom) {
        const [first, ...rest] = wrap(text(k), lastRoom);
        // two lines in its column, else (a sentence in a narrow column) under the row, where there is room
        if (rest.length > 1) below = [...(below ?? []), text(k)];
        else {
          more = rest.map((piece) => ' '.repeat(lastStart) + piece);
          line += first;
        }
        continue;
      }
      // a summary that cannot keep its first whole word goes whole under its row (never "Reconcile…"),
      // where that word fits; the first column (a name: 株式会社テスト) is cut as before
      let laid = layout(text(k), k, cellWidth(k), fillAt > 0);
      if (laid === undefined) {
        if (displayWidth(text(k).split(' ', 1)[0]) <= room - under.length) {
          below = [...(below ?? []), text(k)];
          line += k === lastShown ? '' : pad(widths[k]);
          continue;
        }
        laid = layout(text(k), k, cellWidth(k)) ?? '';
      }
      line += col.paint ? col.paint(laid, row) : laid;
    }
    const out = [finish(line, row), ...more];
    if (below === undefined && shown === columns.length) return out;
    const moved = [
      ...(below ?? []),
      ...columns.slice(shown).map((col, j) => {
        const cell = text(shown + j);
        if (cell === '') return '';
        return col.header ? `${col.header.toLowerCase()} ${cell}` : cell;
      }),
    ]
      .filter((cell) => cell !== '')
      .join(' · ');
    if (moved) out.push(...wrap(moved, room - under.length).map((piece) => under + piece));
    return out;
  };
  return { header, lines };
}
