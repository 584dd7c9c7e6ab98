// `pm completion zsh`: a `#compdef` function for zsh's completion system (compinit). Saved as _pm
// in a folder of $fpath, compinit loads it at the first TAB after `pm`; sourced, it registers itself
// (starting compinit when the shell has not). Subcommands and options come with their
// descriptions, ids with what they are about; the command line is read as the bash script reads it.
import {
  allNodes,
  type Arm,
  type CompletionTree,
  type OptionNode,
  oneLine,
  shFunction,
  shLookups,
  shQuote,
  shWalk,
} from './completion.js';

const q = shQuote;

/** 'word:description' items for _describe (a colon in the word is escaped). */
const items = (pairs: [string, string][]) =>
  `(${pairs.map(([w, d]) => q(`${w.replace(/:/g, '\\:')}:${oneLine(d)}`)).join(' ')})`;

function flagItems(options: OptionNode[]): [string, string][] {
  return options.flatMap((o) =>
    o.names.filter((f) => f.startsWith('--')).map((f): [string, string] => [f, o.description]),
  );
}

export function zshScript(tree: CompletionTree, version: string): string {
  const nodes = allNodes(tree);
  const commands: Arm[] = nodes
    .filter((n) => n.children.length)
    .map((n) => [[n.path], `reply=${items(n.children.map((c) => [c.name, c.description]))}`]);
  const flags: Arm[] = nodes
    .filter((n) => n.options.length)
    .map((n) => [[n.path], `reply=${items(flagItems(n.options))}`]);

  return `#compdef pm
# pm completion for zsh (pm ${version}), written by \`pm completion zsh\` from pm's command table.
# Install: pm completion zsh > ~/.zfunc/_pm, with fpath=(~/.zfunc $fpath) in ~/.zshrc before compinit
# runs (a new shell loads it at the first TAB after \`pm\`), or in ~/.zshrc: source <(pm completion zsh)
# Values that live in the journal (ids, names, tags) come from \`pm __complete\`.

${shLookups(tree)}
${shFunction('_pm_commands', "NODE's subcommands: _pm_commands NODE sets reply (for _describe).", '"$1"', commands)}
${shFunction('_pm_flags', "NODE's own options: _pm_flags NODE sets reply (for _describe).", '"$1"', flags, 'reply=()')}
_pm_global_flags=${items(flagItems(tree.globals))}

# Candidates from the journal, with what each is about, in pm's order (newest first for ids).
_pm_live() {
  local -a candidates
  local line value about
  local -a db
  [[ -n $_pm_db ]] && db=(--db "$_pm_db")
  for line in \${(f)"$(\${(Q)words[1]} __complete $db $1 \${(Q)PREFIX} 2>/dev/null)"}; do
    value=\${line%%$'\\t'*}
    about=
    [[ $line == *$'\\t'* ]] && about=\${line#*$'\\t'}
    candidates+=("\${value//:/\\\\:}\${about:+:$about}")
  done
  _describe -V -t values value candidates
}

# Complete the current word as VALUE says.
_pm_value() {
  local -a values
  case $1 in
    '='*)
      values=(\${=1#=})
      _describe -t values value values
      ;;
    @) _files ;;
    :*) _pm_live \${1#:} ;;
    *) return 1 ;;
  esac
}

_pm() {
  # where the words before the cursor lead, as commander reads them: the command, how many
  # arguments it has been given, an option whose value is being typed, the journal (--db)
  local REPLY _pm_db
  local -a reply
${shWalk('zsh')}

  if [[ -z $dashdash && $PREFIX == --*=* ]]; then
    _pm_option "$node" "\${PREFIX%%=*}" && [[ $REPLY == [ro]:* ]] || return 1
    compset -P '*='
    _pm_value "\${REPLY#?:}"
    return
  fi
  if [[ $pending == r:* ]]; then
    _pm_value "\${pending#r:}"
    return
  fi
  if [[ -z $dashdash && $PREFIX == -* ]]; then
    _pm_flags "$node"
    reply+=("\${_pm_global_flags[@]}")
    _describe -t options option reply
    return
  fi
  if [[ $pending == o:?* ]]; then
    _pm_value "\${pending#o:}"
    return
  fi
  local ret=1
  if ((args == 0)) && _pm_commands "$node"; then
    _describe -t commands command reply && ret=0
  fi
  _pm_argument "$node" "$args" && _pm_value "$REPLY" && ret=0
  return ret
}

if [[ $funcstack[1] == _pm ]]; then
  # loaded by compinit from $fpath: this file is _pm's body, run at the first TAB
  _pm "$@"
else
  # sourced: register with the completion system, starting it when the shell has not
  (($+functions[compdef])) || { autoload -Uz compinit && compinit -i; }
  compdef _pm pm
fi
`;
}
