#!/bin/sh
# Checks the launcher and the scripts students and instructors run, under every shell at hand:
# dash (Debian's sh) and macOS's bash 3.2 (../shared/tools/bash-3.2/bash beside the repository,
# or RAFTLAB_BASH32; skipped when absent), as well as the sh of this machine. For each shell:
# the syntax of every script, then grade.sh's help, a mistake (exit status 2), the list of the
# 3A tests and the log column view. It runs no lab test, so it is quick and not timing-sensitive.
#
#   tools/check-launchers.sh
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

shells="sh"
command -v dash >/dev/null 2>&1 && shells="$shells dash"
for b in "${RAFTLAB_BASH32:-}" ../shared/tools/bash-3.2/bash ../../shared/tools/bash-3.2/bash; do
  if [ -n "$b" ] && [ -x "$b" ]; then
    shells="$shells $(cd "$(dirname "$b")" && pwd)/bash"
    break
  fi
done
case $shells in
  *bash*) ;;
  *) echo "check-launchers: no bash 3.2 at hand (../shared/tools/bash-3.2/bash); skipped" ;;
esac

posix="grade.sh tools/logcols tools/assemble-tree.sh tools/make-handout.sh tools/check-launchers.sh
  tools/make-gradescope.sh tools/lint-workflows.sh tools/gradescope/run_autograder
  tools/deterministic.sh tools/fray-jlink-shim.sh tools/check-skeleton.sh tools/validate.sh"
bash_only="tools/grade-batch.sh .ci/run"
failed=0
fail() {
  echo "check-launchers FAILED ($1): $2"
  failed=1
}
out=$(mktemp)
trap 'rm -f "$out"' EXIT

for shell in $shells; do
  for f in $posix; do
    "$shell" -n "$f" || fail "$shell" "syntax of $f"
  done
  case $shell in
    *bash) for f in $bash_only; do "$shell" -n "$f" || fail "$shell" "syntax of $f"; done ;;
  esac
  "$shell" ./grade.sh --help >"$out" 2>&1 || fail "$shell" "./grade.sh --help exited $?"
  grep -q -- '--submission <DIR>' "$out" || fail "$shell" "./grade.sh --help lacks the options"
  status=0
  "$shell" ./grade.sh 3E >"$out" 2>&1 || status=$?
  [ "$status" -eq 2 ] || fail "$shell" "./grade.sh 3E exited $status, not 2"
  grep -q 'unknown part 3E' "$out" || fail "$shell" "./grade.sh 3E did not name the part"
  "$shell" ./grade.sh --list 3A >"$out" 2>&1 || fail "$shell" "./grade.sh --list 3A failed"
  [ "$(grep -c '^test.*3A$' "$out")" -ge 4 ] || fail "$shell" "./grade.sh --list 3A: $(cat "$out")"
  printf '001200 VOTE S1 T1 asks for votes\n' | "$shell" tools/logcols -c 2 >"$out" 2>&1 \
    || fail "$shell" "tools/logcols failed"
  grep -q 'T1 asks for votes' "$out" || fail "$shell" "tools/logcols: $(cat "$out")"
  [ "$failed" -eq 0 ] && echo "check-launchers: ok under $shell"
done
exit "$failed"
