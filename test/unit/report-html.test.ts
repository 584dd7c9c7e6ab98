// Text in the HTML page is text: whatever a user typed, esc() leaves no character that could open a
// tag, an attribute or an entity of its own, and a browser decodes it back to what the terminal shows.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { esc, escBlock } from '../../src/render/report-html.js';
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
