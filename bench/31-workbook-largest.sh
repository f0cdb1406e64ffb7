# The largest application Hojo accepts (limits.rs: MAX_TRAINEES = 1,000 trainees), next to the 20-trainee case
# of bench/30-workbook.sh: `hojo export` and `hojo import` as whole processes, 100 and 1,000 trainees (each the
# 20 trainees of bench/data/twenty-trainees.json repeated under new names, with their 人件費 by month), so the
# two rows show how the time grows with the trainees (linear: 10× the trainees, about 10× the time). The peer is
# the same openpyxl script as in bench/30-workbook.sh writing the 1,000-trainee workbook. Peak memory from
# /usr/bin/time -v.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
here="$(cd "$(dirname "$0")" && pwd)"
# In RAM where there is a tmpfs: the figures are Hojo's work and the peer's, not the shared disk's fsync (Hojo
# syncs every file it writes, openpyxl does not).
work=$(mktemp -d -p /dev/shm 2>/dev/null || mktemp -d)
trap 'rm -rf "$work"' EXIT
for count in 100 1000; do
  python3 - "$here/data/twenty-trainees.json" "$count" "$work/case-$count.json" <<'PY'
import json, sys
case = json.load(open(sys.argv[1]))
trainees = case["trainees"]
case["trainees"] = [dict(trainees[i % len(trainees)], name=f"受講者 {i + 1:04d}") for i in range(int(sys.argv[2]))]
json.dump(case, open(sys.argv[3], "w"), ensure_ascii=False)
PY
  "$HOJO_BIN" export "$work/case-$count.json" -o "$work/hojo-$count.xlsx" 2>/dev/null
done
# The round trip must hold before its speed means anything.
"$HOJO_BIN" import "$work/hojo-1000.xlsx" -o "$work/back.json" 2>/dev/null
"$HOJO_BIN" calc "$work/back.json" >"$work/back-calc.json"
"$HOJO_BIN" calc "$work/case-1000.json" >"$work/calc.json"
cmp -s "$work/back-calc.json" "$work/calc.json" || { echo "bench/31-workbook-largest.sh: import changed the case" >&2; exit 1; }

hyperfine -N --warmup 2 --min-runs 10 --export-json "$work/export.json" \
  "$HOJO_BIN export $work/case-100.json -o $work/out-100.xlsx --force" \
  "$HOJO_BIN export $work/case-1000.json -o $work/out-1000.xlsx --force" >/dev/null 2>&1
hyperfine -N --warmup 2 --min-runs 10 --export-json "$work/import.json" \
  "$HOJO_BIN import $work/hojo-100.xlsx" \
  "$HOJO_BIN import $work/hojo-1000.xlsx" >/dev/null 2>&1
hyperfine -N --warmup 1 --min-runs 3 --export-json "$work/peer.json" \
  "/usr/bin/python3 $here/peer_workbook.py $work/case-1000.json $work/peer-1000.xlsx" >/dev/null 2>&1
rss_kb() { /usr/bin/time -v "$@" 2>&1 >/dev/null | sed -n 's/.*Maximum resident set size (kbytes): //p'; }
export_rss=$(rss_kb "$HOJO_BIN" export "$work/case-1000.json" -o "$work/rss.xlsx" --force)
import_rss=$(rss_kb "$HOJO_BIN" import "$work/hojo-1000.xlsx")
peer_rss=$(rss_kb /usr/bin/python3 "$here/peer_workbook.py" "$work/case-1000.json" "$work/rss-peer.xlsx")
size_kb=$(( $(stat -c %s "$work/hojo-1000.xlsx") / 1024 ))
echo "| hojo export, 100 trainees (whole process) | $(mean_ms "$work/export.json" 0) ms (CPU $(cpu_ms "$work/export.json" 0) ms) | — | — |"
echo "| hojo export, 1,000 trainees (MAX_TRAINEES), ${size_kb} KB .xlsx (whole process) | $(mean_ms "$work/export.json" 1) ms (CPU $(cpu_ms "$work/export.json" 1) ms), peak $((export_rss / 1024)) MB | < 1,000 ms, linear | openpyxl script writing the same workbook: $(mean_ms "$work/peer.json" 0) ms (CPU $(cpu_ms "$work/peer.json" 0) ms), peak $((peer_rss / 1024)) MB |"
echo "| hojo import, 100 trainees (whole process) | $(mean_ms "$work/import.json" 0) ms (CPU $(cpu_ms "$work/import.json" 0) ms) | — | — |"
echo "| hojo import, 1,000 trainees (whole process) | $(mean_ms "$work/import.json" 1) ms (CPU $(cpu_ms "$work/import.json" 1) ms), peak $((import_rss / 1024)) MB | < 1,000 ms, linear | — |"
