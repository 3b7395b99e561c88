"""Import: choose several packages, see a dry-run preview per package, then merge them in
one transaction with a progress bar and Cancel. A refused package is named with the failed
check in one line; nothing is written then."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bid_desktop.services import sync as sync_service
from bid_desktop.services import sync_events
from bid_desktop.services.errors import UserError
from bid_desktop.ui.common.feedback import Tone
from bid_desktop.ui.common.table_model import Column, RowsModel
from bid_desktop.ui.context import AppContext
from bid_desktop.ui.sinkronisasi.common import SyncPage
from bid_desktop.ui.sinkronisasi.folders import IMPORT_KEY, last_folder, remember_folder
from bid_desktop.ui.sinkronisasi.progress import ProgressStrip


def package_row(item: sync_service.PackageImport) -> dict[str, Any]:
    info = item.info
    return {
        "id": str(info.path),
        "file": info.path.name,
        "station": info.station,
        "versions": f"{item.versions_new} / {info.versions}",
        "added": item.added,
        "updated": item.updated,
        "deleted": item.deleted,
        "hard": item.conflicts_hard,
        "soft": item.conflicts_soft,
        "duplicates": item.duplicate_candidates,
        "seen": info.already_imported,
    }


class ImportPage(SyncPage):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.paths: list[Path] = []
        self.passphrases: list[str] = []  # of new events (a TA database), asked once each
        self.preview: sync_service.ImportSummary | None = None
        self.result: sync_service.ImportSummary | None = None
        self.model = RowsModel(
            [
                Column("file", self.tr("Paket")),
                Column("station", self.tr("Stasiun")),
                Column("versions", self.tr("Versi baru / isi"), None, True),
                Column("added", self.tr("Ditambah"), None, True),
                Column("updated", self.tr("Diubah"), None, True),
                Column("deleted", self.tr("Dihapus"), None, True),
                Column("hard", self.tr("Konflik berat"), None, True),
                Column("soft", self.tr("Konflik ringan"), None, True),
                Column("duplicates", self.tr("Calon duplikat"), None, True),
                Column("seen", self.tr("Sudah pernah diimpor"), self._yes_no),
            ]
        )
        self._build()

    def _build(self) -> None:
        intro = QLabel(
            self.tr(
                "Pilih satu atau beberapa paket .bidsync dari laptop lain. Pratinjau dulu "
                "(tidak ada yang diubah), lalu Gabungkan. Cadangan dibuat otomatis sebelum "
                "penggabungan."
            )
        )
        intro.setWordWrap(True)
        self.files = QListWidget()
        self.files.setMaximumHeight(110)
        self.files.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        remove = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.files)
        remove.activated.connect(self.remove_selected)
        self.btn_choose = self.button(self.tr("&Pilih paket…"), self.choose_files)
        self.btn_remove = self.button(self.tr("&Hapus dari daftar (Del)"), self.remove_selected)
        self.btn_preview = self.button(self.tr("P&ratinjau (uji coba)"), self.run_preview)
        self.btn_merge = self.button(self.tr("&Gabungkan"), self.merge)
        for button in (self.btn_preview, self.btn_merge):
            button.setMinimumHeight(44)
        side = QVBoxLayout()
        for button in (self.btn_choose, self.btn_remove):
            side.addWidget(button)
        side.addStretch(1)
        files_row = QHBoxLayout()
        files_row.addWidget(self.files, 1)
        files_row.addLayout(side)
        actions = QHBoxLayout()
        actions.addWidget(self.btn_preview)
        actions.addWidget(self.btn_merge)
        actions.addStretch(1)
        self.progress = ProgressStrip()
        self.lbl_summary = QLabel()
        self.lbl_summary.setWordWrap(True)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(files_row)
        layout.addLayout(actions)
        layout.addWidget(self.progress)
        layout.addWidget(self.feedback)
        layout.addWidget(self.lbl_summary)
        layout.addWidget(self.view, 1)
        self.setFocusProxy(self.btn_choose)
        self._update_buttons()

    def _yes_no(self, value: Any) -> str:
        return self.tr("ya") if value else ""

    def _update_buttons(self, busy: bool = False) -> None:
        self.btn_choose.setEnabled(not busy)
        self.btn_remove.setEnabled(not busy and bool(self.paths))
        self.btn_preview.setEnabled(not busy and bool(self.paths))
        self.btn_merge.setEnabled(not busy and self.preview is not None)

    # --- files -------------------------------------------------------------------------------

    def choose_files(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(
            self,
            self.tr("Pilih paket dari laptop lain"),
            last_folder(IMPORT_KEY),
            self.tr("Paket BID (*%s)") % sync_service.PACKAGE_SUFFIX,
        )
        if names:
            remember_folder(IMPORT_KEY, Path(names[0]).parent)
            self.set_files([*self.paths, *(Path(n) for n in names)])

    def set_files(self, paths: list[Path]) -> None:
        """Set the chosen packages (duplicates dropped) and preview them at once."""
        unique = list(dict.fromkeys(Path(p) for p in paths))
        self.paths = unique
        self.files.clear()
        self.files.addItems([str(p) for p in unique])
        self._clear_preview()
        if unique:
            self.run_preview()

    def remove_selected(self) -> None:
        rows = {self.files.row(item) for item in self.files.selectedItems()}
        if rows:
            self.set_files([p for i, p in enumerate(self.paths) if i not in rows])

    def _clear_preview(self) -> None:
        self.preview = None
        self.model.set_rows([])
        self.lbl_summary.setText("")
        self._update_buttons()

    # --- dry run and merge -------------------------------------------------------------------

    def run_preview(self) -> None:
        self._start(dry_run=True)

    def merge(self) -> None:
        if self.preview is not None:
            self._start(dry_run=False)

    def ask_passphrases(self, paths: list[Path]) -> list[str] | None:
        """A TA database merging an event for the first time: that event's passphrase, asked
        once per new event (then kept with its key). None when the user cancels."""
        try:
            new = sync_events.unknown_events(self.ctx.db, paths)
        except UserError as exc:
            self.failed(exc)
            return None
        phrases = list(self.passphrases)
        for event_id, files in new.items():
            if any(sync_events.opens(event_id, files[0], p) for p in phrases):
                continue
            text, ok = QInputDialog.getText(
                self,
                self.tr("Acara baru"),
                self.tr("Paket %s dari acara yang belum ada di basis data ini.\n"
                        "Kata sandi acara tersebut:") % files[0].name,
                QLineEdit.EchoMode.Password,
            )  # fmt: skip
            if not ok:
                return None
            phrases.append(text)
        self.passphrases = phrases
        return phrases

    def _start(self, dry_run: bool) -> None:
        paths = list(self.paths)
        if not paths:
            return
        passphrases = self.ask_passphrases(paths)
        if passphrases is None:
            return
        title = self.tr("Pratinjau paket…") if dry_run else self.tr("Menggabungkan paket…")
        progress, cancelled = self.progress.start(title)
        self._update_buttons(busy=True)
        db = self.ctx.db

        def work() -> sync_service.ImportSummary:
            return sync_service.import_packages(
                db,
                paths,
                dry_run=dry_run,
                progress=progress,
                cancelled=cancelled,
                passphrases=passphrases,
            )

        self.run(work, self._finished, on_error=self._refused)

    def _finished(self, summary: sync_service.ImportSummary) -> None:
        self.progress.finish()
        self.model.set_rows([package_row(p) for p in summary.packages])
        self.view.resizeColumnsToContents()
        if summary.dry_run:
            self.preview = summary
            self.feedback.show_message(
                self.tr(
                    "Pratinjau selesai; belum ada yang diubah. Tekan Gabungkan untuk menerapkan."
                ),
                Tone.INFO,
            )
        else:
            self.result = summary
            self.preview = None
            self.feedback.show_message(self._merged_text(summary), Tone.OK)
            self.ctx.bus.data_changed.emit("merge")
        self.lbl_summary.setText(self._totals_text(summary))
        self._update_buttons()
        (self.btn_merge if self.preview else self.btn_choose).setFocus()

    def _refused(self, exc: BaseException) -> None:
        self.progress.finish()
        self.preview = None
        self.model.set_rows([])
        self.lbl_summary.setText(self.tr("Tidak ada yang diubah pada basis data ini."))
        if self.progress.cancelling:
            self.feedback.show_message(self.tr("Dibatalkan; tidak ada yang diubah."), Tone.WARN)
        else:
            self.failed(exc)
        self._update_buttons()
        self.btn_choose.setFocus()

    def _merged_text(self, summary: sync_service.ImportSummary) -> str:
        text = self.tr("%d paket digabung.") % len(summary.packages)
        if summary.backup is not None:
            text += " " + self.tr("Cadangan sebelum penggabungan: %s") % summary.backup.name
        if summary.conflicts_hard or summary.duplicate_candidates:
            text += " " + self.tr(
                "Periksa %d konflik berat (Alt+4) dan %d calon duplikat (Alt+5)."
            ) % (summary.conflicts_hard, summary.duplicate_candidates)
        if summary.number_collisions:
            text += (
                " "
                + self.tr(
                    "%d nomor peserta atau seri piagam dipakai dua data (nomor ganda); "
                    "periksa dengan bid-desktop check."
                )
                % summary.number_collisions
            )
        return text

    def _totals_text(self, summary: sync_service.ImportSummary) -> str:
        head = self.tr("Jika digabung:") if summary.dry_run else self.tr("Hasil:")
        body = self.tr(
            "%d versi baru, %d data ditambah, %d diubah, %d dihapus; konflik %d berat, "
            "%d ringan; %d kelompok calon duplikat."
        ) % (
            summary.versions_new,
            summary.added,
            summary.updated,
            summary.deleted,
            summary.conflicts_hard,
            summary.conflicts_soft,
            summary.duplicate_candidates,
        )
        return f"{head} {body}"
