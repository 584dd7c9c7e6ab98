// The table layout (src/render/table.ts) measures each cell once and skips what a table that fits
// its width does not need (issue 18: pm contacts lays out 12,000 rows). It must lay out every table
// as the straightforward layout does, which measured each cell where it used it: that layout, as it
// was at 90cb884, is kept here and both are given random tables at random widths.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clipWords, wrap } from '../../src/render/wrap.js';
import { displayWidth, padEnd, padStart } from '../../src/render/width.js';
import { table, type Column, type TableOptions } from '../../src/render/table.js';

type Row = string[];

describe('the table layout against the straightforward one', () => {
  const word = fc.oneof(
    { weight: 6, arbitrary: fc.string({ unit: fc.constantFrom(...'abcdefghij'), minLength: 1, maxLength: 12 }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('山田', '👨‍👩‍👧', 'Zoë', 'e\u0301', '—', '株式会社テスト', 'x'.repeat(30)),
    },
  );
  const cell = fc.oneof(
    fc.constant(''),
    fc.array(word, { minLength: 1, maxLength: 8 }).map((ws) => ws.join(' ')),
  );
  const column = fc.record(
    {
      header: fc.constantFrom('ID', 'NAME', 'LAST DIRECT', 'STATEMENT'),
      align: fc.constant('right' as const),
      width: fc.integer({ min: 1, max: 12 }),
      min: fc.integer({ min: 0, max: 10 }),
      max: fc.integer({ min: 3, max: 30 }),
      fill: fc.integer({ min: 5, max: 30 }),
      gap: fc.integer({ min: 0, max: 3 }),
      painted: fc.boolean(),
    },
    { requiredKeys: [] },
  );
  const tables = fc.array(column, { minLength: 1, maxLength: 7 }).chain((cols) =>
    fc.record({
      cols: fc.constant(cols),
      rows: fc.array(fc.array(cell, { minLength: cols.length, maxLength: cols.length }), { maxLength: 12 }),
      width: fc.oneof(fc.integer({ min: 10, max: 160 }), fc.constant(10_000), fc.constant(undefined)),
      indent: fc.constantFrom('', '  '),
    }),
  );

  it('gives the same lines for any rows, columns and width', () => {
    fc.assert(
      fc.property(tables, ({ cols, rows, width, indent }) => {
        // one fill column at most, as every listing has
        let filled = false;
        const columns: Column<Row>[] = cols.map(({ painted, fill, ...c }, k) => {
          const col: Column<Row> = { ...c, text: (r) => r[k] };
          if (fill !== undefined && !filled) {
            filled = true;
            col.fill = fill;
          }
          if (painted) col.paint = (s, r) => `<${s}|${r.length}>`;
          return col;
        });
        const opts: TableOptions<Row> = { width, indent, header: (h) => `[${h}]` };
        expect(table(rows, columns, opts)).toEqual(simpleTable(rows, columns, opts));
      }),
      { numRuns: 600 },
    );
  });
});

/** the least a last column is given before the columns before it move under the row */
const LEAST_LAST = 16;

const longestWord = (text: string) => Math.max(0, ...text.split(' ').map(displayWidth));

function simpleTable<Row>(rows: Row[], columns: Column<Row>[], opts: TableOptions<Row> = {}): string[] {
  return [...simpleTableLines(rows, columns, opts)];
}

function* simpleTableLines<Row>(rows: Row[], columns: Column<Row>[], opts: TableOptions<Row> = {}): Generator<string> {
  const texts = columns.map((col) => rows.map((row) => col.text(row)));
  const widest = texts.map((column) => column.reduce((w, text) => Math.max(w, displayWidth(text)), 0));
  // only the last column wraps at its words: the others need only their widest cell
  const words = texts.map((column, k) =>
    k === columns.length - 1 ? column.reduce((w, text) => Math.max(w, longestWord(text)), 0) : 0,
  );
  const layout = simpleLayout(columns, widest, words, opts);
  if (layout.header !== undefined) yield layout.header;
  for (let i = 0; i < rows.length; i++) yield* layout.lines(rows[i], (k) => texts[k][i]);
}

/** Column widths from each column's widest cell (and longest word), and how a header and a row are laid out. */
function simpleLayout<Row>(
  columns: Column<Row>[],
  widest: number[],
  words: number[],
  opts: TableOptions<Row>,
): { header: string | undefined; lines: (row: Row, text: (k: number) => string) => string[] } {
  const indent = opts.indent ?? '';
  const room = opts.width ?? Infinity;
  const gaps = columns.map((col, k) => (k === 0 ? 0 : (col.gap ?? 2)));
  const widths = columns.map((col, k) => {
    if (col.width !== undefined) return col.width;
    const wide = Math.max(col.min ?? displayWidth(col.header ?? ''), widest[k]);
    // no limit (a pipe's 10,000 columns, or none given): no maximum cuts either
    return col.max === undefined || room >= 10_000 ? wide : Math.min(col.max, wide);
  });
  const fillAt = columns.findIndex((col) => col.fill !== undefined);
  const fillLeast = fillAt >= 0 ? Math.min(widths[fillAt], columns[fillAt].fill!) : 0;
  const final = columns.length - 1;
  // the least a row's line needs with its first `n` columns: the fill column at its least, and the
  // table's last column (it wraps) at its longest word
  const lastLeast = (k: number) =>
    Math.min(widths[k], Math.max(LEAST_LAST, displayWidth(columns[k].header ?? ''), words[k]));
  const need = (n: number, full = false) => {
    let sum = displayWidth(indent);
    for (let k = 0; k < n; k++)
      sum += gaps[k] + (k === fillAt ? (full ? 0 : fillLeast) : k === final && !full ? lastLeast(k) : widths[k]);
    return sum;
  };
  let shown = columns.length;
  while (shown - 1 > Math.max(fillAt, 0) && need(shown) > room) shown--;
  // the fill column at its least still too wide: it moves under the row, then the columns before it
  if (fillAt > 0 && need(shown) > room) {
    shown = fillAt;
    while (shown > 1 && need(shown) > room) shown--;
  }
  const fillMoved = fillAt >= shown;
  const lastShown = shown - 1;
  if (fillAt >= 0 && fillAt < shown) {
    // the fill column first (up to its widest cell), the wrapping last column what is left
    const others = need(shown, true) - (fillAt !== final && lastShown === final ? widths[final] : 0);
    const lastKeeps = fillAt !== final && lastShown === final ? lastLeast(final) : 0;
    widths[fillAt] = Math.min(widths[fillAt], Math.max(fillLeast, room - others - lastKeeps));
  }
  // what a wrapping last column has left on the line
  const lastStart = need(lastShown, true) + (fillAt >= 0 && fillAt < lastShown ? widths[fillAt] : 0) + gaps[lastShown];
  const lastRoom = lastShown === final && fillAt !== final ? Math.max(1, room - lastStart) : Infinity;

  const layout = (text: string, k: number) => {
    const col = columns[k];
    const fitted = col.max !== undefined || k === fillAt ? clipWords(text, widths[k]) : text;
    if (col.align === 'right') return padStart(fitted, widths[k]);
    return k === lastShown ? fitted : padEnd(fitted, widths[k]);
  };
  const join = (cells: string[]) => indent + cells.map((cell, k) => ' '.repeat(gaps[k]) + cell).join('');
  let header: string | undefined;
  if (columns.some((col) => col.header !== undefined)) {
    const line = join(columns.slice(0, shown).map((col, k) => layout(col.header ?? '', k))).trimEnd();
    header = opts.header ? opts.header(line) : line;
  }
  // moved columns go under the row from where the fill column (else the second column) starts
  const underFrom = fillMoved ? 1 : Math.max(fillAt, 1);
  let underAt = displayWidth(indent) + (gaps[underFrom] ?? 0);
  for (let k = 0; k < Math.min(underFrom, columns.length); k++) underAt += gaps[k] + widths[k];
  underAt = Math.min(underAt, fillMoved ? Math.floor(room / 3) : Math.max(0, room - 40));
  const under = ' '.repeat(Math.max(underAt, displayWidth(indent)));
  const finish = opts.line ?? ((line: string) => line.trimEnd());
  const lines = (row: Row, text: (k: number) => string): string[] => {
    let more: string[] = [];
    const below: string[] = [];
    const cells = columns.slice(0, shown).map((col, k) => {
      // a fill cell whose first word is wider than its column: whole under the row
      const over = displayWidth(text(k)) > widths[k];
      const first = displayWidth(text(k).split(' ')[0]);
      if (k === fillAt && fillAt > 0 && over && first + 1 > widths[k] && first <= room - under.length) {
        below.push(text(k));
        return k === lastShown ? '' : ' '.repeat(widths[k]);
      }
      if (k === lastShown && displayWidth(text(k)) > lastRoom) {
        const [first, ...rest] = wrap(text(k), lastRoom);
        // two lines in its column, else (a sentence in a narrow column) under the row, where there is room
        if (rest.length > 1) {
          below.push(text(k));
          return '';
        }
        more = rest.map((piece) => ' '.repeat(lastStart) + piece);
        return first;
      }
      const laid = layout(text(k), k);
      return col.paint ? col.paint(laid, row) : laid;
    });
    const moved = [
      ...below,
      ...columns.slice(shown).map((col, j) => {
        const cell = text(shown + j);
        if (cell === '') return '';
        return col.header ? `${col.header.toLowerCase()} ${cell}` : cell;
      }),
    ]
      .filter((cell) => cell !== '')
      .join(' · ');
    const out = [finish(join(cells), row), ...more];
    if (moved) out.push(...wrap(moved, room - under.length).map((piece) => under + piece));
    return out;
  };
  return { header, lines };
}
