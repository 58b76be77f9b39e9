#!/bin/sh
# make gradescope: dist/gradescope-autograder.zip, the autograder to upload to Gradescope. It holds
# setup.sh, run_autograder and autograder.conf (from tools/gradescope/) and, as pristine/, the
# student handout (make handout): the tests and tester, and no solution/, plus the Gradescope
# engine's own classes (src/instructor/java/gradescope).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
tools/make-handout.sh >/dev/null
stage=dist/gradescope
rm -rf "$stage" dist/gradescope-autograder.zip
mkdir -p "$stage"
cp -a dist/raftlab-handout "$stage/pristine"
# The engine's entry (gradescope.RunAutograder) is an instructor's tool, not in the handout.
mkdir -p "$stage/pristine/src/instructor/java"
cp -pR src/instructor/java/gradescope "$stage/pristine/src/instructor/java/"
cp tools/gradescope/setup.sh tools/gradescope/run_autograder tools/gradescope/autograder.conf \
  "$stage/"
chmod +x "$stage/setup.sh" "$stage/run_autograder"
if find "$stage" -name solution | grep -q .; then
  echo "make-gradescope: a solution/ folder found in $stage" >&2
  exit 1
fi
(cd "$stage" && zip -qr ../gradescope-autograder.zip .)
echo "make-gradescope: wrote dist/gradescope-autograder.zip ($(du -k dist/gradescope-autograder.zip | cut -f1) KiB)"
