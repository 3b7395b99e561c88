"""Menu Inovasi of the chosen bursa (or all): filter, add, edit, link a provider, take off the
menu behind the PIN; import / template of the xlsx."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QWidget
from sqlalchemy.orm import Session

from bid_desktop.services import bursa as service
from bid_desktop.ui.bursa.dialogs import InnovationDialog
from bid_desktop.ui.bursa.list_panel import ListPanel
from bid_desktop.ui.common.feedback import Tone
from bid_desktop.ui.common.pin import ask_pin, ask_reason
from bid_desktop.ui.common.runner import run_db
from bid_desktop.ui.common.sheet_files import SheetFiles
from bid_desktop.ui.common.table_model import Column
from bid_desktop.ui.context import AppContext


class MenuPanel(ListPanel):
    stretch_column = 2

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        columns = [
            Column("code", self.tr("Kode")),
            Column("bursa", self.tr("Bursa")),
            Column("title", self.tr("Judul inovasi")),
            Column("origin_desa", self.tr("Desa asal")),
            Column("cost_text", self.tr("Perkiraan biaya"), align_right=True),
            Column("provider_name", self.tr("Penyedia (P2KTD)")),
        ]
        super().__init__(ctx, columns, self.tr("Cari kode atau judul… (Enter/F4 ubah)"), parent)
        self.files = SheetFiles(self, ctx, "innovations", self.feedback, self.refresh)
        self.all_bursa = QCheckBox(self.tr("Semua bursa"))
        self.all_bursa.toggled.connect(lambda _on: self.refresh())
        self.buttons.addWidget(self.all_bursa)
        self.button(self.tr("Tambah (Ctrl+N)"), self.add)
        self.button(self.tr("Ubah (F4)"), self.edit_current)
        self.button(self.tr("Hapus dari menu…"), self.void_current, "Ctrl+Del")
        self.button(self.tr("Impor xlsx…"), self.files.ask_import, "Ctrl+I")
        self.button(self.tr("Templat"), self.files.ask_template, "Ctrl+T")
        self.dialog: InnovationDialog | None = None
        self.feedback.show_message(
            self.tr("Menu per bursa. Enter/F4 mengubah baris terpilih, Ctrl+N menambah; "
                    "menu lengkap dapat diimpor dari templat xlsx."), Tone.INFO)  # fmt: skip

    def fetch(self, session: Session, text: str) -> list[dict[str, Any]]:
        bursa = "" if self.all_bursa.isChecked() else self.bursa
        return service.innovation_rows(session, self.ctx.event_id, bursa, text)

    def add(self) -> None:
        self._open(None)

    def edit_current(self) -> None:
        row = self.current()
        if row is None:
            self.feedback.show_message(self.tr("Pilih inovasi dulu."), Tone.WARN)
            return
        self._open(row)

    def _open(self, row: dict[str, Any] | None) -> None:
        with self.ctx.db.begin() as session:
            providers = service.provider_rows(session, self.ctx.event_id)
        dialog = InnovationDialog(self, providers, self.bursa, lambda f: self._save(dialog, f), row)
        self.dialog = dialog
        dialog.finished.connect(lambda _r: self.filter.ready_for_next())
        dialog.open()

    def _save(self, dialog: InnovationDialog, form: service.InnovationForm) -> None:
        iid = dialog.innovation_id

        def work() -> dict[str, Any]:
            with self.ctx.db.begin() as session:
                return service.save_innovation(session, form, iid)

        def done(row: dict[str, Any]) -> None:
            dialog.accept()
            self.feedback.show_message(
                self.tr("Tersimpan: %s — %s") % (row["code"], row["title"]), Tone.OK
            )
            self.ctx.bus.data_changed.emit("innovation")
            self.refresh()

        run_db(self, self.ctx, work, done, dialog.show_error)

    def void_current(self) -> None:
        row = self.current()
        if row is None:
            self.feedback.show_message(self.tr("Pilih inovasi dulu."), Tone.WARN)
            return
        action = self.tr("hapus %s dari menu") % row["code"]
        pin = ask_pin(self, action)
        reason = ask_reason(self, action) if pin else None
        if not pin or not reason:
            return

        def work() -> None:
            with self.ctx.db.begin() as session:
                service.void_innovation(session, row["id"], reason, pin)

        def done(_none: None) -> None:
            self.feedback.show_message(
                self.tr("%s dihapus dari menu (tercatat di log).") % row["code"], Tone.INFO
            )
            self.ctx.bus.data_changed.emit("innovation")
            self.refresh()

        run_db(self, self.ctx, work, done, lambda e: self.feedback.show_message(str(e), Tone.ERROR))
