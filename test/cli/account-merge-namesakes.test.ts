// Fresh-eyes wave 12 G15: `pm account merge` made two "Jane Roe" at one account without a word, and
// `--with "Jane Roe"` could then name neither (both at the account, one without email). Now the merge
// notes each such pair with the contact merge that joins them, as pm log notes a namesake; the command
// it prints works. Fails before.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => (box = sandbox()));
afterEach(() => box.cleanup());

describe('pm account merge of accounts that each have a Jane Roe', () => {
  it('names the pair and the contact merge that joins them', () => {
    for (const [who, account] of [
      ['Jane Roe <jane@acme.test>', 'Acme'],
      ['Jane Roe', 'Acme Inc'],
    ])
      expect(box.pm(['log', '--with', who, '--account', account, '--summary', 'x']).code).toBe(0);
    const r = box.pm(['account', 'merge', 'Acme Inc', 'Acme', '--yes']);
    expect(r.code).toBe(0);
    const note =
      /^Jane Roe is now at Acme beside Jane Roe with jane@acme\.test; if it is the same person: (pm contact merge \S+ "jane@acme\.test")$/m.exec(
        r.err,
      );
    expect(note, r.err).not.toBeNull();
    const args = note![1]
      .split(' ')
      .slice(1)
      .map((a) => a.replace(/^"|"$/g, ''));
    expect(box.pm([...args, '--yes']).code).toBe(0);
    expect(box.json(['contacts']).map((c: { name: string }) => c.name)).toEqual(['Jane Roe']);
  });
});
