import { describe, expect, it } from 'vitest';
import { configFromRows, parseConfigValue, DEFAULTS } from '../../src/core/config.js';
import { uuidv7, UUID_RE } from '../../src/core/uuid.js';
import Database from 'better-sqlite3';
import { newUuid } from '../../src/db/journal.js';
import { checkText, decodeUtf8, safe, safeLine, LIMITS } from '../../src/core/text.js';
import { colorLevel, NO_COLOR } from '../../src/context.js';
import { Chalk, type ChalkInstance } from 'chalk';
import { UsageError } from '../../src/errors.js';

describe('config values', () => {
  it('parses numbers and week starts, refusing nonsense', () => {
    expect(parseConfigValue('cadence.days', '14')).toBe(14);
    expect(parseConfigValue('cadence.target', '0')).toBe(0);
    expect(parseConfigValue('week.start', 'SUNDAY')).toBe('sunday');
    for (const [k, v] of [
      ['cadence.days', '0'],
      ['cadence.days', '-1'],
      ['cadence.days', '7.5'],
      ['evidence.validateAt', '0'],
      ['week.start', 'tue'],
      ['user.name', '  '],
    ] as const) {
      expect(() => parseConfigValue(k, v), `${k}=${v}`).toThrow(UsageError);
    }
  });

  it('a bad or unknown stored row falls back to the default instead of breaking every command', () => {
    const c = configFromRows([
      { key: 'cadence.days', value: 'banana' },
      { key: 'mystery', value: '1' },
      { key: 'cadence.target', value: '3' },
    ]);
    expect(c['cadence.days']).toBe(DEFAULTS['cadence.days']);
    expect(c['cadence.target']).toBe(3);
  });
});

describe('uuidv7', () => {
  it('is a version-7, variant-1 UUID that sorts by creation time', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => uuidv7(1_700_000_000_000 + Math.floor(i / 10)));
    for (const id of ids) {
      expect(id).toMatch(UUID_RE);
      expect(id[14]).toBe('7');
      expect('89ab').toContain(id[19]);
    }
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('takes its random part from the bytes it is given, and refuses a wrong number of them', () => {
    const id = uuidv7(0x0123456789ab, new Uint8Array(16).fill(0xff));
    expect(id).toMatch(/^01234567-89ab-7[0-9a-f]{3}-bfff-ffffffffffff$/);
    expect(() => uuidv7(Date.now(), new Uint8Array(8))).toThrow(/16 random bytes/);
  });

  it('newUuid draws the random part from the journal (SQLite randomblob): distinct, ordered, version 7', () => {
    const db = new Database(':memory:');
    try {
      const ids = Array.from({ length: 1000 }, () => newUuid(db));
      for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(new Set(ids).size).toBe(ids.length);
      expect([...ids].sort()).toEqual(ids);
      // the random tail differs between ids made in the same millisecond
      expect(new Set(ids.map((x) => x.slice(24))).size).toBe(ids.length);
    } finally {
      db.close();
    }
  });
});

describe('user text', () => {
  it('is stored verbatim within its limit and refused beyond it', () => {
    const sql = "'; DROP TABLE interviews; --";
    expect(checkText('summary', sql, LIMITS.summary)).toBe(sql);
    expect(checkText('summary', 'é'.repeat(1000), LIMITS.summary)).toHaveLength(1000);
    expect(() => checkText('summary', 'x'.repeat(1001), LIMITS.summary)).toThrow(/longer than 1000 characters/);
    expect(() => checkText('notes', 'x'.repeat(5 * 1024 * 1024 + 1), LIMITS.notes)).toThrow(/longer than 5 MB/);
    expect(() => checkText('summary', 'a\0b', LIMITS.summary)).toThrow(/NUL/);
    expect(() => checkText('summary', '\uD800x', LIMITS.summary)).toThrow(/UTF-8/);
    expect(() => checkText('summary', '   ', LIMITS.summary)).toThrow(/empty/);
  });

  it('invalid UTF-8 bytes are refused, valid ones decoded', () => {
    expect(decodeUtf8(Buffer.from('café ☕', 'utf8'), 'notes')).toBe('café ☕');
    expect(() => decodeUtf8(Buffer.from([0x61, 0xff, 0x62]), 'notes')).toThrow(/not valid UTF-8 \(byte 1\)/);
    // where a Latin-1 é sits after valid text, a two-byte character before it
    expect(() => decodeUtf8(Buffer.from('naïve caf\xe9', 'latin1').subarray(0), 'notes')).toThrow(/\(byte 2\)/);
    expect(() => decodeUtf8(Buffer.concat([Buffer.from('ï ok '), Buffer.from([0xe9])]), 'notes')).toThrow(/\(byte 6\)/);
  });

  it('never reaches the terminal raw: escape sequences and control characters become visible', () => {
    const hostile = 'ok\x1b[2J\x1b]0;pwned\x07\r\u009b31m\u202eevil';
    const shown = safe(hostile);
    expect(shown).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]/);
    expect(shown).toContain('␛[2J');
    expect(safe('line one\nline two\ttab')).toBe('line one\nline two\ttab');
    expect(safeLine('line one\nline two')).toBe('line one line two');
  });

  it('a table cell with nothing to make visible is kept as it is, the rest as the two replaces make it', () => {
    // safeLine answers text without controls by one test instead of its two replaces
    const replaced = (text: string) =>
      text
        .replace(/[\r\n\t]+/g, ' ')
        .replace(/[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g, (ch) => safe(ch));
    const pieces = [
      'a',
      ' ',
      'é',
      '漢',
      '👍🏽',
      '\n',
      '\r\n',
      '\t',
      '\x1b',
      '\x07',
      '\u0085',
      '\u202e',
      '\u2067',
      '\u00a0',
    ];
    let seed = 7;
    for (let k = 0; k < 500; k++) {
      let text = '';
      for (let n = k % 9; n > 0; n--) {
        seed = (seed * 48271) % 2147483647;
        text += pieces[seed % pieces.length];
      }
      expect(safeLine(text)).toBe(replaced(text));
    }
  });
});

describe('colour', () => {
  it('without colour, pm does what chalk at level 0 does, without loading chalk', () => {
    const chalk = new Chalk({ level: 0 });
    const cases: [string[], unknown[]][] = [
      [['bold'], ['Report']],
      [['red', 'bold'], ['overdue']],
      [['dim'], ['']],
      [['green'], [3]],
      [['yellow'], ['a', 'b']],
      [
        ['bgRed', 'white', 'underline'],
        ['x', 1, 'y'],
      ],
    ];
    for (const [styles, args] of cases) {
      const paint = (c: ChalkInstance) => styles.reduce((p: any, s) => p[s], c)(...args);
      expect(paint(NO_COLOR), styles.join('.')).toBe(paint(chalk));
    }
    expect(NO_COLOR.level).toBe(0);
  });

  it('is off for NO_COLOR, --no-color and non-terminals; FORCE_COLOR forces it; --no-color wins', () => {
    expect(colorLevel({}, {}, true)).toBeGreaterThan(0);
    expect(colorLevel({}, { NO_COLOR: '1' }, true)).toBe(0);
    expect(colorLevel({ color: false }, {}, true)).toBe(0);
    expect(colorLevel({}, {}, false)).toBe(0);
    expect(colorLevel({}, { FORCE_COLOR: '1' }, false)).toBeGreaterThan(0);
    expect(colorLevel({ color: false }, { FORCE_COLOR: '3' }, true)).toBe(0);
    expect(colorLevel({}, { FORCE_COLOR: '0' }, true)).toBe(0);
    // an empty NO_COLOR is no NO_COLOR (no-color.org)
    expect(colorLevel({}, { NO_COLOR: '' }, true)).toBeGreaterThan(0);
  });

  it('NO_COLOR beats FORCE_COLOR (issue 20), on a terminal or not', () => {
    expect(colorLevel({}, { FORCE_COLOR: '1', NO_COLOR: '1' }, false)).toBe(0);
    expect(colorLevel({}, { FORCE_COLOR: '3', NO_COLOR: '1' }, true)).toBe(0);
    expect(colorLevel({ color: 'auto' }, { FORCE_COLOR: '1', NO_COLOR: '1' }, true)).toBe(0);
  });

  it('--color always colours anywhere, whatever the environment; --color never nowhere', () => {
    expect(colorLevel({ color: 'always' }, {}, false)).toBe(1);
    expect(colorLevel({ color: 'always' }, { NO_COLOR: '1' }, false)).toBe(1);
    expect(colorLevel({ color: 'always' }, { TERM: 'dumb' }, false)).toBe(1);
    expect(colorLevel({ color: 'always' }, { COLORTERM: 'truecolor' }, false)).toBe(3);
    expect(colorLevel({ color: 'always' }, { FORCE_COLOR: '2' }, false)).toBe(2);
    expect(colorLevel({ color: 'never' }, { FORCE_COLOR: '3' }, true)).toBe(0);
    expect(colorLevel({ color: 'never' }, {}, true)).toBe(0);
    expect(colorLevel({ color: 'auto' }, {}, true)).toBeGreaterThan(0);
    expect(colorLevel({ color: 'auto' }, {}, false)).toBe(0);
  });

  it('--color with another word is a usage error naming the three', () => {
    expect(() => colorLevel({ color: 'sometimes' }, {}, true)).toThrow(/"sometimes" is not auto, always or never/);
  });
});

describe('did you mean', () => {
  it('finds the closest known name within two edits, one for short names', async () => {
    const { closest, editDistance } = await import('../../src/core/text.js');
    expect(editDistance('Maria Chan', 'maria chen')).toBe(1);
    expect(closest('Maria Chan', ['Maria Chen', 'Mario Chin', 'Bob'])).toBe('Maria Chen');
    expect(closest('Acmee', ['Acme', 'Globex'])).toBe('Acme');
    expect(closest('Bob', ['Rob', 'Bobby'])).toBe('Rob');
    expect(closest('Bo', ['Al'])).toBeUndefined();
    expect(closest('Zebra Industries', ['Acme', 'Globex'])).toBeUndefined();
    expect(closest('Acme', ['Acme'])).toBeUndefined();
  });
});
