"""Screens of the registration desk at 1366×768 on a realistic demo event, for a person to
look at (tests/artifacts/registrasi-*.png)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from bid_desktop.services.demo import build_demo
from bid_desktop.storage.db import Database, open_database
from bid_desktop.ui.app import build_window
from bid_desktop.ui.common.feedback import Tone
from bid_desktop.ui.registrasi.tab import RegistrasiTab
from tests.conftest import ARTIFACTS, save_screenshot
from tests.ui.test_registrasi import make_tab, settle


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_demo(tmp_path_factory.mktemp("demo") / "demo.sqlite", stations=1, seed=5).path


@pytest.fixture
def demo_db(demo_file: Path, tmp_path: Path) -> Database:
    copy = tmp_path / "demo.sqlite"
    copy.write_bytes(demo_file.read_bytes())
    db = open_database(copy)
    yield db
    db.dispose()


def _not_arrived(db: Database) -> tuple[str, str]:
    with db.engine.connect() as conn:
        number, name = conn.exec_driver_sql(
            "SELECT number, name FROM participant WHERE checked_in_at IS NULL AND NOT voided "
            "AND desa_code IS NOT NULL ORDER BY number LIMIT 1"
        ).one()
    return number, name


def test_tab_screen_with_counters(qtbot, demo_db):
    tab = make_tab(qtbot, demo_db)
    number, name = _not_arrived(demo_db)
    qtbot.keyClicks(tab.box, number)
    qtbot.keyClick(tab.box, Qt.Key.Key_Return)
    settle(tab)
    tab.refresh_counters()
    settle(tab)
    assert tab.feedback.tone is Tone.OK and name in tab.feedback.text()
    counters = tab.counters.counters
    assert counters is not None and counters.registered > 200
    assert len(tab.counters.desa_model.rows) == len(counters.desa) >= 10
    save_screenshot(tab, "registrasi-tab")
    tab.box.clear()
    qtbot.keyClicks(tab.box, "a")
    qtbot.waitUntil(lambda: tab.lbl_count.text().startswith("Menampilkan"), timeout=3000)
    tab.feedback.show_message(
        "✗ Tidak ditemukan: Rahmat Hidayat — F2 untuk daftar peserta baru", Tone.ERROR
    )
    save_screenshot(tab, "registrasi-tab-list")


def test_walkin_dialog_screen(qtbot, demo_db):
    tab = make_tab(qtbot, demo_db)
    qtbot.keyClick(tab.box, Qt.Key.Key_F2)
    dialog = tab.dialog
    assert dialog is not None
    dialog.ed_name.setText("Rahmat Hidayat")
    dialog.ed_phone.setText("12")
    dialog.submit()
    settle(tab)
    assert dialog.errors["phone"].isVisible()
    QApplication.processEvents()
    ARTIFACTS.mkdir(exist_ok=True)
    assert dialog.grab().save(str(ARTIFACTS / "registrasi-walkin.png"))
    dialog.reject()


def test_main_window_opens_on_registrasi(qtbot, demo_db):
    window = build_window(demo_db)
    qtbot.addWidget(window)
    assert isinstance(window.tabs.currentWidget(), RegistrasiTab)  # demo station SEK1 role
    settle(window.tabs.currentWidget())
    assert "Belum diekspor" in window.lbl_pending.text()
    save_screenshot(window, "registrasi-main-window")
