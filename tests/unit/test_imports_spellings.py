"""Headers and desa as offices spell them: synonyms, hints, prefixes, bare codes, typos."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from bid_desktop.services.errors import InputRefused
from bid_desktop.services.imports import import_xlsx
from bid_desktop.storage.models import Idea, Participant
from tests import office_files as office


def _people(db, path: Path):  # type: ignore[no-untyped-def]
    with db.begin() as s:
        result = import_xlsx(s, "invitations", path)
    with db.begin() as s:
        return result, {p.name: p for p in s.scalars(select(Participant))}


def test_usual_header_spellings_are_recognised(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    header = [
        "NAMA LENGKAP",
        "Jabatan",
        "Jenis Kelamin (L/P)",
        "Kode Desa",
        "Desa/Kelurahan",
        "No. HP/WA",
        "Kategori",
        "Keterwakilan Perempuan",
    ]
    rows = [
        ["Siti Aminah", "Ketua PKK", "P", "", "Campang", "0813-1111-2222", "Peserta Utama", "Ya"],
        ["Joko", "Kaur Umum", "L", "", "Kuta Dalom", "", "Peserta Utama", "Tidak"],
    ]
    result, people = _people(db, office.xlsx(tmp_path / "ejaan.xlsx", [header, *rows]))
    siti = people["Siti Aminah"]
    assert (siti.phone, siti.gender, siti.woman_rep) == ("+6281311112222", "P", True)
    assert people["Joko"].gender == "L" and not people["Joko"].woman_rep
    assert not any("diabaikan" in n for n in result.notes)


def test_unrecognised_columns_are_named_with_a_suggestion(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    header = ["Nama", "Desa", "Tempat Lahir", "Jabatan ", "Jabatan Lama", "Kategori"]
    rows = [["Joko", "Campang", "Gisting", "Kaur", "Staf", "Peserta Utama"]]
    result, people = _people(db, office.xlsx(tmp_path / "lain.xlsx", [header, *rows]))
    assert people["Joko"].jabatan == "Kaur"
    ignored = next(n for n in result.notes if n.startswith("kolom diabaikan"))
    assert "'Tempat Lahir'" in ignored
    assert "'Jabatan Lama' (maksud Anda 'Jabatan'?)" in ignored


def test_optional_column_spelt_nearly_right_is_an_error(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    header = ["Nama", "Desa", "Jenis Klamin", "Kategori"]
    path = office.xlsx(tmp_path / "salah.xlsx", [header, ["Siti", "Campang", "P", "Peserta Utama"]])
    with (
        pytest.raises(
            InputRefused, match="kolom 'Jenis Klamin' tidak dikenali; maksud Anda 'Jenis Kelamin'"
        ),
        db.begin() as s,
    ):
        import_xlsx(s, "invitations", path)


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("1806202003", ""),
        (1806202003, ""),
        ("18 06 20 2003", ""),
        ("18-06-20-2003", ""),
        ("", "Desa Kuta Dalom"),
        ("", "Pekon Kuta Dalom"),
        ("", "kutadalom"),
        ("", "KAMPUNG KUTA-DALOM"),
        ("1806202003", "Pekon Kuta Dalom"),
    ],
)
def test_desa_as_offices_write_it(db, tmp_path: Path, code: object, name: str) -> None:  # type: ignore[no-untyped-def]
    header = ["Nama", "Kode Desa", "Desa"]
    _, people = _people(db, office.xlsx(tmp_path / "desa.xlsx", [header, ["Joko", code, name]]))
    assert people["Joko"].desa_code == "18.06.20.2003"


def test_desa_typo_gets_a_suggestion_and_names_the_right_column(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    header = ["Nama", "Kode Desa", "Desa"]
    rows = [
        ["A", "", "Banjar Manes"],
        ["B", "1806209999", ""],
        ["C", "1806202001", "Campang"],
    ]
    with pytest.raises(InputRefused) as exc, db.begin() as s:
        import_xlsx(s, "invitations", office.xlsx(tmp_path / "desa.xlsx", [header, *rows]))
    lines = str(exc.value).splitlines()
    assert lines[0] == (
        "desa.xlsx: baris 2, kolom Desa: desa 'Banjar Manes' tidak ditemukan di acara ini; "
        "maksud Anda 'Banjar Manis' (18.06.20.2001)?"
    )
    assert (
        lines[1]
        == "desa.xlsx: baris 3, kolom Kode Desa: kode desa '1806209999' bukan desa acara ini"
    )
    assert lines[2] == (
        "desa.xlsx: baris 4, kolom Kode Desa/Desa: Kode Desa '1806202001' adalah desa "
        "Banjar Manis, bukan 'Campang'; perbaiki salah satunya"
    )


def test_ideas_take_bare_codes_too(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    header = ["Nama Pengusul", "Kode Desa", "Judul Ide"]
    path = office.xlsx(tmp_path / "ide.xlsx", [header, ["Pak Joko", 1806202005, "Kolam lele"]])
    with db.begin() as s:
        import_xlsx(s, "ideas", path)
    with db.begin() as s:
        assert s.scalars(select(Idea)).one().desa_code == "18.06.20.2005"
