"""Table models of Jendela 3: the desa's commitments and the received idea cards."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from bid_desktop.ui.common.table_model import Column, Index, RowsModel

VOIDED_FG = QColor("#9e9e9e")
SOURCES = {"stempel": "dicap", "jendela3": "kartu", "impor": "impor"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("Jendela3Models", text)


class VoidAwareModel(RowsModel):
    """Voided rows grey and struck through: visible, never silently gone."""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and self.rows[index.row()].get("voided"):
            if role == Qt.ItemDataRole.ForegroundRole:
                return VOIDED_FG
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setStrikeOut(True)
                return font
        return super().data(index, role)


class CommitmentsModel(VoidAwareModel):
    def __init__(self) -> None:
        super().__init__(
            [
                Column("innovation_code", _tr("Kode")),
                Column("title", _tr("Inovasi")),
                Column("rupiah", _tr("Perkiraan anggaran"), align_right=True),
                Column("planned_year", _tr("Tahun")),
                Column("origin", _tr("Asal")),
                Column("words", _tr("Terbilang")),
            ]
        )

    def set_commitments(self, rows: list[dict[str, Any]]) -> None:
        shown = []
        for row in rows:
            row = dict(row)
            where = row["table_code"] or row["station"]
            origin = SOURCES.get(row["source"], row["source"])
            row["origin"] = f"{origin} {where}".strip()
            if row["voided"]:
                row["origin"] = _tr("BATAL: %s") % row["void_reason"]
            shown.append(row)
        self.set_rows(shown)


class IdeasModel(VoidAwareModel):
    def __init__(self) -> None:
        super().__init__(
            [
                Column("title", _tr("Judul ide")),
                Column("proposer_name", _tr("Pengusul")),
                Column("desa_name", _tr("Desa")),
                Column("done", _tr("Terlaksana")),
                Column("when", _tr("Diterima")),
            ]
        )

    def set_ideas(self, rows: list[dict[str, Any]]) -> None:
        shown = []
        for row in rows:
            row = dict(row)
            row["done"] = _tr("Ya") if row["already_done"] else _tr("Tidak")
            at = row.get("received_at")
            row["when"] = f"{at:%H:%M} {row['station']}" if at else row["source"]
            if row["voided"]:
                row["when"] = _tr("BATAL")
            shown.append(row)
        self.set_rows(shown)


def table_view(model: RowsModel, widths: list[int], stretch: int) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(24)
    view.setWordWrap(False)
    for col, width in enumerate(widths):
        view.setColumnWidth(col, width)
    view.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view
