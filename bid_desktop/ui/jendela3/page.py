"""What both Jendela 3 pages share: the context, database work on the task worker, a scan box
with its feedback line, and buttons that leave the keyboard with the scan box."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QPushButton, QWidget

from bid_desktop.services.errors import UserError
from bid_desktop.ui.common.feedback import Feedback, Tone
from bid_desktop.ui.common.scan import ScanBox
from bid_desktop.ui.common.scan_queue import ScanJob, ScanQueue
from bid_desktop.ui.context import AppContext


class Page(QWidget):
    def __init__(self, ctx: AppContext, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.box = ScanBox(placeholder)
        self.feedback = Feedback()
        self.scans = ScanQueue(self, ctx, self.start_scan)
        self.box.submitted.connect(self.scan)
        self.setFocusProxy(self.box)

    def scan(self, text: str) -> None:
        """A badge scanned or a name typed and Enter: queued behind the scans in progress."""
        self.scans.push(text)

    def start_scan(self, item: Any) -> ScanJob | None:
        raise NotImplementedError

    def run(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Database work on the task worker; results are dropped if this page is gone."""

        def alive(fn: Callable[[Any], None]) -> Callable[[Any], None]:
            return lambda value: fn(value) if shiboken6.isValid(self.feedback) else None

        self.ctx.tasks.run(work, alive(on_done), alive(on_error or self.failed))

    def job(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> ScanJob:
        """A scan's database work and what to show, for ``self.scans``."""
        return ScanJob(work, on_done, on_error)

    def failed(self, exc: BaseException) -> None:
        self.feedback.show_message(str(exc), Tone.ERROR)
        if not isinstance(exc, UserError):
            self.ctx.tasks.show_error(exc)

    def button(self, text: str, slot: Callable[[], Any], key: str = "") -> QPushButton:
        """A button with its shortcut (shown in the text); it never takes the focus."""
        button = QPushButton(f"{text} ({key})" if key else text)
        button.setMinimumHeight(34)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(lambda _checked=False: slot())
        if key:
            self.shortcut(key, slot)
        return button

    def shortcut(self, key: str, slot: Callable[[], Any]) -> QShortcut:
        shortcut = QShortcut(QKeySequence(key), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(slot)
        return shortcut

    def focus_box(self) -> None:
        self.box.ready_for_next()
