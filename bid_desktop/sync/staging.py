"""Where decrypted package contents are staged: the app's own data folder, never the system
temp folder (names and phones, UU PDP 27/2022).

Staging folders live in ``bid-staging/`` beside the database (the database is in the app's
data folder) and are removed when the work ends; a merge killed half-way leaves its folder
behind, so every start removes what is left there (``clean_leftovers``).
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

FOLDER = "bid-staging"


def staging_root(db_path: Path | str) -> Path:
    return Path(db_path).resolve().parent / FOLDER


@contextmanager
def staging_dir(db_path: Path | str | None, prefix: str) -> Iterator[Path]:
    """A private folder for one piece of work, beside ``db_path`` (system temp without one)."""
    root: Path | None = None
    if db_path is not None:
        root = staging_root(db_path)
        root.mkdir(mode=0o700, parents=True, exist_ok=True)
    path = Path(tempfile.mkdtemp(prefix=prefix, dir=root))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def clean_leftovers(db_path: Path | str) -> int:
    """Remove staging folders a killed run left beside ``db_path``; how many were removed."""
    root = staging_root(db_path)
    if not root.is_dir():
        return 0
    removed = 0
    for leftover in root.iterdir():
        if leftover.is_dir():
            shutil.rmtree(leftover, ignore_errors=True)
        else:
            leftover.unlink(missing_ok=True)
        removed += 1
    return removed
