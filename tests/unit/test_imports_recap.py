"""import recap: Tanggapan/Penilaian stored by hidden ID; unknown ID refuses the whole file."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import select

from bid_desktop.reports import recap_layout as L
from bid_desktop.services.errors import InputRefused
from bid_desktop.services.imports import import_xlsx, write_template
from bid_desktop.storage.models import Idea


def _ideas(tmp_path: Path) -> Path:
    path = write_template("ideas", tmp_path / "ide.xlsx")
    wb = load_workbook(path)
    wb.worksheets[0].append(["Pak Joko", "", "Banjar Manis", "Kolam"])
    wb.save(path)
    return path


def _recap(path: Path, idea_id: str, response: str) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = L.COMMITMENT_SHEET
    ws.append(L.COMMITMENT_HEADERS)
    ide = wb.create_sheet(L.IDEA_SHEET)
    ide.append(L.IDEA_HEADERS)
    ide.append([1, "Gisting", "Banjar Manis", "Pak Joko", "Kolam", "", "Ya", response, "", idea_id])
    wb.save(path)
    return path


def test_recap_response_stored(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        import_xlsx(s, "ideas", _ideas(tmp_path))
        idea_id = s.scalars(select(Idea)).one().id
    with db.begin() as s:
        r = import_xlsx(s, "recap", _recap(tmp_path / "r.xlsx", idea_id, "Layak"))
        assert (r.total, r.updated) == (1, 1)
    with db.begin() as s:
        assert s.get(Idea, idea_id).ta_response == "Layak"
    with pytest.raises(InputRefused, match="baris 2, kolom ID"), db.begin() as s:
        import_xlsx(s, "recap", _recap(tmp_path / "x.xlsx", "nope", "Tidak layak"))
