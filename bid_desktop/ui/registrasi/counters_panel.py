"""Live counters beside the list: arrived per desa, desa not arrived yet, desa without a
woman representative, guests by category. Data comes aggregated from SQL
(``services.counters``); this widget only shows it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bid_desktop.services.counters import Counters
from bid_desktop.ui.common.table_model import Column, Index, RowsModel

RED, AMBER = QColor("#fdecea"), QColor("#fff4e0")


class ToneRowsModel(RowsModel):
    """RowsModel with a background colour per row (red: nobody yet, amber: no woman)."""

    def __init__(self, columns: list[Column], tone: Callable[[dict[str, Any]], QColor | None]):
        super().__init__(columns, id_key="code")
        self._tone = tone

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and index.isValid():
            return self._tone(self.rows[index.row()])
        return super().data(index, role)


def _desa_tone(row: dict[str, Any]) -> QColor | None:
    if row["arrived"] == 0:
        return RED
    return AMBER if row["woman_rep_arrived"] == 0 else None


def _table(model: RowsModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.verticalHeader().hide()
    view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scan box keeps the keyboard
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    view.verticalHeader().setDefaultSectionSize(22)
    return view


class CountersPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counters: Counters | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._totals())
        self.desa_model = ToneRowsModel(
            [
                Column("name", self.tr("Desa")),
                Column("arrived", self.tr("Hadir"), align_right=True),
                Column("registered", self.tr("Terdaftar"), align_right=True),
                Column("women", self.tr("Wakil perempuan"), align_right=True),
            ],
            _desa_tone,
        )
        box = QGroupBox(self.tr("Kehadiran per desa"))
        QVBoxLayout(box).addWidget(_table(self.desa_model))
        layout.addWidget(box, 3)
        self.lbl_not_arrived = self._list_label("#b71c1c")
        self.lbl_no_woman = self._list_label("#8a5300")
        layout.addWidget(self.lbl_not_arrived)
        layout.addWidget(self.lbl_no_woman)
        self.guest_model = RowsModel(
            [
                Column("category", self.tr("Tamu undangan")),
                Column("arrived", self.tr("Hadir"), align_right=True),
                Column("registered", self.tr("Diundang"), align_right=True),
            ],
            id_key="category",
        )
        self.guest_view = _table(self.guest_model)
        layout.addWidget(self.guest_view)

    def _totals(self) -> QGridLayout:
        grid = QGridLayout()
        self.totals: dict[str, QLabel] = {}
        self.captions: dict[str, QLabel] = {}
        items = [
            ("arrived", self.tr("Hadir")),
            ("desa", self.tr("Desa hadir")),
            ("kits", self.tr("Kit diserahkan")),
            ("walkins", self.tr("Walk-in")),
        ]
        for col, (key, title) in enumerate(items):
            value = QLabel("–")
            font = QFont(value.font())
            font.setPointSize(font.pointSize() + 7)
            font.setBold(True)
            value.setFont(font)
            value.setAlignment(Qt.AlignmentFlag.AlignCenter)
            caption = QLabel(title)
            caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(value, 0, col)
            grid.addWidget(caption, 1, col)
            self.totals[key] = value
            self.captions[key] = caption
        return grid

    def _list_label(self, colour: str) -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setStyleSheet(f"color: {colour};")
        return label

    def show_counters(self, c: Counters) -> None:
        self.counters = c
        self.totals["arrived"].setText(f"{c.arrived} / {c.registered}")
        # the list shows voided people too (marked): say why its count is higher
        self.captions["arrived"].setText(
            self.tr("Hadir (%d batal tak dihitung)") % c.voided if c.voided else self.tr("Hadir")
        )
        self.totals["desa"].setText(f"{c.desa_arrived} / {len(c.desa)}")
        self.totals["kits"].setText(str(c.kits))
        self.totals["walkins"].setText(str(c.walkins))
        self.desa_model.set_rows(
            [
                dict(
                    code=d.code,
                    name=d.name,
                    arrived=d.arrived,
                    registered=d.registered,
                    woman_rep_arrived=d.woman_rep_arrived,
                    women=d.woman_rep_arrived or "✗",
                )
                for d in c.desa
            ]
        )
        self.lbl_not_arrived.setText(
            self.tr("Desa belum hadir (%d): %s")
            % (len(c.desa_not_arrived), _names(c.desa_not_arrived))
        )
        self.lbl_no_woman.setText(
            self.tr("Desa tanpa perwakilan perempuan (%d): %s")
            % (len(c.desa_without_woman), _names(c.desa_without_woman))
        )
        self.guest_model.set_rows(
            [
                dict(category=g.category, arrived=g.arrived, registered=g.registered)
                for g in c.guests
            ]
        )
        rows = max(1, min(len(c.guests), 8))  # every category visible without scrolling
        header = self.guest_view.horizontalHeader().sizeHint().height()
        self.guest_view.setFixedHeight(header + rows * 22 + 4)


def _names(items: list[Any]) -> str:
    return ", ".join(d.name for d in items) or "—"
