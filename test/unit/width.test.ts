import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import stringWidth from 'fast-string-width';
import { cut, displayWidth, padEnd, padStart } from '../../src/render/width.js';
import { table } from '../../src/render/table.js';

const FAMILY = '👨‍👩‍👧'; // man, woman, girl: one emoji of five code points joined by ZWJ
const RAINBOW = '🏳️‍🌈'; // white flag, VS16, ZWJ, rainbow
const JAPAN = '🇯🇵'; // two regional indicators
const THUMB = '👍🏽'; // with a skin tone
const KEYCAP = '1️⃣';
const E_ACUTE = 'e\u0301'; // e and a combining acute accent
const TSUCHI = '𠮷'; // a CJK ideograph past U+FFFF (two UTF-16 units)
// what width.ts answers without the library: printable ASCII and Latin-1, dashes, quotes, …, arrows, −,
// box drawing (pm tree's lines)
const narrow = fc.string({
  unit: fc
    .oneof(
      fc.integer({ min: 0x20, max: 0x7e }),
      fc.integer({ min: 0xa0, max: 0xff }),
      fc.integer({ min: 0x2010, max: 0x2027 }),
      fc.integer({ min: 0x2190, max: 0x2193 }),
      fc.constant(0x2212),
      fc.integer({ min: 0x2500, max: 0x257f }),
    )
    .map((c) => String.fromCharCode(c)),
});

describe('displayWidth', () => {
  it('counts CJK and fullwidth forms two columns, halfwidth katakana one', () => {
    expect(displayWidth('山田太郎')).toBe(8);
    expect(displayWidth('株式会社テスト')).toBe(14);
    expect(displayWidth('한국어')).toBe(6);
    expect(displayWidth('ＡＢＣ')).toBe(6);
    expect(displayWidth('ｱｲｳ')).toBe(3);
    expect(displayWidth(`${TSUCHI}野家`)).toBe(6);
  });
  it('counts an emoji two columns, however many code points make it', () => {
    for (const emoji of [FAMILY, RAINBOW, JAPAN, THUMB, KEYCAP, '😀']) expect(displayWidth(emoji), emoji).toBe(2);
    expect(displayWidth(`${FAMILY} Zoë ${JAPAN}`)).toBe(9);
  });
  it('counts combining marks no columns', () => {
    expect(displayWidth(E_ACUTE)).toBe(1);
    expect(displayWidth('Rene\u0301e')).toBe(5);
    expect(displayWidth('é')).toBe(1);
  });
  it('counts the dash and ellipsis pm prints one column each', () => {
    expect(displayWidth('—')).toBe(1);
    expect(displayWidth('…')).toBe(1);
  });
  it('answers one-column text (ASCII, Latin-1, punctuation pm and people type) without the library, as it does', () => {
    fc.assert(
      fc.property(narrow, (s) => {
        expect(displayWidth(s)).toBe(s.length);
        expect(displayWidth(s)).toBe(stringWidth(s));
      }),
      { numRuns: 2000 },
    );
  });
});

// pieces whose width the library gives exactly, to build random text from
const PIECES = [
  'a',
  'Z',
  ' ',
  '-',
  '山',
  '株',
  'テ',
  TSUCHI,
  FAMILY,
  RAINBOW,
  JAPAN,
  THUMB,
  KEYCAP,
  E_ACUTE,
  'é',
  '—',
  'ß',
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 20 }).map((p) => p.join(''));
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
const boundaries = (s: string) => {
  const at = new Set([s.length]);
  for (const { index } of graphemes.segment(s)) at.add(index);
  return at;
};

/** What cut must give, from the library alone: the longest prefix that fits beside an ellipsis. */
function reference(s: string, width: number): string {
  if (width <= 0) return '';
  if (stringWidth(s) <= width) return s;
  let best = '';
  for (const end of [...boundaries(s)].sort((a, b) => a - b))
    if (stringWidth(s.slice(0, end)) <= width - 1) best = s.slice(0, end);
  return best + '…';
}

describe('cut', () => {
  it('cuts to a number of columns with an ellipsis, never inside a character', () => {
    expect(cut('hello world', 8)).toBe('hello w…');
    expect(cut('hello', 8)).toBe('hello');
    expect(cut('abcde', 4)).toBe('abc…');
    expect(cut('abc', 0)).toBe('');
    expect(cut('山田太郎', 8)).toBe('山田太郎');
    expect(cut('山田太郎', 7)).toBe('山田太…');
    expect(cut('山田太郎', 6)).toBe('山田…');
    expect(cut('株式会社テスト', 1)).toBe('…');
    expect(cut(`ab${FAMILY}cd`, 4)).toBe('ab…');
    expect(cut(`ab${FAMILY}cd`, 5)).toBe(`ab${FAMILY}…`);
    expect(cut(`${JAPAN}${JAPAN}`, 3)).toBe(`${JAPAN}…`);
    expect(cut(`${TSUCHI}${TSUCHI}${TSUCHI}`, 4)).toBe(`${TSUCHI}…`);
    expect(cut('Rene\u0301e Dubois', 6)).toBe('Rene\u0301e…');
    expect(cut('SSO is a must-have — Every enterprise deal', 25)).toBe('SSO is a must-have — Eve…');
  });

  it('on any text: fits, keeps whole characters, and is the longest such prefix', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 30 }), (s, width) => {
        const out = cut(s, width);
        expect(displayWidth(out)).toBeLessThanOrEqual(Math.max(0, width));
        expect(out.isWellFormed()).toBe(true);
        if (displayWidth(s) <= width) expect(out).toBe(s);
        else if (width > 0) {
          const kept = out.slice(0, -1);
          expect(out.endsWith('…') && s.startsWith(kept)).toBe(true);
          expect(boundaries(s).has(kept.length)).toBe(true);
        }
        expect(out).toBe(reference(s, width));
      }),
      { numRuns: 3000 },
    );
  });

  it('takes the fast path for one-column text with the same result as the library', () => {
    fc.assert(
      fc.property(narrow, fc.integer({ min: 0, max: 40 }), (s, width) => {
        expect(cut(s, width)).toBe(reference(s, width));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('padEnd and padStart', () => {
  it('pad to columns, not characters', () => {
    expect(padEnd('山田', 6)).toBe('山田  ');
    expect(padEnd(`a${FAMILY}`, 4)).toBe(`a${FAMILY} `);
    expect(padEnd(E_ACUTE, 3)).toBe(`${E_ACUTE}  `);
    expect(padEnd('abcd', 2)).toBe('abcd');
    expect(padStart('山', 4)).toBe('  山');
    expect(padStart('42', 4)).toBe('  42');
  });
});

describe('table', () => {
  const rows = [
    { name: 'Jane Roe', n: 3, flag: true },
    { name: '山田太郎', n: 12, flag: false },
    { name: `Zoë ${FAMILY}`, n: 100, flag: false },
  ];
  const paintRed = (s: string) => `<${s}>`;

  it('aligns by columns, pads before painting, right-aligns numbers, leaves the last column unpadded', () => {
    const lines = table(rows, [
      { header: 'NAME', text: (r) => r.name },
      { header: 'N', text: (r) => String(r.n), align: 'right', paint: (s, r) => (r.flag ? paintRed(s) : s) },
      { header: 'NOTE', text: (r) => (r.flag ? 'yes' : '') },
    ]);
    expect(lines).toEqual(['NAME        N  NOTE', 'Jane Roe  <  3>  yes', '山田太郎   12', 'Zoë 👨‍👩‍👧    100']);
  });

  it('cuts a column at its maximum and a fill column to what the width leaves, after a whole word', () => {
    const lines = table(
      rows,
      [
        { text: (r) => r.name, max: 6 },
        { text: (r) => `${r.name} said something long`, fill: 5 },
      ],
      { width: 20, indent: '  ' },
    );
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(20);
    expect(lines).toEqual(['  Jane…   Jane Roe…', '  山田…   山田太郎…', '  Zoë 👨‍👩‍👧  Zoë 👨‍👩‍👧…']);
  });

  it('keeps a fixed width even when a cell is longer, and finishes lines as asked', () => {
    const lines = table(
      rows,
      [
        { header: 'NAME', text: (r) => r.name, width: 5 },
        { header: 'N', text: (r) => String(r.n) },
      ],
      { header: (h) => `[${h}]`, line: (l, r) => (r.flag ? `${l}!` : l.trimEnd()) },
    );
    expect(lines).toEqual(['[NAME   N]', 'Jane Roe  3!', '山田太郎  12', 'Zoë 👨‍👩‍👧  100']);
  });
});
