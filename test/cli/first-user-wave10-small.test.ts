// Small findings of wave 10's first-time user: each a message that pointed the wrong way.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
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

describe('--out - and pm backup -, E16', () => {
  it('export --out - writes to stdout; pm backup - and --out "" are refused; no file named "-"', () => {
    expect(box.pm(['log', '--with', 'Ann', '--account', 'Beta', '--summary', 'exports hurt']).code).toBe(0);
    const cwd = box.dir;
    const out = box.pm(['export', '--out', '-'], { cwd });
    expect(out.code, out.err).toBe(0);
    expect(out.out).toBe(box.pm(['export'], { cwd }).out);
    expect(out.out).toContain('exports hurt');
    const backup = box.pm(['backup', '-'], { cwd });
    expect(backup.code).toBe(2);
    expect(backup.err).toBe(
      'pm: cannot write the backup -: "-" is the standard output, not a file\nhint: give the path of a file or folder\n',
    );
    const empty = box.pm(['export', '--out', ''], { cwd });
    expect(empty.code).toBe(2);
    expect(empty.err).toBe('pm: --out is empty\nhint: leave --out out (or write --out -) to write to stdout\n');
    expect(existsSync(join(cwd, '-'))).toBe(false);
  });
});
