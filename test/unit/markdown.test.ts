// User text in markdown is shown literally, whatever it looks like: checked by parsing the output
// as CommonMark, on hostile strings and on generated ones.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { HtmlRenderer, Parser, type Node } from 'commonmark';
import { reportCommand } from '../../src/render/markdown-export.js';
import { safe } from '../../src/core/text.js';
import {
  displayInline,
  escapeInline,
  mdBlock,
  mdCell,
  mdRow,
  mdCode,
  mdHeading,
  mdInline,
  mdTable,
  typedPlain,
} from '../../src/render/markdown.js';

const parse = (md: string) => new Parser().parse(md);
const html = (md: string) => new HtmlRenderer({ safe: false }).render(parse(md));

// The empty HTML comment mdInline puts where a renderer would find a link or an emoji in plain text
// (GFM's autolinks, GitHub's emoji and @mentions): it renders as nothing.
const SPLIT = '<!-- -->';

/** Types of every node under `root` (the splitting comments left out), and the concatenated text of its text nodes. */
function inspect(root: Node): { types: string[]; text: string } {
  const types: string[] = [];
  let text = '';
  const w = root.walker();
  for (let e = w.next(); e; e = w.next()) {
    if (!e.entering) continue;
    if (e.node.type === 'html_inline' && e.node.literal === SPLIT) continue;
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
      const out = html(`${mdInline(s)}\n\n- ${mdInline(s)}`).replaceAll(SPLIT, '');
      expect(out, s).not.toMatch(/<a |<img |<script|<!--|<\?php|href=/);
    }
  });

  it('keeps plain text readable', () => {
    expect(mdInline('Exports take an hour, says Jane.')).toBe('Exports take an hour, says Jane.');
    expect(mdInline('# not a heading')).toBe('\\# not a heading');
    expect(mdInline('3. not a list')).toBe('3\\. not a list');
  });

  it('property: text passed through untouched (the fast path) is text the escaping would leave as it is', () => {
    const chars = fc.constantFrom(...'ab Z09.-+=#*_`[]<>&~|\\\t\n\u00a0\u202e\u0007é😀:@/'.split(''));
    // a colon before a blank is let through: what stands around it (a shortcode, a scheme, a link)
    const words = fc.constantFrom('Exports: ', 'mailto: ', 'XMPP: ', ':+1: ', 'www. ', 'https: //', 'a:b ', ': ');
    const texts = fc.oneof(
      hostileString,
      fc.string(),
      fc.string({ unit: 'grapheme' }),
      fc.array(chars, { maxLength: 12 }).map((a) => a.join('')),
      fc.array(fc.oneof(chars, words), { maxLength: 8 }).map((a) => a.join('')),
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
      'Exports: slow',
      'Exports:slow',
      'ends with a colon:',
      'mailto: jane',
      'Mailto: jane',
      'xmpp: jane',
      ':smile: ok',
      'a: :+1: b',
      'see: www. x',
    ])
      expect(mdInline(s), JSON.stringify(s)).toBe(escapeInline(s));
  });

  it('property: texts between NULs pass typedPlain only when mdInline leaves each as it is', () => {
    const chars = fc.constantFrom(...'ab Z09.-+=#*_`[]<>&~|\\\t\n\u00a0\u202e\u0007é😀:@/'.split(''));
    const words = fc.constantFrom('Exports: ', 'mailto: ', ':+1: ', 'www.', '//', '==', 'a:b ', ': ', 'Jane ');
    const text = fc.oneof(
      hostileString,
      fc.array(fc.oneof(chars, words), { maxLength: 8 }).map((a) => a.join('')),
    );
    // what the markdown export writes around its typed texts
    const syntax = fc.constantFrom('', '- **By:** ', ' · 3 minutes\n- **Summary:** ', ', ', ' (medium)\n', '- “');
    fc.assert(
      fc.property(fc.array(fc.tuple(syntax, text), { maxLength: 6 }), syntax, (pieces, tail) => {
        const texts = pieces.map(([, t]) => t.replaceAll('\0', ''));
        const lines = pieces.map(([s], k) => `${s}\0${texts[k]}\0`).join('') + tail;
        if (typedPlain(lines)) for (const t of texts) expect(mdInline(t), JSON.stringify(t)).toBe(t);
      }),
      { numRuns: 2000 },
    );
    const plain = ['Exports: slow', 'dana', 'Data import is missing for their auditors', '', 'a, b'];
    expect(typedPlain(plain.map((t) => `- \0${t}\0 (low)\n`).join(''))).toBe(true);
    for (const t of [' lead', 'trail ', '1. item', '# h', 'a@b.c', 'www.x', 'x:y', 'tab\there'])
      expect(typedPlain(`- **Summary:** \0Exports: slow\0, \0${t}\0\n`), JSON.stringify(t)).toBe(false);
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

describe("GFM's and Obsidian's extensions", () => {
  // what is left of the markdown source once backslash escapes are taken out, split where
  // mdInline put an empty comment: each piece is what a renderer's text filters see in one go
  const bare = (md: string) => md.replace(/\\[\s\S]/g, '\u0001').split(SPLIT);

  const OBSIDIAN = [
    '==highlight==',
    '%%hidden comment%%',
    '$E=mc^2$',
    '$$\\int x$$',
    '[[Wiki link]] and ![[embed.png]]',
    '#tag and #nested/tag',
    'block ^abc123',
    'footnote[^1]',
    ':+1: :tada:',
    'https://evil.test www.evil.test mailto:a@b.test xmpp:a@b.test',
    'jane@acme.test and @octocat',
    '~~strike~~ ~single~',
  ];

  it('leaves none of their syntax in the source a renderer reads', () => {
    for (const s of OBSIDIAN) {
      const md = mdInline(s);
      for (const piece of bare(md)) {
        expect(piece, md).not.toMatch(/==|%%|\$|\[\[|#|\^|~/);
        expect(piece, md).not.toMatch(/:[\w+-]+:|\/\/|www\.|(mailto|xmpp):.|@[A-Za-z0-9]/i);
      }
      expect(inspect(parse(md)).text, md).toBe(s);
    }
  });

  it('property: nor in any text', () => {
    const chars = fc.constantFrom(...'=%$[]#^~:+@/. aw1x'.split(''), 'www.', 'http://', 'mailto:', ':+1:');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 20 }), (a) => {
        const s = a.join('');
        const md = mdInline(s);
        for (const piece of bare(md)) {
          expect(piece, md).not.toMatch(/==|%%|\$|\[\[|#|\^|~/);
          expect(piece, md).not.toMatch(/:[\w+-]+:|\/\/|www\.|(mailto|xmpp):.|@[A-Za-z0-9]/i);
        }
        expect(inspect(parse(md)).text, md).toBe(displayInline(s));
      }),
      { numRuns: 1000 },
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
        expect(mdRow(['a', cell, 'b'])).toMatch(cell === '' ? /^\| a \| \| b \|$/ : /^\| a \| .+ \| b \|$/s);
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
  /** The one node a block parses to: a fenced code block (its info string and text). */
  function codeBlock(md: string): { info: string | null; literal: string | null } {
    const doc = parse(md);
    const first = doc.firstChild;
    expect(first?.type, md).toBe('code_block');
    expect(first?.next, md).toBeNull();
    return { info: first?.info ?? null, literal: first?.literal ?? null };
  }

  it('keeps lists, indentation, tabs and blank lines as written, and no line is read as markdown', () => {
    const notes =
      'Pasted list:\n- first\n  - nested\n\tx = 1\n\n\n# not a heading\n```\n<div>raw</div>\n==hl== %%c%% $x$';
    const md = mdBlock(notes);
    expect(codeBlock(md)).toEqual({ info: 'text', literal: `${notes}\n` });
    expect(html(md)).not.toMatch(/<(?!\/?(pre|code)\b)/);
  });

  it('is longer than any run of backticks inside, so no line closes it', () => {
    const notes = 'a\n````\nb ``` c\n`````';
    const md = mdBlock(notes);
    expect(md.startsWith('``````text\n')).toBe(true);
    expect(codeBlock(md)).toEqual({ info: 'text', literal: `${notes}\n` });
  });

  it('is nothing for empty or blank notes; trailing blank lines go; controls are made visible', () => {
    expect(mdBlock(null)).toBe('');
    expect(mdBlock(' \n\t\n')).toBe('');
    expect(codeBlock(mdBlock('a\r\nb\rc\n\n\n')).literal).toBe('a\nb\nc\n');
    expect(mdBlock('bell\u0007 esc\u001b[31m')).not.toMatch(/[\u0007\u001b]/);
  });

  it('property: notes without a carriage return, control character or backtick (the fast path) come back as the full path writes them', () => {
    // the full path: carriage returns made newlines, controls made visible, fenced against backticks
    const full = (text: string) => {
      const body = safe(text.replace(/\r\n?/g, '\n')).trimEnd();
      const fence = '`'.repeat(Math.max(3, ...(body.match(/`+/g) ?? []).map((r) => r.length + 1)));
      return `${fence}text\n${body}\n${fence}`;
    };
    const chars = fc.constantFrom(...'ab Z09.-#*_[]<>|\t\n \u00a0\u3000é😀\r`\u0007\u202e'.split(''));
    fc.assert(
      fc.property(
        fc.array(fc.oneof(chars, fc.constantFrom('```', '\r\n', ' \n')), { minLength: 1, maxLength: 30 }),
        (a) => {
          const text = a.join('');
          expect(mdBlock(text), JSON.stringify(text)).toBe(text.trim() === '' ? '' : full(text));
        },
      ),
      { numRuns: 2000 },
    );
    expect(mdBlock('Pasted:\n- first\n\tsecond  \n\n')).toBe('```text\nPasted:\n- first\n\tsecond\n```');
  });

  it('property: any text comes back line for line, and what follows the block is read as markdown again', () => {
    fc.assert(
      fc.property(fc.array(hostileString, { maxLength: 5 }), (lines) => {
        const text = lines.join('\n');
        const md = mdBlock(text);
        if (text.trim() === '') {
          expect(md).toBe('');
          return;
        }
        const doc = parse(`${md}\n\n# After`);
        const block = doc.firstChild;
        expect(block?.type, md).toBe('code_block');
        const want = safe(text.replace(/\r\n?/g, '\n')).replace(/\s+$/, '');
        expect(block?.literal, md).toBe(`${want}\n`);
        expect(block?.next?.type, md).toBe('heading');
        expect(block?.next?.next, md).toBeNull();
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
