"""Verified, rotating, single-file backups with SQLite's online backup API.

A copy is written to ``<name>.part``, switched to rollback-journal mode (one self-contained
file: no ``-wal``/``-shm`` beside it, ever), checked with ``PRAGMA integrity_check``, synced
and renamed. Which copies stay is ``retention``'s business (creation order, age, clock jumps);
free space is checked first: old copies make room, and when even that is not enough the copy
is refused (``BackupSpaceError``) rather than filling the disk.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

from bid_desktop.storage import retention, sealed
from bid_desktop.storage.paths import sqlite_uri
from bid_desktop.storage.retention import BACKUP_PREFIX

__all__ = ["BACKUP_PREFIX", "BackupError", "BackupSpaceError", "backup_database"]

MIN_RESERVE = 256 * 1024 * 1024  # free space left on the disk after a copy, at least


class BackupError(Exception):
    pass


class BackupSpaceError(BackupError):
    """Not enough free space for a copy, even after old copies made room."""

    def __init__(self, folder: Path, needed: int, free: int):
        super().__init__(f"{folder}: ruang disk tidak cukup")
        self.folder, self.needed, self.free = folder, needed, free


def ro_uri(path: Path) -> str:
    """A read-only SQLite URI for ``path`` (any characters: ( ) % # ? ö); ``immutable`` where
    the file or its folder cannot be written (a write-protected stick), since SQLite cannot
    create the ``-shm`` a WAL database needs there and would call a healthy file unreadable."""
    uri = sqlite_uri(path)  # percent-encoded, drive letters too (storage/paths.py)
    if not writable(path):
        uri += "&immutable=1"
    return uri


def writable(path: Path) -> bool:
    path = Path(path)
    return os.access(path.parent, os.W_OK) and (not path.exists() or os.access(path, os.W_OK))


def integrity_ok(path: Path) -> bool:
    return integrity_problem(path) is None


def integrity_problem(path: Path, *, quick: bool = False) -> str | None:
    """None when ``path`` is a healthy SQLite file, else SQLite's first complaint."""
    if not Path(path).is_file():
        return "berkas tidak ditemukan"
    try:
        con = sqlite3.connect(ro_uri(path), uri=True)
    except sqlite3.Error as exc:
        return str(exc)
    try:
        pragma = "quick_check" if quick else "integrity_check"
        row = con.execute(f"PRAGMA {pragma}").fetchone()
        return None if row and row[0] == "ok" else str(row[0] if row else "kosong")
    except sqlite3.DatabaseError as exc:
        return str(exc)
    finally:
        con.close()


def _reserve(size: int) -> int:
    return max(MIN_RESERVE, size)


def needed_space(db_path: Path) -> int:
    wal = Path(f"{db_path}-wal")
    return db_path.stat().st_size + (wal.stat().st_size if wal.exists() else 0)


def make_room(
    db_path: Path,
    out_dir: Path,
    *,
    reserve: int | None = None,
    free_space: Callable[[Path], int] | None = None,
) -> None:
    """Delete old copies of this database (oldest first, never a protected one) until a new
    copy fits with ``reserve`` bytes to spare; ``BackupSpaceError`` when it cannot."""
    size = needed_space(db_path)
    spare = _reserve(size) if reserve is None else reserve
    free_of = free_space or (lambda p: shutil.disk_usage(p).free)
    prunable = retention.prunable(out_dir, db_path.stem)
    free = free_of(out_dir)
    if free + sum(_size(c.path) for c in prunable) < size + spare:
        raise BackupSpaceError(out_dir, size + spare, free)  # nothing deleted in vain
    while free_of(out_dir) < size + spare and prunable:
        prunable.pop(0).path.unlink(missing_ok=True)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _remove_part(tmp: Path) -> None:
    for junk in (tmp, Path(f"{tmp}-journal"), Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        junk.unlink(missing_ok=True)


def _copy(source: str, tmp: Path, *, uri: bool = False) -> None:
    src = sqlite3.connect(source, uri=uri, timeout=60)
    try:
        dst = sqlite3.connect(str(tmp))
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        finally:
            dst.close()
    finally:
        src.close()


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems (FAT sticks on Windows) cannot sync a folder
    finally:
        os.close(fd)


def backup_database(
    db_path: Path,
    out_dir: Path,
    *,
    reason: str = "manual",
    keep: int = 10,
    now: dt.datetime | None = None,
    reserve: int | None = None,
    free_space: Callable[[Path], int] | None = None,
    seal_with: tuple[bytes, str] | None = None,
) -> Path:
    """Copy a live database consistently, verify the copy, then rotate (``retention``).

    ``seal_with`` = (event key, event id): the verified copy is made in the database's own
    folder and only its encryption (``sealed``) is written to ``out_dir`` (a USB stick)."""
    db_path, out_dir = Path(db_path), Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    make_room(db_path, out_dir, reserve=reserve, free_space=free_space)
    made = now or dt.datetime.now()
    target = out_dir / retention.file_name(db_path.stem, retention.next_seq(out_dir), made, reason)
    work = db_path.parent if seal_with else out_dir  # plaintext never touches the stick
    tmp = work / f".{target.name}.part"
    sealed_tmp = out_dir / f".{target.name}{sealed.SUFFIX}.part"
    try:
        _copy(str(db_path), tmp)
        problem = integrity_problem(tmp)
        if problem is not None:
            raise BackupError(f"{target.name}: integrity_check gagal pada salinan ({problem})")
        if seal_with is not None:
            sealed.seal(tmp, sealed_tmp, *seal_with)
            sealed.unseal(sealed_tmp, None, seal_with[0])  # verify what was written
            target = target.with_name(target.name + sealed.SUFFIX)
            sealed_tmp.replace(target)
        else:
            _fsync(tmp)
            tmp.replace(target)
    finally:
        _remove_part(tmp)
        sealed_tmp.unlink(missing_ok=True)
    _fsync(out_dir)
    retention.rotate(out_dir, db_path.stem, keep)
    return target


def list_backups(out_dir: Path) -> list[Path]:
    """Every backup in ``out_dir``, newest first by creation order (not by clock)."""
    paths = list(out_dir.glob(f"{BACKUP_PREFIX}*.sqlite")) + list(
        out_dir.glob(f"{BACKUP_PREFIX}*.sqlite{sealed.SUFFIX}")
    )
    found = [(c.order, p) for p in paths if (c := retention.parse(p))]
    legacy = [p for p in paths if retention.parse(p) is None]
    return [p for _o, p in sorted(found, reverse=True)] + sorted(legacy, reverse=True)


def restore_database(
    backup: Path, db_path: Path, *, safety_dir: Path | None = None, keep: int = 10
) -> Path | None:
    """Put a verified backup in place of the database; the current one is kept aside first
    (in ``safety_dir``, rotating with ``keep`` like any backup there)."""
    if not backup.exists():
        raise BackupError(f"{backup}: file not found")
    if not integrity_ok(backup):
        raise BackupError(f"{backup}: integrity_check failed; not restored")
    kept: Path | None = None
    if db_path.exists() and integrity_ok(db_path):
        kept = backup_database(
            db_path, safety_dir or db_path.parent / "backups", reason="before-restore", keep=keep
        )
    # SQLite's online backup API writes the backup into the live file as one write
    # transaction: a connection another thread opens meanwhile (the status bar's 5-second
    # count) waits or sees the old or the new database, never a half-replaced file or a
    # stale -wal beside a new main file.
    db_path.parent.mkdir(parents=True, exist_ok=True)
    source = sqlite3.connect(ro_uri(backup), uri=True)
    target = sqlite3.connect(db_path, timeout=60)
    try:
        source.backup(target)
        ok = target.execute("PRAGMA integrity_check").fetchone()
    finally:
        source.close()
        target.close()
    if not ok or ok[0] != "ok":
        raise BackupError(f"{db_path}: integrity_check failed after restore")
    return kept
