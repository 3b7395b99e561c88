"""Import log: every package merged into this laptop (time, file, station, counts). The same
package is recognised later by its SHA-256."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from bid_desktop.services import sync as sync_service
from bid_desktop.ui.common.table_model import Column, RowsModel
from bid_desktop.ui.context import AppContext
from bid_desktop.ui.sinkronisasi.common import SyncPage

PAGE = 500


def import_log_rows(session: Session, limit: int = PAGE) -> list[dict[str, Any]]:
    """The newest ``limit`` log rows as plain dicts (no ORM objects leave the worker)."""
    return [
        {
            "id": r.id,
            "imported_at": r.imported_at,
            "file_name": r.file_name,
            "station": r.station,
            "versions": (r.versions_new, r.versions_total),
            "added": r.added,
            "updated": r.updated,
            "conflicts": r.conflicts,
            "sha256": r.package_sha256,
        }
        for r in sync_service.import_log(session, limit)
    ]


class ImportLogPage(SyncPage):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = RowsModel(
            [
                Column("imported_at", self.tr("Waktu"), self._when),
                Column("file_name", self.tr("Berkas")),
                Column("station", self.tr("Stasiun")),
                Column("versions", self.tr("Hasil"), self._result),
                Column("versions", self.tr("Versi baru / isi"), self._versions, True),
                Column("added", self.tr("Ditambah"), None, True),
                Column("updated", self.tr("Diubah"), None, True),
                Column("conflicts", self.tr("Konflik"), None, True),
                Column("sha256", self.tr("Sidik paket (SHA-256)"), lambda h: str(h)[:16] + "…"),
            ]
        )
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        self.lbl_count = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.lbl_count, 1)
        top.addWidget(self.button(self.tr("&Muat ulang (F5)"), self.refresh))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        self.setFocusProxy(self.view)

    def _when(self, value: Any) -> str:
        return value.strftime("%d-%m-%Y %H:%M") if isinstance(value, dt.datetime) else ""

    def _result(self, versions: Any) -> str:
        new, _total = versions
        return self.tr("Digabung") if new else self.tr("Tidak ada yang baru")

    def _versions(self, versions: Any) -> str:
        new, total = versions
        return f"{new} / {total}"

    def refresh(self) -> None:
        def work() -> list[dict[str, Any]]:
            with self.ctx.db.begin() as session:
                return import_log_rows(session)

        self.run(work, self._show)

    def _show(self, rows: list[dict[str, Any]]) -> None:
        self.model.set_rows(rows)
        self.view.resizeColumnsToContents()
        if len(rows) >= PAGE:
            self.lbl_count.setText(self.tr("%d impor terbaru") % len(rows))
        else:
            self.lbl_count.setText(self.tr("%d paket pernah diimpor") % len(rows))
