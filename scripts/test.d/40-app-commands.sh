# The desktop app's commands through Tauri's IPC on the mock runtime (tauri::test), and the TypeScript bindings
# checked against the Rust types. Builds the screens first: the app embeds them.
set -euo pipefail
scripts/build-app >/dev/null
cargo test -p hojo-desktop --locked 2>&1
