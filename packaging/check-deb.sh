#!/usr/bin/env bash
# Install the .deb (packaging/build-deb.sh) as a laptop would, with apt pulling what it
# Depends on, start it through /usr/bin (packaging/smoke-app.sh), check the desktop entry and
# the .bidsync MIME type are registered, then remove it. Needs root. Usage:
# packaging/check-deb.sh [deb]
set -euo pipefail
cd "$(dirname "$0")/.."
DEB=$(realpath "${1:-$(ls dist/bid-desktop_*.deb | head -1)}")
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -qq --no-install-recommends "$DEB" >/dev/null
trap 'dpkg -r bid-desktop >/dev/null' EXIT
bash packaging/smoke-app.sh bid-desktop
grep -qx "MimeType=application/x-bidsync;" /usr/share/applications/bid-desktop.desktop
grep -qx "Exec=bid-desktop %f" /usr/share/applications/bid-desktop.desktop
if command -v update-mime-database >/dev/null; then  # shared-mime-info: dpkg's trigger ran
  grep -q "application/x-bidsync:\*\.bidsync" /usr/share/mime/globs2
fi
echo "deb install ok: $(dpkg-query -W bid-desktop)"
