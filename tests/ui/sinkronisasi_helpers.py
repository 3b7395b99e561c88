"""Shared pieces of the Sinkronisasi UI tests: two laptops of one event, the tab on one of
them, a database dump to prove "nothing changed"."""

from __future__ import annotations

import datetime as dt
import sqlite3
import uuid
from pathlib import Path

from bid_desktop.storage.db import Database
from bid_desktop.storage.models import Participant
from bid_desktop.ui.sinkronisasi.tab import SinkronisasiTab
from tests.ui.tabs import open_tab, settle_tab

EVENT = "0190f000-0000-7000-8000-00000000e501"
DESA = "18.06.20.2001"
PIN = "123456"


def settle(tab: SinkronisasiTab, rounds: int = 6) -> None:
    settle_tab(tab, rounds)


def make_tab(qtbot, db) -> SinkronisasiTab:  # type: ignore[no-untyped-def]
    return open_tab(qtbot, SinkronisasiTab, db, 6)


def dump(db: Database) -> list[str]:
    """Every table's rows as SQL text (a committed-state snapshot, WAL included)."""
    con = sqlite3.connect(str(db.path))
    try:
        return list(con.iterdump())
    finally:
        con.close()


def walkin(db: Database, number: str, name: str, phone: str = "", checked: bool = False) -> str:
    pid = str(uuid.uuid4())
    with db.begin() as s:
        s.add(
            Participant(
                id=pid,
                event_id=EVENT,
                number=number,
                name=name,
                desa_code=DESA,
                phone=phone,
                jabatan="Kepala Desa",
                checked_in_at=dt.datetime(2026, 11, 25, 8, 5) if checked else None,
            )
        )
    return pid


def packages_in(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.bidsync"))
