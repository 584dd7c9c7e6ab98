// A name that is nobody's is a typo (as an unknown id is): pm ls --with/--account exit 2 with a
// "did you mean" from the names pm knows; pm show says the same, and points a source of signals at
// pm ls --source.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectUsageError, sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => {
  box = sandbox();
  expect(box.pm(['log', '--with', 'Mia Chen', '--account', 'Acme Corp', '--summary', 'Onboarding']).code).toBe(0);
  expect(box.pm(['log', '--with', 'Zoe Park', '--account', 'Globex', '--summary', 'Pricing']).code).toBe(0);
  expect(
    box.pm(['log', '--channel', 'review', '--source', 'G2', '--account', 'Globex', '--summary', 'Slow']).code,
  ).toBe(0);
});
afterEach(() => box.cleanup());

describe('pm ls with a name that is nobody', () => {
  it.each([
    [['--with', 'Mia'], 'pm: no contact named "Mia"', 'did you mean "Mia Chen"?'],
    [['--with', 'Zoë'], 'pm: no contact named "Zoë"', 'did you mean "Zoe Park"?'],
    [['--with', 'Mia Chem'], 'pm: no contact named "Mia Chem"', 'did you mean "Mia Chen"?'],
    [['--account', 'Acme'], 'pm: no account named "Acme"', 'did you mean "Acme Corp"?'],
    [['--account', 'Initech'], 'pm: no account named "Initech"', 'try: pm accounts'],
  ])('%s is exit 2 with a suggestion, as --hypothesis H99 is', (args, error, hint) => {
    const r = box.pm(['ls', ...args]);
    expectUsageError(r);
    expect(r.err).toContain(error);
    expect(r.err).toContain(hint);
    expectUsageError(box.pm(['ls', ...args, '--json']));
  });

  it('a known name, in any case or width, still lists', () => {
    expect(box.json(['ls', '--with', 'mia chen']).map((r: any) => r.id)).toEqual(['I1']);
    expect(box.json(['ls', '--account', 'ACME CORP']).map((r: any) => r.id)).toEqual(['I1']);
    expect(box.json(['ls', '--account', 'Acme Corp', '--since', '2026-11-21'])).toEqual([]);
  });
});

describe('pm show with a name that is nobody', () => {
  it('suggests the near name, accents and first names included', () => {
    for (const [input, guess] of [
      ['Zoë', 'Zoe Park'],
      ['Mia', 'Mia Chen'],
    ]) {
      const r = box.pm(['show', input]);
      expectUsageError(r);
      expect(r.err).toContain(`did you mean "${guess}"? try: pm show "${guess}"`);
    }
  });

  it('a source of signals points at pm ls --source', () => {
    const r = box.pm(['show', 'g2']);
    expectUsageError(r);
    expect(r.err).toContain('pm: "g2" is a source of signals');
    expect(r.err).toContain('try: pm ls --source "G2"');
  });
});
