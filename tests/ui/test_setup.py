"""Setup dialog on an empty database: create an event by keyboard (kecamatan searched by name,
desa filled in), refused input changes nothing, and the first start opens the station's tab."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog
from sqlalchemy import func, select

from bid_desktop.services import events as event_service
from bid_desktop.storage.db import open_database
from bid_desktop.storage.models import Desa, Event, EventKecamatan, StationState
from bid_desktop.sync import keys
from bid_desktop.ui.app import build_window
from bid_desktop.ui.context import AppContext
from bid_desktop.ui.registrasi.tab import RegistrasiTab
from bid_desktop.ui.setup.dialog import SetupDialog
from bid_desktop.ui.tasks import TaskManager
from tests.conftest import ARTIFACTS, save_screenshot

PASS = "sandi-acara-gisting"


def _dialog(qtbot, path: Path) -> SetupDialog:  # type: ignore[no-untyped-def]
    ctx = AppContext(db=open_database(path), tasks=TaskManager())
    dialog = SetupDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _fill(qtbot, dialog: SetupDialog, station: str = "REG2", again: str = PASS) -> None:  # type: ignore[no-untyped-def]
    page = dialog.create_page
    qtbot.keyClicks(page.ed_name, "BID Kecamatan Gisting & Talang Padang")
    qtbot.keyClicks(page.ed_venue, "Aula Kecamatan Gisting")
    for name in ("gisting", "talang padang"):
        page.ed_kec.clear()
        qtbot.keyClicks(page.ed_kec, name)
        qtbot.keyClick(page.ed_kec, Qt.Key.Key_Return)
        if page.lst_found.count() > 1:  # several hits: ↓ to the one in Tanggamus, Enter adds it
            while "Tanggamus" not in page.lst_found.currentItem().text():
                qtbot.keyClick(page.lst_found, Qt.Key.Key_Down)
            qtbot.keyClick(page.lst_found, Qt.Key.Key_Return)
    qtbot.keyClicks(page.ed_pass, PASS)
    qtbot.keyClicks(page.ed_pass2, again)
    qtbot.keyClicks(page.ed_pin, "240611")
    qtbot.keyClicks(page.ed_pin2, "240611")
    page.ed_station.clear()
    qtbot.keyClicks(page.ed_station, station)
    page.tbl_signers.item(0, 1).setText("Drs. Suparman")


def test_create_event_by_keyboard(qtbot, tmp_path: Path):
    dialog = _dialog(qtbot, tmp_path / "new.sqlite")
    _fill(qtbot, dialog, station="mka2")
    page = dialog.create_page
    codes = page.kecamatan_codes()
    assert codes == ["18.06.20", "18.06.02"]
    assert dialog.lbl_error.text() == ""  # Enter in the search never submitted the dialog
    desa_total = sum(len(event_service.regions.desa_of(c)) for c in codes)
    assert f"2 kecamatan, {desa_total} desa" in page.lbl_desa.text()
    assert page.cmb_role.currentData() == "meja"  # follows the station code
    save_screenshot(dialog, "setup-dialog")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=10000)
    with dialog.ctx.db.begin() as s:
        event = s.scalars(select(Event)).one()
        state = s.get(StationState, 1)
        assert event.name == "BID Kecamatan Gisting & Talang Padang"
        assert event.venue == "Aula Kecamatan Gisting" and event.kabupaten_code == "18.06"
        assert (state.station, state.role, state.event_id) == ("MKA2", "meja", event.id)
        assert keys.passphrase_matches(PASS, event.id, event.passphrase_check)
        assert s.scalar(select(func.count()).select_from(EventKecamatan)) == 2
        stored = dict(s.execute(select(Desa.code, Desa.name)).all())
        assert len(stored) == desa_total and stored["18.06.20.2001"] == "Banjar Manis"
        assert event_service.signatories(event)[0] == {
            "title": "Camat",
            "name": "Drs. Suparman",
            "nip": "",
        }
    assert dialog.ctx.station.station == "MKA2"
    dialog.ctx.db.dispose()


def test_refused_setup_changes_nothing(qtbot, tmp_path: Path):
    dialog = _dialog(qtbot, tmp_path / "new.sqlite")
    _fill(qtbot, dialog, again="lain-sekali")
    dialog.submit()
    assert "berbeda" in dialog.lbl_error.text()
    dialog.create_page.ed_pass2.setText(PASS)
    dialog.create_page.lst_chosen.clear()
    dialog.submit()
    assert "kecamatan" in dialog.lbl_error.text().lower()
    dialog.create_page.ed_kec.setText("gisting")
    dialog.create_page.search_kecamatan()
    dialog.create_page.add_selected()
    dialog.create_page.ed_station.setText("1X")
    dialog.submit()
    assert "Kode stasiun" in dialog.lbl_error.text()
    dialog.ctx.tasks.wait()
    with dialog.ctx.db.begin() as s:
        assert s.scalar(select(func.count()).select_from(Event)) == 0
        assert s.get(StationState, 1) is None
    assert dialog.result() != QDialog.DialogCode.Accepted
    dialog.ctx.db.dispose()


def test_first_start_runs_setup_then_opens_station_tab(qtbot, tmp_path: Path):
    db = open_database(tmp_path / "first.sqlite")
    filled: list[SetupDialog] = []

    def fill_when_shown() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, SetupDialog):
            QTimer.singleShot(50, fill_when_shown)
            return
        _fill(qtbot, dialog, station="REG1")
        ARTIFACTS.mkdir(exist_ok=True)
        filled.append(dialog)
        dialog.submit()

    QTimer.singleShot(0, fill_when_shown)
    window = build_window(db)
    assert filled and window is not None
    qtbot.addWidget(window)
    assert isinstance(window.tabs.currentWidget(), RegistrasiTab)
    assert "REG1" in window.lbl_station.text() and "Gisting" in window.lbl_event.text()
    db.dispose()
