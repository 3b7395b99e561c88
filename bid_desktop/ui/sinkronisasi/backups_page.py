"""Backups: where and how often the automatic backup runs, "Cadangkan sekarang", the list of
backups (time, size, integrity) and restore behind the committee PIN."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bid_desktop.services import backup_crypt
from bid_desktop.services import sync as sync_service
from bid_desktop.services.audit import require_pin
from bid_desktop.ui.common.feedback import Tone
from bid_desktop.ui.common.pin import ask_pin
from bid_desktop.ui.common.table_model import Column, RowsModel
from bid_desktop.ui.context import AppContext
from bid_desktop.ui.sinkronisasi.common import SyncPage, size_text

CHECKING = "checking"


class BackupsPage(SyncPage):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.settings: sync_service.BackupSettings | None = None
        self.model = RowsModel(
            [
                Column("created", self.tr("Waktu"), lambda t: t.strftime("%d-%m-%Y %H:%M:%S")),
                Column("reason", self.tr("Alasan"), self._reason_text),
                Column("size", self.tr("Ukuran"), size_text, True),
                Column("ok", self.tr("Integritas"), self._ok_text),
                Column("name", self.tr("Berkas")),
            ]
        )
        self._build()

    def _build(self) -> None:
        self.ed_folder = QLineEdit()
        self.ed_folder.setPlaceholderText(
            self.tr("Kosong = folder 'backups' di samping basis data")
        )
        self.sp_minutes = QSpinBox()
        self.sp_minutes.setRange(0, 24 * 60)
        self.sp_minutes.setSuffix(self.tr(" menit"))
        self.sp_minutes.setSpecialValueText(self.tr("mati"))
        self.sp_keep = QSpinBox()
        self.sp_keep.setRange(1, 500)
        self.sp_keep.setSuffix(self.tr(" salinan"))
        for spin in (self.sp_minutes, self.sp_keep):
            spin.setMinimumWidth(140)
        self.btn_save = self.button(self.tr("Simpan pen&gaturan"), self.save_settings)
        grid = QGridLayout()
        grid.addWidget(self._label(self.tr("Folder &cadangan:"), self.ed_folder), 0, 0)
        grid.addWidget(self.ed_folder, 0, 1, 1, 4)
        grid.addWidget(self.button(self.tr("Pilih &folder…"), self.choose_folder), 0, 5)
        grid.addWidget(self._label(self.tr("Otomatis &tiap:"), self.sp_minutes), 1, 0)
        grid.addWidget(self.sp_minutes, 1, 1)
        grid.addWidget(self._label(self.tr("Simpan &paling banyak:"), self.sp_keep), 1, 2)
        grid.addWidget(self.sp_keep, 1, 3)
        grid.addWidget(self.btn_save, 1, 5)
        grid.setColumnStretch(4, 1)
        box = QGroupBox(self.tr("Pengaturan cadangan otomatis"))
        box.setLayout(grid)
        self.btn_now = self.button(self.tr("Ca&dangkan sekarang"), self.backup_now)
        self.btn_now.setMinimumHeight(44)
        self.btn_restore = self.button(self.tr("P&ulihkan cadangan terpilih…"), self.restore)
        actions = QHBoxLayout()
        actions.addWidget(self.btn_now)
        actions.addStretch(1)
        actions.addWidget(self.btn_restore)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.lbl_count = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(box)
        layout.addLayout(actions)
        layout.addWidget(self.feedback)
        layout.addWidget(self.lbl_count)
        layout.addWidget(self.view, 1)
        self.setFocusProxy(self.btn_now)

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    def _reason_text(self, reason: Any) -> str:
        names = {
            "manual": self.tr("manual"),
            "timer": self.tr("otomatis (timer)"),
            "before-merge": self.tr("sebelum penggabungan"),
            "before-restore": self.tr("sebelum pemulihan"),
        }
        return names.get(str(reason), str(reason))

    def _ok_text(self, ok: Any) -> str:
        if ok == CHECKING:
            return self.tr("memeriksa…")
        if ok is None:
            return self.tr("terenkripsi (kunci acara lain)")
        return self.tr("baik") if ok else self.tr("RUSAK")

    # --- settings ----------------------------------------------------------------------------

    def folder(self) -> Path | None:
        text = self.ed_folder.text().strip()
        return Path(text) if text else None

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Pilih folder cadangan (misalnya flashdisk)"), self.ed_folder.text()
        )
        if folder:
            self.ed_folder.setText(folder)

    def refresh(self) -> None:
        def work() -> sync_service.BackupSettings:
            with self.ctx.db.begin() as session:
                return sync_service.backup_settings(session)

        self.run(work, self._show_settings)

    def _show_settings(self, settings: sync_service.BackupSettings) -> None:
        self.settings = settings
        self.ed_folder.setText(str(settings.folder) if settings.folder else "")
        self.sp_minutes.setValue(settings.minutes)
        self.sp_keep.setValue(settings.keep)
        self.refresh_list()

    def save_settings(self) -> None:
        pin = ask_pin(self, self.tr("mengubah pengaturan cadangan"))
        if pin is None:
            return
        folder, minutes, keep = self.folder(), self.sp_minutes.value(), self.sp_keep.value()

        def work() -> sync_service.BackupSettings:
            with self.ctx.db.begin() as session:
                require_pin(session, pin)
                return sync_service.set_backup_settings(session, folder, minutes, keep)

        self.run(work, self._saved)

    def _saved(self, settings: sync_service.BackupSettings) -> None:
        self.feedback.show_message(self.tr("Pengaturan cadangan disimpan."), Tone.OK)
        self.ctx.bus.data_changed.emit("backup_settings")
        self._show_settings(settings)

    # --- list --------------------------------------------------------------------------------

    def backup_folder(self) -> Path:
        settings_folder = self.settings.folder if self.settings else None
        return settings_folder or sync_service.default_backup_folder(self.ctx.db.path)

    def refresh_list(self) -> None:
        folder = self.backup_folder()
        self.run(lambda: sync_service.list_backups(folder), self._show_list)

    def _show_list(self, backups: list[sync_service.BackupInfo]) -> None:
        rows = [
            {
                "id": str(b.path),
                "path": b.path,
                "name": b.path.name,
                "created": b.created,
                "size": b.size,
                "reason": b.reason,
                "ok": CHECKING,
            }
            for b in backups
        ]
        self.model.set_rows(rows)
        self.view.resizeColumnsToContents()
        self.lbl_count.setText(self.tr("%d cadangan di %s") % (len(rows), self.backup_folder()))
        paths = [b.path for b in backups]
        # a sealed copy (USB stick) is checked tag by tag with this laptop's event key
        self.run(lambda: {str(p): backup_crypt.healthy(p) for p in paths}, self._show_integrity)

    def _show_integrity(self, results: dict[str, bool]) -> None:
        for row in self.model.rows:
            if row["id"] in results:
                self.model.update_row(row["id"], {**row, "ok": results[row["id"]]})

    # --- actions -----------------------------------------------------------------------------

    def backup_now(self) -> None:
        folder = self.backup_folder()
        self.btn_now.setEnabled(False)

        def work() -> Path:
            return sync_service.backup_now(self.ctx.db, folder)

        self.run(work, self._backed_up, on_error=self._backup_failed)

    def _backed_up(self, path: Path) -> None:
        self.btn_now.setEnabled(True)
        self.feedback.show_message(
            self.tr("Cadangan dibuat dan diperiksa: %s") % path.name, Tone.OK
        )
        self.ctx.bus.data_changed.emit("backup")
        self.refresh_list()

    def _backup_failed(self, exc: BaseException) -> None:
        self.btn_now.setEnabled(True)
        self.failed(exc)

    def selected_backup(self) -> dict[str, Any] | None:
        return self.model.row_at(self.view.currentIndex())

    def restore(self) -> None:
        row = self.selected_backup()
        if row is None:
            self.feedback.show_message(self.tr("Pilih cadangan di daftar dulu."), Tone.WARN)
            self.view.setFocus()
            return
        when = row["created"].strftime("%d-%m-%Y %H:%M:%S")
        answer = QMessageBox.warning(
            self,
            self.tr("Pulihkan cadangan"),
            self.tr(
                "Basis data laptop ini akan DIGANTI dengan cadangan dari %s.\n\n"
                "Semua yang dicatat di laptop ini sesudah waktu itu dan belum diekspor akan "
                "hilang dari laptop ini. Basis data sekarang disalin dulu ke folder cadangan.\n\n"
                "Lanjutkan?"
            )
            % when,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        pin = ask_pin(self, self.tr("memulihkan cadangan"))
        if pin is None:
            return
        backup, db = Path(row["path"]), self.ctx.db

        def work() -> Path | None:
            db.dispose()  # every connection closed before the file is replaced
            try:
                return sync_service.restore(db.path, backup, pin)
            finally:
                db.dispose()

        self.btn_restore.setEnabled(False)
        self.feedback.show_message(self.tr("Memulihkan cadangan…"), Tone.INFO)
        self.run(work, lambda kept: self._restored(when, kept), on_error=self._restore_failed)

    def _restore_failed(self, exc: BaseException) -> None:
        self.btn_restore.setEnabled(True)
        self.failed(exc)

    def _restored(self, when: str, kept: Path | None) -> None:
        self.btn_restore.setEnabled(True)
        self.ctx.reload_station()
        text = self.tr("Basis data dipulihkan ke cadangan %s.") % when
        if kept is not None:
            text += " " + self.tr("Salinan sebelumnya: %s") % kept.name
        self.feedback.show_message(text, Tone.OK)
        self.ctx.bus.data_changed.emit("restore")
        self.refresh()
