"""A .bidsync opened from the file manager or Windows Explorer (desktop entry `Exec=bid-desktop
%f`, the installer's file association): the window opens on the import preview of that
package, and nothing is merged until the operator says so."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from bid_desktop.cli import window_args
from bid_desktop.services import sync as sync_service
from bid_desktop.ui.app import build_window, open_package
from tests.conftest import make_event_db, save_screenshot
from tests.ui.sinkronisasi_helpers import EVENT, dump, walkin


@pytest.fixture(autouse=True)
def private_settings(tmp_path: Path) -> None:
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))


def test_a_package_argument_opens_the_window_not_a_command(tmp_path: Path):
    package = tmp_path / "Paket REG1.BIDSYNC"
    args = window_args(["--db", "meja.sqlite", str(package)])
    assert args is not None and args.package == package and args.db == Path("meja.sqlite")
    assert window_args(["--smoke"]).package is None  # type: ignore[union-attr]
    # anything else is still a command (or a usage error) for the full parser
    for argv in (["demo", "--db", "x.sqlite"], ["undangan.xlsx"], ["a.bidsync", "b.bidsync"]):
        assert window_args(argv) is None, argv


def test_opened_package_shows_its_preview_and_merges_nothing(qtbot, tmp_path: Path):
    reg = make_event_db(tmp_path / "reg1.sqlite", "REG1", EVENT)
    meja = make_event_db(tmp_path / "meja.sqlite", "MKA1", EVENT)
    walkin(reg, "REG1-0001", "Ibu Sulastri", checked=True)
    package = sync_service.export_package(reg, tmp_path / "usb").path
    before = dump(meja)
    window = build_window(meja)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    open_package(window, package)
    for _ in range(6):
        window.ctx.tasks.wait()
        QApplication.processEvents()
    tab = window.tab_by_role["sinkronisasi"]
    assert window.tabs.currentWidget() is tab and tab.pages.currentWidget() is tab.import_page
    page = tab.import_page
    assert page.paths == [package] and page.preview is not None and page.preview.dry_run
    [row] = page.model.rows
    assert row["file"] == package.name and row["station"] == "REG1" and row["added"] >= 1
    assert page.btn_merge.isEnabled()
    assert dump(meja) == before
    save_screenshot(window, "sinkronisasi-buka-paket")
    reg.dispose()
    meja.dispose()
