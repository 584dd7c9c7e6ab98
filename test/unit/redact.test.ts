import { describe, expect, it } from 'vitest';
import { makeRedactor, parseRedact, redactDeep } from '../../src/core/redact.js';

const contacts = [
  { n: 1, uuid: 'c1', name: 'Jane Roe', email: 'jane@acme.test' },
  { n: 2, uuid: 'c2', name: 'Al Li', email: null },
  { n: 3, uuid: 'c3', name: 'Jane van der Berg', email: 'JVB@globex.test' },
];
const accounts = [
  { n: 1, uuid: 'a1', name: 'Acme' },
  { n: 2, uuid: 'a2', name: 'Globex Corp' },
];

describe('redaction', () => {
  const r = makeRedactor(contacts, accounts, 'contacts');

  it('replaces full names, emails and first/last name tokens of three letters or more, case-insensitively, as whole words', () => {
    expect(r.text('Met JANE ROE and jane@acme.test today')).toBe('Met Contact 1 and contact-1@example.invalid today');
    expect(r.text('roe said so; Janet and Roesler did not')).toBe('Contact 1 said so; Janet and Roesler did not');
    expect(r.text('Al Li was there, Al alone too')).toBe('Contact 2 was there, Al alone too');
    expect(r.text('Berg wrote from jvb@GLOBEX.test')).toBe('Contact 3 wrote from contact-3@example.invalid');
  });

  it('a token two people share goes to the first of them; each full name still goes to its person', () => {
    expect(r.text('Jane')).toBe('Contact 1');
    expect(r.text('Jane van der Berg')).toBe('Contact 3');
  });

  it('keeps accounts unless asked for all', () => {
    expect(r.text('Acme and Globex Corp')).toBe('Acme and Globex Corp');
    expect(r.accountName('a1', 'Acme')).toBe('Acme');
    const all = makeRedactor(contacts, accounts, 'all');
    expect(all.text('acme and Globex Corp, not Acmeville')).toBe('Account 1 and Account 2, not Acmeville');
    expect(all.accountName('a2', 'Globex Corp')).toBe('Account 2');
  });

  it('names fields, keeps a missing email missing', () => {
    expect(r.contactName('c3', 'x')).toBe('Contact 3');
    expect(r.contactEmail('c2', null)).toBeNull();
    expect(r.contactEmail('c1', 'jane@acme.test')).toBe('contact-1@example.invalid');
  });

  it('redactDeep changes text but leaves ids, dates and flag kinds alone', () => {
    const report = {
      period: { label: '2026-W47' },
      conversations: [{ id: 'I1', date: '2026-11-20', with: ['Jane Roe'], summary: 'Roe is happy' }],
      hypotheses: [{ flags: ['stale'] }],
      flags: [{ kind: 'stale', subject: 'H1', message: 'Jane waits' }],
    };
    expect(redactDeep(report, r)).toEqual({
      period: { label: '2026-W47' },
      conversations: [{ id: 'I1', date: '2026-11-20', with: ['Contact 1'], summary: 'Contact 1 is happy' }],
      hypotheses: [{ flags: ['stale'] }],
      flags: [{ kind: 'stale', subject: 'H1', message: 'Contact 1 waits' }],
    });
  });

  it('--redact takes nothing (contacts) or all', () => {
    expect(parseRedact(undefined)).toBeNull();
    expect(parseRedact(true)).toBe('contacts');
    expect(parseRedact('all')).toBe('all');
    expect(() => parseRedact('names')).toThrow(/--redact=names/);
  });
});
