"""Ruang Bursa tab (station 2): one bursa at a time (A/B/C, F7 switches), pages for the
rating desk with the live ranking, door attendance, the menu, the P2KTD directory, and the
rooms / sessions / tables setup. Alt+1…5 opens a page; each page's scan or filter box takes
the keyboard."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from bid_desktop.ui.bursa.attendance import AttendancePanel
from bid_desktop.ui.bursa.dialogs import bursa_combo
from bid_desktop.ui.bursa.menu_panel import MenuPanel
from bid_desktop.ui.bursa.providers_panel import ProvidersPanel
from bid_desktop.ui.bursa.ranking import RankingPanel
from bid_desktop.ui.bursa.rating import RatingPanel
from bid_desktop.ui.bursa.setup_panel import SetupPanel
from bid_desktop.ui.common.scan_router import install as install_scanner
from bid_desktop.ui.context import AppContext

STATION_BURSA = re.compile(r"^(?:RB|BUR|MK)([ABC])")
REFRESH_AREAS = {"merge", "innovation", "provider", "bursa_setup", "rating", "innovations",
                 "providers"}  # fmt: skip


class BursaTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Ruang Bursa"))
        match = STATION_BURSA.match(ctx.station.station)
        self.bursa = match.group(1) if match else "A"
        self._build()
        self._shortcuts()
        self.scanner = install_scanner(self, self.route_scan)
        self._debounce = QTimer(self, singleShot=True, interval=500)
        self._debounce.timeout.connect(self.reload)
        ctx.bus.data_changed.connect(self._data_changed)
        self.reload()

    def _build(self) -> None:
        self.combo = bursa_combo()
        self.combo.setCurrentIndex(self.combo.findData(self.bursa))
        self.combo.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.combo.currentIndexChanged.connect(self._bursa_changed)
        font = QFont(self.combo.font())
        font.setPointSize(font.pointSize() + 3)
        font.setBold(True)
        self.combo.setFont(font)
        self.combo.setMinimumWidth(340)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Bursa:")))
        top.addWidget(self.combo)
        hint = QLabel(self.tr("F7 ganti bursa · Alt+1…5 pindah halaman"))
        hint.setStyleSheet("color: #555;")
        top.addStretch(1)
        top.addWidget(hint)
        self.rating = RatingPanel(self.ctx)
        self.ranking = RankingPanel(self.ctx)
        floor = QSplitter()
        floor.addWidget(self.rating)
        floor.addWidget(self.ranking)
        floor.setSizes([640, 700])
        self.attendance = AttendancePanel(self.ctx)
        attendance_page = QWidget()
        page_layout = QVBoxLayout(attendance_page)
        page_layout.addWidget(self.attendance)
        attendance_page.setFocusProxy(self.attendance)
        self.menu = MenuPanel(self.ctx)
        self.providers = ProvidersPanel(self.ctx)
        self.setup = SetupPanel(self.ctx)
        self.pages = QTabWidget()
        for widget, title in [
            (floor, self.tr("Penilaian && peringkat")),
            (attendance_page, self.tr("Kehadiran sesi")),
            (self.menu, self.tr("Menu inovasi")),
            (self.providers, self.tr("Direktori P2KTD")),
            (self.setup, self.tr("Ruang, sesi && meja")),
        ]:
            self.pages.addTab(widget, title)
        floor.setFocusProxy(self.rating)
        self.pages.currentChanged.connect(lambda _i: self.focus_page())
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.pages, 1)
        self.setFocusProxy(self.rating)

    def _shortcuts(self) -> None:
        keys: list[tuple[str, Any]] = [("F7", self.next_bursa)]
        keys += [(f"Alt+{i + 1}", lambda i=i: self.pages.setCurrentIndex(i)) for i in range(5)]
        for key, slot in keys:
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        QTimer.singleShot(0, self.focus_page)

    def focus_page(self) -> None:
        page = self.pages.currentWidget()
        if page is not None:
            page.setFocus()

    def route_scan(self, text: str) -> None:
        """A badge scanned with the keyboard anywhere in the tab: the door scan on the
        attendance page, else the rating desk (shown, if another page was open)."""
        if self.pages.currentWidget() is self.attendance.parentWidget():
            self.attendance.scan(text)
            return
        if self.pages.currentIndex() != 0:
            self.pages.setCurrentIndex(0)
        self.rating.scan(text)

    def next_bursa(self) -> None:
        self.combo.setCurrentIndex((self.combo.currentIndex() + 1) % self.combo.count())

    def _bursa_changed(self) -> None:
        self.bursa = self.combo.currentData()
        self.reload()
        self.focus_page()

    def reload(self) -> None:
        for panel in (self.rating, self.ranking, self.attendance, self.menu, self.providers,
                      self.setup):  # fmt: skip
            panel.load(self.bursa)

    def _data_changed(self, area: str) -> None:
        if area in REFRESH_AREAS and area != "rating":
            self._debounce.start()
        elif area == "rating":
            self.ranking.refresh()
