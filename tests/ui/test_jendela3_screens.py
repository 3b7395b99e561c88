"""Jendela 3 screens at 1366×768 on a realistic demo event, and one piagam page as an image,
for a person to look at (tests/artifacts/jendela3-*.png, piagam-page.png)."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import Qt

from bid_desktop.ui.common import pdf
from bid_desktop.ui.common.feedback import Tone
from tests.conftest import ARTIFACTS, save_screenshot
from tests.ui.test_jendela3 import keys, make_tab, settle
from tests.ui.test_registrasi_screens import demo_db, demo_file  # noqa: F401 - fixtures


def _kepala_desa_with_commitments(db) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    with db.engine.connect() as conn:
        return conn.exec_driver_sql(
            "SELECT p.number, d.name FROM participant p JOIN desa d ON d.code = p.desa_code "
            "WHERE p.is_kepala_desa AND NOT p.voided AND p.desa_code IN "
            "(SELECT desa_code FROM commitment WHERE NOT voided GROUP BY desa_code "
            " HAVING COUNT(*) >= 3) ORDER BY p.number LIMIT 1"
        ).one()


def test_exchange_and_ideas_screens_and_a_piagam_page(qtbot, demo_db, monkeypatch):  # noqa: F811
    written: list[Path] = []
    monkeypatch.setattr(pdf, "open_pdf", lambda path: written.append(Path(path)) or True)
    tab = make_tab(qtbot, demo_db)
    page = tab.exchange
    number, desa = _kepala_desa_with_commitments(demo_db)
    keys(qtbot, page.box, number)
    settle(tab)
    assert desa in page.lbl_desa.text() and page.model.rowCount() >= 3
    qtbot.keyClick(page.box, Qt.Key.Key_F2)
    keys(qtbot, page.card.ed_innovation, "C04", None)
    keys(qtbot, page.card.amount.edit, "75jt", None)
    save_screenshot(tab, "jendela3-piagam")
    page.piagam_actions.print_piagam(reprint=True)
    settle(tab)
    assert written, page.feedback.text()
    doc = pdfium.PdfDocument(str(written[-1]))
    doc[0].render(scale=1.4).to_pil().save(ARTIFACTS / "piagam-page.png")
    doc.close()
    qtbot.keyClick(page.box, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    settle(tab)
    ideas = tab.ideas
    assert ideas.model.rowCount() > 10
    keys(qtbot, ideas.box, number)
    settle(tab)
    assert ideas.feedback.tone is Tone.OK and ideas.form.ed_desa.text().startswith(desa)
    keys(qtbot, ideas.form.ed_title, "Sekolah lapang kopi untuk pemuda", Qt.Key.Key_Tab)
    keys(qtbot, ideas.form.ed_description, "Pemuda desa belajar budidaya kopi di kebun", None)
    save_screenshot(tab, "jendela3-kartu-ide")
