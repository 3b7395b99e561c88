"""Live ranking of one bursa: mean score and spread, computed in SQL, refreshed after each
rating here, on data from other laptops (merge), and every few seconds."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bid_desktop.services import bursa_floor as floor
from bid_desktop.ui.common.runner import run_session
from bid_desktop.ui.common.table_model import Column, RowsModel
from bid_desktop.ui.context import AppContext

REFRESH_MS = 10000


def _mean(value: Any) -> str:
    return "—" if value is None else f"{value:.2f}".replace(".", ",")


class RankingPanel(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.bursa = "A"
        self.model = RowsModel(
            [
                Column("rank", "#", lambda v: "" if v is None else str(v), align_right=True),
                Column("code", self.tr("Kode")),
                Column("title", self.tr("Inovasi")),
                Column("mean", self.tr("Rata-rata"), _mean, align_right=True),
                Column("count", self.tr("Penilai"), align_right=True),
                Column("spread", self.tr("Sebaran 1–5")),
            ]
        )
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.view.verticalHeader().hide()
        self.view.setAlternatingRowColors(True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.group = QGroupBox()
        self.lbl_total = QLabel()
        inner = QVBoxLayout(self.group)
        inner.addWidget(self.view, 1)
        inner.addWidget(self.lbl_total)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.group)
        self._timer = QTimer(self, interval=REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self._stale = True

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def load(self, bursa: str) -> None:
        self.bursa = bursa
        self.group.setTitle(self.tr("Peringkat langsung — Bursa %s") % bursa)
        self.refresh()

    def refresh(self) -> None:
        if not self.isVisible():
            self._stale = True  # hidden: refresh when shown, not every few seconds in the dark
            return
        self._stale = False
        run_session(self, self.ctx, floor.ranking, self.ctx.event_id, self.bursa,
                    done=self._show)  # fmt: skip

    def _show(self, rows: list[dict[str, Any]]) -> None:
        self.model.set_rows(rows)
        ratings = sum(r["count"] for r in rows)
        self.lbl_total.setText(
            self.tr("%d inovasi, %d penilaian di bursa ini") % (len(rows), ratings)
        )
