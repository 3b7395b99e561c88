#!/usr/bin/env bash
# Wrap the Linux bundle (packaging/build-linux.sh) into dist/bid-desktop_VERSION_ARCH.deb:
# the bundle in /opt/bid-desktop, /usr/bin/bid-desktop, a desktop entry that opens .bidsync
# files, the application/x-bidsync MIME type and the icon. dpkg's triggers refresh the MIME
# and desktop databases on install. Usage: packaging/build-deb.sh [bundle dir] [out dir]
set -euo pipefail
cd "$(dirname "$0")/.."
BUNDLE=${1:-dist/bid-desktop}
OUT=${2:-dist}
VERSION=$(sed -n 's/^version = "\(.*\)"$/\1/p' pyproject.toml)
ARCH=$(dpkg --print-architecture)
test -x "$BUNDLE/bid-desktop"
root=$(mktemp -d)
chmod 755 "$root"
trap 'rm -rf "$root"' EXIT
share=$root/usr/share
install -d "$root/DEBIAN" "$root/opt" "$root/usr/bin" "$share/applications" \
  "$share/mime/packages" "$share/icons/hicolor/256x256/apps"
cp -a "$BUNDLE" "$root/opt/bid-desktop"
ln -s /opt/bid-desktop/bid-desktop "$root/usr/bin/bid-desktop"
install -m 644 packaging/linux/bid-desktop.desktop "$share/applications/"
install -m 644 packaging/linux/bid-desktop-mime.xml "$share/mime/packages/bid-desktop.xml"
install -m 644 resources/icons/bid-desktop.png "$share/icons/hicolor/256x256/apps/"
# Qt's own libraries are in the bundle; these come from the system: what Qt loads offscreen,
# its xcb plugin's libraries for a screen, CUPS to list printers (badges, piagam).
cat > "$root/DEBIAN/control" <<CONTROL
Package: bid-desktop
Version: $VERSION
Architecture: $ARCH
Maintainer: Tim Inovasi Kabupaten <bid-desktop@localhost>
Installed-Size: $(du -sk "$root" | cut -f1)
Depends: libegl1, libgl1, libxkbcommon0, libxkbcommon-x11-0, libfontconfig1, libdbus-1-3,
 libglib2.0-0 | libglib2.0-0t64, libxcb-cursor0, libxcb-icccm4, libxcb-image0,
 libxcb-keysyms1, libxcb-render-util0, libxcb-shape0, libxcb-util1,
 libcups2 | libcups2t64, fonts-dejavu-core
Recommends: shared-mime-info, desktop-file-utils
Section: misc
Priority: optional
Description: Bursa Inovasi Desa, offline (BID Desktop)
 Registration desk, bursa rooms, consultation tables, Jendela 3 (piagam),
 USB synchronisation (.bidsync packages), recap and follow-up of a village
 innovation fair, on laptops without internet.
CONTROL
mkdir -p "$OUT"
deb="$OUT/bid-desktop_${VERSION}_${ARCH}.deb"
dpkg-deb --root-owner-group -Zgzip --build "$root" "$deb" >/dev/null
echo "deb ok: $deb ($(du -h "$deb" | cut -f1))"
