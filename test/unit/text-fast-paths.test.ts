// Two checks every pm log makes of what was typed, written without the regular expressions whose first
// compilation cost ~0.2 ms each (docs/performance.md, wave 18): a mail link's scheme and query cut by
// string functions (emailOf), and a text with an ASCII letter or digit taken as having words before the
// Unicode classes are asked (refusePlaceholder). Each answers as the expression it replaced, here kept
// as the reference, over the forms an address is pasted in and over every kind of character.
import { describe, expect, it } from 'vitest';
import { emailOf } from '../../src/core/contacts.js';
import { refusePlaceholder } from '../../src/core/text.js';

/** emailOf as it was: one expression for the scheme and the query. */
function emailOfReference(text: string): string | null {
  let s = text.trim();
  const inside = /^[<([{](.*)[>)\]}]$/s.exec(s);
  if (inside) s = inside[1].trim();
  s = /^(?:mailto:)?([^?]*)(?:\?.*)?$/is.exec(s)![1].trim();
  return /^[^\s@<>()[\]{},;:"]+@[^\s@<>()[\]{},;:".]+(?:\.[^\s@<>()[\]{},;:".]+)*$/u.test(s) ? s : null;
}

/** refusePlaceholder as it was: refused when every character is punctuation, a separator or a space. */
const placeholderReference = (value: string) => /^[\p{P}\p{Z}\s]*$/u.test(value);

const refused = (value: string) => {
  try {
    refusePlaceholder('--summary', value, 'hint');
    return false;
  } catch {
    return true;
  }
};

describe('emailOf without the scheme-and-query expression', () => {
  const schemes = ['', 'mailto:', 'MAILTO:', 'MailTo:', 'mailto', 'mailto:mailto:', ' mailto:', 'mailto: ', 'MAİLTO:'];
  const addresses = ['jane@acme.test', 'j@x', 'jane', 'jane@acme.', '?@x', '', 'a b@c.d', 'jané@ünï.test', 'x@y?z'];
  const queries = ['', '?subject=hi', '?', '?a?b', '?\nsecond line', ' ?cc=x', '\n', 'MAILTO:'];
  const dress = [
    ['', ''],
    ['<', '>'],
    ['(', ')'],
    ['[', ']'],
    ['{', '}'],
    [' <', '> '],
  ];
  const texts = schemes.flatMap((s) =>
    addresses.flatMap((a) => queries.flatMap((q) => dress.map(([o, c]) => o + s + a + q + c))),
  );

  it('answers as the expression did, for every form an address is pasted in', () => {
    expect(texts.length).toBeGreaterThan(3000);
    for (const t of texts) expect(emailOf(t), JSON.stringify(t)).toBe(emailOfReference(t));
    // and the forms pm takes (fresh-eyes wave 17 H21)
    expect(emailOf('<mailto:jane@acme.test?subject=Hi>')).toBe('jane@acme.test');
    expect(emailOf('MAILTO:jane@acme.test')).toBe('jane@acme.test');
    expect(emailOf('mailto:?subject=x')).toBeNull();
  });
});

describe('refusePlaceholder with ASCII letters and digits taken at once', () => {
  // every character of the Basic Latin and Latin-1 blocks, general punctuation, the CJK symbols, a few
  // letters and digits of other scripts, and surrogate pairs
  const chars = [
    ...Array.from({ length: 0x100 }, (_, i) => String.fromCharCode(i)),
    ...Array.from({ length: 0x70 }, (_, i) => String.fromCharCode(0x2000 + i)),
    ...Array.from({ length: 0x40 }, (_, i) => String.fromCharCode(0x3000 + i)),
    'é',
    'Ж',
    '٣',
    '漢',
    '😀',
    '𝐀',
    '\u{1F4A9}',
    '_',
    '…',
  ];
  const texts = [
    ...chars,
    ...chars.map((c) => `…${c}…`),
    ...chars.map((c) => ` ${c}${c} `),
    '...',
    '…',
    '-',
    '?',
    '  ',
    '',
    '__',
    '— –',
    'a',
    'Exports take an hour every Friday',
    '… TBD …',
    '「」',
  ];

  it('refuses exactly what the Unicode classes refuse', () => {
    let refusals = 0;
    for (const t of texts) {
      expect(refused(t), JSON.stringify(t)).toBe(placeholderReference(t));
      if (refused(t)) refusals++;
    }
    // both kinds are among them: the underscore is punctuation, a digit of another script is a word
    expect(refusals).toBeGreaterThan(100);
    expect(refused('__')).toBe(true);
    expect(refused('٣')).toBe(false);
  });
});
