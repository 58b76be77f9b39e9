#!/bin/sh
# Checks that the untouched student skeleton fails cleanly, with the tests' own messages, and
# quickly (no hang, no stack trace of the tester). The logic is Java (checks.SkeletonCheck, which
# reads each test's result from the signed verdict channel); this compiles the trees and hands
# over. Run by `make test`, on this tree and on the student handout.
#
#   tools/check-skeleton.sh [DIR]      DIR: a tree with grade.sh (default: this repository)
#
# The handout has no instructor's tools (src/instructor): the check itself comes from this
# repository's build, after DIR's own classes on the classpath, so DIR's tests and tester are the
# ones that run.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
tree=$(cd "${1:-$root}" && pwd)
(cd "$root" && mvn -q -B -ntp -Dstyle.color=never test-compile)
[ "$tree" = "$root" ] || (cd "$tree" && mvn -q -B -ntp -Dstyle.color=never test-compile)
cd "$tree"
exec java -XX:+UseSerialGC \
  -cp "target/classes:target/test-classes:$root/target/test-classes:$(cat target/test-classpath.txt)" \
  checks.SkeletonCheck .
