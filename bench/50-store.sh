# The database at 10 hospitals × 50 trainees × 5 年度 with receipts and monthly 人件費 (benches/store.rs builds
# it): open it and load one application's case (target < 20 ms), one edit committed (target < 5 ms).
# Peers: the sqlite3 command line running the same query, the same data kept as an Excel sheet (openpyxl), and
# the same edit through Python's sqlite3 with the same durability (WAL, synchronous FULL).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
work=$(mktemp -d)
ram="/dev/shm/hojo-bench-$$.sqlite3"
trap 'rm -rf "$work" "$ram" "$ram-wal" "$ram-shm" "$ram.backups"' EXIT
db="$work/hojo.sqlite3"
figures=$(cargo bench --quiet --bench store -- --bench --db "$db" --ram-db "$ram" 2>/dev/null)
value() { echo "$figures" | sed -n "s/^$1=//p"; }

query="SELECT t.name, co.qualification, co.enrolled_on, co.ends_on, c.certified, c.tuition_completed_in_year,
  (SELECT group_concat(item || '=' || total) FROM (SELECT item, sum(amount) AS total FROM cost_entry e WHERE e.claim_id = c.id GROUP BY item)),
  (SELECT group_concat(month || '=' || amount) FROM salary_month m WHERE m.claim_id = c.id)
  FROM claim c JOIN course co ON co.id = c.course_id JOIN trainee t ON t.id = co.trainee_id
  JOIN application a ON a.id = c.application_id JOIN hospital h ON h.id = a.hospital_id
  WHERE h.name = '病院05' AND a.fiscal_year = 2026 ORDER BY c.position"
echo "$query" > "$work/query.sql"
/usr/bin/python3 "$(dirname "$0")/peer_store.py" sheet-make "$db" "$work/costs.xlsx"
hyperfine -N --warmup 5 --min-runs 30 --export-json "$work/case.json" \
  "$HOJO_BIN db --db $db case --year 2026 --hospital 病院05" \
  "sqlite3 -readonly $db -cmd '.read $work/query.sql' .quit" >/dev/null 2>&1
hyperfine -N --warmup 1 --min-runs 3 --export-json "$work/sheet.json" \
  "/usr/bin/python3 $(dirname "$0")/peer_store.py sheet-load $work/costs.xlsx 病院05 2026" >/dev/null 2>&1
peer_edit=$(/usr/bin/python3 "$(dirname "$0")/peer_store.py" edit "$db")

echo "| database: open + load one 年度's case, in the app (library; $(value store_rows) rows, $(value store_size_mb) MB) | $(value store_open_load_ms) ms | < 20 ms | — |"
echo "| database: \`hojo db case\` of one 年度, whole process | $(mean_ms "$work/case.json" 0) ms | < 20 ms | sqlite3 CLI, same query: $(mean_ms "$work/case.json" 1) ms; the same costs as an Excel sheet (openpyxl): $(mean_ms "$work/sheet.json" 0) ms |"
echo "| database: one edit committed (synchronous FULL, on disk when it returns) | $(value store_edit_ms) ms (p95 $(value store_edit_p95_ms) ms) | < 5 ms | Python sqlite3, same SQL and durability: $peer_edit ms |"
echo "| database: one edit, its own cost (copy in RAM, no disk sync) | $(value store_edit_ram_ms) ms | — | — |"
