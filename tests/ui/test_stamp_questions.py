"""Nothing overwritten or mistyped silently at a table: another table's commitment is changed
only after a question that shows it (and the new stamp is this table's, now), implausible
amounts and another bursa's innovation are asked about; a rater not checked in is told so.
The real Meja / Ruang Bursa tabs, their real question boxes, the database read back."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from bid_desktop.services import meja
from bid_desktop.services.commitments import StampInput, stamp_commitment
from bid_desktop.services.station import set_station
from bid_desktop.storage.models import Commitment
from bid_desktop.ui.bursa.tab import BursaTab
from bid_desktop.ui.common.feedback import Tone
from bid_desktop.ui.meja.tab import MejaTab
from tests.bursa_data import add_menu
from tests.conftest import save_screenshot
from tests.registration_data import add_invitees
from tests.ui.tabs import answer_dialog, human_pause, open_tab, settle_tab, type_in

BANJAR_MANIS = "18.06.20.2001"
EARLIER = dt.datetime(2026, 11, 25, 9, 40)


@pytest.fixture
def numbers(db) -> dict[str, str]:  # type: ignore[no-untyped-def]
    add_menu(db)
    with db.begin() as s:
        set_station(s, "MKA2")  # another table stamped A02 for Banjar Manis first
        stamp_commitment(s, StampInput(BANJAR_MANIS, "A02", 100_000_000, 2027, table_code="A2"))
        s.scalars(select(Commitment)).one().stamped_at = EARLIER
        set_station(s, "MKA1")
        meja.set_table_identity(s, "A", 1, "Ir. Sutopo")
    return add_invitees(db)


def the_a02(db) -> Commitment:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        return s.scalars(select(Commitment).where(Commitment.innovation_code == "A02")).one()


def card(qtbot, tab: MejaTab, code: str, amount: str) -> None:  # type: ignore[no-untyped-def]
    """Innovation code, Enter, amount, Enter, (no notes) Enter: the stamp."""
    type_in(qtbot, tab.stamp_panel.code, code)
    type_in(qtbot, tab.stamp_panel.amount.edit, amount)
    type_in(qtbot, tab.stamp_panel.notes, "")


def start(qtbot, db, number: str) -> MejaTab:  # type: ignore[no-untyped-def]
    tab = open_tab(qtbot, MejaTab, db, 4)
    qtbot.keyClicks(QApplication.focusWidget(), number)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    settle_tab(tab)
    assert tab.desa is not None and tab.desa.code == BANJAR_MANIS
    return tab


def test_changing_another_tables_commitment_asks_first(qtbot, db, numbers):
    tab = start(qtbot, db, numbers["Suyanto"])
    asked = answer_dialog("Batal", shot="meja-question-change")
    card(qtbot, tab, "A02", "80jt")
    settle_tab(tab)
    assert asked, "no question was asked"
    assert "Rp100.000.000" in asked[0] and "Meja A2" in asked[0] and "pukul 09.40" in asked[0]
    kept = the_a02(db)
    assert (kept.amount, kept.table_code, kept.stamped_at) == (100_000_000, "A2", EARLIER)
    assert tab.feedback.tone is Tone.WARN and "Belum dicap" in tab.feedback.text()
    save_screenshot(tab, "meja-not-stamped")
    asked = answer_dialog("Ya")
    type_in(qtbot, tab.stamp_panel.notes, "")  # the same card, Enter again: yes this time
    settle_tab(tab)
    changed = the_a02(db)
    assert (changed.amount, changed.table_code, changed.stamped_station) == (80_000_000, "A1",
                                                                             "MKA1")  # fmt: skip
    assert changed.stamped_at > EARLIER and "Diperbarui" in tab.feedback.text()


@pytest.mark.parametrize(
    ("typed", "words"),
    [("150", "seratus lima puluh rupiah"), ("10T", "sepuluh triliun rupiah")],
)
def test_implausible_amount_asks_with_terbilang(qtbot, db, numbers, typed, words):
    tab = start(qtbot, db, numbers["Suyanto"])
    asked = answer_dialog("Batal", shot=f"meja-question-amount-{typed}")
    card(qtbot, tab, "A01", typed)
    settle_tab(tab)
    assert asked and words in asked[0] and "tidak wajar" in asked[0]
    with db.begin() as s:
        assert s.scalars(select(Commitment.innovation_code)).all() == ["A02"]
    asked = answer_dialog("Ya")
    type_in(qtbot, tab.stamp_panel.notes, "")
    settle_tab(tab)
    with db.begin() as s:
        assert s.scalars(select(Commitment.innovation_code).order_by("innovation_code")).all() == [
            "A01",
            "A02",
        ]


def test_plausible_amount_is_not_asked(qtbot, db, numbers):
    tab = start(qtbot, db, numbers["Suyanto"])
    card(qtbot, tab, "A01", "120jt")
    settle_tab(tab)
    assert tab.feedback.tone is Tone.OK and "Dicap" in tab.feedback.text()


def test_innovation_of_another_bursa_asks(qtbot, db, numbers):
    tab = start(qtbot, db, numbers["Suyanto"])
    asked = answer_dialog("Batal")
    card(qtbot, tab, "B01", "75jt")
    settle_tab(tab)
    assert asked and "Bursa B" in asked[0] and "Bursa A" in asked[0]
    with db.begin() as s:
        assert "B01" not in s.scalars(select(Commitment.innovation_code)).all()


def test_rater_not_checked_in_is_told(qtbot, db, numbers):
    tab = open_tab(qtbot, BursaTab, db, 4)
    qtbot.keyClicks(tab.rating.box, numbers["Joko Purnomo"])
    qtbot.keyClick(tab.rating.box, Qt.Key.Key_Return)
    settle_tab(tab)
    assert tab.rating.feedback.tone is Tone.WARN
    assert "belum tercatat hadir" in tab.rating.feedback.text()
    save_screenshot(tab, "bursa-not-checked-in")
    human_pause()


def test_event_band_set_in_settings_is_used_at_the_table(qtbot, db, numbers, monkeypatch):
    from bid_desktop.services.audit import DEFAULT_PIN
    from bid_desktop.ui.context import AppContext
    from bid_desktop.ui.settings import amount_band
    from bid_desktop.ui.tasks import TaskManager

    page = amount_band.AmountBandPage(AppContext(db=db, tasks=TaskManager()))
    qtbot.addWidget(page)
    page.low.setText("125jt")
    monkeypatch.setattr(amount_band, "ask_pin", lambda *_a: DEFAULT_PIN)
    page.save()
    tab = start(qtbot, db, numbers["Suyanto"])
    asked = answer_dialog("Batal")
    card(qtbot, tab, "A01", "120jt")  # plausible by the default band, not by this event's
    settle_tab(tab)
    assert asked and "kurang dari Rp125.000.000" in asked[0]


def test_jendela3_card_with_an_implausible_amount_asks(qtbot, tmp_path):
    from bid_desktop.ui.jendela3.tab import Jendela3Tab
    from tests.exchange_data import j3_db
    from tests.unit.test_exchange import number_of

    jdb = j3_db(tmp_path / "j3a.sqlite")
    tab = open_tab(qtbot, Jendela3Tab, jdb, 3)
    page = tab.exchange
    qtbot.keyClicks(page.box, number_of(jdb, "Bambang Sutrisno"))
    qtbot.keyClick(page.box, Qt.Key.Key_Return)
    settle_tab(tab)
    qtbot.keyClick(page.box, Qt.Key.Key_F2)
    type_in(qtbot, page.card.ed_innovation, "b05", Qt.Key.Key_Tab)
    asked = answer_dialog("Batal")
    type_in(qtbot, QApplication.focusWidget(), "150")  # "150" read off the card: Rp 150
    settle_tab(tab)
    assert asked and "seratus lima puluh rupiah" in asked[0]
    with jdb.begin() as s:
        assert "B05" not in s.scalars(select(Commitment.innovation_code)).all()
    jdb.dispose()
