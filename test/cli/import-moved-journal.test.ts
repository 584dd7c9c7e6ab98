// A journal moved by JSON (export, then import into a new journal on another machine) holds calls by
// the old machine's user.name, which is never exported: the first pm log here then made the report the
// new login's, every earlier call "someone else's" (fresh-eyes wave 19 H17). The import says so, with
// the command that claims them.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => {
  box = sandbox({ today: '2026-12-07' });
});
afterEach(() => box.cleanup());

/** Dana's journal of five weekly calls, exported as JSON; the file's path. */
function danasExport(): string {
  const old = ['--db', join(box.dir, 'old.db')];
  box.ok([...old, 'config', 'set', 'user.name', 'Dana PM']);
  for (const date of ['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23', '2026-11-30'])
    box.ok([...old, 'log', '--with', 'Jane Roe', '--account', 'Acme', '--summary', 'call', '--date', date]);
  const file = join(box.dir, 'a.json');
  box.ok([...old, 'export', '--format', 'json', '--out', file]);
  return file;
}

describe('pm import of a journal whose calls are all by another name', () => {
  it('names that name and the command that claims the calls; once set, the report keeps their streak', () => {
    const file = danasExport();
    const r = box.ok(['import', file]);
    expect(r.err).toContain(
      'pm: warning: the journal\'s 5 conversations are by "Dana PM", and pm knows you here as "tester" ' +
        '(your OS login; user.name is not set): if they are yours, pm config set user.name "Dana PM"',
    );
    box.ok(['config', 'set', 'user.name', 'Dana PM']);
    box.ok(['log', '--with', 'Jane Roe', '--summary', 'first call on the new laptop']);
    const page = box.json(['report']);
    expect([page.by, page.own]).toEqual([null, undefined]);
    expect(page.weekly.streak).toBeGreaterThanOrEqual(5);
  });

  it('says nothing when the journal holds calls of the user', () => {
    box.ok(['config', 'set', 'user.name', 'Pat']);
    box.ok(['log', '--with', 'Bo Li', '--account', 'Bluebird', '--summary', 'mine', '--date', '2026-12-01']);
    expect(box.ok(['import', danasExport()]).err).not.toMatch(/pm knows you here/);
  });
});
