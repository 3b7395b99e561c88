"""The main window: one tab per station role; the status bar tells where you are."""

from __future__ import annotations

import importlib

from PySide6.QtCore import QTimer, QUrl
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QTabWidget, QWidget

from bid_desktop.services import station as station_service
from bid_desktop.storage.models import StationState
from bid_desktop.sync.history import pending_export_count
from bid_desktop.ui.context import AppContext

# (role, module, class). Titles come from each tab's own tr() so they translate.
TABS: list[tuple[str, str, str]] = [
    ("registrasi", "bid_desktop.ui.registrasi.tab", "RegistrasiTab"),
    ("bursa", "bid_desktop.ui.bursa.tab", "BursaTab"),
    ("meja", "bid_desktop.ui.meja.tab", "MejaTab"),
    ("jendela3", "bid_desktop.ui.jendela3.tab", "Jendela3Tab"),
    ("sinkronisasi", "bid_desktop.ui.sinkronisasi.tab", "SinkronisasiTab"),
    ("rekap", "bid_desktop.ui.rekap.tab", "RekapTab"),
]


def load_tab(module: str, cls: str, ctx: AppContext) -> QWidget | None:
    try:
        mod = importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name and module.startswith(exc.name):
            return None  # area not built yet
        raise
    widget: QWidget = getattr(mod, cls)(ctx)
    return widget


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setMinimumSize(1024, 600)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.setCentralWidget(self.tabs)
        self.tab_by_role: dict[str, QWidget] = {}
        for role, module, cls in TABS:
            widget = load_tab(module, cls, ctx)
            if widget is not None:
                self.tabs.addTab(widget, widget.windowTitle() or role)
                self.tab_by_role[role] = widget
        self._build_status_bar()
        self._build_menu()
        self.show_role(ctx.station.role)
        ctx.bus.data_changed.connect(lambda _area: self.refresh_status())
        ctx.bus.status.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.refresh_status)
        self._timer.start(5000)
        self.refresh_status()
        # Sinkronisasi: automatic backups on a timer (sync.md "Around the merge").
        from bid_desktop.ui.sinkronisasi.backup_timer import BackupTimer

        self.backup_timer = BackupTimer(ctx, self)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.lbl_event = QLabel()
        self.lbl_station = QLabel()
        self.lbl_db = QLabel()
        self.lbl_backup = QLabel()
        self.lbl_pending = QLabel()
        for label in (
            self.lbl_event,
            self.lbl_station,
            self.lbl_db,
            self.lbl_backup,
            self.lbl_pending,
        ):
            bar.addPermanentWidget(label)

    def _build_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Acara"))
        settings = QAction(self.tr("&Pengaturan…"), self)
        settings.setShortcut(QKeySequence("Ctrl+,"))
        settings.triggered.connect(self.open_settings)
        menu.addAction(settings)
        menu.addSeparator()
        quit_action = QAction(self.tr("&Keluar"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        menu.addAction(quit_action)
        go = self.menuBar().addMenu(self.tr("&Stasiun"))
        for index in range(self.tabs.count()):
            action = QAction(self.tabs.tabText(index), self)
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _c=False, i=index: self.tabs.setCurrentIndex(i))
            go.addAction(action)
        help_menu = self.menuBar().addMenu(self.tr("&Bantuan"))
        guide = QAction(self.tr("&Panduan pengguna"), self)
        guide.setShortcut(QKeySequence("F1"))
        guide.triggered.connect(self.open_guide)
        help_menu.addAction(guide)

    def open_settings(self) -> None:
        from bid_desktop.ui.settings.dialog import SettingsDialog

        SettingsDialog(self.ctx, self).exec()
        self.refresh_status()

    def open_guide(self) -> None:
        from bid_desktop.ui.i18n import guide_path

        path = guide_path(self.ctx.station.language)
        if path is None or not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            QMessageBox.information(self, self.tr("Panduan"), self.tr("Panduan tidak ditemukan."))

    def warn_clock(self, warnings: list[str]) -> None:
        """Start-up clock warning (R6): tell clearly, let the operator go on."""
        if warnings:
            QMessageBox.warning(self, self.tr("Periksa jam laptop"), "\n\n".join(warnings))

    def show_role(self, role: str) -> None:
        widget = self.tab_by_role.get(role)
        if widget is not None:
            self.tabs.setCurrentWidget(widget)

    def refresh_status(self) -> None:
        info = self.ctx.station
        with self.ctx.db.begin() as session:
            state = session.get(StationState, 1)
            pending = pending_export_count(session.connection())
            backup = state.last_backup_at if state else None
        self.setWindowTitle(f"BID Desktop — {info.event_name} — {info.station}")
        self.lbl_event.setText(self.tr("Acara: %s") % info.event_name)
        self.lbl_station.setText(self.tr("Stasiun: %s (%s)") % (info.station, info.role))
        self.lbl_db.setText(self.tr("Basis data: %s") % self.ctx.db.path.name)
        self.lbl_db.setToolTip(str(self.ctx.db.path))
        when = backup.strftime("%H:%M") if backup else self.tr("belum")
        self.lbl_backup.setText(self.tr("Cadangan terakhir: %s") % when)
        self.lbl_pending.setText(self.tr("Belum diekspor: %d perubahan") % pending)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        self._timer.stop()
        self.backup_timer.stop()
        self.ctx.tasks.shutdown()
        super().closeEvent(event)


__all__ = ["MainWindow", "TABS", "station_service"]
