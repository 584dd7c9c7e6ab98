// Privacy as a real process keeps it: the files pm creates are the owner's alone under pm's own
// umask (set at the process's start, so only a real process shows it), and pm forget erases a
// person's bytes while another pm process is still reading the journal.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => (box = sandbox()));
afterEach(() => box.cleanup());

const mode = (p: string) => statSync(p).mode & 0o777;

/** Run pm under a permissive umask, as a user's shell usually has. */
function pmUnderUmask022(args: string[], env: NodeJS.ProcessEnv) {
  return spawnSync('sh', ['-c', 'umask 022; exec "$0" "$@"', process.execPath, BIN, ...args], {
    env,
    encoding: 'utf8',
  });
}

describe("files are the owner's alone", () => {
  it('journal, -wal, -shm and backups are 0600 in a 0700 folder, even under umask 022', () => {
    const env = { ...box.env, PM_DB: join(box.dir, 'private', 'journal.db') };
    expect(pmUnderUmask022(['log', '--with', 'Ann Lee', '--account', 'Acme', '--summary', 'Hi'], env).status).toBe(0);
    // a second writer while the first... keeps -wal/-shm around: open a reader during a write
    expect(pmUnderUmask022(['backup'], env).status).toBe(0);
    expect(mode(join(box.dir, 'private'))).toBe(0o700);
    const files = readdirSync(join(box.dir, 'private'));
    expect(files.some((f) => f.startsWith('journal.db.backup-'))).toBe(true);
    for (const f of files) expect(mode(join(box.dir, 'private', f)), f).toBe(0o600);
  });

  it('defaults to $XDG_DATA_HOME/pm/journal.db, folder 0700 and file 0600, even under umask 022', () => {
    const env = { ...box.env, PM_DB: undefined };
    const r = pmUnderUmask022(['init'], env);
    expect(r.status).toBe(0);
    const path = join(box.dir, 'data', 'pm', 'journal.db');
    expect(existsSync(path)).toBe(true);
    expect(mode(join(box.dir, 'data', 'pm'))).toBe(0o700);
    expect(mode(path)).toBe(0o600);
  });
});

describe('pm forget while another pm reads', () => {
  const person = { name: 'Zelda Quuxley', email: 'zelda.q@quux.test', quote: 'Our auditors reject every export' };

  function seed() {
    const r1 = box.pm([
      'log',
      '--with',
      `${person.name} <${person.email}>`,
      '--account',
      'Quuxcorp',
      '--summary',
      `${person.name} walked us through exports`,
      '--notes',
      `Call with ${person.name}; follow up at ${person.email}. Zelda wants CSV; the Annual review is fine.`,
      '--quote',
      person.quote,
      '--pain',
      'exports are slow',
      '--date',
      '2026-11-18',
    ]);
    expect(r1.code, r1.err).toBe(0);
    const r2 = box.pm([
      'log',
      '--with',
      'Omar Ruiz',
      '--account',
      'Quuxcorp',
      '--summary',
      'Pricing questions',
      '--quote',
      'Too expensive for us',
      '--date',
      '2026-11-19',
    ]);
    expect(r2.code, r2.err).toBe(0);
  }

  /** The person's bytes in the journal and its -wal/-shm files. */
  function leftIn(): string[] {
    return [box.db, `${box.db}-wal`, `${box.db}-shm`].filter(
      (file) =>
        existsSync(file) &&
        [person.name, person.email, person.quote].some((needle) => readFileSync(file).includes(Buffer.from(needle))),
    );
  }

  it('erases the bytes while an export of the journal is still being read', async () => {
    seed();
    // enough interviews that the markdown export fills a pipe: it waits for its reader
    const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
    writeFileSync(
      join(box.dir, 'more.json'),
      JSON.stringify({
        format: 'pm-journal',
        version: 1,
        accounts: [{ uuid: uuid(1), name: 'Bigco' }],
        contacts: [],
        interviews: Array.from({ length: 2000 }, (_, k) => ({
          uuid: uuid(10 + k),
          date: '2026-11-17',
          channel: 'support',
          contactUuids: [],
          accountUuid: uuid(1),
          summary: `Ticket ${k}`,
          notes: 'a long note '.repeat(40),
        })),
      }),
    );
    expect(box.pm(['import', join(box.dir, 'more.json')]).code).toBe(0);
    const exporting = spawn(process.execPath, [BIN, 'export', '--week'], { env: box.env });
    try {
      // the first chunk arrived; reading no more leaves the export waiting on a full pipe
      await new Promise((ok) => exporting.stdout.once('data', ok));
      exporting.stdout.pause();
      const r = spawnSync(process.execPath, [BIN, 'forget', person.email, '--yes'], {
        env: { ...box.env, PM_BUSY_TIMEOUT_MS: '1000' },
        encoding: 'utf8',
      });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toBe('');
      expect(exporting.exitCode).toBe(null);
      expect(leftIn()).toEqual([]);
    } finally {
      exporting.kill();
    }
  });
});
