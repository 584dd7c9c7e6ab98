// `pm completion bash`: a completion function for bash, with bash-completion's helpers when they are
// there (its lazy loading, --option=value, quoting of file names), and without them otherwise.
// The tree (src/render/completion.ts) becomes lookups written as `case` statements; the function
// walks the words before the cursor with them, as commander parses them.
import {
  allNodes,
  type Arm,
  type CompletionTree,
  type OptionNode,
  shFunction,
  shLookups,
  shQuote,
  shWalk,
} from './completion.js';

const q = shQuote;

export function bashScript(tree: CompletionTree, version: string): string {
  const nodes = allNodes(tree);
  const commands: Arm[] = nodes
    .filter((n) => n.children.length)
    .map((n) => [[n.path], `REPLY=${q(n.children.map((c) => c.name).join(' '))}`]);
  const long = (os: OptionNode[]) => os.map((o) => o.names.find((f) => f.startsWith('--')) ?? o.names[0]);
  const flags: Arm[] = nodes
    .filter((n) => n.options.length)
    .map((n) => [[n.path], `REPLY=${q(long(n.options).join(' '))}`]);

  return `# pm completion for bash (pm ${version}), written by \`pm completion bash\` from pm's command table.
# Install: pm completion bash > ~/.local/share/bash-completion/completions/pm
# (bash-completion loads it at the first TAB after \`pm\`), or in ~/.bashrc: source <(pm completion bash)
# Values that live in the journal (ids, names, tags) come from \`pm __complete\`.

${shLookups(tree)}
${shFunction('_pm_commands', "NODE's subcommands: _pm_commands NODE sets REPLY.", '"$1"', commands)}
${shFunction('_pm_flags', "NODE's own options: _pm_flags NODE sets REPLY.", '"$1"', flags, "REPLY=''")}
_pm_globals=${q(long(tree.globals).join(' '))}

# A word as the shell will pass it: quotes and backslashes taken away (never evaluated).
_pm_dequote() {
  local w=$1 c i quote=
  REPLY=
  for ((i = 0; i < \${#w}; i++)); do
    c=\${w:i:1}
    if [[ $quote == "'" ]]; then
      if [[ $c == "'" ]]; then quote=; else REPLY+=$c; fi
    elif [[ $c == '\\' ]]; then
      i=$((i + 1))
      REPLY+=\${w:i:1}
    elif [[ -z $quote && ($c == "'" || $c == '"') ]]; then
      quote=$c
    elif [[ $quote == '"' && $c == '"' ]]; then
      quote=
    else
      REPLY+=$c
    fi
  done
}

# Candidates from the journal: _pm_live KINDS [WORDS] offers WORDS and what \`pm __complete\` answers,
# each as the shell must read it back, with what it is about when there is more than one to show.
_pm_live() {
  local kinds=$1 extra=$2 quote= prefix value about db=$_pm_db
  local -a values=() abouts=()
  case $cur in
    \\"* | \\'*) quote=\${cur:0:1} ;;
  esac
  _pm_dequote "$cur"
  prefix=$REPLY
  for value in $extra; do
    [[ $value == "$prefix"* ]] && values+=("$value") && abouts+=('')
  done
  while IFS=$'\\t' read -r value about; do
    [[ $value == "$prefix"* ]] || continue
    # inside single quotes a quote cannot be written
    [[ $quote == "'" && $value == *"'"* ]] && continue
    values+=("$value")
    abouts+=("$about")
  done < <("\${words[0]}" __complete \${db:+--db "$db"} "$kinds" "$prefix" 2>/dev/null)
  COMPREPLY=()
  local i shown width=\${COLUMNS:-80}
  for i in "\${!values[@]}"; do
    value=\${values[i]}
    if [[ $quote == '"' ]]; then
      value=\${value//\\\\/\\\\\\\\}
      value=\${value//\\"/\\\\\\"}
      value=\${value//\\$/\\\\\\$}
      value=\${value//\\\`/\\\\\\\`}
    elif [[ -z $quote ]]; then
      printf -v value %q "$value"
    fi
    shown=$value
    if ((\${#values[@]} > 1)) && [[ \${abouts[i]} ]]; then
      # a list to look at, one a line: the value first, so what is typed still narrows it
      shown="$value  (\${abouts[i]})"
      ((\${#shown} >= width)) && shown="\${shown:0:width-3}…)"
      printf -v shown '%-*s' $((width - 1)) "$shown"
    fi
    COMPREPLY+=("$shown")
  done
}

# Complete the current word as VALUE says, offering WORDS (subcommands) too.
_pm_value() {
  local value=$1 extra=$2
  COMPREPLY=()
  case $value in
    =*)
      COMPREPLY=($(compgen -W "\${value#=} $extra" -- "$cur"))
      ;;
    @)
      if declare -F _filedir >/dev/null; then
        _filedir
      else
        compopt -o filenames 2>/dev/null
        COMPREPLY=($(compgen -f -- "$cur"))
      fi
      ;;
    :*)
      _pm_live "\${value#:}" "$extra"
      ;;
    *)
      [[ $extra ]] && COMPREPLY=($(compgen -W "$extra" -- "$cur"))
      ;;
  esac
  # readline replaces only what follows the last colon of the word (COMP_WORDBREAKS)
  if [[ $COMP_WORDBREAKS == *:* && $cur == *:* ]]; then
    local colon=\${cur%"\${cur##*:}"}
    COMPREPLY=("\${COMPREPLY[@]#"$colon"}")
  fi
  return 0
}

_pm() {
  # split: true when the word is --option=value (cur is the value, prev the option)
  local cur prev words cword split=false
  if declare -F _init_completion >/dev/null; then
    # one word for --option=value and for H3:strong, whatever COMP_WORDBREAKS says
    _init_completion -s -n : || return
  else
    # what _init_completion does: the pieces COMP_WORDBREAKS cut at = and : joined again
    local j
    words=()
    cword=0
    for ((j = 0; j < \${#COMP_WORDS[@]}; j++)); do
      if ((j > 1)) && [[ \${COMP_WORDS[j]} == [=:] || \${words[\${#words[@]} - 1]} == *[=:] ]]; then
        words[\${#words[@]} - 1]+=\${COMP_WORDS[j]}
      else
        words+=("\${COMP_WORDS[j]}")
      fi
      ((j <= COMP_CWORD)) && cword=$((\${#words[@]} - 1))
    done
    cur=\${words[cword]}
    prev=\${words[cword - 1]}
    if [[ $cur == --*=* ]]; then
      prev=\${cur%%=*}
      cur=\${cur#*=}
      split=true
    fi
  fi
  # where the words before the cursor lead, as commander reads them: the command, how many
  # arguments it has been given, an option whose value is being typed, the journal (--db)
${shWalk('bash')}

  if [[ $split == true ]]; then
    _pm_option "$node" "$prev" && [[ $REPLY == [ro]:* ]] && _pm_value "\${REPLY#?:}"
    return 0
  fi
  if [[ $pending == r:* ]]; then
    _pm_value "\${pending#r:}"
    return 0
  fi
  if [[ -z $dashdash && $cur == -* ]]; then
    _pm_flags "$node"
    COMPREPLY=($(compgen -W "$REPLY $_pm_globals" -- "$cur"))
    return 0
  fi
  if [[ $pending == o:?* ]]; then
    _pm_value "\${pending#o:}"
    return 0
  fi
  local subcommands=
  ((args == 0)) && _pm_commands "$node" && subcommands=$REPLY
  REPLY=
  _pm_argument "$node" "$args" || REPLY=
  _pm_value "$REPLY" "$subcommands"
}
complete -F _pm pm
`;
}
