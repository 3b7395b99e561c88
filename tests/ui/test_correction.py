"""The correction form writes only what the user changed since it opened: a phone changed
meanwhile elsewhere (a merge, another window) is kept and the desk says so; a field changed
both here and there is overwritten only after a question. Real dialog, real database."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from bid_desktop.services import registration_forms as forms
from bid_desktop.storage.models import Participant
from bid_desktop.ui.common.feedback import Tone
from bid_desktop.ui.registrasi.tab import RegistrasiTab
from tests.conftest import save_screenshot
from tests.registration_data import add_invitees
from tests.ui.tabs import answer_dialog, open_tab, settle_tab

NEWER_PHONE = "+6281299990000"


@pytest.fixture
def numbers(db) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return add_invitees(db)


def sri(db) -> Participant:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        return s.scalars(select(Participant).where(Participant.number.is_not(None))
                         .where(Participant.jabatan == "Kader Posyandu")).one()  # fmt: skip


def changed_elsewhere(db, **values) -> None:  # type: ignore[no-untyped-def]
    """Another window (its own session) corrects the record while the form is open."""
    person = sri(db)
    with db.begin() as s:
        form = forms.form_of({**{f: getattr(person, f) for f in forms.FORM_FIELDS}, **values})
        forms.correct_participant(s, person.id, form)


def open_correction(qtbot, db, number: str) -> RegistrasiTab:  # type: ignore[no-untyped-def]
    tab = open_tab(qtbot, RegistrasiTab, db, 3)
    qtbot.keyClicks(tab.box, number)
    qtbot.keyClick(tab.box, Qt.Key.Key_Return)
    settle_tab(tab)
    qtbot.keyClick(tab.box, Qt.Key.Key_F4)
    assert tab.dialog is not None and not tab.dialog.is_walkin
    return tab


def test_save_keeps_a_phone_changed_meanwhile(qtbot, db, numbers):
    tab = open_correction(qtbot, db, numbers["Sri Wahyuni"])
    dialog = tab.dialog
    changed_elsewhere(db, phone=NEWER_PHONE)
    dialog.ed_name.setText("Sri Wahyuningsih")  # the user corrects only the name
    dialog.submit()
    settle_tab(tab)
    after = sri(db)
    assert (after.name, after.phone) == ("Sri Wahyuningsih", NEWER_PHONE)
    assert tab.feedback.tone is Tone.WARN and "dipertahankan: Telepon" in tab.feedback.text()
    save_screenshot(tab, "registrasi-correction-kept")


def test_same_field_changed_on_both_sides_asks(qtbot, db, numbers):
    tab = open_correction(qtbot, db, numbers["Sri Wahyuni"])
    dialog = tab.dialog
    changed_elsewhere(db, phone=NEWER_PHONE)
    dialog.ed_phone.setText("0812 1111 2222")
    asked = answer_dialog("Batal", shot="registrasi-correction-question")
    dialog.submit()
    settle_tab(tab)
    assert asked and "diubah di tempat lain" in asked[0] and "Telepon" in asked[0]
    assert sri(db).phone == NEWER_PHONE and dialog.isVisible()
    assert "diubah di tempat lain" in dialog.lbl_error.text()
    asked = answer_dialog("Simpan perubahan saya")
    dialog.submit()
    settle_tab(tab)
    assert asked and sri(db).phone == "+6281211112222" and not dialog.isVisible()
