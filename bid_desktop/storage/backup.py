"""Verified, rotating backups with SQLite's online backup API."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from bid_desktop.storage.paths import sqlite_uri

BACKUP_PREFIX = "bid-backup-"


class BackupError(Exception):
    pass


def integrity_ok(path: Path) -> bool:
    con = sqlite3.connect(sqlite_uri(path), uri=True)
    try:
        return con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    except sqlite3.DatabaseError:
        return False
    finally:
        con.close()


def backup_database(
    db_path: Path, out_dir: Path, *, reason: str = "manual", keep: int = 10
) -> Path:
    """Copy a live database consistently, verify the copy, keep the newest ``keep`` copies."""
    out_dir.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = out_dir / f"{BACKUP_PREFIX}{db_path.stem}-{stamp}-{reason}.sqlite"
    tmp = target.with_suffix(".part")
    src = sqlite3.connect(str(db_path))
    dst = sqlite3.connect(str(tmp))
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    if not integrity_ok(tmp):
        tmp.unlink(missing_ok=True)
        raise BackupError(f"{target.name}: integrity_check failed on the copy")
    tmp.replace(target)
    _rotate(out_dir, db_path.stem, keep)
    return target


def _rotate(out_dir: Path, stem: str, keep: int) -> None:
    copies = sorted(out_dir.glob(f"{BACKUP_PREFIX}{stem}-*.sqlite"))
    for old in copies[:-keep] if keep > 0 else []:
        old.unlink(missing_ok=True)


def list_backups(out_dir: Path) -> list[Path]:
    return sorted(out_dir.glob(f"{BACKUP_PREFIX}*.sqlite"), reverse=True)


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
    if db_path.exists():
        kept = backup_database(
            db_path, safety_dir or db_path.parent / "backups", reason="before-restore", keep=keep
        )
    # SQLite's online backup API writes the backup into the live file as one write
    # transaction: a connection another thread opens meanwhile (the status bar's 5-second
    # count) waits or sees the old or the new database, never a half-replaced file or a
    # stale -wal beside a new main file.
    source = sqlite3.connect(sqlite_uri(backup), uri=True)
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
