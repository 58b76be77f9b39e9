#!/usr/bin/env bash
# Checks that the untouched student skeleton fails cleanly, with the tests' own messages, and
# quickly (no hang, no stack trace of the tester):
#   - `./grade.sh 3A`: 6 of 6 fail with Go's "expected one leader, got none" within 60 s;
#   - `./grade.sh 4B`: 13 of 13 fail, each saying what the skeleton's clerk did wrong, within 60 s;
#   - `./grade.sh -t testBasic4A 4A`: fails with "no server completed submit(Inc) ..." within 60 s.
# Run by `make test`, on this tree and on the student handout.
#
#   tools/check-skeleton.sh [DIR]      DIR: a tree with grade.sh (default: this repository)
set -euo pipefail
cd "${1:-$(dirname "$0")/..}"

log=$(mktemp)
trap 'rm -f "$log"' EXIT

# check DESCRIPTION N_TESTS MESSAGE_REGEX GRADE_ARGS...
check() {
  local what=$1 ntests=$2 message=$3
  shift 3
  local start status=0 elapsed n args="$*"
  start=$(date +%s)
  timeout 120 ./grade.sh "$@" >"$log" 2>&1 || status=$?
  elapsed=$(( $(date +%s) - start ))
  fail() {
    echo "skeleton check FAILED ($what): $1"
    echo "----- ./grade.sh $args output -----"
    cat "$log"
    exit 1
  }
  [ "$status" -ne 0 ] || fail "grade.sh exited 0 on the skeleton"
  [ "$status" -ne 124 ] || fail "grade.sh did not finish within 120 s"
  [ "$elapsed" -le 60 ] || fail "grade.sh took ${elapsed}s (limit 60 s)"
  grep -qx "0 passed, $ntests failed" "$log" || fail "expected the line '0 passed, $ntests failed'"
  n=$(grep -cE "^Fatal: $message" "$log" || true)
  [ "$n" -eq "$ntests" ] || fail "expected $ntests failures with '$message', saw $n"
  echo "skeleton check: ok (./grade.sh $args on the skeleton failed $ntests of $ntests tests" \
    "cleanly in ${elapsed}s)"
}

check "Lab 3A" 6 'expected one leader, got none$' 3A
check "Lab 4B" 13 '(Clerk\.(get|put)\(.*\) returned Err|Put err Err)' 4B
check "Lab 4A" 1 'no server completed submit\(Inc\) within 10 s' -t testBasic4A 4A
