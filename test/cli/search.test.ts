import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, expectUsageError, type Sandbox } from '../helpers.js';

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
  it('finds words in summaries, notes, pains and quotes, best first, as interview records with a snippet', () => {
    expect(ids(['export'])).toEqual(['I1']);
    expect(ids(['saml'])).toEqual(['I3']);
    expect(ids(['procurement'])).toEqual(['I3']);
    const [hit] = box.json(['search', 'saml']);
    expect(hit).toMatchObject({ id: 'I3', summary: 'SSO', with: ['Jane Roe'], account: 'Acme' });
    expect(hit.snippet).toMatch(/SAML/);
  });

  it('phrases, prefixes and diacritics work as a user would type them', () => {
    expect(ids(['"take an hour"'])).toEqual(['I1']);
    expect(ids(['"an hour take"'])).toEqual([]);
    expect(ids(['invoic*'])).toEqual(['I2']);
    expect(ids(['export*']).sort()).toEqual(['I1', 'I2']);
    expect(ids(['resume'])).toEqual(['I4']);
    expect(ids(['cafe'])).toEqual(['I4']);
  });

  it('ranks the better match first and honours --limit', () => {
    box.pm(['log', '--with', 'Jane Roe', '--summary', 'invoices invoices invoices', '--pain', 'invoices']);
    expect(ids(['invoices'])[0]).toBe('I5');
    expect(ids(['invoices', '--limit', '1'])).toEqual(['I5']);
  });

  it('prints a table row and a snippet per hit, without colour when not a terminal', () => {
    const r = box.pm(['search', 'procurement']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/I3 .*SSO/);
    expect(r.out).toMatch(/procurement/);
    expect(r.out).not.toMatch(/\u001b|\uE000/);
  });

  it('a query FTS5 cannot parse, or an empty one, is a usage error', () => {
    for (const q of ['"unterminated', 'a:b', 'AND', '(', '']) {
      const r = box.pm(['search', q]);
      expectUsageError(r);
    }
    expectUsageError(box.pm(['search', 'x', '--limit', '0']));
  });

  it('searching a journal that does not exist finds nothing and creates nothing', () => {
    const r = box.pm(['--db', `${box.dir}/none.db`, 'search', 'anything', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual([]);
  });
});
