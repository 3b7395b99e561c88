"""Export: write this laptop's package (every version it knows, relay-safe) to a folder,
usually a USB stick. The last folder is remembered."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bid_desktop.services import sync as sync_service
from bid_desktop.services import sync_events
from bid_desktop.services.scope import event_choices
from bid_desktop.sync.history import pending_export_count
from bid_desktop.ui.common.feedback import Tone
from bid_desktop.ui.common.table_model import Column, RowsModel
from bid_desktop.ui.context import AppContext
from bid_desktop.ui.sinkronisasi.common import SyncPage, size_text
from bid_desktop.ui.sinkronisasi.folders import EXPORT_KEY, last_folder, remember_folder


class ExportPage(SyncPage):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.last_result: sync_service.ExportResult | None = None
        self.last_packages: list[sync_events.EventPackage] = []  # a TA database: per event
        intro = QLabel(
            self.tr(
                "Paket berisi semua data yang diketahui laptop ini (termasuk yang diimpor dari "
                "laptop lain), terenkripsi dengan frasa sandi acara. Simpan ke flashdisk, lalu "
                "impor di laptop Sinkronisasi."
            )
        )
        intro.setWordWrap(True)
        self.ed_folder = QLineEdit(last_folder(EXPORT_KEY))
        self.ed_folder.setPlaceholderText(self.tr("Folder tujuan, misalnya flashdisk"))
        self.ed_folder.returnPressed.connect(self.export)
        self.ed_folder.editingFinished.connect(self.list_packages)
        label = QLabel(self.tr("&Folder tujuan:"))
        label.setBuddy(self.ed_folder)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.ed_folder, 1)
        row.addWidget(self.button(self.tr("&Pilih folder…"), self.choose_folder))
        self.lbl_pending = QLabel()
        self.btn_export = self.button(self.tr("&Ekspor paket laptop ini"), self.export)
        self.btn_export.setMinimumHeight(44)
        self.btn_export.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.btn_export)
        buttons.addWidget(self.lbl_pending, 1)
        self.lbl_file = QLabel()
        self.lbl_file.setWordWrap(True)
        self.lbl_folder = QLabel()
        self.model = RowsModel(
            [
                Column("name", self.tr("Paket di folder ini")),
                Column("modified", self.tr("Waktu"), lambda t: t.strftime("%d-%m-%Y %H:%M")),
                Column("size", self.tr("Ukuran"), size_text, True),
            ]
        )
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addLayout(buttons)
        layout.addWidget(self.feedback)
        layout.addWidget(self.lbl_file)
        layout.addWidget(self.lbl_folder)
        layout.addWidget(self.view, 1)
        self.setFocusProxy(self.ed_folder)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Pilih folder tujuan (flashdisk)"), self.ed_folder.text()
        )
        if folder:
            self.ed_folder.setText(folder)
            self.btn_export.setFocus()
            self.list_packages()

    def refresh(self) -> None:
        def work() -> int:
            with self.ctx.db.begin() as session:
                return pending_export_count(session.connection())

        self.run(work, self._show_pending)
        self.list_packages()

    def list_packages(self) -> None:
        """The packages already on the stick, so the operator sees the new one arrive."""
        text = self.ed_folder.text().strip()
        folder = Path(text) if text else None

        def work() -> list[dict[str, Any]]:
            if folder is None or not folder.is_dir():
                return []
            files = folder.glob(f"*{sync_service.PACKAGE_SUFFIX}")
            rows: list[dict[str, Any]] = []
            for path in files:
                stat = path.stat()
                modified = dt.datetime.fromtimestamp(stat.st_mtime)
                rows.append(
                    {"id": str(path), "name": path.name, "modified": modified, "size": stat.st_size}
                )
            return sorted(rows, key=lambda r: r["modified"], reverse=True)[:200]

        self.run(work, self._show_packages)

    def _show_packages(self, rows: list[dict[str, Any]]) -> None:
        self.model.set_rows(rows)
        text = self.ed_folder.text().strip()
        self.lbl_folder.setText(self.tr("%d paket di %s") % (len(rows), text) if text else "")

    def _show_pending(self, pending: int) -> None:
        self.lbl_pending.setText(
            self.tr("Stasiun %s: %d perubahan belum diekspor.")
            % (self.ctx.station.station, pending)
        )

    def export(self) -> None:
        text = self.ed_folder.text().strip()
        if not text or not Path(text).is_dir():
            self.feedback.show_message(
                self.tr("Pilih folder tujuan yang ada (misalnya flashdisk) dulu."), Tone.WARN
            )
            self.ed_folder.setFocus()
            return
        folder = Path(text)
        self.btn_export.setEnabled(False)
        self.feedback.show_message(self.tr("Mengekspor paket…"), Tone.INFO)

        db, scope = self.ctx.db, self.ctx.scope
        with db.begin() as session:
            many = sync_events.is_ta(session) and len(event_choices(session)) > 1
        if many:  # a TA database: one package per event of the scope (for the province)

            def work_many() -> list[sync_events.EventPackage]:
                return sync_events.export_event_packages(db, folder, scope or None)

            self.run(work_many, self._exported_many, on_error=self._export_failed)
            return

        def work() -> sync_service.ExportResult:
            return sync_service.export_package(db, folder)

        self.run(work, self._exported, on_error=self._export_failed)

    def _exported_many(self, packages: list[sync_events.EventPackage]) -> None:
        self.last_packages = packages
        self.btn_export.setEnabled(True)
        if packages:
            remember_folder(EXPORT_KEY, packages[0].path.parent)
        self.feedback.show_message(
            self.tr("%d paket acara ditulis (%d versi), satu per acara.")
            % (len(packages), sum(p.versions for p in packages)),
            Tone.OK,
        )
        self.lbl_file.setText(self.tr("Lokasi: %s") % (packages[0].path.parent if packages else ""))
        self.ctx.bus.data_changed.emit("export")
        self.refresh()

    def _exported(self, result: sync_service.ExportResult) -> None:
        self.last_result = result
        self.btn_export.setEnabled(True)
        remember_folder(EXPORT_KEY, result.path.parent)
        self.feedback.show_message(
            self.tr("Paket ditulis: %s (%d versi).") % (result.path.name, result.versions),
            Tone.OK,
        )
        self.lbl_file.setText(self.tr("Lokasi: %s") % result.path)
        self.ctx.bus.data_changed.emit("export")
        self.refresh()

    def _export_failed(self, exc: BaseException) -> None:
        self.btn_export.setEnabled(True)
        self.failed(exc)
