#!/usr/bin/env bash
# grade.sh: runs the lab tests and grades them.
#
#   ./grade.sh 3A              the Lab 3A tests, on your code (src/main/java)
#   ./grade.sh 3A 3B           several parts; no part means all of them
#   ./grade.sh --solution 3A   the same tests on the reference solution (instructors)
#   ./grade.sh --submission DIR --json results.json 3A
#                              grade a student's submission (instructors): only the student
#                              packages (raft, kvraft) are taken from DIR, over this pristine
#                              tree; each test runs in a JVM of its own, 120 s per test and
#                              600 s per run as in the Go grading
#
# Options:
#   -t, --test NAME only this test (e.g. testReElection3A, or its Go name TestReElection3A);
#                   may be given several times
#   -n N            repeat runner: run each selected test N times, in a fresh JVM each, and
#                   keep the logs (and timelines) of the failed runs only
#   -p P            with -n: run P tests at a time (default 1; the tests are timing-sensitive,
#                   so more than the number of cores makes them fail for the wrong reasons)
#   --seed S        replay the random choices (network and tester) of a failed run; thread
#                   timing still varies, so a seed makes a failure likelier to recur, not certain
#   -v, --verbose   print the debug log (debug.Debug and the tester's own events)
#   --timeline      write a timeline (HTML) for passing tests too, not only for failed ones
#   --fail-fast     stop at the first failed test
#   --json FILE     also write the results as Gradescope's results.json
#   --deterministic [--seed S] [--explore N]
#                   experimental: run the tests under Fray, one thread at a time in virtual
#                   time (tools/deterministic.sh; needs a JDK 25); never part of grading
#   -h, --help      this text
#
# It prints what `go test` prints for each test, then a table of tests and points, and ends with
# "N passed, N failed". The exit status is 0 only if every test passed.
#
# The first run compiles with Maven; later runs skip Maven when nothing changed, so they start in
# about a second.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")" && pwd)
CALLER_PWD=$(pwd)
cd "$ROOT"
# Paths on the command line are relative to where grade.sh was started.
absolute() { case "$1" in /*) echo "$1" ;; *) echo "$CALLER_PWD/$1" ;; esac; }

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; }

# Deterministic mode (experimental, never graded): the whole command line goes to
# tools/deterministic.sh, which runs the tests under Fray (see the instructor guide).
for a in "$@"; do
  case "$a" in
    --deterministic|--explore)
      args=()
      for b in "$@"; do [ "$b" = --deterministic ] || args+=("$b"); done
      exec tools/deterministic.sh "${args[@]}" ;;
  esac
done

tree=student
submission=""
seed=""
json=""
runs=""
parallel=1
verbose=""
timeline=""
failfast=""
parts=()
tests=()
while [ $# -gt 0 ]; do
  case "$1" in
    --solution) tree=solution ;;
    --submission) tree=submission; submission=$(absolute "${2:?--submission needs a folder}"); shift ;;
    --seed) seed=${2:?--seed needs a number}; shift ;;
    --json) json=$(absolute "${2:?--json needs a file name}"); shift ;;
    -t|--test) tests+=(--test "${2:?--test needs a test name}"); shift ;;
    -n) runs=${2:?-n needs a number}; shift ;;
    -p) parallel=${2:?-p needs a number}; shift ;;
    -v|--verbose) verbose=1 ;;
    --timeline) timeline=1 ;;
    --fail-fast) failfast=1 ;;
    -h|--help) usage; exit 0 ;;
    -*) echo "grade.sh: unknown option $1 (see ./grade.sh --help)" >&2; exit 2 ;;
    *) parts+=("$1") ;;
  esac
  shift
done

if [ -n "$runs" ] && { [ -n "$json" ] || [ -n "$failfast" ] || [ "$tree" = submission ]; }; then
  echo "grade.sh: -n (the repeat runner) cannot be combined with --json, --fail-fast or --submission" >&2
  exit 2
fi
if [ "$tree" = submission ] && [ -n "$failfast" ]; then
  echo "grade.sh: --fail-fast cannot be combined with --submission (every test is graded)" >&2
  exit 2
fi
for part in "${parts[@]}"; do
  case "$part" in
    3[AaBbCcDd]|4[AaBbCc]) ;;
    *) echo "grade.sh: unknown part $part (parts: 3A 3B 3C 3D 4A 4B 4C)" >&2; exit 2 ;;
  esac
done

case "$tree" in
  student)
    src="$ROOT/src/main/java"
    build="$ROOT/target"
    ;;
  solution)
    if [ ! -d "$ROOT/solution/src/main/java" ]; then
      echo "grade.sh: there is no solution/ folder here (it is not part of the student handout)" >&2
      exit 2
    fi
    src="$ROOT/target/trees/solution"
    build="$ROOT/target/solution"
    ;;
  submission)
    if [ -d "$submission/src/main/java/raft" ] || [ -d "$submission/src/main/java/kvraft" ]; then
      packages="$submission/src/main/java"
    elif [ -d "$submission/raft" ] || [ -d "$submission/kvraft" ]; then
      packages="$submission"
    else
      echo "grade.sh: $submission holds neither src/main/java/raft nor raft/" >&2
      exit 2
    fi
    name=$(basename "$(cd "$submission" && pwd)")
    src="$ROOT/target/trees/submission-$name"
    build="$ROOT/target/submissions/$name"
    rm -rf "$src" "$build"
    tools/assemble-tree.sh "$src" "$packages"
    mkdir -p "$build"
    if ! mvn -q -B -ntp -Dstyle.color=never "-Draftlab.src=$src" "-Draftlab.build=$build" \
        test-compile >"$build/grade-build.log" 2>&1; then
      grep -E '\[ERROR\].*\.java' "$build/grade-build.log" | head -20 >&2 || true
      echo "grade.sh: the submission does not compile; nothing was tested" >&2
      if [ -n "$json" ]; then
        printf '{"score": 0, "output": "The submission does not compile.", "tests": [{"name": "compile", "score": 0, "max_score": 0, "status": "failed", "output": "does not compile; see the build log"}]}\n' >"$json"
      fi
      echo "0 passed, 1 failed"
      exit 1
    fi
    touch "$build/.grade-stamp"
    ;;
esac

# Build only when a source, test, resource or the pom changed since the last successful build.
stamp="$build/.grade-stamp"
inputs=(src pom.xml tools)
[ "$tree" = solution ] && inputs+=(solution)
if [ ! -f "$stamp" ] || [ -n "$(find "${inputs[@]}" -newer "$stamp" -print -quit 2>/dev/null)" ]; then
  if [ "$tree" = solution ]; then
    tools/assemble-tree.sh "$src" "$ROOT/solution/src/main/java"
  fi
  echo "grade.sh: compiling ..." >&2
  mkdir -p "$build"
  if ! mvn -q -B -ntp -Dstyle.color=never "-Draftlab.src=$src" "-Draftlab.build=$build" \
      test-compile >"$build/grade-build.log" 2>&1; then
    grep -E '\[ERROR\]|error:' "$build/grade-build.log" | grep -v -E 'Help 1|re-run Maven|full stack trace|Failed to execute goal|For more information|^\[ERROR\] *$|-> \[Help' >&2 || cat "$build/grade-build.log" >&2
    echo "grade.sh: the code does not compile; nothing was tested" >&2
    echo "0 passed, 1 failed"
    exit 1
  fi
  touch "$stamp"
fi

jvm_opts=(-XX:+UseSerialGC -Xss1m)
[ -n "$seed" ] && jvm_opts+=("-Draftlab.seed=$seed")
[ -n "$verbose" ] && jvm_opts+=("-Draftlab.debug=true")
[ -n "$timeline" ] && jvm_opts+=("-Draftlab.timeline=always")
args=()
[ -n "$json" ] && args+=(--json "$json")
[ -n "$failfast" ] && args+=(--fail-fast)

cp="$build/classes:$build/test-classes:$(cat "$build/test-classpath.txt")"
if [ "$tree" = submission ]; then
  exec java -XX:+UseSerialGC -cp "$cp" tester.Isolated "${args[@]}" "${tests[@]}" "${parts[@]}" \
    -- "${jvm_opts[@]}"
fi
if [ -n "$runs" ]; then
  exec java -XX:+UseSerialGC -cp "$cp" tester.Repeat -n "$runs" -p "$parallel" \
    "${tests[@]}" "${parts[@]}" -- "${jvm_opts[@]}"
fi
exec java "${jvm_opts[@]}" -cp "$cp" tester.Grade "${args[@]}" "${tests[@]}" "${parts[@]}"
