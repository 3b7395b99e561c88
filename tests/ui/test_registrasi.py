"""Registrasi tab with real widgets (qtbot) on a real SQLite file: results are read back from
the database, not from the widgets."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from bid_desktop.services.audit import DEFAULT_PIN
from bid_desktop.storage.models import AuditEntry, Participant
from bid_desktop.sync.history import history_of
from bid_desktop.ui.common import pdf
from bid_desktop.ui.common.feedback import Tone
from bid_desktop.ui.registrasi.tab import RegistrasiTab
from tests.registration_data import add_invitees
from tests.ui.tabs import open_tab, settle_tab, type_in
from tests.unit.test_badges import decode_all


def settle(tab: RegistrasiTab, rounds: int = 3) -> None:
    settle_tab(tab, rounds)


def make_tab(qtbot, db) -> RegistrasiTab:  # type: ignore[no-untyped-def]
    return open_tab(qtbot, RegistrasiTab, db, 3)


@pytest.fixture
def numbers(db) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return add_invitees(db)


@pytest.fixture
def opened(monkeypatch) -> list[Path]:  # type: ignore[no-untyped-def]
    """PDFs the tab asked the system viewer to open (no viewer on the test machine)."""
    paths: list[Path] = []
    monkeypatch.setattr(pdf, "open_pdf", lambda path: paths.append(Path(path)) or True)
    return paths


def person(db, **where) -> Participant:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        query = select(Participant).filter_by(**where)
        return s.scalars(query).one()


def scan(qtbot, tab: RegistrasiTab, text: str) -> None:  # type: ignore[no-untyped-def]
    tab.box.clear()
    qtbot.keyClicks(tab.box, text)
    qtbot.keyClick(tab.box, Qt.Key.Key_Return)
    settle(tab)


def test_scan_number_checks_in_then_already_then_not_found(qtbot, db, numbers):
    tab = make_tab(qtbot, db)
    number = numbers["Bambang Sutrisno"]
    scan(qtbot, tab, number)
    row = person(db, number=number)
    assert row.checked_in_at is not None and row.checked_in_station == "REG1"
    assert tab.feedback.tone is Tone.OK and "Bambang Sutrisno" in tab.feedback.text()
    assert "Campang" in tab.feedback.text()
    assert tab.focusWidget() is tab.box and tab.box.text() == ""  # emptied at Enter
    first = row.checked_in_at
    scan(qtbot, tab, number)
    assert tab.feedback.tone is Tone.WARN and "sudah hadir sejak" in tab.feedback.text()
    assert person(db, number=number).checked_in_at == first
    scan(qtbot, tab, "U0000001")
    assert tab.feedback.tone is Tone.ERROR
    assert "Tidak ditemukan: U0000001" in tab.feedback.text() and "F2" in tab.feedback.text()


def test_typing_filters_then_arrow_picks_one_of_many(qtbot, db, numbers):
    tab = make_tab(qtbot, db)
    assert tab.model.rowCount() == 10
    qtbot.keyClicks(tab.box, "siti")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2, timeout=3000)
    assert {r["name"] for r in tab.model.rows} == {"Siti Aminah", "Siti Rahayu"}
    qtbot.keyClick(tab.box, Qt.Key.Key_Return)  # two match: nobody is checked in
    settle(tab)
    assert tab.feedback.tone is Tone.INFO and "2 peserta cocok" in tab.feedback.text()
    assert person(db, name="Siti Aminah").checked_in_at is None
    second = tab.model.rows[1]["name"]
    qtbot.keyClick(tab.box, Qt.Key.Key_Down)
    qtbot.keyClick(tab.box, Qt.Key.Key_Return)
    settle(tab)
    assert person(db, name=second).checked_in_at is not None
    other = ({"Siti Aminah", "Siti Rahayu"} - {second}).pop()
    assert person(db, name=other).checked_in_at is None


def test_kit_key_after_scan(qtbot, db, numbers):
    tab = make_tab(qtbot, db)
    scan(qtbot, tab, numbers["Made Wirawan"])
    qtbot.keyClick(tab.box, Qt.Key.Key_F3)
    settle(tab)
    assert person(db, name="Made Wirawan").kit_at is not None
    shown = {r["name"]: r["kit"] for r in tab.model.rows}
    assert "Kit" in tab.feedback.text() and shown["Made Wirawan"] == "✓"
    qtbot.keyClick(tab.box, Qt.Key.Key_F3)
    settle(tab)
    assert tab.feedback.tone is Tone.WARN and "sudah diserahkan" in tab.feedback.text()


def _type_into_focus(qtbot, text: str = "", key=None) -> None:  # type: ignore[no-untyped-def]
    """A person types into the field that has the keyboard, then (after a look) ``key``."""
    widget = QApplication.focusWidget()
    assert widget is not None
    type_in(qtbot, widget, text, key)


def test_walkin_with_keyboard_only_checks_in_and_prints_badge(qtbot, db, numbers, opened):
    tab = make_tab(qtbot, db)
    scan(qtbot, tab, "Rahmat Hidayat")
    assert tab.feedback.tone is Tone.ERROR
    qtbot.keyClick(tab.box, Qt.Key.Key_F2)
    dialog = tab.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.ed_name, timeout=2000)
    assert dialog.ed_name.text() == "Rahmat Hidayat"  # what was typed in the box
    tab_key = Qt.Key.Key_Tab
    _type_into_focus(qtbot, key=tab_key)
    _type_into_focus(qtbot, "Ketua BPD", tab_key)
    _type_into_focus(qtbot, "L", tab_key)
    _type_into_focus(qtbot, "Sidokaton", tab_key)
    _type_into_focus(qtbot, "", tab_key)
    _type_into_focus(qtbot, "12", Qt.Key.Key_Return)  # a bad phone number
    settle(tab)
    assert dialog.isVisible() and dialog.errors["phone"].isVisible()
    assert "tidak sah" in dialog.errors["phone"].text()
    with db.begin() as s:
        assert s.scalars(select(Participant).filter_by(source="walk-in")).all() == []
    assert QApplication.focusWidget() is dialog.ed_phone
    dialog.ed_phone.selectAll()
    _type_into_focus(qtbot, "0812 1111 2222", Qt.Key.Key_Return)
    settle(tab)
    assert not dialog.isVisible()
    walkin = person(db, source="walk-in")
    assert (walkin.number, walkin.name, walkin.jabatan) == (
        "REG1-0001",
        "Rahmat Hidayat",
        "Ketua BPD",
    )
    assert walkin.desa_code == "18.06.20.2007" and walkin.phone == "+6281211112222"
    assert walkin.gender == "L" and walkin.checked_in_at is not None
    assert "REG1-0001" in tab.feedback.text(), tab.feedback.text()
    assert tab.feedback.tone is Tone.OK
    assert len(opened) == 1 and decode_all(opened[0]) == ["REG1-0001"]
    assert tab.focusWidget() is tab.box


def test_correction_and_void_through_the_tab(qtbot, db, numbers, monkeypatch):
    tab = make_tab(qtbot, db)
    number = numbers["Sri Wahyuni"]
    scan(qtbot, tab, number)
    qtbot.keyClick(tab.box, Qt.Key.Key_F4)
    dialog = tab.dialog
    assert dialog is not None and not dialog.is_walkin
    dialog.ed_name.setText("Sri Wahyuningsih")
    qtbot.keyClick(dialog.ed_name, Qt.Key.Key_Return)
    settle(tab)
    fixed = person(db, number=number)
    assert fixed.name == "Sri Wahyuningsih"
    with db.begin() as s:
        assert len(history_of(s.connection(), fixed.id)) == 3  # invited, checked in, corrected
    monkeypatch.setattr("bid_desktop.ui.registrasi.actions.ask_pin", lambda *_a: DEFAULT_PIN)
    monkeypatch.setattr("bid_desktop.ui.registrasi.actions.ask_reason", lambda *_a: "ganda")
    tab.desk_actions.void_selected()
    settle(tab)
    voided = person(db, number=number)
    assert voided.voided and voided.void_reason == "ganda"
    with db.begin() as s:
        assert s.scalars(select(AuditEntry.action).filter_by(record_id=fixed.id)).all() == [
            "participant.correct",
            "participant.void",
        ] or sorted(s.scalars(select(AuditEntry.action).filter_by(record_id=fixed.id))) == [
            "participant.correct",
            "participant.void",
        ]
    scan(qtbot, tab, number)
    assert tab.feedback.tone is Tone.ERROR and "DIBATALKAN" in tab.feedback.text()


def test_print_unprinted_badges_from_the_tab(qtbot, db, numbers, opened):
    tab = make_tab(qtbot, db)
    tab.desk_actions.print_badges(tab.desk_actions.UNPRINTED)
    settle(tab)
    assert len(opened) == 1
    assert sorted(decode_all(opened[0])) == sorted(numbers.values())
    tab.desk_actions.print_badges(tab.desk_actions.UNPRINTED)
    settle(tab)
    assert len(opened) == 1 and "Tidak ada badge" in tab.feedback.text()


def test_counters_follow_scans(qtbot, db, numbers):
    tab = make_tab(qtbot, db)
    assert tab.counters.totals["arrived"].text() == "0 / 10"
    for name in ("Suyanto", "Sri Wahyuni", "Rudi Hartono"):
        scan(qtbot, tab, numbers[name])
    tab.refresh_counters()
    settle(tab)
    assert tab.counters.totals["arrived"].text() == "3 / 10"
    assert tab.counters.totals["desa"].text() == "2 / 9"
    assert "Desa belum hadir (7)" in tab.counters.lbl_not_arrived.text()
    assert "Banjar Manis" in tab.counters.lbl_no_woman.text()
    assert "Campang" not in tab.counters.lbl_no_woman.text()
    guests = {r["category"]: r["arrived"] for r in tab.counters.guest_model.rows}
    assert guests == {"Media": 1, "P2KTD": 0, "TIK": 0}
