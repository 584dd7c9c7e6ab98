// What the command table (src/cli/commands.ts) makes of pm, as a user meets it: every command and
// alias prints its help and exits 0, an alias runs its command, an unknown word gets a suggestion.
// In-process, through run() in the built bundle.
import { describe, expect, it } from 'vitest';
import { COMMANDS, type CommandSpec } from '../../src/cli/commands.js';
import { sandboxForFile } from '../helpers.js';

/** Every command path of the table, typed by name and by each alias, with the entries it names. */
function paths(specs: readonly CommandSpec[], prefix: CommandSpec[] = [], typed: string[] = []) {
  return specs.flatMap((c): [string, string[], CommandSpec[]][] =>
    [c.name, ...(c.aliases ?? [])].flatMap((word) => [
      [[...typed, word].join(' '), [...typed, word], [...prefix, c]],
      ...paths(c.subcommands ?? [], [...prefix, c], [...typed, word]),
    ]),
  );
}

/** Help wraps descriptions to the width: compare words, not lines. */
const words = (s: string) => s.replace(/\s+/g, ' ');

const journal = sandboxForFile([
  ['log', '--with', 'Jane Roe', '--account', 'Acme', '--summary', 'Exports take an hour'],
  ['hyp', 'add', 'Finance teams want itemised invoices'],
]);

describe('the command table', () => {
  it.each(paths(COMMANDS))('pm %s --help exits 0 with its help', (_, typed, entries) => {
    const r = journal().pm([...typed, '--help']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    // the usage line names each command by its name, whichever alias was typed
    const usage = r.out.split('\n')[0];
    expect(usage.startsWith(`Usage: pm ${entries.map((c) => c.name).join(' ')}`), usage).toBe(true);
    const entry = entries.at(-1)!;
    expect(words(r.out)).toContain(words(entry.description));
    for (const o of entry.options ?? []) expect(r.out).toContain(o.flags);
    for (const s of entry.subcommands ?? []) expect(r.out).toContain(`  ${s.name}`);
    // every command's help ends with examples (docs/reference.md)
    expect(entry.examples?.length, typed.join(' ')).toBeGreaterThan(0);
    expect(r.out.trimEnd().endsWith(entry.examples!.at(-1)!)).toBe(true);
  });

  it('pm --help lists every command, in the table’s order', () => {
    const r = journal().pm(['--help']);
    expect(r.code).toBe(0);
    const section = r.out.slice(r.out.indexOf('\nCommands:\n'), r.out.indexOf('\nExamples:\n'));
    const listed = [...section.matchAll(/^ {2}([a-z]+)/gm)].map((m) => m[1]).filter((w) => w !== 'help');
    expect(listed).toEqual(COMMANDS.map((c) => c.name));
  });

  it('no command (pm, pm hyp): the help on stdout, as git and gh print it, and exit 2 with one pm: line (E25)', () => {
    for (const typed of [[], ['hyp'], ['contact']]) {
      const r = journal().pm(typed);
      expect(r.code, typed.join(' ')).toBe(2);
      expect(r.out, typed.join(' ')).toBe(journal().pm([...typed, '--help']).out);
      expect(r.err, typed.join(' ')).toBe(`pm: no ${typed.map((w) => `${w} `).join('')}command given\n`);
    }
    // asked for, help is no error
    expect(journal().pm(['help']).code).toBe(0);
  });

  it('no command with --json: nothing on stdout, which is JSON alone; the help on stderr (eyes2 wave 11 F10)', () => {
    for (const typed of [['--json'], ['hyp', '--json']]) {
      const r = journal().pm(typed);
      expect(r.code, typed.join(' ')).toBe(2);
      expect(r.out, typed.join(' ')).toBe('');
      expect(r.err, typed.join(' ')).toMatch(/^Usage: pm [\s\S]*\npm: no (hyp )?command given\n$/);
    }
  });

  it('an alias runs its command', () => {
    expect(journal().pm(['ls', '--json'])).toEqual(journal().pm(['interviews', '--json']));
    expect(JSON.parse(journal().pm(['ls', '--json']).out)).toHaveLength(1);
    expect(journal().pm(['hypothesis', 'ls', '--json'])).toEqual(journal().pm(['hyp', 'list', '--json']));
    expect(JSON.parse(journal().pm(['hyp', 'ls', '--json']).out)).toHaveLength(1);
  });

  it('an unknown command gets a suggestion from every command, and the help to read', () => {
    expect(journal().pm(['reprot'])).toEqual({
      code: 2,
      out: '',
      err: "pm: unknown command 'reprot' (Did you mean report?)\ntry: pm --help\n",
    });
    expect(journal().pm(['hyp', 'lsit'])).toEqual({
      code: 2,
      out: '',
      err: "pm: unknown command 'lsit' (Did you mean list?)\ntry: pm hyp --help\n",
    });
    expect(journal().pm(['ls', '--acount', 'Acme']).err).toBe(
      "pm: unknown option '--acount' (Did you mean --account?)\ntry: pm ls --help\n",
    );
  });

  it('a misspelt subcommand of a command that also runs alone (sync, config, guide) gets a suggestion too', () => {
    const typo = (argv: string[], err: string) => expect(journal().pm(argv)).toEqual({ code: 2, out: '', err });
    typo(['sync', 'conflict'], "pm: unknown sync command 'conflict' (Did you mean conflicts?)\ntry: pm sync --help\n");
    typo(
      ['sync', 'resolv', '1', 'lost'],
      "pm: unknown sync command 'resolv' (Did you mean resolve?)\ntry: pm sync --help\n",
    );
    typo(
      ['sync', 'frob'],
      "pm: unknown sync command 'frob' (sync takes init, status, conflicts, resolve)\ntry: pm sync --help\n",
    );
    typo(['config', 'lst'], "pm: unknown config command 'lst' (Did you mean list?)\ntry: pm config --help\n");
    typo(['guide', 'chek'], "pm: unknown guide command 'chek' (Did you mean check?)\ntry: pm guide --help\n");
    // a key is still read as git's habit (pm config KEY): a get
    typo(['config', 'cadence.target'], 'pm: config takes list, get, set or unset\ntry: pm config get cadence.target\n');
  });
});
