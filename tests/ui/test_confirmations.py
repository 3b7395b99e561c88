"""The confirmation dialog with real widgets on a real database: per-desa counts, a status set
by keys (F5/F6) with who confirmed, and the letters written as one PDF whose barcodes are the
invitees' badge numbers."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from sqlalchemy import select

from bid_desktop.services import invitations as inv
from bid_desktop.storage.models import Participant
from bid_desktop.ui.common import pdf
from bid_desktop.ui.registrasi.confirmations import ConfirmationsDialog
from tests.conftest import save_screenshot
from tests.registration_data import add_invitees
from tests.ui.tabs import open_tab, settle_tab
from tests.unit.test_badges import decode_all


def _rows(table) -> list[list[str]]:  # type: ignore[no-untyped-def]
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def test_confirm_by_keys_and_print_letters(qtbot, db, tmp_path: Path, monkeypatch):
    numbers = add_invitees(db)
    opened: list[Path] = []
    monkeypatch.setattr(pdf, "open_pdf", lambda path: opened.append(Path(path)) or True)
    dialog = open_tab(qtbot, ConfirmationsDialog, db)
    desa = {r[0]: r for r in _rows(dialog.desa)}
    assert desa["Banjar Manis"][1:] == ["2", "0", "0", "2"]
    dialog.desa.selectRow([r[0] for r in _rows(dialog.desa)].index("Banjar Manis"))
    assert [r[1] for r in _rows(dialog.people)] == ["Suyanto", "Siti Aminah"]
    qtbot.keyClicks(dialog.ed_by, "Rina")
    dialog.people.selectRow(0)
    qtbot.keyClick(dialog.people, Qt.Key.Key_F5)
    settle_tab(dialog)
    dialog.people.selectRow(1)
    qtbot.keyClick(dialog.people, Qt.Key.Key_F6)
    settle_tab(dialog)
    with db.begin() as s:
        status = dict(s.execute(select(Participant.name, Participant.confirmation)).all())
        by = s.scalars(select(Participant.confirmed_by).where(Participant.name == "Suyanto")).one()
    assert (status["Suyanto"], status["Siti Aminah"], by) == (inv.CONFIRMED, inv.DECLINED, "Rina")
    desa = {r[0]: r for r in _rows(dialog.desa)}
    assert desa["Banjar Manis"][1:] == ["2", "1", "1", "0"]
    assert "Rina" in [r[4] for r in _rows(dialog.people)]
    save_screenshot(dialog, "registrasi-konfirmasi")
    dialog.cb_per.setCurrentIndex(dialog.cb_per.findData(inv.PER_DESA))
    dialog.chk_this_desa.setChecked(True)
    dialog.write_letters(tmp_path / "surat.pdf")
    settle_tab(dialog)
    assert opened == [tmp_path / "surat.pdf"]
    assert decode_all(opened[0]) == [numbers["Suyanto"]]  # Siti Aminah cannot come
    assert "1 surat undangan ditulis" in dialog.lbl_info.text()
