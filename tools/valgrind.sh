#!/usr/bin/env bash
# Runs tools/valgrind-run.R (fits, a bootstrap with R = 50, summaries, error
# paths) under valgrind against a private installation of iecpls (make
# valgrind). Counts the errors (invalid reads and writes, uses of
# uninitialised values, bad frees) and the definitely lost blocks whose stack
# passes through the package's code, prints the count on its last line and
# exits non-zero when it is not 0. R's own reports are counted separately
# and only shown. Possibly lost blocks are not errors here: the OpenMP
# runtime keeps its thread pool (and the threads' TLS) until exit.
#
#   VALGRIND_KEEP=1 tools/valgrind.sh    keep the work folder (log, library)
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
R=${R:-R}
command -v valgrind >/dev/null 2>&1 || { echo "valgrind: not installed (apt-get install valgrind)"; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/iecpls-valgrind.XXXXXX")
[ -n "${VALGRIND_KEEP:-}" ] || trap 'rm -rf "$work"' EXIT
mkdir -p "$work/lib" "$work/pkg"
log=$work/valgrind.log
tar -C "$root" --exclude=./.git --exclude=./check --exclude='./src/*.o' --exclude='./src/*.so' -cf - . |
  tar -C "$work/pkg" -xf -

started=$(date +%s)
# The usual optimization, with -g for line numbers in the stacks.
printf 'CFLAGS = -g -O2\n' > "$work/Makevars"
if ! R_MAKEVARS_USER="$work/Makevars" "$R" CMD INSTALL --no-multiarch --library="$work/lib" "$work/pkg" \
    > "$work/install.log" 2>&1; then
  tail -n 40 "$work/install.log"; echo "valgrind: build failed"; exit 1
fi

echo "valgrind: running tools/valgrind-run.R"
R_LIBS="$work/lib" OMP_THREAD_LIMIT=2 "$R" --vanilla --quiet \
  -d "valgrind --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=1 --num-callers=30 --fullpath-after= --log-file=$log" \
  -f tools/valgrind-run.R > "$work/run.out" 2>&1
status=$?
grep -q 'valgrind subset done' "$work/run.out" || { tail -n 40 "$work/run.out"; echo "valgrind: the script did not finish"; exit 1; }

# Split the log into records (blank-line separated), keep the error and
# definitely-lost records, and sort them by whether package code is on the
# stack.
count() {
  sed -E 's/^==[0-9]+== ?//' "$log" | awk -v want="$1" '
    BEGIN { RS = ""; n = 0 }
    {
      error = $0 ~ /Invalid (read|write|free)|uninitialised|Mismatched free|Source and destination overlap/
      lost = $0 ~ /definitely lost in loss record/
      if (!(error || lost)) next
      ours = $0 ~ /iecpls\.so|\/pkg\/src\/[A-Za-z0-9_]+\.[ch]:/
      if ((want == "ours" && ours) || (want == "other" && !ours)) { n++; if (want == "ours") print > "/dev/stderr" }
    }
    END { print n }'
}
ours=$(count ours 2> "$work/ours.txt")
other=$(count other 2>/dev/null)
seconds=$(( $(date +%s) - started ))
grep -E 'ERROR SUMMARY|definitely lost:|indirectly lost:' "$log" | sed 's/==[0-9]*== //'
if [ "$ours" != 0 ]; then echo "--- reports from iecpls ---"; head -n 150 "$work/ours.txt"; fi
echo "valgrind: $other reports outside iecpls (R, BLAS, OpenMP runtime; not counted), valgrind exit status $status"
echo "valgrind: $ours reports from iecpls (invalid reads/writes, uninitialised values, definitely lost) (${seconds} s)"
[ "$ours" = 0 ]
