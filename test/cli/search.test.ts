import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { sandbox, expectUsageError, UNDO_SCHEMA_18, type Sandbox } from '../helpers.js';
import { displayWidth } from '../../src/render/width.js';

let box: Sandbox;
beforeEach(() => {
  box = sandbox();
  for (const args of [
    ['--summary', 'Exports take an hour every Monday', '--pain', 'slow export'],
    ['--summary', 'Pricing call', '--notes', 'They mentioned invoices twice, and invoicing once. Exporting is fine.'],
    ['--summary', 'SSO', '--quote', 'We need SAML or we cannot buy', '--notes', 'long notes about procurement'],
    ['--summary', 'Café visit', '--pain', 'résumé parsing is slow'],
  ])
    expect(box.pm(['log', '--with', 'Jane Roe', '--account', 'Acme', ...args]).code).toBe(0);
});
afterEach(() => box.cleanup());

const ids = (args: string[]) => box.json(['search', ...args]).map((r: any) => r.id);

describe('pm search', () => {
  it('names the account and people a query means when nothing they said matches, with the command (H9)', () => {
    const said = (q: string) => {
      const r = box.pm(['search', q]);
      expect(r.code, r.err).toBe(0);
      return `${r.out}${r.err}`;
    };
    expect(said('Acme')).toContain('Acme is an account, 4 conversations → pm show Acme');
    expect(said('jane')).toContain('Jane Roe (Acme) is a contact, 4 conversations → pm show "Jane Roe"');
    expect(said('Roe')).toContain('→ pm show "Jane Roe"');
    expect(box.ok(['show', 'Jane Roe']).out).toContain('Jane Roe');
    expect(said('zebra')).toBe('Nothing matches "zebra".\n');
    // a match in what was said is listed as before, with no pointer
    expect(said('export')).not.toContain('is an account');
  });

  it('points to a contact whatever the accents, as the search folds them (fresh-eyes wave 19 H22)', () => {
    box.ok(['log', '--with', 'José 🦄 Núñez', '--account', 'شركة الأمل', '--summary', 'met at the fair']);
    for (const q of ['José', 'jose', 'NUNEZ']) {
      const r = box.pm(['search', q]);
      expect(r.code, q).toBe(0);
      expect(`${r.out}${r.err}`, q).toContain('José 🦄 Núñez (شركة الأمل) is a contact, 1 conversation → pm show');
    }
  });

  it('refuses a query with no word to search for: symbols and emoji are not indexed (fresh-eyes wave 19 H22)', () => {
    box.ok(['log', '--with', 'Jane Roe', '--summary', 'Loves the 🚀 launch']);
    for (const q of ['🚀', '"🚀"', '🚀 ✨']) {
      const r = box.pm(['search', q]);
      expectUsageError(r);
      expect(r.err).toMatch(/^pm: .* has no word to search for \(symbols and emoji are not indexed\)$/m);
      expect(r.out).toBe('');
    }
    expect(ids(['launch'])).toEqual(['I5']);
  });

  it('finds words in summaries, notes, pains and quotes, best first, as interview records with a snippet', () => {
    expect(ids(['export'])).toEqual(['I1']);
    expect(ids(['saml'])).toEqual(['I3']);
    expect(ids(['procurement'])).toEqual(['I3']);
    const [hit] = box.json(['search', 'saml']);
    expect(hit).toMatchObject({ id: 'I3', summary: 'SSO', with: ['Jane Roe'], account: 'Acme' });
    expect(hit.snippet).toMatch(/SAML/);
  });

  it("each hit's snippet is cut from its own text, not the best hit's", () => {
    const hits = box.json(['search', 'export*']);
    expect(hits.map((h: any) => h.id).sort()).toEqual(['I1', 'I2']);
    const of = (id: string) => hits.find((h: any) => h.id === id).snippet;
    expect(of('I1')).toMatch(/Exports take an hour|slow export/);
    expect(of('I2')).toMatch(/Exporting is fine/);
    const out = box.pm(['search', 'export*']).out;
    expect(out).toMatch(/I2 [^\n]*\n[^\n]*Exporting is fine/);
  });

  it('phrases, prefixes and diacritics work as a user would type them', () => {
    expect(ids(['"take an hour"'])).toEqual(['I1']);
    expect(ids(['"an hour take"'])).toEqual([]);
    expect(ids(['invoic*'])).toEqual(['I2']);
    expect(ids(['export*']).sort()).toEqual(['I1', 'I2']);
    expect(ids(['resume'])).toEqual(['I4']);
    expect(ids(['cafe'])).toEqual(['I4']);
  });

  it("a word with an apostrophe (O'Neil) is searched as written, not refused", () => {
    expect(box.pm(['log', '--with', "Sam O'Neil", '--account', 'Initech', '--summary', "O'Neil's team"]).code).toBe(0);
    for (const q of ["O'Neil", 'O’Neil', "o'neil team", "O'Nei*", `"O'Neil's"`]) expect(ids([q])).toEqual(['I5']);
    expect(ids(["don't"])).toEqual([]);
  });

  it('a word with a hyphen, slash, dot or colon inside (e-mail, SSO/SAML) is searched as written (fresh-eyes wave 17 H10)', () => {
    box.ok([
      'log',
      '--with',
      'Raj Patel',
      '--account',
      'Acme',
      '--summary',
      'Raj: the e-mail digest is noise; month-end takes 3 days',
    ]);
    box.ok(['log', '--with', 'Raj Patel', '--summary', 'SSO/SAML at 10:30, needs v1.2 and a follow-up']);
    for (const q of ['e-mail', 'month-end', 'E-Mail digest', 'month-e*']) expect(ids([q]), q).toEqual(['I5']);
    for (const q of ['SSO/SAML', 'v1.2', '10:30', 'follow-up', 'follow-up OR e-mail'])
      expect(ids([q]).includes('I6'), q).toBe(true);
    expect(ids(['pre-sales'])).toEqual([]);
  });

  it('a comma, full stop, question or exclamation mark after a word is punctuation, as the index reads it', () => {
    box.ok(['log', '--with', 'Raj Patel', '--account', 'Acme, Inc.', '--summary', 'Why? Month-end close, again.']);
    for (const q of [
      'close?',
      'why?',
      'close, again.',
      'Month-end close.',
      'again!',
      'close;',
      '"close" again.',
      '"month-end close".',
    ])
      expect(ids([q]), q).toEqual(['I5']);
    // a name as written in the journal is a search that may match nothing, never a refusal
    expect(box.pm(['search', 'Acme, Inc.']).code).toBe(0);
    expect(box.pm(['search', 'v1.2.']).code).toBe(0);
  });

  it('ranks the better match first and honours --limit', () => {
    box.pm(['log', '--with', 'Jane Roe', '--summary', 'invoices invoices invoices', '--pain', 'invoices']);
    expect(ids(['invoices'])[0]).toBe('I5');
    expect(ids(['invoices', '--limit', '1'])).toEqual(['I5']);
    // 0 is every match, as in every listing (fresh-eyes wave 16 H11); the default is 20
    for (let i = 0; i < 22; i++) box.ok(['log', '--with', 'Jane Roe', '--summary', `invoices again ${i}`]);
    expect(ids(['invoices'])).toHaveLength(20);
    expect(ids(['invoices', '--limit', '0']).length).toBeGreaterThan(22);
  });

  it('prints a table row and a snippet per hit, without colour when not a terminal', () => {
    const r = box.pm(['search', 'procurement']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/I3 .*SSO/);
    expect(r.out).toMatch(/procurement/);
    expect(r.out).not.toMatch(/\u001b|\uE000/);
  });

  it('fits the snippet line to the width, as the row above it, cut around the match (wave 13 closing list)', () => {
    const notes =
      'We walked through the whole month-end close with the finance team and the controller, and the ' +
      'reconciliation of card payments against the bank export still takes two people most of a day';
    box.ok(['log', '--with', 'Jane Roe', '--account', 'Acme', '--summary', 'Close', '--notes', notes]);
    const r = box.ok(['search', 'reconciliation'], { env: { COLUMNS: '50' } });
    for (const line of r.out.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(50);
    expect(r.out).toMatch(/… .*reconciliation of card/);
    // a pipe with no width keeps the whole snippet, as listings do
    expect(box.ok(['search', 'reconciliation']).out).toMatch(/reconciliation of card payments against the bank/);
  });

  it('a query FTS5 cannot parse, or an empty one, is a usage error', () => {
    for (const q of ['"unterminated', 'a:', 'AND', '(', '']) {
      const r = box.pm(['search', q]);
      expectUsageError(r);
    }
    expectUsageError(box.pm(['search', 'x', '--limit', '-1']));
    expectUsageError(box.pm(['search', 'x', '--limit', 'all']));
  });

  it('searching a journal that does not exist finds nothing and creates nothing', () => {
    const r = box.pm(['--db', `${box.dir}/none.db`, 'search', 'anything', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual([]);
  });
});

describe('pm search in scripts written without spaces', () => {
  const quote = '如果能自动对账，我们马上买';
  beforeEach(() => {
    for (const args of [
      ['--with', '王小明', '--account', '招商', '--summary', '财务流程', '--quote', quote],
      ['--with', 'Sato', '--account', 'Acme', '--summary', 'Demo', '--notes', '請求書のエクスポートが遅い。毎月つらい'],
      ['--with', 'Kim', '--account', 'Acme', '--summary', '대시보드가 느려요'],
    ])
      expect(box.pm(['log', ...args]).code).toBe(0);
  });

  it('finds any run of characters inside a longer run, in order, and nothing out of order', () => {
    expect(ids(['对账'])).toEqual(['I5']);
    expect(ids(['自动对账'])).toEqual(['I5']);
    expect(ids(['"能自动"'])).toEqual(['I5']);
    expect(ids(['账对'])).toEqual([]);
    expect(ids(['エクスポート'])).toEqual(['I6']);
    expect(ids(['請求書'])).toEqual(['I6']);
    expect(ids(['대시보드'])).toEqual(['I7']);
    expect(ids(['对账 OR saml']).sort()).toEqual(['I3', 'I5']);
    // Latin words keep whole-word and prefix matching beside them
    expect(ids(['export*']).sort()).toEqual(['I1', 'I2']);
    expect(ids(['xport'])).toEqual([]);
  });

  it('the snippet is the text as stored (a full-width comma stays one), the match marked on a terminal', () => {
    const [hit] = box.json(['search', '对账']);
    expect(hit.snippet).toBe(quote);
    expect(box.json(['search', 'eXport'])[0].snippet).toBe('slow export');
    const r = box.pm(['search', '对账'], { env: { FORCE_COLOR: '1', NO_COLOR: '' } });
    expect(r.out).toContain('如果能自动');
    expect(r.out).toContain('，我们马上买');
    expect(r.out).toMatch(/\u001b\[[0-9;]*m对账\u001b/);
  });

  it('a journal indexed before (a whole run one word) is re-indexed on upgrade and finds the substring', () => {
    const db = new Database(box.db);
    db.prepare('UPDATE interviews_fts SET quotes = ? WHERE rowid = 5').run(quote.normalize('NFKC'));
    // back to schema 15, before the re-indexing (0016): what came after it taken away too
    db.exec(UNDO_SCHEMA_18);
    db.pragma('user_version = 15');
    db.close();
    expect(ids(['对账'])).toEqual(['I5']);
  });
});

describe('pm search: a query that cannot be read says what is wrong with it', () => {
  it.each([
    ['(', /ends too early/],
    ['x AND', /ends too early/],
    ['"unterminated', /double quote is not closed/],
    ['AND', /AND joins two words/],
    ['e -mail', /"mail" is read as a field name; quote words/],
  ])('%s', (q, message) => {
    const r = box.pm(['search', q]);
    expectUsageError(r);
    expect(r.err).toMatch(message);
    expect(r.err).not.toContain('near ""');
  });
});
