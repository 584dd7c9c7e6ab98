// `pm completion fish`: fish's own `complete` rules, one per subcommand, option and argument,
// each under a condition saying where the command line is (read once a TAB, as the bash script
// reads it). File names are offered where a path is expected and nowhere else; a value that lives
// in the journal comes from `pm __complete`, in its order, with what it is about.
import { allNodes, type CompletionTree, type OptionNode, oneLine, optionCode } from './completion.js';

/** `text` inside single quotes for fish (where only \\ and ' are escaped). */
const q = (text: string) => `'${text.replace(/[\\']/g, '\\$&')}'`;

function lookup(name: string, doc: string, params: string, subject: string, cases: [string[], string][]) {
  const lines = cases.map(([patterns, body]) => `        case ${patterns.map(q).join(' ')}\n            ${body}`);
  return `# ${doc}
function ${name} --argument-names ${params}
    switch ${subject}
${lines.join('\n')}
        case '*'
            return 1
    end
end
`;
}

/** The `complete` arguments that complete a value as VALUE says (a value or an argument). */
function valueRule(code: string): string {
  if (code.startsWith('=')) return `-f -a ${q(code.slice(1))}`;
  if (code === '@') return '-F';
  if (code.startsWith(':')) return `-f -k -a ${q(`(__pm_live ${code.slice(1)})`)}`;
  return '-f';
}

function optionRule(o: OptionNode, condition: string | undefined): string[] {
  const head = ['complete -c pm', condition ? `-n ${q(condition)}` : '']
    .concat(o.names.map((f) => (f.startsWith('--') ? `-l ${f.slice(2)}` : `-s ${f.slice(1)}`)))
    .filter(Boolean)
    .join(' ');
  const description = `-d ${q(oneLine(o.description))}`;
  // fish takes an optional value only after =: those options are flags here, and their fixed
  // values are offered as the next word (commander takes --week last) by a rule of their own
  if (o.takes !== 'r') {
    if (o.takes !== 'o' || !o.value.startsWith('=')) return [`${head} ${description}`];
    const optional = `__pm_optional "${optionCode(o)}"`;
    const when = condition ? `${condition}; and ${optional}` : optional;
    return [`${head} ${description}`, `complete -c pm -n ${q(when)} ${valueRule(o.value)}`];
  }
  // values listed under an option's rule would each show the option's description: they get a
  // rule of their own (fish reads the later rule for the option's description)
  if (o.value.startsWith('=') || o.value.startsWith(':'))
    return [`${head} -r ${valueRule(o.value)}`, `${head} ${description}`];
  return [`${head} -r ${valueRule(o.value)} ${description}`];
}

export function fishScript(tree: CompletionTree, version: string): string {
  const nodes = allNodes(tree);
  const children: [string[], string][] = nodes.flatMap((n) =>
    n.children.map((c): [string[], string] => [
      [c.name, ...c.aliases].map((w) => `${n.path}/${w}`),
      `echo ${q(c.path)}`,
    ]),
  );
  const own: [string[], string][] = nodes.flatMap((n) =>
    n.options.map((o): [string[], string] => [o.names.map((f) => `${n.path}/${f}`), `echo ${q(optionCode(o))}`]),
  );
  const globals: [string[], string][] = tree.globals.map((o) => [
    o.names.map((f) => `*/${f}`),
    `echo ${q(optionCode(o))}`,
  ]);
  const args: [string[], string][] = [
    ...nodes.flatMap((n) => n.args.map((code, i): [string[], string] => [[`${n.path}/${i}`], `echo ${q(code)}`])),
    ...nodes.filter((n) => n.variadic).map((n): [string[], string] => [[`${n.path}/*`], `echo ${q(n.args.at(-1)!)}`]),
  ];

  const rules: string[] = [];
  for (const o of tree.globals) rules.push(...optionRule(o, undefined));
  for (const n of nodes) {
    // the node's path in double quotes inside the rule's single-quoted condition
    const path = `"${n.path}"`;
    const at = `__pm_at ${path}`;
    for (const o of n.options) rules.push(...optionRule(o, at));
    for (const c of n.children)
      rules.push(
        `complete -c pm -n ${q(`__pm_position ${path} 0`)} -f -a ${q(c.name)} -d ${q(oneLine(c.description))}`,
      );
    n.args.forEach((code, i) => {
      if (code) rules.push(`complete -c pm -n ${q(`__pm_position ${path} ${i}`)} ${valueRule(code)}`);
    });
  }

  return `# pm completion for fish (pm ${version}), written by \`pm completion fish\` from pm's command table.
# Install: pm completion fish > ~/.config/fish/completions/pm.fish (fish loads it at the first TAB
# after \`pm\`), or for this shell only: pm completion fish | source
# Values that live in the journal (ids, names, tags) come from \`pm __complete\`.

${lookup('__pm_child', 'The command WORD names under NODE: prints its path.', 'node word', '"$node/$word"', children)}
# An option of NODE: prints n (a flag), r:VALUE (it takes a value) or o:VALUE (it takes one when the
# next word is no option). VALUE: =words, @ (a file), :kinds (pm __complete kinds), or nothing.
function __pm_option --argument-names node flag
    switch "$node/$flag"
${own.map(([p, b]) => `        case ${p.map(q).join(' ')}\n            ${b}`).join('\n')}
${globals.map(([p, b]) => `        case ${p.map(q).join(' ')}\n            ${b}`).join('\n')}
        case '*'
            return 1
    end
end

${lookup('__pm_argument', "NODE's argument at INDEX (from 0): prints its VALUE.", 'node index', '"$node/$index"', args)}
# Where the words before the cursor lead, as commander reads them: the command (__pm_node), how
# many arguments it has (__pm_args), an option whose value is being typed (__pm_pending), the
# journal (__pm_db). Worked out once for each command line, however many rules ask.
function __pm_state
    set -l tokens (commandline -opc)
    set -l key (string join \\n -- $tokens)
    test "$key" = "$__pm_key"; and return
    set -g __pm_key $key
    set -g __pm_node ''
    set -g __pm_args 0
    set -g __pm_pending ''
    set -g __pm_db ''
    set -l dashdash
    set -l value
    set -l child
    set -l n (count $tokens)
    set -l i 2
    while test $i -le $n
        set -l w $tokens[$i]
        if test -z "$dashdash"; and string match -q -- '-?*' $w
            if test "$w" = --
                set dashdash 1
            else if string match -q -- '--*=*' $w
                string match -q -- '--db=*' $w; and set -g __pm_db (string replace -- --db= '' $w)
            else if set value (__pm_option "$__pm_node" $w)
                switch $value
                    case 'r:*'
                        if test $i -eq $n
                            set -g __pm_pending $value
                        else if test "$w" = --db
                            set -g __pm_db $tokens[(math $i + 1)]
                        end
                        set i (math $i + 1)
                    case 'o:*'
                        if test $i -eq $n
                            set -g __pm_pending $value
                        else if not string match -q -- '-*' $tokens[(math $i + 1)]
                            set i (math $i + 1)
                        end
                end
            end
        else if test $__pm_args -eq 0; and set child (__pm_child "$__pm_node" $w)
            set -g __pm_node $child
        else
            set -g __pm_args (math $__pm_args + 1)
        end
        set i (math $i + 1)
    end
end

# The command line is at NODE (its options apply).
function __pm_at --argument-names node
    __pm_state
    test "$__pm_node" = "$node"
end

# The word typed may be the value of the option before it, one that takes a value optionally
# (--week last), whose code (o:=last this) is CODE.
function __pm_optional --argument-names code
    __pm_state
    test "$__pm_pending" = "$code"
end

# The word being typed is NODE's argument at INDEX (0 also: a subcommand), not an option's value.
function __pm_position --argument-names node index
    __pm_state
    test "$__pm_node" = "$node" -a "$__pm_args" = "$index"; and not string match -q 'r:*' -- $__pm_pending
end

# A file name is expected here: an option's value or an argument that is a path.
function __pm_wants_files
    __pm_state
    if string match -q 'r:*' -- $__pm_pending
        test "$__pm_pending" = r:@
    else
        test "$(__pm_argument "$__pm_node" $__pm_args)" = @
    end
end

# Candidates from the journal (pm __complete KINDS), for the word being typed.
function __pm_live --argument-names kinds
    __pm_state
    set -l pm (commandline -opc)[1]
    set -l prefix (commandline -ct | string replace -r -- '^["\\']' '' | string replace -ra -- '\\\\\\\\(.)' '$1')
    set -l db $__pm_db
    string match -q -- '~/*' $db; and set db $HOME/(string sub -s 3 -- $db)
    if test -n "$db"
        $pm __complete --db $db $kinds "$prefix" 2>/dev/null
    else
        $pm __complete $kinds "$prefix" 2>/dev/null
    end
end

# no file names unless a path is expected
complete -c pm -n 'not __pm_wants_files' -f
${rules.join('\n')}
`;
}
