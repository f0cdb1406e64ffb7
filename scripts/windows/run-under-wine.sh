# Runs Windows test programs (Rust's test harness, built for x86_64-pc-windows-gnu) under Wine, each from a copy
# beside the stand-in bcryptprimitives.dll, and fails when one fails. Wine's own exit code is not trusted alone:
# a program Wine could not load exits 0 having printed nothing, so each must print its harness's result line.
# Usage: bash scripts/windows/run-under-wine.sh TEST.exe ... (run by scripts/test.d/70-windows.sh).
set -euo pipefail
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/wine-env.sh"
work="$(mktemp -d)"
trap 'wine_stop; rm -rf "$work"' EXIT
wine_setup "$work"
cd "$work"
for test in "$@"; do
  name="$(basename "$test")"
  cp "$test" "$work/bin/$name"
  echo "    $name (Windows, under Wine)"
  "$wine" "$work/bin/$name" >"$work/$name.log" 2>&1 && status=0 || status=$?
  tr -d '\r' <"$work/$name.log" | grep -E "^test result:|FAILED|panicked" | sed 's/^/    /'
  if [ "$status" != 0 ] || ! tr -d '\r' <"$work/$name.log" | grep -q "^test result: ok\."; then
    tr -d '\r' <"$work/$name.log" | tail -40 >&2
    echo "    $name failed under Wine (exit $status)" >&2
    exit 1
  fi
done
