// Fresh-eyes wave 11 E14: one interview tagged BILLING named the theme every other interview calls
// billing (a tag's theme took its least spelling), and `--tag BILLING --tag "billing "` stored the
// same tag twice on one interview. Now a theme is named as most interviews write it (as a pain's is),
// and a tag the same but for case or spacing is kept once, in its first spelling. Fails before.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => (box = sandbox()));
afterEach(() => box.cleanup());

const ok = (args: string[]) => box.ok(args);

describe('a tag written in two spellings', () => {
  it('is one tag on an interview, and its theme is named as most interviews write it', () => {
    ok(['log', '--with', 'Jane Roe', '--account', 'Acme', '--summary', 'a', '--tag', 'billing']);
    ok(['log', '--with', 'Lena Fox', '--account', 'Foxworks', '--summary', 'b', '--tag', 'billing']);
    ok(['log', '--with', 'Raj Patel', '--account', 'Acme', '--summary', 'c', '--tag', 'BILLING', '--tag', 'billing ']);
    expect(box.json(['show', 'I3']).tags).toEqual(['BILLING']);
    ok(['edit', 'I2', '--tag', 'billing,Billing,audit']);
    expect(box.json(['show', 'I2']).tags).toEqual(['billing', 'audit']);
    const themes = box.json(['report', '--month']).themes as { theme: string; kind: string; interviews: number }[];
    expect(themes.filter((t) => t.kind === 'tag').map((t) => `${t.theme} ${t.interviews}`)).toEqual([
      'billing 3',
      'audit 1',
    ]);
    expect(ok(['report', '--month', '--full']).out).toMatch(/^ {2}billing +tag +2 accounts +3 interviews$/m);
  });
});
