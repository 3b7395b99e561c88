"""Rekap & Tindak Lanjut tab (station 6, TA Kabupaten, after the event).

Pages: follow-up of every commitment (filters, overdue view, edit panel), verification of
the Kartu Ide, and the dashboard. A TA database holding many events shows the scope chosen
with the "Cakupan" button (every event, one, several) on every page, recap and report. Buttons write the recap workbook
(every event in the database), import the TA's Tanggapan/Penilaian back, and write the event
report PDF; slow work runs on the task worker with a progress dialog.

Keys: Ctrl+S saves the panel; Ctrl+Tab / Ctrl+Shift+Tab switch pages; F5 refreshes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from bid_desktop.reports.summary import EventFigures, EventSummary
from bid_desktop.services import recap as recap_service
from bid_desktop.services import report as report_service
from bid_desktop.services.imports import ImportResult, import_xlsx
from bid_desktop.services.kabupaten import kabupaten_summary
from bid_desktop.ui.common import pdf
from bid_desktop.ui.context import AppContext
from bid_desktop.ui.rekap.dashboard import DashboardPage
from bid_desktop.ui.rekap.followup_page import FollowUpPage
from bid_desktop.ui.rekap.idea_page import IdeaPage
from bid_desktop.ui.rekap.scope_button import ScopeButton
from bid_desktop.ui.rekap.worker import run_for


def open_file(path: Path) -> bool:
    """Open the written workbook in the system's spreadsheet program."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(path).resolve())))


class RekapTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Rekap && Tindak Lanjut"))  # &&: a literal & in the tab label
        self.last_recap: Path | None = None
        self.last_report: Path | None = None
        self.followups = FollowUpPage(ctx)
        self.ideas = IdeaPage(ctx)
        self.dashboard = DashboardPage()
        self.pages = QTabWidget()
        self.pages.addTab(self.followups, self.tr("Tindak lanjut komitmen"))
        self.pages.addTab(self.ideas, self.tr("Verifikasi ide"))
        self.pages.addTab(self.dashboard, self.tr("Dasbor"))
        self.pages.currentChanged.connect(self._page_changed)
        self.btn_recap = self._button(self.tr("Tulis &rekap (xlsx)…"), self.ask_recap)
        self.btn_import = self._button(self.tr("&Impor tanggapan TA…"), self.ask_import)
        self.btn_report = self._button(self.tr("&Laporan PDF…"), self.ask_report)
        self.btn_scope = ScopeButton(ctx)  # a TA database: which events every page shows
        self.lbl_info = QLabel(
            self.tr(
                "Tindak lanjut jatuh tempo 5 hari kerja setelah acara (libur nasional dan cuti bersama dilewati)."
            )  # fmt: skip
        )
        self.lbl_info.setStyleSheet("color: #555;")
        top = QHBoxLayout()
        top.addWidget(self.lbl_info, 1)
        top.addWidget(self.btn_scope)
        for button in (self.btn_recap, self.btn_import, self.btn_report):
            top.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.pages, 1)
        refresh = QShortcut(QKeySequence("F5"), self, self.refresh)
        refresh.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._debounce = QTimer(self, singleShot=True, interval=500)
        # Other stations' changes refresh the dashboard only while it is on screen: the
        # worker is shared with the scans of the registration desk.
        self._debounce.timeout.connect(self._refresh_if_visible)
        ctx.bus.data_changed.connect(self._data_changed)
        ctx.bus.scope_changed.connect(self._scope_changed)
        self.ideas_loaded = False

    def _data_changed(self, _area: str) -> None:
        self._debounce.start()

    def _scope_changed(self) -> None:
        self.followups.load_choices()  # its kecamatan/desa choices, then its list
        self.ideas_loaded = False  # reloaded with the scope when next shown
        if self.pages.currentWidget() is self.ideas:
            self._page_changed(self.pages.currentIndex())
        self._refresh_if_visible()

    def _button(self, text: str, slot: Any) -> QPushButton:
        button = QPushButton(text)
        button.setMinimumHeight(34)
        button.clicked.connect(slot)
        return button

    def _page_changed(self, index: int) -> None:
        if self.pages.widget(index) is self.ideas and not self.ideas_loaded:
            self.ideas_loaded = True
            self.ideas.set_kecamatan(self._kecamatan_items())
            self.ideas.reload()
        elif self.pages.widget(index) is self.dashboard:
            self.refresh_dashboard()

    def _kecamatan_items(self) -> list[tuple[str, str]]:
        box = self.followups.cb_kecamatan
        return [(box.itemData(i), box.itemText(i)) for i in range(1, box.count())]

    def refresh(self) -> None:
        self.followups.reload()
        if self.ideas_loaded:
            self.ideas.reload()
        self._refresh_if_visible()

    def _refresh_if_visible(self) -> None:
        if self.dashboard.isVisible():
            self.refresh_dashboard()

    def refresh_dashboard(self) -> None:
        scope = self.ctx.scope

        def work() -> tuple[EventSummary, list[EventFigures]]:
            with self.ctx.db.begin() as session:  # a station laptop: its one event
                summary = report_service.scope_summary(session, scope)
                return summary, kabupaten_summary(session, scope)

        run_for(self, self.ctx, work, self._show_dashboard)

    def _show_dashboard(self, result: tuple[EventSummary, list[EventFigures]]) -> None:
        summary, figures = result
        self.dashboard.show_summary(summary)
        self.dashboard.show_kabupaten(figures)

    # --- recap workbook ----------------------------------------------------------------------

    def ask_recap(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Simpan rekap"), str(Path.home() / "rekap-bid.xlsx"), "Excel (*.xlsx)"
        )
        if path:
            self.write_recap(Path(path))

    def write_recap(self, path: Path) -> None:
        scope = self.ctx.scope

        def work(progress: Any, cancelled: Any) -> recap_service.RecapResult:
            with self.ctx.db.begin() as session:
                return recap_service.write_recap(session, path, progress, cancelled, scope)

        self.ctx.tasks.run_with_progress(self.tr("Menulis rekap…"), work, self._recap_written)

    def _recap_written(self, result: recap_service.RecapResult) -> None:
        self.last_recap = result.path
        rows = ", ".join(f"{sheet} {n}" for sheet, n in result.rows.items())
        self.ctx.bus.status.emit(self.tr("Rekap ditulis: %s (%s)") % (result.path.name, rows))
        open_file(result.path)

    # --- import of the TA's responses ---------------------------------------------------------

    def ask_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Impor tanggapan dari rekap"), str(Path.home()), "Excel (*.xlsx)"
        )
        if path:
            self.import_recap(Path(path))

    def import_recap(self, path: Path) -> None:
        def work() -> ImportResult:
            with self.ctx.db.begin() as session:
                return import_xlsx(session, "recap", path)

        run_for(self, self.ctx, work, self._imported)  # a refused file: the task's error box

    def _imported(self, result: ImportResult) -> None:
        text = self.tr("Impor tanggapan selesai: %d baris dibaca, %d baris diperbarui") % (
            result.total,
            result.updated,
        )
        if result.ignored:
            text += " · " + self.tr(
                "%d suntingan di kolom yang diisi aplikasi tidak diimpor (arahkan kursor untuk "
                "rinciannya)"
            ) % len(result.ignored)
        self.lbl_info.setText(text)
        self.lbl_info.setToolTip("\n".join(result.ignored))
        self.lbl_info.setStyleSheet("color: #b26a00;" if result.ignored else "color: #555;")
        self.ctx.bus.status.emit(text)
        self.ctx.bus.data_changed.emit("recap")
        self.refresh()

    # --- report ------------------------------------------------------------------------------

    def ask_report(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Simpan laporan"), str(Path.home() / "laporan-bid.pdf"), "PDF (*.pdf)"
        )
        if path:
            self.write_report(Path(path))

    def write_report(self, path: Path) -> None:
        scope = self.ctx.scope

        def work(_progress: Any, _cancelled: Any) -> report_service.ReportResult:
            with self.ctx.db.begin() as session:  # several events: the kabupaten report
                return report_service.write_report(session, path, scope=scope)

        self.ctx.tasks.run_with_progress(self.tr("Menulis laporan…"), work, self._report_written)

    def _report_written(self, result: report_service.ReportResult) -> None:
        self.last_report = result.path
        message = self.tr("Laporan ditulis: %s (%d halaman)") % (result.path.name, result.pages)
        if result.unprintable:  # named by place (desa code, card number), never by person
            message += " — " + self.tr("huruf tidak ada di font, tercetak sebagai kotak: %s") % (
                "; ".join(result.unprintable)
            )
        self.ctx.bus.status.emit(message)
        pdf.open_pdf(result.path)

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        QTimer.singleShot(0, lambda: self.followups.view.setFocus(Qt.FocusReason.OtherFocusReason))
