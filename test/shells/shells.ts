// What the completion tests in real shells share: a journal with a little of everything, a `pm` on
// PATH that hands `pm completion` and `pm __complete` to the real one and otherwise prints the
// words it was given (so pressing Enter shows the completed line, as the shell parsed it), and a
// session in bash, zsh or fish through a pseudo-terminal (shell-driver.py).
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, ROOT, type Sandbox, sandbox } from '../helpers.js';

export const TAB = '\t';

export interface Step {
  keys: string;
  /** enter: run the line (the fake pm prints `ARGV|word|…|END`); clear: keep what was listed */
  after: 'enter' | 'clear';
}

/** What one step showed: the terminal's text without its escape sequences. */
export type Screen = string;

/** The sandbox of one shell's tests: a journal, a folder with files, the fake pm. */
export interface ShellBox {
  box: Sandbox;
  /** a folder holding `notes.md`, `journal-export.json` and a folder `exports/` */
  work: string;
  /** a second journal, with H1 "Other journal's hypothesis" */
  other: string;
  bin: string;
  run(shell: 'bash' | 'zsh' | 'fish', setup: string, steps: Step[], env?: NodeJS.ProcessEnv): Screen[];
  cleanup(): void;
}

function must(r: { code: number | null; err: string }, what: string) {
  if (r.code !== 0) throw new Error(`${what}: ${r.err}`);
}

/** Where a program is on PATH, or undefined. */
export function which(program: string): string | undefined {
  const r = spawnSync('sh', ['-c', `command -v ${program}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

export function shellBox(): ShellBox {
  const box = sandbox();
  const pm = (args: string[]) => must(box.pm(args), `pm ${args.join(' ')}`);
  pm([
    'log',
    '--with',
    'Jane Roe <jane@acme.test>',
    '--account',
    'Acme Corp',
    '--summary',
    'Exports take an hour',
    '--pain',
    'slow export',
  ]);
  pm(['log', '--with', "Sean O'Brien", '--account', 'Globex', '--summary', 'Wants SSO', '--tag', 'security']);
  pm(['log', '--with', 'Jane Roe', '--summary', 'Pricing call', '--tag', 'pricing', '--channel', 'video']);
  pm(['hyp', 'add', 'Finance teams want itemised invoices', '--tag', 'billing']);
  pm(['hyp', 'add', 'Admins will pay for SSO']);
  pm(['hyp', 'kill', 'H2', '--reason', 'nobody asked']);
  pm(['hyp', 'bet', 'H1', '--until', '+4w', '--reason', 'finance buyers decide slowly']);
  const other = join(box.dir, 'other.db');
  must(box.pm(['--db', other, 'hyp', 'add', "Other journal's hypothesis"]), 'the other journal');

  const work = join(box.dir, 'work');
  mkdirSync(join(work, 'exports'), { recursive: true });
  writeFileSync(join(work, 'notes.md'), '# notes\n');
  writeFileSync(join(work, 'journal-export.json'), '{}\n');

  const bin = join(box.dir, 'bin');
  mkdirSync(bin);
  const fake = join(bin, 'pm');
  // the words in one write: the marker command typed after Enter is echoed by the terminal while
  // pm runs, and landed between separate writes of the line on a busy machine
  writeFileSync(
    fake,
    `#!/bin/sh
case "$1" in
  __complete|completion) exec '${process.execPath}' '${BIN}' "$@" ;;
esac
line='ARGV'
for word in "$@"; do line="$line|$word"; done
printf '%s|END\\n' "$line"
`,
  );
  chmodSync(fake, 0o755);

  const env: NodeJS.ProcessEnv = {
    ...box.env,
    PATH: `${bin}:${process.env.PATH}`,
    TERM: 'xterm',
    LANG: 'C.UTF-8',
    LC_ALL: 'C.UTF-8',
  };

  return {
    box,
    work,
    other,
    bin,
    run(shell, setup, steps, extra = {}) {
      const argv =
        shell === 'bash'
          ? ['bash', '--norc', '--noprofile', '-i']
          : shell === 'zsh'
            ? ['zsh', '-f', '-i']
            : ['fish', '-i'];
      const session = {
        argv,
        env: { ...env, ...extra },
        cwd: work,
        columns: 100,
        rows: 50,
        mark: shell === 'fish' ? 'fish' : 'sh',
        setup,
        steps,
      };
      const r = spawnSync('python3', [join(ROOT, 'test', 'shells', 'shell-driver.py')], {
        input: JSON.stringify(session),
        encoding: 'utf8',
        timeout: 120_000,
      });
      if (r.status !== 0) throw new Error(`the shell driver failed: ${r.stderr}`);
      const result = JSON.parse(r.stdout) as { steps: string[]; failure: string | null };
      if (result.failure) throw new Error(`${shell}: ${result.failure}\n${result.steps.at(-1) ?? ''}`);
      return result.steps.map(plainText);
    },
    cleanup: () => box.cleanup(),
  };
}

/** Terminal output as text: escape sequences out, carriage returns and backspaces applied roughly. */
export function plainText(raw: string): string {
  return raw
    .replace(/\x1b\][^\x07\x1b]*(\x07|\x1b\\)/g, '')
    .replace(/\x1b\[[0-9;]*m/g, '')
    .replace(/\x1b\[[0-9;?<=>]*[A-Za-z@`]/g, ' ')
    .replace(/\x1b[()][0-9A-Za-z]/g, '')
    .replace(/\x1b[=>78MDEHc]/g, '')
    .replace(/[\x07\x08\x0f\x0e]/g, '')
    .replace(/\r/g, '');
}

/** The words pm was given when the completed line ran, from the fake pm's ARGV line. */
export function argv(screen: Screen): string[] {
  const m = /ARGV((?:\|[^\n]*?)?)\|END/.exec(screen);
  if (!m) throw new Error(`the line did not run pm:\n${screen}`);
  return m[1].split('|').slice(1);
}

/** A folder of completion scripts for `shell`, as `pm completion` writes them. */
export function scriptFile(dir: string, name: string, shell: string): string {
  mkdirSync(dir, { recursive: true });
  const r = spawnSync(process.execPath, [BIN, 'completion', shell], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  const file = join(dir, name);
  writeFileSync(file, r.stdout);
  return file;
}

/** bash-completion's main script: where Debian, Fedora, Alpine, Homebrew and MacPorts put it. */
export function bashCompletionScript(): string {
  const found = [
    '/usr/share/bash-completion/bash_completion',
    '/usr/local/share/bash-completion/bash_completion',
    '/opt/homebrew/share/bash-completion/bash_completion',
    '/opt/local/share/bash-completion/bash_completion',
    '/etc/bash_completion',
  ].find((f) => existsSync(f));
  if (!found)
    throw new Error('bash-completion is not installed (apt-get install bash-completion; .ci/run installs it)');
  return found;
}
