"""Meja Konsultasi tab with real widgets on a real database: scan → stamp with keys only,
stamping again updates the one commitment, consultation saved, void behind the PIN;
everything asserted on the database. Screenshots at 1366×768."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from bid_desktop.domain import ids
from bid_desktop.services import meja
from bid_desktop.services.audit import DEFAULT_PIN
from bid_desktop.services.station import set_station
from bid_desktop.storage.models import AuditEntry, Commitment, Consultation
from bid_desktop.ui.common.feedback import Tone
from bid_desktop.ui.meja import tab as meja_tab
from bid_desktop.ui.meja.tab import MejaTab
from tests.bursa_data import add_menu
from tests.conftest import save_screenshot
from tests.registration_data import add_invitees
from tests.ui.tabs import answer_dialog, open_tab, settle_tab, type_in

BANJAR_MANIS = "18.06.20.2001"


def settle(tab: MejaTab, rounds: int = 4) -> None:
    settle_tab(tab, rounds)


@pytest.fixture
def numbers(db) -> dict[str, str]:  # type: ignore[no-untyped-def]
    add_menu(db)
    with db.begin() as s:
        set_station(s, "MKA1")
        meja.set_table_identity(s, "A", 1, "Ir. Sutopo, Bu Rina")
    return add_invitees(db)


def make_tab(qtbot, db) -> MejaTab:  # type: ignore[no-untyped-def]
    return open_tab(qtbot, MejaTab, db, 4)


def commitments(db) -> list[Commitment]:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        return list(s.scalars(select(Commitment).order_by(Commitment.innovation_code)))


def keys(qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    """A person types into the field that has the keyboard, looks, presses Enter."""
    type_in(qtbot, QApplication.focusWidget(), text)


def test_scan_then_stamp_with_keys_only(qtbot, db, numbers):
    tab = make_tab(qtbot, db)
    assert "Meja A1" in tab.header.label.text() and "Sutopo" in tab.header.consultants.text()
    assert QApplication.focusWidget() is tab.box
    keys(qtbot, numbers["Suyanto"])
    settle(tab)
    assert QApplication.focusWidget() is tab.stamp_panel.code
    assert tab.stamp_panel.kepala_desa.text() == "Suyanto"
    keys(qtbot, "a01")  # → amount
    assert QApplication.focusWidget() is tab.stamp_panel.amount.edit
    qtbot.keyClicks(tab.stamp_panel.amount.edit, "150jt")
    assert "seratus lima puluh juta rupiah" in tab.stamp_panel.amount.preview.text()
    type_in(qtbot, tab.stamp_panel.amount.edit, "")  # Enter → notes
    keys(qtbot, "RAB menyusul")  # Enter on notes stamps
    settle(tab)
    [c] = commitments(db)
    assert (c.desa_code, c.innovation_code, c.amount) == (BANJAR_MANIS, "A01", 150_000_000)
    assert (c.table_code, c.kepala_desa, c.notes, c.planned_year) == (
        "A1",
        "Suyanto",
        "RAB menyusul",
        2027,
    )
    assert c.stamped_station == "MKA1" and tab.feedback.tone is Tone.OK
    assert [r["innovation_code"] for r in tab.stamps.rows] == ["A01"]
    # the same desa commits to a second innovation; then A01 again with a new amount
    keys(qtbot, "A02")
    qtbot.keyClicks(tab.stamp_panel.amount.edit, "Rp 300.000.000")
    qtbot.keyClick(
        tab.stamp_panel.amount.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )
    settle(tab)
    keys(qtbot, "A01")
    qtbot.keyClicks(tab.stamp_panel.amount.edit, "1,5 M")
    asked = answer_dialog("Ya")  # changing a commitment asks first
    qtbot.keyClick(
        tab.stamp_panel.amount.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )
    settle(tab)
    assert asked and "sudah berkomitmen A01 Rp150.000.000" in asked[0]
    got = [(c.innovation_code, c.amount) for c in commitments(db)]
    assert got == [("A01", 1_500_000_000), ("A02", 300_000_000)]
    assert "Diperbarui" in tab.feedback.text()
    save_screenshot(tab, "meja-stamped")


def test_invalid_amount_is_explained_and_nothing_stamped(qtbot, db, numbers):
    tab = make_tab(qtbot, db)
    keys(qtbot, "Banjar")  # typed desa name instead of a badge
    settle(tab)
    assert tab.desa is not None and tab.desa.code == BANJAR_MANIS
    keys(qtbot, "B01")
    qtbot.keyClicks(tab.stamp_panel.amount.edit, "banyak")
    assert "Tidak dimengerti" in tab.stamp_panel.amount.preview.text()
    tab.stamp()
    settle(tab)
    assert tab.feedback.tone is Tone.ERROR and "Perkiraan anggaran" in tab.feedback.text()
    assert commitments(db) == []
    save_screenshot(tab, "meja-invalid-amount")


def test_consultation_saved(qtbot, db, numbers):
    tab = make_tab(qtbot, db)
    keys(qtbot, numbers["Siti Aminah"])  # a delegate, not the Kepala Desa
    settle(tab)
    assert tab.feedback.tone is Tone.WARN and "bukan Kepala Desa" in tab.feedback.text()
    tab.consult.codes.setFocus()
    keys(qtbot, "A01, a02")
    keys(qtbot, "Biaya perawatan per tahun?")
    tab.consult.provider.setCurrentIndex(1)
    tab.consult.notes.setFocus()
    keys(qtbot, "Tertarik, minta RAB")
    settle(tab)
    with db.begin() as s:
        c = s.scalars(select(Consultation)).one()
        assert (c.desa_code, c.innovation_codes, c.table_code) == (BANJAR_MANIS, "A01,A02", "A1")
        assert c.questions == "Biaya perawatan per tahun?" and c.provider_id is not None
        assert c.participant_id is not None


def test_void_behind_pin(qtbot, db, numbers, monkeypatch):
    tab = make_tab(qtbot, db)
    keys(qtbot, numbers["Suyanto"])
    settle(tab)
    keys(qtbot, "A01")
    qtbot.keyClicks(tab.stamp_panel.amount.edit, "150jt")
    tab.stamp()
    settle(tab)
    tab.view.selectRow(0)
    monkeypatch.setattr(meja_tab, "ask_pin", lambda *_a: "999999")
    monkeypatch.setattr(meja_tab, "ask_reason", lambda *_a: "salah desa")
    tab.void_selected()
    settle(tab)
    assert tab.feedback.tone is Tone.ERROR and "PIN" in tab.feedback.text()
    assert not commitments(db)[0].voided
    monkeypatch.setattr(meja_tab, "ask_pin", lambda *_a: DEFAULT_PIN)
    qtbot.keyClick(tab.view, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    settle(tab)
    [c] = commitments(db)
    assert c.voided and c.void_reason == "salah desa"
    assert c.id == ids.commitment_id(c.event_id, BANJAR_MANIS, "A01")
    with db.begin() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "commitment.void")).one()
        assert (entry.record_id, entry.station, entry.reason) == (c.id, "MKA1", "salah desa")
    assert tab.stamps.rows[0]["voided"] and "0 komitmen sah" in tab.lbl_stamps.text()
    save_screenshot(tab, "meja-voided")


def test_no_table_yet_then_set_with_dialog(qtbot, db):
    add_menu(db)
    tab = make_tab(qtbot, db)  # station REG1: not a table
    assert "belum ditetapkan" in tab.header.label.text() and not tab.stamp_panel.isEnabled()
    save_screenshot(tab, "meja-no-table")
    qtbot.keyClick(tab, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    dialog = tab.dialog
    assert dialog is not None
    dialog.bursa.setCurrentIndex(dialog.bursa.findData("B"))
    dialog.number.setValue(3)
    dialog.consultants.setText("Bu Wati")
    dialog.save()
    settle(tab)
    with db.begin() as s:
        table = meja.table_identity(s)
    assert table is not None and (table.code, table.consultants) == ("B3", "Bu Wati")
    assert "Meja B3" in tab.header.label.text() and tab.stamp_panel.isEnabled()


def test_transcribed_cards_import_merges_with_stamps(qtbot, db, numbers, tmp_path, monkeypatch):
    from bid_desktop.ui.common import sheet_files

    monkeypatch.setattr(sheet_files, "ask_pin", lambda *_a: "123456")  # overwriting: PIN
    from openpyxl import load_workbook

    from bid_desktop.services.imports import write_template

    tab = make_tab(qtbot, db)
    keys(qtbot, numbers["Suyanto"])
    settle(tab)
    keys(qtbot, "A01")
    qtbot.keyClicks(tab.stamp_panel.amount.edit, "150jt")
    tab.stamp()
    settle(tab)
    path = write_template("commitments", tmp_path / "kartu.xlsx")
    book = load_workbook(path)
    book.worksheets[0].append(
        [BANJAR_MANIS, "", "Suyanto", "a01", "Rp 150.000.000", 2027, "A1", ""]
    )
    book.worksheets[0].append(["", "Banjar Manis", "Suyanto", "B02", "1,5 M", 2027, "B2", "kartu"])
    book.save(path)
    for _ in range(2):  # the paper card of a stamped commitment, twice: nothing is added twice
        tab.cards.import_file(path)
        settle(tab)
    got = [(c.innovation_code, c.amount, c.source) for c in commitments(db)]
    assert got == [("A01", 150_000_000, "stempel"), ("B02", 1_500_000_000, "impor")]
    assert "0 baru" in tab.feedback.text() and "2 sama" in tab.feedback.text()
