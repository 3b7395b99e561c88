"""The participant list of the registration tab: one SQL page of rows at a time."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from bid_desktop.ui.common.table_model import Column, Index, RowsModel

ARRIVED, VOIDED_FG = QColor("#e8f5e9"), QColor("#9e9e9e")


def hhmm(value: dt.datetime | None) -> str:
    return value.strftime("%H:%M") if value else ""


def place(row: dict[str, Any]) -> str:
    """Desa (with kecamatan when the event has several) or the institution."""
    if row.get("desa_name"):
        return str(row["desa_name"])
    return str(row.get("institution") or "")


def status(row: dict[str, Any]) -> str:
    if row.get("voided"):
        return QCoreApplication.translate("ParticipantsModel", "BATAL")
    if row.get("checked_in_at"):
        return QCoreApplication.translate("ParticipantsModel", "hadir %s") % hhmm(
            row["checked_in_at"]
        )
    return ""


def columns() -> list[Column]:
    return [
        Column("number", QCoreApplication.translate("ParticipantsModel", "Nomor")),
        Column("name", QCoreApplication.translate("ParticipantsModel", "Nama")),
        Column("jabatan", QCoreApplication.translate("ParticipantsModel", "Jabatan")),
        Column("place", QCoreApplication.translate("ParticipantsModel", "Desa / Instansi")),
        Column("category", QCoreApplication.translate("ParticipantsModel", "Kategori")),
        Column("status", QCoreApplication.translate("ParticipantsModel", "Kehadiran")),
        Column("kit", QCoreApplication.translate("ParticipantsModel", "Kit")),
    ]


def display_row(row: dict[str, Any]) -> dict[str, Any]:
    shown = dict(row)
    shown["place"] = place(row)
    shown["status"] = status(row)
    shown["kit"] = "✓" if row.get("kit_at") else ""
    if row.get("category") == "Undangan" and row.get("guest_category"):
        shown["category"] = f"Undangan · {row['guest_category']}"
    return shown


class ParticipantsModel(RowsModel):
    def __init__(self) -> None:
        super().__init__(columns())

    def set_people(self, rows: list[dict[str, Any]]) -> None:
        self.set_rows([display_row(r) for r in rows])

    def update_person(self, row: dict[str, Any]) -> bool:
        """Refresh one row in place; False when it is not on the page."""
        for i, existing in enumerate(self.rows):
            if existing["id"] == row["id"]:
                self.rows[i] = display_row(row)
                self.dataChanged.emit(self.index(i, 0), self.index(i, len(self.columns) - 1))
                return True
        return False

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role in (
            Qt.ItemDataRole.BackgroundRole,
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.FontRole,
        ):
            row = self.rows[index.row()]
            if row.get("voided"):
                if role == Qt.ItemDataRole.ForegroundRole:
                    return VOIDED_FG
                if role == Qt.ItemDataRole.FontRole:
                    font = QFont()
                    font.setStrikeOut(True)
                    return font
            elif row.get("checked_in_at") and role == Qt.ItemDataRole.BackgroundRole:
                return ARRIVED
            return None
        return super().data(index, role)


class ParticipantsView(QTableView):
    def __init__(self, model: ParticipantsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(24)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for col, width in enumerate([100, 230, 150, 170, 150, 100, 40]):
            self.setColumnWidth(col, width)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
