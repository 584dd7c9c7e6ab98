// Listings align by the columns a terminal shows, not by characters: names in CJK (two columns a
// character), with emoji (a ZWJ sequence or a flag is one character of two columns) and with
// combining marks (none) line up with ASCII ones, and cut cells never overflow the terminal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers.js';

// An independent measure for the test's own names (not the library pm uses): two columns for CJK,
// emoji and flags, none for combining marks, one for the rest, by grapheme.
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
const WIDE =
  /^(?:[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|\p{Extended_Pictographic}|\p{Regional_Indicator})/u;
function columns(text: string): number {
  let n = 0;
  for (const { segment } of graphemes.segment(text)) n += WIDE.test(segment) ? 2 : 1;
  return n;
}
/** the terminal column where `token` starts on `line` */
const at = (line: string, token: string) => {
  const i = line.indexOf(token);
  expect(i, `${token} in ${JSON.stringify(line)}`).toBeGreaterThanOrEqual(0);
  return columns(line.slice(0, i));
};

const LONG_ACCOUNT = '株式会社テストとても長い名前の会社です';
let box: Sandbox;
beforeAll(() => {
  box = sandbox();
  for (const [who, account, date] of [
    ['山田太郎 <taro@test.jp>', '株式会社テスト', '2026-11-01'],
    ['Jane Roe <jane@acme.test>', 'Acme', '2026-11-10'],
    ['Zoë 👩‍💻 Kraus <zoe@mueller.test>', '🇩🇪 Müller GmbH', '2026-10-01'],
    ['Rene\u0301e Dubois', 'Cafe\u0301 Noir', '2026-11-19'],
    ['鈴木花子', LONG_ACCOUNT, '2026-11-18'],
  ])
    expect(
      box.pm([
        'log',
        '--with',
        who,
        '--account',
        account,
        '--summary',
        `${who} 請求書の自動照合がほしい 👍🏽`,
        '--date',
        date,
      ]).code,
    ).toBe(0);
});
afterAll(() => box.cleanup());

function lines(args: string[], width = 80): string[] {
  const r = box.pm(args, { env: { COLUMNS: String(width) } });
  expect(r.code).toBe(0);
  return r.out.trimEnd().split('\n');
}

describe('wide characters in listings', () => {
  it('pm ls: every column starts at the same terminal column, and no line is wider than the terminal', () => {
    for (const width of [80, 120]) {
      const out = lines(['ls'], width);
      expect(out).toHaveLength(5);
      const channel = out.map((l) => at(l, ' call ') + 1);
      expect(new Set(channel).size, out.join('\n')).toBe(1);
      const id = out.map((l) => at(l, ' I') + 1);
      expect(new Set(id).size).toBe(1);
      for (const l of out) {
        expect(columns(l), l).toBeLessThanOrEqual(width);
        expect(l.isWellFormed()).toBe(true);
      }
      // the long account is cut to the column, with an ellipsis
      expect(out.find((l) => l.includes('鈴木花子'))).toMatch(/株式会社テスト[^ ]*… /);
    }
  });

  it('pm contacts: ROLE, LAST DIRECT and EMAIL line up with their headers', () => {
    // 80 columns leave no room for EMAIL: it goes under each row, and no line is wider
    for (const l of lines(['contacts'])) expect(columns(l), l).toBeLessThanOrEqual(80);
    expect(lines(['contacts']).join('\n')).toMatch(/^ +(cadence 30d · )?email taro@test\.jp/m);
    const [header, ...rows] = lines(['contacts'], 120);
    expect(rows).toHaveLength(5);
    for (const row of rows) {
      expect(at(row, 'customer')).toBe(at(header, 'ROLE'));
      expect(at(row, '2026-1')).toBe(at(header, 'LAST DIRECT'));
    }
    for (const row of rows.filter((r) => r.includes('@')))
      expect(at(row, row.match(/\S+@\S+/)![0])).toBe(at(header, 'EMAIL'));
    expect(rows.find((r) => r.includes('鈴木花子'))).toContain('…');
  });

  it('pm accounts: every column lines up with its header, numbers right-aligned', () => {
    const [header, ...rows] = lines(['accounts']);
    expect(rows).toHaveLength(5);
    for (const row of rows) {
      expect(at(row, '2026-1')).toBe(at(header, 'LAST DIRECT'));
      expect(at(row, '30d')).toBe(at(header, 'CADENCE'));
      // INTERVIEWS is right-aligned: its number ends where the header does
      const end = columns(row.slice(0, row.search(/1(?=\s*(overdue)?$)/))) + 1;
      expect(end).toBe(at(header, 'INTERVIEWS') + 'INTERVIEWS'.length);
    }
  });

  it('pm show ACCOUNT and pm search use the same table', () => {
    const show = lines(['show', '株式会社テスト']);
    expect(show.at(-1)).toMatch(/^2026-11-01 I1 {2}山田太郎 {2}株式会社テスト {2}call {2}/);
    const found = lines(['search', 'test']).filter((l) => /^2026/.test(l));
    expect(found).toHaveLength(3);
    // each hit is a table of its own (its snippet follows it): cut to the terminal all the same
    for (const l of found) expect(columns(l), l).toBeLessThanOrEqual(80);
  });

  it('pm config: colour is applied after padding, so a dimmed (unset) lines up with the rest', () => {
    const r = box.pm(['config'], { env: { FORCE_COLOR: '1', NO_COLOR: undefined } });
    expect(r.out).toContain('\x1b[2m(unset)');
    const plain = r.out
      .trimEnd()
      .replace(/\x1b\[[0-9;]*m/g, '')
      .split('\n');
    expect(new Set(plain.map((l) => at(l, ' default') + 1))).toHaveProperty('size', 1);
  });
});
