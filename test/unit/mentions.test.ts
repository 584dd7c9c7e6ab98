import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { foldForMatch, foldGeneral, identityKey, MentionMatcher } from '../../src/core/mentions.js';

describe('folding text for matching', () => {
  it('the ASCII fast path folds as the general path does, index for index', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii' }), (s) => {
        const fast = foldForMatch(s);
        const general = foldGeneral(s);
        expect(fast.starts).toBeNull();
        expect(fast.folded).toBe(general.folded);
        for (let i = 0; i < general.folded.length; i++) {
          expect(general.starts![i]).toBe(i);
          expect(general.ends![i]).toBe(i + 1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('every spelling of a name folds alike: NFC, NFD, case, accents, full width, zero-width and bidi characters', () => {
    const forms = [
      'José Peña',
      'José Peña'.normalize('NFD'),
      'JOSE PENA',
      'Ｊｏｓé Ｐｅñａ',
      'Jo\u200Bsé Pe\u00ADña',
      '\u202AJosé\u202C Peña',
    ];
    for (const f of forms) expect(foldGeneral(f).folded, f).toBe('jose pena');
  });

  it('every apostrophe is one, and every hyphen or dash is one (text pasted from a word processor)', () => {
    for (const f of ["O'Connor", 'O’Connor', 'O‘Connor', 'Oʼconnor', 'O`CONNOR', 'O´Connor'])
      expect(foldGeneral(f).folded, f).toBe("o'connor");
    for (const f of ['Jean-Luc', 'Jean‐Luc', 'Jean‑Luc', 'Jean–Luc', 'Jean—Luc', 'Jean−Luc'])
      expect(foldGeneral(f).folded, f).toBe('jean-luc');
  });

  it('letters Unicode does not decompose fold as an English keyboard types them (ASCII spellings of a name)', () => {
    const pairs = [
      ['Łukasz Øster', 'lukasz oster'],
      ['Sven Ødegård', 'sven odegard'],
      ['Grete Strauß', 'grete strauss'],
      ['Æsa Đukić', 'aesa dukic'],
      ['Þóra Ðórsdóttir', 'thora dorsdottir'],
      ['Œdipe Ħal Ŧom', 'oedipe hal tom'],
      ['Işık', 'isik'],
    ];
    for (const [name, typed] of pairs) expect(foldGeneral(name).folded, name).toBe(typed);
    // each folded letter still maps back to the one it came from ("Æ" to both of "ae")
    const { folded, starts, ends } = foldGeneral('Æsa');
    expect([folded, [...starts!], [...ends!]]).toEqual(['aesa', [0, 0, 1, 2], [1, 1, 2, 3]]);
    expect(
      new MentionMatcher([{ text: 'Łukasz Øster', replacement: '[x]' }]).replace('Lukasz Oster, ŁUKASZ ØSTER'),
    ).toEqual({
      text: '[x], [x]',
      count: 2,
    });
  });

  it('identity keys ignore case, width and invisible characters, not accents', () => {
    expect(identityKey('ＪＡＮＥ  Roe\u200B')).toBe(identityKey('jane roe'));
    expect(identityKey('José'.normalize('NFD'))).toBe(identityKey('José'));
    expect(identityKey('José')).not.toBe(identityKey('Jose'));
    expect(identityKey('STRAßE')).toBe(identityKey('strasse'));
  });
});

describe('MentionMatcher', () => {
  const m = new MentionMatcher([
    { text: 'Zelda Quux', replacement: '[x]', inside: true },
    { text: 'zelda.quux@wonka.test', replacement: '[x]' },
    { text: 'Zelda', replacement: '[x]', inside: true },
    { text: 'Ann', replacement: '[x]', inside: true },
  ]);

  it('replaces whole words in the original text, whatever their spelling, and keeps the rest byte for byte', () => {
    const nfd = 'ZÉLDA'.normalize('NFD');
    expect(m.replace(`Met Zelda  Quux, then ${nfd}; Zeldas and Annual stay. Write zelda.quux@wonka.test`)).toEqual({
      text: 'Met [x], then [x]; Zeldas and Annual stay. Write [x]',
      count: 3,
    });
    expect(m.replace("Zelda's plan, zelda_quux, ｚｅｌｄａ").text).toBe("[x]'s plan, [x], [x]");
  });

  it('inside a word only for @handles and tags, and only needles of four letters or more', () => {
    expect(m.replace('ask @zeldaq and zeldaq, @planning').text).toBe('ask @[x] and zeldaq, @planning');
    expect(m.replace('zeldaquux', { tag: true }).text).toBe('[x]');
  });
});
