// A merge of two different names or two accounts asks first at a terminal, naming both and their
// accounts, as pm delete and pm forget do (fresh-eyes wave 10 E6: a wrong TAB joined Raj Patel into Mia
// Chen of another account, without a word). A pseudo-terminal is the point: run as a process.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { BIN, onTerminal, sandbox, type Sandbox } from '../helpers.js';

let box: Sandbox;
beforeEach(() => (box = sandbox()));
afterEach(() => box.cleanup());

const ok = (args: string[]) => expect(box.pm(args).code).toBe(0);
const shown = (output: string) => output.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/ *\r?\n */g, ' ');

describe('pm contact merge and pm account merge at a terminal', () => {
  it('ask first when the names differ; answered no, nothing changes; yes merges', () => {
    ok(['log', '--with', 'Raj Patel', '--account', 'Acme', '--summary', 'Pays someone to reconcile']);
    ok(['log', '--with', 'Mia Chen', '--account', 'Globex', '--summary', 'Wants exports']);
    const before = box.snapshot();
    const no = onTerminal(box, [['Merge', 'n\r']], ['contact', 'merge', 'Raj Patel', 'Mia Chen'], { COLUMNS: '1000' });
    expect(no.failure).toBeNull();
    expect(no.code).toBe(0);
    expect(shown(no.output)).toContain('Merge "Raj Patel" (Acme) into "Mia Chen" (Globex)? They become one person');
    expect(shown(no.output)).toContain('Nothing merged.');
    const account = onTerminal(box, [['Merge', 'n\r']], ['account', 'merge', 'Acme', 'Globex'], { COLUMNS: '1000' });
    expect(account.code).toBe(0);
    expect(shown(account.output)).toContain('Merge the account "Acme" into "Globex"?');
    expect(box.snapshot()).toBe(before);
    const yes = onTerminal(box, [['Merge', 'y\r']], ['contact', 'merge', 'Raj Patel', 'Mia Chen'], { COLUMNS: '1000' });
    expect(yes.code).toBe(0);
    expect(shown(yes.output)).toContain('Merged into Mia Chen (Globex)');
    expect(shown(yes.output)).not.toContain('without asking');
  });

  // fresh-eyes wave 11 E5: pm has no split, and a wrong TAB joined two unrelated opportunities
  it('pm opportunity merge asks too; answered no, nothing changes; yes merges', () => {
    ok(['log', '--with', 'Raj Patel', '--account', 'Acme', '--summary', 'a', '--pain', 'slow export:high']);
    ok(['log', '--with', 'Mia Chen', '--account', 'Globex', '--summary', 'b', '--pain', 'SSO setup needs IT:blocker']);
    const before = box.snapshot();
    const args = ['opportunity', 'merge', 'SSO setup needs IT', 'slow export'];
    const no = onTerminal(box, [['Merge', 'n\r']], args, { COLUMNS: '1000' });
    expect(no.failure).toBeNull();
    expect(no.code).toBe(0);
    expect(shown(no.output)).toContain(
      'Merge the opportunity "SSO setup needs IT" into "slow export"? Pains written either way count as one',
    );
    expect(shown(no.output)).toContain('Nothing merged.');
    expect(box.snapshot()).toBe(before);
    const yes = onTerminal(box, [['Merge', 'y\r']], args, { COLUMNS: '1000' });
    expect(yes.code).toBe(0);
    expect(shown(yes.output)).toContain('Merged "SSO setup needs IT" into "slow export"');
    expect(shown(yes.output)).not.toContain('without asking');
  });

  it('typed at a terminal with the output piped (| tee, --json > file): refused, not merged unasked', () => {
    ok(['log', '--with', 'Raj Patel', '--account', 'Acme', '--summary', 'Pays someone to reconcile']);
    ok(['log', '--with', 'Mia Chen', '--account', 'Globex', '--summary', 'Wants exports']);
    const before = box.snapshot();
    // stdin a pseudo-terminal (a person at the keyboard), stdout and stderr pipes
    const piped = (args: string[]) =>
      spawnSync(
        'python3',
        [
          '-c',
          'import os, pty, subprocess, sys\n' +
            'm, s = pty.openpty()\n' +
            'r = subprocess.run(sys.argv[1:], stdin=s, capture_output=True)\n' +
            'sys.stdout.write(r.stderr.decode()); sys.exit(r.returncode)',
          process.execPath,
          BIN,
          ...args,
        ],
        { env: box.env, encoding: 'utf8' },
      );
    for (const args of [
      ['contact', 'merge', 'Raj Patel', 'Mia Chen'],
      ['account', 'merge', 'Acme', 'Globex'],
    ]) {
      const r = piped(args);
      expect(r.status, r.stdout).toBe(2);
      expect(r.stdout).toContain(`pm ${args[0]} merge of two names needs --yes when it cannot ask`);
    }
    expect(box.snapshot()).toBe(before);
  });

  it('one name at two accounts (what the namesake note suggests) merges without a question', () => {
    ok(['log', '--with', 'Mia Chen', '--account', 'Acme', '--summary', 'a']);
    ok(['log', '--with', 'Mia Chen', '--account', 'Globex', '--summary', 'b']);
    const run = onTerminal(box, [], ['contact', 'merge', 'Mia Chen (Acme)', 'Mia Chen (Globex)'], { COLUMNS: '1000' });
    expect(run.code).toBe(0);
    expect(shown(run.output)).toContain('Merged into Mia Chen (Globex) · 2 interviews');
  });
});
