# The application workbook in LibreOffice: every formula recalculated by LibreOffice (its own profile, set to
# recalculate on load) equals the result Hojo cached; printed to PDF no amount shows as ###; a workbook saved by
# LibreOffice or edited with openpyxl reads back. Needs libreoffice-calc, poppler-utils, python3-openpyxl and
# fonts-ipafont (scripts/apt-packages.txt). About 15 seconds.
set -euo pipefail
cargo test --locked --test workbook_libreoffice -- --ignored 2>&1
