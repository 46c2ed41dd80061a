#!/usr/bin/env bash
# Installs the system tools iecpls's make targets need, if they are missing:
#   pandoc  the vignettes (R CMD build) and the HTML report of make demo
#   qpdf    R CMD check --as-cran (PDF size checks)
#   tidy    R CMD check --as-cran (HTML validation of the help pages)
#   valgrind  make valgrind
# With apt-get and root it installs them (apt-get update once, then only
# what is missing); otherwise it names each missing tool and the command that
# installs it. Exits non-zero when a tool is still missing, unless --optional
# is given (then the caller goes on without it).
#
#   bash tools/system-deps.sh pandoc qpdf tidy
#   bash tools/system-deps.sh --optional pandoc
set -uo pipefail
optional=0
if [ "${1:-}" = "--optional" ]; then optional=1; shift; fi

have() {
  # rmarkdown also finds the pandoc that RStudio ships
  if [ "$1" = pandoc ] && [ -n "${RSTUDIO_PANDOC:-}" ] && [ -x "$RSTUDIO_PANDOC/pandoc" ]; then return 0; fi
  command -v "$1" >/dev/null 2>&1
}
what() {
  case $1 in
    pandoc) echo "the vignettes and the HTML report";;
    qpdf|tidy) echo "R CMD check --as-cran";;
    *) echo "make valgrind";;
  esac
}

missing=()
for tool in "$@"; do have "$tool" || missing+=("$tool"); done
[ ${#missing[@]} -eq 0 ] && exit 0

if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "Installing system tools with apt-get: ${missing[*]}"
  log=$(mktemp "${TMPDIR:-/tmp}/iecpls-apt.XXXXXX")
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
    tail -n 20 "$log"
  fi
  rm -f "$log"
  still=()
  for tool in "${missing[@]}"; do have "$tool" || still+=("$tool"); done
  missing=(${still[@]+"${still[@]}"})
  [ ${#missing[@]} -eq 0 ] && exit 0
fi

for tool in "${missing[@]}"; do
  echo "Missing system tool: $tool (needed for $(what "$tool"))." >&2
done
if command -v apt-get >/dev/null 2>&1; then
  echo "Install with: sudo apt-get install ${missing[*]}" >&2
elif command -v dnf >/dev/null 2>&1; then
  echo "Install with: sudo dnf install ${missing[*]}" >&2
elif command -v brew >/dev/null 2>&1; then
  echo "Install with: brew install ${missing[*]/tidy/tidy-html5}" >&2
else
  echo "Install them with your system's package manager (pandoc: https://pandoc.org/installing.html)." >&2
fi
[ "$optional" = 1 ] && exit 0
exit 1
