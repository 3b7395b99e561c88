"""``bid-desktop check``: integrity, sync invariants and duplicated human numbers."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from bid_desktop.services import keystore
from bid_desktop.services.errors import InputRefused
from bid_desktop.services.recovery import copy_to, orphan_sidecars
from bid_desktop.storage.backup import integrity_problem, ro_uri, writable
from bid_desktop.storage.db import file_revision, known_revisions, open_database
from bid_desktop.sync import audit_chain
from bid_desktop.sync.invariants import verify_invariants
from bid_desktop.sync.staging import FOLDER, staging_dir

_COLLISIONS = (
    ("nomor peserta", "participant", "number", "NOT voided"),
    ("nomor piagam", "piagam", "serial", "serial <> ''"),
)


def check_database(db_path: Path) -> list[str]:
    """``bid-desktop check``: problems found (empty = healthy).

    ``PRAGMA integrity_check`` of the file, then the sync invariants (live rows = what the
    version history says, conflict rows consistent) and human numbers that two laptops gave
    twice (synced tables have no unique constraints, so a merge never fails on them; a reused
    station code shows up here).
    """
    db_path = Path(db_path)
    if not db_path.exists():
        sidecars = ", ".join(p.name for p in orphan_sidecars(db_path))
        extra = f" (tetapi ada {sidecars}: jangan dihapus)" if sidecars else ""
        raise InputRefused(f"{db_path.name}: berkas: basis data tidak ditemukan{extra}")
    problem = integrity_problem(db_path)
    if problem is not None:
        return [f"integrity_check: berkas SQLite rusak ({problem[:100]})"]
    revision = file_revision(db_path)
    if revision is not None and revision not in known_revisions():
        return [f"revisi: basis data dari versi aplikasi yang lebih baru ({revision})"]
    if not writable(db_path):  # read-only media: check a copy on this laptop
        # the copy holds names and phones: this user's data folder, not the system temp
        with staging_dir(None, "bid-check-", keystore.data_dir() / FOLDER) as tmp:
            return _deep_checks(copy_to(db_path, Path(tmp) / db_path.name))
    return _deep_checks(db_path)


def _deep_checks(db_path: Path) -> list[str]:
    try:
        return _invariants(db_path)
    except (sqlite3.DatabaseError, DBAPIError) as exc:
        return [f"berkas SQLite rusak: {getattr(exc, 'orig', None) or exc}"[:200]]


def _invariants(db_path: Path) -> list[str]:
    db = open_database(db_path, migrate_now=False)
    try:
        problems = verify_invariants(db)
        with db.engine.connect() as conn:
            for label, table, column, live in _COLLISIONS:
                rows = conn.exec_driver_sql(
                    f'SELECT {column}, COUNT(*) FROM "{table}" WHERE {live} '
                    f"GROUP BY event_id, {column} HAVING COUNT(*) > 1 ORDER BY {column} LIMIT 6"
                ).all()
                if rows:
                    shown = ", ".join(f"{value} ×{n}" for value, n in rows[:5])
                    problems.append(f"{label} ganda: {shown}")
    finally:
        db.dispose()
    return problems + _audit_chains(db_path)


def _audit_chains(db_path: Path) -> list[str]:
    """Each station's audit entries: unchanged, no gap, no fork (sync/audit_chain.py)."""
    conn = sqlite3.connect(ro_uri(db_path), uri=True)
    try:
        columns = {row[1] for row in conn.execute("PRAGMA table_info(audit_entry)")}
        return audit_chain.verify(conn) if "hash" in columns else []
    finally:
        conn.close()
