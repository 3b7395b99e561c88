"""Printing, opening and reprinting the piagam, and the handover photo, for the exchange page.

PDFs go to ``piagam/`` beside the database. A reprint is a SALINAN: asked first, then logged
by the service. The photo comes from a file: this build has no QtMultimedia (PySide6-Essentials),
so there is no webcam capture.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFileDialog, QMessageBox

from bid_desktop.services import exchange
from bid_desktop.services.exchange_photo import attach_photo, photo_bytes
from bid_desktop.services.exchange_piagam import AlreadyPrinted, PiagamRun, issue_piagam
from bid_desktop.ui.common import pdf
from bid_desktop.ui.common.feedback import Tone

if TYPE_CHECKING:
    from bid_desktop.ui.jendela3.exchange_page import ExchangePage


class PiagamActions(QObject):
    def __init__(self, page: ExchangePage) -> None:
        super().__init__(page)
        self.page = page
        self.written: dict[str, Path] = {}  # desa code → last PDF written on this laptop

    def out_dir(self) -> Path:
        return self.page.ctx.db.path.parent / "piagam"

    def last_pdf(self) -> Path | None:
        panel = self.page.panel
        if panel is None:
            return None
        path = self.written.get(panel.desa_code)
        if path is None and panel.piagam is not None:
            found = sorted(self.out_dir().glob(f"piagam-{panel.piagam.serial}-*.pdf"))
            path = max(found, key=lambda p: p.stat().st_mtime) if found else None
        return path if path is not None and path.exists() else None

    # --- print ------------------------------------------------------------------------------------

    def print_piagam(self, reprint: bool = False) -> None:
        page = self.page
        if page.panel is None:
            page.focus_card()
            return
        code, out = page.panel.desa_code, self.out_dir()

        def work() -> PiagamRun:
            with page.ctx.db.begin() as session:
                return issue_piagam(session, code, out, reprint=reprint)

        page.run(work, self._printed, self._refused)

    def reprint(self) -> None:
        panel = self.page.panel
        if panel is None or panel.piagam is None or not panel.piagam.prints:
            self.print_piagam()
            return
        text = self.tr(
            "Piagam %s sudah dicetak %d×. Cetak ulang sebagai SALINAN? Cetakan ini dicatat."
        ) % (panel.piagam.serial, panel.piagam.prints)
        if panel.piagam.stale:
            text += " " + self.tr(
                "Piagam yang tercetak tidak memuat semua komitmen: SALINAN memuat daftar baru."
            )
        answer = QMessageBox.question(
            self.page,
            self.tr("Cetak ulang piagam"),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.print_piagam(reprint=True)
        else:
            self.page.focus_box()

    def _printed(self, run: PiagamRun) -> None:
        page = self.page
        self.written[run.desa_code] = run.path
        kind = self.tr("SALINAN piagam") if run.is_copy else self.tr("Piagam")
        page.feedback.show_message(
            self.tr("✓ %s %s dibuat: %d komitmen → %s")
            % (kind, run.serial, run.commitments, run.path.name),
            Tone.OK,
        )
        page.ctx.bus.data_changed.emit("piagam")
        self.show_pdf(run.path)

    def _refused(self, exc: BaseException) -> None:
        self.page.failed(exc)
        if isinstance(exc, AlreadyPrinted):
            self.page.feedback.show_message(
                str(exc) + self.tr(" — Ctrl+Shift+P untuk cetak ulang, Ctrl+O untuk membuka"),
                Tone.WARN,
            )
        self.page.focus_box()

    def show_pdf(self, path: Path) -> None:
        page = self.page
        if page.chk_printer.isChecked():
            pdf.print_pdf(page, path)
        elif not pdf.open_pdf(path):
            page.feedback.show_message(
                self.tr("Tidak ada penampil PDF. Berkas piagam: %s") % path, Tone.WARN
            )
        page.focus_box()

    def open_last(self) -> None:
        path = self.last_pdf()
        if path is None:
            self.page.feedback.show_message(
                self.tr("Belum ada PDF piagam desa ini di laptop ini — Ctrl+P untuk mencetak."),
                Tone.WARN,
            )
            return
        self.show_pdf(path)

    # --- photo ------------------------------------------------------------------------------------

    def attach_photo(self) -> None:
        if self.page.panel is None:
            self.page.focus_card()
            return
        path, _ = QFileDialog.getOpenFileName(
            self.page,
            self.tr("Foto serah terima"),
            "",
            self.tr("Foto (*.jpg *.jpeg *.png *.bmp *.webp)"),
        )
        if path:
            self.attach_file(Path(path))
        self.page.focus_box()

    def attach_file(self, path: Path) -> None:
        page = self.page
        assert page.panel is not None
        event_id, code = page.ctx.event_id, page.panel.desa_code

        def work() -> tuple[exchange.PiagamState, bytes]:
            with page.ctx.db.begin() as session:
                state = attach_photo(session, event_id, code, path)
                assert state.photo_id is not None
                return state, photo_bytes(session, state.photo_id)

        def done(result: tuple[exchange.PiagamState, bytes]) -> None:
            self._thumbnail(result[1])
            page.feedback.show_message(self.tr("✓ Foto serah terima disimpan"), Tone.OK)
            page.ctx.bus.data_changed.emit("piagam")

        page.run(work, done)

    def show_photo(self, photo_id: str | None) -> None:
        if photo_id is None:
            self.page.lbl_photo.clear()
            self.page.lbl_photo.setText(self.tr("Belum ada foto serah terima"))
            return

        def work() -> bytes:
            with self.page.ctx.db.begin() as session:
                return photo_bytes(session, photo_id)

        self.page.run(work, self._thumbnail)

    def _thumbnail(self, data: bytes) -> None:
        label = self.page.lbl_photo
        pixmap = QPixmap()
        pixmap.loadFromData(data)
        label.setPixmap(
            pixmap.scaled(
                label.size(),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )
