"""The wheel ships every subpackage, the migrations and the resources (pyproject.toml lists
packages explicitly; migrations/ and resources/ become bid_desktop.migrations / .resources),
builds without setuptools warnings, and, installed into a fresh virtual environment (not
editable, nothing of the checkout on the path), runs `demo`, `check` and opens the window."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

from bid_desktop.storage.db import head_revision

ROOT = Path(__file__).resolve().parents[2]
MAPPED = {"bid_desktop.migrations": "migrations", "bid_desktop.resources": "resources"}
CONSTRAINTS = ROOT / "packaging" / "constraints.txt"


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


def resource_folders() -> set[str]:
    """Every folder below resources/ (data only: listed so setuptools ships it quietly)."""
    return {
        "bid_desktop.resources." + ".".join(p.relative_to(ROOT / "resources").parts)
        for p in (ROOT / "resources").rglob("*")
        if p.is_dir() and "__pycache__" not in p.parts
    }


def test_every_subpackage_is_listed():
    missing = (source_packages() | resource_folders()) - listed_packages()
    assert not missing, f"add to [tool.setuptools] packages in pyproject.toml: {sorted(missing)}"


def test_every_listed_package_exists():
    for name in listed_packages():
        top = name.split(".")[:2]
        mapped = MAPPED.get(".".join(top))
        folder = (
            ROOT / mapped / Path(*name.split(".")[2:]) if mapped else ROOT / Path(*name.split("."))
        )
        if name.startswith("bid_desktop.resources."):
            assert folder.is_dir(), f"{name}: no folder {folder}"
        else:
            assert (folder / "__init__.py").exists(), f"{name}: no {folder}/__init__.py"


def test_no_code_finds_files_from_its_own_path():
    """resources/ and migrations/ only through importlib.resources (bid_desktop/shipped.py):
    a path built from __file__ breaks once installed (site-packages/resources/...)."""
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "bid_desktop").rglob("*.py")
        if "__file__" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []


def _copy_sources(to: Path) -> None:
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in ("bid_desktop", "migrations", "resources"):
        shutil.copytree(ROOT / name, to / name, ignore=ignore)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, to / name)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """(the wheel, the build's output): built once from a copy of the sources, so the
    checkout's build/ stays out of concurrent runs."""
    tmp = tmp_path_factory.mktemp("wheel")
    _copy_sources(tmp / "src")
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-v", "-w", str(tmp), str(tmp / "src")],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    (wheel,) = tmp.glob("bid_desktop-*.whl")
    return wheel, done.stdout + done.stderr


def test_wheel_builds_without_setuptools_warnings(built: tuple[Path, str]):
    _, output = built
    for warning in ("BuildBackendWarning", "SetuptoolsDeprecationWarning", "absent from the"):
        assert warning not in output, f"setuptools warns while building the wheel: {warning}"


def test_wheel_carries_migrations_and_resources(built: tuple[Path, str], tmp_path: Path):
    wheel, _ = built
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
        "from bid_desktop.services.demo import menu_path; "
        "print(migrations_dir()); print(resources_dir()); print(menu_path()); "
        "print(head_revision())"
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
    menu = site / "resources" / "demo" / "menu-inovasi-contoh.csv"
    assert out[:3] == [str(site / "migrations"), str(site / "resources"), str(menu)]
    assert out[3] == head_revision()


def _clean_env(home: Path) -> dict[str, str]:
    """The environment of a user's shell: no PYTHONPATH, no checkout, a home of its own."""
    keep = ("PATH", "LANG", "PIP_FIND_LINKS", "PIP_CERT", "PIP_DEFAULT_TIMEOUT")
    env = {k: v for k, v in os.environ.items() if k in keep}
    env.update(HOME=str(home), QT_QPA_PLATFORM="offscreen", XDG_RUNTIME_DIR=str(home))
    return env


@pytest.mark.packaging
def test_installed_wheel_runs_demo_check_and_window(built: tuple[Path, str], tmp_path: Path):
    """pip install of the wheel (not -e) into a fresh venv, with the pinned versions; the
    pip cache makes the second run quick (~20 s, most of it unpacking Qt)."""
    wheel, _ = built
    venv, home = tmp_path / "venv", tmp_path / "home"
    home.mkdir()
    env = _clean_env(home)
    env["PIP_CACHE_DIR"] = os.environ.get("PIP_CACHE_DIR", str(Path.home() / ".cache" / "pip"))
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, env=env)
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "-q"]
    done = subprocess.run(
        [*pip, "-c", str(CONSTRAINTS), str(wheel)], capture_output=True, text=True, env=env
    )
    assert done.returncode == 0, done.stderr[-3000:]
    app, db = venv / "bin" / "bid-desktop", home / "demo.sqlite"

    def run(*args: str) -> str:
        result = subprocess.run(
            [str(app), *args], capture_output=True, text=True, cwd=home, env=env, timeout=300
        )
        assert result.returncode == 0, f"bid-desktop {args}: {result.stderr[-3000:]}"
        return result.stdout

    assert "2 stasiun" in run("demo", "--db", str(db), "--stations", "2")
    assert ": baik (" in run("check", "--db", str(db))  # Indonesian unless --lang en
    assert "[Registrasi]" in run("--db", str(db), "--smoke")
    # the English translation ships too
    assert "[Registration]" in run("--db", str(db), "--smoke", "--lang", "en")
