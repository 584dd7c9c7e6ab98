// User text in markdown is shown literally, whatever it looks like: checked by parsing the output
// as CommonMark, on hostile strings and on generated ones.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { HtmlRenderer, Parser, type Node } from 'commonmark';
import { reportCommand } from '../../src/render/markdown-export.js';
import {
  displayInline,
  escapeInline,
  mdBlock,
  mdCell,
  mdCode,
  mdHeading,
  mdInline,
  mdTable,
} from '../../src/render/markdown.js';

const parse = (md: string) => new Parser().parse(md);
const html = (md: string) => new HtmlRenderer({ safe: false }).render(parse(md));

/** Types of every node under `root`, and the concatenated text of its text nodes. */
function inspect(root: Node): { types: string[]; text: string } {
  const types: string[] = [];
  let text = '';
  const w = root.walker();
  for (let e = w.next(); e; e = w.next()) {
    if (!e.entering) continue;
    types.push(e.node.type);
    if (e.node.type === 'text' || e.node.type === 'code') text += e.node.literal ?? '';
    if (e.node.type === 'softbreak' || e.node.type === 'linebreak') text += '\n';
  }
  return { types, text };
}

const HOSTILE = [
  '[click](javascript:alert(1))',
  '<javascript:alert(1)>',
  '<https://evil.test>',
  '![img](https://evil.test/x.png)',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<!-- hidden -->',
  '<?php echo 1; ?>',
  '<![CDATA[x]]>',
  '&lt;script&gt; &amp; &#60;',
  '# Heading',
  '###### h6 #',
  '1. first',
  '2) second',
  '- item',
  '+ item',
  '* item',
  '> quoted',
  '---',
  '***',
  '___',
  '===',
  '```js',
  '~~~',
  '    indented code',
  '\tcode',
  '| a | b |',
  'a|b',
  '`code`',
  '``double``',
  '**bold** _em_ ~~strike~~',
  '[ref]: https://evil.test',
  '[ref]',
  'ends with backslash \\',
  '\\*not em\\*',
  'line one\n# line two\n- line three',
  'trailing spaces  ',
  '\u001b[31mred\u001b[0m',
  'a\r\nb',
  '123456789. long number',
  '[a]: <javascript:x>',
  'www.evil.test http://evil.test',
  '\u00a0\u00a0\u00a0\u00a0nbsp indent',
  '#',
  '-',
  '1.',
  '\\',
];

// characters that mean something somewhere in markdown, plus ordinary ones
const MARKDOWN_CHARS = fc.constantFrom(
  '\\',
  '`',
  '*',
  '_',
  '[',
  ']',
  '(',
  ')',
  '<',
  '>',
  '&',
  '#',
  '!',
  '|',
  '~',
  '-',
  '+',
  '=',
  '.',
  ':',
  '"',
  "'",
  ';',
  '1',
  '9',
  'a',
  'Z',
  ' ',
  ' ',
  '\t',
  '\n',
  '\r',
  'é',
  '🙂',
  '\u0000',
  '\u001b',
  '/',
  'javascript',
  'http://',
  '&amp;',
);
const hostileString = fc.oneof(
  fc.string({ unit: MARKDOWN_CHARS, maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);

describe('mdInline', () => {
  it('shows hostile text literally in a paragraph, a list item and a heading', () => {
    for (const s of HOSTILE) {
      const shown = displayInline(s);
      for (const [md, container] of [
        [mdInline(s), 'paragraph'],
        [`- ${mdInline(s)}`, 'item'],
        [mdHeading(2, s), 'heading'],
        [`Before ${mdInline(s)} after`, 'paragraph'],
      ] as const) {
        const { types, text } = inspect(parse(md));
        expect(
          types.filter((t) => !['document', 'paragraph', 'text', 'list', 'item', 'heading'].includes(t)),
          md,
        ).toEqual([]);
        expect(types, md).toContain(container);
        expect(text, md).toBe(md.startsWith('Before') ? `Before ${shown} after` : shown);
      }
    }
  });

  it('never makes a link, image or raw HTML', () => {
    for (const s of HOSTILE) {
      const out = html(`${mdInline(s)}\n\n- ${mdInline(s)}`);
      expect(out, s).not.toMatch(/<a |<img |<script|<!--|<\?php|href=/);
    }
  });

  it('keeps plain text readable', () => {
    expect(mdInline('Exports take an hour, says Jane.')).toBe('Exports take an hour, says Jane.');
    expect(mdInline('# not a heading')).toBe('\\# not a heading');
    expect(mdInline('3. not a list')).toBe('3\\. not a list');
  });

  it('property: text passed through untouched (the fast path) is text the escaping would leave as it is', () => {
    const chars = fc.constantFrom(...'ab Z09.-+=#*_`[]<>&~|\\\t\n\u00a0\u202e\u0007é😀'.split(''));
    const texts = fc.oneof(
      hostileString,
      fc.string(),
      fc.string({ unit: 'grapheme' }),
      fc.array(chars, { maxLength: 12 }).map((a) => a.join('')),
    );
    fc.assert(
      fc.property(texts, (s) => {
        expect(mdInline(s)).toBe(escapeInline(s));
      }),
      { numRuns: 2000 },
    );
    for (const s of [
      '',
      ' lead',
      'trail ',
      '1. item',
      '10) item',
      '- item',
      '+ item',
      '= setext',
      'a|b',
      'tab\there',
      'nbsp\u00a0',
      '\ufeffbom',
    ])
      expect(mdInline(s), JSON.stringify(s)).toBe(escapeInline(s));
  });

  it('property: any text is shown exactly as displayInline says, wherever a line starts', () => {
    fc.assert(
      fc.property(hostileString, (s) => {
        const shown = displayInline(s);
        for (const prefix of ['', '- ', '## ', '> ', 'x ']) {
          const md = prefix + mdInline(s);
          const { types, text } = inspect(parse(md));
          const allowed = ['document', 'paragraph', 'text', 'list', 'item', 'heading', 'block_quote'];
          expect(
            types.filter((t) => !allowed.includes(t)),
            md,
          ).toEqual([]);
          expect(text, md).toBe(prefix === 'x ' ? (shown === '' ? 'x' : `x ${shown}`) : shown);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('table cells', () => {
  const unescapedPipe = (cell: string) => /(^|[^\\])\|/.test(cell.replace(/\\\\/g, ''));

  it('never contain an unescaped | or a newline', () => {
    fc.assert(
      fc.property(hostileString, (s) => {
        const cell = mdCell(s);
        expect(unescapedPipe(cell), cell).toBe(false);
        expect(cell).not.toMatch(/[\r\n]/);
        expect(cell.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  it('make a table with one row per record', () => {
    const t = mdTable(
      ['who', 'said'],
      [
        ['Jane | Acme', 'a\nb'],
        ['<b>x</b>', null],
      ],
    );
    const lines = t.split('\n');
    expect(lines).toHaveLength(4);
    for (const l of lines) expect(l.replace(/\\\\/g, '').replace(/\\\|/g, '').split('|')).toHaveLength(4);
    expect(lines[2]).toBe('| Jane \\| Acme | a b |');
  });
});

describe('mdBlock', () => {
  it('keeps lines and paragraphs, and no line starts a block', () => {
    const md = mdBlock('First line\n# not a heading\n\n- not a list\n```\n<div>raw</div>');
    const { types, text } = inspect(parse(md));
    expect(types.filter((t) => !['document', 'paragraph', 'text', 'linebreak'].includes(t))).toEqual([]);
    expect(types.filter((t) => t === 'paragraph')).toHaveLength(2);
    expect(text).toBe(
      'First line\n# not a headingnot a list\n```\n<div>raw</div>'.replace('headingnot', 'heading- not'),
    );
  });

  it('property: every line of any text survives, in order', () => {
    fc.assert(
      fc.property(fc.array(hostileString, { maxLength: 5 }), (lines) => {
        const md = mdBlock(lines.join('\n'));
        const { types, text } = inspect(parse(md));
        expect(
          types.filter((t) => !['document', 'paragraph', 'text', 'linebreak'].includes(t)),
          md,
        ).toEqual([]);
        const want = lines
          .join('\n')
          .replace(/\r\n?/g, '\n')
          .split('\n')
          .map(displayInline)
          .filter((l) => l !== '')
          .join('');
        expect(text.replace(/\n/g, '')).toBe(want);
      }),
      { numRuns: 300 },
    );
  });
});

describe('mdCode', () => {
  it('shows backticks literally inside code', () => {
    for (const s of ['a`b', '``x``', '`start', 'end`', 'plain']) {
      const { types, text } = inspect(parse(`x ${mdCode(s)} y`));
      expect(types).toContain('code');
      expect(text).toBe(`x ${s} y`);
    }
  });
});

describe('the report command a markdown export names for its complete lists', () => {
  it("is the report of the export's period and as-of day, as JSON", () => {
    expect(reportCommand({ start: '2026-11-16', end: '2026-11-22', label: '2026-W47' }, '2026-11-22')).toBe(
      'pm report --week 2026-W47 --as-of 2026-11-22 --json',
    );
    expect(reportCommand({ start: '2026-11-01', end: '2026-11-30', label: '2026-11' }, '2026-11-20')).toBe(
      'pm report --month 2026-11 --as-of 2026-11-20 --json',
    );
    // Sunday weeks, --since/--until and a whole journal are labelled by their range
    expect(
      reportCommand({ start: '2026-11-15', end: '2026-11-21', label: '2026-11-15..2026-11-21' }, '2026-11-21'),
    ).toBe('pm report --since 2026-11-15 --until 2026-11-21 --as-of 2026-11-21 --json');
  });
});
