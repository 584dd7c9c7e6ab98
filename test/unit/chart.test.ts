import { describe, expect, it } from 'vitest';
import { Chalk } from 'chalk';
import { barChart, BAR, TARGET_MARK } from '../../src/render/chart.js';

const plain = new Chalk({ level: 0 });
const bars = (values: number[], target: number) =>
  values.map((v, k) => ({ label: `W${k + 1}`, value: v, met: v >= target }));

describe('barChart', () => {
  it('draws one row per week with its count, bars proportional to the largest value', () => {
    const rows = barChart(bars([0, 2, 4], 1), 1, { width: 9, color: plain });
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => r.split(BAR).length - 1)).toEqual([0, 4, 8]);
    expect(rows.map((r) => r.trim().split(/\s+/).at(-1))).toEqual(['0', '2', '4']);
  });

  it('puts the target line where a bar that exactly reaches the target ends', () => {
    const [under, at, over] = barChart(bars([1, 2, 4], 2), 2, { width: 9, color: plain });
    const col = (row: string, ch: string) => [...row].indexOf(ch);
    expect(col(under, TARGET_MARK)).toBe(col(at, TARGET_MARK));
    expect([...at].lastIndexOf(BAR) + 1).toBe(col(at, TARGET_MARK));
    expect(over).not.toContain(TARGET_MARK); // the bar runs through it
  });

  it('shows a week with no conversations as an empty bar left of the target line', () => {
    const [row] = barChart(bars([0], 1), 1, { width: 5, color: plain });
    expect(row).toMatch(new RegExp(`^W1\\s+${TARGET_MARK}\\s+0$`));
  });

  it('colours weeks on target green and missed weeks red', () => {
    const color = new Chalk({ level: 1 });
    const [missed, met] = barChart(bars([0, 1], 1), 1, { width: 5, color });
    expect(met).toContain(color.green(BAR.repeat(4)));
    expect(missed).not.toContain('\u001b[32m');
    const [row] = barChart([{ label: 'x', value: 1, met: false }], 2, { width: 5, color });
    expect(row).toContain(color.red(BAR.repeat(2)));
  });
});
