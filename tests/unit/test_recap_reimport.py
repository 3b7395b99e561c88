"""Re-importing the recap: what the TA owns is stored (response, follow-up status and notes,
idea verification), every other edit is named in the result, never dropped silently; twice
is the same as once; a bad status refuses the file."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from bid_desktop import cli
from bid_desktop.domain import ids
from bid_desktop.reports import recap_layout as L
from bid_desktop.services.errors import InputRefused
from bid_desktop.services.imports import import_xlsx
from bid_desktop.services.recap import write_recap
from bid_desktop.storage.models import Commitment, FollowUp, Idea
from tests import recap_data


@pytest.fixture
def data(db):  # type: ignore[no-untyped-def]
    return recap_data.build(db)


def _edit(path: Path, edits: dict[str, dict[tuple[int, str], object]], new_col: str = "") -> Path:
    """The TA edits cells by header, as in a spreadsheet program; may add a column."""
    wb = load_workbook(path)
    for sheet, cells in edits.items():
        ws = wb[sheet]
        head = [c.value for c in ws[1]]
        for (row, header), value in cells.items():
            ws.cell(row, head.index(header) + 1).value = value
        if new_col and sheet == L.COMMITMENT_SHEET:
            ws.cell(1, len(head) + 1).value = new_col
            ws.cell(2, len(head) + 1).value = "catatan bebas"
    wb.save(path)
    return path


def _recap(db, path: Path) -> Path:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        return write_recap(s, path).path


def _ids(path: Path, sheet: str) -> dict[int, str]:
    ws = load_workbook(path)[sheet]
    col = [c.value for c in ws[1]].index(L.ID_HEADER) + 1
    return {r: ws.cell(r, col).value for r in range(2, ws.max_row) if ws.cell(r, col).value}


def test_ta_columns_imported_others_listed_and_idempotent(db, data, tmp_path: Path, capsys):
    path = _recap(db, tmp_path / "rekap.xlsx")
    commitments, ideas = _ids(path, L.COMMITMENT_SHEET), _ids(path, L.IDEA_SHEET)
    _edit(path, {
        L.COMMITMENT_SHEET: {
            (2, "Status Tindak Lanjut"): "dihubungi",
            (2, "Catatan Tindak Lanjut"): "Sudah ditelepon, PLD ikut",
            (3, "Perkiraan Anggaran (Rp)"): 999,
            (3, "Kepala Desa"): "Orang Lain",
        },
        L.IDEA_SHEET: {(2, "Status Verifikasi"): "layak", (3, "Judul Ide"): "Judul baru"},
    }, new_col="Keterangan TA")  # fmt: skip
    with db.begin() as s:
        result = import_xlsx(s, "recap", path)
    assert (result.total, result.updated) == (7, 2)
    with db.begin() as s:
        followup = s.get(FollowUp, ids.followup_id(commitments[2]))
        assert (followup.status, followup.notes) == ("dihubungi", "Sudah ditelepon, PLD ikut")
        idea = s.get(Idea, ideas[2])
        assert idea.verified_feasible is True and idea.verified_at is not None
        amounts = {c.id: c.amount for c in s.scalars(select(Commitment))}
        assert amounts[commitments[3]] == 40_000_000  # the app's column: not imported
        assert s.get(Idea, ideas[3]).title != "Judul baru"
    listed = "\n".join(result.ignored)
    assert "lembar Komitmen baris 3, kolom Perkiraan Anggaran (Rp): berbeda dengan data" in listed
    assert "lembar Komitmen baris 3, kolom Kepala Desa" in listed
    assert "lembar Ide baris 3, kolom Judul Ide" in listed
    assert "kolom 'Keterangan TA' tidak dikenal" in listed
    assert len(result.ignored) == 4  # untouched cells (dates, numbers, safe text) are not listed
    with db.begin() as s:  # twice is once: nothing more changes, the same edits still named
        again = import_xlsx(s, "recap", path)
    assert again.updated == 0 and again.ignored == result.ignored
    assert cli.run(["import", "recap", "--db", str(db.path), str(path)]) == 0
    printed = capsys.readouterr().out
    assert "tidak diimpor" in printed and "Perkiraan Anggaran (Rp)" in printed


def test_unknown_status_refuses_the_file(db, data, tmp_path: Path):
    path = _recap(db, tmp_path / "rekap.xlsx")
    _edit(path, {L.COMMITMENT_SHEET: {(2, "Status Tindak Lanjut"): "selesai",
                                      (3, "Catatan Tindak Lanjut"): "x"}})  # fmt: skip
    refused = r"rekap.xlsx: baris 2, kolom Status Tindak Lanjut"
    with pytest.raises(InputRefused, match=refused), db.begin() as s:
        import_xlsx(s, "recap", path)
    with db.begin() as s:
        assert not s.scalars(select(FollowUp)).all()


def test_fresh_recap_imports_nothing_and_lists_nothing(db, data, tmp_path: Path):
    path = _recap(db, tmp_path / "rekap.xlsx")
    with db.begin() as s:
        result = import_xlsx(s, "recap", path)
    assert (result.updated, result.ignored) == (0, [])


def test_a_commitment_voided_since_the_recap_still_takes_its_response(db, data, tmp_path: Path):
    from bid_desktop.services.commitments import void_commitment

    path = _recap(db, tmp_path / "rekap.xlsx")
    commitments = _ids(path, L.COMMITMENT_SHEET)
    with db.begin() as s:
        void_commitment(s, commitments[2], "Salah desa", "123456")
    _edit(path, {L.COMMITMENT_SHEET: {(2, L.RESPONSE_HEADER): "Tidak dilanjutkan"}})
    with db.begin() as s:
        result = import_xlsx(s, "recap", path)
        assert s.get(Commitment, commitments[2]).ta_response == "Tidak dilanjutkan"
    assert result.updated == 1 and result.ignored == []
