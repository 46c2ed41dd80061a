#!/usr/bin/env bash
# Installs the system tools iecpls's make targets need, if they are missing:
#   pandoc  the vignettes (R CMD build) and the HTML report of make demo
#   qpdf    R CMD check --as-cran (PDF size checks)
#   tidy    R CMD check --as-cran (HTML validation of the help pages)
#   valgrind  make valgrind
#   pkg-config and lib:MODULE  the C libraries (pkg-config modules) that
#           pkgdown's own dependencies compile against, for make site:
#           lib:libcurl (curl), lib:harfbuzz and lib:fribidi (textshaping),
#           lib:freetype2, lib:libpng, lib:libjpeg, lib:libtiff-4 and
#           lib:libwebp (ragg); apt-get installs their
#           Debian -dev packages
# With apt-get and root it installs them (apt-get update once, then only
# what is missing); otherwise it names each missing tool and the command that
# installs it. Exits non-zero when a tool is still missing, unless --optional
# is given (then the caller goes on without it).
#
#   bash tools/system-deps.sh pandoc qpdf tidy
#   bash tools/system-deps.sh --optional pandoc
#   bash tools/system-deps.sh pandoc pkg-config lib:libcurl lib:harfbuzz
set -uo pipefail
optional=0
if [ "${1:-}" = "--optional" ]; then optional=1; shift; fi

have() {
  case $1 in lib:*) pkg-config --exists "${1#lib:}" 2>/dev/null; return;; esac
  # rmarkdown also finds the pandoc that RStudio ships
  if [ "$1" = pandoc ] && [ -n "${RSTUDIO_PANDOC:-}" ] && [ -x "$RSTUDIO_PANDOC/pandoc" ]; then return 0; fi
  command -v "$1" >/dev/null 2>&1
}
what() {
  case $1 in
    pandoc) echo "the vignettes and the HTML report";;
    qpdf|tidy) echo "R CMD check --as-cran";;
    pkg-config|lib:*) echo "make site: pkgdown's dependencies";;
    *) echo "make valgrind";;
  esac
}
# The Debian package of a tool or library.
apt_name() {
  case $1 in
    lib:libcurl) echo libcurl4-openssl-dev;;
    lib:libtiff-4) echo libtiff-dev;;
    lib:freetype2) echo libfreetype-dev;;
    lib:lib*) echo "${1#lib:}-dev";;
    lib:*) echo "lib${1#lib:}-dev";;
    *) echo "$1";;
  esac
}

missing=()
for tool in "$@"; do have "$tool" || missing+=("$tool"); done
[ ${#missing[@]} -eq 0 ] && exit 0

if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  packages=($(for tool in "${missing[@]}"; do apt_name "$tool"; done))
  echo "Installing system tools with apt-get: ${packages[*]}"
  log=$(mktemp "${TMPDIR:-/tmp}/iecpls-apt.XXXXXX")
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}"; } >"$log" 2>&1; then
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
  packages=($(for tool in "${missing[@]}"; do apt_name "$tool"; done))
  echo "Install with: sudo apt-get install ${packages[*]}" >&2
elif command -v dnf >/dev/null 2>&1; then
  echo "Install with: sudo dnf install ${missing[*]}" >&2
elif command -v brew >/dev/null 2>&1; then
  echo "Install with: brew install ${missing[*]/tidy/tidy-html5}" >&2
else
  echo "Install them with your system's package manager (pandoc: https://pandoc.org/installing.html)." >&2
fi
[ "$optional" = 1 ] && exit 0
exit 1
