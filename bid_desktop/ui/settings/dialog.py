"""Pengaturan: event details and signatories, committee PIN, language, audit log."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from bid_desktop.services import audit as audit_service
from bid_desktop.services import events as event_service
from bid_desktop.services import station as station_service
from bid_desktop.services.errors import UserError
from bid_desktop.ui.common.pin import ask_pin
from bid_desktop.ui.common.table_model import Column, RowsModel
from bid_desktop.ui.context import AppContext
from bid_desktop.ui.settings.amount_band import AmountBandPage


class SettingsDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Pengaturan"))
        self.resize(900, 560)
        tabs = QTabWidget()
        tabs.addTab(self._event_page(), self.tr("Acara && penanda tangan"))
        tabs.addTab(self._pin_page(), self.tr("PIN panitia"))
        tabs.addTab(self._language_page(), self.tr("Bahasa"))
        tabs.addTab(AmountBandPage(ctx), self.tr("Jumlah wajar"))
        tabs.addTab(AuditPage(ctx), self.tr("Log audit"))
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("Tutup"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(buttons)

    # --- event -------------------------------------------------------------------------
    def _event_page(self) -> QWidget:
        page = QWidget()
        with self.ctx.db.begin() as s:
            event = event_service.current_event(s)
            name, venue, date = event.name, event.venue, event.date
            signers = event_service.signatories(event)
        self.ed_name = QLineEdit(name)
        self.ed_venue = QLineEdit(venue)
        self.ed_date = QDateEdit(QDate(date.year, date.month, date.day))
        self.ed_date.setCalendarPopup(True)
        self.ed_date.setDisplayFormat("dd-MM-yyyy")
        self.tbl_signers = QTableWidget(len(signers), 3)
        self.tbl_signers.setHorizontalHeaderLabels(
            [self.tr("Jabatan lengkap"), self.tr("Nama"), self.tr("NIP (bila ada)")]
        )
        self.tbl_signers.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for row, signer in enumerate(signers):
            self.tbl_signers.setItem(row, 0, QTableWidgetItem(signer["title"]))
            self.tbl_signers.setItem(row, 1, QTableWidgetItem(signer["name"]))
            self.tbl_signers.setItem(row, 2, QTableWidgetItem(signer["nip"]))
        add = QPushButton(self.tr("Tambah penanda tangan"))
        add.clicked.connect(lambda: self.tbl_signers.insertRow(self.tbl_signers.rowCount()))
        save = QPushButton(self.tr("Simpan (PIN)"))
        save.clicked.connect(self._save_event)
        form = QFormLayout()
        form.addRow(self.tr("Nama acara"), self.ed_name)
        form.addRow(self.tr("Tempat"), self.ed_venue)
        form.addRow(self.tr("Tanggal"), self.ed_date)
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addWidget(self.tbl_signers)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addStretch()
        buttons.addWidget(save)
        layout.addLayout(buttons)
        return page

    def signers(self) -> list[dict[str, str]]:
        out = []
        for row in range(self.tbl_signers.rowCount()):
            cells = [self.tbl_signers.item(row, col) for col in (0, 1, 2)]
            title, name, nip = (c.text().strip() if c else "" for c in cells)
            if title or name:
                out.append({"title": title, "name": name, "nip": nip})
        return out

    def _save_event(self) -> None:
        pin = ask_pin(self, self.tr("ubah data acara"))
        if pin is None:
            return
        try:
            with self.ctx.db.begin() as s:
                audit_service.require_pin(s, pin)
                event = event_service.current_event(s)
                before = {
                    "name": event.name,
                    "venue": event.venue,
                    "signatories": event.signatories,
                }
                event_service.update_event(
                    s,
                    event,
                    name=self.ed_name.text().strip() or event.name,
                    venue=self.ed_venue.text().strip(),
                    date=self.ed_date.date().toPython(),
                    signatories=self.signers(),
                )
                audit_service.audit(s, "event.update", "event", event.id, before=before)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Tidak disimpan"), str(exc))
            return
        self.ctx.reload_station()
        self.ctx.bus.data_changed.emit("event")
        QMessageBox.information(self, self.tr("Tersimpan"), self.tr("Data acara disimpan."))

    # --- PIN -----------------------------------------------------------------------------
    def _pin_page(self) -> QWidget:
        page = QWidget()
        self.ed_old = QLineEdit()
        self.ed_new = QLineEdit()
        self.ed_again = QLineEdit()
        for edit in (self.ed_old, self.ed_new, self.ed_again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        save = QPushButton(self.tr("Ganti PIN"))
        save.clicked.connect(self._save_pin)
        form = QFormLayout(page)
        form.addRow(self.tr("PIN lama"), self.ed_old)
        form.addRow(self.tr("PIN baru"), self.ed_new)
        form.addRow(self.tr("Ulangi PIN baru"), self.ed_again)
        form.addRow("", save)
        return page

    def _save_pin(self) -> None:
        if self.ed_new.text() != self.ed_again.text():
            QMessageBox.warning(self, self.tr("PIN"), self.tr("PIN baru tidak sama"))
            return
        try:
            with self.ctx.db.begin() as s:
                audit_service.require_pin(s, self.ed_old.text())
                audit_service.set_pin(s, self.ed_new.text())
        except UserError as exc:
            QMessageBox.warning(self, self.tr("PIN"), str(exc))
            return
        for edit in (self.ed_old, self.ed_new, self.ed_again):
            edit.clear()
        QMessageBox.information(self, self.tr("PIN"), self.tr("PIN panitia diganti."))

    # --- language --------------------------------------------------------------------------
    def _language_page(self) -> QWidget:
        page = QWidget()
        self.cmb_lang = QComboBox()
        for code, label in station_service.LANGUAGES.items():
            self.cmb_lang.addItem(label, code)
        self.cmb_lang.setCurrentIndex(max(0, self.cmb_lang.findData(self.ctx.station.language)))
        save = QPushButton(self.tr("Simpan bahasa"))
        save.clicked.connect(self._save_language)
        form = QFormLayout(page)
        form.addRow(self.tr("Bahasa antarmuka"), self.cmb_lang)
        form.addRow("", save)
        return page

    def _save_language(self) -> None:
        with self.ctx.db.begin() as s:
            station_service.set_language(s, self.cmb_lang.currentData())
        self.ctx.reload_station()
        QMessageBox.information(
            self, self.tr("Bahasa"), self.tr("Bahasa dipakai setelah aplikasi dibuka ulang.")
        )


class AuditPage(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.model = RowsModel(
            [
                Column("at", self.tr("Waktu"), lambda v: v.strftime("%d-%m %H:%M:%S") if v else ""),
                Column("station", self.tr("Stasiun")),
                Column("action", self.tr("Tindakan")),
                Column("entity", self.tr("Data")),
                Column("reason", self.tr("Alasan")),
                Column("before", self.tr("Sebelum")),
                Column("after", self.tr("Sesudah")),
            ]
        )
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Cari tindakan, alasan, stasiun…"))
        self.search.textChanged.connect(lambda _t: self.reload())
        export = QPushButton(self.tr("Ekspor CSV…"))
        export.clicked.connect(self._export)
        view = QTableView()
        view.setModel(self.model)
        view.horizontalHeader().setStretchLastSection(True)
        view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(export)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(view)
        self.reload()

    def reload(self) -> None:
        with self.ctx.db.begin() as s:
            self.model.set_rows(audit_service.audit_rows(s, text=self.search.text().strip()))

    def _export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Ekspor log audit"), "audit.csv", "CSV (*.csv)"
        )
        if path:
            with self.ctx.db.begin() as s:
                count = audit_service.export_audit_csv(s, path)
            self.ctx.bus.status.emit(self.tr("%d entri audit diekspor") % count)
