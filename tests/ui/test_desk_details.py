"""Small things at the desks: Enter creates the event, counters explain the voided, the
"more rows" button says how many are left, a new event hints at the invitation import,
every bad walk-in field is marked at once, a digit that is no score says so."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from bid_desktop.services import registration as reg
from bid_desktop.services.audit import DEFAULT_PIN
from bid_desktop.services.events import current_event
from bid_desktop.ui.bursa.tab import BursaTab
from bid_desktop.ui.common.feedback import Tone
from bid_desktop.ui.registrasi.tab import RegistrasiTab
from tests.bursa_data import add_menu
from tests.conftest import ARTIFACTS, save_screenshot
from tests.registration_data import add_invitees
from tests.ui.tabs import human_pause, open_tab, settle_tab
from tests.ui.test_setup import _dialog, _fill


def test_enter_in_the_create_form_creates_the_event(qtbot, tmp_path: Path):
    dialog = _dialog(qtbot, tmp_path / "new.sqlite")
    _fill(qtbot, dialog)
    dialog.create_page.ed_venue.setFocus()
    qtbot.keyClick(dialog.create_page.ed_venue, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=10000)
    dialog.ctx.db.dispose()


def test_counters_say_the_voided_are_not_counted(qtbot, db):
    numbers = add_invitees(db)
    with db.begin() as s:
        person = reg.find_by_number(s, current_event(s).id, numbers["Agus Salim"])
        reg.void_participant(s, person["id"], "ganda", DEFAULT_PIN)
    tab = open_tab(qtbot, RegistrasiTab, db, 3)
    assert tab.counters.totals["arrived"].text() == "0 / 9"
    assert "Menampilkan 10 dari 10" in tab.lbl_count.text()
    assert "1 batal tak dihitung" in tab.counters.captions["arrived"].text()
    save_screenshot(tab, "registrasi-counters-voided")


def test_more_rows_button_says_how_many_are_left(qtbot, db):
    rows = [(f"Peserta Nomor {i:03d}", "Warga", "L", "18.06.20.2001", "Peserta Utama", "",
             False) for i in range(210)]  # fmt: skip
    add_invitees(db, rows)
    tab = open_tab(qtbot, RegistrasiTab, db, 3)
    assert tab.btn_more_rows.isVisible() and tab.btn_more_rows.text() == "Tampilkan 10 lagi"
    tab.more_rows()
    settle_tab(tab)
    assert tab.model.rowCount() == 210 and not tab.btn_more_rows.isVisible()


def test_new_event_hints_at_the_invitation_import(qtbot, db):
    tab = open_tab(qtbot, RegistrasiTab, db, 3)
    assert "Impor daftar undangan" in tab.lbl_count.text() and "F2" in tab.lbl_count.text()
    save_screenshot(tab, "registrasi-new-event")


def test_walkin_marks_every_bad_field_at_once(qtbot, db):
    tab = open_tab(qtbot, RegistrasiTab, db, 3)
    qtbot.keyClick(tab.box, Qt.Key.Key_F2)
    dialog = tab.dialog
    dialog.ed_name.setText("")
    dialog.ed_phone.setText("12")
    dialog.ed_desa.setText("")
    dialog.submit()
    settle_tab(tab)
    shown = {key for key, label in dialog.errors.items() if label.isVisible()}
    assert {"name", "phone", "desa_code"} <= shown
    dialog.grab().save(str(ARTIFACTS / "registrasi-walkin-all-errors.png"))
    dialog.reject()


def test_a_digit_that_is_no_score_says_so(qtbot, db):
    add_menu(db)
    numbers = add_invitees(db)
    tab = open_tab(qtbot, BursaTab, db, 4)
    qtbot.keyClicks(tab.rating.box, numbers["Suyanto"])
    qtbot.keyClick(tab.rating.box, Qt.Key.Key_Return)
    settle_tab(tab)
    qtbot.keyClicks(tab.rating.code, "A01")
    human_pause()
    qtbot.keyClick(tab.rating.code, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is tab.rating.pad
    qtbot.keyClick(tab.rating.pad, Qt.Key.Key_7)
    settle_tab(tab)
    assert (
        tab.rating.feedback.tone is Tone.WARN and "Nilai 7 tidak ada" in tab.rating.feedback.text()
    )
