"""The .deb (packaging/build-deb.sh): the bundle under /opt, /usr/bin/bid-desktop, a desktop
entry that opens .bidsync files, the MIME type (by name and by the package's magic bytes),
the icon. Built here around a stand-in bundle; CI wraps the real one and installs it
(packaging/check-deb.sh)."""

from __future__ import annotations

import configparser
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from bid_desktop.sync.package import MAGIC

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(LINUX / "bid-desktop.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_opens_bidsync_files_with_the_app():
    entry = desktop_entry()
    assert entry["Type"] == "Application" and entry["Terminal"] == "false"
    assert entry["Exec"] == "bid-desktop %f"  # one file: the import preview (cli.py)
    assert entry["Icon"] == "bid-desktop"
    assert entry["MimeType"] == "application/x-bidsync;"


def test_mime_type_matches_the_glob_and_the_package_magic():
    (mime,) = ET.parse(LINUX / "bid-desktop-mime.xml").getroot().iter(f"{MIME_NS}mime-type")
    assert mime.get("type") == "application/x-bidsync"
    assert [g.get("pattern") for g in mime.iter(f"{MIME_NS}glob")] == ["*.bidsync"]
    (match,) = mime.iter(f"{MIME_NS}match")
    assert (match.get("value") or "").encode() == MAGIC and match.get("offset") == "0"


@pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="needs dpkg-deb (Debian)")
def test_deb_wraps_the_bundle_with_entry_mime_type_and_icon(tmp_path: Path):
    bundle = tmp_path / "bundle"
    (bundle / "_internal").mkdir(parents=True)
    (bundle / "_internal" / "base_library.zip").write_bytes(b"stand-in")
    app = bundle / "bid-desktop"
    app.write_text("#!/bin/sh\necho bid-desktop 0.1.0\n")
    app.chmod(0o755)
    out = tmp_path / "out"
    subprocess.run(
        ["bash", str(ROOT / "packaging" / "build-deb.sh"), str(bundle), str(out)],
        check=True,
        capture_output=True,
    )
    (deb,) = out.glob("bid-desktop_0.1.0_*.deb")
    fields = subprocess.run(
        ["dpkg-deb", "-f", str(deb), "Package", "Version", "Depends"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert "Package: bid-desktop" in fields and "Version: 0.1.0" in fields
    assert "libxkbcommon-x11-0" in fields and "libxcb-cursor0" in fields
    listing = subprocess.run(
        ["dpkg-deb", "-c", str(deb)], check=True, capture_output=True, text=True
    ).stdout
    for path in (
        "./opt/bid-desktop/bid-desktop",
        "./opt/bid-desktop/_internal/base_library.zip",
        "./usr/bin/bid-desktop -> /opt/bid-desktop/bid-desktop",
        "./usr/share/applications/bid-desktop.desktop",
        "./usr/share/mime/packages/bid-desktop.xml",
        "./usr/share/icons/hicolor/256x256/apps/bid-desktop.png",
    ):
        assert path in listing, f"{path} not in the .deb"
    assert "rwxr-xr-x root/root" in next(
        line for line in listing.splitlines() if line.endswith("./opt/bid-desktop/bid-desktop")
    )


def test_deb_depends_on_every_library_the_system_check_asks_for():
    """The .deb carries no Python but needs what a checkout needs from the system for Qt
    (packaging/check-system), screen and fonts included."""
    check = (ROOT / "packaging" / "check-system").read_text(encoding="utf-8")
    asked = set(re.findall(r"\.so\.[0-9]+=([a-z0-9.+-]+)", check))
    asked |= set(re.findall(r"need (fonts-[a-z-]+)", check))
    build = (ROOT / "packaging" / "build-deb.sh").read_text(encoding="utf-8")
    depends = re.search(r"^Depends: (.+?)\n[A-Z]", build, re.M | re.S)
    assert depends is not None
    listed = set(re.findall(r"[a-z0-9][a-z0-9.+-]+", depends.group(1)))
    assert len(asked) >= 15 and asked <= listed, sorted(asked - listed)
