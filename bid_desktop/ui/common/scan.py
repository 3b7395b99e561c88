"""A search box that also takes a USB barcode scanner (it types fast and ends with Enter or Tab).

A scan is one atomic input: the whole text is taken at Enter and the box is emptied at once,
before any database work, so the next badge typed while the first is being looked up starts
in an empty box and nothing that arrives later (a result, a refresh) touches what is being
typed. Scanner bursts typed elsewhere in the station's tab are caught by ``ScannerRouter``
(``scan_router.py``) and queued with the box's own scans (``ScanQueue``, ``scan_queue.py``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class ScanBox(QLineEdit):
    """``submitted(text)`` on Enter (a scan, or the operator confirming), the box already empty;
    ``confirmed()`` on Enter in an empty box (the operator confirming a row chosen with ↑/↓);
    ``searched(text)`` shortly after typing stops (live filtering, done in SQL)."""

    submitted = Signal(str)
    confirmed = Signal()
    searched = Signal(str)

    def __init__(
        self,
        placeholder: str = "",
        parent: QWidget | None = None,
        delay_ms: int = 120,
        badges: bool = True,
    ) -> None:
        super().__init__(parent)
        self.badges = badges  # False: a filter box only; a badge scanned here is the tab's
        self.setPlaceholderText(placeholder)
        self.setClearButtonEnabled(True)
        font = QFont(self.font())
        font.setPointSize(max(font.pointSize(), 10) + 4)
        self.setFont(font)
        self.setMinimumHeight(40)
        self.last = ""  # the last text taken (a walk-in form starts from an unknown name)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(lambda: self.searched.emit(self.text().strip()))
        self.textEdited.connect(lambda _t: self._timer.start())

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if (
            event.key() in ENTER_KEYS
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            self.take()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.clear()
            self.searched.emit("")
            return
        super().keyPressEvent(event)

    def take(self) -> str:
        """The whole text as one scan: emptied now, then ``submitted`` (or ``confirmed``)."""
        self._timer.stop()
        text = self.text().strip()
        self.clear()
        if text:
            self.last = text
            self.submitted.emit(text)
        else:
            self.confirmed.emit()
        return text

    def cancel_search(self) -> None:
        """Keys that were a scan typed here by the router's reckoning: no live search for them."""
        self._timer.stop()

    def ready_for_next(self) -> None:
        """After a scan is handled: the keyboard back to the box. Its text is never touched
        here: it may already hold the first keys of the next badge."""
        self.setFocus()
