"""Automatic backups during the event (sync.md "Around the merge").

A QTimer asks the service every minute whether a backup is due (``backup_due``: interval
from the backup settings, 0 = off); when it is, ``backup_now(reason="timer")`` runs on the
task worker, so the window never blocks. The result goes to the status bar, never to a
modal box: a timer must not interrupt a scan at the registration desk.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer

from bid_desktop.services import sync as sync_service
from bid_desktop.services.backups import BackupSpaceRefused
from bid_desktop.ui.context import AppContext

CHECK_MS = 60_000


class BackupTimer(QObject):
    def __init__(self, ctx: AppContext, parent: QObject | None = None, check_ms: int = CHECK_MS):
        super().__init__(parent)
        self.ctx = ctx
        self.busy = False
        self.last_path: Path | None = None
        self.last_error = ""
        self.timer = QTimer(self)
        self.timer.setInterval(check_ms)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def check(self) -> None:
        if self.busy:
            return
        self.busy = True
        db = self.ctx.db

        def work() -> Path | None:
            db.checkpoint()  # at idle too: the main file alone holds every confirmed action
            with db.begin() as session:
                due = sync_service.backup_due(session)
            return sync_service.backup_now(db, reason="timer") if due else None

        try:
            self.ctx.tasks.run(work, self._done, self._failed)
        except RuntimeError:  # the task worker is shut down: the window is closing
            self.busy = False
            self.stop()

    def _done(self, path: Path | None) -> None:
        self.busy = False
        if path is not None:
            self.last_path = path
            self.ctx.bus.status.emit(self.tr("Cadangan otomatis dibuat: %s") % path.name)
            self.ctx.bus.data_changed.emit("backup")

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self.last_error = str(exc)
        if isinstance(exc, BackupSpaceRefused):
            # stays visible: backups stop until there is room (old copies are kept)
            self.ctx.bus.status.emit(self.tr("Cadangan otomatis BERHENTI: %s") % exc)
            return
        self.ctx.bus.status.emit(self.tr("Cadangan otomatis GAGAL: %s") % exc)
