// pm edit was less careful than pm log (fresh-eyes wave 14 H7): a decade-off --date was silent, a typo in
// --with made a contact that stayed for good, and --channel vidoe got no "did you mean".
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectUsageError, sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => {
  box = sandbox({ today: '2026-12-07' });
  box.ok(['log', '--with', 'Mia Chen', '--account', 'Acme', '--summary', 'pilot signed']);
  box.ok(['log', '--with', 'Nora Quist', '--account', 'Acme', '--summary', 'exports']);
});
afterEach(() => box.cleanup());

describe('pm edit', () => {
  it('warns of a date years off, as pm log does', () => {
    const r = box.ok(['edit', 'I1', '--date', '2016-12-07']);
    expect(r.err).toContain('I1 is dated 2016-12-07, 10 years ago; if that is a typo: pm edit I1 --date YYYY-MM-DD');
    expect(box.ok(['edit', 'I1', '--date', '2026-12-01']).err).not.toContain('ago');
  });

  it('names a near channel', () => {
    const r = box.pm(['edit', 'I1', '--channel', 'vidoe']);
    expectUsageError(r);
    expect(r.err).toContain('did you mean video?');
  });

  it('asks about a new name near a known one, and takes someone new with --account', () => {
    const before = box.snapshot();
    const r = box.pm(['edit', 'I1', '--with', 'Nora Qist']);
    expectUsageError(r);
    expect(r.err).toContain('"Nora Qist" is not a contact: did you mean "Nora Quist"?');
    expect(r.err).toContain(
      'try: pm edit I1 --with "Nora Quist"; someone new: pm edit I1 --with "Nora Qist" --account "Acme"',
    );
    expect(box.snapshot()).toEqual(before);
    expect(box.ok(['edit', 'I1', '--with', 'Nora Qist', '--account', 'Acme']).err).toContain('new contact: Nora Qist');
  });

  it('says when a person it took off is in no conversation now', () => {
    box.ok(['edit', 'I1', '--with', 'Zed Typo']);
    const r = box.ok(['edit', 'I1', '--with', 'Mia Chen']);
    expect(r.err).toContain('Zed Typo (Acme) is in no conversation now; if the name was a typo: pm contact merge');
  });
});
