// `pm hyp list` registers hyp's `list` alone with commander (src/cli.ts, commandToRegister), not its
// siblings and their options. Whatever commander answers there (help, an unknown or mistyped option, an
// option without its value, arguments missing or too many, or the action reached with its arguments and
// options) must be what it answers with every command and subcommand registered.
import { describe, expect, it } from 'vitest';
import type { Command } from 'commander';
import { buildProgram } from '../../src/cli.js';
import { COMMANDS, longFlag } from '../../src/cli/commands.js';
import { redirect } from '../../src/io.js';

interface Answer {
  out: string;
  err: string;
  error?: { code: string; exitCode: number; message: string };
  ran?: { command: string; args: string[]; opts: Record<string, unknown> };
}

/** What the program built for `argv` answers to it, each action replaced by a record of its call. */
async function answer(argv: string[], every: boolean): Promise<Answer> {
  const a: Answer = { out: '', err: '' };
  const program = buildProgram(argv, every);
  const stub = (c: Command) => {
    // commander's own field: a command without an action (hyp) must stay without one
    if ((c as unknown as { _actionHandler: unknown })._actionHandler)
      c.action((...args: unknown[]) => {
        const cmd = args[args.length - 1] as Command;
        a.ran = { command: cmd.name(), args: cmd.args, opts: cmd.optsWithGlobals() };
      });
    for (const sub of c.commands) stub(sub);
  };
  stub(program);
  redirect({
    stdin: '',
    isTTY: false,
    out: (t) => {
      a.out += t;
    },
    err: (t) => {
      a.err += t;
    },
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    const e = err as { code: string; exitCode: number; message: string };
    a.error = { code: e.code, exitCode: e.exitCode, message: e.message };
  } finally {
    redirect(undefined);
  }
  return a;
}

const withSubcommands = COMMANDS.filter((c) => c.subcommands?.length);

describe('a subcommand registered alone', () => {
  it('pm hyp list registers hyp with list alone; pm hyp and a word hyp lacks register every subcommand', () => {
    const hyp = (argv: string[]) => buildProgram(argv).commands.find((c) => c.name() === 'hyp')!;
    expect(hyp(['hyp', 'list']).commands.map((c) => c.name())).toEqual(['list']);
    expect(hyp(['--db', 'x.db', 'hyp', 'ls', '--status', 'all']).commands.map((c) => c.name())).toEqual(['list']);
    const all = COMMANDS.find((c) => c.name === 'hyp')!.subcommands!.map((c) => c.name);
    for (const argv of [['hyp'], ['hyp', '--help'], ['hyp', 'lst'], ['hyp', 'help', 'list'], ['hyp', '--json', 'list']])
      expect(hyp(argv).commands.map((c) => c.name())).toEqual(all);
  });

  for (const command of withSubcommands) {
    it(`pm ${command.name} SUBCOMMAND answers as with every subcommand registered`, async () => {
      for (const sub of command.subcommands!) {
        const options = sub.options ?? [];
        const valued = options.find((o) => /[<[]/.test(o.flags));
        const first = options[0] && longFlag(options[0]);
        for (const word of [sub.name, ...(sub.aliases ?? [])]) {
          const probes = [
            [],
            ['--help'],
            ['-h'],
            ['--bogus'],
            ['x', 'y', 'z', 'w', 'v'],
            ['--json'],
            ...(first ? [[first.slice(0, -1)], [`${first}x`]] : []),
            ...(valued ? [[longFlag(valued)]] : []),
          ];
          for (const probe of probes)
            for (const argv of [
              [command.name, word, ...probe],
              ['--db', 'j.db', command.name, word, ...probe],
            ])
              expect(await answer(argv, false), argv.join(' ')).toEqual(await answer(argv, true));
        }
      }
    });
  }
});
