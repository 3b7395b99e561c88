"""The files that ship with the code: ``resources/`` and ``migrations/``.

Both live at the top of the checkout (style.md) and ship inside the wheel as the packages
``bid_desktop.resources`` and ``bid_desktop.migrations`` (pyproject.toml maps them), so they
are always found through ``importlib.resources``: in a checkout (the editable install maps
the packages to the folders), in an installed wheel, in the PyInstaller bundle (built from
the wheel) and in the .deb. No path is ever built from a module's own location.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def _package_dir(package: str) -> Path:
    # Installed as plain files (not zipped): the Traversable is a real folder.
    return Path(str(resources.files(package)))


def resources_dir() -> Path:
    """``resources/``: templates, translations, user guide, demo menu, icons."""
    return _package_dir("bid_desktop.resources")


def resource(*parts: str) -> Path:
    """One file or folder below ``resources/``."""
    return resources_dir().joinpath(*parts)


def migrations_dir() -> Path:
    """The alembic scripts (``env.py``, ``versions/``)."""
    return _package_dir("bid_desktop.migrations")
