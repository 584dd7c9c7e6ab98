// Every command once as a real process (node bin/pm.js): argv through the launcher, the exit status
// of the process, stdout and stderr as a script sees them. Read-only commands are also run in-process
// on the same journal, and must give the same exit code and the same bytes: the in-process runner
// the other tests use (test/helpers.ts) is only as good as that agreement.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeAll(() => {
  box = sandbox();
  expect(box.pm(['demo', '--db', box.db]).code).toBe(0);
});
afterAll(() => box.cleanup());

// [args, the exit code]: every command that reads, its usual outputs, and its usual refusals
const READS: [string[], number][] = [
  [['ls'], 0],
  [['interviews', '--json', '--limit', '3'], 0],
  [['ls', '--since', 'later'], 2],
  [['show', 'I3'], 0],
  [['show', 'H1', '--json'], 0],
  [['show', 'I999'], 2],
  [['search', 'invoice'], 0],
  [['search', '"unclosed'], 2],
  [['contacts'], 0],
  [['accounts', '--json'], 0],
  [['hyp', 'list', '--status', 'all'], 0],
  [['hypothesis', 'show', 'H2'], 0],
  [['hyp', 'show', 'H99'], 2],
  [['report'], 0],
  [['report', '--check', '--json'], 3],
  [['report', '--format', 'pdf'], 2],
  [['export', '--format', 'md', '--week'], 0],
  [['config', 'get', 'cadence.days'], 0],
  [['config', 'get', 'no.such.key'], 2],
  [['doctor', '--json'], 0],
  [['completion', 'bash'], 0],
  [['completion', 'powershell'], 2],
  [['--help'], 0],
  [['lss'], 2],
  [['hyp', 'outcome'], 2],
  [['ls', '--no-such-flag'], 2],
];

describe('reading commands: a real process and an in-process run agree', () => {
  it.each(READS)('pm %j', (args, code) => {
    const spawned = box.spawn(args);
    expect(spawned.code, spawned.err).toBe(code);
    expect(box.pm(args)).toEqual(spawned);
  });

  it('a journal that is no journal: exit 1 from both', () => {
    const junk = join(box.dir, 'junk.db');
    writeFileSync(junk, 'not a database at all, just some text');
    const spawned = box.spawn(['--db', junk, 'ls']);
    expect(spawned.code).toBe(1);
    expect(spawned.err).toMatch(/^pm: /);
    expect(box.pm(['--db', junk, 'ls'])).toEqual(spawned);
  });
});

describe('the launcher', () => {
  it('--version and --help never open the journal', () => {
    const env = { PM_DB: join(box.dir, 'garbage.db') };
    writeFileSync(env.PM_DB, 'garbage that would fail to open');
    const v = box.spawn(['--version'], { env }); // bin/pm.js answers it before loading the CLI
    expect(v.code).toBe(0);
    expect(v.out.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
    const h = box.spawn(['--help'], { env });
    expect(h.code).toBe(0);
    expect(h.out).toMatch(/Examples:/);
    expect(box.spawn(['init', '--help'], { env }).out).toMatch(/Examples:/);
  });
});

describe('writing commands as real processes', () => {
  // each on a copy of the demo journal of its own
  const copy = (name: string) => {
    const path = join(box.dir, `${name}.db`);
    copyFileSync(box.db, path);
    return { PM_DB: path };
  };

  it('init, config set, backup, log, edit, delete', () => {
    const env = { PM_DB: join(box.dir, 'new.db') };
    expect(box.spawn(['init', '--every', '14'], { env }).code).toBe(0);
    expect(box.spawn(['config', 'set', 'cadence.target', '3'], { env }).code).toBe(0);
    expect(box.spawn(['config', 'get', 'cadence.target'], { env }).out).toBe('3\n');
    const logged = box.spawn(['log', '--with', 'Ann Lee', '--account', 'Acme', '--summary', 'First', '--json'], {
      env,
    });
    expect(logged.code, logged.err).toBe(0);
    expect(JSON.parse(logged.out)).toMatchObject({ id: 'I1', summary: 'First', account: 'Acme' });
    expect(box.spawn(['edit', 'I1', '--summary', 'Changed'], { env }).code).toBe(0);
    expect(box.spawn(['ls', '--json'], { env }).out).toContain('"Changed"');
    const backup = join(box.dir, 'new-copy.db');
    expect(box.spawn(['backup', backup], { env }).code).toBe(0);
    expect(existsSync(backup)).toBe(true);
    expect(box.spawn(['delete', 'I1'], { env }).code).toBe(2); // no terminal to ask: needs --yes
    expect(box.spawn(['delete', 'I1', '--yes'], { env }).code).toBe(0);
    expect(box.spawn(['ls', '--json'], { env }).out).toBe('[]\n');
  });

  it('log reads notes from stdin', () => {
    const env = copy('notes');
    const r = box.spawn(['log', '--with', 'Ann Lee', '--account', 'Acme', '--summary', 'x', '--notes-file', '-'], {
      env,
      input: 'notes from a pipe\n',
    });
    expect(r.code, r.err).toBe(0);
    expect(box.spawn(['show', 'last', '--json'], { env }).out).toContain('notes from a pipe');
  });

  it('hyp add, link, kill, reopen; contact and account set, merge', () => {
    const env = copy('hyp');
    expect(box.spawn(['hyp', 'add', 'Teams want dark mode', '--json'], { env }).code).toBe(0);
    expect(box.spawn(['hyp', 'link', 'H1', 'I1', '--supports'], { env }).code).toBe(0);
    expect(box.spawn(['hyp', 'kill', 'H1', '--reason', 'no'], { env }).code).toBe(0);
    expect(box.spawn(['hyp', 'kill', 'H1', '--reason', 'again'], { env }).code).toBe(2);
    expect(box.spawn(['hyp', 'reopen', 'H1', '--reason', 'asked again'], { env }).code).toBe(0);
    const accounts = JSON.parse(box.spawn(['accounts', '--json'], { env }).out);
    expect(box.spawn(['account', 'set', accounts[0].name, '--cadence', '30'], { env }).code).toBe(0);
    expect(box.spawn(['account', 'rename', accounts[0].name, 'Renamed Co'], { env }).code).toBe(0);
    expect(box.spawn(['account', 'merge', accounts[1].name, 'Renamed Co'], { env }).code).toBe(0);
    const contacts = JSON.parse(box.spawn(['contacts', '--json'], { env }).out);
    expect(box.spawn(['contact', 'set', contacts[0].name, '--segment', 'smb'], { env }).code).toBe(0);
  });

  it('export, import, forget, demo', () => {
    const env = copy('exchange');
    const doc = join(box.dir, 'doc.json');
    expect(box.spawn(['export', '--format', 'json', '--out', doc], { env }).code).toBe(0);
    const fresh = { PM_DB: join(box.dir, 'imported.db') };
    expect(box.spawn(['import', doc], { env: fresh }).code).toBe(0);
    expect(box.spawn(['import', '-'], { env: fresh, input: readFileSync(doc) }).code).toBe(0);
    const person = JSON.parse(box.spawn(['contacts', '--json'], { env: fresh }).out)[0];
    expect(box.spawn(['forget', person.name], { env: fresh }).code).toBe(2); // needs --yes
    expect(box.spawn(['forget', person.name, '--yes'], { env: fresh }).code).toBe(0);
    expect(box.spawn(['demo', '--db', join(box.dir, 'demo2.db')]).code).toBe(0);
  });
});
