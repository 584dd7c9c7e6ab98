// Small findings of wave 10's first-time user: each a message that pointed the wrong way.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => (box = sandbox()));
afterEach(() => box.cleanup());

describe('--with "Ann <ann@beta.test" (the > forgotten), E20', () => {
  it('is refused with the way to write it, and makes no contact named with the email', () => {
    expect(box.pm(['log', '--with', 'Ann', '--account', 'Beta', '--summary', 'one']).code).toBe(0);
    const before = box.snapshot();
    for (const w of ['Ann <ann@beta.test', 'Ann ann@beta.test>']) {
      const r = box.pm(['log', '--with', w, '--account', 'Beta', '--summary', 'two']);
      expect(r.code).toBe(2);
      expect(r.err).toBe(
        `pm: --with: ${JSON.stringify(w)} has a < or > without the other: write the email between < and >\n` +
          'hint: write --with "Jane Roe <jane@acme.test>" or --with "Jane Roe"\n',
      );
    }
    expect(box.snapshot()).toBe(before);
  });
});

describe('pm config KEY VALUE (the git config habit), E24', () => {
  it("names the subcommands and the command meant, not commander's argument count", () => {
    const set = box.pm(['config', 'week.start', 'sunday']);
    expect(set.code).toBe(2);
    expect(set.err).toBe('pm: config takes list, get, set or unset\ntry: pm config set week.start sunday\n');
    const get = box.pm(['config', 'cadence.target']);
    expect(get.code).toBe(2);
    expect(get.err).toBe('pm: config takes list, get, set or unset\ntry: pm config get cadence.target\n');
  });
});
