#!/bin/sh
# make validate: proves that the tests catch what they claim to (variants.Validate: each buggy
# variant in solution/variants is built and run against its part; a table, then "N passed, N
# failed"). This builds the reference's tests and hands over.
#
#   tools/validate.sh                 all variants
#   tools/validate.sh NAME ...        some of them
#   tools/validate.sh --build-only [NAME ...]
#                                     only build them into target/variants/NAME/classes (no
#                                     real-time runs: for a test of one's own or the deterministic
#                                     mode's exploration on a variant's classes)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
tools/assemble-tree.sh target/trees/solution solution/src/main/java
mvn -q -B -ntp -Dstyle.color=never -Draftlab.src="$root/target/trees/solution" \
  -Draftlab.build="$root/target/solution" test-compile
exec java -XX:+UseSerialGC \
  -cp "target/solution/test-classes:$(cat target/solution/test-classpath.txt)" \
  variants.Validate "$root" "$@"
