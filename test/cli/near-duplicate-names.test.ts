// A near-duplicate name made a second person or account with no "did you mean" (wave 10 fresh-eyes
// E5): "Jose Nunez" for José Núñez typed on a US keyboard, "Acm" or "Acme, Inc." for Acme, each
// splitting one customer's conversations in two (and the two-account rule counted one company twice).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => {
  box = sandbox();
});
afterEach(() => box.cleanup());

const log = (...args: string[]) => {
  const r = box.pm(['log', ...args, '--summary', 'a call']);
  expect(r.code, r.err).toBe(0);
  return r;
};

describe('a new name that is a known one but for accents, a company suffix or a letter', () => {
  it('a contact and an account written without their accents are warned about, with the merge commands', () => {
    log('--with', 'José Núñez', '--account', 'Ünïcode GmbH');
    const r = log('--with', 'Jose Nunez', '--account', 'Unicode GmbH');
    expect(r.err).toContain(
      'pm: warning: the new account "Unicode GmbH" is written as "Ünïcode GmbH" but for accents; did you mean ' +
        '"Ünïcode GmbH"? if so: pm account merge "Unicode GmbH" "Ünïcode GmbH"',
    );
    const people = box.json<{ uuid: string; name: string }[]>(['contacts']);
    const jose = people.find((c) => c.name === 'José Núñez')!;
    const joseTwo = people.find((c) => c.name === 'Jose Nunez')!;
    expect(r.err).toContain(
      'pm: warning: the new contact "Jose Nunez" is written as "José Núñez" (Ünïcode GmbH) but for accents; ' +
        `did you mean "José Núñez"? if so: pm contact merge ${joseTwo.uuid} ${jose.uuid}`,
    );
    // the commands it names make them one
    expect(box.pm(['account', 'merge', 'Unicode GmbH', 'Ünïcode GmbH', '--yes']).code).toBe(0);
    expect(box.pm(['contact', 'merge', joseTwo.uuid, jose.uuid, '--yes']).code).toBe(0);
    expect(box.json<unknown[]>(['contacts'])).toHaveLength(1);
  });

  it('"is a new contact" offers the accent-folded match', () => {
    log('--with', 'José Núñez', '--account', 'Ünïcode GmbH');
    const r = box.pm(['log', '--with', 'Jose Nunez', '--summary', 'three']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('did you mean "José Núñez"? try: pm log --with "José Núñez" …');
  });

  it('an account one letter off or with a company suffix is warned about; another company is not', () => {
    log('--with', 'Ann', '--account', 'Acme');
    expect(log('--with', 'Bob', '--account', 'Acm').err).toContain(
      'the new account "Acm" is written as "Acme" but for one letter; did you mean "Acme"? if so: ' +
        'pm account merge "Acm" "Acme"',
    );
    expect(log('--with', 'Cy', '--account', 'Acme, Inc.').err).toContain(
      'the new account "Acme, Inc." is written as "Acme" but for punctuation or a company suffix',
    );
    expect(log('--with', 'Di', '--account', 'Globex').err).not.toContain('warning');
    expect(log('--with', 'Ed', '--account', 'Acme').err).not.toContain('warning');
    expect(log('--with', 'Fay', '--account', 'Initech').err).not.toContain('warning');
  });
});
