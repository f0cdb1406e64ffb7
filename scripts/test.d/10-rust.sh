# The library, its adapters and the `hojo` command line: unit tests beside the code, integration tests in tests/.
set -euo pipefail
cargo test --locked --all-targets 2>&1
