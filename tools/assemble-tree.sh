#!/usr/bin/env bash
# Assembles a main source tree: the pristine src/main/java with the student-owned packages
# (raft, kvraft) taken from another folder instead. Used for the reference solution, buggy
# variants and graded submissions.
#
#   tools/assemble-tree.sh OUT_DIR PACKAGES_DIR
#
# PACKAGES_DIR holds package folders (raft/, kvraft/ ...); a student package it lacks keeps the
# skeleton's version. Timestamps are preserved, so an unchanged tree is not recompiled.
set -euo pipefail
out=$1
overlay=$2
root=$(cd "$(dirname "$0")/.." && pwd)
STUDENT_PACKAGES="raft kvraft"

mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -a "$root/src/main/java/." "$tmp/"
for pkg in $STUDENT_PACKAGES; do
  if [ -d "$overlay/$pkg" ]; then
    rm -rf "${tmp:?}/$pkg"
    cp -a "$overlay/$pkg" "$tmp/$pkg"
  fi
done
# Replace the output only where it differs, keeping timestamps of unchanged files.
if command -v rsync >/dev/null 2>&1; then
  rsync -a --delete --checksum "$tmp/" "$out/"
else
  rm -rf "${out:?}"/*
  cp -a "$tmp/." "$out/"
fi
