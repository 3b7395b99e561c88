"""This table's stamps, newest first (voided ones stay, marked BATAL)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from bid_desktop.ui.common.table_model import Column, Index, RowsModel

GREY = QBrush(QColor("#9e9e9e"))
# Fixed widths: sizing columns to their contents reads every cell on every new stamp.
WIDTHS = [52, 130, 52, 0, 130, 52, 140, 60]


class StampsModel(RowsModel):
    def __init__(self) -> None:
        super().__init__([])
        void, valid = self.tr("BATAL"), self.tr("sah")
        self.columns = [
            Column("stamped_at", self.tr("Waktu"), lambda t: f"{t:%H.%M}" if t else ""),
            Column("desa_name", self.tr("Desa")),
            Column("innovation_code", self.tr("Kode")),
            Column("innovation_title", self.tr("Inovasi")),
            Column("amount_text", self.tr("Anggaran"), align_right=True),
            Column("planned_year", self.tr("Tahun")),
            Column("kepala_desa", self.tr("Kepala Desa")),
            Column("voided", self.tr("Status"), lambda v: void if v else valid),
        ]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole:
            return GREY if index.isValid() and self.rows[index.row()]["voided"] else None
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid():
            row = self.rows[index.row()]
            return row["void_reason"] or row["notes"] or None
        return super().data(index, role)


class StampsView(QTableView):
    def __init__(self, model: StampsModel) -> None:
        super().__init__()
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        for column, width in enumerate(WIDTHS):
            if width:
                self.setColumnWidth(column, width)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
