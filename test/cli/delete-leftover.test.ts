// A typo'd person or account outlived the interview deleted to fix it, and nothing said so (wave 10
// fresh-eyes E10): pm delete now names the interview's people and account no conversation names any
// more, with the merge command that joins each to the right one.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => {
  box = sandbox();
});
afterEach(() => box.cleanup());

const ok = (args: string[]) => {
  const r = box.pm(args);
  expect(r.code, r.err).toBe(0);
  return r;
};

describe('pm delete of the only conversation of a contact or an account', () => {
  it('says they are in no conversation now, with the merge commands, which work', () => {
    ok(['log', '--with', 'Raj Patel', '--account', 'Acme', '--summary', 'a']);
    ok(['log', '--with', 'Raj Patell', '--account', 'Acmee', '--summary', 'typo']);
    const r = ok(['delete', 'last', '--yes']);
    expect(r.err).toContain(
      'Raj Patell (Acmee) is in no conversation now; if the name was a typo: pm contact merge ' +
        '"Raj Patell (Acmee)" "Right Name"',
    );
    expect(r.err).toContain(
      'the account "Acmee" has no conversation now; if it was a typo: pm account merge "Acmee" "Right Name"',
    );
    ok(['contact', 'merge', 'Raj Patell (Acmee)', 'Raj Patel', '--yes']);
    ok(['account', 'merge', 'Acmee', 'Acme', '--yes']);
    expect(box.json<unknown[]>(['contacts'])).toHaveLength(1);
    expect(box.json<unknown[]>(['accounts'])).toHaveLength(1);
  });

  it('says nothing of a person or account with another conversation', () => {
    ok(['log', '--with', 'Raj Patel', '--account', 'Acme', '--summary', 'a']);
    ok(['log', '--with', 'Raj Patel', '--account', 'Acme', '--summary', 'b']);
    expect(ok(['delete', 'last', '--yes']).err).not.toContain('no conversation now');
  });
});
