// What a first-time user stumbled on (wave 7): messages that name what the user gave and the way out.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => (box = sandbox()));
afterEach(() => box.cleanup());

describe('pm import of an export from a newer pm', () => {
  it('names stdin as stdin and says to upgrade pm, not to fix the file (exit 2, journal untouched)', () => {
    expect(box.pm(['init']).code).toBe(0);
    const before = box.snapshot();
    const r = box.pm(['import', '-'], { input: '{"format":"pm-journal","version":99}' });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^pm: stdin: format version 99 was written by a newer pm/m);
    expect(r.err).toContain('hint: nothing was imported; upgrade pm to a version that reads it');
    expect(r.err).not.toContain('fix the file');
    expect(box.snapshot()).toBe(before);
  });
});

describe('pm log --notes-file with nothing in it', () => {
  it('names the flag and the way out (exit 2, nothing logged)', () => {
    const args = ['log', '--with', 'Mia Chen', '--account', 'Acme', '--summary', 'Onboarding', '--notes-file'];
    const r = box.pm([...args, '-'], { input: '' });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^pm: --notes-file - \(stdin\) is empty: no notes to store$/m);
    expect(r.err).toMatch(/^hint: .*leave --notes-file out/m);
    expect(r.err).not.toMatch(/^pm: notes is empty/m);
    expect(box.pm(['ls']).out).not.toContain('Onboarding');
  });
});
