# Shared environment of the project's scripts; sourced, not run.
# One target folder outside the clone, so a fresh clone (and CI on a warm machine) does not rebuild the world.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/hojo/target}"
export PATH="$HOME/.cargo/bin:$PATH"
HOJO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export HOJO_ROOT
