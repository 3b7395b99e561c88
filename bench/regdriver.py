"""Drives the registration screen for P2/P6: the real ``RegistrasiTab`` when it exists, else
the same lookups through an ORM session (what a service does), always beside a raw floor.

The widget path types into the tab's ``ScanBox`` with ``QTest.keyClicks`` (+ Enter for a
scan), waits for the task worker, lets Qt process events, and checks the participant's name
is now shown in one of the tab's labels / tables (so a broken screen cannot pass).
"""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from bench.common import has_module
from bid_desktop.domain.text import search_key
from bid_desktop.storage.db import Database, open_database
from bid_desktop.storage.models import Participant, StationState

TAB = "bid_desktop/ui/registrasi/tab.py"
PAGE = 50


def use_widget() -> bool:
    return has_module(TAB)


def open_province(path: Path) -> tuple[Database, str]:
    db = open_database(path)
    with db.begin() as session:
        state = session.get(StationState, 1)
        assert state is not None and state.event_id
        return db, state.event_id


def sample_numbers(path: Path, event_id: str | None, count: int, seed: int = 3) -> list[str]:
    conn = sqlite3.connect(path)
    where = "WHERE event_id = ?" if event_id else ""
    numbers = [n for (n,) in conn.execute(f"SELECT number FROM participant {where}",
                                          (event_id,) if event_id else ())]  # fmt: skip
    conn.close()
    rng = random.Random(seed)
    return [rng.choice(numbers) for _ in range(count)]


# --- service path (no Qt) ------------------------------------------------------------------


def scan_service(db: Database, event_id: str, number: str) -> dict[str, Any]:
    with db.begin() as session:
        person = session.scalars(
            select(Participant).where(
                Participant.event_id == event_id, Participant.number == number
            )
        ).first()
        assert person is not None, number
        return {"id": person.id, "name": person.name, "checked_in_at": person.checked_in_at}


def search_service(db: Database, event_id: str | None, text: str) -> tuple[int, list[dict]]:
    """Count and first page of participants matching every word typed (filter in SQL)."""
    words = search_key(text).split()
    conds = [Participant.search.like(f"%{w}%") for w in words] or [Participant.id.is_not(None)]
    if event_id:
        conds.append(Participant.event_id == event_id)
    with db.begin() as session:
        total = session.scalar(select(func.count()).select_from(Participant).where(*conds))
        page = session.execute(
            select(Participant.id, Participant.number, Participant.name)
            .where(*conds)
            .order_by(Participant.name)
            .limit(PAGE)
        ).all()
    return int(total or 0), [dict(r._mapping) for r in page]


def floor_scan(conn: sqlite3.Connection, event_id: str, number: str) -> tuple:
    return conn.execute(
        "SELECT id, name, checked_in_at FROM participant WHERE event_id = ? AND number = ?",
        (event_id, number),
    ).fetchone()


def floor_search(conn: sqlite3.Connection, event_id: str | None, text: str) -> int:
    words = search_key(text).split()
    where = " AND ".join(["search LIKE ?"] * len(words)) or "1"
    args: list[str] = [f"%{w}%" for w in words]
    if event_id:
        where += " AND event_id = ?"
        args.append(event_id)
    (total,) = conn.execute(f"SELECT COUNT(*) FROM participant WHERE {where}", args).fetchone()
    conn.execute(
        f"SELECT id, number, name FROM participant WHERE {where} ORDER BY name LIMIT {PAGE}", args
    ).fetchall()
    return int(total)


# --- widget path -----------------------------------------------------------------------------


class TabDriver:
    def __init__(self, db: Database) -> None:
        from PySide6.QtWidgets import QApplication

        from bid_desktop.ui.app import ensure_app
        from bid_desktop.ui.common.scan import ScanBox
        from bid_desktop.ui.context import AppContext
        from bid_desktop.ui.registrasi.tab import RegistrasiTab
        from bid_desktop.ui.tasks import TaskManager

        self.app: QApplication = ensure_app()
        self.ctx = AppContext(db=db, tasks=TaskManager())
        self.tab = RegistrasiTab(self.ctx)
        self.tab.resize(1366, 768)
        self.tab.show()
        boxes = self.tab.findChildren(ScanBox)
        assert boxes, "RegistrasiTab has no ScanBox"
        self.box = boxes[0]
        self.settle()

    def settle(self) -> None:
        self.ctx.tasks.wait()
        self.app.processEvents()
        self.ctx.tasks.wait()
        self.app.processEvents()

    def scan(self, number: str) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        self.box.clear()
        QTest.keyClicks(self.box, number)
        QTest.keyClick(self.box, Qt.Key.Key_Return)
        self.settle()

    def type_key(self, char: str) -> None:
        from PySide6.QtTest import QTest

        QTest.keyClicks(self.box, char)
        # the box debounces: fire the search now, as the timer would
        self.box.searched.emit(self.box.text())
        self.settle()

    def shows(self, text: str) -> bool:
        from PySide6.QtWidgets import QAbstractItemView, QLabel

        for label in self.tab.findChildren(QLabel):
            if text in label.text():
                return True
        for view in self.tab.findChildren(QAbstractItemView):
            model = view.model()
            if model is None:
                continue
            for r in range(min(model.rowCount(), 60)):
                for c in range(model.columnCount()):
                    if text in str(model.index(r, c).data() or ""):
                        return True
        return False
