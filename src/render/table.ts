// The one table layout every listing uses (pm ls, contacts, accounts, show, search, config, hyp list,
// the report's sections): columns aligned by display width (src/render/width.ts), cut with an
// ellipsis where they have a limit, colour applied after padding so escape codes never count as
// columns. The last column is never padded (nothing follows it), so a line ends where its text does.
import { cut, displayWidth, padEnd, padStart } from './width.js';

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
  /** … and at most this: longer cells are cut */
  max?: number;
  /** takes the room the other columns leave of the table's width, at least this; cells are cut to it */
  fill?: number;
  /** spaces before the column (default 2; the first column's are the table's indent) */
  gap?: number;
  /** colour for the padded cell */
  paint?: (padded: string, row: Row) => string;
}

export interface TableOptions<Row> {
  /** the room a `fill` column shares with the others */
  width?: number;
  /** before every line */
  indent?: string;
  /** colour for the header line */
  header?: (line: string) => string;
  /** finishes a row's line (default: trailing spaces removed) */
  line?: (line: string, row: Row) => string;
}

/** The table's lines: the header's (when its columns have headers), then one a row. */
export function table<Row>(rows: Row[], columns: Column<Row>[], opts: TableOptions<Row> = {}): string[] {
  return [...tableLines(rows, columns, opts)];
}

/** The same lines, made as they are asked for (`pm ls` into a pipe writes them in pieces). */
export function* tableLines<Row>(rows: Row[], columns: Column<Row>[], opts: TableOptions<Row> = {}): Generator<string> {
  const texts = columns.map((col) => rows.map((row) => col.text(row)));
  const widest = texts.map((column) => column.reduce((w, text) => Math.max(w, displayWidth(text)), 0));
  const layout = tableLayout(columns, widest, opts);
  if (layout.header !== undefined) yield layout.header;
  for (let i = 0; i < rows.length; i++) yield layout.line(rows[i], (k) => texts[k][i]);
}

/** Column widths from each column's widest cell, and how a header and a row are laid out with them. */
function tableLayout<Row>(
  columns: Column<Row>[],
  widest: number[],
  opts: TableOptions<Row>,
): { header: string | undefined; line: (row: Row, text: (k: number) => string) => string } {
  const indent = opts.indent ?? '';
  const gaps = columns.map((col, k) => (k === 0 ? 0 : (col.gap ?? 2)));
  const widths = columns.map((col, k) => {
    if (col.width !== undefined) return col.width;
    const wide = Math.max(col.min ?? displayWidth(col.header ?? ''), widest[k]);
    return col.max === undefined ? wide : Math.min(col.max, wide);
  });
  const fillAt = columns.findIndex((col) => col.fill !== undefined);
  if (fillAt >= 0) {
    const others = widths.reduce((sum, w, k) => (k === fillAt ? sum : sum + w), indent.length);
    const room = (opts.width ?? Infinity) - others - gaps.reduce((sum, g) => sum + g, 0);
    widths[fillAt] = Math.min(widths[fillAt], Math.max(columns[fillAt].fill!, room));
  }
  const last = columns.length - 1;
  const layout = (text: string, k: number) => {
    const col = columns[k];
    const fitted = col.max !== undefined || k === fillAt ? cut(text, widths[k]) : text;
    if (k === last) return fitted;
    return col.align === 'right' ? padStart(fitted, widths[k]) : padEnd(fitted, widths[k]);
  };
  const join = (cells: string[]) => indent + cells.map((cell, k) => ' '.repeat(gaps[k]) + cell).join('');
  let header: string | undefined;
  if (columns.some((col) => col.header !== undefined)) {
    const line = join(columns.map((col, k) => layout(col.header ?? '', k))).trimEnd();
    header = opts.header ? opts.header(line) : line;
  }
  const finish = opts.line ?? ((line: string) => line.trimEnd());
  return {
    header,
    line: (row, text) =>
      finish(
        join(
          columns.map((col, k) => {
            const laid = layout(text(k), k);
            return col.paint ? col.paint(laid, row) : laid;
          }),
        ),
        row,
      ),
  };
}
