"""Background work: one worker thread (one writer), results delivered on the GUI thread.

Long work is a plain function ``fn(progress, cancelled) -> result``; ``progress(done, total,
text)`` may be called from the worker, ``cancelled()`` polled. Errors are shown once, here.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from bid_desktop.services.errors import UserError, as_user_error

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]


class _Bridge(QObject):
    done = Signal(object, object)  # callback, result
    failed = Signal(object, object)  # on_error, exception
    progress = Signal(object, int, int, str)


class TaskManager(QObject):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="bid-db")
        self._bridge = _Bridge()
        self._bridge.done.connect(self._on_done, Qt.ConnectionType.QueuedConnection)
        self._bridge.failed.connect(self._on_failed, Qt.ConnectionType.QueuedConnection)
        self._bridge.progress.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self.parent_widget = parent
        self.running = 0
        self.closed = False

    def run(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Future[Any]:
        if self.closed:
            # The window is closing: a callback of earlier work asking for more is dropped,
            # not an error (the database is about to be closed).
            dropped: Future[Any] = Future()
            dropped.cancel()
            return dropped
        self.running += 1

        def work() -> Any:
            try:
                result = fn()
            except BaseException as exc:  # noqa: BLE001 - reported on the GUI thread
                # a full disk, read-only media...: one line naming the file, never the SQL
                # and row values (names, phones) a database error carries
                shown = as_user_error(exc)
                if shown is exc:
                    exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
                self._bridge.failed.emit(on_error, shown)
                raise
            self._bridge.done.emit(on_done, result)
            return result

        return self._pool.submit(work)

    def run_with_progress(
        self,
        title: str,
        fn: Callable[[Progress, Cancelled], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Future[Any]:
        dialog = QProgressDialog(title, self.tr("Batal"), 0, 0, self.parent_widget)
        dialog.setWindowTitle(title)
        dialog.setMinimumDuration(300)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        stop = threading.Event()
        dialog.canceled.connect(stop.set)

        def progress(done: int, total: int, text: str) -> None:
            self._bridge.progress.emit(dialog, done, total, text)

        def finished(result: Any) -> None:
            dialog.reset()
            dialog.deleteLater()
            if on_done:
                on_done(result)

        def failed(exc: BaseException) -> None:
            dialog.reset()
            dialog.deleteLater()
            if on_error:
                on_error(exc)
            else:
                self.show_error(exc)

        return self.run(lambda: fn(progress, stop.is_set), finished, failed)

    @Slot(object, object)
    def _on_done(self, callback: Callable[[Any], None] | None, result: Any) -> None:
        self.running -= 1
        if callback is not None:
            callback(result)

    @Slot(object, object)
    def _on_failed(
        self, on_error: Callable[[BaseException], None] | None, exc: BaseException
    ) -> None:
        self.running -= 1
        if on_error is not None:
            on_error(exc)
        else:
            self.show_error(exc)

    @Slot(object, int, int, str)
    def _on_progress(self, dialog: QProgressDialog, done: int, total: int, text: str) -> None:
        dialog.setMaximum(max(total, 0))
        dialog.setValue(done)
        if text:
            dialog.setLabelText(text)

    def show_error(self, exc: BaseException) -> None:
        if isinstance(exc, UserError):
            QMessageBox.warning(self.parent_widget, self.tr("Tidak dapat diproses"), str(exc))
        else:
            detail = getattr(exc, "__traceback_text__", "")
            box = QMessageBox(QMessageBox.Icon.Critical, self.tr("Terjadi kesalahan"), str(exc))
            box.setDetailedText(detail)
            box.exec()

    def wait(self) -> None:
        """Block until queued work is done (tests, shutdown)."""
        if not self.closed:
            self._pool.submit(lambda: None).result()

    def shutdown(self) -> None:
        self.closed = True
        self._pool.shutdown(wait=True)
