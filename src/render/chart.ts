// A small horizontal bar chart for the terminal: one row per week, a bar per count, and a
// vertical line where the target is, so "did we reach it?" is seen at a glance.
import type { ChalkInstance } from 'chalk';

export interface Bar {
  label: string;
  value: number;
  met: boolean;
  /** still running (not judged yet): drawn dim when under target */
  current?: boolean;
  /** said after the value: a week judged by another target than the line's */
  note?: string;
}

export const BAR = '█';
export const TARGET_MARK = '│';

/**
 * The rows of the chart. The scale fits the largest value and the target in `width` columns; the
 * target line sits just right of a bar that exactly reaches it.
 */
export function barChart(bars: Bar[], target: number, opts: { width?: number; color: ChalkInstance }): string[] {
  const width = Math.max(5, opts.width ?? 24);
  const max = Math.max(1, target, ...bars.map((b) => b.value));
  const scale = (width - 1) / max;
  const targetCol = Math.round(target * scale);
  const labelWidth = Math.max(0, ...bars.map((b) => [...b.label].length));
  const c = opts.color;
  return bars.map((b) => {
    const length = b.value === 0 ? 0 : Math.max(1, Math.round(b.value * scale));
    let bar = '';
    for (let col = 0; col < width; col++)
      bar += col < length ? BAR : col === targetCol && target > 0 ? TARGET_MARK : ' ';
    const filled = bar.slice(0, length);
    const rest = bar.slice(length);
    const paint = b.met ? c.green : b.current ? c.dim : c.red;
    const note = b.note ? ` ${b.note}` : '';
    return `${b.label.padEnd(labelWidth)}  ${paint(filled)}${c.dim(rest)} ${String(b.value).padStart(3)}${note}`;
  });
}
