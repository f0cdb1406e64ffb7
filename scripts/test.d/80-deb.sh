# The Debian package as a hospital installs it: `tauri build --bundles deb` (the release build scripts/run starts),
# the .deb's control data and files checked, installed into a throwaway root with `dpkg -x` (no root rights, the
# machine's packages untouched), and the installed binary started under Xvfb on a database of its own until its
# first screen is drawn with its data (HOJO_REPORT_READY / HOJO_EXIT_WHEN_READY, src-tauri/src/commands.rs).
set -euo pipefail
deb="$(scripts/build-app --release --deb)"
echo "    $(basename "$deb"): $(($(stat -c %s "$deb") / 1024)) KiB"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

field() { dpkg-deb --field "$deb" "$1"; }
[ "$(field Package)" = hojo ] || { echo "Package: $(field Package)" >&2; exit 1; }
[ "$(field Architecture)" = amd64 ] || { echo "Architecture: $(field Architecture)" >&2; exit 1; }
for needed in libwebkit2gtk-4.1-0 libgtk-3-0; do
  field Depends | grep -q "$needed" || { echo "Depends lacks $needed: $(field Depends)" >&2; exit 1; }
done

root="$work/root"
dpkg -x "$deb" "$root"
for file in usr/bin/hojo-desktop usr/share/applications/Hojo.desktop usr/share/icons/hicolor/128x128/apps/hojo-desktop.png; do
  [ -s "$root/$file" ] || { echo "not in the package: /$file" >&2; (cd "$root" && find . -type f) >&2; exit 1; }
done
grep -qx "Exec=hojo-desktop" "$root/usr/share/applications/Hojo.desktop" \
  || { echo "the menu entry does not start hojo-desktop:" >&2; cat "$root/usr/share/applications/Hojo.desktop" >&2; exit 1; }
grep -qx "Categories=Office;" "$root/usr/share/applications/Hojo.desktop" \
  || { echo "the menu entry is not under Office:" >&2; cat "$root/usr/share/applications/Hojo.desktop" >&2; exit 1; }

# Started as installed: the window opens and draws its first screen from its own database, then quits.
export HOJO_DB="$work/hojo.sqlite3" HOJO_REPORT_READY=1 HOJO_EXIT_WHEN_READY=1 NO_AT_BRIDGE=1
xvfb-run --auto-servernum --server-args="-screen 0 1366x768x24" \
  dbus-run-session -- timeout 120 "$root/usr/bin/hojo-desktop" >"$work/out" 2>"$work/err" && status=0 || status=$?
if [ "$status" != 0 ] || ! grep -q "^hojo-ready " "$work/out"; then
  echo "the installed app did not draw its first screen (exit $status):" >&2
  cat "$work/out" "$work/err" >&2
  exit 1
fi
[ -s "$HOJO_DB" ] || { echo "the installed app made no database at HOJO_DB" >&2; exit 1; }
echo "    the installed app started, drew its first screen and made its database: 1 passed, 0 failed"
