"""What is wrong with a database file before it is opened, and the way back (issue 12).

``diagnose`` runs at start (and in ``check``): a missing file (perhaps a stick with another
drive letter), ``-wal``/``-shm`` without their database, a write-protected medium, a damaged
file (``PRAGMA quick_check``), a newer app's schema. The window shows each in words and
offers what helps: create only when asked, restore the last verified backup, copy a file
from read-only media to this laptop. Nothing here deletes a file.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from bid_desktop.services.backups import default_backup_folder
from bid_desktop.storage import retention
from bid_desktop.storage.backup import integrity_problem, ro_uri, writable
from bid_desktop.storage.db import SIDECARS, file_revision, known_revisions


class State(Enum):
    OK = "ok"
    MISSING = "missing"  # no file: ask before creating an empty one
    ORPHANS = "orphans"  # -wal/-shm without their database: report, never discard
    READ_ONLY = "read-only"  # healthy, on a medium that cannot be written
    CORRUPT = "corrupt"  # quick_check failed or not an SQLite file
    NEWER = "newer"  # written by a newer version of the app


@dataclass(frozen=True)
class Diagnosis:
    path: Path
    state: State
    detail: str = ""  # SQLite's complaint, the newer revision...
    sidecars: list[Path] = field(default_factory=list)


def orphan_sidecars(path: Path) -> list[Path]:
    return [Path(f"{path}{s}") for s in SIDECARS if Path(f"{path}{s}").exists()]


def diagnose(path: Path) -> Diagnosis:
    path = Path(path)
    if not path.exists():
        orphans = orphan_sidecars(path)
        if orphans:
            return Diagnosis(path, State.ORPHANS, sidecars=orphans)
        return Diagnosis(path, State.MISSING)
    problem = integrity_problem(path, quick=True)
    if problem is not None:
        return Diagnosis(path, State.CORRUPT, problem)
    revision = file_revision(path)
    if revision is not None and revision not in known_revisions():
        return Diagnosis(path, State.NEWER, revision)
    if not writable(path):
        return Diagnosis(path, State.READ_ONLY)
    return Diagnosis(path, State.OK)


def _backup_dir_in(path: Path) -> Path | None:
    """The backup folder a (maybe damaged) database names, if it can still be read."""
    try:
        con = sqlite3.connect(ro_uri(path), uri=True)
        try:
            row = con.execute("SELECT backup_dir FROM station_state WHERE id = 1").fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        return None
    return Path(row[0]) if row and row[0] else None


def last_good_backup(path: Path, folders: list[Path] | None = None) -> Path | None:
    """The newest (by creation order) backup of this database that passes ``integrity_check``
    and has a schema revision this app knows: the backup folder beside it, and the one the
    database names when it can still be read."""
    path = Path(path)
    candidates = list(folders or [])
    named = _backup_dir_in(path) if path.exists() else None
    candidates += [c for c in (named, default_backup_folder(path)) if c is not None]
    copies: list[retention.Copy] = []
    for folder in dict.fromkeys(candidates):
        if folder.is_dir():
            copies += retention.copies_of(folder, path.stem)
    for copy in sorted(copies, key=lambda c: c.order, reverse=True):
        if integrity_problem(copy.path) is None and file_revision(copy.path) in known_revisions():
            return copy.path
    return None


def copy_to(path: Path, target: Path) -> Path:
    """A single-file copy of a (read-only) database at ``target``, which must not exist."""
    if target.exists():
        raise FileExistsError(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".part")
    src = sqlite3.connect(ro_uri(path), uri=True)
    try:
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    finally:
        src.close()
    tmp.replace(target)
    return target
