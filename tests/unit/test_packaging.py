"""The wheel ships every subpackage, the migrations and the resources (pyproject.toml lists
packages explicitly; migrations/ and resources/ become bid_desktop.migrations / .resources)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

from bid_desktop.storage.db import head_revision

ROOT = Path(__file__).resolve().parents[2]
MAPPED = {"bid_desktop.migrations": "migrations", "bid_desktop.resources": "resources"}


def listed_packages() -> set[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    setuptools = config["tool"]["setuptools"]
    assert setuptools["package-dir"] == MAPPED
    return set(setuptools["packages"])


def source_packages() -> set[str]:
    """Every folder of bid_desktop/ that holds Python code (with or without __init__.py)."""
    found = set()
    for module in (ROOT / "bid_desktop").rglob("*.py"):
        if "__pycache__" not in module.parts:
            found.add(".".join(module.parent.relative_to(ROOT).parts))
    return found


def test_every_subpackage_is_listed():
    missing = source_packages() - listed_packages()
    assert not missing, f"add to [tool.setuptools] packages in pyproject.toml: {sorted(missing)}"


def test_every_listed_package_exists():
    for name in listed_packages():
        top = name.split(".")[:2]
        mapped = MAPPED.get(".".join(top))
        folder = (
            ROOT / mapped / Path(*name.split(".")[2:]) if mapped else ROOT / Path(*name.split("."))
        )
        assert (folder / "__init__.py").exists(), f"{name}: no {folder}/__init__.py"


def _copy_sources(to: Path) -> None:
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in ("bid_desktop", "migrations", "resources"):
        shutil.copytree(ROOT / name, to / name, ignore=ignore)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, to / name)


def test_wheel_carries_migrations_and_resources(tmp_path: Path):
    src = tmp_path / "src"
    _copy_sources(src)  # build a copy: the checkout's build/ stays out of concurrent runs
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(src)],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("bid_desktop-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        archive.extractall(tmp_path / "site")
    expected = {
        f"bid_desktop/migrations/{p.relative_to(ROOT / 'migrations').as_posix()}"
        for p in (ROOT / "migrations").rglob("*")
        if p.is_file() and p.suffix in {".py", ".mako"} and "__pycache__" not in p.parts
    }
    expected |= {
        f"bid_desktop/resources/{p.relative_to(ROOT / 'resources').as_posix()}"
        for p in (ROOT / "resources").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"
    }
    assert expected <= names, f"missing from the wheel: {sorted(expected - names)[:10]}"
    # The installed package finds its own migrations and resources, not the checkout's.
    code = (
        "from bid_desktop.storage.db import migrations_dir, head_revision; "
        "from bid_desktop.ui.i18n import resources_dir; "
        "print(migrations_dir()); print(resources_dir()); print(head_revision())"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(tmp_path / "site"), "QT_QPA_PLATFORM": "offscreen"},
    ).stdout.split()
    site = tmp_path / "site" / "bid_desktop"
    assert out[:2] == [str(site / "migrations"), str(site / "resources")]
    assert out[2] == head_revision()
