#!/bin/sh
# Checks that the untouched student skeleton fails cleanly, with the tests' own messages, and
# quickly (no hang, no stack trace of the tester). The logic is Java (grading.check.SkeletonCheck,
# which reads each test's result from the signed verdict channel); this compiles the tree and
# hands over. Run by `make test`, on this tree and on the student handout.
#
#   tools/check-skeleton.sh [DIR]      DIR: a tree with grade.sh (default: this repository)
set -eu
cd "${1:-$(dirname "$0")/..}"
mvn -q -B -ntp -Dstyle.color=never test-compile
exec java -XX:+UseSerialGC \
  -cp "target/classes:target/test-classes:$(cat target/test-classpath.txt)" \
  grading.check.SkeletonCheck .
