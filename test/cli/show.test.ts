import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, expectUsageError, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => {
  box = sandbox();
  for (const args of [
    [
      '--with',
      'Jane Roe <jane@acme.test>',
      '--account',
      'Acme',
      '--summary',
      'Exports take an hour',
      '--date',
      '2026-11-06',
      '--pain',
      'slow export:high',
    ],
    [
      '--with',
      'Sal Es',
      '--account',
      'Acme',
      '--role',
      'stakeholder',
      '--summary',
      'Account review',
      '--date',
      '2026-11-19',
    ],
    [
      '--with',
      'Sam Ng',
      '--account',
      'Globex',
      '--summary',
      'SSO please \u001b[2J\u001b]0;pwned\u0007',
      '--date',
      '2026-11-18',
    ],
  ])
    expect(box.pm(['log', ...args]).code).toBe(0);
});
afterEach(() => box.cleanup());

describe('pm show', () => {
  it('I12 and last show the whole interview; --json prints the record', () => {
    const text = box.pm(['show', 'I1']).out;
    expect(text).toMatch(/I1 +2026-11-06 +call/);
    expect(text).toMatch(/Jane Roe \(Acme\)/);
    expect(text).toMatch(/- slow export \(high\)/);
    expect(box.json(['show', 'last']).id).toBe('I3'); // the one logged most recently, though I2 has a later date
    expect(box.json(['show', 'i3']).with).toEqual(['Sam Ng']);
  });

  it('an account: its conversations and days since the last direct contact (stakeholder meetings do not count)', () => {
    const r = box.pm(['show', 'acme']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/last direct contact 2026-11-06 \(14 days ago\)/);
    expect(r.out).toMatch(/I2 .*Account review/);
    const j = box.json(['show', 'Acme']);
    expect(j).toMatchObject({ name: 'Acme', lastDirect: '2026-11-06', daysSince: 14, cadence: 30, overdue: false });
    expect(j.conversations.map((c: any) => c.id)).toEqual(['I2', 'I1']);
  });

  it('a contact by name or email', () => {
    expect(box.json(['show', 'Jane Roe'])).toMatchObject({
      name: 'Jane Roe',
      account: 'Acme',
      lastDirect: '2026-11-06',
      daysSince: 14,
    });
    expect(box.json(['show', 'JANE@acme.test']).conversations.map((c: any) => c.id)).toEqual(['I1']);
    expect(box.pm(['show', 'Sam Ng']).out).toMatch(/2 days ago/);
  });

  it('never prints stored escape sequences raw', () => {
    for (const args of [['show', 'I3'], ['show', 'Globex'], ['ls'], ['search', 'SSO']]) {
      const out = box.pm(args).out;
      expect(out, args.join(' ')).toMatch(/SSO please/);
      expect(out, args.join(' ')).not.toMatch(/\u001b/);
      expect(out, args.join(' ')).not.toMatch(/\u0007/);
    }
  });

  it('H3 shows the hypothesis, as pm hyp show does', () => {
    expect(box.pm(['hyp', 'add', 'Finance wants itemised invoices']).code).toBe(0);
    expect(box.pm(['log', '--with', 'Jane Roe', '--summary', 'yes please', '--supports', 'H1']).code).toBe(0);
    expect(box.pm(['show', 'H1']).out).toBe(box.pm(['hyp', 'show', 'H1']).out);
    expect(box.pm(['show', 'H1']).out).toMatch(/Finance wants itemised invoices/);
    expectUsageError(box.pm(['show', 'H9']));
  });

  it('unknown ids and names are usage errors; a name several contacts share lists them', () => {
    box.pm(['log', '--with', 'Jane Roe', '--account', 'Globex', '--summary', 'another Jane']);
    for (const ref of ['I99', 'Nobody', 'I0x']) expectUsageError(box.pm(['show', ref]));
    const r = box.pm(['show', 'Jane Roe']);
    expectUsageError(r);
    expect(r.err).toMatch(/Acme.*Globex/);
  });

  it("a shared name's hint names the namesakes' own emails, to pick one", () => {
    box.ok(['log', '--with', 'Ivan Xu <ivan.xu.714@example.test>', '--account', 'Cedarfreight', '--summary', 'a']);
    box.ok(['log', '--with', 'Ivan Xu <ivan.xu.9@example.test>', '--account', 'Bluehealth', '--summary', 'b']);
    const r = box.pm(['show', 'Ivan Xu']);
    expectUsageError(r);
    expect(r.err).toContain('name one by email: pm show "ivan.xu.714@example.test" · pm show "ivan.xu.9@example.test"');
    expect(r.err).not.toContain('jane@acme.test');
    expect(box.json(['show', 'ivan.xu.9@example.test']).account).toBe('Bluehealth');
  });
});
