"""Scans one at a time, in the order they were made.

A station turns a scan into a ``ScanJob``: the database work (run on the task worker) and what
to show with its result. The queue starts the next scan only after the previous one's result
has been shown, so a scan is never handled with the state a later scan left behind, and no
result arrives while the next one is half handled. A scan made meanwhile waits its turn.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from bid_desktop.ui.context import AppContext


@dataclass
class ScanJob:
    work: Callable[[], Any]
    done: Callable[[Any], None]
    failed: Callable[[BaseException], None]


class ScanQueue(QObject):
    """``push(item)`` queues a scan; ``start(item)`` (the station's) returns its ``ScanJob``,
    or None when it was handled at once (nothing to look up)."""

    handled = Signal(object)  # the item whose result was just shown

    def __init__(
        self, owner: QWidget, ctx: AppContext, start: Callable[[Any], ScanJob | None]
    ) -> None:
        super().__init__(owner)
        self.owner = owner
        self.ctx = ctx
        self.start = start
        self.waiting: deque[Any] = deque()
        self.current: Any = None
        self.busy = False

    def push(self, item: Any) -> None:
        self.waiting.append(item)
        if not self.busy:
            self._next()

    def pending(self) -> int:
        """Scans not yet shown (the one on the worker included)."""
        return len(self.waiting) + (1 if self.busy else 0)

    def _next(self) -> None:
        while self.waiting and not self.busy:
            item = self.waiting.popleft()
            job = self.start(item)
            if job is None:
                self.handled.emit(item)
                continue
            self.busy, self.current = True, item
            self.ctx.tasks.run(job.work, self._then(job.done), self._then(job.failed))

    def _then(self, callback: Callable[[Any], None]) -> Callable[[Any], None]:
        return lambda value: self._finish(callback, value)

    def _finish(self, callback: Callable[[Any], None], value: Any) -> None:
        if not shiboken6.isValid(self.owner):
            return  # the tab is gone (window closing)
        item = self.current
        try:
            callback(value)
        finally:
            self.busy, self.current = False, None
            self.handled.emit(item)
            self._next()
