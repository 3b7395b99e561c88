"""Screens of the Rekap & Tindak Lanjut tab at 1366×768 on a realistic demo event (the fair
set ten days back so some follow-ups are overdue), for a person to look at
(tests/artifacts/rekap-*.png)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bid_desktop.services.demo import build_demo
from bid_desktop.services.events import current_event, update_event
from bid_desktop.storage.db import Database, open_database
from tests.conftest import save_screenshot
from tests.ui.test_rekap import make_tab, settle


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_demo(tmp_path_factory.mktemp("demo") / "demo.sqlite", stations=1, seed=5).path


@pytest.fixture
def demo_db(demo_file: Path, tmp_path: Path) -> Database:
    copy = tmp_path / "demo.sqlite"
    copy.write_bytes(demo_file.read_bytes())
    db = open_database(copy)
    with db.begin() as s:
        update_event(s, current_event(s), date=dt.date.today() - dt.timedelta(days=10))
    yield db
    db.dispose()


def test_rekap_screens(qtbot, demo_db):  # type: ignore[no-untyped-def]
    tab = make_tab(qtbot, demo_db)
    page = tab.followups
    assert page.model.rowCount() > 100
    assert any(r["overdue"] for r in page.model.rows)
    assert any(r["status"] != "belum dihubungi" for r in page.model.rows)  # demo follow-ups
    page.view.selectRow(2)
    save_screenshot(tab, "rekap-tindak-lanjut")
    page.chk_overdue.setChecked(True)
    settle(tab)
    assert all(r["overdue"] for r in page.model.rows)
    save_screenshot(tab, "rekap-terlambat")
    tab.pages.setCurrentWidget(tab.ideas)
    settle(tab)
    assert tab.ideas.model.rowCount() > 10
    save_screenshot(tab, "rekap-verifikasi-ide")
    tab.pages.setCurrentWidget(tab.dashboard)
    settle(tab)
    assert tab.dashboard.summary is not None and tab.dashboard.summary.commitments > 50
    save_screenshot(tab, "rekap-dasbor")


def test_main_window_has_the_rekap_tab(qtbot, demo_db):  # type: ignore[no-untyped-def]
    from bid_desktop.ui.app import build_window
    from bid_desktop.ui.rekap.tab import RekapTab

    window = build_window(demo_db)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.show_role("rekap")
    tab = window.tabs.currentWidget()
    assert isinstance(tab, RekapTab)
    label = window.tabs.tabText(window.tabs.currentIndex())
    assert label.replace("&&", "&") == "Rekap & Tindak Lanjut"
    settle(tab)
    assert tab.followups.model.rowCount() > 100
    save_screenshot(window, "rekap-main-window")
