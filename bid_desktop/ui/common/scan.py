"""A search box that also takes a USB barcode scanner (it types fast and ends with Enter)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget


class ScanBox(QLineEdit):
    """``submitted(text)`` on Enter (a scan, or the operator confirming);
    ``searched(text)`` shortly after typing stops (live filtering, done in SQL)."""

    submitted = Signal(str)
    searched = Signal(str)

    def __init__(self, placeholder: str = "", parent: QWidget | None = None, delay_ms: int = 120):
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.setClearButtonEnabled(True)
        font = QFont(self.font())
        font.setPointSize(max(font.pointSize(), 10) + 4)
        self.setFont(font)
        self.setMinimumHeight(40)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(lambda: self.searched.emit(self.text().strip()))
        self.textEdited.connect(lambda _t: self._timer.start())

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._timer.stop()
            text = self.text().strip()
            if text:
                self.submitted.emit(text)
            return
        if event.key() == Qt.Key.Key_Escape:
            self.clear()
            self.searched.emit("")
            return
        super().keyPressEvent(event)

    def ready_for_next(self) -> None:
        """After a scan is handled: select all so the next scan replaces it."""
        self.selectAll()
        self.setFocus()
