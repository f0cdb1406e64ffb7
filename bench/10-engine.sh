# `hojo calc` of a 20-trainee case as a whole process (target < 5 ms), against the same 算定 in Python;
# the library's 算定 of 10,000 cases (target < 100 ms).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
case_file="$(dirname "$0")/data/twenty-trainees.json"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
hojo_total=$("$HOJO_BIN" calc "$case_file" | python3 -c "import json,sys; print(json.load(sys.stdin)['total'])")
peer_total=$(/usr/bin/python3 "$(dirname "$0")/peer_calc.py" "$case_file")
if [ "$hojo_total" != "$peer_total" ]; then
  echo "bench/10-engine.sh: hojo says $hojo_total, the peer says $peer_total" >&2
  exit 1
fi
hyperfine -N --warmup 10 --min-runs 50 --export-json "$work/calc.json" \
  "$HOJO_BIN calc $case_file" "/usr/bin/python3 $(dirname "$0")/peer_calc.py $case_file" >/dev/null 2>&1
echo "| hojo calc, 20 trainees (whole process) | $(mean_ms "$work/calc.json" 0) ms | < 5 ms | Python script: $(mean_ms "$work/calc.json" 1) ms |"
library_ms=$(cargo bench --quiet --bench calc -- --bench 2>/dev/null | sed -n 's/^calc_10000_cases_ms=//p')
echo "| library 算定 of 10,000 cases | ${library_ms} ms | < 100 ms | — |"
