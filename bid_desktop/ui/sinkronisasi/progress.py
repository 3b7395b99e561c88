"""An inline progress bar with a Cancel button for long sync work (merge, dry run).

The work runs on the task worker and reports through ``progress(done, total, text)``; the
signal crosses to the GUI thread by Qt's queued connection. Cancel sets a flag the work
polls (``cancelled()``); the services then raise ``UserError("Dibatalkan")`` and leave the
database unchanged.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget


class _Relay(QObject):
    step = Signal(int, int, str)


class ProgressStrip(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stop = threading.Event()
        self._relay = _Relay(self)
        self._relay.step.connect(self._show_step)
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setMinimumWidth(300)
        self.btn_cancel = QPushButton(self.tr("Batal (Esc)"))
        self.btn_cancel.setMinimumHeight(32)
        self.btn_cancel.clicked.connect(self.cancel)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WindowShortcut)  # only while the strip is shown
        escape.activated.connect(self.cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.bar, 2)
        layout.addWidget(self.btn_cancel)
        self.steps: list[tuple[int, int, str]] = []  # what was shown (tests, diagnostics)
        self.hide()

    def start(self, text: str) -> tuple[Callable[[int, int, str], None], Callable[[], bool]]:
        """Show the strip; returns the (progress, cancelled) pair to hand to the work."""
        self._stop = threading.Event()
        stop = self._stop
        self.steps = []
        self.label.setText(text)
        self.bar.setRange(0, 0)
        self.btn_cancel.setEnabled(True)
        self.show()
        self.btn_cancel.setFocus()
        relay = self._relay

        def progress(done: int, total: int, message: str) -> None:
            relay.step.emit(done, total, message)

        return progress, stop.is_set

    def cancel(self) -> None:
        self._stop.set()
        self.btn_cancel.setEnabled(False)
        self.label.setText(self.tr("Membatalkan…"))

    @property
    def cancelling(self) -> bool:
        return self._stop.is_set()

    def finish(self) -> None:
        self.hide()

    def _show_step(self, done: int, total: int, message: str) -> None:
        self.steps.append((done, total, message))
        self.bar.setRange(0, max(total, 0))
        self.bar.setValue(min(done, total) if total > 0 else 0)
        if message and not self._stop.is_set():
            self.label.setText(message)
