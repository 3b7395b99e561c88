"""Open a station tab on a real database the way the main window would, and let its worker
finish: what every tab test starts with."""

from __future__ import annotations

from typing import Any, TypeVar

from PySide6.QtWidgets import QApplication, QWidget

from bid_desktop.storage.db import Database
from bid_desktop.ui.context import AppContext
from bid_desktop.ui.tasks import TaskManager

Tab = TypeVar("Tab", bound=QWidget)


def settle_tab(tab: Any, rounds: int = 4) -> None:
    """Wait for the worker and deliver its results, ``rounds`` times (results start work)."""
    for _ in range(rounds):
        tab.ctx.tasks.wait()
        QApplication.processEvents()


def open_tab(qtbot: Any, cls: type[Tab], db: Database, rounds: int = 4) -> Tab:
    """The tab at 1366×768, shown, exposed and settled."""
    tab = cls(AppContext(db=db, tasks=TaskManager()))  # type: ignore[call-arg]
    qtbot.addWidget(tab)
    tab.resize(1366, 768)
    tab.show()
    qtbot.waitExposed(tab)
    settle_tab(tab, rounds)
    return tab
