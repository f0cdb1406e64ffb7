# End to end on the real app: the debug binary with the screens embedded, driven by tauri-driver and
# WebKitWebDriver under Xvfb in its own D-Bus session, on a temporary database (HOJO_DB); the exported
# workbook's amounts are read back with calamine (`hojo import`).
set -euo pipefail
binary="$(scripts/build-app)"
cargo build --locked --bin hojo 2>&1
export HOJO_APP_BINARY="$binary" HOJO_CLI_BINARY="$CARGO_TARGET_DIR/debug/hojo" NO_AT_BRIDGE=1
xvfb-run --auto-servernum --server-args="-screen 0 1366x768x24" \
  dbus-run-session -- node --test ui/tests/e2e/ 2>&1
