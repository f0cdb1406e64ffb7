# Windows: the command line and the desktop app cross-compiled for x86_64-pc-windows-gnu (Debian's mingw-w64)
# in release, as shipped; then under Wine (Debian's wine64) the command line on a path with Japanese names and
# spaces in the user's profile, each result compared with the Linux build's (scripts/windows/cli-under-wine.sh),
# and the library's unit tests and the database file tests (tests/store_files.rs: the owner-only ACL of the
# database and its backups) run as Windows programs. Wine has no WebView2, so the desktop app is built, not run
# (the release workflow runs it on a Windows runner). About 11 minutes cold, half a minute warm.
set -euo pipefail
target=x86_64-pc-windows-gnu
out="$CARGO_TARGET_DIR/$target/release"

cargo build --locked --release --target "$target" --bin hojo 2>&1
# The code only Windows compiles (src/owner_only.rs, #[cfg(windows)] tests) under the same gate as the rest.
cargo clippy --locked --target "$target" --lib --tests -- -D warnings 2>&1
[ -f ui/dist/index.html ] || (cd ui && npm run --silent build)
cargo build --locked --release --target "$target" -p hojo-desktop 2>&1
for file in hojo.exe hojo-desktop.exe WebView2Loader.dll; do
  [ -s "$out/$file" ] || { echo "missing: $out/$file" >&2; exit 1; }
  echo "    $file: $(($(stat -c %s "$out/$file") / 1024)) KiB"
done
headers="$(x86_64-w64-mingw32-objdump -p "$out/hojo-desktop.exe")"
grep -q "Subsystem.*(Windows GUI)" <<<"$headers" \
  || { echo "hojo-desktop.exe is not a GUI program (a console window would open beside it)" >&2; exit 1; }

cargo build --locked --bin hojo 2>&1
bash scripts/windows/cli-under-wine.sh "$out/hojo.exe" "$CARGO_TARGET_DIR/debug/hojo"

# The library's unit tests and the database file tests as Windows programs (a debug build: no LTO to wait for).
mapfile -t tests < <(cargo test --locked --target "$target" --lib --test store_files --no-run \
  --message-format=json 2>/dev/null | sed -n 's/.*"executable":"\([^"]*\/deps\/[^"]*\)".*/\1/p')
[ "${#tests[@]}" = 2 ] || { echo "expected two Windows test programs, got: ${tests[*]}" >&2; exit 1; }
bash scripts/windows/run-under-wine.sh "${tests[@]}"
