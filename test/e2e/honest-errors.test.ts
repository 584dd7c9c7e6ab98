// Honest errors a real process shows (issue 16, findings 10 and 12): an output that cannot be
// written after the work was saved says what was saved; an endless stdin is cut at the limit; a
// forget confirmed after another pm merged the person away is a clear error, not a crash.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { BIN, onTerminal, sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => (box = sandbox()));
afterEach(() => box.cleanup());

/** pm with its standard output on /dev/full: every write to it fails with ENOSPC. */
function toFullDevice(args: string[]) {
  const full = openSync('/dev/full', 'w');
  try {
    const r = spawnSync(process.execPath, [BIN, ...args], {
      env: box.env,
      stdio: ['ignore', full, 'pipe'],
      encoding: 'utf8',
    });
    return { code: r.status, err: r.stderr };
  } finally {
    closeSync(full);
  }
}

const count = () => box.sql<{ n: number }>('SELECT count(*) AS n FROM interviews')[0].n;

describe('an output that cannot be written after the work was saved (finding 10)', () => {
  it('pm log > /dev/full: exit 1, says the interview was saved and which one, no "internal error"', () => {
    const r = toFullDevice(['log', '--with', 'Ann Lee', '--account', 'Acme', '--summary', 'Saved anyway']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /^pm: cannot write the output \(no space left on device\), but the command had done its work: Logged I1 · call with Ann Lee \(Acme\) on 2026-11-20$/m,
    );
    expect(r.err).toMatch(/^hint: it is saved: check \(pm ls, pm show last\) before running the command again/m);
    expect(r.err).not.toMatch(/internal error|please report/);
    expect(count()).toBe(1);
    const json = toFullDevice(['log', '--with', 'Ann Lee', '--account', 'Acme', '--summary', 'Again', '--json']);
    expect(json.code).toBe(1);
    expect(json.err).toMatch(/but the command had done its work: I2 was saved/);
    expect(count()).toBe(2);
  });

  it('a command that saved nothing says only that the output failed', () => {
    expect(box.pm(['log', '--with', 'Ann Lee', '--account', 'Acme', '--summary', 'One']).code).toBe(0);
    const r = toFullDevice(['ls']);
    expect(r.code).toBe(1);
    expect(r.err).toBe('pm: cannot write the output (no space left on device)\n');
  });
});

describe('an endless stdin is cut at the limit (finding 12)', () => {
  it('pm import - of 256 MB and more (no NUL in it) is refused once past 256 MB, nothing written', () => {
    expect(box.pm(['init']).code).toBe(0);
    const before = box.snapshot();
    const r = spawnSync('bash', ['-c', 'tr "\\0" " " < /dev/zero | "$0" "$1" import -', process.execPath, BIN], {
      env: box.env,
      encoding: 'utf8',
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^pm: stdin is larger than 256 MB, the most pm reads\n/);
    expect(box.snapshot()).toBe(before);
  });
});

describe('pm forget racing pm contact merge (finding 12)', () => {
  it('the person merged away while forget asked for confirmation: a clear error, nothing erased', () => {
    for (const [who, summary] of [
      ['Zelda Quux <zelda@quux.test>', 'Zelda on exports'],
      ['Zed Quux', 'Zed on exports'],
    ]) {
      const r = box.pm(['log', '--with', who, '--account', 'Quuxcorp', '--summary', summary]);
      expect(r.code, r.err).toBe(0);
    }
    const run = onTerminal(
      box,
      [
        [
          'Erase Zelda Quux',
          {
            run: [process.execPath, BIN, '--db', box.db, 'contact', 'merge', 'Zelda Quux', 'Zed Quux'],
            type: 'y\r',
          },
        ],
      ],
      ['forget', 'Zelda Quux'],
    );
    expect(run.failure).toBeNull();
    expect(run.code).toBe(2);
    expect(run.output).toMatch(
      /pm: Zelda Quux \(Quuxcorp\) was merged, erased or moved by another pm command meanwhile; nothing was done/,
    );
    expect(run.output).not.toMatch(/internal error/);
    // the merge stands, nothing was erased
    expect(box.sql('SELECT name, email, forgotten FROM contacts')).toEqual([
      { name: 'Zed Quux', email: 'zelda@quux.test', forgotten: 0 },
    ]);
  });
});
