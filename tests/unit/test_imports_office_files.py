"""Workbooks as offices save them: WPS sizes, title rows, formulas, .xls/.ods/.csv, passwords.

Every file is built here (tests/office_files.py); every assertion is on what was stored.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from bid_desktop.reports.sheets import safe_text
from bid_desktop.services.errors import InputRefused
from bid_desktop.services.imports import ImportResult, import_xlsx
from bid_desktop.storage.models import Participant
from tests import office_files as office

HEADER = [
    "Nama",
    "Jabatan",
    "Jenis Kelamin",
    "Kode Desa",
    "Desa",
    "Instansi/Lembaga",
    "No HP",
    "Kategori",
    "Kategori Tamu",
    "Perwakilan Perempuan",
]
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
    [
        "Siti Aminah",
        "Ketua PKK",
        "P",
        "",
        "Campang",
        "",
        "0813 1111 2222",
        "Peserta Utama",
        "",
        "Ya",
    ],
    ["Rudi", "Wartawan", "L", "", "", "Media Lampung", "", "Undangan", "Media", ""],
]


def _run(db, path: Path) -> tuple[ImportResult, dict[str, Participant]]:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        result = import_xlsx(s, "invitations", path)
    with db.begin() as s:
        people = {p.name: p for p in s.scalars(select(Participant))}
    return result, people


def _count(db) -> int:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        return s.scalar(select(func.count()).select_from(Participant)) or 0


def _assert_all_read(people: dict[str, Participant]) -> None:
    assert set(people) == {"Suyanto", "Siti Aminah", "Rudi"}
    siti = people["Siti Aminah"]
    assert (siti.phone, siti.gender, siti.woman_rep) == ("+6281311112222", "P", True)
    assert siti.desa_code == "18.06.20.2002"
    assert people["Rudi"].category == "Undangan" and people["Rudi"].guest_category == "Media"


@pytest.mark.parametrize("dimension", ["A1", "A1:C4"])
def test_declared_sheet_size_is_not_trusted(db, tmp_path: Path, dimension: str) -> None:  # type: ignore[no-untyped-def]
    """WPS Office declares A1; another program a size narrower than the data."""
    path = office.xlsx(tmp_path / "wps.xlsx", [HEADER, *ROWS], dimension=dimension)
    result, people = _run(db, path)
    assert (result.total, result.added) == (3, 3)
    _assert_all_read(people)


def test_no_data_rows_is_an_error_not_a_success(db, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from bid_desktop.cli import run as main

    path = office.xlsx(tmp_path / "kosong.xlsx", [HEADER, [], []], dimension="A1")
    with pytest.raises(InputRefused, match=r"kosong.xlsx: tidak ada baris data"), db.begin() as s:
        import_xlsx(s, "invitations", path)
    assert main(["import", "invitations", "--db", str(db.engine.url.database), str(path)]) == 3
    assert "tidak ada baris data" in capsys.readouterr().err
    assert _count(db) == 0


def test_title_rows_merged_title_and_no_column(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rows = [
        ["DAFTAR UNDANGAN BURSA INOVASI DESA"],
        ["Kecamatan Gisting, 25 November 2026"],
        [],
        ["No", *HEADER],
        *[[i, *row] for i, row in enumerate(ROWS, start=1)],
    ]
    path = office.xlsx(tmp_path / "judul.xlsx", rows, merge="A1:K1")
    result, people = _run(db, path)
    assert result.header_row == 4 and "judul kolom dibaca dari baris 4" in result.notes
    assert not any("diabaikan" in n for n in result.notes)  # the "No" column is expected
    _assert_all_read(people)
    bad = [*rows, [4, "Budi", "", "X", "18.06.20.2001"]]
    path = office.xlsx(tmp_path / "judul2.xlsx", bad, merge="A1:K1")
    with (
        pytest.raises(InputRefused, match="judul2.xlsx: baris 8, kolom Jenis Kelamin"),
        db.begin() as s,
    ):
        import_xlsx(s, "invitations", path)


def test_formulas_give_their_saved_values(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rows = [[*HEADER, "Nama Depan", "Nama Belakang"], *[list(r) for r in ROWS]]
    rows[2][10:] = ["siti", "aminah"]
    path = office.xlsx(
        tmp_path / "rumus.xlsx",
        rows,
        formulas={
            "A3": ('PROPER(K3&" "&L3)', "Siti Aminah"),
            "D2": ("VLOOKUP(E2,Desa!A:B,2,FALSE)", "18.06.20.2001"),
            "G2": ('"0812 "&"3456 7890"', "0812 3456 7890"),
            "I2": ('IFERROR(VLOOKUP(A2,Tamu!A:B,2,FALSE),"")', ""),  # saved as "": empty
        },
    )
    result, people = _run(db, path)
    _assert_all_read(people)
    assert people["Suyanto"].desa_code == "18.06.20.2001"
    assert people["Suyanto"].phone == "+6281234567890"


def test_formula_without_saved_value_is_refused_with_a_fix(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = office.xlsx(
        tmp_path / "rumus.xlsx", [HEADER, *ROWS], formulas={"B3": ("PROPER(B2)", None)}
    )
    with pytest.raises(InputRefused) as exc, db.begin() as s:
        import_xlsx(s, "invitations", path)
    text = str(exc.value)
    assert "rumus.xlsx: baris 3, kolom Jabatan: berisi rumus (=PROPER(B2)) tanpa nilai" in text
    assert "simpan lagi" in text and "Tempel Nilai" in text
    assert _count(db) == 0


def test_text_that_looks_like_a_formula_stays_text(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(HEADER)
    ws.append(["x", "-", "L", "18.06.20.2003"])
    ws["A2"].value, ws["A2"].data_type = "=Budi Santoso", "s"  # typed as '=Budi Santoso
    ws["B2"].value, ws["B2"].data_type = "-Ketua-", "s"
    path = tmp_path / "teks.xlsx"
    wb.save(path)
    _, people = _run(db, path)
    assert people["=Budi Santoso"].jabatan == "-Ketua-"
    assert safe_text(people["=Budi Santoso"].name) == "'=Budi Santoso"  # written back as text
    from openpyxl import load_workbook

    from bid_desktop.reports import recap_layout
    from bid_desktop.services.recap import write_recap

    with db.begin() as s:
        write_recap(s, tmp_path / "rekap.xlsx")
    sheet = load_workbook(tmp_path / "rekap.xlsx")[recap_layout.ATTENDANCE_SHEET]
    cells = [c for row in sheet.iter_rows() for c in row if "Budi Santoso" in str(c.value)]
    assert [(c.value, c.data_type) for c in cells] == [("'=Budi Santoso", "s")]


def test_xls_from_excel_97_2003(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rows = [list(r) for r in ROWS]
    rows[0][3] = 1806202001  # the code as a number cell
    path = office.xls(tmp_path / "undangan lama.xls", [HEADER, *rows])
    result, people = _run(db, path)
    _assert_all_read(people)
    assert people["Suyanto"].desa_code == "18.06.20.2001"


def test_ods_from_libreoffice_with_a_formula(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = office.ods(
        tmp_path / "undangan.ods", [HEADER, *ROWS], formulas={(2, 0): "PROPER([.K3])"}
    )
    _, people = _run(db, path)
    _assert_all_read(people)


@pytest.mark.parametrize(
    ("delimiter", "encoding"),
    [(",", "utf-8"), (";", "utf-8-sig"), (";", "cp1252"), ("\t", "utf-16")],
)
def test_csv_comma_or_semicolon_utf8_or_windows_1252(
    db, tmp_path: Path, delimiter: str, encoding: str
) -> None:  # type: ignore[no-untyped-def]
    rows = [list(r) for r in ROWS]
    rows[2][0] = "Dédé Rudi, S.Sos"  # accented (Windows-1252) and a comma inside a field
    path = office.csv_file(
        tmp_path / "undangan.csv", [HEADER, *rows], delimiter=delimiter, encoding=encoding
    )
    result, people = _run(db, path)
    assert result.total == 3
    assert people["Dédé Rudi, S.Sos"].guest_category == "Media"
    assert people["Siti Aminah"].woman_rep


def test_password_protected_workbook_has_its_own_message(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = office.encrypted(tmp_path / "terkunci.xlsx", [HEADER, *ROWS])
    with (
        pytest.raises(InputRefused, match="terkunci.xlsx: berkas dilindungi kata sandi"),
        db.begin() as s,
    ):
        import_xlsx(s, "invitations", path)


def test_excel_lock_file_beside_it_warns(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = office.xlsx(tmp_path / "undangan.xlsx", [HEADER, *ROWS])
    (tmp_path / "~$undangan.xlsx").write_bytes(b"\0" * 165)
    result, _ = _run(db, path)
    assert any("sedang dibuka" in n and "belum disimpan" in n for n in result.notes)


def test_not_a_spreadsheet_is_refused_in_indonesian(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "foto.xlsx"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    with (
        pytest.raises(
            InputRefused,
            match=r"foto.xlsx: bukan lembar kerja yang bisa dibaca \(.xlsx, .xls, .ods atau .csv\)",
        ),
        db.begin() as s,
    ):
        import_xlsx(s, "invitations", path)


def test_semicolon_csv_with_comma_amounts_and_a_sep_line(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from bid_desktop.storage.models import Innovation

    rows = [
        ["Kode", "Judul Inovasi", "Bursa", "Perkiraan Biaya (Rp)"],
        ["A01", "Kopi robusta, pengolahan pascapanen", "A", "Rp. 150.000.000,-"],
        ["B02", "Sistem informasi desa", "B", "1,5 Miliar"],
    ]
    path = office.csv_file(tmp_path / "menu.csv", rows, delimiter=";", encoding="cp1252")
    with db.begin() as s:
        import_xlsx(s, "innovations", path)
    with db.begin() as s:
        got = {i.code: (i.title, i.cost_estimate) for i in s.scalars(select(Innovation))}
    assert got == {
        "A01": ("Kopi robusta, pengolahan pascapanen", 150_000_000),
        "B02": ("Sistem informasi desa", 1_500_000_000),
    }
    path.write_bytes(b"sep=;\r\n" + path.read_bytes())
    with db.begin() as s:
        assert import_xlsx(s, "innovations", path).unchanged == 2


def test_list_on_a_later_sheet_is_found_and_said(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.title = "Keterangan"
    wb.active.append(["Daftar ini disusun oleh Sekretariat Kecamatan Gisting"])
    ws = wb.create_sheet("Peserta")
    for row in [HEADER, *ROWS]:
        ws.append(row)
    wb.save(tmp_path / "dua lembar.xlsx")
    result, people = _run(db, tmp_path / "dua lembar.xlsx")
    _assert_all_read(people)
    assert result.notes[0] == "daftar dibaca dari lembar 'Peserta'"
