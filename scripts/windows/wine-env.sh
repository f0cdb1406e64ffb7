# Wine for the Windows tests; sourced by cli-under-wine.sh and run-under-wine.sh, not run.
# wine_setup FOLDER: a Wine prefix ready, and FOLDER/bin holding the stand-in bcryptprimitives.dll built from its
# source (Wine 8 has no ProcessPrng, which Rust's standard library calls). Windows programs copied into
# FOLDER/bin load it from beside them; the build's own .exe never has it beside it, so it cannot be shipped.
wine="$(command -v wine64 || echo /usr/lib/wine/wine64)"
wineserver="$(command -v wineserver || echo /usr/lib/wine/wineserver)"
# One prefix (Wine's C: drive and registry) kept between runs: creating it takes about 12 s.
export WINEPREFIX="${HOJO_WINEPREFIX:-$HOME/.cache/hojo/wine-prefix}"
# No debug chatter, no Mono or Gecko installers (console programs need neither); UTF-8, so that Wine converts
# Japanese arguments and paths to UTF-16 correctly.
export WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=" LC_ALL=C.UTF-8
unset DISPLAY WAYLAND_DISPLAY

wine_setup() {
  local folder="$1" source
  source="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/bcryptprimitives.c"
  mkdir -p "$folder/bin"
  x86_64-w64-mingw32-gcc -O2 -shared -s -o "$folder/bin/bcryptprimitives.dll" "$source" -ladvapi32
  if [ ! -f "$WINEPREFIX/system.reg" ]; then
    echo "    creating the Wine prefix $WINEPREFIX"
    "$wine" wineboot --init >/dev/null 2>&1
    # wineboot leaves its server running while it writes the registry: wait for it, so that the prefix is whole
    # and the persistent server below can start (it refuses, exit 2, while another serves the prefix).
    "$wineserver" -w
  fi
  # One server for all the commands (it ends 60 s after the last); one already running serves as well.
  "$wineserver" -p 60 || [ $? = 2 ]
}

# Ends this prefix's Wine server (and only it).
wine_stop() { "$wineserver" -k 2>/dev/null || true; }
