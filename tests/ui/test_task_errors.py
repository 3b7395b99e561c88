"""Issue 12, item 6 in the window: a full disk during any task (an import's INSERT of names
and phones, a PDF) reaches the screen as one line naming the file, never the SQL or rows."""

from __future__ import annotations

import errno
import sqlite3

from sqlalchemy.exc import OperationalError

from bid_desktop.services.errors import UserError
from bid_desktop.ui.tasks import TaskManager


def _run(qtbot, fn) -> BaseException:  # type: ignore[no-untyped-def]
    tasks = TaskManager()
    caught: list[BaseException] = []
    tasks.run(fn, None, caught.append)
    qtbot.waitUntil(lambda: bool(caught))
    tasks.shutdown()
    return caught[0]


def test_database_full_shows_no_sql_and_no_names(qtbot):
    def insert() -> None:
        raise OperationalError(
            "INSERT INTO participant (name, phone) VALUES (?, ?)",
            [("Siti Rahmawati", "+6281234567890")],
            sqlite3.OperationalError("database or disk is full"),
        )

    shown = _run(qtbot, insert)
    assert isinstance(shown, UserError)
    assert str(shown) == "basis data: disk penuh"


def test_output_file_full_names_only_the_file(qtbot):
    def write() -> None:
        raise OSError(errno.ENOSPC, "No space left on device", "/home/siti/flashdisk/badge.pdf")

    shown = _run(qtbot, write)
    assert isinstance(shown, UserError) and str(shown) == "badge.pdf: disk penuh"
