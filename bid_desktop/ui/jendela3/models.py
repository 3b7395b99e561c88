"""Table models of Jendela 3: the desa's commitments and the received idea cards."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from bid_desktop.ui.common.table_model import Column, Index, RowsModel

VOIDED_FG = QColor("#9e9e9e")
SOURCES = {"stempel": "dicap", "jendela3": "kartu", "impor": "impor"}


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
                Column("innovation_code", QCoreApplication.translate("CommitmentsModel", "Kode")),
                Column("title", QCoreApplication.translate("CommitmentsModel", "Inovasi")),
                Column(
                    "rupiah",
                    QCoreApplication.translate("CommitmentsModel", "Perkiraan anggaran"),
                    align_right=True,
                ),
                Column("planned_year", QCoreApplication.translate("CommitmentsModel", "Tahun")),
                Column("origin", QCoreApplication.translate("CommitmentsModel", "Asal")),
                Column("words", QCoreApplication.translate("CommitmentsModel", "Terbilang")),
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
                row["origin"] = (
                    QCoreApplication.translate("CommitmentsModel", "BATAL: %s") % row["void_reason"]
                )
            shown.append(row)
        self.set_rows(shown)


class IdeasModel(VoidAwareModel):
    def __init__(self) -> None:
        super().__init__(
            [
                Column("title", QCoreApplication.translate("IdeasModel", "Judul ide")),
                Column("proposer_name", QCoreApplication.translate("IdeasModel", "Pengusul")),
                Column("desa_name", QCoreApplication.translate("IdeasModel", "Desa")),
                Column("done", QCoreApplication.translate("IdeasModel", "Terlaksana")),
                Column("when", QCoreApplication.translate("IdeasModel", "Diterima")),
            ]
        )

    def set_ideas(self, rows: list[dict[str, Any]]) -> None:
        shown = []
        for row in rows:
            row = dict(row)
            row["done"] = (
                QCoreApplication.translate("IdeasModel", "Ya")
                if row["already_done"]
                else QCoreApplication.translate("IdeasModel", "Tidak")
            )
            at = row.get("received_at")
            row["when"] = f"{at:%H:%M} {row['station']}" if at else row["source"]
            if row["voided"]:
                row["when"] = QCoreApplication.translate("IdeasModel", "BATAL")
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
