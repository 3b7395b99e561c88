"""Direktori P2KTD: template → filled → imported → read back; bad row changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from bid_desktop.services.errors import InputRefused
from bid_desktop.services.imports import import_xlsx, write_template
from bid_desktop.storage.models import Provider, Version


def _filled(tmp_path: Path, rows: list[list[object]]) -> Path:
    out = write_template("providers", tmp_path / "p2ktd.xlsx")
    wb = load_workbook(out)
    assert wb.worksheets[0].freeze_panes == "A2" and "Petunjuk" in wb.sheetnames
    for row in rows:
        wb.worksheets[0].append(row)
    wb.save(out)
    return out


def _versions(db) -> int:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        return s.scalar(select(func.count()).select_from(Version)) or 0


def test_providers_import_and_reimport(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = _filled(
        tmp_path, [["CV Tani Maju", "a", "Pupuk organik", "Bu Rina", "0813 1111 2222", ""]]
    )
    with db.begin() as s:
        assert import_xlsx(s, "providers", path).added == 1
    with db.begin() as s:
        p = s.scalars(select(Provider)).one()
        assert (p.bidang, p.phone) == ("A", "+6281311112222")
    before = _versions(db)
    with db.begin() as s:
        assert import_xlsx(s, "providers", path).unchanged == 1
    assert _versions(db) == before


def test_providers_bad_row_refused(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = _filled(tmp_path, [["CV Satu", "A"], ["CV Dua", "D"]])
    before = _versions(db)
    with pytest.raises(InputRefused, match=r"p2ktd.xlsx: baris 3, kolom Bidang"), db.begin() as s:
        import_xlsx(s, "providers", path)
    assert _versions(db) == before
