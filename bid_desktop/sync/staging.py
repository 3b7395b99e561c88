"""Where decrypted package contents are staged: the app's own data folder, never the system
temp folder (names and phones, UU PDP 27/2022).

Staging folders live in ``bid-staging/`` beside the database (the database is in the app's
data folder) and are removed when the work ends; a merge killed half-way leaves its folder
behind, so every start removes what is left there (``clean_leftovers``). A folder in use holds
an OS lock on its ``in-use`` file (released by the OS when the process dies, even killed), so
a start — the window, or a CLI command while the window merges or syncs live — never removes
another process's folder.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

FOLDER = "bid-staging"
_LOCK = "in-use"


def staging_root(db_path: Path | str) -> Path:
    return Path(db_path).resolve().parent / FOLDER


def _try_lock(handle: IO[bytes]) -> bool:
    """An exclusive, non-blocking OS lock on ``handle``; False when another process holds it."""
    try:
        if sys.platform == "win32":
            import msvcrt

            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


class StagingDir:
    """A private, locked folder for one piece of work (``cleanup()`` removes it)."""

    def __init__(self, db_path: Path | str | None, prefix: str, root: Path | None = None):
        if root is None and db_path is not None:
            root = staging_root(db_path)
        if root is not None:
            root.mkdir(mode=0o700, parents=True, exist_ok=True)
        self.path = Path(tempfile.mkdtemp(prefix=prefix, dir=root))
        self._lock: IO[bytes] | None = open(self.path / _LOCK, "wb")  # noqa: SIM115
        _try_lock(self._lock)

    def cleanup(self) -> None:
        if self._lock is not None:
            self._lock.close()
            self._lock = None
        shutil.rmtree(self.path, ignore_errors=True)


@contextmanager
def staging_dir(
    db_path: Path | str | None, prefix: str, root: Path | None = None
) -> Iterator[Path]:
    """A private folder for one piece of work, beside ``db_path`` (or in ``root``; the system
    temp folder only without either)."""
    folder = StagingDir(db_path, prefix, root)
    try:
        yield folder.path
    finally:
        folder.cleanup()


def _in_use(folder: Path) -> bool:
    lock = folder / _LOCK
    if not lock.exists():
        return False
    try:
        with open(lock, "ab") as handle:
            return not _try_lock(handle)  # closing the handle releases a lock we took
    except OSError:
        return True  # cannot tell: leave it


def clean_leftovers(db_path: Path | str) -> int:
    """Remove staging folders a killed run left beside ``db_path`` (not those another running
    process holds); how many were removed."""
    root = staging_root(db_path)
    if not root.is_dir():
        return 0
    removed = 0
    for leftover in root.iterdir():
        if leftover.is_dir():
            if _in_use(leftover):
                continue
            shutil.rmtree(leftover, ignore_errors=True)
        else:
            leftover.unlink(missing_ok=True)
        removed += 1
    return removed
