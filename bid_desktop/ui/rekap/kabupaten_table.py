"""The kabupaten summary on the dashboard (a TA scope of several events): one row per
kecamatan — desa present / total, women representatives, commitments and Rp, ideas, and
follow-up progress (contacted, reached RKP Desa, realised)."""

from __future__ import annotations

from dataclasses import asdict

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from bid_desktop.domain.amounts import rupiah
from bid_desktop.reports.summary import EventFigures
from bid_desktop.ui.common.table_model import Column, RowsModel


class KabupatenTable(QTableView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model_ = RowsModel(
            [
                Column("kecamatan", self.tr("Kecamatan")),
                Column("desa", self.tr("Desa hadir"), None, True),
                Column("women_present", self.tr("Perwakilan perempuan"), None, True),
                Column("commitments", self.tr("Komitmen"), None, True),
                Column("amount", self.tr("Anggaran"), rupiah, True),
                Column("ideas", self.tr("Ide"), None, True),
                Column("contacted", self.tr("Dihubungi"), None, True),
                Column("in_rkp", self.tr("Masuk RKP Desa"), None, True),
                Column("realised", self.tr("Terealisasi"), None, True),
            ],
            id_key="event_id",
        )
        self.setModel(self.model_)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def show_figures(self, figures: list[EventFigures]) -> None:
        rows = []
        for f in figures:
            row = asdict(f)
            row["desa"] = f"{f.desa_present} / {f.desa_total}"
            rows.append(row)
        self.model_.set_rows(rows)
        self.resizeColumnsToContents()
