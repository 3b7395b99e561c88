"""Jendela 3 tab (station 4): the piagam exchange and the Kartu Ide desk, one page each.

Alt+1 piagam, Alt+2 Kartu Ide; each page keeps its scan box focused between actions.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from bid_desktop.ui.common.scan_router import install as install_scanner
from bid_desktop.ui.context import AppContext
from bid_desktop.ui.jendela3.exchange_page import ExchangePage
from bid_desktop.ui.jendela3.ideas_page import IdeasPage


class Jendela3Tab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Jendela 3"))
        self.exchange = ExchangePage(ctx)
        self.ideas = IdeasPage(ctx)
        self.pages = QTabWidget()
        self.pages.addTab(self.exchange, self.tr("Piagam && Kartu Komitmen (Alt+1)"))
        self.pages.addTab(self.ideas, self.tr("Kartu Ide (Alt+2)"))
        self.pages.currentChanged.connect(lambda _i: self.focus_page())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.pages)
        for key, page in (("Alt+1", self.exchange), ("Alt+2", self.ideas)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda p=page: self.pages.setCurrentWidget(p))
        self.setFocusProxy(self.pages)
        self.scanner = install_scanner(self, self.route_scan)

    def route_scan(self, text: str) -> None:
        """A badge scanned with the keyboard anywhere in the tab: the open page's scan."""
        page = self.pages.currentWidget()
        if isinstance(page, ExchangePage | IdeasPage):
            page.scan(text)

    def focus_page(self) -> None:
        page = self.pages.currentWidget()
        if isinstance(page, ExchangePage | IdeasPage):
            page.focus_box()

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        QTimer.singleShot(0, self.focus_page)
