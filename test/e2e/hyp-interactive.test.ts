// The interactive `pm hyp add`, driven through a real pseudo-terminal (test/e2e/pty-driver.py).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => (box = sandbox({ today: '2026-11-20' })));
afterEach(() => box.cleanup());

const ENTER = '\r';
const DOWN = '\u001b[B';
const CTRL_C = '\u0003';

function onTerminal(script: [expected: string, answer: string][], args: string[]): { code: number; output: string; failure: string | null } {
  const file = join(box.dir, `script-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(script));
  const r = spawnSync('python3', [join(import.meta.dirname, 'pty-driver.py'), file, '--', process.execPath, BIN, ...args], {
    env: { ...box.env, COLUMNS: '120', LINES: '40', TERM: 'xterm' }, encoding: 'utf8', timeout: 60_000,
  });
  if (r.status !== 0) throw new Error(`pty driver failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

describe('pm hyp add on a terminal', () => {
  it('asks for the statement, kind, criterion and decide-by, then adds it', () => {
    const r = onTerminal([
      ['We believe', 'Finance teams want itemised invoices' + ENTER],
      ['Risk kind', DOWN + ENTER], // usability
      ['Success criterion', '3 of 5 finance leads say yes' + ENTER],
      ['Decide by', '+2w' + ENTER],
    ], ['hyp', 'add']);
    expect(r.failure).toBeNull();
    expect(r.code).toBe(0);
    expect(r.output).toMatch(/Added H1/);
    expect(box.json(['hyp', 'show', 'H1'])).toMatchObject({
      statement: 'Finance teams want itemised invoices', kind: 'usability', criteria: '3 of 5 finance leads say yes',
      createdOn: '2026-11-20', decideBy: '2026-12-04',
    });
  });

  it('asks only for what was not given, and re-asks a bad deadline', () => {
    const r = onTerminal([
      ['We believe', 'Admins want SSO' + ENTER],
      ['Success criterion', ENTER],
      ['Decide by', '\u0015' + 'someday' + ENTER], // Ctrl-U clears the default, then a bad answer
      ['not a date', '\u0015' + 'fri' + ENTER],
    ], ['hyp', 'add', '--kind', 'viability']);
    expect(r.failure).toBeNull();
    expect(r.code).toBe(0);
    expect(box.json(['hyp', 'show', 'H1'])).toMatchObject({ statement: 'Admins want SSO', kind: 'viability', criteria: null, decideBy: '2026-11-27' });
  });

  it('Ctrl-C saves nothing and exits 130', () => {
    const r = onTerminal([['We believe', 'Half a thought'], ['Half a thought', CTRL_C]], ['hyp', 'add']);
    expect(r.failure).toBeNull();
    expect(r.code).toBe(130);
    expect(r.output).toMatch(/interrupted, nothing saved/);
    expect(box.json(['hyp', 'list', '--status', 'all'])).toEqual([]);
  });
});
