#!/bin/sh
# Assembles a main source tree: the pristine src/main/java with the student-owned packages (from
# the registry, src/grader/java/labs/Registry.java) taken from another folder instead. Used for the
# reference solution, buggy variants and graded submissions. The work is done in Java
# (src/grader/java/cli/TreeAssembler.java); this is the name scripts have always called.
#
#   tools/assemble-tree.sh OUT_DIR PACKAGES_DIR
exec "$(dirname "$0")/../grade.sh" assemble "$@"
