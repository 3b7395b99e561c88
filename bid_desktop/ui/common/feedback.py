"""A large coloured line under a scan box: found / not found / already done."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QLabel, QWidget


class Tone(Enum):
    OK = ("#1b5e20", "#e8f5e9")
    WARN = ("#8a5300", "#fff4e0")
    ERROR = ("#b71c1c", "#fdecea")
    INFO = ("#0d47a1", "#e3f2fd")


class Feedback(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        font = QFont(self.font())
        font.setPointSize(max(font.pointSize(), 10) + 3)
        font.setBold(True)
        self.setFont(font)
        self.setWordWrap(True)
        self.setMinimumHeight(44)
        self.tone: Tone | None = None
        self._fade = QTimer(self)
        self._fade.setSingleShot(True)
        self._fade.timeout.connect(lambda: self.setStyleSheet("padding: 8px;"))
        self.setStyleSheet("padding: 8px;")

    def show_message(self, text: str, tone: Tone = Tone.INFO) -> None:
        self.tone = tone
        fg, bg = tone.value
        self.setText(text)
        self.setStyleSheet(
            f"padding: 8px; border-radius: 6px; color: {fg}; background: {bg};"
            f" border: 2px solid {fg};"
        )
        if tone in (Tone.ERROR, Tone.WARN):
            QApplication.beep()
        self._fade.start(15000)
