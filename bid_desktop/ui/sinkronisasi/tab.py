"""Sinkronisasi tab (station 5, TA Kabupaten or at breaks): export this laptop's package,
import and merge packages, the import log, conflict review, duplicate-person review, backups.

Keys: Alt+1 … Alt+6 switch pages; F5 reloads the page; the rest is reachable with Tab and
each button's Alt+letter. Every database call runs on the task worker.
"""

from __future__ import annotations

import sqlite3
from typing import Any

import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from bid_desktop.services.scope import events_in
from bid_desktop.sync import conflicts as conflict_service
from bid_desktop.sync import duplicates as duplicate_service
from bid_desktop.ui.context import AppContext
from bid_desktop.ui.rekap.scope_button import ScopeButton
from bid_desktop.ui.sinkronisasi.backups_page import BackupsPage
from bid_desktop.ui.sinkronisasi.common import SyncPage
from bid_desktop.ui.sinkronisasi.conflicts_page import ConflictsPage
from bid_desktop.ui.sinkronisasi.duplicates_page import DuplicatesPage
from bid_desktop.ui.sinkronisasi.export_page import ExportPage
from bid_desktop.ui.sinkronisasi.import_log import ImportLogPage
from bid_desktop.ui.sinkronisasi.import_page import ImportPage


class SinkronisasiTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Sinkronisasi"))
        self.export_page = ExportPage(ctx)
        self.import_page = ImportPage(ctx)
        self.log_page = ImportLogPage(ctx)
        self.conflicts_page = ConflictsPage(ctx)
        self.duplicates_page = DuplicatesPage(ctx)
        self.backups_page = BackupsPage(ctx)
        self.pages = QTabWidget()
        for page in self.page_list():
            self.pages.addTab(page, "")
        self._set_titles(None, None)
        self.pages.currentChanged.connect(lambda _i: self.refresh_current())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.pages)
        self._shortcuts()
        self._debounce = QTimer(self, singleShot=True, interval=400)
        self._debounce.timeout.connect(self.refresh_current)
        ctx.bus.data_changed.connect(self._data_changed)
        ctx.bus.scope_changed.connect(self._scope_changed)
        # A TA database: the conflict and duplicate pages show the events of the scope.
        self.btn_scope = ScopeButton(ctx)
        self.pages.setCornerWidget(self.btn_scope)
        self._stale = True  # first refresh when the tab is first shown, not at start-up

    def page_list(self) -> list[SyncPage]:
        return [
            self.export_page,
            self.import_page,
            self.log_page,
            self.conflicts_page,
            self.duplicates_page,
            self.backups_page,
        ]

    def _shortcuts(self) -> None:
        for i in range(len(self.page_list())):
            shortcut = QShortcut(QKeySequence(f"Alt+{i + 1}"), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda i=i: self.show_page(i))
        refresh = QShortcut(QKeySequence("F5"), self)
        refresh.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        refresh.activated.connect(self.refresh_current)

    def show_page(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        self.pages.currentWidget().setFocus()

    def _set_titles(self, conflicts: dict[str, int] | None, duplicates: int | None) -> None:
        open_conflicts = None if conflicts is None else conflicts["hard"] + conflicts["soft"]
        titles = [
            self.tr("Ekspor"),
            self.tr("Impor && gabung"),
            self.tr("Log impor"),
            self.tr("Konflik") + ("" if open_conflicts is None else f" ({open_conflicts})"),
            self.tr("Duplikat") + ("" if duplicates is None else f" ({duplicates})"),
            self.tr("Cadangan"),
        ]
        for i, title in enumerate(titles):
            self.pages.setTabText(i, title)
            self.pages.setTabToolTip(i, f"Alt+{i + 1}")

    def _data_changed(self, _area: str) -> None:
        # Other tabs announce every scan; counting duplicates then would queue work on the
        # one database worker in front of the next scan. Refresh when this tab is seen.
        if self.isVisible():
            self._debounce.start()
        else:
            self._stale = True

    def _scope_changed(self) -> None:
        if self.isVisible():
            self.refresh_current()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.refresh_current()

    def refresh_current(self) -> None:
        page = self.pages.currentWidget()
        if isinstance(page, SyncPage) and hasattr(page, "refresh"):
            page.refresh()
        self.refresh_counts()

    def refresh_counts(self) -> None:
        scope = self.ctx.scope

        def work() -> tuple[dict[str, int], int]:
            with self.ctx.db.begin() as session:
                raw = session.connection().connection.driver_connection
                assert isinstance(raw, sqlite3.Connection)
                events = events_in(session, scope)
                return (
                    conflict_service.count_conflicts(session, scope),
                    sum(duplicate_service.count_candidates_conn(raw, e) for e in events),
                )

        def done(result: Any) -> None:
            if shiboken6.isValid(self.pages):
                self._set_titles(*result)

        self.ctx.tasks.run(work, done)
