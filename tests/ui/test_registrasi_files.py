"""Files from the registration tab: invitation template → filled → imported (all-or-nothing,
refusal shown), and a badge PDF sent to a printer (a PDF printer here, read back)."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import zxingcpp
from openpyxl import load_workbook
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import func, select

from bid_desktop.services import registration_badges as badges
from bid_desktop.storage.models import Participant
from bid_desktop.ui.common import pdf
from bid_desktop.ui.common.feedback import Tone
from tests.registration_data import add_invitees
from tests.ui.test_registrasi import make_tab, settle

ROWS = [
    ["Suyanto", "Kepala Desa", "L", "18.06.20.2001", "", "", "0812 3456 7890", "Peserta Utama", "", "Tidak"],
    ["Siti Aminah", "Ketua TP PKK", "P", "", "Banjar Manis", "", "", "Peserta Utama", "", "Ya"],
    ["Rudi", "Wartawan", "L", "", "", "Media Lampung", "", "Undangan", "Media", ""],
]  # fmt: skip


def _count(db) -> int:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        return int(s.scalar(select(func.count()).select_from(Participant)) or 0)


def _filled(template: Path, rows: list[list[object]], out: Path) -> Path:
    wb = load_workbook(template)
    ws = wb.worksheets[0]
    for row in rows:
        ws.append(row)
    wb.save(out)
    return out


def test_template_then_import_then_refusal(qtbot, db, tmp_path: Path, monkeypatch):
    boxes: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: boxes.append(text))
    tab = make_tab(qtbot, db)
    template = tmp_path / "templat-undangan.xlsx"
    tab.desk_actions.write_template(template)
    settle(tab)
    assert "Templat disimpan" in tab.feedback.text()
    headers = [c.value for c in load_workbook(template).worksheets[0][1]]
    assert headers[:4] == ["Nama*", "Jabatan", "Jenis Kelamin", "Kode Desa"]
    tab.desk_actions.import_file(_filled(template, ROWS, tmp_path / "undangan.xlsx"))
    settle(tab)
    assert tab.feedback.tone is Tone.OK and "3 baru" in tab.feedback.text()
    assert _count(db) == 3 and tab.model.rowCount() == 3
    bad = _filled(template, [*ROWS, ["Ani", "Kader", "X", "18.06.20.2002", "", "", "", "", "", ""]],
                  tmp_path / "salah.xlsx")  # fmt: skip
    tab.desk_actions.import_file(bad)
    settle(tab)
    assert tab.feedback.tone is Tone.ERROR and "salah.xlsx" in tab.feedback.text()
    assert boxes and "salah.xlsx" in boxes[-1]
    assert _count(db) == 3


def test_csv_with_a_title_row_is_imported_and_what_was_noticed_is_shown(qtbot, db, tmp_path: Path):
    from tests import office_files as office

    header = ["Nama", "Jabatan", "Jenis Kelamin", "Kode Desa", "Desa", "Instansi/Lembaga",
              "No HP", "Kategori", "Kategori Tamu", "Perwakilan Perempuan", "Tempat Lahir"]  # fmt: skip
    rows = [["DAFTAR UNDANGAN"], header, *[[*r, "Gisting"] for r in ROWS]]
    path = office.csv_file(tmp_path / "undangan.csv", rows, delimiter=";", encoding="cp1252")
    tab = make_tab(qtbot, db)
    tab.desk_actions.import_file(path)
    settle(tab)
    text = tab.feedback.text()
    assert tab.feedback.tone is Tone.OK and "3 baru" in text, text
    assert "judul kolom dibaca dari baris 2" in text and "kolom diabaikan: 'Tempat Lahir'" in text
    assert _count(db) == 3


def test_badge_pdf_printed_on_a_pdf_printer_reads_back(qtbot, db, tmp_path: Path):
    numbers = add_invitees(db)
    source = tmp_path / "badges.pdf"
    with db.begin() as s:
        badges.print_badges(s, source, numbers=[numbers["Suyanto"], numbers["Rudi Hartono"]])
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    pdf._match_page_size(printer, source)
    assert pdf.render_to_printer(printer, source) == 1
    doc = pdfium.PdfDocument(str(printed))
    assert len(doc) == 1
    # 300 dpi as in test_badges.decode_all (at 200 dpi the renderer misreads some codes)
    image = doc[0].render(scale=300 / 72).to_pil()
    decoded = sorted(r.text for r in zxingcpp.read_barcodes(image))
    assert decoded == sorted([numbers["Suyanto"], numbers["Rudi Hartono"]])


def test_badge_with_letters_the_font_lacks_says_which_number(qtbot, db, monkeypatch):
    from bid_desktop.services.events import current_event
    from bid_desktop.services.registration_forms import ParticipantForm, register_walkin

    monkeypatch.setattr(pdf, "open_pdf", lambda path: True)
    with db.begin() as s:
        form = ParticipantForm(name="Li Wei 李伟", desa_code="18.06.20.2001")
        number = register_walkin(s, current_event(s).id, form)["number"]
    tab = make_tab(qtbot, db)
    tab.desk_actions.print_badges(tab.desk_actions.UNPRINTED)
    settle(tab)
    text = tab.feedback.text()
    assert tab.feedback.tone is Tone.WARN and f"{number}: 李伟" in text, text
