#!/usr/bin/env bash
# make validate: proves that the tests catch what they claim to. Each buggy variant of the
# reference solution (solution/variants/NAME.patch, whose header names the bug, the part and the
# test expected to catch it) is built and run against its part, stopping at the first failed
# test. Prints a table: variant, part, caught or MISSED, the test that caught it, its message.
# Exit status 0 only if every variant was caught.
#
#   tools/validate.sh                 all variants
#   tools/validate.sh NAME ...        some of them
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

# The tests and tester, compiled against the reference (make solution-tree + test-compile).
tools/assemble-tree.sh target/trees/solution solution/src/main/java
mvn -q -B -ntp -Dstyle.color=never -Draftlab.src="$root/target/trees/solution" \
  -Draftlab.build="$root/target/solution" test-compile
testcp="$root/target/solution/test-classes:$(cat target/solution/test-classpath.txt)"

if [ $# -gt 0 ]; then
  patches=()
  for n in "$@"; do patches+=("solution/variants/$n.patch"); done
else
  patches=(solution/variants/*.patch)
fi

rows=()
missed=0
for p in "${patches[@]}"; do
  name=$(basename "$p" .patch)
  part=$(sed -n 's/^# part: *//p' "$p")
  expected=$(sed -n 's/^# caught-by: *//p' "$p")
  dir="target/variants/$name"
  rm -rf "$dir"
  mkdir -p "$dir/pkg" "$dir/classes"
  cp -a solution/src/main/java/kvsrv solution/src/main/java/raft solution/src/main/java/kvraft "$dir/pkg/"
  if ! patch -s -p1 -F0 -d "$dir/pkg" <"$p" >"$dir/patch.log" 2>&1; then
    rows+=("$name|$part|BROKEN|the patch does not apply|see $dir/patch.log")
    missed=$((missed + 1))
    continue
  fi
  tools/assemble-tree.sh "$dir/src" "$dir/pkg"
  javac --release 17 -nowarn -cp "$(cat target/solution/test-classpath.txt)" -d "$dir/classes" \
    $(find "$dir/src" -name '*.java') 2>"$dir/javac.log" \
    || { rows+=("$name|$part|BROKEN|does not compile|see $dir/javac.log"); missed=$((missed + 1)); continue; }
  echo "validate: $name ($part, expected: $expected) ..." >&2
  # The child JVM reports through the signed verdict channel; FirstFailure writes which test
  # failed first, and why, to result.tsv (the output, for people, goes to output.log).
  java -XX:+UseSerialGC -cp "$root/$dir/classes:$testcp" grading.check.FirstFailure "$part" \
    "$dir/output.log" "$dir/result.tsv"
  IFS=$(printf '\t') read -r result test msg <"$dir/result.tsv" || true
  if [ "$result" = caught ]; then
    msg=$(printf '%s' "$msg" | cut -c1-70)
    case "$expected" in
      *"${test:-?}"*) ;;
      *) test="${test:-?} (expected: $expected)" ;;
    esac
    rows+=("$name|$part|caught|${test:-?}|$msg")
  else
    rows+=("$name|$part|MISSED|-|every $part test passed")
    missed=$((missed + 1))
  fi
done

printf '\n%-28s %-4s %-7s %-32s %s\n' variant part result "caught by" message
for r in "${rows[@]}"; do
  IFS='|' read -r a b c d e <<<"$r"
  printf '%-28s %-4s %-7s %-32s %s\n' "$a" "$b" "$c" "$d" "$e"
done
echo
echo "$(( ${#rows[@]} - missed )) passed, $missed failed"
[ "$missed" -eq 0 ]
