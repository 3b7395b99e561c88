"""Direktori P2KTD: filter, add, edit; import / template of the xlsx. Providers are linked
to innovations in the menu item's form (Penyedia)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget
from sqlalchemy.orm import Session

from bid_desktop.services import bursa as service
from bid_desktop.ui.bursa.dialogs import ProviderDialog
from bid_desktop.ui.bursa.list_panel import ListPanel
from bid_desktop.ui.common.feedback import Tone
from bid_desktop.ui.common.runner import run_db
from bid_desktop.ui.common.sheet_files import SheetFiles
from bid_desktop.ui.common.table_model import Column
from bid_desktop.ui.context import AppContext


class ProvidersPanel(ListPanel):
    stretch_column = 2

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        columns = [
            Column("name", self.tr("Nama lembaga")),
            Column("bidang", self.tr("Bidang")),
            Column("services", self.tr("Layanan")),
            Column("contact", self.tr("Kontak")),
            Column("phone", self.tr("No HP")),
            Column("address", self.tr("Alamat")),
        ]
        super().__init__(ctx, columns, self.tr("Cari nama atau layanan… (Enter/F4 ubah)"), parent)
        self.files = SheetFiles(self, ctx, "providers", self.feedback, self.refresh)
        self.button(self.tr("Tambah (Ctrl+N)"), self.add)
        self.button(self.tr("Ubah (F4)"), self.edit_current)
        self.button(self.tr("Impor xlsx…"), self.files.ask_import, "Ctrl+I")
        self.button(self.tr("Templat"), self.files.ask_template, "Ctrl+T")
        self.dialog: ProviderDialog | None = None
        self.feedback.show_message(
            self.tr("Direktori penyedia jasa. Hubungkan penyedia ke inovasi di formulir "
                    "inovasi (Menu inovasi → Ubah → Penyedia)."), Tone.INFO)  # fmt: skip

    def fetch(self, session: Session, text: str) -> list[dict[str, Any]]:
        return service.provider_rows(session, self.ctx.event_id, text)

    def add(self) -> None:
        self._open(None)

    def edit_current(self) -> None:
        row = self.current()
        if row is None:
            self.feedback.show_message(self.tr("Pilih penyedia dulu."), Tone.WARN)
            return
        self._open(row)

    def _open(self, row: dict[str, Any] | None) -> None:
        dialog = ProviderDialog(self, lambda f: self._save(dialog, f), row)
        self.dialog = dialog
        dialog.finished.connect(lambda _r: self.filter.ready_for_next())
        dialog.open()

    def _save(self, dialog: ProviderDialog, form: service.ProviderForm) -> None:
        pid = dialog.provider_id

        def work() -> dict[str, Any]:
            with self.ctx.db.begin() as session:
                return service.save_provider(session, form, pid)

        def done(row: dict[str, Any]) -> None:
            dialog.accept()
            self.feedback.show_message(self.tr("Tersimpan: %s") % row["name"], Tone.OK)
            self.ctx.bus.data_changed.emit("provider")
            self.refresh()

        run_db(self, self.ctx, work, done, dialog.show_error)
