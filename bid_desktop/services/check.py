"""``bid-desktop check``: integrity, sync invariants and duplicated human numbers."""

from __future__ import annotations

from pathlib import Path

from bid_desktop.services.errors import InputRefused
from bid_desktop.storage.backup import integrity_ok
from bid_desktop.storage.db import open_database
from bid_desktop.sync.invariants import verify_invariants

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
        raise InputRefused(f"{db_path.name}: berkas: basis data tidak ditemukan")
    if not integrity_ok(db_path):
        return ["integrity_check: berkas SQLite rusak"]
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
    return problems
