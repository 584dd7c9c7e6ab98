// Issue 16, finding 2: an erasure that is interrupted after it scrubbed (here: the file cannot grow
// while it is rewritten, as on a full disk) is honest about what it did, cannot be "no contact
// named" when run again, and is finished by the next pm command, leaving no byte of the person in
// any file of the journal's folder. Run as a process: the file-size limit is the point; as root and
// as a normal user.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, copyOfPm, sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => (box = sandbox()));
afterEach(() => box.cleanup());

// `nobody` runs a copy of pm outside the journal's folder: the checkout may sit in a folder only
// root can enter (a fresh clone inside a 0700 `mktemp -d`)
let nobodysPm: { dir: string; bin: string } | undefined;
function pmFor(user: 'me' | 'nobody'): string {
  if (user === 'me') return BIN;
  if (!nobodysPm) {
    const dir = mkdtempSync(join(tmpdir(), 'pm-nobody-'));
    nobodysPm = { dir, bin: copyOfPm(dir) };
  }
  return nobodysPm.bin;
}
afterAll(() => nobodysPm && rmSync(nobodysPm.dir, { recursive: true, force: true }));

const asRoot = process.getuid?.() === 0;
const NEEDLES = ['Zelda Quux', 'zelda.quux@wonka.test', 'golden ticket line'];

/** pm as a process, as this user or (when root) also as nobody; `limitKiB`: files may not grow past it. */
function pm(args: string[], opts: { user: 'me' | 'nobody'; limitKiB?: number }) {
  const limit = opts.limitKiB ? `ulimit -f ${opts.limitKiB}; ` : '';
  const command = [
    '-c',
    `trap "" XFSZ; ${limit}exec "$0" "$@"`,
    ...(opts.user === 'nobody' ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] : []),
    process.execPath,
    pmFor(opts.user),
    ...args,
  ];
  return spawnSync('bash', command, { env: box.env, encoding: 'utf8' });
}

function leftIn(): string[] {
  const found: string[] = [];
  for (const f of readdirSync(box.dir)) {
    if (!f.startsWith('journal.db')) continue;
    const content = readFileSync(join(box.dir, f));
    for (const n of NEEDLES) if (content.includes(Buffer.from(n))) found.push(`${n} in ${f}`);
  }
  return found;
}

for (const user of asRoot ? (['me', 'nobody'] as const) : (['me'] as const)) {
  describe(`an interrupted pm forget (${user === 'me' ? 'as this user' : 'as a normal user'})`, () => {
    it('says what it did (never "nothing was written"), and the next command finishes it', () => {
      if (user === 'nobody') {
        chmodSync(box.dir, 0o755);
        chownSync(box.dir, 65534, 65534);
      }
      // a journal of ~1.6 MB: her two interviews, and hypotheses enough that rewriting the file
      // needs more room than the 1 MB the limit leaves
      const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
      writeFileSync(
        join(box.dir, 'seed.json'),
        JSON.stringify({
          format: 'pm-journal',
          version: 1,
          accounts: [{ uuid: uuid(1), name: 'Wonka' }],
          contacts: [{ uuid: uuid(2), name: 'Zelda Quux', email: 'zelda.quux@wonka.test', accountUuid: uuid(1) }],
          interviews: [3, 4].map((n) => ({
            uuid: uuid(n),
            date: '2026-11-1' + n,
            channel: 'call',
            contactUuids: [uuid(2)],
            accountUuid: uuid(1),
            summary: 'Zelda Quux on audits',
            quotes: ['the golden ticket line'],
          })),
          hypotheses: Array.from({ length: 1500 }, (_, k) => ({
            uuid: uuid(100 + k),
            statement: `Idea ${k}: ${'customers want many things '.repeat(35)}`,
            createdOn: '2026-11-01',
            decideBy: '2026-12-01',
          })),
        }),
      );
      expect(pm(['import', join(box.dir, 'seed.json')], { user }).status).toBe(0);
      // an interactive pm log that Ctrl-C interrupted kept a draft naming her (issue 15)
      writeFileSync(
        join(box.dir, 'journal.db.log-draft.json'),
        JSON.stringify({
          format: 'pm-log-draft',
          savedAt: '2026-11-20T10:00:00.000Z',
          answers: { who: { name: 'Zelda Quux <zelda.quux@wonka.test>' }, summary: 'the golden ticket line again' },
        }),
      );
      if (user === 'nobody') chownSync(join(box.dir, 'journal.db.log-draft.json'), 65534, 65534);

      const r = pm(['forget', 'Zelda Quux', '--yes'], { user, limitKiB: 1024 });
      expect(r.status, r.stderr).toBe(1);
      expect(r.stderr).toMatch(
        /^pm: erased Zelda Quux \(Wonka, zelda.quux@wonka.test\) from the journal's records, but could not rewrite its file/m,
      );
      expect(r.stderr).not.toMatch(/nothing was written/);
      expect(r.stderr).toMatch(/pm forget --resume/);

      // named again, she is erased already: the next command finished the erasure, and says so
      const again = pm(['forget', 'Zelda Quux', '--yes'], { user });
      expect(again.status, again.stderr).toBe(0);
      expect(again.stderr).toMatch(/finished an erasure that was interrupted/);
      expect(again.stderr).toMatch(/"Zelda Quux" was erased already/);
      expect(leftIn()).toEqual([]);
      const doctor = JSON.parse(pm(['doctor', '--json'], { user }).stdout);
      expect(doctor.healthy).toBe(true);
    });
  });
}

describe('pm forget --resume', () => {
  it('finishes an erasure a reader held up, or says there is none', () => {
    expect(
      box.pm([
        'log',
        '--with',
        'Zelda Quux <zelda.quux@wonka.test>',
        '--account',
        'Wonka',
        '--summary',
        'Zelda Quux',
        '--quote',
        'the golden ticket line',
      ]).code,
    ).toBe(0);
    const reader = spawnSync(
      'python3',
      [
        '-c',
        // hold a read snapshot while pm forget runs, then let go
        `import sqlite3, subprocess, sys
c = sqlite3.connect("file:${box.db}?mode=ro", uri=True, isolation_level=None)
c.execute("BEGIN"); c.execute("SELECT count(*) FROM contacts").fetchall()
r = subprocess.run(sys.argv[1:], capture_output=True, text=True)
c.close()
print(r.returncode); print(r.stderr)`,
        process.execPath,
        BIN,
        'forget',
        'Zelda Quux',
        '--yes',
      ],
      { env: { ...box.env, PM_BUSY_TIMEOUT_MS: '200' }, encoding: 'utf8' },
    );
    expect(reader.stdout).toMatch(/^0\n/);
    expect(reader.stdout).toMatch(/another program is reading the journal/);
    expect(leftIn().length).toBeGreaterThan(0);
    const resumed = box.spawn(['forget', '--resume']);
    expect(resumed.code, resumed.err).toBe(0);
    expect(resumed.err).toMatch(/finished an erasure that was interrupted/);
    expect(leftIn()).toEqual([]);
    const none = box.spawn(['forget', '--resume']);
    expect(none.code).toBe(0);
    expect(none.out).toBe('No erasure to finish.\n');
  });
});
