// pm edit --pain/--quote/--tag/--notes replace the whole list (the contract); a PM who meant "add one
// more pain" saw only "Edited …" and lost the old ones unknowingly (wave 10 fresh-eyes E11). The edit
// now says, one line a list, what it threw away and what is there now.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => {
  box = sandbox();
  const r = box.pm([
    'log',
    '--with',
    'Jane Roe',
    '--account',
    'Acme',
    '--summary',
    'call',
    '--pain',
    'manual invoice matching:high',
    '--quote',
    'We reconcile by hand',
    '--tag',
    'billing',
    '--notes',
    'Long notes of the call',
  ]);
  expect(r.code, r.err).toBe(0);
});
afterEach(() => box.cleanup());

describe('pm edit says what a replacing flag threw away', () => {
  it('pains, quotes, tags and notes, each on a line of its own', () => {
    const r = box.pm([
      'edit',
      'I1',
      '--pain',
      'one more pain',
      '--quote',
      'Another quote',
      '--tag',
      'sso',
      '--notes',
      'Short',
    ]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^Edited I1/);
    expect(r.err).toContain('replaced pains: manual invoice matching (high) → one more pain (medium)\n');
    expect(r.err).toContain('replaced quotes: We reconcile by hand → Another quote\n');
    expect(r.err).toContain('replaced tags: billing → sso\n');
    expect(r.err).toContain('replaced notes: 22 characters (Long notes of the call) → 5 characters\n');
  });

  it('--clear says it too; a list given again whole, or another field, says nothing', () => {
    expect(box.pm(['edit', 'I1', '--clear', 'pains']).err).toContain(
      'replaced pains: manual invoice matching (high) → nothing',
    );
    const same = box.pm(['edit', 'I1', '--tag', 'billing', '--tag', 'extra', '--summary', 'new summary']);
    expect(same.code).toBe(0);
    expect(same.err).not.toContain('replaced');
  });
});
