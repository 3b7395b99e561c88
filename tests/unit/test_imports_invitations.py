"""Invitations: template → filled by hand → imported → read back; all-or-nothing; idempotent."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import event, func, select

from bid_desktop.reports.sheets import safe_text
from bid_desktop.services.errors import InputRefused
from bid_desktop.services.imports import import_xlsx, write_template
from bid_desktop.storage.models import Participant, Version

ROWS = [
    [
        "Suyanto",
        "Kepala Desa",
        "L",
        "18.06.20.2001",
        "",
        "",
        "0812 3456 7890",
        "Peserta Utama",
        "",
        "Tidak",
    ],
    ["Siti Aminah", "Ketua PKK", "P", "", "Banjar Manis", "", "", "Peserta Utama", "", "Ya"],
    ["Rudi", "Wartawan", "L", "", "", "Media Lampung", "", "Undangan", "Media", ""],
]


def _filled(db, tmp_path: Path, rows: list[list[object]]) -> Path:  # type: ignore[no-untyped-def]
    out = tmp_path / "undangan.xlsx"
    with db.begin() as session:
        write_template("invitations", out, session=session)
    wb = load_workbook(out)
    ws = wb.worksheets[0]
    for row in rows:
        ws.append(row)
    wb.save(out)
    return out


def _counts(db) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        return (
            s.scalar(select(func.count()).select_from(Participant)) or 0,
            s.scalar(select(func.count()).select_from(Version)) or 0,
        )


def test_template_has_headers_validations_and_desa_list(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = _filled(db, tmp_path, [])
    wb = load_workbook(path)
    ws = wb.worksheets[0]
    assert ws.cell(1, 1).value == "Nama*" and ws.cell(1, 1).comment is not None
    assert ws.freeze_panes == "A2"
    formulas = {dv.formula1 for dv in ws.data_validations.dataValidation}
    assert '"L,P"' in formulas and '"Peserta Utama,Undangan"' in formulas
    assert any(f.startswith("Desa!") for f in formulas)
    desa = [r[0] for r in wb["Desa"].iter_rows(min_row=2, values_only=True)]
    assert "18.06.20.2001" in desa and len(desa) == 9
    assert "Petunjuk" in wb.sheetnames


def test_import_reads_back_and_twice_adds_nothing(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = _filled(db, tmp_path, ROWS)
    with db.begin() as s:
        result = import_xlsx(s, "invitations", path)
    assert (result.total, result.added) == (3, 3)
    with db.begin() as s:
        people = {p.name: p for p in s.scalars(select(Participant))}
    assert people["Suyanto"].phone == "+6281234567890" and people["Suyanto"].is_kepala_desa
    assert people["Siti Aminah"].desa_code == "18.06.20.2001" and people["Siti Aminah"].woman_rep
    assert people["Rudi"].desa_code is None and people["Rudi"].guest_category == "Media"
    assert people["Suyanto"].number.startswith("U")
    before = _counts(db)
    with db.begin() as s:
        again = import_xlsx(s, "invitations", path)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 3)
    assert _counts(db) == before


def test_one_bad_row_changes_nothing(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = [*ROWS, ["Budi", "", "X", "", "Desa Antah", "", "12", "Peserta Utama", "", ""]]
    path = _filled(db, tmp_path, bad)
    before = _counts(db)
    with pytest.raises(InputRefused) as exc, db.begin() as s:
        import_xlsx(s, "invitations", path)
    text = str(exc.value)
    assert "undangan.xlsx: baris 5, kolom Jenis Kelamin" in text or "baris 5, kolom Desa" in text
    assert "undangan.xlsx: baris 5" in text
    assert _counts(db) == before


def test_formula_cell_and_missing_column_refused(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = _filled(db, tmp_path, [["=1+1", "", "", "18.06.20.2001"]])
    with pytest.raises(InputRefused, match="baris 2, kolom Nama: berisi rumus"), db.begin() as s:
        import_xlsx(s, "invitations", path)
    wb = load_workbook(path)
    wb.worksheets[0].delete_cols(1)
    wb.save(path)
    with pytest.raises(InputRefused, match="kolom wajib tidak ada: Nama"), db.begin() as s:
        import_xlsx(s, "invitations", path)


def test_safe_text_escapes_formula_starts() -> None:
    assert safe_text("=HYPERLINK()") == "'=HYPERLINK()"
    assert (
        safe_text("-5 orang") == "'-5 orang" and safe_text("Desa") == "Desa" and safe_text(5) == 5
    )


def test_cli_exit_codes(db, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from bid_desktop.cli import run as main

    good = _filled(db, tmp_path, ROWS)
    db_path = str(db.engine.url.database)
    assert main(["import", "invitations", "--db", db_path, str(good)]) == 0
    assert "3 baru" in capsys.readouterr().out  # Indonesian by default
    wb = load_workbook(good)
    wb.worksheets[0].cell(2, 3).value = "X"
    wb.save(good)
    assert main(["import", "invitations", "--db", db_path, str(good)]) == 3
    assert "baris 2, kolom Jenis Kelamin" in capsys.readouterr().err


def test_reimport_loads_only_the_files_invitees(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Issue 13: an import no longer loads every existing invitation as an ORM object (a TA
    database holds a province's); an invitee not in the file stays untouched and unloaded."""
    with db.begin() as s:
        import_xlsx(s, "invitations", _filled(db, tmp_path, ROWS))
    second = tmp_path / "second"
    second.mkdir()
    path = _filled(db, second, [[*ROWS[0][:6], "0812 9999 0000", *ROWS[0][7:]]])
    loaded: set[str] = set()
    with db.begin() as s:

        @event.listens_for(s, "loaded_as_persistent")
        def _loaded(_session, instance) -> None:  # type: ignore[no-untyped-def]
            if isinstance(instance, Participant):
                loaded.add(instance.name)

        result = import_xlsx(s, "invitations", path)
    assert (result.total, result.updated) == (1, 1)
    assert loaded == {"Suyanto"}
    with db.begin() as s:
        people = {p.name: p.phone for p in s.scalars(select(Participant))}
    assert people == {"Suyanto": "+6281299990000", "Siti Aminah": "", "Rudi": ""}
