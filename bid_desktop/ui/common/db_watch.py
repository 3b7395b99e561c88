"""Notice changes made to this laptop's database from outside the window — a ``bid-desktop
merge`` or ``import`` run in a terminal, a restore — and let every tab refresh.

SQLite's ``PRAGMA data_version`` (on a connection of our own that never writes) changes
whenever any other connection commits, the window's own included. All the window's database
work runs on the one task worker, so the watcher reads the value there too, just before and
just after each commit of the window's own: a change seen before one of its commits, or at a
poll, came from elsewhere. The tabs then get ``data_changed("merge")``, as after a merge done
in the window.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from sqlalchemy import event

from bid_desktop.ui.context import AppContext

POLL_MS = 2000


class ExternalChanges(QObject):
    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.seen = 0  # external changes noticed (tests, status)
        self._conn: sqlite3.Connection | None = None
        self._known: int | None = None
        self._outside = False  # a change from elsewhere noticed at one of our commits
        self._polling = False
        self._hooks = [
            (ctx.db.engine, "commit", self._before_commit),
            (ctx.db.Session, "after_commit", self._after_commit),
        ]
        for target, name, fn in self._hooks:
            event.listen(target, name, fn)
        self._timer = QTimer(self, interval=POLL_MS)
        self._timer.timeout.connect(self.poll)
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        for target, name, fn in self._hooks:
            if event.contains(target, name, fn):
                event.remove(target, name, fn)
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    # --- on the worker ----------------------------------------------------------------------

    def _version(self) -> int:
        if self._conn is None:
            self._conn = sqlite3.connect(self.ctx.db.path, check_same_thread=False)
        (value,) = self._conn.execute("PRAGMA data_version").fetchone()
        return int(value)

    def _before_commit(self, _conn: Any) -> None:
        if self._known is not None and self._version() != self._known:
            self._outside = True  # someone else committed since we last looked

    def _after_commit(self, _session: Any) -> None:
        self._known = self._version()  # our own commit moved it: the new baseline

    def _check(self) -> bool:
        """At a poll: did anyone else commit since we last looked?"""
        now = self._version()
        outside = self._outside or (self._known is not None and now != self._known)
        self._known, self._outside = now, False
        return outside

    # --- on the GUI thread ------------------------------------------------------------------

    def poll(self) -> None:
        if self._polling or self.ctx.tasks.closed:
            return
        self._polling = True
        self.ctx.tasks.run(self._check, self._checked, lambda _exc: self._done())

    def _checked(self, outside: bool) -> None:
        self._done()
        if outside:
            self.seen += 1
            self.ctx.bus.data_changed.emit("merge")
            self.ctx.bus.status.emit(
                QCoreApplication.translate(
                    "MainWindow", "Data diperbarui dari luar jendela ini (impor / merge)."
                )
            )

    def _done(self) -> None:
        self._polling = False
