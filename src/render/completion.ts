// biome-ignore-all lint/suspicious/noTemplateCurlyInString: strings of shell code, whose ${…} is the shell's
// What the completion scripts know, taken from the command table (src/cli/commands.ts): each
// command's subcommands, options and arguments, and how each value completes. The three scripts
// (completion-bash.ts, -zsh.ts, -fish.ts) are written from this tree and read the command line the
// same way (below); values that live in the journal they ask of `pm __complete` (src/complete.ts).
import type { ArgumentSpec, CommandSpec, OptionSpec } from '../cli/commands.js';
import type { Completes } from '../core/completion.js';

/**
 * How a value completes, in the scripts' own short form: `=a b c` one of these words, `@` a file
 * name, `:kind,kind` what `pm __complete kind,kind` answers, `` (empty) nothing (free text).
 */
export type ValueCode = string;

export interface OptionNode {
  /** '-y', '--yes' */
  names: string[];
  description: string;
  /** n: a flag; r: takes a value; o: takes one when the next word is no option (commander's [value]) */
  takes: 'n' | 'r' | 'o';
  value: ValueCode;
}

export interface CommandNode {
  /** the words that reach it, canonical names joined by spaces: '' for pm itself, 'hyp show' */
  path: string;
  name: string;
  aliases: string[];
  description: string;
  options: OptionNode[];
  /** its arguments' values, in order; the last repeats when it is variadic (<files...>) */
  args: ValueCode[];
  variadic: boolean;
  children: CommandNode[];
}

export interface CompletionTree {
  root: CommandNode;
  /** options every command takes: the program's own, and help */
  globals: OptionNode[];
}

// words the scripts hold as they are (in patterns and word lists): command names, fixed values, flags
const PLAIN = /^[A-Za-z0-9][\w.+@/-]*$/;
const FLAG = /^--?[A-Za-z0-9][\w-]*$/;

function plain(word: string, what: string, pattern = PLAIN): string {
  if (!pattern.test(word)) throw new Error(`completion: ${what} ${JSON.stringify(word)} is not a plain word`);
  return word;
}

function valueCode(values: readonly string[] | undefined, complete: Completes | undefined, what: string): ValueCode {
  if (values?.length) return `=${values.map((v) => plain(v, `a value of ${what}`)).join(' ')}`;
  if (complete === 'file') return '@';
  if (complete) return `:${(typeof complete === 'string' ? [complete] : complete).join(',')}`;
  return '';
}

function optionNode(o: OptionSpec): OptionNode {
  const names = o.flags
    .split(/[ ,]+/)
    .filter((w) => w.startsWith('-'))
    .map((w) => plain(w, 'an option', FLAG));
  const takes = /</.test(o.flags) ? 'r' : /\[/.test(o.flags) ? 'o' : 'n';
  return { names, description: o.description, takes, value: valueCode(o.values, o.complete, o.flags) };
}

const HELP: OptionNode = { names: ['-h', '--help'], description: 'show help', takes: 'n', value: '' };
const VERSION: OptionNode = { names: ['-V', '--version'], description: 'print the version', takes: 'n', value: '' };

function commandNode(spec: CommandSpec, parent: string): CommandNode {
  const path = parent ? `${parent} ${spec.name}` : spec.name;
  const args = spec.arguments ?? [];
  return {
    path,
    name: plain(spec.name, 'a command'),
    aliases: (spec.aliases ?? []).map((a) => plain(a, 'an alias')),
    description: spec.description,
    options: (spec.options ?? []).map(optionNode),
    args: args.map((a: ArgumentSpec) => valueCode(a.values, a.complete, a.name)),
    variadic: args.length > 0 && args[args.length - 1].name.endsWith('...>'),
    children: (spec.subcommands ?? []).map((s) => commandNode(s, path)),
  };
}

export function completionTree(
  commands: readonly CommandSpec[],
  globals: readonly OptionSpec[],
  description: string,
): CompletionTree {
  return {
    root: {
      path: '',
      name: 'pm',
      aliases: [],
      description,
      options: [VERSION],
      args: [],
      variadic: false,
      children: commands.map((c) => commandNode(c, '')),
    },
    globals: [...globals.map(optionNode), HELP],
  };
}

/** Every command of the tree, pm itself first. */
export function allNodes(tree: CompletionTree): CommandNode[] {
  const out: CommandNode[] = [];
  const visit = (n: CommandNode) => {
    out.push(n);
    n.children.forEach(visit);
  };
  visit(tree.root);
  return out;
}

/** A description on one line, for a script (the table's are already proofread and short). */
export const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** `text` inside single quotes for bash or zsh. */
export const shQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/** The code of an option in the scripts' lookups: n, or r:VALUE / o:VALUE (ValueCode). */
export const optionCode = (o: OptionNode) => (o.takes === 'n' ? 'n' : `${o.takes}:${o.value}`);

/** One arm of a `case`: its patterns (quoted as they are) and what it runs. */
export type Arm = [patterns: string[], body: string];

/** The arms of an sh `case` (bash and zsh), indented by `indent` spaces, then the fallback. */
export function shArms(arms: Arm[], otherwise: string, indent = 4): string {
  const pad = ' '.repeat(indent);
  const lines = arms.map(([patterns, body]) => `${pad}${patterns.map(shQuote).join(' | ')}) ${body} ;;`);
  return [...lines, `${pad}*) ${otherwise} ;;`].join('\n');
}

/** A shell function that is one `case` on `subject`, with a comment saying what it does. */
export function shFunction(name: string, doc: string, subject: string, arms: Arm[], otherwise = 'return 1'): string {
  return `# ${doc}\n${name}() {\n  case ${subject} in\n${shArms(arms, otherwise)}\n  esac\n}\n`;
}

/**
 * The three lookups the bash and zsh scripts walk a command line with: _pm_child (the command a
 * word names), _pm_option (an option's code) and _pm_argument (an argument's value code).
 */
export function shLookups(tree: CompletionTree): string {
  const nodes = allNodes(tree);
  const set = (value: string) => `REPLY=${shQuote(value)}`;
  const children: Arm[] = nodes.flatMap((n) =>
    n.children.map((c): Arm => [[c.name, ...c.aliases].map((w) => `${n.path}/${w}`), set(c.path)]),
  );
  const own: Arm[] = nodes.flatMap((n) =>
    n.options.map((o): Arm => [o.names.map((f) => `${n.path}/${f}`), set(optionCode(o))]),
  );
  const globals: Arm[] = tree.globals.map((o) => [o.names, set(optionCode(o))]);
  const args: Arm[] = nodes.flatMap((n) => n.args.map((code, i): Arm => [[`${n.path}/${i}`], set(code)]));
  // a variadic last argument takes every later position
  const rest: Arm[] = nodes.filter((n) => n.variadic).map((n) => [[`${n.path}/`], set(n.args.at(-1)!)]);
  const inner = (subject: string, arms: Arm[]) => `case ${subject} in\n${shArms(arms, 'return 1', 6)}\n    esac`;
  return [
    shFunction(
      '_pm_child',
      'The command WORD names under NODE: _pm_child NODE WORD sets REPLY to its path.',
      '"$1/$2"',
      children,
    ),
    shFunction(
      '_pm_option',
      `An option of NODE: _pm_option NODE FLAG sets REPLY to n (a flag), r:VALUE (it takes a value) or
# o:VALUE (it takes one when the next word is no option). VALUE: =words, @ (a file), :kinds (pm
# __complete kinds), or nothing (free text). The command's own options first, then everyone's.`,
      '"$1/$2"',
      own,
      inner('$2', globals),
    ),
    shFunction(
      '_pm_argument',
      "NODE's argument at INDEX (from 0): _pm_argument NODE INDEX sets REPLY to its VALUE.",
      '"$1/$2"',
      args,
      rest.length ? inner('"$1/"', rest) : 'return 1',
    ),
  ].join('\n');
}

/** How bash and zsh name the words before the cursor, for shWalk. */
const SH_WORDS = {
  // bash's words start with pm at 0 and keep their quotes (_pm_dequote takes them away)
  bash: {
    first: '1',
    cursor: 'cword',
    word: '${words[i]}',
    dbInWord: '_pm_dequote "${w#--db=}" && _pm_db=$REPLY',
    dbNextWord: '_pm_dequote "${words[i + 1]}" && _pm_db=$REPLY',
  },
  // zsh's start with pm at 1; (Q) takes the quotes away
  zsh: {
    first: '2',
    cursor: 'CURRENT',
    word: '${(Q)words[i]}',
    dbInWord: '_pm_db=${w#--db=}',
    dbNextWord: '_pm_db=${(Q)words[i + 1]}',
  },
};

export function shWalk(shell: 'bash' | 'zsh'): string {
  const w = SH_WORDS[shell];
  return `  local node= args=0 i w pending= dashdash=
  _pm_db=
  for ((i = ${w.first}; i < ${w.cursor}; i++)); do
    w=${w.word}
    if [[ -z $dashdash && $w == -?* ]]; then
      if [[ $w == -- ]]; then
        dashdash=1
      elif [[ $w == --*=* ]]; then
        [[ $w == --db=* ]] && ${w.dbInWord}
      elif _pm_option "$node" "$w"; then
        case $REPLY in
          r:*)
            ((i + 1 == ${w.cursor})) && pending=$REPLY
            [[ $w == --db ]] && ${w.dbNextWord}
            i=$((i + 1))
            ;;
          o:*)
            if ((i + 1 == ${w.cursor})); then
              pending=$REPLY
            elif [[ \${words[i + 1]} != -* ]]; then
              i=$((i + 1))
            fi
            ;;
        esac
      fi
    elif ((args == 0)) && _pm_child "$node" "$w"; then
      node=$REPLY
    else
      args=$((args + 1))
    fi
  done
  [[ $_pm_db == '~/'* ]] && _pm_db=$HOME/\${_pm_db#'~/'}`;
}
