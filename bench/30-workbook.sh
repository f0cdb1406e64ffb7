# The application workbook of a 20-trainee case: `hojo export` as a whole process (target < 30 ms) against the
# same workbook written by openpyxl (bench/peer_workbook.py, Debian's python3), and `hojo import` of it
# (target < 30 ms) against openpyxl loading it. Peak memory from /usr/bin/time -v.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
here="$(cd "$(dirname "$0")" && pwd)"
case_file="$here/data/twenty-trainees.json"
# In RAM where there is a tmpfs: the figures are Hojo's work and the peer's, not the shared disk's fsync (Hojo
# syncs every file it writes, openpyxl does not).
work=$(mktemp -d -p /dev/shm 2>/dev/null || mktemp -d)
trap 'rm -rf "$work"' EXIT
"$HOJO_BIN" export "$case_file" -o "$work/hojo.xlsx" 2>/dev/null
/usr/bin/python3 "$here/peer_workbook.py" "$case_file" "$work/peer.xlsx"
# The round trip must hold before its speed means anything.
"$HOJO_BIN" import "$work/hojo.xlsx" -o "$work/back.json" 2>/dev/null
"$HOJO_BIN" calc "$work/back.json" >"$work/back-calc.json"
"$HOJO_BIN" calc "$case_file" >"$work/calc.json"
cmp -s "$work/back-calc.json" "$work/calc.json" || { echo "bench/30-workbook.sh: import changed the case" >&2; exit 1; }

hyperfine -N --warmup 5 --min-runs 30 --export-json "$work/export.json" \
  "$HOJO_BIN export $case_file -o $work/out.xlsx --force" \
  "/usr/bin/python3 $here/peer_workbook.py $case_file $work/peer-out.xlsx" >/dev/null 2>&1
hyperfine -N --warmup 5 --min-runs 30 --export-json "$work/import.json" \
  "$HOJO_BIN import $work/hojo.xlsx" \
  "/usr/bin/python3 -c 'import openpyxl,sys; openpyxl.load_workbook(sys.argv[1])' $work/hojo.xlsx" >/dev/null 2>&1
rss_kb() { /usr/bin/time -v "$@" 2>&1 >/dev/null | sed -n 's/.*Maximum resident set size (kbytes): //p'; }
export_rss=$(rss_kb "$HOJO_BIN" export "$case_file" -o "$work/rss.xlsx" --force)
import_rss=$(rss_kb "$HOJO_BIN" import "$work/hojo.xlsx")
peer_rss=$(rss_kb /usr/bin/python3 "$here/peer_workbook.py" "$case_file" "$work/rss-peer.xlsx")
echo "| hojo export, 20 trainees, 申請書類一式 .xlsx (whole process) | $(mean_ms "$work/export.json" 0) ms (CPU $(cpu_ms "$work/export.json" 0) ms), peak $((export_rss / 1024)) MB | < 30 ms, ≥ 10× the peer | openpyxl script writing the same workbook: $(mean_ms "$work/export.json" 1) ms (CPU $(cpu_ms "$work/export.json" 1) ms), peak $((peer_rss / 1024)) MB; Hojo $(ratio "$work/export.json" 0 1)× faster |"
echo "| hojo import of that workbook (whole process) | $(mean_ms "$work/import.json" 0) ms (CPU $(cpu_ms "$work/import.json" 0) ms), peak $((import_rss / 1024)) MB | < 30 ms | openpyxl load_workbook of it: $(mean_ms "$work/import.json" 1) ms (CPU $(cpu_ms "$work/import.json" 1) ms) |"
