// pm contact set/merge and pm account set/rename/merge answered a near miss ("Jane" for Jane Roe, "Acm"
// for Acme) with "unknown … try: pm contacts", where pm ls, pm show and pm forget say "did you mean"
// (fresh-eyes wave 14 H17): the same near names, with the command to run again.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectUsageError, sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => {
  box = sandbox({ today: '2026-11-27' });
  box.ok(['log', '--with', 'Jane Roe', '--account', 'Acme', '--summary', 'x']);
  box.ok(['log', '--with', 'Mia Chen', '--account', 'Acme', '--summary', 'y']);
});
afterEach(() => box.cleanup());

function refused(args: string[], ...lines: string[]): void {
  const before = box.snapshot();
  const r = box.pm(args);
  expectUsageError(r);
  for (const line of lines) expect(r.err).toContain(line);
  expect(box.snapshot()).toEqual(before);
}

describe('a near name of a contact', () => {
  it('is named, with the command again, by pm contact set and merge', () => {
    const hint = 'hint: did you mean Jane Roe (Acme)? try: ';
    refused(
      ['contact', 'set', 'Jane', '--persona', 'x'],
      'pm: unknown contact "Jane"',
      `${hint}pm contact set "Jane Roe (Acme)" …`,
    );
    refused(['contact', 'merge', 'Jane', 'Mia Chen'], `${hint}pm contact merge "Jane Roe (Acme)" "Mia Chen"`);
    refused(['contact', 'merge', 'Mia Chen', 'Jnae Roe'], `try: pm contact merge "Mia Chen" "Jane Roe (Acme)"`);
    refused(['contact', 'set', 'Nobody Known', '--persona', 'x'], 'try: pm contacts');
  });
});

describe('a near name of an account', () => {
  it('is named, with the command again, by pm account set, rename and merge', () => {
    box.ok(['log', '--with', 'Raj Patel', '--account', 'Globex', '--summary', 'z']);
    refused(
      ['account', 'set', 'Acm', '--segment', 'smb'],
      'pm: unknown account "Acm"',
      'did you mean "Acme"? try: pm account set Acme …',
    );
    refused(['account', 'rename', 'Acm', 'Acme Corp'], 'try: pm account rename Acme "Acme Corp"');
    refused(['account', 'merge', 'Acm', 'Globex'], 'try: pm account merge Acme Globex');
    refused(['account', 'merge', 'Globex', 'Acmee'], 'try: pm account merge Globex Acme');
    refused(['account', 'set', 'Initech', '--segment', 'smb'], 'try: pm accounts');
  });
});
