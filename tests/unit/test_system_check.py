"""`make` on a fresh Debian/Ubuntu machine: before creating .venv it checks for Python's venv
module and the libraries Qt loads, and prints the one apt-get line for what is missing."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHECK = ROOT / "packaging" / "check-system"
QT_LIBS = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
}


def python_without_venv(tmp: Path) -> Path:
    """This Python as Debian ships it before `apt-get install python3-venv`: ensurepip absent."""
    stub = tmp / "no-venv"
    stub.mkdir()
    (stub / "ensurepip.py").write_text("raise ImportError('ensurepip is not installed')\n")
    fake = tmp / "python3"
    fake.write_text(f'#!/bin/sh\nPYTHONPATH={stub} exec {sys.executable} "$@"\n')
    fake.chmod(0o755)
    return fake


def library_list(tmp: Path, present: list[str]) -> str:
    """An `ldconfig -p` listing with only ``present``; the command that prints it."""
    listing = tmp / "ldconfig.txt"
    lines = [f"\t{name} (libc6,x86-64) => /lib/x86_64-linux-gnu/{name}" for name in present]
    listing.write_text(
        f"{len(present)} libs found in cache `/etc/ld.so.cache'\n" + "\n".join(lines)
    )
    return f"cat {listing}"


def run_check(
    python: Path | str, ldconfig: str, screen: bool = False
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LDCONFIG": ldconfig, "QT_QPA_PLATFORM": "offscreen"}
    if screen:  # a desktop session: Qt will use its xcb plugin
        env.update(DISPLAY=":0", QT_QPA_PLATFORM="")
    return subprocess.run(["sh", str(CHECK), str(python)], capture_output=True, text=True, env=env)


def apt_line(stderr: str) -> list[str]:
    (line,) = re.findall(r"apt-get install -y (.+)", stderr)
    return line.split()


def test_missing_venv_and_qt_libraries_give_one_apt_line(tmp_path: Path):
    present = [lib for lib in QT_LIBS if lib not in ("libEGL.so.1", "libxkbcommon-x11.so.0")]
    done = run_check(python_without_venv(tmp_path), library_list(tmp_path, present))
    assert done.returncode == 1
    packages = apt_line(done.stderr)
    assert packages[:3] == ["python3-venv", "libegl1", "libxkbcommon-x11-0"]
    assert set(packages) <= {"python3-venv", "libegl1", "libxkbcommon-x11-0", "fonts-dejavu-core"}


def test_a_complete_machine_passes_silently(tmp_path: Path):
    done = run_check(sys.executable, library_list(tmp_path, list(QT_LIBS)))
    fonts = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf").exists()
    assert (done.returncode, done.stderr) == ((0, "") if fonts else (1, done.stderr))


def test_a_real_screen_also_needs_the_xcb_plugin_libraries(tmp_path: Path):
    done = run_check(sys.executable, library_list(tmp_path, list(QT_LIBS)), screen=True)
    assert done.returncode == 1
    xcb = [p for p in apt_line(done.stderr) if p.startswith("libxcb")]
    # what Qt's xcb plugin loads that a fresh Debian 12 lacks (PyInstaller lists them)
    assert xcb == [
        "libxcb-cursor0",
        "libxcb-icccm4",
        "libxcb-image0",
        "libxcb-keysyms1",
        "libxcb-render-util0",
        "libxcb-shape0",
        "libxcb-util1",
    ]


def test_ci_installs_every_package_the_check_asks_for():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    for package in [*QT_LIBS.values(), "fonts-dejavu-core"]:
        assert re.search(rf"\s{re.escape(package)}\s", ci), f".ci/run does not install {package}"


def test_make_stops_before_creating_the_venv(tmp_path: Path):
    """The README's first command on a machine without python3-venv: the apt-get line, no
    half-made .venv, no pip run."""
    for name in (
        "Makefile",
        "pyproject.toml",
        "packaging/check-system",
        "packaging/constraints.txt",
    ):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, tmp_path / name)
    tools = tmp_path / "tools"
    tools.mkdir()
    env = {**os.environ, "LDCONFIG": library_list(tools, list(QT_LIBS))}
    python = python_without_venv(tools)
    done = subprocess.run(
        ["make", "test", f"PY={python}"], cwd=tmp_path, capture_output=True, text=True, env=env
    )
    assert done.returncode != 0
    assert apt_line(done.stderr)[0] == "python3-venv"
    assert not (tmp_path / ".venv").exists()
