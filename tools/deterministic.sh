#!/bin/sh
# Deterministic mode (experimental, never part of grading): the lab tests under Fray, one thread
# at a time in virtual time, so that a seed replays a run exactly. See deterministic.Deterministic
# (src/deterministic/java) and the instructor guide, "Deterministic mode (experimental)".
#
#   tools/deterministic.sh [--solution | --classes DIR] [options of Deterministic] [PART ...]
#   tools/deterministic.sh --solution --seed 42 -t testReElection3A 3A     replay one seed
#   tools/deterministic.sh --classes target/variants/double-vote/classes --explore 200 \
#       -t testManyElections3A 3A                                            explore schedules
#
#   --solution      the reference solution instead of src/main/java (like ./grade.sh --solution)
#   --classes DIR   compiled classes that go before the tree's own (a buggy variant's, as
#                   tools/validate.sh leaves them in target/variants/NAME/classes)
#
# Needs a JDK 25 (Fray's instrumented JDK is made from it): JDK25_HOME, or one under
# /usr/lib/jvm. The first run builds target/deterministic (Maven profile "deterministic", with
# Fray's instrumented JDK: about a minute); later runs rebuild only when a source changed.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

tree=student
classes=""
n=$#
while [ "$n" -gt 0 ]; do  # take out our options, keep the others (in order) for Deterministic
  case "$1" in
    --solution) tree=solution ;;
    --classes) classes=$(cd "${2:?--classes needs a folder}" && pwd); shift; n=$((n - 1)) ;;
    *) set -- "$@" "$1" ;;
  esac
  shift
  n=$((n - 1))
done

jdk="${JDK25_HOME:-}"
if [ -z "$jdk" ]; then
  for d in /usr/lib/jvm/*25* /Library/Java/JavaVirtualMachines/*25*/Contents/Home; do
    [ -x "$d/bin/jlink" ] && jdk=$d && break
  done
fi
if [ -z "$jdk" ] || ! "$jdk/bin/java" -version 2>&1 | grep -q '"25'; then
  echo "deterministic: needs a JDK 25 (set JDK25_HOME); Fray instruments a copy of it" >&2
  exit 2
fi

if [ "$tree" = solution ]; then
  src="$root/target/trees/solution"
  build="$root/target/deterministic/solution"
else
  src="$root/src/main/java"
  build="$root/target/deterministic/student"
fi
# What the last build was made from: a checksum of every source, so that an edit is seen even when
# it keeps the file's time (a copy with cp -p, an unpacked archive), and a removed file too.
stamp="$build/.sources"
sources=$(find src pom.xml tools solution -type f 2>/dev/null | LC_ALL=C sort | xargs cksum)
if [ ! -f "$stamp" ] || [ "$sources" != "$(cat "$stamp")" ]; then
  [ "$tree" = solution ] && tools/assemble-tree.sh "$src" "$root/solution/src/main/java"
  # Maven's compiler keeps a class that looks newer than its source: compile everything afresh.
  rm -rf "$build/classes" "$build/test-classes"
  echo "deterministic: compiling into $build (the first time, Fray instruments a JDK) ..." >&2
  # Fray 0.9.2's plugin links from <jdk>/jmods; a JDK without jmods (JEP 493) gets a shim.
  shim="$root/target/deterministic/jdk-shim"
  mkdir -p "$shim/bin"
  ln -sf "$jdk/bin/java" "$shim/bin/java"
  ln -sf "$root/tools/fray-jlink-shim.sh" "$shim/bin/jlink"
  frayjdk="$jdk"
  [ -d "$jdk/jmods" ] || frayjdk="$shim"
  # One instrumented JDK for every tree: the plugin skips the link when it finds one of its
  # version in the build folder, so each tree's build folder links to the shared one.
  shared="$root/target/deterministic/fray-java"
  mkdir -p "$build/fray"
  [ -d "$shared" ] && [ ! -e "$build/fray/fray-java" ] && ln -s "$shared" "$build/fray/fray-java"
  if ! REAL_JDK="$jdk" mvn -q -B -ntp -Dstyle.color=never -P deterministic \
      "-Draftlab.src=$src" "-Draftlab.build=$build" "-Dfray.jdk=$frayjdk" \
      test-compile >"$build/build.log" 2>&1; then
    grep -E '\[ERROR\]' "$build/build.log" | head -20 >&2 || tail -20 "$build/build.log" >&2
    echo "deterministic: the build failed; see $build/build.log" >&2
    exit 1
  fi
  if [ ! -e "$shared" ]; then
    mv "$build/fray/fray-java" "$shared" && ln -s "$shared" "$build/fray/fray-java"
  fi
  mkdir -p "$build" && printf '%s\n' "$sources" >"$stamp"
fi

cp="$build/classes:$build/test-classes:$(cat "$build/test-classpath.txt")"
[ -n "$classes" ] && cp="$classes:$cp"
# How --explore says to replay a seed it found: the same tree, the same classes.
if [ -n "$classes" ]; then
  DETERMINISTIC_REPLAY="tools/deterministic.sh --classes $classes"
  [ "$tree" = solution ] && DETERMINISTIC_REPLAY="$DETERMINISTIC_REPLAY --solution"
elif [ "$tree" = solution ]; then
  DETERMINISTIC_REPLAY="./grade.sh --deterministic --solution"
else
  DETERMINISTIC_REPLAY="./grade.sh --deterministic"
fi
export DETERMINISTIC_REPLAY
# -XX:hashCode=2: every identity hash code is 1. The JDK keys some of its own tables by identity
# (the registry of thread pools, class-loader caches); with hash codes that differ from run to run
# (the default, or even a global sequence that the JVM's own threads also draw from), whether an
# insert finds its bin empty or taken differs, and with it the points where Fray may switch
# threads: two runs of one seed parted after about a thousand steps. With one hash code for all,
# such a table puts every key in one bin: slower lookups, the same in every run.
# -XX:ActiveProcessorCount=1: Fray runs one thread at a time, so a thread that spins while it waits
# for another (SynchronousQueue and LinkedTransferQueue spin up to 64 times before they park: the
# apply channel, every cached pool) only burns scheduled steps, each of which walks every thread of
# the run. On one processor the JDK (and labrpc's handler pool) park at once.
# One processor for the run, where taskset is (Linux): Fray lets one thread run at a time and hands
# the turn from thread to thread millions of times. On two processors each hand-off woke the other
# from idle and waited for it (testReliableChurn3C, seed 7: 214 s on two, 162 s on one). The short
# tests pay for it, the JIT compilers now taking turns with the test (testInitialElection3A: 6 s on
# two, 14 s on one). Pinning only the run's threads (sched_setaffinity from Java) was tried: 2 runs
# in 88 then ended with another event log. DETERMINISTIC_PIN=no leaves the run on every processor.
pin=""
if [ "${DETERMINISTIC_PIN:-yes}" != no ] && command -v taskset >/dev/null 2>&1; then
  cpus=$(taskset -cp $$ 2>/dev/null | sed 's/.*: *//')
  cpu=${cpus##*[,-]}
  # Only if taskset may set it here: a container can forbid it, and the run must not die of that.
  if [ -n "$cpu" ] && taskset -c "$cpu" true 2>/dev/null; then
    pin="taskset -c $cpu"
  fi
fi
exec $pin "$build/fray/fray-java/bin/java" \
  -XX:+UseSerialGC -Xss1m -XX:+UnlockExperimentalVMOptions -XX:hashCode=2 -XX:ActiveProcessorCount=1 \
  "-javaagent:$build/fray/fray-agent.jar" \
  "-agentpath:$build/fray/fray-jvmti/libjvmti.so" \
  "-Dfray.workDir=$build/fray/fray-report" \
  --add-opens java.base/java.util.concurrent=ALL-UNNAMED \
  -Djdk.attach.allowAttachSelf=true -XX:+EnableDynamicAgentLoading \
  -cp "$cp" deterministic.Deterministic --out "$build/logs" "$@"
