#!/bin/sh
# Grades a folder of submissions, one after another (the tests are timing-sensitive: never two
# at once on a small machine). The logic is Java (batch.GradeBatch); this compiles the
# tree's tests if needed and hands over.
#
#   tools/grade-batch.sh SUBMISSIONS_DIR OUT_DIR [--allow-flagged] PART...
#
# Each sub-folder of SUBMISSIONS_DIR is one submission (a student's repository, or a folder
# holding raft/). Writes OUT_DIR/NAME.log (the output), OUT_DIR/NAME.json (Gradescope's
# results.json) and OUT_DIR/grades.csv: name,score,max_score,passed,failed,flags.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
usage="usage: grade-batch.sh SUBMISSIONS_DIR OUT_DIR [--allow-flagged] PART..."
subs=$(cd "${1:?$usage}" && pwd)
mkdir -p "${2:?$usage}"
out=$(cd "$2" && pwd)
shift 2
(cd "$root" && mvn -q -B -ntp -Dstyle.color=never test-compile)
cp="$root/target/classes:$root/target/test-classes:$(cat "$root/target/test-classpath.txt")"
exec java -cp "$cp" batch.GradeBatch "$root" "$subs" "$out" "$@"
