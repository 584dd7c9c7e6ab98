// `pm completion zsh` in a real zsh, TAB pressed on a pseudo-terminal (issue 20): saved as _pm in a
// folder of $fpath (compinit loads it at the very first TAB), and sourced into a zsh that never
// ran compinit. Each line completed is run, and the fake pm on PATH prints the words it was given.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { argv, type Screen, type ShellBox, scriptFile, shellBox, TAB } from './shells.js';

let s: ShellBox;
const screens: Record<string, Screen> = {};
const sourced: Record<string, Screen> = {};

const STEPS: [name: string, keys: string, after: 'enter' | 'clear'][] = [
  // the first TAB of the session: compinit has only read the file's #compdef line so far
  ['first', `pm report --format m${TAB}`, 'enter'],
  ['formatList', `pm report --format ${TAB}`, 'clear'],
  ['formatEquals', `pm report --format=j${TAB}`, 'enter'],
  ['weekList', `pm export --week ${TAB}`, 'clear'],
  ['weekLine', `pm export --week la${TAB}`, 'enter'],
  ['hypList', `pm hyp show ${TAB}${TAB}`, 'clear'],
  ['hypLine', `pm hyp show H1${TAB}`, 'enter'],
  ['importList', `pm import ${TAB}`, 'clear'],
  ['outLine', `pm export --out no${TAB}`, 'enter'],
  ['dbList', `pm --db ${TAB}`, 'clear'],
  ['completionList', `pm completion ${TAB}`, 'clear'],
  ['hypCommands', `pm hyp ${TAB}`, 'clear'],
  ['flags', `pm hyp list --${TAB}`, 'clear'],
  ['contact', `pm log --with Ja${TAB}`, 'enter'],
  ['quotedContact', `pm log --with "Sean${TAB}`, 'enter'],
  ['account', `pm show Acme${TAB}`, 'enter'],
  ['tag', `pm hyp add x --tag bi${TAB}`, 'enter'],
  ['showList', `pm show ${TAB}`, 'clear'],
  ['otherDb', `pm --db ../other.db hyp show ${TAB}`, 'enter'],
  ['freeText', `pm log --summary ${TAB}`, 'clear'],
  ['guideList', `pm guide ${TAB}`, 'clear'],
  ['opportunity', `pm opportunity merge sl${TAB}`, 'enter'],
  ['unbet', `pm hyp unbet ${TAB}`, 'enter'],
];

beforeAll(() => {
  s = shellBox();
  const functions = join(s.box.dir, 'zsh-functions');
  scriptFile(functions, '_pm', 'zsh');
  const shown = s.run(
    'zsh',
    `PS1='$ '; LISTMAX=100000; fpath=(${functions} $fpath); autoload -Uz compinit; compinit -u -D`,
    STEPS.map(([, keys, after]) => ({ keys, after })),
  );
  STEPS.forEach(([name], i) => {
    screens[name] = shown[i];
  });

  // sourced, in a zsh whose completion system was never started
  const steps = [
    { keys: 'source <(pm completion zsh); echo sourced', after: 'enter' as const },
    { keys: `pm hyp show H1${TAB}`, after: 'enter' as const },
    { keys: `pm log --with Ja${TAB}`, after: 'enter' as const },
  ];
  const [setup, hyp, contact] = s.run('zsh', `PS1='$ '`, steps);
  Object.assign(sourced, { setup, hyp, contact });
}, 120_000);
afterAll(() => s.cleanup());

describe('zsh, the #compdef file in $fpath', () => {
  it('completes at the first TAB after compinit', () => {
    expect(argv(screens.first)).toEqual(['report', '--format', 'md']);
  });

  it('--format offers its values, also after =', () => {
    expect(screens.formatList).toMatch(/json\s+md\s+text/);
    expect(argv(screens.formatEquals)).toEqual(['report', '--format=json']);
  });

  it('pm export --week <TAB> offers last and this (fresh-eyes wave 8 E22)', () => {
    expect(screens.weekList).toMatch(/last\s+this/);
    expect(argv(screens.weekLine)).toEqual(['export', '--week', 'last']);
  });

  it('pm hyp show <TAB> offers ids with their statements, newest first, not subcommands', () => {
    expect(screens.hypList).toMatch(/H2 +-- killed · Admins will pay for SSO\s+H1 +-- Finance teams want itemised/);
    expect(screens.hypList).not.toMatch(/\badd\b/);
    expect(argv(screens.hypLine)).toEqual(['hyp', 'show', 'H1']);
  });

  it('files where a path is expected', () => {
    for (const screen of [screens.importList, screens.dbList]) expect(screen).toMatch(/exports\/[\s\S]*notes\.md/);
    expect(argv(screens.outLine)).toEqual(['export', '--out', 'notes.md']);
  });

  it('shells, subcommands and flags with their descriptions', () => {
    expect(screens.completionList).toMatch(/bash\s+fish\s+zsh/);
    expect(screens.hypCommands).toMatch(/validate +-- record that customers confirmed it/);
    expect(screens.flags).toMatch(/--status +-- open \(default\), validated, invalidated, killed or all/);
    expect(screens.flags).toMatch(/--db +-- the journal file/);
  });

  it('contacts, accounts and tags from the journal, quoted as zsh needs', () => {
    expect(argv(screens.contact)).toEqual(['log', '--with', 'Jane Roe']);
    expect(argv(screens.quotedContact)).toEqual(['log', '--with', "Sean O'Brien"]);
    expect(argv(screens.account)).toEqual(['show', 'Acme Corp']);
    expect(argv(screens.tag)).toEqual(['hyp', 'add', 'x', '--tag', 'billing']);
    expect(screens.showList).toMatch(/last +-- I3 · 2026-11-20 · Acme Corp · Pricing call/);
    expect(screens.showList).toMatch(/Jane Roe +-- Acme Corp/);
  });

  it('--db on the line names the journal read; free text offers nothing', () => {
    expect(argv(screens.otherDb)).toEqual(['--db', '../other.db', 'hyp', 'show', 'H1']);
    expect(screens.freeText).not.toMatch(/notes\.md/);
  });

  it('the commands issue 17 added complete from the same table', () => {
    expect(screens.guideList).toMatch(/check +-- review questions/);
    expect(screens.guideList).toMatch(/H1 +-- Finance teams want itemised invoices/);
    expect(argv(screens.opportunity)).toEqual(['opportunity', 'merge', 'slow export']);
    expect(argv(screens.unbet)).toEqual(['hyp', 'unbet', 'H1']);
  });
});

describe('zsh, source <(pm completion zsh) without compinit', () => {
  it('registers itself without "compdef: command not found", and completes', () => {
    expect(sourced.setup).toMatch(/sourced/);
    expect(sourced.setup).not.toMatch(/not found|command not found/);
    expect(argv(sourced.hyp)).toEqual(['hyp', 'show', 'H1']);
    expect(argv(sourced.contact)).toEqual(['log', '--with', 'Jane Roe']);
  });
});
