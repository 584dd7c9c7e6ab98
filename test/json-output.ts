// Which command a test ran, and whether it asked for JSON: the in-process runner and the spawning
// helpers (test/helpers.ts) hand every run here, so that each `--json` output and JSON export the
// suites produce is checked against the published schemas (test/schemas.ts).
import { readFileSync, statSync, type Stats } from 'node:fs';
import { resolve } from 'node:path';
import { COMMANDS, GLOBAL_VALUE_OPTIONS, type CommandSpec } from '../src/cli/commands.js';
import { commandSchemas, schemaErrors } from './schemas.js';

/** The words of argv that name the command: `['hyp', 'list']`, `['log']`; [] for none. */
export function commandWords(args: readonly string[]): string[] {
  let i = 0;
  let command: CommandSpec | undefined;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '--') return [];
    if (GLOBAL_VALUE_OPTIONS.includes(a)) i++;
    else if (!a.startsWith('-')) {
      command = COMMANDS.find((c) => c.name === a || c.aliases?.includes(a));
      break;
    }
  }
  if (!command) return [];
  if (!command.subcommands) return [command.name];
  // the subcommand is the next word that names one (options before it take no value in pm's table)
  for (let k = i + 1; k < args.length; k++) {
    const a = args[k];
    if (a === '--') break;
    if (a.startsWith('-')) continue;
    const sub = command.subcommands.find((s) => s.name === a || s.aliases?.includes(a));
    if (sub) return [command.name, sub.name];
    break;
  }
  return [command.name];
}

/** What a run asked for: `json` (--json or --format json), another format, or the default. */
export function requestedFormat(args: readonly string[]): string | undefined {
  let format: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') break;
    if (a === '--json') format = 'json';
    else if (a === '--format') format = args[i + 1]?.trim().toLowerCase();
    else if (a.startsWith('--format=')) format = a.slice('--format='.length).trim().toLowerCase();
  }
  return format;
}

/** The value of `--out` (or `--out=…`), if given. */
export function outPath(args: readonly string[]): string | undefined {
  let out: string | undefined;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--') break;
    if (args[i] === '--out') out = args[i + 1];
    else if (args[i].startsWith('--out=')) out = args[i].slice('--out='.length);
  }
  return out;
}

/**
 * Check a run's JSON (stdout, or the file `pm export --format json --out FILE` wrote) against the
 * schema schema/commands.json names for its command, in the closed view (test/schemas.ts): throws,
 * naming the command, the key and the schema, when it does not conform, so the test that ran it
 * fails there. Runs that printed nothing (an error) or asked for no JSON are left alone.
 */
export function checkJsonOutput(
  args: readonly string[],
  result: { code: number | null; out: string },
  cwd: string | undefined,
): void {
  if (requestedFormat(args) !== 'json' || args.includes('--help') || args.includes('-h')) return;
  const words = commandWords(args);
  if (words.length === 0) return;
  let text = result.out;
  let where = 'stdout';
  const out = outPath(args);
  if (words[0] === 'export' && out !== undefined) {
    if (result.code !== 0) return;
    const file = resolve(cwd ?? process.cwd(), out);
    let st: Stats;
    try {
      st = statSync(file);
    } catch {
      return;
    }
    if (!st.isFile()) return;
    text = readFileSync(file, 'utf8');
    where = out;
  }
  if (text.trim() === '') return;
  const command = `pm ${args.join(' ')}`.slice(0, 200);
  const ref = commandSchemas()[words.join(' ')];
  if (ref === undefined)
    throw new Error(
      `${command}: printed JSON, but schema/commands.json names no schema for "${words.join(' ')}": add one`,
    );
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(`${command}: --json, but ${where} is not JSON: ${text.slice(0, 200)}`);
  }
  const errors = schemaErrors(value, ref);
  if (errors)
    throw new Error(
      `${command}: the JSON on ${where} does not match schema/${ref}:\n  ${errors.slice(0, 8).join('\n  ')}` +
        (errors.length > 8 ? `\n  … and ${errors.length - 8} more` : ''),
    );
}
