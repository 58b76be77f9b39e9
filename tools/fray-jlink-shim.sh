#!/bin/sh
# A stand-in for a JDK 25's bin/jlink, for Fray's Maven plugin (prepare-fray, 0.9.2).
#
# The plugin links its instrumented JDK from <jdk>/jmods with --add-modules=ALL-MODULE-PATH.
# JDKs built with JEP 493 (Temurin 25 among them) ship no jmods folder and link from their own
# run-time image instead. This shim drops the jmods module path and names the run-time image's
# modules (less jdk.jlink and jdk.jpackage, which such an image cannot link), then runs the
# real jlink with every other argument unchanged. REAL_JDK is set by tools/deterministic.sh.
set -eu
real="${REAL_JDK:?REAL_JDK must name a JDK 25}"
modules=$("$real/bin/java" --list-modules | sed 's/@.*//' | grep -v -x -e jdk.jlink -e jdk.jpackage \
  | tr '\n' ',' | sed 's/,$//')
for a in "$@"; do
  shift
  case "$a" in
    --module-path=*/jmods) ;;
    --add-modules=ALL-MODULE-PATH) set -- "$@" "--add-modules=$modules" ;;
    *) set -- "$@" "$a" ;;
  esac
done
exec "$real/bin/jlink" "$@"
