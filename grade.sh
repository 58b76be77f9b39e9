#!/bin/sh
# grade.sh: runs the lab tests and grades them. ./grade.sh --help lists the options.
#
# Only a launcher, in POSIX sh (it runs under macOS's bash 3.2 and under dash): it finds Java and
# hands over to the Java front end (src/grader/java/cli). The front end builds what changed and
# writes target/cli/java.args, the JVM options and classpath that start it quickly. Before the
# very first run there is none: then the launcher compiles the bootstrap class, which needs only
# the JDK, and it builds the rest with Maven.
root=$(cd "$(dirname "$0")" && pwd) || exit 2
RAFTLAB_CALLER_DIR=$(pwd)
export RAFTLAB_CALLER_DIR
cd "$root" || exit 2
java=java
javac=javac
if [ -n "${JAVA_HOME:-}" ]; then
  java=$JAVA_HOME/bin/java
  javac=$JAVA_HOME/bin/javac
fi
# The fast start names this folder: a tree that was moved or copied starts over from the bootstrap.
if [ -f target/cli/java.args ] && grep -F -q -- "-Draftlab.root=$root\"" target/cli/java.args &&
  command -v "$java" >/dev/null 2>&1; then
  exec "$java" @target/cli/java.args cli.Bootstrap "$@"
fi

# The first run (or no java any more). macOS has a java and a javac that only say "Unable to
# locate a Java Runtime" when no JDK is installed: run them to know.
if ! "$javac" -version >/dev/null 2>&1 || ! "$java" -version >/dev/null 2>&1; then
  if [ -n "${JAVA_HOME:-}" ]; then
    where="in JAVA_HOME ($JAVA_HOME)"
    fix='install one and point JAVA_HOME at it, or unset JAVA_HOME to use the java on your PATH'
  else
    where="on your PATH"
    case $(uname -s 2>/dev/null) in
      Darwin) fix='brew install openjdk@17, then export PATH="$(brew --prefix openjdk@17)/bin:$PATH" (add it to ~/.zshrc)' ;;
      *) fix='install one (e.g. sudo apt install openjdk-17-jdk) and put its bin folder on your PATH' ;;
    esac
  fi
  echo "grade.sh: no JDK (java and javac) $where; raftlab needs a JDK 17 or newer: $fix" >&2
  exit 2
fi
mkdir -p target/cli/boot-classes || exit 2
"$javac" -nowarn -Xlint:-options -source 8 -target 8 -encoding UTF-8 -d target/cli/boot-classes \
  -sourcepath src/grader/java src/grader/java/cli/Bootstrap.java || exit 2
exec "$java" -cp target/cli/boot-classes cli.Bootstrap "$@"
