"""Setup dialog, join page: a new laptop joins an event from a package by keyboard; a wrong
passphrase or a station code already in use is told on the page and changes nothing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog
from sqlalchemy import func, select

from bid_desktop.services import sync as sync_service
from bid_desktop.storage.db import open_database
from bid_desktop.storage.models import Event, Participant, StationState
from bid_desktop.ui.context import AppContext
from bid_desktop.ui.setup.dialog import SetupDialog
from bid_desktop.ui.tasks import TaskManager
from tests.conftest import PASSPHRASE, make_event_db, save_screenshot

EVENT = "0190f000-0000-7000-8000-00000000e004"


def _package(tmp_path: Path) -> Path:
    first = make_event_db(tmp_path / "first.sqlite", "REG1", EVENT)
    with first.begin() as s:
        s.add(
            Participant(
                id="0190f000-0000-7000-8000-0000000000a1",
                event_id=EVENT,
                number="REG1-0001",
                name="Siti Aminah",
            )
        )
    path = sync_service.export_package(first, tmp_path / "usb").path
    first.dispose()
    return path


def _join_dialog(qtbot, path: Path) -> SetupDialog:  # type: ignore[no-untyped-def]
    ctx = AppContext(db=open_database(path), tasks=TaskManager())
    dialog = SetupDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.pages.setCurrentIndex(1)
    return dialog


def _fill(qtbot, dialog: SetupDialog, package: Path, passphrase: str, station: str) -> None:  # type: ignore[no-untyped-def]
    page = dialog.join_page
    for edit in (page.ed_package, page.ed_pass, page.ed_station):
        edit.clear()
    qtbot.keyClicks(page.ed_package, str(package))
    qtbot.keyClicks(page.ed_pass, passphrase)
    qtbot.keyClicks(page.ed_station, station)


def test_join_event_from_a_package(qtbot, tmp_path: Path):
    package = _package(tmp_path)
    dialog = _join_dialog(qtbot, tmp_path / "new.sqlite")
    assert dialog.join_page.available() and dialog.btn_ok.isEnabled()
    assert not dialog.join_page.lbl_missing.isVisible()
    assert dialog.btn_ok.text() == "Gabung acara"

    _fill(qtbot, dialog, package, "bukan-kata-sandinya", "MKA2")
    dialog.submit()
    qtbot.waitUntil(lambda: "kata sandi" in dialog.lbl_error.text(), timeout=10000)
    _fill(qtbot, dialog, package, PASSPHRASE, "REG1")
    dialog.submit()
    qtbot.waitUntil(lambda: "sudah dipakai" in dialog.lbl_error.text(), timeout=10000)
    with dialog.ctx.db.begin() as s:
        assert s.get(StationState, 1) is None
        assert s.scalar(select(func.count()).select_from(Event)) == 0

    _fill(qtbot, dialog, package, PASSPHRASE, "mka2")
    assert dialog.join_page.cmb_role.currentData() == "meja"  # follows the station code
    save_screenshot(dialog, "setup-join")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=15000)
    assert dialog.ctx.station.station == "MKA2" and dialog.ctx.station.event_id == EVENT
    with dialog.ctx.db.begin() as s:
        state = s.get(StationState, 1)
        assert (state.station, state.role) == ("MKA2", "meja")
        assert s.get(Participant, "0190f000-0000-7000-8000-0000000000a1").name == "Siti Aminah"
    dialog.ctx.db.dispose()
