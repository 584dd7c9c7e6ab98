// A first-time user's narrow terminal (wave 11's E7: a phone's ssh app, a split tmux pane): `pm ls`,
// `pm search` and `pm show I2` at 40 columns printed 55-60-column rows, and at 80 a summary became
// "Reconcile…". docs/reference.md's width rule: no line wider than the terminal, no word cut; the
// columns give way, and a summary that cannot keep its first whole word goes under its row.
import { describe, expect, it } from 'vitest';
import { sandboxForFile } from '../helpers.js';
import { displayWidth } from '../../src/render/width.js';

const SUMMARIES = [
  'Reconciles in a spreadsheet',
  'Month-end close takes two days',
  'Reconciliation happens in spreadsheets every month',
];
const box = sandboxForFile([
  ['log', '--with', 'Raj Patel <raj@acme.test>', '--account', 'Acme', '--summary', SUMMARIES[0]],
  ['log', '--with', 'Jane Roe', '--account', 'Acme', '--summary', SUMMARIES[1]],
  [
    'log',
    '--with',
    'Alexandra Montgomery-Smith',
    '--account',
    'Northwind Logistics International',
    '--channel',
    'video',
    '--summary',
    SUMMARIES[2],
  ],
]);

function out(args: string[], width: number): string[] {
  const r = box().pm(args, { env: { COLUMNS: String(width) } });
  expect(r.code, r.err).toBe(0);
  return r.out.trimEnd().split('\n');
}

/** every line fits, and every word before an ellipsis is a whole word of the text shown */
function fitsWhole(lines: string[], width: number, words: Set<string>) {
  for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(width);
  for (const m of lines.join('\n').matchAll(/(\S+)…/g)) expect(words.has(m[1]), m[0]).toBe(true);
}

const WORDS = new Set(
  [...SUMMARIES, 'Alexandra Montgomery-Smith', 'Northwind Logistics International'].flatMap((s) => s.split(' ')),
);

describe('text listings at a narrow terminal', () => {
  it('pm ls at 40 and 60 columns: rows fit, the summary goes whole under its row', () => {
    for (const width of [40, 60]) {
      const lines = out(['ls'], width);
      fitsWhole(lines, width, WORDS);
      const text = lines.join('\n').replace(/\n +/g, ' ');
      for (const summary of SUMMARIES) expect(text, `${width}`).toContain(summary);
      expect(lines.find((l) => l.includes(' I2 '))).toMatch(/^\d{4}-\d\d-\d\d I2 {2}Jane Roe/);
    }
  });

  it('pm ls at 80 columns: a summary whose first word does not fit beside the row is whole under it', () => {
    const lines = out(['ls'], 80);
    fitsWhole(lines, 80, WORDS);
    expect(lines.join('\n')).not.toMatch(/Reconcile…|Reconcil…/);
    const i1 = lines.findIndex((l) => l.includes(' I1 '));
    expect(lines[i1 + 1].trim()).toBe(SUMMARIES[0]);
  });

  it('pm search and pm show I2 at 40 columns', () => {
    const found = out(['search', 'spreadsheet'], 40);
    fitsWhole(found, 40, WORDS);
    expect(found.join('\n').replace(/\n +/g, ' ')).toContain(SUMMARIES[0]);
    const shown = out(['show', 'I2'], 40);
    fitsWhole(shown, 40, WORDS);
    // the Summary line wraps under its value
    const at = shown.findIndex((l) => l.startsWith('Summary:'));
    expect(shown.slice(at, at + 2)).toEqual(['Summary:   Month-end close takes two', '           days']);
  });
});
