#!/usr/bin/env bash
# Reads an R CMD check result folder: prints every ERROR/WARNING/NOTE, the
# testthat counts as 'N passed, N failed' (the last line), and exits non-zero
# unless the check status is OK and no test failed.
set -u
dir=$1
check_status=${2:-0}
log="$dir/00check.log"
tests_out=$(ls "$dir"/tests/testthat.Rout* 2>/dev/null | head -n 1)
rc=0
if [ ! -f "$log" ]; then
  echo "R CMD check produced no log ($log)"; rc=1
else
  if grep -qE '^\* .*\.\.\. *(ERROR|WARNING|NOTE)' "$log" || ! grep -q '^Status: OK' "$log"; then
    echo "R CMD check reported problems:"
    awk '/\.\.\. *(ERROR|WARNING|NOTE)/{show=1} /^\* /{if(!/\.\.\. *(ERROR|WARNING|NOTE)/)show=0} show' "$log"
    grep '^Status:' "$log"
    rc=1
  else
    grep '^Status:' "$log"
  fi
fi
[ "$check_status" = 0 ] || rc=1
passed=0; failed=0
if [ -n "$tests_out" ]; then
  line=$(grep -E '\[ FAIL [0-9]+ \| WARN [0-9]+ \| SKIP [0-9]+ \| PASS [0-9]+ \]' "$tests_out" | tail -n 1)
  if [ -n "$line" ]; then
    failed=$(echo "$line" | sed -E 's/.*FAIL ([0-9]+).*/\1/')
    passed=$(echo "$line" | sed -E 's/.*PASS ([0-9]+).*/\1/')
  else
    echo "no testthat summary found in $tests_out"; rc=1; failed=1
  fi
  [ "$failed" = 0 ] || { echo "--- test output ---"; tail -n 60 "$tests_out"; rc=1; }
else
  echo "no test output found in $dir/tests"; rc=1; failed=1
fi
echo "$passed passed, $failed failed"
exit $rc
