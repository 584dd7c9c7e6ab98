// `pm completion bash` in a real bash, TAB pressed on a pseudo-terminal (issue 20): installed where
// bash-completion loads it by itself, and sourced into a bash without bash-completion. Each line
// completed is run (Enter), and the fake pm on PATH prints the words bash passed it.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { argv, bashCompletionScript, type Screen, type ShellBox, scriptFile, shellBox, TAB } from './shells.js';

let s: ShellBox;
const screens: Record<string, Screen> = {};
const plainScreens: Record<string, Screen> = {};

// readline: never ask "Display all N possibilities?" nor page the list
const READLINE = "PS1='$ '; bind 'set completion-query-items 100000'; bind 'set page-completions off'";

const STEPS: Record<string, string> = {
  formatList: `pm report --format ${TAB}${TAB}`,
  formatLine: `pm report --format m${TAB}`,
  formatEquals: `pm report --format=j${TAB}`,
  hypList: `pm hyp show H${TAB}${TAB}`,
  // the first TAB inserts what every id shares (H); bash lists at the next TAB that adds nothing
  hypBareList: `pm hyp show ${TAB}${TAB}${TAB}`,
  hypLine: `pm hyp show H1${TAB}`,
  validate: `pm hyp validate ${TAB}`,
  importList: `pm import ${TAB}${TAB}`,
  importLine: `pm import jour${TAB}`,
  outList: `pm export --out ${TAB}${TAB}`,
  outLine: `pm export --out no${TAB}`,
  dbList: `pm --db ${TAB}${TAB}`,
  completionList: `pm completion ${TAB}${TAB}`,
  completionLine: `pm completion z${TAB}`,
  commands: `pm ${TAB}${TAB}`,
  hypCommands: `pm hyp ${TAB}${TAB}`,
  flags: `pm report --fo${TAB}`,
  contact: `pm log --with Ja${TAB}`,
  quotedContact: `pm log --with "Sean${TAB}`,
  account: `pm log --account Ac${TAB}`,
  tag: `pm ls --tag pr${TAB}`,
  stage: `pm log --stage ev${TAB}`,
  channel: `pm ls --channel vid${TAB}`,
  editList: `pm edit ${TAB}${TAB}`,
  otherDb: `pm --db ../other.db hyp show ${TAB}`,
  freeText: `pm log --summary ${TAB}${TAB}`,
  // commands issue 17 added: completed from the same table
  guideList: `pm guide ${TAB}${TAB}`,
  guideCheckLine: `pm guide check no${TAB}`,
  opportunityList: `pm opportunity ${TAB}${TAB}`,
  opportunityLine: `pm opportunity rename sl${TAB}`,
  unbetLine: `pm hyp unbet ${TAB}`,
  coverageList: `pm coverage --format ${TAB}${TAB}`,
  treeList: `pm tree --${TAB}${TAB}`,
  // --week and --month take an optional value: last, this, or a label (fresh-eyes wave 8 E22)
  weekList: `pm export --week ${TAB}${TAB}`,
  weekLine: `pm export --week la${TAB}`,
  monthLine: `pm report --month th${TAB}`,
};
// steps whose screen is a list; the others run their line
const LISTS = new Set(Object.keys(STEPS).filter((k) => /List$|^commands$|^hypCommands$|^freeText$/.test(k)));

beforeAll(() => {
  s = shellBox();
  // where bash-completion looks for a command's completion at its first TAB
  scriptFile(join(s.box.dir, 'data', 'bash-completion', 'completions'), 'pm', 'bash');
  const names = Object.keys(STEPS);
  const steps = names.map((n) => ({ keys: STEPS[n], after: LISTS.has(n) ? ('clear' as const) : ('enter' as const) }));
  const shown = s.run('bash', `${READLINE}; source ${bashCompletionScript()}`, steps);
  names.forEach((n, i) => {
    screens[n] = shown[i];
  });

  // bash without bash-completion, the script sourced
  const plain = {
    formatLine: `pm report --format m${TAB}`,
    formatEquals: `pm report --format=j${TAB}`,
    contact: `pm log --with Ja${TAB}`,
    importLine: `pm import jour${TAB}`,
    hypLine: `pm hyp show H1${TAB}`,
  };
  const plainShown = s.run(
    'bash',
    `${READLINE}; source <(pm completion bash)`,
    Object.values(plain).map((keys) => ({ keys, after: 'enter' as const })),
  );
  Object.keys(plain).forEach((n, i) => {
    plainScreens[n] = plainShown[i];
  });
}, 120_000);
afterAll(() => s.cleanup());

describe('bash, with bash-completion loading the installed script at the first TAB', () => {
  it('pm report --format <TAB> offers the formats, not flags or a dash; --format=<TAB> too', () => {
    expect(screens.formatList).toMatch(/json\s+md\s+text/);
    expect(screens.formatList).not.toMatch(/--week|pm report --format -/);
    expect(argv(screens.formatLine)).toEqual(['report', '--format', 'md']);
    expect(argv(screens.formatEquals)).toEqual(['report', '--format=json']);
  });

  it('pm export --week <TAB> offers last and this; --month too', () => {
    expect(screens.weekList).toMatch(/last\s+this/);
    expect(argv(screens.weekLine)).toEqual(['export', '--week', 'last']);
    expect(argv(screens.monthLine)).toEqual(['report', '--month', 'this']);
  });

  it('pm hyp show <TAB> offers hypothesis ids with their statements, not subcommands', () => {
    expect(screens.hypList).toMatch(/H1 {2}\(Finance teams want itemised invoices\)/);
    expect(screens.hypList).toMatch(/H2 {2}\(killed · Admins will pay for SSO\)/);
    expect(screens.hypList).not.toMatch(/\badd\b|\bedit\b/);
    expect(argv(screens.hypLine)).toEqual(['hyp', 'show', 'H1']);
    // only the open one can be validated
    expect(argv(screens.validate)).toEqual(['hyp', 'validate', 'H1']);
  });

  it('pm hyp show <TAB>, nothing typed, lists the ids and inserts no dash', () => {
    expect(screens.hypBareList).toMatch(/H1 {2}\(Finance teams want itemised invoices\)/);
    expect(screens.hypBareList).toMatch(/pm hyp show H/);
    expect(screens.hypBareList).not.toMatch(/pm hyp show -/);
  });

  it('pm import, pm export --out and pm --db complete file names', () => {
    for (const screen of [screens.importList, screens.outList, screens.dbList]) {
      expect(screen).toMatch(/exports\//);
      expect(screen).toMatch(/journal-export\.json/);
      expect(screen).toMatch(/notes\.md/);
    }
    expect(argv(screens.importLine)).toEqual(['import', 'journal-export.json']);
    expect(argv(screens.outLine)).toEqual(['export', '--out', 'notes.md']);
  });

  it('pm completion <TAB> offers the three shells', () => {
    expect(screens.completionList).toMatch(/bash\s+fish\s+zsh/);
    // the line runs the real pm completion zsh
    expect(screens.completionLine).toMatch(/pm completion zsh \n[\s\S]*#compdef pm/);
  });

  it('commands, subcommands and flags come from the command table; __complete stays hidden', () => {
    for (const c of ['init', 'log', 'hyp', 'report', 'export', 'import', 'completion', 'contacts'])
      expect(screens.commands).toMatch(new RegExp(`\\b${c}\\b`));
    expect(screens.commands).not.toMatch(/__complete/);
    for (const c of ['add', 'edit', 'list', 'show', 'validate', 'link', 'bet'])
      expect(screens.hypCommands).toMatch(new RegExp(`\\b${c}\\b`));
    expect(screens.flags).toMatch(/pm report --format /);
  });

  it('contacts, accounts, tags, stages and channels complete, names with spaces quoted', () => {
    expect(argv(screens.contact)).toEqual(['log', '--with', 'Jane Roe']);
    expect(argv(screens.quotedContact)).toEqual(['log', '--with', "Sean O'Brien"]);
    expect(argv(screens.account)).toEqual(['log', '--account', 'Acme Corp']);
    expect(argv(screens.tag)).toEqual(['ls', '--tag', 'pricing']);
    expect(argv(screens.stage)).toEqual(['log', '--stage', 'evaluate']);
    expect(argv(screens.channel)).toEqual(['ls', '--channel', 'video']);
  });

  it('interview ids come with their date, account and summary, and last', () => {
    expect(screens.editList).toMatch(/I1 {2}\(2026-11-20 · Acme Corp · Exports take an hour\)/);
    expect(screens.editList).toMatch(/I2 {2}\(2026-11-20 · Globex · Wants SSO\)/);
    expect(screens.editList).toMatch(/last {2}\(I3 · /);
  });

  it('the journal named by --db on the line is the one read', () => {
    expect(argv(screens.otherDb)).toEqual(['--db', '../other.db', 'hyp', 'show', 'H1']);
  });

  it('opportunities, tree, coverage, guide and bets complete like every command of the table', () => {
    for (const c of ['opportunities', 'opportunity', 'tree', 'coverage', 'guide'])
      expect(screens.commands).toMatch(new RegExp(`\\b${c}\\b`));
    expect(screens.guideList).toMatch(/\bcheck\b/);
    expect(screens.guideList).toMatch(/H1 {2}\(Finance teams want itemised invoices\)/);
    expect(argv(screens.guideCheckLine)).toEqual(['guide', 'check', 'notes.md']);
    expect(screens.opportunityList).toMatch(/merge\s+rename/);
    expect(argv(screens.opportunityLine)).toEqual(['opportunity', 'rename', 'slow export']);
    // only H1 has a bet
    expect(argv(screens.unbetLine)).toEqual(['hyp', 'unbet', 'H1']);
    expect(screens.coverageList).toMatch(/json\s+md\s+text/);
    expect(screens.treeList).toMatch(/--weeks/);
    expect(screens.treeList).toMatch(/--since/);
  });

  it('free text offers nothing, not file names', () => {
    expect(screens.freeText).not.toMatch(/notes\.md|exports\//);
  });
});

describe('bash without bash-completion, the script sourced', () => {
  it('completes values, --option=value, names with spaces, files and ids', () => {
    expect(argv(plainScreens.formatLine)).toEqual(['report', '--format', 'md']);
    expect(argv(plainScreens.formatEquals)).toEqual(['report', '--format=json']);
    expect(argv(plainScreens.contact)).toEqual(['log', '--with', 'Jane Roe']);
    expect(argv(plainScreens.importLine)).toEqual(['import', 'journal-export.json']);
    expect(argv(plainScreens.hypLine)).toEqual(['hyp', 'show', 'H1']);
  });
});
