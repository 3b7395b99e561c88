"""The recap prints as handed over: every sheet A4 landscape, one page wide, the header row
repeated, the title and the sheet in the page header, page numbers in the footer — read back
from the workbook with openpyxl."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from bid_desktop.services.recap import write_recap
from tests import recap_data


def test_every_sheet_prints_landscape_one_page_wide_with_headers(db, tmp_path: Path):
    recap_data.build(db)
    with db.begin() as s:
        path = write_recap(s, tmp_path / "rekap.xlsx").path
    wb = load_workbook(path)
    assert len(wb.worksheets) == 5
    for ws in wb.worksheets:
        setup = ws.page_setup
        assert setup.orientation == "landscape", ws.title
        assert int(setup.paperSize) == 9  # A4
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        # OOXML: an absent fitToWidth is 1; fitToHeight 0 is "as many pages as needed"
        width = 1 if setup.fitToWidth is None else int(setup.fitToWidth)
        assert (width, int(setup.fitToHeight)) == (1, 0), ws.title
        assert ws.print_title_rows == "$1:$1", ws.title  # the header row on every page
        header = ws.oddHeader
        assert "Rekap Bursa Inovasi Desa — Bursa Inovasi Desa Kecamatan Gisting" in (
            header.left.text or ""
        )
        assert header.right.text == ws.title
        assert "Halaman &P dari &N" in (ws.oddFooter.center.text or "")
