#!/bin/sh
# make handout: the student distribution, as dist/raftlab-handout/ and dist/raftlab-handout.tar.gz.
# It holds everything a student needs (sources, tests, tester, the front end, grade.sh and
# grade.cmd, the handouts) and nothing an instructor keeps back: no solution/, no buggy variants,
# no instructor's tools (src/instructor: red team, Gradescope and batch code, document and variant
# checks), no deterministic mode, no validation or CI files. POSIX sh, like every script a student or instructor runs.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
out=dist/raftlab-handout
rm -rf "$out" dist/raftlab-handout.tar.gz
mkdir -p "$out/tools"

cp -pR pom.xml grade.sh grade.cmd .gitignore .gitattributes "$out/"
# The student's kit: the main sources, the tests and tester, and the front end that ./grade.sh
# starts (src/grader). Not the instructor's tools (src/instructor) nor the deterministic mode.
mkdir -p "$out/src"
cp -pR src/main src/test src/grader "$out/src/"
[ -d handout ] && cp -pR handout "$out/"
rm -f "$out/handout/instructor-guide.md" # instructors only
# and so is its part of the index (sed -i differs between GNU and macOS: write a copy instead)
sed '/^For instructors/,$d' "$out/handout/README.md" >"$out/handout/README.md.tmp"
mv "$out/handout/README.md.tmp" "$out/handout/README.md"
cp -p tools/assemble-tree.sh tools/logcols "$out/tools/"
cp tools/handout/README.md "$out/README.md"
cp tools/handout/Makefile "$out/Makefile"
mkdir -p "$out/.github/workflows"
cp tools/handout/classroom.yml "$out/.github/workflows/classroom.yml"

# Nothing instructor-only may slip in.
if find "$out" -path '*solution*' -o -name '*.patch' -o -path '*/src/instructor*' \
  -o -path '*/src/deterministic*' | grep -q .; then
  echo "make-handout: instructor-only files found in $out" >&2
  exit 1
fi
tar -C dist -czf dist/raftlab-handout.tar.gz raftlab-handout
echo "make-handout: wrote $out/ and dist/raftlab-handout.tar.gz ($(du -sh dist/raftlab-handout.tar.gz | cut -f1))"
