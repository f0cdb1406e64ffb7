# 名簿の読み込み: `hojo meibo` on the Saitama 名簿 (35,541 rows) as a whole process (target < 0.3 s and ≥ 10× the
# same job in Python with openpyxl read-only, measured in the same run), its peak memory (target < 100 MB), a
# Tokyo-sized file of 80,000 rows built from it (target < 0.6 s), and a sheet with 1,000,000 empty rows (memory).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
here="$(dirname "$0")"
saitama="$here/../tests/fixtures/meibo/meibo-11-saitama-r0710.xlsx"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
/usr/bin/python3 "$here/meibo-make.py" tokyo "$saitama" "$work/tokyo-size.xlsx" 80000
/usr/bin/python3 "$here/meibo-make.py" empty "$saitama" "$work/empty-rows.xlsx" 1000000

# Both must list the same hospitals, or the comparison means nothing.
"$HOJO_BIN" meibo "$saitama" 2>/dev/null | sort > "$work/hojo.txt"
/usr/bin/python3 "$here/meibo-peer.py" "$saitama" | sort > "$work/peer.txt"
if ! cmp -s "$work/hojo.txt" "$work/peer.txt"; then
  echo "bench/40-meibo.sh: hojo and the Python peer list different hospitals" >&2
  diff "$work/hojo.txt" "$work/peer.txt" >&2 || true
  exit 1
fi

hyperfine -N --warmup 3 --min-runs 20 --export-json "$work/saitama.json" \
  "$HOJO_BIN meibo $saitama" "/usr/bin/python3 $here/meibo-peer.py $saitama" >/dev/null 2>&1
hyperfine -N --warmup 2 --min-runs 10 --export-json "$work/tokyo.json" \
  "$HOJO_BIN meibo $work/tokyo-size.xlsx" "/usr/bin/python3 $here/meibo-peer.py $work/tokyo-size.xlsx" >/dev/null 2>&1

# cpu_ms FILE.json INDEX: user + system CPU time per run, in ms (what the 2 shared cores' load does not inflate).
cpu_ms() {
  python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results'][int(sys.argv[2])]; print('%.0f' % ((r['user'] + r['system']) * 1000))" "$1" "$2"
}
# peak_mb COMMAND…: the maximum resident set size of a run, in MB.
peak_mb() {
  /usr/bin/time -f "%M" "$@" 2>&1 >/dev/null | tail -1 | awk '{printf "%.0f", $1 / 1024}'
}
ratio=$(python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results']; print('%.1f' % (r[1]['mean'] / r[0]['mean']))" "$work/saitama.json")
tokyo_ratio=$(python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results']; print('%.1f' % (r[1]['mean'] / r[0]['mean']))" "$work/tokyo.json")
echo "| hojo meibo, Saitama 名簿 (35,541 rows), whole process | $(mean_ms "$work/saitama.json" 0) ms (CPU $(cpu_ms "$work/saitama.json" 0) ms) | < 300 ms, ≥ 10× the peer | openpyxl read-only (bench/meibo-peer.py): $(mean_ms "$work/saitama.json" 1) ms (CPU $(cpu_ms "$work/saitama.json" 1) ms); Hojo ${ratio}× faster |"
echo "| hojo meibo, Saitama 名簿, peak memory | $(peak_mb "$HOJO_BIN" meibo "$saitama") MB | < 100 MB | openpyxl: $(peak_mb /usr/bin/python3 "$here/meibo-peer.py" "$saitama") MB |"
echo "| hojo meibo, Tokyo-sized 名簿 (80,000 rows), whole process | $(mean_ms "$work/tokyo.json" 0) ms (CPU $(cpu_ms "$work/tokyo.json" 0) ms) | < 600 ms | openpyxl: $(mean_ms "$work/tokyo.json" 1) ms (CPU $(cpu_ms "$work/tokyo.json" 1) ms); Hojo ${tokyo_ratio}× faster |"
echo "| hojo meibo, Tokyo-sized 名簿, peak memory | $(peak_mb "$HOJO_BIN" meibo "$work/tokyo-size.xlsx") MB | — | openpyxl: $(peak_mb /usr/bin/python3 "$here/meibo-peer.py" "$work/tokyo-size.xlsx") MB |"
echo "| hojo meibo, Saitama 名簿 + 1,000,000 empty rows, peak memory | $(peak_mb "$HOJO_BIN" meibo "$work/empty-rows.xlsx") MB | bounded (< 100 MB) | openpyxl: $(peak_mb /usr/bin/python3 "$here/meibo-peer.py" "$work/empty-rows.xlsx") MB |"
