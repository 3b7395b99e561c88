"""Scope in a TA database (issue 13): the recap workbook, the report PDF, the follow-up and
idea lists and the dashboard figures cover every event, several, or one — read back and
compared with what the three fairs' laptops wrote."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest
from openpyxl import load_workbook

from bid_desktop.cli import run
from bid_desktop.reports import recap_layout as L
from bid_desktop.services.followup import FollowUpFilter, IdeaFilter, followup_page, idea_page
from bid_desktop.services.kabupaten import kabupaten_summary
from bid_desktop.services.recap import SUMMARY_SHEET
from bid_desktop.services.report import event_summary
from bid_desktop.services.scope import scope_label
from bid_desktop.services.sync import import_packages, join_event
from bid_desktop.storage.db import Database, open_database
from tests.ta_data import Fair, build_fairs


@pytest.fixture(scope="module")
def ta(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Fair]]:
    folder = tmp_path_factory.mktemp("ta")
    fairs = build_fairs(folder / "fairs")
    path = folder / "ta.sqlite"
    join_event(path, fairs[2].packages[1], "TA", fairs[2].passphrase, "rekap")
    db = open_database(path)
    try:
        packages = [p for f in fairs for p in f.packages]
        import_packages(db, packages, passphrases=[f.passphrase for f in fairs])
    finally:
        db.dispose()
    return path, fairs


def _values(path: Path, sheet: str) -> list[tuple]:
    ws = load_workbook(path, read_only=True)[sheet]
    return [tuple(r) for r in ws.iter_rows(min_row=2, values_only=True)]


def _pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(str(path)).pages)


def test_recap_covers_all_three_and_each_one(ta: tuple[Path, list[Fair]], tmp_path: Path) -> None:
    path, fairs = ta
    every = tmp_path / "semua.xlsx"
    assert run(["recap", "--db", str(path), "--out", str(every)]) == 0
    rows = [r for r in _values(every, L.COMMITMENT_SHEET) if isinstance(r[0], int)]
    assert len(rows) == sum(f.commitments for f in fairs)
    assert {r[1] for r in rows} == {f.kecamatan for f in fairs}
    summary = [r for r in _values(every, SUMMARY_SHEET) if isinstance(r[0], int)]
    truth = sorted((f.kecamatan, f.desa, 3, 3, f.commitments, f.amount, 1) for f in fairs)
    assert sorted((r[1], r[4], r[5], r[6], r[8], r[9], r[10]) for r in summary) == truth
    for fair in fairs:
        one = tmp_path / f"{fair.event_id}.xlsx"
        assert run(["recap", "--db", str(path), "--out", str(one), "--event", fair.event_id]) == 0
        rows = [r for r in _values(one, L.COMMITMENT_SHEET) if isinstance(r[0], int)]
        assert {r[1] for r in rows} == {fair.kecamatan} and len(rows) == fair.commitments
        assert sum(r[6] for r in rows) == fair.amount
        assert SUMMARY_SHEET not in load_workbook(one, read_only=True).sheetnames
        ideas = [r for r in _values(one, L.IDEA_SHEET) if isinstance(r[0], int)]
        assert [r[1] for r in ideas] == [fair.kecamatan]
    assert run(["recap", "--db", str(path), "--out", str(tmp_path / "x.xlsx"),
                "--event", "00000000-0000-7000-8000-000000000000"]) != 0  # fmt: skip


def test_report_covers_all_three_and_each_one(ta: tuple[Path, list[Fair]], tmp_path: Path) -> None:
    path, fairs = ta
    every = tmp_path / "kabupaten.pdf"
    assert run(["report", "--db", str(path), "--out", str(every)]) == 0
    text = _pdf_text(every)
    assert "Ringkasan per kecamatan" in text and "Semua acara (3)" in text
    for fair in fairs:
        assert f"Kecamatan {fair.kecamatan}: Rp komitmen per desa" in text
    total = sum(f.amount for f in fairs)
    assert f"{total:,}".replace(",", ".") in text
    for fair in fairs:
        one = tmp_path / f"{fair.event_id}.pdf"
        assert run(["report", "--db", str(path), "--out", str(one), "--event", fair.event_id]) == 0
        text = _pdf_text(one)
        assert fair.name in text and "Ringkasan per kecamatan" not in text
        assert all(f.name not in text for f in fairs if f is not fair)
    two = [fairs[0].event_id, fairs[2].event_id]
    pair = tmp_path / "dua.pdf"
    assert run(["report", "--db", str(path), "--out", str(pair), "--event", two[0],
                "--event", two[1]]) == 0  # fmt: skip
    text = _pdf_text(pair)
    assert f"Kecamatan {fairs[1].kecamatan}:" not in text
    assert f"Kecamatan {fairs[0].kecamatan}:" in text


def test_lists_and_dashboard_follow_the_scope(ta: tuple[Path, list[Fair]]) -> None:
    path, fairs = ta
    db: Database = open_database(path)
    try:
        with db.begin() as s:
            assert followup_page(s).total == sum(f.commitments for f in fairs)
            assert idea_page(s).total == len(fairs)
            for fair in fairs:
                scope = (fair.event_id,)
                page = followup_page(s, FollowUpFilter(events=scope))
                assert page.total == fair.commitments
                assert {r["kecamatan_name"] for r in page.rows} == {fair.kecamatan}
                assert idea_page(s, IdeaFilter(events=scope)).total == 1
                figures = event_summary(s, scope=scope)
                assert (figures.commitments, figures.amount) == (fair.commitments, fair.amount)
                assert scope_label(s, scope) == f"Kecamatan {fair.kecamatan}"
            every = event_summary(s, scope=tuple(f.event_id for f in fairs))
            assert every.amount == sum(f.amount for f in fairs)
            assert len(every.desa) == sum(f.desa for f in fairs)
            assert scope_label(s, ()) == "Semua acara (3)"
            two = (fairs[0].event_id, fairs[1].event_id)
            assert scope_label(s, two).startswith("2 acara: ")
            rows = kabupaten_summary(s, two)
            assert [r.event_id for r in rows] == sorted(two, key=lambda e: next(
                f.kecamatan for f in fairs if f.event_id == e))  # fmt: skip
    finally:
        db.dispose()
