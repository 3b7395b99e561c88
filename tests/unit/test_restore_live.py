"""A restore while other connections to the database are open (the status bar counts every
5 s on the UI thread): they see the restored data, never a half-replaced file."""

from __future__ import annotations

import threading
from pathlib import Path

from sqlalchemy import func, select

from bid_desktop.storage.backup import backup_database, integrity_ok, restore_database
from bid_desktop.storage.db import Database
from bid_desktop.storage.models import Desa


def _desa_names(db: Database) -> list[str]:
    with db.begin() as s:
        return sorted(s.scalars(select(Desa.name)))


def test_restore_under_a_live_reader(db: Database, tmp_path: Path) -> None:
    before = _desa_names(db)
    backup = backup_database(db.path, tmp_path / "cadangan", reason="uji")
    with db.begin() as s:
        for desa in s.scalars(select(Desa)):
            desa.name = desa.name + " (salah ketik)"
    assert _desa_names(db) != before

    errors: list[BaseException] = []
    stop = threading.Event()

    def reader() -> None:  # what the status bar does while the worker restores
        while not stop.is_set():
            try:
                with db.begin() as s:
                    s.scalar(select(func.count()).select_from(Desa))
            except BaseException as exc:  # noqa: BLE001
                errors.append(exc)

    thread = threading.Thread(target=reader)
    thread.start()
    try:
        kept = restore_database(backup, db.path, safety_dir=tmp_path / "aman")
    finally:
        stop.set()
        thread.join()
    assert not errors
    assert kept is not None and integrity_ok(kept)
    # the engine was never disposed: its pooled connections read the restored database
    assert _desa_names(db) == before
    assert integrity_ok(db.path)
