"""Jendela 3 with real widgets (qtbot) on a real SQLite file, driven by keys as a scanner and a
keyboard would; results are read back from the database and the PDFs."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import select

from bid_desktop.domain import ids
from bid_desktop.services.audit import DEFAULT_PIN
from bid_desktop.services.events import current_event
from bid_desktop.storage.models import AuditEntry, Commitment, Idea, Piagam, PiagamPrint
from bid_desktop.ui.common.feedback import Tone
from bid_desktop.ui.jendela3 import ideas_page
from bid_desktop.ui.jendela3.tab import Jendela3Tab
from tests.exchange_data import BANJAR_MANIS, CAMPANG, j3_db
from tests.ui.tabs import open_tab, type_in
from tests.ui.test_registrasi import opened, settle  # noqa: F401 - fixture and helper
from tests.unit.test_badges import decode_all, pdf_text
from tests.unit.test_exchange import number_of
from tests.unit.test_imports_ideas import _filled


def make_tab(qtbot, db) -> Jendela3Tab:  # type: ignore[no-untyped-def]
    return open_tab(qtbot, Jendela3Tab, db, 3)


@pytest.fixture
def jdb(tmp_path: Path):  # type: ignore[no-untyped-def]
    db = j3_db(tmp_path / "j3a.sqlite")
    yield db
    db.dispose()


def keys(qtbot, widget, text: str = "", key=Qt.Key.Key_Return) -> None:  # type: ignore[no-untyped-def]
    """A person types ``text``, looks, presses ``key`` (scanner-fast: see test_scanner.py)."""
    type_in(qtbot, widget, text, key)


def scan(qtbot, tab: Jendela3Tab, text: str) -> None:  # type: ignore[no-untyped-def]
    page = tab.exchange
    page.box.clear()
    keys(qtbot, page.box, text)
    settle(tab)


def typing_target() -> object:
    return QApplication.focusWidget()


def test_scan_add_from_card_receive_print_and_reprint(qtbot, jdb, opened, monkeypatch):  # noqa: F811
    tab = make_tab(qtbot, jdb)
    page = tab.exchange
    assert QApplication.focusWidget() is page.box
    scan(qtbot, tab, number_of(jdb, "Bambang Sutrisno"))  # Kepala Desa of Campang
    assert page.feedback.tone is Tone.OK and "Campang" in page.feedback.text()
    assert [r["innovation_code"] for r in page.model.rows] == ["A03"]
    # F2: the card form; type code, Tab, amount, Tab, year, Enter — all by keys
    keys(qtbot, page.box, key=Qt.Key.Key_F2)
    assert typing_target() is page.card.ed_innovation
    keys(qtbot, page.card.ed_innovation, "b05", Qt.Key.Key_Tab)
    keys(qtbot, typing_target(), "150jt", None)
    preview = page.card.amount.preview.text()
    assert "Rp150.000.000" in preview and "seratus lima puluh juta rupiah" in preview
    keys(qtbot, page.card.amount.edit, key=Qt.Key.Key_Return)
    settle(tab)
    assert page.feedback.tone is Tone.OK, page.feedback.text()
    ev = tab.ctx.event_id
    with jdb.begin() as s:
        added = s.get(Commitment, ids.commitment_id(ev, CAMPANG, "B05"))
        assert (added.amount, added.planned_year, added.source) == (150_000_000, 2027, "jendela3")
    assert [r["innovation_code"] for r in page.model.rows] == ["A03", "B05"]
    keys(qtbot, page.card.ed_innovation, "a03", Qt.Key.Key_Tab)  # already stamped
    keys(qtbot, typing_target(), "1jt", Qt.Key.Key_Return)
    settle(tab)
    assert page.feedback.tone is Tone.ERROR and "sudah tercatat" in page.feedback.text()
    # F3: card received; Ctrl+P: piagam printed and opened
    keys(qtbot, page.box, key=None)
    qtbot.keyClick(page.box, Qt.Key.Key_F3)
    settle(tab)
    with jdb.begin() as s:
        assert s.get(Piagam, ids.piagam_id(ev, CAMPANG)).card_received
    assert page.chk_card.isChecked()
    qtbot.keyClick(page.box, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    settle(tab)
    assert len(opened) == 1 and decode_all(opened[0]) == ["J3A-0001"]
    text = " ".join(pdf_text(opened[0]).split())
    assert "Pemerintah Desa Campang" in text and "seratus lima puluh juta rupiah" in text
    assert "dicetak 1×" in page.lbl_piagam.text()
    # Ctrl+P again refuses; Ctrl+Shift+P asks, then prints a logged SALINAN
    qtbot.keyClick(page.box, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    settle(tab)
    assert page.feedback.tone is Tone.WARN and "SALINAN" in page.feedback.text()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    shift_ctrl = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(page.box, Qt.Key.Key_P, shift_ctrl)
    settle(tab)
    assert len(opened) == 2 and "SALINAN" in pdf_text(opened[1])
    with jdb.begin() as s:
        assert [p.is_copy for p in s.scalars(select(PiagamPrint))] == [False, True]
    qtbot.keyClick(page.box, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    settle(tab)
    assert opened[-1] == opened[1]  # Buka: the last PDF, no new print
    # the next Kepala Desa's badge scanned while the card form has the keyboard: next desa
    keys(qtbot, page.box, key=Qt.Key.Key_F2)
    keys(qtbot, page.card.ed_innovation, number_of(jdb, "Suyanto"))
    settle(tab)
    assert page.panel is not None and page.panel.desa_name == "Banjar Manis"
    assert page.feedback.tone is Tone.OK and typing_target() is page.box
    assert page.card.ed_innovation.text() == ""
    keys(qtbot, page.box, key=Qt.Key.Key_F2)
    keys(qtbot, page.card.ed_innovation, "Z77")  # a typo: neither a code nor a badge
    settle(tab)
    assert "bukan kode inovasi" in page.card.lbl_innovation.text()
    assert typing_target() is page.card.ed_innovation and page.panel.desa_name == "Banjar Manis"


def test_photo_attached_from_a_file(qtbot, jdb, tmp_path: Path):
    tab = make_tab(qtbot, jdb)
    page = tab.exchange
    scan(qtbot, tab, "banjar manis")
    photo = tmp_path / "serah-terima.jpg"
    Image.new("RGB", (1200, 900), (200, 150, 40)).save(photo)
    page.piagam_actions.attach_file(photo)
    settle(tab)
    assert page.lbl_photo.pixmap() is not None and not page.lbl_photo.pixmap().isNull()
    with jdb.begin() as s:
        piagam = s.get(Piagam, ids.piagam_id(current_event(s).id, BANJAR_MANIS))
        assert piagam.photo_id is not None
        assert s.scalars(select(AuditEntry.action)).all().count("piagam.photo") == 1


def test_idea_card_scan_fill_save_edit_and_void(qtbot, jdb, monkeypatch):
    tab = make_tab(qtbot, jdb)
    qtbot.keyClick(tab.exchange.box, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    settle(tab)
    page = tab.ideas
    assert tab.pages.currentWidget() is page and QApplication.focusWidget() is page.box
    keys(qtbot, page.box, number_of(jdb, "Sri Wahyuni"))
    settle(tab)
    assert page.form.ed_proposer.text() == "Sri Wahyuni" and "Campang" in page.form.ed_desa.text()
    assert typing_target() is page.form.ed_title
    keys(qtbot, page.form.ed_title, "Kolam gizi balita", Qt.Key.Key_Tab)
    keys(qtbot, typing_target(), "Kolam ikan untuk makanan tambahan", Qt.Key.Key_Tab)
    keys(qtbot, typing_target(), key=Qt.Key.Key_Down)  # Sudah dilaksanakan: Ya
    keys(qtbot, typing_target(), key=Qt.Key.Key_Tab)
    keys(qtbot, typing_target(), "Balita gizi kurang turun", None)
    qtbot.keyClick(typing_target(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    settle(tab)
    assert page.feedback.tone is Tone.OK, page.feedback.text()
    with jdb.begin() as s:
        idea = s.scalars(select(Idea)).one()
        assert (idea.proposer_name, idea.desa_code, idea.title) == (
            "Sri Wahyuni", CAMPANG, "Kolam gizi balita",
        )  # fmt: skip
        assert idea.already_done and idea.results == "Balita gizi kurang turun"
        assert idea.description == "Kolam ikan untuk makanan tambahan"
        assert idea.participant_id is not None and idea.station == "J3A"
    assert [r["title"] for r in page.model.rows] == ["Kolam gizi balita"]
    # a card with no title is refused, naming the field
    keys(qtbot, page.box, "Pak Darto")
    settle(tab)
    assert page.form.ed_proposer.text() == "Pak Darto" and page.feedback.tone is Tone.WARN
    qtbot.keyClick(typing_target(), Qt.Key.Key_Return)
    settle(tab)
    assert "Judul ide wajib" in page.form.lbl_error.text()
    # edit from the list: Ctrl+L, Enter on the row, change, Ctrl+Enter
    qtbot.keyClick(page.box, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    page.view.selectRow(0)
    qtbot.keyClick(page.view, Qt.Key.Key_F4)
    assert page.form.idea_id == idea.id and typing_target() is page.form.ed_title
    page.form.ed_title.setText("Kolam gizi untuk balita")
    qtbot.keyClick(page.form.ed_title, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    settle(tab)
    with jdb.begin() as s:
        assert s.get(Idea, idea.id).title == "Kolam gizi untuk balita"
        assert s.scalars(select(Idea.id)).all() == [idea.id]  # edited, not duplicated
    monkeypatch.setattr(ideas_page, "ask_pin", lambda *_a: DEFAULT_PIN)
    monkeypatch.setattr(ideas_page, "ask_reason", lambda *_a: "kartu ganda")
    page.view.selectRow(0)
    page.void_selected()
    settle(tab)
    with jdb.begin() as s:
        voided = s.get(Idea, idea.id)
        assert voided.voided and voided.void_reason == "kartu ganda"
    assert page.model.rows[0]["when"] == "BATAL"


def test_transcribed_idea_cards_imported_from_the_page(qtbot, jdb, tmp_path: Path):
    tab = make_tab(qtbot, jdb)
    page = tab.ideas
    rows = [
        ["Pak Joko", "", "Banjar Manis", "Kolam lele bioflok", "Kolam terpal", "Ya", "Panen"],
        ["Bu Ani", "", "", "Arisan sampah", "", "Tidak", ""],
    ]
    page.files.import_file(_filled(tmp_path, rows))
    settle(tab)
    with jdb.begin() as s:
        found = {(i.proposer_name, i.desa_code, i.source) for i in s.scalars(select(Idea))}
    assert found == {("Pak Joko", BANJAR_MANIS, "impor"), ("Bu Ani", None, "impor")}
    assert page.feedback.tone is Tone.OK and "2 baru" in page.feedback.text()
    assert sorted(r["title"] for r in page.model.rows) == ["Arisan sampah", "Kolam lele bioflok"]


def test_badge_scanned_into_the_idea_title_is_the_next_proposer(qtbot, jdb):
    tab = make_tab(qtbot, jdb)
    qtbot.keyClick(tab.exchange.box, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    settle(tab)
    page = tab.ideas
    keys(qtbot, page.box, number_of(jdb, "Sri Wahyuni"))
    settle(tab)
    assert typing_target() is page.form.ed_title
    # the scanner fires while the title field has the keyboard: a badge, not a title
    keys(qtbot, page.form.ed_title, number_of(jdb, "Sri Wahyuni"))
    settle(tab)
    with jdb.begin() as s:
        assert s.scalars(select(Idea)).all() == []
    assert page.form.ed_proposer.text() == "Sri Wahyuni" and page.form.ed_title.text() == ""
    assert page.feedback.tone is Tone.OK and typing_target() is page.form.ed_title
