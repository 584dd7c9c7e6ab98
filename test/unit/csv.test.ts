import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { csvField, csvRecord, formulaSafe, listCell, listFromCell } from '../../src/core/csv.js';

describe('RFC 4180 fields', () => {
  it('quotes a field only when it holds a quote, comma, CR or LF, and doubles inner quotes', () => {
    expect(csvField('plain text; with semicolons')).toBe('plain text; with semicolons');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\ronly')).toBe('"cr\ronly"');
    expect(csvField(null)).toBe('');
    expect(csvField(30)).toBe('30');
    expect(csvField(' spaces kept ')).toBe(' spaces kept ');
  });

  it('a record is its fields joined by commas, ending in CRLF', () => {
    expect(csvRecord(['a', null, 'b,c', 2])).toBe('a,,"b,c",2\r\n');
  });

  it('any text can be read back raw: unquote and undouble gives the original', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const f = csvField(s, true);
        const back = f.startsWith('"') ? f.slice(1, -1).replace(/""/g, '"') : f;
        expect(back).toBe(s);
        if (!f.startsWith('"')) expect(f).not.toMatch(/[",\r\n]/);
        else expect(f.slice(1, -1).replace(/""/g, '')).not.toContain('"');
      }),
    );
  });

  it("a cell a spreadsheet would read as a formula gets a leading ', and reads back as ' + the text", () => {
    for (const s of ['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1'])
      expect(csvField(s).replace(/^"|"$/g, '')).toBe(`'${s}`);
    for (const s of ['1-1', 'a=b', "'=1", ' =1', '', 'José']) expect(csvField(s)).toBe(csvField(s, true));
    expect(csvField(-3)).toBe('-3');
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const f = csvField(s);
        const back = f.startsWith('"') ? f.slice(1, -1).replace(/""/g, '"') : f;
        expect(back).toBe(formulaSafe(s));
        expect(back).not.toMatch(/^[=+\-@\t\r]/);
      }),
    );
  });
});

describe('list cells', () => {
  it('one pain "semi; colon list" and two pains "semi", "colon list" give different cells', () => {
    expect(listCell(['semi; colon list'])).toBe('semi\\; colon list');
    expect(listCell(['semi', 'colon list'])).toBe('semi; colon list');
    expect(listFromCell('semi\\; colon list')).toEqual(['semi; colon list']);
    expect(listFromCell('semi; colon list')).toEqual(['semi', 'colon list']);
    expect(listCell(['back\\slash', ';', ' lead', 'trail '])).toBe('back\\\\slash; \\;;  lead; trail ');
    expect(listCell([])).toBe('');
    expect(listFromCell('')).toEqual([]);
    // text without ; or \ is written as it is
    expect(listCell(['slow CSV export', 'no SSO'])).toBe('slow CSV export; no SSO');
  });

  it('every list of items pm can store reads back exactly', () => {
    const item = fc
      .string({ unit: fc.constantFrom(';', '\\', ' ', ';', 'a', 'é', '"', ',', '\n', '🙂'), maxLength: 12 })
      .filter((s) => s.trim() !== '');
    fc.assert(
      fc.property(fc.array(item, { maxLength: 5 }), (items) => {
        expect(listFromCell(listCell(items))).toEqual(items);
      }),
    );
  });
});
