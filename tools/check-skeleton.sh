#!/usr/bin/env bash
# Checks that the untouched student skeleton fails the Lab 3A tests cleanly: `./grade.sh 3A`
# ends within 60 s, exits non-zero, and fails each of the 3 tests with Go's message
# "expected one leader, got none". Run by `make test`, on this tree and on the student handout.
#
#   tools/check-skeleton.sh [DIR]      DIR: a tree with grade.sh (default: this repository)
set -euo pipefail
cd "${1:-$(dirname "$0")/..}"

log=$(mktemp)
trap 'rm -f "$log"' EXIT
start=$(date +%s)
status=0
timeout 120 ./grade.sh 3A >"$log" 2>&1 || status=$?
elapsed=$(( $(date +%s) - start ))

fail() {
  echo "skeleton check FAILED: $1"
  echo "----- ./grade.sh 3A output -----"
  cat "$log"
  exit 1
}
[ "$status" -ne 0 ] || fail "grade.sh exited 0 on the skeleton"
[ "$status" -ne 124 ] || fail "grade.sh did not finish within 120 s"
[ "$elapsed" -le 60 ] || fail "grade.sh took ${elapsed}s (limit 60 s)"
grep -qx '0 passed, 3 failed' "$log" || fail "expected the line '0 passed, 3 failed'"
n=$(grep -c '^Fatal: expected one leader, got none$' "$log" || true)
[ "$n" -eq 3 ] || fail "expected 3 failures with 'expected one leader, got none', saw $n"
echo "skeleton check: ok (./grade.sh 3A on the skeleton failed 3 of 3 tests cleanly in ${elapsed}s)"
