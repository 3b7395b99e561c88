"""Windows packaging (built and installed on a Windows runner by
.github/workflows/windows-installer.yml; checked here as far as Linux can): the PyInstaller
recipe makes a windowed app plus a console CLI with the icon, the installer is x64-only,
needs no unofficial language file, associates .bidsync with the app, and the build script
stops when a step fails."""

from __future__ import annotations

import re
import sys
import types
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

ROOT = Path(__file__).resolve().parents[2]
WINDOWS = ROOT / "packaging" / "windows"
ISS = (WINDOWS / "bid-desktop.iss").read_text(encoding="utf-8")


def run_spec(monkeypatch: pytest.MonkeyPatch, platform: str) -> list[dict[str, Any]]:
    """Execute packaging/bid-desktop.spec with PyInstaller's build objects recorded; the
    programs (EXE) it asks for."""
    programs: list[dict[str, Any]] = []
    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_data_files = lambda *a, **k: []  # type: ignore[attr-defined]
    hooks.collect_submodules = lambda *a, **k: []  # type: ignore[attr-defined]
    for name in ("PyInstaller", "PyInstaller.utils"):
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name))
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.hooks", hooks)
    monkeypatch.setattr(sys, "platform", platform)
    spec = ROOT / "packaging" / "bid-desktop.spec"
    namespace = {
        "SPECPATH": str(spec.parent),
        "Analysis": lambda *a, **k: types.SimpleNamespace(scripts=[], pure=[], binaries=[], **k),
        "PYZ": lambda *a, **k: object(),
        "EXE": lambda *a, **k: programs.append(k) or k,
        "COLLECT": lambda *a, **k: None,
    }
    exec(compile(spec.read_text(encoding="utf-8"), str(spec), "exec"), namespace)
    return programs


def test_windows_gets_a_windowed_app_and_a_console_cli(monkeypatch: pytest.MonkeyPatch):
    programs = {p["name"]: p for p in run_spec(monkeypatch, "win32")}
    assert programs.keys() == {"bid-desktop", "bid-desktop-cli"}
    assert programs["bid-desktop"]["console"] is False  # closing a console cannot kill it
    assert programs["bid-desktop-cli"]["console"] is True
    for program in programs.values():
        assert Path(program["icon"]) == ROOT / "resources" / "icons" / "bid-desktop.ico"


def test_linux_gets_one_program(monkeypatch: pytest.MonkeyPatch):
    [program] = run_spec(monkeypatch, "linux")
    assert program["name"] == "bid-desktop" and program["console"] is True
    assert program["icon"] is None  # PyInstaller ignores it there; the .deb installs the PNG


def test_icon_carries_every_windows_size():
    with Image.open(ROOT / "resources" / "icons" / "bid-desktop.ico") as icon:
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(icon.info["sizes"])
    with Image.open(ROOT / "resources" / "icons" / "bid-desktop.png") as png:
        assert png.size == (256, 256)


def test_installer_is_x64_only_with_stock_languages():
    assert "ArchitecturesAllowed=x64compatible" in ISS
    assert "ArchitecturesInstallIn64BitMode=x64compatible" in ISS
    assert "compiler:Languages\\Indonesian.isl" not in ISS  # not in a stock Inno Setup
    languages = re.findall(r'^Name: "\w+"; MessagesFile: "([^"]+)"', ISS, re.M)
    assert languages == ["Indonesian.isl", "compiler:Default.isl"]
    assert '#if FileExists(AddBackslash(SourcePath) + "Indonesian.isl")' in ISS
    icon = re.search(r"^SetupIconFile=(.+)$", ISS, re.M)
    assert icon and (WINDOWS / icon.group(1).replace("\\", "/")).resolve().exists()


def test_installer_opens_bidsync_files_in_the_windowed_app():
    assert '#define AppExe "bid-desktop.exe"' in ISS and "ChangesAssociations=yes" in ISS
    assert (
        'Subkey: "Software\\Classes\\{#ProgId}\\shell\\open\\command"; ValueType: string; '
        'ValueName: ""; ValueData: """{app}\\{#AppExe}"" ""%1"""'
    ) in ISS
    assert 'Subkey: "Software\\Classes\\.bidsync"; ValueType: string; ValueName: ""; ' in ISS


def test_build_script_stops_at_a_failing_step():
    script = (WINDOWS / "build-windows.ps1").read_text(encoding="utf-8")
    assert "if ($LASTEXITCODE -ne 0) { throw" in script
    # every native program runs through Invoke-Step (ISCC included) or has its exit checked
    for line in script.splitlines():
        if line.lstrip().startswith("& "):
            assert "$exe @rest" in line, line
    assert "Invoke-Step $iscc" in script
    assert "-c packaging\\constraints.txt" in script
    workflow = (ROOT / ".github" / "workflows" / "windows-installer.yml").read_text("utf-8")
    assert "build-windows.ps1" in workflow and "check-installer.ps1" in workflow
