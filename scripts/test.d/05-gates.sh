# Gates before any test: the code is formatted (rustfmt.toml), clippy finds nothing with -D warnings in any crate
# or target, the screens type-check (tsc, strict), setup left the committed npm lock as it is, and the workflows
# pass actionlint.
set -euo pipefail
cargo fmt --all --check
# The desktop crate embeds ui/dist at compile time (tauri::generate_context!), so clippy needs the screens built;
# a fresh clone has none.
[ -f ui/dist/index.html ] || (cd ui && npm run --silent build)
cargo clippy --locked --workspace --all-targets -- -D warnings 2>&1
(cd ui && npx --no-install tsc --noEmit -p tsconfig.json)
if ! git diff --quiet -- ui/package-lock.json 2>/dev/null; then
  echo "ui/package-lock.json changed during setup: commit the lock that npm install writes" >&2
  exit 1
fi
# The GitHub workflows (the release's) pass actionlint (installed by scripts/setup).
"$HOME/.cache/hojo/tools/bin/actionlint" .github/workflows/*.yml
