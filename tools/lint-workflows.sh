#!/bin/sh
# Lints the GitHub Classroom workflow (tools/handout/classroom.yml, which make handout installs as
# .github/workflows/classroom.yml) against GitHub's workflow schema with action-validator, a
# maintained linter for workflow files. It comes from npm, pinned, and is installed into
# target/tools/ on first use. Run by make test.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
version=0.6.0
tools="$root/target/tools/action-validator-$version"
bin="$tools/node_modules/.bin/action-validator"
if [ ! -x "$bin" ]; then
  mkdir -p "$tools"
  npm install --prefix "$tools" --no-audit --no-fund --silent \
    "@action-validator/cli@$version" "@action-validator/core@$version"
fi
for workflow in "$root/tools/handout/classroom.yml"; do
  "$bin" "$workflow"
  echo "lint-workflows: ${workflow#"$root"/} is a valid workflow"
done
