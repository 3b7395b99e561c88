"""Ruang Bursa tab with real widgets on a real database: rating by scan + code + digit (and
again = update), door attendance, a menu item added through its form; screenshots."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from bid_desktop.domain import ids
from bid_desktop.services import bursa_rooms as rooms
from bid_desktop.storage.models import Attendance, Innovation, Participant, Rating
from bid_desktop.ui.bursa.tab import BursaTab
from bid_desktop.ui.common.feedback import Tone
from tests.bursa_data import add_menu
from tests.conftest import save_screenshot
from tests.registration_data import add_invitees
from tests.ui.tabs import open_tab, settle_tab, type_in


def settle(tab: BursaTab, rounds: int = 4) -> None:
    settle_tab(tab, rounds)


@pytest.fixture
def numbers(db) -> dict[str, str]:  # type: ignore[no-untyped-def]
    add_menu(db)
    with db.begin() as s:
        room = rooms.save_room(s, "A", "Aula Kecamatan")
        rooms.save_session(
            s, rooms.SessionForm(room["id"], "Sesi 1", rooms.parse_time("09.00"),
                                   rooms.parse_time("10.30"), "Pak Hadi", "A01, A02"),
        )  # fmt: skip
        rooms.save_table(s, "A", 1, "Ir. Sutopo, Bu Rina", "MKA1")
    return add_invitees(db)


def make_tab(qtbot, db) -> BursaTab:  # type: ignore[no-untyped-def]
    return open_tab(qtbot, BursaTab, db, 4)


def _rating(db, name: str, code: str) -> list[Rating]:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        person = s.scalars(select(Participant).where(Participant.name == name)).one()
        rid = ids.rating_id(person.event_id, person.id, code)
        return list(s.scalars(select(Rating).where(Rating.id == rid)))


def _rate(qtbot, tab: BursaTab, number: str | None, code: str, key: Qt.Key) -> None:  # type: ignore[no-untyped-def]
    if number is not None:
        qtbot.keyClicks(tab.rating.box, number)
        qtbot.keyClick(tab.rating.box, Qt.Key.Key_Return)
        settle(tab)
    assert QApplication.focusWidget() is tab.rating.code
    qtbot.keyClicks(tab.rating.code, code)
    qtbot.keyClick(tab.rating.code, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is tab.rating.pad
    qtbot.keyClick(tab.rating.pad, key)
    settle(tab)


def test_scan_code_digit_rates_and_again_updates(qtbot, db, numbers):
    tab = make_tab(qtbot, db)
    assert QApplication.focusWidget() is tab.rating.box
    _rate(qtbot, tab, numbers["Suyanto"], "a01", Qt.Key.Key_4)
    assert [r.score for r in _rating(db, "Suyanto", "A01")] == [4]
    assert tab.rating.feedback.tone is Tone.OK and "Tersimpan" in tab.rating.feedback.text()
    # same person, the next code straight away; ↓ in the code box picks the second item
    qtbot.keyClick(tab.rating.code, Qt.Key.Key_Down)
    qtbot.keyClick(tab.rating.code, Qt.Key.Key_Return)
    qtbot.keyClick(tab.rating.pad, Qt.Key.Key_5)
    settle(tab)
    assert [r.score for r in _rating(db, "Suyanto", "A02")] == [5]
    # rating A01 again updates the one rating
    _rate(qtbot, tab, None, "A01", Qt.Key.Key_2)
    assert [r.score for r in _rating(db, "Suyanto", "A01")] == [2]
    assert (
        "Diperbarui" in tab.rating.feedback.text() and "sebelumnya 4" in tab.rating.feedback.text()
    )
    # the next badge scanned into the code box switches the rater
    qtbot.keyClicks(tab.rating.code, numbers["Siti Aminah"])
    qtbot.keyClick(tab.rating.code, Qt.Key.Key_Return)
    settle(tab)
    assert tab.rating.person is not None and tab.rating.person["name"] == "Siti Aminah"
    _rate(qtbot, tab, None, "A02", Qt.Key.Key_3)
    assert [r.score for r in _rating(db, "Siti Aminah", "A02")] == [3]
    settle(tab)
    ranked = {r["code"]: (r["count"], r["mean"]) for r in tab.ranking.model.rows}
    assert ranked["A02"] == (2, 4.0) and ranked["A01"] == (1, 2.0)
    assert tab.ranking.model.rows[0]["code"] == "A02"
    save_screenshot(tab, "bursa-penilaian")


def test_unknown_badge_and_escape(qtbot, db, numbers):
    tab = make_tab(qtbot, db)
    qtbot.keyClicks(tab.rating.box, "U0000000")
    qtbot.keyClick(tab.rating.box, Qt.Key.Key_Return)
    settle(tab)
    assert (
        tab.rating.feedback.tone is Tone.ERROR and "Tidak ditemukan" in tab.rating.feedback.text()
    )
    _rate_start = numbers["Joko Purnomo"]
    qtbot.keyClicks(tab.rating.box, _rate_start)
    qtbot.keyClick(tab.rating.box, Qt.Key.Key_Return)
    settle(tab)
    qtbot.keyClicks(tab.rating.code, "A01")
    qtbot.keyClick(tab.rating.code, Qt.Key.Key_Return)
    qtbot.keyClick(tab.rating.pad, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is tab.rating.code
    qtbot.keyClick(tab.rating.pad, Qt.Key.Key_5)  # the pad is off after Esc: nothing saved
    settle(tab)
    assert _rating(db, "Joko Purnomo", "A01") == []


def test_door_attendance(qtbot, db, numbers):
    tab = make_tab(qtbot, db)
    qtbot.keyClick(tab, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    settle(tab)
    assert tab.pages.currentIndex() == 1 and QApplication.focusWidget() is tab.attendance.box
    for _ in range(2):
        qtbot.keyClicks(tab.attendance.box, numbers["Made Wirawan"])
        qtbot.keyClick(tab.attendance.box, Qt.Key.Key_Return)
        settle(tab)
    assert (
        tab.attendance.feedback.tone is Tone.WARN
        and "Sudah tercatat" in tab.attendance.feedback.text()
    )
    with db.begin() as s:
        assert len(s.scalars(select(Attendance)).all()) == 1
    save_screenshot(tab, "bursa-kehadiran")


def test_menu_add_through_form_and_screens(qtbot, db, numbers):
    tab = make_tab(qtbot, db)
    tab.pages.setCurrentIndex(2)
    settle(tab)
    assert [r["code"] for r in tab.menu.model.rows] == ["A01", "A02"]
    save_screenshot(tab, "bursa-menu")
    tab.menu.add()
    dialog = tab.menu.dialog
    assert dialog is not None
    dialog.code.setText("A03")
    dialog.title.setText("Embung desa")
    dialog.cost.setText("2,5 M")
    assert "dua miliar lima ratus juta rupiah" in dialog.cost.preview.text()
    dialog.provider.setCurrentIndex(1)
    dialog.on_save(dialog.collect())
    settle(tab)
    with db.begin() as s:
        item = s.scalars(select(Innovation).where(Innovation.code == "A03")).one()
        assert (item.cost_estimate, item.bursa, item.provider_id is not None) == (
            2_500_000_000,
            "A",
            True,
        )
    assert "A03" in [r["code"] for r in tab.menu.model.rows]
    tab.pages.setCurrentIndex(3)
    settle(tab)
    save_screenshot(tab, "bursa-p2ktd")
    tab.pages.setCurrentIndex(4)
    settle(tab)
    assert [r["code"] for r in tab.setup.tables.rows] == ["A1"]
    save_screenshot(tab, "bursa-setup")


def test_setup_room_session_table_with_keys(qtbot, db, numbers):
    tab = make_tab(qtbot, db)
    tab.combo.setCurrentIndex(tab.combo.findData("B"))
    tab.pages.setCurrentIndex(4)
    settle(tab)
    setup = tab.setup
    setup.room_name.setFocus()
    type_in(qtbot, setup.room_name, "Ruang Serbaguna")
    settle(tab)
    setup.session_name.setFocus()
    for widget, text in [(setup.session_name, "Sesi 2"), (setup.starts, "10.45"),
                         (setup.ends, "12.15"), (setup.facilitators, "Bu Wati")]:  # fmt: skip
        widget.setText(text)
    type_in(qtbot, setup.codes, "b01 B02")
    settle(tab)
    setup.consultants.setText("Pak Darto")
    qtbot.keyClick(setup.consultants, Qt.Key.Key_Return)
    settle(tab)
    from bid_desktop.storage.models import BursaSession, ConsultationTable, Room

    with db.begin() as s:
        room = s.scalars(select(Room).where(Room.bursa == "B")).one()
        session = s.scalars(select(BursaSession).where(BursaSession.room_id == room.id)).one()
        table = s.scalars(select(ConsultationTable).where(ConsultationTable.bursa == "B")).one()
    assert room.name == "Ruang Serbaguna" and session.innovation_codes == "B01,B02"
    assert (f"{session.starts_at:%H.%M}", session.facilitators) == ("10.45", "Bu Wati")
    assert (table.number, table.consultants) == (1, "Pak Darto")
    setup.session_view.selectRow(0)  # choosing a row fills the form for editing
    assert setup.session_name.text() == "Sesi 2" and setup.starts.text() == "10.45"
    save_screenshot(tab, "bursa-setup-b")


def test_menu_item_taken_off_behind_pin_with_keys(qtbot, db, numbers, monkeypatch):
    from bid_desktop.services.audit import DEFAULT_PIN
    from bid_desktop.ui.bursa import menu_panel

    tab = make_tab(qtbot, db)
    qtbot.keyClick(tab, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    settle(tab)
    assert QApplication.focusWidget() is tab.menu.filter
    qtbot.keyClicks(tab.menu.filter, "jalan")
    tab.menu.filter.searched.emit("jalan")  # as the debounce timer would
    settle(tab)
    assert [r["code"] for r in tab.menu.model.rows] == ["A02"]
    monkeypatch.setattr(menu_panel, "ask_pin", lambda *_a: DEFAULT_PIN)
    monkeypatch.setattr(menu_panel, "ask_reason", lambda *_a: "tidak dipamerkan")
    qtbot.keyClick(tab.menu.filter, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    settle(tab)
    with db.begin() as s:
        item = s.scalars(select(Innovation).where(Innovation.code == "A02")).one()
    assert item.voided and tab.menu.model.rows == []
