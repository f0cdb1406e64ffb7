# The screens in Debian's Chromium (playwright-core), on the built UI with the IPC mocked: every screen, the
# validation messages beside their fields, IME composition, the keyboard path.
set -euo pipefail
cd ui
npm run --silent build:mock
node --test tests/ui/ 2>&1
