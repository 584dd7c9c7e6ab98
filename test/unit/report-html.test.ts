// Text in the HTML page is text: whatever a user typed, esc() leaves no character that could open a
// tag, an attribute or an entity of its own, and a browser decodes it back to what the terminal shows.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { esc, escBlock, weeklyChart } from '../../src/render/report-html.js';
import { displayInline } from '../../src/render/markdown.js';
import { safe } from '../../src/core/text.js';

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

const hostile = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'<>&"\'/=;#x \t\n\u0000\u001b\u202e'.split(''), 'script', '&amp;') }),
  fc.string({ unit: 'grapheme' }),
);

describe('esc and escBlock', () => {
  it('property: no < > " \' and no & but their entities; decoded, the text as shown', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const e = esc(s);
        expect(e).not.toMatch(/[<>"']|&(?!(lt|gt|quot|amp|#39);)/);
        expect(decode(e)).toBe(displayInline(s));
        const b = escBlock(s);
        expect(b).not.toMatch(/[<>"']|&(?!(lt|gt|quot|amp|#39);)/);
        expect(decode(b)).toBe(safe(s.replace(/\r\n?/g, '\n')).replace(/\s+$/, ''));
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps the lines, indentation and tabs of notes', () => {
    expect(escBlock('- a\n\t- b <i>\n\n1. c\r\n')).toBe('- a\n\t- b &lt;i&gt;\n\n1. c');
  });
});

describe("the standup page's weekly chart", () => {
  // a text's box in the chart's 12px font: at most 0.62em a character wide, from the baseline up 12px
  const boxes = (svg: string) => ({
    bars: [...svg.matchAll(/<rect [^>]*x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/g)].map(
      ([, x, y, w, h]) => ({ x1: +x, x2: +x + +w, y1: +y, y2: +y + +h }),
    ),
    texts: [...svg.matchAll(/<text [^>]*x="([\d.]+)" y="([\d.]+)"([^>]*)>([^<]*)</g)].map(([, x, y, attrs, t]) => {
      const w = t.length * 12 * 0.62;
      const x1 = attrs.includes('"end"') ? +x - w : attrs.includes('"middle"') ? +x - w / 2 : +x;
      return { text: t, x1, x2: x1 + w, y1: +y - 12, y2: +y };
    }),
  });
  const overlap = (a: { x1: number; x2: number; y1: number; y2: number }, b: typeof a) =>
    a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

  it('names the target where no bar is, whichever week is above it (E13: it sat on the last bar)', () => {
    const week = (k: number, direct: number) => ({
      label: `2026-W${String(40 + k).padStart(2, '0')}`,
      direct,
      met: direct >= 3,
      running: false,
    });
    for (const counts of [[17], [1, 2, 17], [0, 3, 5, 2, 9, 1, 4, 17], [3, 3, 3, 3], [12, 0, 0, 0, 0, 0, 0, 0]])
      for (const target of [1, 3, 12]) {
        const svg = weeklyChart(counts.map((c, k) => week(k, c)) as Parameters<typeof weeklyChart>[0], target);
        const { bars, texts } = boxes(svg);
        const label = texts.find((t) => t.text === `target ${target}`)!;
        expect(label).toBeDefined();
        for (const bar of bars) expect(overlap(label, bar), `${counts} target ${target}`).toBe(false);
        for (const t of texts.filter((t) => t !== label)) expect(overlap(label, t), `${t.text}`).toBe(false);
      }
  });
});
