"""The recap workbook reopened with openpyxl and checked cell by cell; the Tanggapan/Penilaian
round trip through `import recap`; the command line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import select

from bid_desktop import cli
from bid_desktop.reports import recap_layout as L
from bid_desktop.services.errors import InputRefused
from bid_desktop.services.imports import import_xlsx
from bid_desktop.services.recap import write_recap
from bid_desktop.storage.models import Commitment, Idea
from tests import recap_data
from tests.recap_data import HOSTILE_NAME, HOSTILE_TITLE, at


@pytest.fixture
def data(db):  # type: ignore[no-untyped-def]
    return recap_data.build(db)


def _write(db, path: Path) -> Path:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        result = write_recap(s, path)
    assert result.rows == {
        L.COMMITMENT_SHEET: 5,
        L.IDEA_SHEET: 2,
        L.DESA_SHEET: 9,
        L.RATING_SHEET: 3,
        L.ATTENDANCE_SHEET: 11,
    }
    return result.path


def _width(ws: Worksheet, col: int, letter: str) -> float:
    """A column's width: XlsxWriter writes neighbours of equal width as one <col> range."""
    for dim in ws.column_dimensions.values():
        if dim.min is not None and dim.max is not None and dim.min <= col <= dim.max:
            return float(dim.width)
    return float(ws.column_dimensions[letter].width)


def _values(ws: Worksheet) -> list[list[object]]:
    return [list(r) for r in ws.iter_rows(values_only=True)]


def test_workbook_layout_and_types(db, data, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    wb = load_workbook(_write(db, tmp_path / "rekap.xlsx"))
    assert wb.sheetnames == [
        L.COMMITMENT_SHEET,
        L.IDEA_SHEET,
        L.DESA_SHEET,
        L.RATING_SHEET,
        L.ATTENDANCE_SHEET,
    ]
    for ws in wb.worksheets:
        rows = ws.max_row
        assert ws.freeze_panes == "A2"
        assert ws.auto_filter.ref == f"A1:{ws.cell(1, ws.max_column).column_letter}{rows - 1}"
        assert ws.cell(rows, 1).value == "JUMLAH"
        for col in range(1, ws.max_column + 1):
            letter = ws.cell(1, col).column_letter
            header = str(ws.cell(1, col).value)
            width = _width(ws, col, letter)
            assert width >= min(len(header), 45), (ws.title, header, width)
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate)
                assert not (isinstance(cell.value, str) and cell.value.startswith("=")), (
                    ws.title,
                    cell.coordinate,
                    cell.value,
                )
    ids = wb[L.COMMITMENT_SHEET]
    assert ids.column_dimensions["P"].hidden is True  # the ID column


def test_komitmen_cell_by_cell(db, data, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ws = load_workbook(_write(db, tmp_path / "rekap.xlsx"))[L.COMMITMENT_SHEET]
    rows = _values(ws)
    assert rows[0] == L.COMMITMENT_HEADERS
    stamp = at(11)
    expected = [
        [1, "Gisting", "Banjar Manis", "Suyanto", None, None, "A01 – Sistem Air Bersih Desa", "A",
         150_000_000, "A1", stamp, "J3A-0001", None, "belum dihubungi", None],
        [2, "Gisting", "Banjar Manis", "Suyanto", None, None, "C03 – Posyandu Terintegrasi", "C",
         40_000_000, "C1", stamp, "J3A-0001", None, "belum dihubungi", None],
        [3, "Gisting", "Campang", "Bambang Sutrisno", None, None, "A01 – Sistem Air Bersih Desa", "A",
         125_000_000, "A1", stamp, None, None, "belum dihubungi", None],
        [4, "Gisting", "Campang", "Bambang Sutrisno", None, None, "B02 – =1+1", "B",
         75_000_000, "B1", stamp, None, None, "belum dihubungi", None],
        [5, "Gisting", "Gisting Bawah", "Joko Purnomo", None, None, "B02 – =1+1", "B",
         60_000_000, "B1", stamp, None, None, "belum dihubungi", None],
    ]  # fmt: skip
    assert [r[:-1] for r in rows[1:6]] == expected
    assert {r[-1] for r in rows[1:6]} == set(data.commitment_ids)
    for r in rows[1:6]:
        assert type(r[0]) is int and type(r[8]) is int
        assert isinstance(r[10], dt.datetime)
    assert ws["I2"].number_format == "#,##0"
    assert rows[6][0] == "JUMLAH" and rows[6][8] == 450_000_000 and len(rows) == 7


def test_ide_desa_rating_kehadiran(db, data, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    wb = load_workbook(_write(db, tmp_path / "rekap.xlsx"))
    ide = _values(wb[L.IDEA_SHEET])
    assert ide[0] == L.IDEA_HEADERS
    assert ide[1][:9] == [1, "Gisting", "Banjar Manis", "Siti Aminah", "Bank Sampah Keliling",
                          "'@deskripsi Bank Sampah Keliling", "Ya", None, "belum diverifikasi"]  # fmt: skip
    assert ide[2][3:5] == ["'" + HOSTILE_NAME, "'-Kolam Lele Bioflok"]
    assert ide[3][:7] == ["JUMLAH", None, None, None, None, None, 1]

    desa = {r[2]: r for r in _values(wb[L.DESA_SHEET])[1:-1]}
    assert desa["18.06.20.2001"][3:] == ["Banjar Manis", "Ya", 2, "Ya", 0, 2, 190_000_000, 1]
    assert desa["18.06.20.2005"][3:] == ["Gisting Bawah", "Tidak", 0, "Tidak", 0, 1, 60_000_000, 0]
    assert desa["18.06.20.2009"][3:] == ["Gisting Permai", "Tidak", 0, "Tidak", 0, 0, 0, 0]
    total = _values(wb[L.DESA_SHEET])[-1]
    assert total == ["JUMLAH", None, None, None, 4, 7, 3, 0, 5, 450_000_000, 2]

    rating = _values(wb[L.RATING_SHEET])
    assert rating[0] == L.RATING_HEADERS
    assert rating[1] == [1, "Gisting", "A01", "Sistem Air Bersih Desa", "A", 4, 4.25, 0, 0, 1, 1, 2]
    assert rating[2][2:7] == ["B02", "'" + HOSTILE_TITLE, "B", 2, 2.5]
    assert rating[4] == ["JUMLAH", None, None, None, None, 9, 3.89, 0, 1, 2, 3, 3]
    assert type(rating[1][6]) is float

    people = _values(wb[L.ATTENDANCE_SHEET])
    assert people[0] == L.ATTENDANCE_HEADERS
    hostile = next(r for r in people if r[2] == "'" + HOSTILE_NAME)
    assert hostile[3:9] == ["Warga", "L", "Gisting", "Kuta Dalom", "Peserta Utama", "Tidak"]
    assert isinstance(hostile[9], dt.datetime)
    joko = next(r for r in people if r[2] == "Joko Purnomo")
    assert joko[9] is None and joko[10] is None
    guest = next(r for r in people if r[2] == "Rudi Hartono")
    assert guest[6:8] == ["Lembaga Rudi", "Undangan · Media"]
    assert people[-1][:1] == ["JUMLAH"] and people[-1][9:] == [9, 5]


def _fill(path: Path, responses: dict[str, dict[int, object]]) -> Path:
    """The TA fills Tanggapan/Penilaian with openpyxl: sheet → {row: value}."""
    wb = load_workbook(path)
    for sheet, cells in responses.items():
        ws = wb[sheet]
        col = [c.value for c in ws[1]].index(L.RESPONSE_HEADER) + 1
        for row, value in cells.items():
            ws.cell(row, col).value = value
    wb.save(path)
    return path


def test_recap_round_trip(db, data, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = _write(db, tmp_path / "rekap.xlsx")
    filled = _fill(
        path,
        {
            L.COMMITMENT_SHEET: {2: "Layak, lanjut RAB", 6: "-Perlu dicek ulang"},
            L.IDEA_SHEET: {3: "Layak didokumentasikan"},
        },
    )
    with db.begin() as s:
        result = import_xlsx(s, "recap", filled)
    assert (result.total, result.updated, result.unchanged) == (7, 3, 4)
    with db.begin() as s:
        responses = {c.innovation_code + c.desa_code[-1]: c.ta_response
                     for c in s.scalars(select(Commitment).where(Commitment.ta_response != ""))}  # fmt: skip
        assert responses == {"A011": "Layak, lanjut RAB", "B025": "-Perlu dicek ulang"}
        assert s.get(Idea, data.idea_ids[1]).ta_response == "Layak didokumentasikan"
    # Written out again: the response is in its column (made safe), and imports unchanged.
    again = _write(db, tmp_path / "rekap2.xlsx")
    ws = load_workbook(again)[L.COMMITMENT_SHEET]
    assert ws["M2"].value == "Layak, lanjut RAB" and ws["M6"].value == "'-Perlu dicek ulang"
    with db.begin() as s:
        assert import_xlsx(s, "recap", again).updated == 0


def test_recap_bad_row_changes_nothing(db, data, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = _write(db, tmp_path / "rekap.xlsx")
    bad = _fill(
        path,
        {L.COMMITMENT_SHEET: {2: "Layak", 4: "=1+1"}, L.IDEA_SHEET: {2: "Baik"}},
    )
    refused = r"rekap.xlsx: baris 4, kolom Tanggapan/Penilaian"
    with pytest.raises(InputRefused, match=refused), db.begin() as s:
        import_xlsx(s, "recap", bad)
    wb = load_workbook(bad)
    wb[L.COMMITMENT_SHEET]["M4"].value = "Baik"  # Tanggapan/Penilaian
    wb[L.IDEA_SHEET]["J2"].value = "00000000-0000-0000-0000-000000000000"
    wb.save(bad)
    with pytest.raises(InputRefused, match=r"baris 2, kolom ID \(lembar Ide\)"), db.begin() as s:
        import_xlsx(s, "recap", bad)
    with db.begin() as s:
        assert not s.scalars(select(Commitment).where(Commitment.ta_response != "")).all()
        assert not s.scalars(select(Idea).where(Idea.ta_response != "")).all()


def test_cli_recap_and_template(db, data, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "cli" / "rekap.xlsx"
    assert cli.run(["recap", "--db", str(db.path), "--out", str(out)]) == 0
    assert "Komitmen 5" in capsys.readouterr().out
    assert load_workbook(out, read_only=True)[L.COMMITMENT_SHEET].max_row == 7
    assert cli.run(["recap", "--db", str(tmp_path / "none.sqlite"), "--out", str(out)]) == 3
    with pytest.raises(SystemExit) as usage:
        cli.run(["template", "recap", "--out", str(tmp_path / "t.xlsx")])
    assert usage.value.code == 2


def test_writer_control_characters_and_long_text(tmp_path: Path) -> None:
    from bid_desktop.reports import recap as w

    rows = iter([("a\x01b", 5), ("x" * 40_000, None), ("+62 812", 7)])
    sheet = w.Sheet("T", [w.Col("No", w.NO), w.Col("Teks"), w.Col("N", w.INT, w.SUM)], rows)
    assert w.write_workbook(tmp_path / "t.xlsx", [sheet]) == {"T": 3}
    ws = load_workbook(tmp_path / "t.xlsx")["T"]
    assert ws["B2"].value.startswith("a") and len(ws["B3"].value) == w.MAX_TEXT
    assert ws["B4"].value == "'+62 812" and ws["C5"].value == 12 and ws["A5"].value == "JUMLAH"
    assert not list(tmp_path.glob(".*.tmp"))


def test_writer_cancel_leaves_no_file(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from bid_desktop.reports import recap as w
    from bid_desktop.services.errors import UserError

    monkeypatch.setattr(w, "CHECK_EVERY", 2)
    seen: list[tuple[int, int, str]] = []
    sheet = w.Sheet("T", [w.Col("No", w.NO), w.Col("Teks")], iter([("a",)] * 10))
    with pytest.raises(UserError, match="dibatalkan"):
        w.write_workbook(tmp_path / "t.xlsx", [sheet], lambda *a: seen.append(a), lambda: True)
    assert seen == [(0, 1, "T")] and list(tmp_path.iterdir()) == []
