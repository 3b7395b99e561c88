"""Kartu Komitmen: stamped through stamp_commitment; twice adds no version; bad row changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from bid_desktop.services.errors import InputRefused
from bid_desktop.services.imports import import_xlsx, write_template
from bid_desktop.storage.models import Commitment, Version

MENU = [["A01", "Air bersih", "A"], ["B02", "Lumbung", "B"]]


def _sheet(kind: str, path: Path, rows: list[list[object]]) -> Path:
    write_template(kind, path)
    wb = load_workbook(path)
    for row in rows:
        wb.worksheets[0].append(row)
    wb.save(path)
    return path


def _versions(db) -> int:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        return s.scalar(select(func.count()).select_from(Version)) or 0


def test_commitments_import(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        import_xlsx(s, "innovations", _sheet("innovations", tmp_path / "m.xlsx", MENU))
    rows = [["18.06.20.2001", "", "Suyanto", "a01", "150jt", 2027, "A1", ""]]
    path = _sheet("commitments", tmp_path / "k.xlsx", rows)
    with db.begin() as s:
        assert import_xlsx(s, "commitments", path).added == 1
    with db.begin() as s:
        c = s.scalars(select(Commitment)).one()
        assert (c.amount, c.planned_year, c.source) == (150_000_000, 2027, "impor")
    before = _versions(db)
    with db.begin() as s:
        assert import_xlsx(s, "commitments", path).unchanged == 1
    assert _versions(db) == before
    bad = _sheet("commitments", tmp_path / "bad.xlsx", [*rows, ["", "Banjar Manis", "", "Z99"]])
    with (
        pytest.raises(InputRefused, match="bad.xlsx: baris 3, kolom Kode Inovasi"),
        db.begin() as s,
    ):
        import_xlsx(s, "commitments", bad)
    assert _versions(db) == before
