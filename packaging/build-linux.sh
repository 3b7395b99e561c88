#!/usr/bin/env bash
# Build the wheel (dist/), install it with the pinned versions (packaging/constraints.txt)
# into a clean build venv, bundle that with PyInstaller into dist/bid-desktop/ and start the
# bundle (packaging/smoke-app.sh). Usage: packaging/build-linux.sh [python]
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${1:-python3}
# PyInstaller reads the libraries' dependencies with objdump and bundles Python's shared
# library (Debian ships it apart from python3): ask for both at once, before building.
missing=""
command -v objdump >/dev/null || missing="$missing binutils"
libpython=$("$PY" -c 'import sysconfig as s, os; print(os.path.join(*map(s.get_config_var, ("LIBDIR", "INSTSONAME"))))')
[ -e "$libpython" ] || missing="$missing $(basename "$libpython" | sed 's/\.so.*//')"
if [ -n "$missing" ]; then
  echo "The bundle needs:$missing. Install them once: apt-get install -y$missing" >&2
  exit 1
fi
VENV=build/bundle-venv
rm -rf "$VENV" dist/bid-desktop dist/bid_desktop-*.whl build/lib build/bdist.*  # no stale files
"$PY" -m venv "$VENV"
"$VENV/bin/python" -m pip wheel -q --no-deps -w dist .
"$VENV/bin/python" -m pip install -q -c packaging/constraints.txt dist/bid_desktop-*.whl pyinstaller
# the entry script, not `python -m`: the checkout must not be on the analysis' path
"$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/bid-desktop.spec
test -f dist/bid-desktop/_internal/bid_desktop/resources/guide/panduan-id.html
test -f dist/bid-desktop/_internal/bid_desktop/migrations/env.py
bash packaging/smoke-app.sh dist/bid-desktop/bid-desktop
echo "bundle ok: $(du -sh dist/bid-desktop | cut -f1) in dist/bid-desktop; wheel: $(ls dist/*.whl)"
