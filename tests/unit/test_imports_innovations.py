"""Menu Inovasi: amounts in paper forms, provider linked (created if new), re-import adds nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from bid_desktop.domain import ids
from bid_desktop.services.errors import InputRefused
from bid_desktop.services.imports import import_xlsx, write_template
from bid_desktop.storage.models import Innovation, Provider

ROWS = [
    ["A01", "Air bersih", "A", "", "", "", "150jt", "CV Tirta", ""],
    ["b02", "Lumbung", "b", "", "", "", "Rp 150.000.000", "", ""],
    ["C03", "Wisata", "C", "", "", "", "1,5 M", "CV Tirta", ""],
]


def _filled(tmp_path: Path, rows: list[list[object]]) -> Path:
    out = write_template("innovations", tmp_path / "menu.xlsx")
    wb = load_workbook(out)
    for row in rows:
        wb.worksheets[0].append(row)
    wb.save(out)
    return out


def test_innovations_import(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = _filled(tmp_path, ROWS)
    with db.begin() as s:
        assert import_xlsx(s, "innovations", path).added == 3
    with db.begin() as s:
        inn = {i.code: i for i in s.scalars(select(Innovation))}
        provider = s.scalars(select(Provider)).one()
        event_id = inn["A01"].event_id
    assert [inn[c].cost_estimate for c in ("A01", "B02", "C03")] == [
        150_000_000,
        150_000_000,
        1_500_000_000,
    ]
    assert inn["B02"].bursa == "B" and inn["B02"].id == ids.innovation_id(event_id, "B02")
    assert provider.name == "CV Tirta" and inn["A01"].provider_id == provider.id
    with db.begin() as s:
        assert import_xlsx(s, "innovations", path).added == 0


def test_innovations_bad_amount_refused(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = _filled(tmp_path, [*ROWS, ["D04", "X", "A", "", "", "", "banyak", "", ""]])
    with pytest.raises(InputRefused, match=r"baris 5, kolom Perkiraan Biaya"), db.begin() as s:
        import_xlsx(s, "innovations", path)
    with db.begin() as s:
        assert s.scalars(select(Innovation)).first() is None


def test_demo_csv_menu(db) -> None:  # type: ignore[no-untyped-def]
    from bid_desktop.services.import_catalog import import_csv_menu

    csv_path = Path(__file__).resolve().parents[2] / "resources/demo/menu-inovasi-contoh.csv"
    expected = sum(1 for line in csv_path.read_text(encoding="utf-8").splitlines()[1:] if line)
    with db.begin() as s:
        assert import_csv_menu(s, csv_path).added == expected
    with db.begin() as s:
        assert import_csv_menu(s, csv_path).added == 0
