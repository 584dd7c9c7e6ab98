// An address is read, not accepted because it holds an "@": "Jane Roe <mailto:jane@acme.test>", "(…)"
// and "[…]" each made ANOTHER Jane Roe whose "email" held the brackets, and pm forget of her address
// then erased one of them, leaving the others with her name and address (fresh-eyes wave 17 H21).
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { sandbox } from '../helpers.js';

describe('an email as copied from a mail client, a CRM or a link', () => {
  it('is the same person, whatever is around the address', () => {
    const box = sandbox();
    for (const w of [
      'Jane Roe <jane@acme.test>',
      'Jane Roe <mailto:jane@acme.test>',
      'Jane Roe (jane@acme.test)',
      'Jane Roe [jane@acme.test]',
      'Jane Roe <MAILTO:jane@acme.test?subject=Pricing>',
      'Jane Roe mailto:jane@acme.test',
    ])
      box.ok(['log', '--with', w, '--account', 'Acme', '--summary', w]);
    expect(box.sql('SELECT name, email FROM contacts')).toEqual([{ name: 'Jane Roe', email: 'jane@acme.test' }]);
    expect(box.sql('SELECT count(*) AS n FROM interviews')).toEqual([{ n: 6 }]);
  });

  it('is refused when it is no address, with nothing written', () => {
    const box = sandbox();
    box.ok(['log', '--with', 'Jane Roe <jane@acme.test>', '--account', 'Acme', '--summary', 'first']);
    const before = box.snapshot();
    for (const [w, said] of [
      ['Jane Roe <jane@>', '"jane@" is not an email address'],
      ['Jane Roe (jane@)', 'has an "@" but no email address pm can read'],
      ['Jane Roe jane@', 'has an "@" but no email address pm can read'],
    ]) {
      const r = box.pm(['log', '--with', w, '--account', 'Acme', '--summary', 'x']);
      expect(r.code, w).toBe(2);
      expect(r.err).toContain(said);
    }
    expect(box.snapshot()).toBe(before);
    // a handle or a lone "@" is part of a name, as before
    box.ok(['log', '--with', '@raj', '--account', 'Acme', '--summary', 'slack huddle']);
    box.ok(['log', '--with', 'Ann @ Globex', '--account', 'Globex', '--summary', 'x']);
    expect(box.sql("SELECT name, email FROM contacts WHERE name LIKE '%@%' ORDER BY name")).toEqual([
      { name: '@raj', email: null },
      { name: 'Ann @ Globex', email: null },
    ]);
    const set = box.pm(['contact', 'set', 'Jane Roe', '--email', '(jane@)']);
    expect(set.code).toBe(2);
    expect(set.err).toContain('is not an email address');
    box.ok(['contact', 'set', 'Jane Roe', '--email', '<mailto:jane.roe@acme.test>']);
    expect(box.sql("SELECT email FROM contacts WHERE name = 'Jane Roe'")).toEqual([{ email: 'jane.roe@acme.test' }]);
  });

  it('pm forget names a contact an older pm kept with the address in brackets', () => {
    const box = sandbox();
    box.ok(['log', '--with', 'Jane Roe <jane@acme.test>', '--account', 'Acme', '--summary', 'first']);
    box.ok(['log', '--with', 'J. Roe <j2@acme.test>', '--account', 'Acme', '--summary', 'second']);
    // as an older pm stored "Jane Roe (jane@acme.test)": the address with its brackets
    const conn = new Database(box.db);
    conn.prepare("UPDATE contacts SET email = '(jane@acme.test)' WHERE email = 'j2@acme.test'").run();
    conn.close();
    const uuid = box.sql("SELECT uuid FROM contacts WHERE email = '(jane@acme.test)'")[0].uuid;
    const r = box.ok(['forget', 'mailto:jane@acme.test', '--yes']);
    expect(r.out).toContain('Forgot Jane Roe (Acme, jane@acme.test)');
    expect(r.err).toContain(
      `J. Roe (Acme) holds the same address as "(jane@acme.test)"; if they are the same person: pm forget ${uuid} --yes`,
    );
  });
});
