// `pm completion fish` in a real fish, TAB pressed on a pseudo-terminal (issue 20), installed where
// fish loads it at the first TAB after `pm` (~/.config/fish/completions/pm.fish). Each line
// completed is run, and the fake pm on PATH prints the words it was given.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { argv, type Screen, type ShellBox, scriptFile, shellBox, TAB } from './shells.js';

let s: ShellBox;
const screens: Record<string, Screen> = {};

const STEPS: [name: string, keys: string, after: 'enter' | 'clear'][] = [
  ['importList', `pm import ${TAB}`, 'clear'],
  ['importLine', `pm import jour${TAB}`, 'enter'],
  ['dbList', `pm --db ${TAB}`, 'clear'],
  ['hypList', `pm hyp show ${TAB}`, 'clear'],
  ['hypLine', `pm hyp show H1${TAB}`, 'enter'],
  ['formatList', `pm report --format ${TAB}`, 'clear'],
  ['formatEquals', `pm report --format=j${TAB}`, 'enter'],
  ['weekList', `pm export --week ${TAB}`, 'clear'],
  ['weekLine', `pm export --week la${TAB}`, 'enter'],
  ['completionList', `pm completion ${TAB}`, 'clear'],
  ['commands', `pm ${TAB}`, 'clear'],
  ['flags', `pm report --${TAB}`, 'clear'],
  ['outLine', `pm export --out no${TAB}`, 'enter'],
  ['contact', `pm log --with Ja${TAB}`, 'enter'],
  ['sean', `pm forget Sean${TAB}`, 'enter'],
  ['editList', `pm edit ${TAB}`, 'clear'],
  ['otherDb', `pm --db ../other.db hyp show ${TAB}`, 'enter'],
  ['freeText', `pm log --summary ${TAB}`, 'clear'],
  ['argumentText', `pm search ${TAB}`, 'clear'],
  ['guideList', `pm guide ${TAB}`, 'clear'],
  ['opportunity', `pm opportunity rename sl${TAB}`, 'enter'],
  ['unbet', `pm hyp unbet ${TAB}`, 'enter'],
];

beforeAll(() => {
  s = shellBox();
  const config = join(s.box.dir, 'config', 'fish');
  mkdirSync(config, { recursive: true });
  writeFileSync(join(config, 'config.fish'), "set -g fish_greeting ''\nfunction fish_prompt; echo '$ '; end\n");
  scriptFile(join(config, 'completions'), 'pm.fish', 'fish');
  // a first fish otherwise starts making completions from every man page, in the background
  mkdirSync(join(s.box.dir, 'data', 'fish', 'generated_completions'), { recursive: true });
  const shown = s.run(
    'fish',
    '',
    STEPS.map(([, keys, after]) => ({ keys, after })),
  );
  STEPS.forEach(([name], i) => {
    screens[name] = shown[i];
  });
}, 120_000);
afterAll(() => s.cleanup());

describe('fish, the completions file in ~/.config/fish/completions', () => {
  it('pm import <TAB> lists file names (no blanket `complete -c pm -f`)', () => {
    expect(screens.importList).toMatch(/exports\/[\s\S]*journal-export\.json[\s\S]*notes\.md/);
    expect(argv(screens.importLine)).toEqual(['import', 'journal-export.json']);
    expect(argv(screens.outLine)).toEqual(['export', '--out', 'notes.md']);
  });

  it('pm --db <TAB> lists file names, not subcommands', () => {
    expect(screens.dbList).toMatch(/notes\.md/);
    expect(screens.dbList).not.toMatch(/\binit\b|\breport\b/);
  });

  it('pm hyp show <TAB> lists ids with statements, not the subcommands again', () => {
    expect(screens.hypList).toMatch(/H2 +\(killed · Admins will pay for SSO\)/);
    expect(screens.hypList).toMatch(/H1 +\(Finance teams want itemised invoices\)/);
    expect(screens.hypList).not.toMatch(/\badd\b|\bedit\b/);
    expect(argv(screens.hypLine)).toEqual(['hyp', 'show', 'H1']);
  });

  it('fixed values, shells, commands and flags with descriptions', () => {
    expect(screens.formatList).toMatch(/json\s+md\s+text/);
    expect(argv(screens.formatEquals)).toEqual(['report', '--format=json']);
    expect(screens.completionList).toMatch(/bash\s+fish\s+zsh/);
    expect(screens.commands).toMatch(/hyp +\(hypotheses: beliefs to validate/);
    expect(screens.commands).not.toMatch(/__complete/);
    expect(screens.flags).toMatch(/--check +\(exit 3 when an actionable flag is raised/);
  });

  it('pm export --week <TAB> offers last and this (fresh-eyes wave 8 E22)', () => {
    expect(screens.weekList).toMatch(/last\s+this/);
    expect(argv(screens.weekLine)).toEqual(['export', '--week', 'last']);
  });

  it('contacts and interviews from the journal (named by --db when given)', () => {
    expect(argv(screens.contact)).toEqual(['log', '--with', 'Jane Roe']);
    expect(argv(screens.sean)).toEqual(['forget', "Sean O'Brien"]);
    expect(screens.editList).toMatch(/I1 +\(2026-11-20 · Acme Corp · Exports take an hour\)/);
    expect(screens.editList).toMatch(/last +\(I3 · 2026-11-20/);
    expect(argv(screens.otherDb)).toEqual(['--db', '../other.db', 'hyp', 'show', 'H1']);
  });

  it('free text offers no file names', () => {
    expect(screens.freeText).not.toMatch(/notes\.md/);
    expect(screens.argumentText).not.toMatch(/notes\.md/);
  });

  it('the commands issue 17 added complete from the same table', () => {
    expect(screens.guideList).toMatch(/check +\(review questions/);
    expect(screens.guideList).toMatch(/H1 +\(Finance teams want itemised invoices\)/);
    expect(argv(screens.opportunity)).toEqual(['opportunity', 'rename', 'slow export']);
    expect(argv(screens.unbet)).toEqual(['hyp', 'unbet', 'H1']);
  });
});
