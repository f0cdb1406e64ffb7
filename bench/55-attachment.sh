# A receipt's 5 MB scan attached, listed and written out (benches/attachment.rs): the rise of the process's peak
# resident memory against the file's size (goal: ≤ the file's size: streamed, never held twice). Peer: the same
# file through Python's sqlite3 stored the usual way (read whole, one BLOB parameter, read back whole).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
figures=$(cargo bench --quiet --bench attachment -- --bench 2>/dev/null)
value() { echo "$figures" | sed -n "s/^$1=//p"; }
work=$(value attachment_keep_dir)
trap 'rm -rf "$work"' EXIT
peer=$(/usr/bin/python3 "$(dirname "$0")/peer_attachment.py" "$(value attachment_scan_path)" "$work")
echo "| database: attach a $(value attachment_file_mb) MB scan, list, write it out — peak memory rise | $(value attachment_growth_mb) MB ($(value attachment_growth_ratio)× the file; attach $(value attachment_attach_ms) ms) | ≤ the file's size | Python sqlite3, the file read whole and bound as one BLOB: $peer MB |"
