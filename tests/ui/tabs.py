"""Open a station tab on a real database the way the main window would, and let its worker
finish: what every tab test starts with."""

from __future__ import annotations

from typing import Any, TypeVar

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from bid_desktop.storage.db import Database
from bid_desktop.ui.common import scan_router
from bid_desktop.ui.context import AppContext
from bid_desktop.ui.tasks import TaskManager

Tab = TypeVar("Tab", bound=QWidget)


def settle_tab(tab: Any, rounds: int = 4) -> None:
    """Wait for the worker and deliver its results, ``rounds`` times (results start work)."""
    if scan_router.held_keys():
        QTest.qWait(scan_router.FLUSH_MS + 20)  # keys held from a list or the pad go on now
    for _ in range(rounds):
        tab.ctx.tasks.wait()
        QApplication.processEvents()
    human_pause()


def human_pause() -> None:
    """A person's next key comes later than a scanner's: wait until keys typed now start a new
    run for the stations' scanner router (tests type each word at once, as a scanner would)."""
    wait = scan_router.quiet_in_ms()
    if wait > 0:
        QTest.qWait(int(wait) + 5)


def type_in(
    qtbot: Any,
    widget: QWidget,
    text: str,
    key: Qt.Key | None = Qt.Key.Key_Return,
    modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    """A person types ``text`` into ``widget`` and, after a look at it, presses ``key``."""
    if text:
        qtbot.keyClicks(widget, text)
    if key is not None:
        human_pause()
        qtbot.keyClick(widget, key, modifier)


def open_tab(qtbot: Any, cls: type[Tab], db: Database, rounds: int = 4) -> Tab:
    """The tab at 1366×768, shown, exposed and settled."""
    tab = cls(AppContext(db=db, tasks=TaskManager()))  # type: ignore[call-arg]
    qtbot.addWidget(tab)
    tab.resize(1366, 768)
    tab.show()
    qtbot.waitExposed(tab)
    settle_tab(tab, rounds)
    return tab


def answer_dialog(button: str, tries: int = 200, shot: str = "") -> list[str]:
    """The person reads the next question box and clicks the button whose text starts with
    ``button``; what the box said is appended to the list returned (and the box saved to
    tests/artifacts/``shot``.png when named)."""
    said: list[str] = []

    def click(left: int = tries) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            if left:
                QTimer.singleShot(10, lambda: click(left - 1))
            return
        said.append(box.text())
        if shot:
            from tests.conftest import ARTIFACTS

            ARTIFACTS.mkdir(exist_ok=True)
            box.grab().save(str(ARTIFACTS / f"{shot}.png"))
        chosen = [b for b in box.buttons() if b.text().replace("&", "").startswith(button)]
        chosen[0].click()

    QTimer.singleShot(0, click)
    return said
