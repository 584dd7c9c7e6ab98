// src/core/identity.ts and src/core/confusables.ts: how names are cleaned, keyed and compared for
// lookalikes; each fast path checked against the general one, and pm's confusables lookup against
// unhomoglyph's own function.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRequire } from 'node:module';
import {
  cleanEmail,
  cleanName,
  foldForIndex,
  lookalikeKey,
  nameKey,
  withoutInvisibles,
} from '../../src/core/identity.js';
import { identityKey } from '../../src/core/mentions.js';
import { ASCII_PROTOTYPES, prototypes } from '../../src/core/confusables.js';

const unhomoglyph = createRequire(import.meta.url)('unhomoglyph') as (s: string) => string;
const look = (s: string) => lookalikeKey(s, prototypes);
const printable = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) });

describe('cleanName', () => {
  it('stores NFC without invisible characters, spaces made one', () => {
    expect(cleanName(' Jo\u200Bsé\u00A0 Pe\u202Eña\u2069 ')).toBe('José Peña');
    expect(cleanName('José Peña'.normalize('NFD'))).toBe('José Peña');
    expect(cleanName('Ann\u00ADa\uFEFF Lee\u200E')).toBe('Anna Lee');
    expect(cleanName('\u200B\u2060')).toBe('');
  });

  it('keeps the joiners that draw something: emoji sequences, Persian, Indic', () => {
    const family = '👨\u200D👩\u200D👧';
    expect(cleanName(`${family} team`)).toBe(`${family} team`);
    expect(cleanName('می\u200Cخواهم')).toBe('می\u200Cخواهم');
    expect(cleanName('क्\u200Dष')).toBe('क्\u200Dष');
    expect(cleanName('Jo\u200Dsé')).toBe('José');
    expect(cleanName('❤\uFE0F fans')).toBe('❤\uFE0F fans');
  });

  it('on printable ASCII, the fast path is the general one', () => {
    fc.assert(
      fc.property(printable, (s) => {
        expect(cleanName(s)).toBe(withoutInvisibles(s).replace(/\s+/gu, ' ').trim());
        expect(cleanEmail(s)).toBe(s.trim());
      }),
    );
  });
});

describe('nameKey', () => {
  it('is the identity key erased people are hashed with, fast path included', () => {
    fc.assert(
      fc.property(printable, (s) => {
        expect(nameKey(s)).toBe(identityKey(s));
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(nameKey(s)).toBe(identityKey(s));
      }),
    );
  });

  it('ignores case, width, NFC/NFD and invisibles; accents count', () => {
    const key = nameKey('José Peña');
    for (const s of ['JOSÉ PEÑA', 'José Peña'.normalize('NFD'), 'Jo\u200Bsé  Peña', 'ＪＯＳÉ ＰＥÑＡ'])
      expect(nameKey(s), s).toBe(key);
    expect(nameKey('Jose Pena')).not.toBe(key);
  });
});

describe('lookalikeKey (UTS #39 skeleton of the key)', () => {
  it('is shared by names written with lookalike letters of other scripts, in any case', () => {
    expect(look('Jоsé Peña')).toBe(look('José Peña')); // Cyrillic о
    expect(look('ΑCME')).toBe(look('acme')); // Greek Alpha
    expect(look('Ρaypal')).toBe(look('paypal')); // Greek Rho
    expect(look('José Peña')).not.toBe(look('Jose Pena'));
    expect(look('Ann Lee')).not.toBe(look('Anne Lee'));
  });

  it("pm's lookup is unhomoglyph's mapping, for every character it maps and for random text", () => {
    const table = createRequire(import.meta.url)('unhomoglyph/data.json') as Record<string, string>;
    for (const ch of Object.keys(table)) expect(prototypes(ch), ch).toBe(unhomoglyph(ch));
    // the ASCII shortcut holds exactly the table's printable-ASCII entries
    expect(ASCII_PROTOTYPES).toEqual(Object.fromEntries(Object.entries(table).filter(([k]) => /^[ -~]$/.test(k))));
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme' }), printable), (s) => {
        expect(prototypes(s)).toBe(unhomoglyph(s));
      }),
    );
  });
});

describe('foldForIndex', () => {
  it('makes words written with invisibles or full width the plain word; printable text stays', () => {
    expect(foldForIndex('ex\u200Bport ex\u00ADport ｅｘｐｏｒｔ')).toBe('export export export');
    fc.assert(
      fc.property(printable, (s) => {
        expect(foldForIndex(s)).toBe(s);
      }),
    );
  });
});
