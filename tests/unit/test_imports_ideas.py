"""Kartu Ide: imported by desa name, twice adds nothing; a bad Ya/Tidak changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from bid_desktop.services.errors import InputRefused
from bid_desktop.services.imports import import_xlsx, write_template
from bid_desktop.storage.models import Idea


def _filled(tmp_path: Path, rows: list[list[object]]) -> Path:
    out = write_template("ideas", tmp_path / "ide.xlsx")
    wb = load_workbook(out)
    for row in rows:
        wb.worksheets[0].append(row)
    wb.save(out)
    return out


def test_ideas_import(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = _filled(tmp_path, [["Pak Joko", "", "banjar manis", "Kolam lele", "", "Ya", "Panen"]])
    with db.begin() as s:
        assert import_xlsx(s, "ideas", path).added == 1
    with db.begin() as s:
        idea = s.scalars(select(Idea)).one()
        assert (idea.desa_code, idea.already_done, idea.source) == ("18.06.20.2001", True, "impor")
        assert import_xlsx(s, "ideas", path).added == 0


def test_ideas_bad_row(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = _filled(tmp_path, [["A", "", "", "Ide", "", "mungkin", ""]])
    with pytest.raises(InputRefused, match="baris 2, kolom Sudah Dilaksanakan"), db.begin() as s:
        import_xlsx(s, "ideas", path)
    with db.begin() as s:
        assert s.scalars(select(Idea)).first() is None
