"""A list page of the Ruang Bursa tab: a filter box (filtering in SQL), a table, buttons.

Subclasses give the columns, ``fetch(session, text)`` and their buttons. Enter or F4 on a
row edits it; Ctrl+N adds; the filter box keeps the keyboard.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from bid_desktop.ui.common.feedback import Feedback
from bid_desktop.ui.common.runner import run_db
from bid_desktop.ui.common.scan import ScanBox
from bid_desktop.ui.common.table_model import Column, RowsModel
from bid_desktop.ui.context import AppContext

NAV = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1, Qt.Key.Key_PageUp: -10, Qt.Key.Key_PageDown: 10}


class ListPanel(QWidget):
    stretch_column = 1

    def __init__(self, ctx: AppContext, columns: list[Column], placeholder: str,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.ctx = ctx
        self.bursa = "A"
        self.model = RowsModel(columns)
        self.filter = ScanBox(placeholder, badges=False)
        self.filter.searched.connect(lambda _t: self.refresh())
        self.filter.submitted.connect(lambda _t: self.edit_current())
        self.filter.installEventFilter(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.doubleClicked.connect(lambda _i: self.edit_current())
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.stretch_column, QHeaderView.ResizeMode.Stretch)
        self.feedback = Feedback()
        self.lbl_count = QLabel()
        self.buttons = QHBoxLayout()
        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        top.addLayout(self.buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.feedback)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.lbl_count)
        self.setFocusProxy(self.filter)
        self.shortcut("Ctrl+N", self.add)
        self.shortcut("F4", self.edit_current)

    def button(self, text: str, slot: Callable[[], Any], key: str = "") -> QPushButton:
        """A button that leaves the keyboard in the filter box; ``key`` reaches it anyway."""
        button = QPushButton(f"{text} ({key})" if key else text)
        if key:
            self.shortcut(key, slot)
        button.setMinimumHeight(36)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(lambda _c=False: slot())
        self.buttons.addWidget(button)
        return button

    def shortcut(self, key: str, slot: Callable[[], Any]) -> None:
        sc = QShortcut(QKeySequence(key), self)
        sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        sc.activated.connect(slot)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self.filter and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            step = NAV.get(Qt.Key(event.key()))
            if step is not None and self.model.rowCount():
                row = max(0, min(self.model.rowCount() - 1, self.view.currentIndex().row() + step))
                self.view.selectRow(row)
                return True
        return super().eventFilter(watched, event)

    # --- data ----------------------------------------------------------------------------

    def fetch(self, session: Session, text: str) -> list[dict[str, Any]]:
        raise NotImplementedError

    def load(self, bursa: str) -> None:
        self.bursa = bursa
        self.refresh()

    def refresh(self) -> None:
        text = self.filter.text().strip()

        def work() -> list[dict[str, Any]]:
            with self.ctx.db.begin() as session:
                return self.fetch(session, text)

        run_db(self, self.ctx, work, self._show)

    def _show(self, rows: list[dict[str, Any]]) -> None:
        current = self.current()
        self.model.set_rows(rows)
        ids = [r["id"] for r in rows]
        if rows:
            self.view.selectRow(ids.index(current["id"]) if current and current["id"] in ids else 0)
        self.lbl_count.setText(self.tr("%d baris") % len(rows))

    def current(self) -> dict[str, Any] | None:
        index = self.view.currentIndex()
        return self.model.row_at(index) if index.isValid() else None

    def add(self) -> None:
        raise NotImplementedError

    def edit_current(self) -> None:
        raise NotImplementedError
