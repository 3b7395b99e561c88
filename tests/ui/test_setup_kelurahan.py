"""Setup dialog: a kecamatan with kelurahan lists its desa only, unless the kelurahan are ticked."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from sqlalchemy import select

from bid_desktop.storage.models import Desa
from tests.ui.test_setup import PASS, _dialog


@pytest.mark.parametrize("ticked", [False, True])
def test_kelurahan_only_when_ticked(qtbot, tmp_path: Path, ticked: bool):
    dialog = _dialog(qtbot, tmp_path / "new.sqlite")
    page = dialog.create_page
    qtbot.keyClicks(page.ed_name, "BID Kota Agung")
    qtbot.keyClicks(page.ed_kec, "kota agung")
    qtbot.keyClick(page.ed_kec, Qt.Key.Key_Return)
    while page.lst_found.count() > 1 and "Tanggamus" not in page.lst_found.currentItem().text():
        qtbot.keyClick(page.lst_found, Qt.Key.Key_Down)
    if page.lst_found.count() > 1:
        qtbot.keyClick(page.lst_found, Qt.Key.Key_Return)
    assert page.kecamatan_codes() == ["18.06.01"]
    assert page.chk_kelurahan.isVisibleTo(page) and "3 kelurahan" in page.chk_kelurahan.text()
    if ticked:
        qtbot.mouseClick(page.chk_kelurahan, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.ed_pass, PASS)
    qtbot.keyClicks(page.ed_pass2, PASS)
    qtbot.keyClicks(page.ed_pin, "240611")  # the committee PIN, set at creation
    qtbot.keyClicks(page.ed_pin2, "240611")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=10000)
    with dialog.ctx.db.begin() as s:
        names = set(s.scalars(select(Desa.name)))
    dialog.ctx.db.dispose()
    assert "Negeri Ratu" in names
    assert ("Baros" in names) is ticked and ("Kuripan" in names) is ticked
