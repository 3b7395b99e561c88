"""The main window: one tab per station role; the status bar tells where you are.

Only the station's own tab is imported and built at start-up; the others are built the first
time they are opened (or asked for through ``tab_by_role``). Each tab module pulls in its own
services and writers (reportlab, openpyxl...), which would otherwise all load before the
window can paint (quality P1).
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, QUrl
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTabWidget,
    QWidget,
)

from bid_desktop.services import station as station_service
from bid_desktop.storage.models import StationState
from bid_desktop.sync.history import pending_export_count
from bid_desktop.ui.common.db_watch import ExternalChanges
from bid_desktop.ui.context import AppContext
from bid_desktop.ui.live import LiveSync, live_enabled

if TYPE_CHECKING:
    from bid_desktop.ui.sinkronisasi.backup_timer import BackupTimer

AFTER_START_MS = 3000  # the window is up and idle: start what start-up did not wait for

# (role, module, class). Titles come from each tab's own tr() so they translate.
TABS: list[tuple[str, str, str]] = [
    ("registrasi", "bid_desktop.ui.registrasi.tab", "RegistrasiTab"),
    ("bursa", "bid_desktop.ui.bursa.tab", "BursaTab"),
    ("meja", "bid_desktop.ui.meja.tab", "MejaTab"),
    ("jendela3", "bid_desktop.ui.jendela3.tab", "Jendela3Tab"),
    ("sinkronisasi", "bid_desktop.ui.sinkronisasi.tab", "SinkronisasiTab"),
    ("rekap", "bid_desktop.ui.rekap.tab", "RekapTab"),
]


def tab_available(module: str) -> bool:
    """Whether the tab's module exists, without importing it (an area not built yet is
    left out of the window)."""
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        return False


def load_tab(module: str, cls: str, ctx: AppContext) -> QWidget | None:
    try:
        mod = importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name and module.startswith(exc.name):
            return None  # area not built yet
        raise
    widget: QWidget = getattr(mod, cls)(ctx)
    return widget


def warm_up() -> None:
    """Libraries the desks need on first use, imported on the worker once the window is idle:
    lokal parses and spells out amounts as they are typed (~0.2 s to import), so the first
    keystroke in an amount field does not wait for it."""
    import lokal  # noqa: F401


class LazyTabs(Mapping[str, QWidget]):
    """The window's tabs by role; looking one up builds it if it was not built yet."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.roles: list[str] = []  # tab order: role of tab index i
        self.pending: dict[str, tuple[str, str]] = {}  # role → (module, class), not built
        self.built: dict[str, QWidget] = {}

    def __getitem__(self, role: str) -> QWidget:
        if role in self.pending:
            self.window.build_tab(self.roles.index(role))
        return self.built[role]

    def __iter__(self) -> Iterator[str]:
        return iter(self.roles)

    def __len__(self) -> int:
        return len(self.roles)


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setMinimumSize(1024, 600)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.setCentralWidget(self.tabs)
        self.tab_by_role = LazyTabs(self)
        self._swapping = False
        titles = self._titles()
        for role, module, cls in TABS:
            if tab_available(module):
                self.tabs.addTab(QWidget(), titles[role])
                self.tab_by_role.roles.append(role)
                self.tab_by_role.pending[role] = (module, cls)
        self.tabs.currentChanged.connect(self._tab_opened)
        self.live = LiveSync(ctx, self)
        self._build_status_bar()
        self._build_menu()
        self.show_role(ctx.station.role)
        ctx.bus.data_changed.connect(self._data_changed)
        ctx.bus.status.connect(lambda text: self.statusBar().showMessage(text, 8000))
        ctx.bus.scope_changed.connect(self.refresh_status)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.refresh_status)
        self._timer.start(5000)
        self.refresh_status()
        # A merge or import run from the command line while the window is open: refresh.
        self.external = ExternalChanges(ctx, self)
        # Sinkronisasi: automatic backups on a timer (sync.md "Around the merge"). Started once
        # the window is up: it checks once a minute anyway, and its imports (packages,
        # cryptography) need not delay the first paint.
        self._backup_timer: BackupTimer | None = None
        self._backup_start = QTimer(self)
        self._backup_start.setSingleShot(True)
        self._backup_start.timeout.connect(self._after_start)
        self._backup_start.start(AFTER_START_MS)

    def _after_start(self) -> None:
        self._start_backup_timer()
        if live_enabled():
            self.live.start()
        self.ctx.tasks.run(warm_up)

    @property
    def backup_timer(self) -> BackupTimer:
        return self._start_backup_timer()

    def _start_backup_timer(self) -> BackupTimer:
        if self._backup_timer is None:
            from bid_desktop.ui.sinkronisasi.backup_timer import BackupTimer

            self._backup_timer = BackupTimer(self.ctx, self)
        return self._backup_timer

    def _titles(self) -> dict[str, str]:
        """Tab titles before a tab is built; the same words as each tab's own title."""
        return {
            "registrasi": self.tr("Registrasi"),
            "bursa": self.tr("Ruang Bursa"),
            "meja": self.tr("Meja Konsultasi"),
            "jendela3": self.tr("Jendela 3"),
            "sinkronisasi": self.tr("Sinkronisasi"),
            "rekap": self.tr("Rekap && Tindak Lanjut"),
        }

    def _tab_opened(self, index: int) -> None:
        if self._swapping or index < 0:
            return
        try:
            self.build_tab(index)
        except Exception as exc:  # noqa: BLE001 - a broken tab must not take the window down
            self.ctx.tasks.show_error(exc)

    def build_tab(self, index: int) -> QWidget:
        """Replace the placeholder at ``index`` with the real tab (once)."""
        lazy = self.tab_by_role
        role = lazy.roles[index]
        if role in lazy.built:
            return lazy.built[role]
        module, cls = lazy.pending[role]
        widget = load_tab(module, cls, self.ctx)
        if widget is None:
            raise RuntimeError(f"{module} disappeared after start-up")
        del lazy.pending[role]  # built: a tab that failed to build is tried again next time
        placeholder = self.tabs.widget(index)
        was_current = self.tabs.currentIndex() == index
        self._swapping = True
        try:
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, widget, widget.windowTitle() or self._titles()[role])
            if was_current:
                self.tabs.setCurrentIndex(index)
        finally:
            self._swapping = False
        if placeholder is not None:
            placeholder.deleteLater()
        lazy.built[role] = widget
        return widget

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
            self.live.label,
        ):
            bar.addPermanentWidget(label)

    def _build_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Acara"))
        settings = QAction(self.tr("&Pengaturan…"), self)
        settings.setShortcut(QKeySequence("Ctrl+,"))
        settings.triggered.connect(self.open_settings)
        menu.addAction(settings)
        self._build_live_menu(menu)
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

    def _build_live_menu(self, menu: QMenu) -> None:
        self.act_live = QAction(self.tr("Sinkron &langsung (jaringan lokal)"), self)
        self.act_live.setCheckable(True)
        self.act_live.setChecked(live_enabled())
        self.act_live.toggled.connect(self.live.set_enabled)
        menu.addAction(self.act_live)
        typed = QAction(self.tr("Tambah alamat laptop lain…"), self)
        typed.triggered.connect(self.ask_peer_address)
        menu.addAction(typed)

    def ask_peer_address(self) -> None:
        address, ok = QInputDialog.getText(
            self,
            self.tr("Alamat laptop lain"),
            self.tr("Alamat dan port (contoh 192.168.43.12:8765), tertera di laptop itu:"),
        )
        if ok and address.strip():
            self.live.add_peer(address.strip())

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
        """Open the station's tab (building it); an unknown role opens the first tab."""
        if role not in self.tab_by_role.roles:
            if self.tabs.count():
                self.build_tab(self.tabs.currentIndex())
            return
        self.tabs.setCurrentWidget(self.tab_by_role[role])

    def _data_changed(self, area: str) -> None:
        if area == "merge":  # a TA merge may have brought a new event: name the scope again
            self.ctx.scope_label = ""
        self.refresh_status()

    def refresh_status(self) -> None:
        info = self.ctx.station
        with self.ctx.db.begin() as session:
            state = session.get(StationState, 1)
            pending = pending_export_count(session.connection())
            backup = state.last_backup_at if state else None
        shown = self.ctx.scope_name() or info.event_name  # a TA database: the scope shown
        self.setWindowTitle(f"BID Desktop — {shown} — {info.station}")
        self.lbl_event.setText(self.tr("Acara: %s") % shown)
        self.lbl_station.setText(self.tr("Stasiun: %s (%s)") % (info.station, info.role))
        self.lbl_db.setText(self.tr("Basis data: %s") % self.ctx.db.path.name)
        self.lbl_db.setToolTip(str(self.ctx.db.path))
        when = backup.strftime("%H:%M") if backup else self.tr("belum")
        self.lbl_backup.setText(self.tr("Cadangan terakhir: %s") % when)
        self.lbl_pending.setText(self.tr("Belum diekspor: %d perubahan") % pending)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        self._timer.stop()
        self.external.stop()
        self._backup_start.stop()
        if self._backup_timer is not None:
            self._backup_timer.stop()
        self.live.stop()
        self.ctx.tasks.shutdown()
        super().closeEvent(event)


__all__ = ["MainWindow", "TABS", "station_service"]
