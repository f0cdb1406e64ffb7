# The app's idle memory before and after a 5 MB receipt scan is attached on 経費 and listed (target: it grows by
# less than the file), in the real app under Xvfb on a 実績報告 of its own database. HOJO_APP_BINARY names the app
# to measure (the debug build of scripts/build-app will do); else the release build, as bench/60-app.sh.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
app="${HOJO_APP_BINARY:-}"
if [ -z "$app" ]; then
  (cd "$root/ui" && npm run --silent build) >/dev/null 2>&1
  cargo build --release --locked -p hojo-desktop >/dev/null 2>&1
  app="$CARGO_TARGET_DIR/release/hojo-desktop"
fi
export NO_AT_BRIDGE=1
out=$(mktemp)
trap 'rm -f "$out"' EXIT
xvfb-run --auto-servernum --server-args="-screen 0 1366x768x24" dbus-run-session -- \
  node "$root/ui/tests/e2e/bench-receipt-memory.mjs" "$app" 2>/dev/null >"$out"
# Lines: <all|app> <pss|uss> before attached listed growth file <MB>
read -r _ _ pss_before _ _ pss_growth _ _ < <(grep '^all pss' "$out")
read -r _ _ uss_before _ _ uss_growth _ size < <(grep '^all uss' "$out")
read -r _ _ _ _ _ app_growth _ _ < <(grep '^app uss' "$out")
echo "| app: idle memory after a ${size} MB receipt scan is attached on 経費 and listed (app + WebKit processes) | +${uss_growth} MB USS (+${pss_growth} MB PSS; before: ${uss_before} MB USS, ${pss_before} MB PSS); the app's own process +${app_growth} MB USS | < +${size} MB (the file) | — |"
