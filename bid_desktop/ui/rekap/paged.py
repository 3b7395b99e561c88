"""The list half of a Rekap page: one SQL page of rows in a table, "n of N" and "show more".

The page gives ``fetch(limit)``, called on the GUI thread (it reads the filter widgets), which
returns the work to run on the task worker: ``() -> (Page, extra)``. A newer load wins over an
older one still running, and the chosen row stays chosen across reloads.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, Signal
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

from bid_desktop.services.followup import PAGE, Page
from bid_desktop.ui.common.table_model import RowsModel
from bid_desktop.ui.context import AppContext
from bid_desktop.ui.rekap.worker import run_for


class PagedTable(QWidget):
    row_changed = Signal(object)  # the chosen row (dict), or None when the list is empty
    loaded = Signal(object)  # the extra value fetch returned beside the page

    def __init__(
        self,
        ctx: AppContext,
        model: RowsModel,
        widths: list[int],
        stretch: int,
        fetch: Callable[[int], Callable[[], tuple[Page, Any]]],
        count_text: Callable[[int, int], str],
        more_text: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.model, self.fetch, self.count_text = ctx, model, fetch, count_text
        self.limit = PAGE
        self.current_id: str | None = None
        self._generation = 0
        self.view = QTableView()
        self.view.setModel(model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(24)
        for col, width in enumerate(widths):
            self.view.setColumnWidth(col, width)
        self.view.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        self.view.selectionModel().currentRowChanged.connect(self._row_selected)
        self.lbl_count = QLabel()
        self.lbl_extra = QLabel()
        self.lbl_extra.setStyleSheet("color: #555;")
        self.btn_more = QPushButton(more_text)
        self.btn_more.clicked.connect(self.more)
        footer = QHBoxLayout()
        footer.addWidget(self.lbl_count)
        footer.addWidget(self.lbl_extra, 1)
        footer.addWidget(self.btn_more)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addLayout(footer)

    def reload(self, *_args: object) -> None:
        self.limit = PAGE
        self._load()

    def more(self) -> None:
        self.limit += PAGE
        self._load()

    def _load(self) -> None:
        self._generation += 1
        generation, limit = self._generation, self.limit
        work = self.fetch(limit)
        run_for(self, self.ctx, work, lambda result: self._show(generation, *result))

    def _show(self, generation: int, page: Page, extra: Any) -> None:
        if generation != self._generation:
            return  # a newer load is on its way
        keep = self.current_id
        self.model.set_rows(page.rows)
        self.lbl_count.setText(self.count_text(len(page.rows), page.total))
        self.btn_more.setVisible(page.total > len(page.rows))
        ids = [r["id"] for r in self.model.rows]
        if keep in ids:
            self.view.selectRow(ids.index(keep))
        elif ids:
            self.view.selectRow(0)
        else:
            self.current_id = None
            self.row_changed.emit(None)
        self.loaded.emit(extra)

    def _row_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.model.row_at(current)
        self.current_id = row["id"] if row else None
        self.row_changed.emit(row)

    def replace_row(self, row: dict[str, Any]) -> None:
        self.model.update_row(row["id"], row)
