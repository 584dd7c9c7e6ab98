// At a cadence longer than a week each week is judged by the conversations of the cadence's days up to
// its end (weekly.windowDays); every chart draws that count, so named, against the target's line, where
// it drew the week's own count: W49's bar of 1 far short of the line at 3, yet "1 week on target"
// (review wave 18 R4).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => {
  box = sandbox({ today: '2026-12-09' });
  box.ok(['init', '--target', '3', '--every', '30']);
  for (const date of ['2026-11-12', '2026-11-20', '2026-12-01'])
    box.ok(['log', '--with', 'Ann', '--account', 'Acme', '--summary', 'call', '--date', date]);
});
afterEach(() => box.cleanup());

/** A chart's rows, by week: the bar (drawn cells and line) and what follows it. */
const rows = (out: string) =>
  Object.fromEntries(
    out
      .split('\n')
      .map((l) => l.match(/^\s+(2026-W\d\d)\s+([█│ ]+?)\s+(\d.*)$/))
      .filter((m) => m !== null)
      .map((m) => [m[1], { bar: m[2], says: m[3] }]),
  );

describe('the weekly chart at a 30-day cadence', () => {
  it("draws each week's 30 days against the line, and says so", () => {
    const full = box.ok(['report', '--as-of', '2026-12-09', '--full']).out;
    expect(full).toContain("Customer conversations in the 30 days to each week's end (target 3, the line)");
    const chart = rows(full);
    expect(Object.fromEntries(Object.entries(chart).map(([w, r]) => [w, r.says]))).toEqual({
      '2026-W46': '1 in 30 days',
      '2026-W47': '2 in 30 days',
      '2026-W48': '2 in 30 days',
      '2026-W49': '3 in 30 days',
      '2026-W50': '2 in 30 days',
    });
    // the week on target reaches the line; the others stop short of it
    expect(chart['2026-W49'].bar).toMatch(/^█+│?$/);
    expect(chart['2026-W48'].bar).toMatch(/^█+ +│$/);
    expect(full).toContain('streak: 1 week on target');
    // the standup page's chart too
    const page = rows(box.ok(['report', '--as-of', '2026-12-09']).out);
    expect(page['2026-W49'].says).toBe('3 in 30 days');
    expect(page['2026-W50'].says).toBe('2 in 30 days so far');
  });

  it('lists in markdown what each week was judged by', () => {
    const md = box.ok(['report', '--as-of', '2026-12-09', '--format', 'md']).out;
    expect(md).toContain(
      "Customer conversations in the 30 days to each week's end (target 3); streak: 1 week on target.",
    );
    expect(md).toContain(
      '- 2026-W48: 2 in 30 days\n- 2026-W49: 3 in 30 days (on target)\n- 2026-W50: 2 in 30 days (so far)',
    );
  });

  it("gives the count judged beside the week's own in JSON, and draws it on the HTML page", () => {
    const weeks = box.json(['report', '--as-of', '2026-12-09']).weekly.weeks;
    expect(weeks.slice(-2)).toMatchObject([
      { label: '2026-W49', direct: 1, inWindow: 3, met: true },
      { label: '2026-W50', direct: 0, inWindow: 2, met: false, running: true },
    ]);
    const html = box.ok(['report', '--as-of', '2026-12-09', '--format', 'html']).out;
    expect(html).toContain('2026-W49: 3 customer conversations in the 30 days to 2026-12-06, on target');
  });

  it("leaves a weekly cadence as it was: the week's own count, no window", () => {
    box.ok(['config', 'set', 'cadence.days', '7']);
    const full = box.ok(['report', '--as-of', '2026-12-09', '--full']).out;
    expect(full).toContain('Customer conversations per week (target 3, the line)');
    expect(rows(full)['2026-W49'].says).toBe('1');
    expect(box.json(['report', '--as-of', '2026-12-09']).weekly.weeks.at(-2)).not.toHaveProperty('inWindow');
  });
});
