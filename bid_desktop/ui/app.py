"""Start the window: QApplication, translations, database, event setup when needed."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog

from bid_desktop.services.station import station_info
from bid_desktop.shipped import resource
from bid_desktop.storage.db import Database, open_database
from bid_desktop.sync.staging import clean_leftovers
from bid_desktop.ui.context import AppContext
from bid_desktop.ui.tasks import TaskManager


def default_db_path() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base or Path.home() / ".bid-desktop") / "bid-desktop.sqlite"


def install_translator(app: QApplication, lang: str | None) -> QTranslator | None:
    """Load the station's language before any widget exists (tr() is looked up at build)."""
    from bid_desktop.ui.i18n import load_translator

    translator: QTranslator | None = load_translator(lang or "id")
    if translator is not None:
        app.installTranslator(translator)
        app._bid_translator = translator  # type: ignore[attr-defined]  # keep alive
    return translator


def ensure_app() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
        app.setApplicationName("BID Desktop")
        app.setOrganizationName("BID")
        app.setWindowIcon(QIcon(str(resource("icons", "bid-desktop.png"))))
    assert isinstance(app, QApplication)
    from bid_desktop.ui import gc_guard

    gc_guard.install(app)  # never collect widgets on the database worker thread
    return app


def build_window(db_path: Path | Database) -> object:
    from bid_desktop.ui.main_window import MainWindow

    db = db_path if isinstance(db_path, Database) else open_database(db_path)
    clean_leftovers(db.path)  # staging a killed merge left behind (names, phones)
    ctx = AppContext(db=db, tasks=TaskManager())
    if not (_has_station(ctx) and ctx.station.event_id is not None):
        from bid_desktop.ui.setup.dialog import run_setup

        if not run_setup(ctx):
            return None
        ctx.reload_station()
    window = MainWindow(ctx)
    ctx.tasks.parent_widget = window
    with ctx.db.begin() as session:
        from bid_desktop.services.clock_check import clock_warnings

        warnings = clock_warnings(session)
    if warnings:
        QTimer.singleShot(0, lambda: window.warn_clock(warnings))
    return window


def _has_station(ctx: AppContext) -> bool:
    with ctx.db.begin() as session:
        from bid_desktop.services.station import get_state

        return get_state(session) is not None


def _smoke_close_setup() -> None:
    dialog = QApplication.activeModalWidget()
    if isinstance(dialog, QDialog):
        dialog.grab()
        print(f"painted {dialog.windowTitle()} [setup]", flush=True)
        dialog.reject()


def open_package(window: Any, path: Path) -> None:
    """A .bidsync handed over by the file manager: the Sinkronisasi tab's import preview
    (nothing is merged until the operator presses Gabungkan)."""
    window.show_role("sinkronisasi")
    tab = window.tab_by_role["sinkronisasi"]
    tab.pages.setCurrentWidget(tab.import_page)
    tab.import_page.set_files([path.resolve()])


def run_window(
    db_path: Path | None, lang: str | None = None, smoke: bool = False, package: Path | None = None
) -> int:
    from bid_desktop.ui.common.single_window import bring_to_front, first_window_or_switch
    from bid_desktop.ui.startup_guard import open_checked

    app = ensure_app()
    path = Path(db_path or default_db_path())
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = first_window_or_switch(path)
    if lock is None:
        return 0  # open in another window (brought to the front if asked)
    app._bid_window_lock = lock  # type: ignore[attr-defined]  # held while the window lives
    # --smoke (installers, benchmarks) never waits on a question: a new file is expected there
    db = open_checked(path, explicit=db_path is not None and not smoke)
    if db is None:
        return 1
    with db.begin() as session:
        info = station_info(session)
    # Bahasa Indonesia unless this laptop's station chose English (or --lang): committee
    # laptops often run an English Windows, which must not turn the desk English.
    install_translator(app, lang or (info.language if info else "id"))
    if smoke:
        # A database without an event opens the setup dialog first: paint it, then leave.
        QTimer.singleShot(0, _smoke_close_setup)
    window = build_window(db)
    if window is None:
        return 0
    window.resize(1366, 768)  # type: ignore[attr-defined]
    window.show()  # type: ignore[attr-defined]
    if package is not None:
        open_package(window, package)
    lock.raise_requested.connect(lambda: bring_to_front(window))  # type: ignore[arg-type]
    if smoke:
        # Installers and benchmarks: prove the window comes up and paints, then leave.
        def painted() -> None:
            window.grab()  # type: ignore[attr-defined]
            tab = window.tabs.tabText(window.tabs.currentIndex())  # type: ignore[attr-defined]
            # the tab title tells a check which language (translation file) was loaded
            print(f"painted {window.windowTitle()} [{tab}]", flush=True)  # type: ignore[attr-defined]
            app.quit()

        QTimer.singleShot(0, painted)
    try:
        return app.exec()
    finally:
        lock.release()
