# The 実績報告 of a 20-trainee case (bench/data/twenty-trainees-report.json, made by bench/make_report.py):
# `hojo settle` as a whole process (target < 5 ms) against the same 精算 in Python (bench/peer_settle.py), `hojo
# export` of its report workbook (target < 30 ms, ≥ 10× the peer) against the same workbook written by openpyxl
# (bench/peer_report_workbook.py), and `hojo import` of it back against openpyxl loading it. Debian's python3
# (it has openpyxl). Peak memory from /usr/bin/time -v.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
here="$(cd "$(dirname "$0")" && pwd)"
report="$here/data/twenty-trainees-report.json"
py=/usr/bin/python3
# In RAM where there is a tmpfs: the figures are Hojo's work and the peer's, not the shared disk's fsync.
work=$(mktemp -d -p /dev/shm 2>/dev/null || mktemp -d)
trap 'rm -rf "$work"' EXIT

# The peer must give the same 精算 as Hojo, row by row, before its speed means anything.
"$HOJO_BIN" settle "$report" >"$work/settle.json"
"$py" "$here/peer_settle.py" "$report" >"$work/peer-settle.json"
"$py" - "$work/settle.json" "$work/peer-settle.json" <<'PY' || { echo "bench/32-report.sh: peer_settle.py disagrees with hojo settle" >&2; exit 1; }
import json, sys
hojo, peer = (json.load(open(path)) for path in sys.argv[1:3])
keys = ("name", "A", "B", "C", "D", "E", "F", "G", "I")
rows = lambda result: [{k: row[k] for k in keys} for row in result["trainees"]]
totals = lambda result: {k: result[k] for k in ("total", "decided", "confirmed", "received", "difference")}
sys.exit(0 if rows(hojo) == rows(peer) and totals(hojo) == totals(peer) else 1)
PY
"$HOJO_BIN" export "$report" -o "$work/hojo.xlsx" 2>/dev/null
"$py" "$here/peer_report_workbook.py" "$report" "$work/peer.xlsx"
# The round trip must hold: the workbook read back settles as the report does.
"$HOJO_BIN" import "$work/hojo.xlsx" -o "$work/back.json" 2>/dev/null
"$HOJO_BIN" settle "$work/back.json" >"$work/back-settle.json"
cmp -s "$work/back-settle.json" "$work/settle.json" || { echo "bench/32-report.sh: import changed the report" >&2; exit 1; }

hyperfine -N --warmup 5 --min-runs 30 --export-json "$work/settle-time.json" \
  "$HOJO_BIN settle $report" \
  "$py $here/peer_settle.py $report" >/dev/null 2>&1
hyperfine -N --warmup 5 --min-runs 30 --export-json "$work/export.json" \
  "$HOJO_BIN export $report -o $work/out.xlsx --force" \
  "$py $here/peer_report_workbook.py $report $work/peer-out.xlsx" >/dev/null 2>&1
hyperfine -N --warmup 5 --min-runs 30 --export-json "$work/import.json" \
  "$HOJO_BIN import $work/hojo.xlsx" \
  "$py -c 'import openpyxl,sys; openpyxl.load_workbook(sys.argv[1])' $work/hojo.xlsx" >/dev/null 2>&1
rss_kb() { /usr/bin/time -v "$@" 2>&1 >/dev/null | sed -n 's/.*Maximum resident set size (kbytes): //p'; }
settle_rss=$(rss_kb "$HOJO_BIN" settle "$report")
peer_settle_rss=$(rss_kb "$py" "$here/peer_settle.py" "$report")
export_rss=$(rss_kb "$HOJO_BIN" export "$report" -o "$work/rss.xlsx" --force)
peer_rss=$(rss_kb "$py" "$here/peer_report_workbook.py" "$report" "$work/rss-peer.xlsx")
import_rss=$(rss_kb "$HOJO_BIN" import "$work/hojo.xlsx")
echo "| hojo settle, 20-trainee 実績報告 (精算, whole process) | $(mean_ms "$work/settle-time.json" 0) ms (CPU $(cpu_ms "$work/settle-time.json" 0) ms), peak $((settle_rss / 1024)) MB | < 5 ms | the same 精算 in Python: $(mean_ms "$work/settle-time.json" 1) ms (CPU $(cpu_ms "$work/settle-time.json" 1) ms), peak $((peer_settle_rss / 1024)) MB; Hojo $(ratio "$work/settle-time.json" 0 1)× faster |"
echo "| hojo export, 20 trainees, 実績報告書 .xlsx (whole process) | $(mean_ms "$work/export.json" 0) ms (CPU $(cpu_ms "$work/export.json" 0) ms), peak $((export_rss / 1024)) MB | < 30 ms, ≥ 10× the peer | openpyxl script writing the same workbook: $(mean_ms "$work/export.json" 1) ms (CPU $(cpu_ms "$work/export.json" 1) ms), peak $((peer_rss / 1024)) MB; Hojo $(ratio "$work/export.json" 0 1)× faster |"
echo "| hojo import of that 実績報告書 (whole process) | $(mean_ms "$work/import.json" 0) ms (CPU $(cpu_ms "$work/import.json" 0) ms), peak $((import_rss / 1024)) MB | — | openpyxl load_workbook of it: $(mean_ms "$work/import.json" 1) ms (CPU $(cpu_ms "$work/import.json" 1) ms) |"
