#!/usr/bin/env bash
# Runs the whole test suite against iecpls compiled with AddressSanitizer and
# UndefinedBehaviorSanitizer (make sanitize; .ci/run calls it).
#
# R itself is not instrumented: the package is built with
# -fsanitize=address,undefined through a private Makevars (R_MAKEVARS_USER)
# into a private library, and R runs with gcc's ASan runtime preloaded.
# Leak detection is off because R does not free everything at exit (valgrind
# covers leaks: make valgrind). Prints the number of sanitizer reports on its
# last line and exits non-zero when it is not 0 or a test failed.
#
#   tools/sanitize.sh            build, test, count
#   SANITIZE_KEEP=1 ...          keep the work folder (log, library)
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
R=${R:-R}
RSCRIPT=${RSCRIPT:-Rscript}

asan=$(gcc -print-file-name=libasan.so)
if [ ! -e "$asan" ] || [ "$asan" = libasan.so ]; then
  echo "sanitize: gcc's libasan.so not found (install gcc with sanitizer support)"
  exit 1
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/iecpls-sanitize.XXXXXX")
[ -n "${SANITIZE_KEEP:-}" ] || trap 'rm -rf "$work"' EXIT
mkdir -p "$work/lib" "$work/pkg" "$work/tmp"
log=$work/tests.log

# A copy of the sources, so no instrumented object lands in src/.
tar -C "$root" --exclude=./.git --exclude=./check --exclude='./src/*.o' --exclude='./src/*.so' -cf - . |
  tar -C "$work/pkg" -xf -

cat > "$work/Makevars" <<'EOF'
CFLAGS = -g -O1 -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
LDFLAGS = -fsanitize=address,undefined
EOF

started=$(date +%s)
echo "sanitize: building with -fsanitize=address,undefined into $work/lib"
# --no-test-load: loading needs the preloaded runtime, which the compiler
# processes of the build must not get.
if ! R_MAKEVARS_USER="$work/Makevars" "$R" CMD INSTALL --no-test-load --no-multiarch \
    --library="$work/lib" "$work/pkg" > "$work/install.log" 2>&1; then
  tail -n 40 "$work/install.log"
  echo "sanitize: build failed"
  exit 1
fi
grep -q 'fsanitize=address' "$work/install.log" || { echo "sanitize: flags not used"; exit 1; }

# The tests run with an empty HOME and, where this user may create one (root
# on Linux), in a network namespace with only a loopback interface: files
# written outside tempdir() and any attempt to reach the network show up.
mkdir -p "$work/home"
isolate=()
if unshare --net true 2>/dev/null; then
  isolate=(unshare --net -- sh -c 'ip link set lo up 2>/dev/null || ifconfig lo up 2>/dev/null; exec "$@"' sh)
  echo "sanitize: no network (unshare --net, loopback only)"
else
  echo "sanitize: network isolation unavailable (unshare --net needs root); network not blocked"
fi
touch "$work/started"

echo "sanitize: running the test suite with $asan preloaded"
# Subprocesses (future workers) inherit the preload and the library.
HOME="$work/home" TMPDIR="$work/tmp" LD_PRELOAD=$asan \
ASAN_OPTIONS=detect_leaks=0:abort_on_error=1:detect_odr_violation=0 \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
R_LIBS="$work/lib" NOT_CRAN=${NOT_CRAN:-true} OMP_THREAD_LIMIT=${OMP_THREAD_LIMIT:-2} \
  "${isolate[@]}" "$RSCRIPT" -e 'res <- as.data.frame(testthat::test_local(commandArgs(TRUE)[1], load_package = "installed",
                   reporter = testthat::ProgressReporter$new(show_praise = FALSE), stop_on_failure = FALSE))
                 cat(sprintf("\nsanitize: %d expectations passed, %d failed\n", sum(res$passed), sum(res$failed) + sum(res$error)))' \
  "$work/pkg" > "$log" 2>&1
status=$?

# Files the tests left in HOME or in the package (tempdir() is under TMPDIR);
# testthat rewrites the snapshot files it compared, which is fine when their
# content did not change.
written=$(find "$work/home" "$work/pkg" -newer "$work/started" -type f | sed "s|^$work/||" |
  while read -r f; do
    case $f in pkg/*) cmp -s "$work/$f" "$root/${f#pkg/}" && continue ;; esac
    echo "$f"
  done)
if [ -n "$written" ]; then
  echo "--- files written outside tempdir() ---"; echo "$written"
fi
n_written=$(printf '%s' "$written" | grep -c . || true)

reports=$(grep -cE '(ERROR|WARNING): (AddressSanitizer|LeakSanitizer)|runtime error:' "$log")
summary=$(grep -E '^sanitize: [0-9]+ expectations' "$log" | tail -n 1)
seconds=$(( $(date +%s) - started ))
if [ "$reports" != 0 ]; then
  echo "--- sanitizer reports ---"
  grep -E -A 30 '(ERROR|WARNING): (AddressSanitizer|LeakSanitizer)|runtime error:' "$log" | head -n 120
fi
if [ "$status" != 0 ] || [ -z "$summary" ] || ! echo "$summary" | grep -q ' 0 failed'; then
  echo "--- end of the test log ---"
  tail -n 60 "$log"
fi
echo "${summary:-sanitize: no test summary (R exited with status $status)}"
echo "sanitize: $n_written files written outside tempdir()"
echo "sanitize: $reports sanitizer reports (${seconds} s)"
[ "$reports" = 0 ] && [ "$n_written" = 0 ] && [ "$status" = 0 ] && echo "$summary" | grep -q ' 0 failed'
