// A known person named as pm prints and takes them: "Jane Roe (Acme)" and "Jane Roe <jane@acme.test>"
// in --with are that person, never a second contact named with the brackets (fresh-eyes wave 12 G14).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectUsageError, sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => {
  box = sandbox();
  expect(box.pm(['log', '--with', 'Jane Roe <jane@acme.test>', '--account', 'Acme', '--summary', 'a']).code).toBe(0);
  expect(box.pm(['log', '--with', 'Raj Patel', '--account', 'Acme', '--summary', 'b']).code).toBe(0);
});
afterEach(() => box.cleanup());

const contacts = () => box.sql('SELECT name FROM contacts ORDER BY name').map((r: any) => r.name);

describe('pm log --with "Name (Account)"', () => {
  it.each([
    [['--with', 'Jane Roe (Acme)'], 'Jane Roe'],
    [['--with', 'jane roe (ACME)'], 'Jane Roe'],
    [['--with', 'Raj Patel (Acme)', '--account', 'Acme'], 'Raj Patel'],
  ])('%s is the known person', (args, name) => {
    const r = box.pm(['log', ...args, '--summary', 'c']);
    expect(r.code, r.err).toBe(0);
    expect(r.err).not.toMatch(/new contact/);
    expect(box.json(['show', 'last']).with).toEqual([name]);
    expect(contacts()).toEqual(['Jane Roe', 'Raj Patel']);
  });

  it('an account in brackets that is not theirs is refused as another --account is, nothing made', () => {
    const r = box.pm(['log', '--with', 'Jane Roe (Bluebird)', '--summary', 'c']);
    expectUsageError(r);
    expect(r.err).toContain('pm: Jane Roe is a contact at Acme, not Bluebird');
    expect(r.err).toContain('if they moved: pm contact set "Jane Roe (Acme)" --account "Bluebird"');
    expect(r.err).toContain('someone else of that name: pm log --with "Jane Roe" --account "Bluebird"');
    expectUsageError(box.pm(['log', '--with', 'Jane Roe (Acme)', '--account', 'Bluebird', '--summary', 'c']));
    expect(contacts()).toEqual(['Jane Roe', 'Raj Patel']);
    expect(box.sql('SELECT count(*) AS n FROM interviews')[0].n).toBe(2);
  });

  it('the hint for someone else of that name works: a namesake at the other account', () => {
    const r = box.pm(['log', '--with', 'Jane Roe', '--account', 'Bluebird', '--summary', 'c']);
    expect(r.code, r.err).toBe(0);
    expect(contacts()).toEqual(['Jane Roe', 'Jane Roe', 'Raj Patel']);
    // and now each Jane Roe is found by her account
    expect(box.pm(['log', '--with', 'Jane Roe (Bluebird)', '--summary', 'd']).code).toBe(0);
    expect(box.json(['show', 'last']).account).toBe('Bluebird');
  });

  it('a person whose own name has brackets is still found by it whole', () => {
    expect(box.pm(['log', '--with', 'Mia (CFO)', '--account', 'Acme', '--summary', 'c']).code).toBe(0);
    const r = box.pm(['log', '--with', 'Mia (CFO)', '--summary', 'd']);
    expect(r.code, r.err).toBe(0);
    expect(contacts()).toEqual(['Jane Roe', 'Mia (CFO)', 'Raj Patel']);
  });

  it('with --account, brackets naming neither it nor their account are part of a new name (review wave 13 R3)', () => {
    const r = box.pm(['log', '--with', 'Jane Roe (CFO)', '--account', 'Bluebird', '--summary', 'c']);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain('new contact: Jane Roe (CFO) (customer, Bluebird)');
    expect(contacts()).toEqual(['Jane Roe', 'Jane Roe (CFO)', 'Raj Patel']);
  });

  it('pm edit --with "Name (Account)" is the known person too', () => {
    expect(box.pm(['edit', 'I2', '--with', 'Jane Roe (Acme)']).code).toBe(0);
    expect(box.json(['show', 'I2']).with).toEqual(['Jane Roe']);
    expect(contacts()).toEqual(['Jane Roe', 'Raj Patel']);
  });
});

// fresh-eyes wave 12 G4: "Jane Roe is a new contact … did you mean Jane Roe?" never said what differed
describe('pm log --with "Name <email>" where the name is known with another email, no --account', () => {
  it('says which email the known person has, with the --with that logs them, and writes nothing', () => {
    const r = box.pm(['log', '--with', 'Jane Roe <jane@acme>', '--summary', 'c']);
    expectUsageError(r);
    expect(r.err).toContain('pm: Jane Roe (Acme) has jane@acme.test, not jane@acme: a typo?');
    expect(r.err).toContain('if it is them: pm log --with "Jane Roe <jane@acme.test>" …');
    expect(r.err).toContain(
      'someone else of that name: pm log --with "Jane Roe <jane@acme>" --account "Their company"',
    );
    expect(contacts()).toEqual(['Jane Roe', 'Raj Patel']);
    // the hint's --with logs her
    expect(box.pm(['log', '--with', 'Jane Roe <jane@acme.test>', '--summary', 'c']).code).toBe(0);
    expect(box.json(['show', 'last']).with).toEqual(['Jane Roe']);
  });

  it('a known name without an email still takes the one given, as before', () => {
    const r = box.pm(['log', '--with', 'Raj Patel <raj@acme.test>', '--summary', 'c']);
    expect(r.code, r.err).toBe(0);
    expect(box.sql("SELECT email FROM contacts WHERE name = 'Raj Patel'")[0].email).toBe('raj@acme.test');
  });
});
