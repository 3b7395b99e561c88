"""Jendela 3: a commitment added from the paper card after the piagam was printed says the
printed piagam is out of date and offers the SALINAN with the new list."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from bid_desktop.ui.common.feedback import Tone
from tests.exchange_data import j3_db
from tests.ui.test_jendela3 import keys, make_tab, scan, typing_target
from tests.ui.test_registrasi import opened, settle  # noqa: F401 - fixture and helper
from tests.unit.test_badges import pdf_text
from tests.unit.test_exchange import number_of


@pytest.fixture
def jdb(tmp_path: Path):  # type: ignore[no-untyped-def]
    db = j3_db(tmp_path / "j3a.sqlite")
    yield db
    db.dispose()


def test_card_added_after_print_warns_and_offers_the_new_salinan(qtbot, jdb, opened, monkeypatch):  # noqa: F811
    tab = make_tab(qtbot, jdb)
    page = tab.exchange
    scan(qtbot, tab, number_of(jdb, "Bambang Sutrisno"))  # Kepala Desa of Campang
    qtbot.keyClick(page.box, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    settle(tab)
    assert len(opened) == 1 and "dicetak 1×" in page.lbl_piagam.text()
    assert "tidak memuat" not in page.lbl_piagam.text()
    keys(qtbot, page.box, key=Qt.Key.Key_F2)
    keys(qtbot, page.card.ed_innovation, "b05", Qt.Key.Key_Tab)
    keys(qtbot, typing_target(), "150jt", Qt.Key.Key_Return)
    settle(tab)
    # not a plain "Ditambahkan": the printed piagam lacks it, and the reprint is offered
    assert page.feedback.tone is Tone.WARN
    assert "Ditambahkan" in page.feedback.text() and "cetak ulang SALINAN" in page.feedback.text()
    assert "tidak memuat semua komitmen" in page.lbl_piagam.text()
    assert "daftar baru" in page.btn_reprint.text() and page.btn_reprint.isEnabled()
    asked: list[str] = []

    def question(_parent, _title, text, *_a, **_k):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    shift_ctrl = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(page.box, Qt.Key.Key_P, shift_ctrl)
    settle(tab)
    assert asked and "daftar baru" in asked[0]
    text = " ".join(pdf_text(opened[-1]).split())
    assert "SALINAN — cetak ulang ke-1" in text and "B05" in text and "Jumlah (2 inovasi)" in text
    assert "tidak memuat" not in page.lbl_piagam.text() and "dicetak 2×" in page.lbl_piagam.text()
    assert "daftar baru" not in page.btn_reprint.text()
