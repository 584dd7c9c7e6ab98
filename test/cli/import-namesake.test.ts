// A teammate's new contact named as one already at the same account, told apart by email alone:
// pm import says so, with the command that makes them one, as pm log does for a contact logged here.
import { describe, expect, it } from 'vitest';
import { twoJournals } from '../two-journals.js';

const team = twoJournals();
const { pm } = team;

describe('pm import: a new namesake at the same account', () => {
  it('is a warning naming both emails and the merge command; --json lists it under lookalikes.namesakes', () => {
    pm('a', ['log', '--with', 'Jane Roe <jane@acme.test>', '--account', 'Acme', '--summary', 'first']);
    pm('b', ['log', '--with', 'Jane Roe <jroe@acme.test>', '--account', 'Acme', '--summary', 'second']);
    const r = team.trade('b', 'a');
    expect(r.err).toContain(
      'pm: warning: the new contact "Jane Roe" (Acme, jroe@acme.test): another Jane Roe is at Acme with ' +
        'jane@acme.test; if it is the same person: pm contact merge "jroe@acme.test" "jane@acme.test"',
    );
    // the command it names does make them one
    pm('a', ['contact', 'merge', 'jroe@acme.test', 'jane@acme.test']);
    expect(JSON.parse(pm('a', ['contacts', '--json']).out)).toHaveLength(1);
  });

  it('a pair the file brings both of is not noted: the teammate told them apart already', () => {
    pm('b', ['log', '--with', 'Jane Roe <jane@acme.test>', '--account', 'Acme', '--summary', 'first']);
    pm('b', ['log', '--with', 'Jane Roe <jroe@acme.test>', '--account', 'Acme', '--summary', 'second']);
    const r = team.trade('b', 'a');
    expect(r.err).not.toContain('another Jane Roe');
    expect(JSON.parse(pm('a', ['contacts', '--json']).out)).toHaveLength(2);
  });

  it('one at another account is no namesake; one the journal already had is not new', () => {
    pm('a', ['log', '--with', 'Jane Roe <jane@acme.test>', '--account', 'Acme', '--summary', 'first']);
    pm('b', ['log', '--with', 'Jane Roe <jane@globex.test>', '--account', 'Globex', '--summary', 'other']);
    expect(team.trade('b', 'a').err).not.toContain('is at Acme');
    pm('b', ['log', '--with', 'Jane Roe <jroe@acme.test>', '--account', 'Acme', '--summary', 'second']);
    expect(team.trade('b', 'a').err).toContain('another Jane Roe is at Acme with jane@acme.test');
    expect(team.trade('b', 'a').err).not.toContain('another Jane Roe');
  });
});

describe('pm import: a new account written as one of yours but for a suffix, punctuation or a letter', () => {
  it('is a warning with the merge command, as pm log gives it (fresh-eyes wave 14 H13)', () => {
    pm('a', ['log', '--with', 'Jane Roe <jane@acme.test>', '--account', 'Acme', '--summary', 'first']);
    pm('b', ['log', '--with', 'Jane Roe', '--account', 'Acme Inc.', '--summary', 'second']);
    pm('b', ['log', '--with', 'Bo Li', '--account', 'Globex', '--summary', 'third']);
    const r = team.trade('b', 'a');
    expect(r.err).toContain(
      'pm: warning: the new account "Acme Inc." is written as "Acme" but for punctuation or a company suffix; ' +
        'did you mean "Acme"? if so: pm account merge "Acme Inc." "Acme"',
    );
    expect(r.err).not.toContain('Globex');
    // the command it names makes them one, and then the two Jane Roes are namesakes at one account
    pm('a', ['account', 'merge', 'Acme Inc.', 'Acme']);
    expect(JSON.parse(pm('a', ['accounts', '--json']).out).map((a: { name: string }) => a.name)).toEqual(
      expect.arrayContaining(['Acme', 'Globex']),
    );
  });

  it('a pair the file brings both of is not noted: the teammate keeps them apart', () => {
    pm('b', ['log', '--with', 'Ann A', '--account', 'Acme', '--summary', 'first']);
    pm('b', ['log', '--with', 'Cy C', '--account', 'Acme Inc.', '--summary', 'second']);
    expect(team.trade('b', 'a').err).not.toContain('written as');
  });
});
