#!/usr/bin/env bash
# Grades a folder of submissions, one after another (the tests are timing-sensitive: never two
# at once on a small machine).
#
#   tools/grade-batch.sh SUBMISSIONS_DIR OUT_DIR PART...
#
# Each sub-folder of SUBMISSIONS_DIR is one submission (a student's repository, or a folder
# holding raft/). Writes OUT_DIR/NAME.log (the output), OUT_DIR/NAME.json (Gradescope's
# results.json) and OUT_DIR/grades.csv: name,score,max_score,passed,failed.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
subs=$(cd "${1:?usage: grade-batch.sh SUBMISSIONS_DIR OUT_DIR PART...}" && pwd)
mkdir -p "${2:?usage: grade-batch.sh SUBMISSIONS_DIR OUT_DIR PART...}"
out=$(cd "$2" && pwd)
shift 2
csv="$out/grades.csv"
echo "name,score,max_score,passed,failed" >"$csv"
for dir in "$subs"/*/; do
  name=$(basename "$dir")
  echo "grade-batch: $name ..." >&2
  "$root/grade.sh" --submission "$dir" --json "$out/$name.json" "$@" >"$out/$name.log" 2>&1 || true
  score=$(sed -n 's/^ *"score": \([0-9]*\).*/\1/p' "$out/$name.json" 2>/dev/null | tail -1)
  max=$(grep -o '"max_score": [0-9]*' "$out/$name.json" 2>/dev/null | awk '{s += $2} END {print s + 0}')
  line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$out/$name.log" | tail -1)
  passed=${line%% passed*}
  failed=${line#*, }; failed=${failed%% failed}
  echo "$name,${score:-0},${max:-0},${passed:-0},${failed:-0}" >>"$csv"
done
echo "grade-batch: wrote $csv" >&2
column -s, -t "$csv" 2>/dev/null || cat "$csv"
