"""A barcode scanner at the real pace of a hall, on every station: badges back to back, typed
wherever the keyboard happens to be, split by a slow database answer, ending with Enter or
Tab — each one lands whole, in order, on the scan handler. Results are read from the database.

The scanner types each key into the widget that has the keyboard when the key arrives, 1 ms
apart (QTest events, the event loop running between keys), stamped with its typing time as
the system stamps a hardware scanner's keys (``bench.scanpace.Scanner``)."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import select

from bench.scanpace import Scanner
from bid_desktop.domain import ids
from bid_desktop.services import meja
from bid_desktop.services.station import set_station
from bid_desktop.storage.models import Commitment, Innovation, Participant, Rating
from bid_desktop.ui.bursa.tab import BursaTab
from bid_desktop.ui.common.feedback import Tone
from bid_desktop.ui.jendela3.tab import Jendela3Tab
from bid_desktop.ui.meja.tab import MejaTab
from bid_desktop.ui.registrasi.tab import RegistrasiTab
from tests.bursa_data import add_menu
from tests.conftest import save_screenshot
from tests.exchange_data import BANJAR_MANIS, CAMPANG, j3_db
from tests.registration_data import add_invitees
from tests.ui.tabs import human_pause, open_tab, settle_tab
from tests.unit.test_exchange import number_of

RETURN, TAB = Qt.Key.Key_Return, Qt.Key.Key_Tab


def focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def scanner(qtbot, text: str, end: Qt.Key = RETURN) -> None:  # type: ignore[no-untyped-def]
    """A badge read by a USB scanner: its keys go to whatever has the keyboard."""
    scan = Scanner()
    scan.badge(text)
    scan.key(end, "\t" if end == TAB else "\r")


def checked_in(db) -> set[str]:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        query = select(Participant.name).where(Participant.checked_in_at.is_not(None))
        return set(s.scalars(query))


@pytest.fixture
def numbers(db) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return add_invitees(db)


# --- Registrasi --------------------------------------------------------------------------


def test_badges_back_to_back_are_never_merged(qtbot, db, numbers):
    """Five badges scanned before the first answer comes: five check-ins, in order."""
    tab = open_tab(qtbot, RegistrasiTab, db, 3)
    names = ["Suyanto", "Siti Aminah", "Bambang Sutrisno", "Made Wirawan", "Rudi Hartono"]
    shown: list[str] = []
    tab.scans.handled.connect(lambda item: shown.append(item[0]))
    for name in names:
        scanner(qtbot, numbers[name])  # no wait for the database between badges
        assert tab.box.text() == ""  # taken whole at Enter
    settle_tab(tab, 8)
    assert checked_in(db) == set(names)
    assert shown == [numbers[n] for n in names]  # one at a time, in the order scanned
    assert "Tidak ditemukan" not in tab.feedback.text() and "Rudi Hartono" in tab.feedback.text()


def test_scan_split_around_a_slow_answer_stays_whole(qtbot, db, numbers):
    """The answer to one badge arrives while the next is half typed: the next stays whole."""
    tab = open_tab(qtbot, RegistrasiTab, db, 3)
    gate = threading.Event()
    tab.ctx.tasks.run(gate.wait)  # the database is slow: the worker is busy until released
    scanner(qtbot, numbers["Suyanto"])
    second = numbers["Sri Wahyuni"]
    qtbot.keyClicks(focus(), second[:4])
    gate.set()
    settle_tab(tab)  # Suyanto's answer is shown now, between the two halves
    assert checked_in(db) == {"Suyanto"} and "Suyanto" in tab.feedback.text()
    assert tab.box.text() == second[:4]  # the answer left the half badge alone
    qtbot.keyClicks(focus(), second[4:])
    qtbot.keyClick(focus(), RETURN)
    settle_tab(tab)
    assert checked_in(db) == {"Suyanto", "Sri Wahyuni"}
    assert "Sri Wahyuni" in tab.feedback.text() and tab.feedback.tone is Tone.OK


def test_scan_with_a_list_row_chosen_checks_in_the_badge(qtbot, db, numbers):
    """The operator clicked a row of the list; the scanner then types into the list."""
    tab = open_tab(qtbot, RegistrasiTab, db, 3)
    rows = [r["name"] for r in tab.model.rows]
    clicked = rows.index("Agus Salim")
    rect = tab.view.visualRect(tab.model.index(clicked, 1))
    qtbot.mouseClick(tab.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert focus() is tab.view and tab.view.currentIndex().row() == clicked
    human_pause()
    scanner(qtbot, numbers["Joko Purnomo"])
    settle_tab(tab)
    assert checked_in(db) == {"Joko Purnomo"}  # not the clicked Agus Salim
    assert tab.scanner.routed == 1 and "Joko Purnomo" in tab.feedback.text()
    scanner(qtbot, numbers["Dewi Lestari"], TAB)  # a scanner set to end with Tab
    settle_tab(tab)
    assert checked_in(db) == {"Joko Purnomo", "Dewi Lestari"}


def test_failed_scan_forgets_the_person_before(qtbot, db, numbers):
    tab = open_tab(qtbot, RegistrasiTab, db, 3)
    scanner(qtbot, numbers["Made Wirawan"])
    settle_tab(tab)
    assert tab.selected_ids()
    scanner(qtbot, "U9999999")
    settle_tab(tab)
    assert tab.feedback.tone is Tone.ERROR and "U9999999" in tab.feedback.text()
    assert tab.selected_ids() == []  # F3 / F4 / Ctrl+P now ask for a person first
    save_screenshot(tab, "registrasi-failed-scan")
    qtbot.keyClick(focus(), Qt.Key.Key_F3)
    settle_tab(tab)
    with db.begin() as s:
        kit = s.scalars(select(Participant.kit_at).where(Participant.name == "Made Wirawan"))
        assert kit.one() is None


# --- Ruang Bursa ---------------------------------------------------------------------------


@pytest.fixture
def bursa_numbers(db) -> dict[str, str]:  # type: ignore[no-untyped-def]
    add_menu(db)
    return add_invitees(db)


def ratings(db) -> list[tuple[str, str, int]]:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        rows = s.execute(
            select(Participant.name, Innovation.code, Rating.score)
            .join(Participant, Participant.id == Rating.participant_id)
            .join(Innovation, Innovation.id == Rating.innovation_id)
        )
        return sorted(tuple(r) for r in rows)


def test_bursa_unknown_badge_clears_the_rater(qtbot, db, bursa_numbers):
    tab = open_tab(qtbot, BursaTab, db, 4)
    scanner(qtbot, bursa_numbers["Suyanto"])
    settle_tab(tab)
    assert tab.rating.person is not None and focus() is tab.rating.code
    scanner(qtbot, "U9999999")  # into the code box, where the keyboard is
    settle_tab(tab)
    assert "Tidak ditemukan: U9999999" in tab.rating.feedback.text()
    assert tab.rating.person is None and "Suyanto" not in tab.rating.lbl_person.text()
    save_screenshot(tab, "bursa-failed-scan")
    tab.rating.code.setFocus()
    qtbot.keyClicks(tab.rating.code, "A01")
    human_pause()
    qtbot.keyClick(tab.rating.code, RETURN)
    qtbot.keyClick(focus(), Qt.Key.Key_4)
    settle_tab(tab)
    assert ratings(db) == []  # nothing saved for the rater before the failed scan


def test_bursa_badge_scanned_while_the_score_pad_waits(qtbot, db, bursa_numbers):
    """The digits of a badge typed into the score pad are not a score."""
    tab = open_tab(qtbot, BursaTab, db, 4)
    scanner(qtbot, bursa_numbers["Suyanto"])
    settle_tab(tab)
    qtbot.keyClicks(tab.rating.code, "A01")
    human_pause()
    qtbot.keyClick(tab.rating.code, RETURN)
    assert focus() is tab.rating.pad
    scanner(qtbot, bursa_numbers["Siti Aminah"])
    settle_tab(tab)
    assert ratings(db) == []
    assert tab.rating.person is not None and tab.rating.person["name"] == "Siti Aminah"
    qtbot.keyClicks(focus(), "A02")
    human_pause()
    qtbot.keyClick(focus(), RETURN)
    qtbot.keyClick(focus(), Qt.Key.Key_5)
    settle_tab(tab)
    assert ratings(db) == [("Siti Aminah", "A02", 5)]


def test_bursa_scan_on_another_page_goes_to_the_rating_desk(qtbot, db, bursa_numbers):
    tab = open_tab(qtbot, BursaTab, db, 4)
    tab.pages.setCurrentWidget(tab.menu)
    settle_tab(tab)
    tab.menu.filter.setFocus()
    scanner(qtbot, bursa_numbers["Joko Purnomo"])
    settle_tab(tab)
    assert tab.pages.currentIndex() == 0 and tab.menu.filter.text() == ""
    assert tab.rating.person is not None and tab.rating.person["name"] == "Joko Purnomo"


# --- Meja Konsultasi -----------------------------------------------------------------------


@pytest.fixture
def meja_numbers(db) -> dict[str, str]:  # type: ignore[no-untyped-def]
    add_menu(db)
    with db.begin() as s:
        set_station(s, "MKA1")
        meja.set_table_identity(s, "A", 1, "Ir. Sutopo")
    return add_invitees(db)


def test_meja_badge_scanned_into_the_amount_field_starts_the_next_desa(qtbot, db, meja_numbers):
    tab = open_tab(qtbot, MejaTab, db, 4)
    scanner(qtbot, meja_numbers["Suyanto"])  # Kepala Desa of Banjar Manis
    settle_tab(tab)
    qtbot.keyClicks(focus(), "A01")
    human_pause()
    qtbot.keyClick(focus(), RETURN)
    assert focus() is tab.stamp_panel.amount.edit
    qtbot.keyClicks(focus(), "150jt")
    human_pause()
    scanner(qtbot, meja_numbers["Bambang Sutrisno"])  # Kepala Desa of Campang
    settle_tab(tab)
    assert tab.desa is not None and tab.desa.name == "Campang"
    assert tab.stamp_panel.amount.text() == ""  # a new card, no leftover digits
    with db.begin() as s:
        assert s.scalars(select(Commitment)).all() == []


def test_meja_failed_scan_clears_the_desa(qtbot, db, meja_numbers):
    tab = open_tab(qtbot, MejaTab, db, 4)
    scanner(qtbot, meja_numbers["Suyanto"])
    settle_tab(tab)
    assert tab.desa is not None
    scanner(qtbot, "U9999999")
    settle_tab(tab)
    assert tab.desa is None and tab.feedback.tone is Tone.ERROR
    assert "Banjar Manis" not in tab.lbl_desa.text()
    save_screenshot(tab, "meja-failed-scan")
    tab.stamp_panel.code.setText("A01")
    tab.stamp_panel.amount.setText("100jt")
    tab.stamp()
    settle_tab(tab)
    with db.begin() as s:
        assert s.scalars(select(Commitment)).all() == []


def test_slow_typing_is_not_a_scan(qtbot, db, meja_numbers):
    """A person typing notes (even a number) at a person's pace: the field keeps the keys."""
    tab = open_tab(qtbot, MejaTab, db, 4)
    scanner(qtbot, meja_numbers["Suyanto"])
    settle_tab(tab)
    tab.stamp_panel.code.setText("A01")
    tab.stamp_panel.amount.setText("100jt")
    tab.stamp_panel.notes.setFocus()
    qtbot.keyClicks(tab.stamp_panel.notes, "RAB 2027", delay=70)
    qtbot.wait(70)
    qtbot.keyClick(tab.stamp_panel.notes, RETURN)  # Enter in the notes stamps
    settle_tab(tab)
    assert tab.scanner.routed == 0
    with db.begin() as s:
        [stamp] = s.scalars(select(Commitment)).all()
        assert stamp.notes == "RAB 2027" and stamp.innovation_code == "A01"
        assert stamp.id == ids.commitment_id(tab.ctx.event_id, "18.06.20.2001", "A01")


# --- Jendela 3 -----------------------------------------------------------------------------


@pytest.fixture
def jdb(tmp_path):  # type: ignore[no-untyped-def]
    db = j3_db(tmp_path / "j3a.sqlite")
    yield db
    db.dispose()


def test_jendela3_scan_with_the_list_focused_then_unknown_badge(qtbot, jdb):
    tab = open_tab(qtbot, Jendela3Tab, jdb, 3)
    page = tab.exchange
    scanner(qtbot, number_of(jdb, "Suyanto"))  # Kepala Desa of Banjar Manis
    settle_tab(tab)
    assert page.panel is not None and page.panel.desa_code == BANJAR_MANIS
    page.view.setFocus()
    page.view.selectRow(1)
    human_pause()
    scanner(qtbot, number_of(jdb, "Bambang Sutrisno"))  # Campang, typed into the list
    settle_tab(tab)
    assert page.panel.desa_code == CAMPANG and tab.scanner.routed == 1
    scanner(qtbot, "U9999999")
    settle_tab(tab)
    assert page.panel is None and page.model.rowCount() == 0
    assert not page.btn_print.isEnabled() and page.feedback.tone is Tone.ERROR
    save_screenshot(tab, "jendela3-failed-scan")


def test_jendela3_idea_desk_unknown_badge_is_no_proposer(qtbot, jdb):
    tab = open_tab(qtbot, Jendela3Tab, jdb, 3)
    tab.pages.setCurrentWidget(tab.ideas)
    settle_tab(tab)
    page = tab.ideas
    scanner(qtbot, number_of(jdb, "Sri Wahyuni"))
    settle_tab(tab)
    assert page.form.ed_proposer.text() == "Sri Wahyuni"
    page.form.ed_title.setFocus()
    scanner(qtbot, "U9999999")  # into the title field
    settle_tab(tab)
    assert page.form.participant_id is None and page.form.ed_proposer.text() == ""
    assert page.form.ed_title.text() == "" and "U9999999" in page.feedback.text()


def test_scanner_keys_delayed_by_a_busy_window_keep_their_typing_time(qtbot, db, numbers):
    """A real scanner's keys carry the time they were typed: when the window is busy
    mid-badge the rest arrive late, yet the badge is still one fast burst."""
    import time

    tab = open_tab(qtbot, RegistrasiTab, db, 3)
    tab.view.setFocus()
    human_pause()
    scan, number = Scanner(), numbers["Siti Rahayu"]
    scan.badge(number[:3])
    time.sleep(0.15)  # the window is busy: the next keys wait in the queue
    scan.badge(number[3:])
    scan.enter()
    settle_tab(tab)
    assert checked_in(db) == {"Siti Rahayu"} and tab.scanner.routed == 1


def test_badge_scanned_over_a_half_typed_name_is_not_merged(qtbot, db, numbers):
    """The operator had started typing a name in the box; a badge is scanned: the badge is
    checked in on its own, the typed text stays for the operator."""
    tab = open_tab(qtbot, RegistrasiTab, db, 3)
    qtbot.keyClicks(tab.box, "sit", delay=70)  # a person's pace
    qtbot.wait(70)
    scanner(qtbot, numbers["Bambang Sutrisno"])
    settle_tab(tab)
    assert checked_in(db) == {"Bambang Sutrisno"} and tab.box.text() == "sit"
    assert "Tidak ditemukan" not in tab.feedback.text()


def test_meja_scanner_ending_with_tab_into_the_scan_box(qtbot, db, meja_numbers):
    tab = open_tab(qtbot, MejaTab, db, 4)
    assert focus() is tab.box
    scanner(qtbot, meja_numbers["Bambang Sutrisno"], TAB)
    settle_tab(tab)
    assert tab.desa is not None and tab.desa.name == "Campang" and tab.box.text() == ""


def test_door_attendance_badges_back_to_back(qtbot, db, bursa_numbers):
    from bid_desktop.services import bursa_rooms as rooms
    from bid_desktop.storage.models import Attendance

    with db.begin() as s:
        room = rooms.save_room(s, "A", "Aula")
        rooms.save_session(s, rooms.SessionForm(room["id"], "Sesi 1", rooms.parse_time("09.00"),
                                                rooms.parse_time("10.30"), "", "A01"))  # fmt: skip
    tab = open_tab(qtbot, BursaTab, db, 4)
    tab.pages.setCurrentIndex(1)
    settle_tab(tab)
    tab.attendance.sessions.setFocus()  # the keyboard on the session list, not the box
    names = ["Suyanto", "Siti Aminah", "Joko Purnomo"]
    for name in names:
        scanner(qtbot, bursa_numbers[name])
    settle_tab(tab, 6)
    with db.begin() as s:
        assert s.query(Attendance).count() == 3
    assert tab.attendance.box.text() == "" and tab.pages.currentIndex() == 1


def test_meja_badge_scanned_while_the_code_completer_is_open(qtbot, db, meja_numbers):
    tab = open_tab(qtbot, MejaTab, db, 4)
    scanner(qtbot, meja_numbers["Suyanto"])
    settle_tab(tab)
    assert focus() is tab.stamp_panel.code
    qtbot.keyClick(tab.stamp_panel.code, Qt.Key.Key_A)  # a person starts the code: list opens
    human_pause()
    popup = tab.stamp_panel.code.completer().popup()
    target = popup if popup.isVisible() else tab.stamp_panel.code
    qtbot.keyClicks(target, meja_numbers["Bambang Sutrisno"])
    qtbot.keyClick(target, RETURN)
    settle_tab(tab)
    assert tab.desa is not None and tab.desa.name == "Campang"
    assert not popup.isVisible() and tab.stamp_panel.code.text() == ""


def test_badge_scanned_into_the_open_walkin_form_is_the_next_scan(qtbot, db, numbers):
    """The walk-in form is open, the next person's badge is scanned: it is checked in, the
    form keeps what was typed and stays open (no walk-in named after a badge number)."""
    tab = open_tab(qtbot, RegistrasiTab, db, 3)
    qtbot.keyClick(tab.box, Qt.Key.Key_F2)
    dialog = tab.dialog
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.ed_name, timeout=2000)
    qtbot.keyClicks(dialog.ed_name, "Rahmat", delay=70)
    qtbot.wait(70)
    scanner(qtbot, numbers["Made Wirawan"])
    settle_tab(tab)
    assert checked_in(db) == {"Made Wirawan"} and dialog.isVisible()
    assert dialog.ed_name.text() == "Rahmat"
    with db.begin() as s:
        assert s.scalars(select(Participant).where(Participant.source == "walk-in")).all() == []
    dialog.reject()
