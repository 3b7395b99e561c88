"""Scope in a TA database (issue 13): the recap workbook, the report PDF, the follow-up and
idea lists and the dashboard figures cover every event, several, or one — read back and
compared with what the three fairs' laptops wrote."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pypdf
import pytest
from openpyxl import load_workbook
from sqlalchemy import text

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
        amount = L.COMMITMENT_HEADERS.index("Perkiraan Anggaran (Rp)")
        assert sum(r[amount] for r in rows) == fair.amount
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


def test_conflict_and_duplicate_review_follow_the_scope(
    ta: tuple[Path, list[Fair]], tmp_path: Path
) -> None:
    """A real hard conflict in fair 0 (its laptop and the TA answered the same commitment
    differently) and a duplicate pair in fair 1: each listed only in a scope holding its
    event; a link made at the TA belongs to the people's event, its audit entry too."""
    import shutil

    from sqlalchemy import select

    from bid_desktop.domain import ids
    from bid_desktop.services.sync import export_package
    from bid_desktop.storage.models import AuditEntry, Commitment, DuplicateLink, Participant
    from bid_desktop.sync import conflicts, duplicates

    source, fairs = ta
    path = tmp_path / "ta.sqlite"
    shutil.copyfile(source, path)
    one, two = fairs[0], fairs[1]  # the TA joined fairs[2]: neither is its own event
    laptop_path = tmp_path / "reg1.sqlite"
    shutil.copyfile(one.packages[0].parent.parent / "REG1.sqlite", laptop_path)
    laptop, db = open_database(laptop_path), open_database(path)
    try:
        import_packages(laptop, one.packages, backup_dir=tmp_path / "bk")
        for where, answer in ((laptop, "Layak, lanjut"), (db, "Perlu RAB ulang")):
            with where.begin() as s:
                c = s.scalars(select(Commitment).where(Commitment.event_id == one.event_id)
                              .order_by(Commitment.id)).first()  # fmt: skip
                assert c is not None
                c.ta_response = answer
        import_packages(db, [export_package(laptop, tmp_path / "usb").path])
        with db.begin() as s:
            people = s.scalars(select(Participant).where(Participant.event_id == two.event_id)
                               .order_by(Participant.id)).all()  # fmt: skip
            twin = people[0]
            copy_id = ids.natural_id("twin", twin.id)
            s.add(Participant(id=copy_id, event_id=two.event_id, number="TA-0001",
                              name=twin.name, jabatan=twin.jabatan, gender=twin.gender,
                              desa_code=twin.desa_code, category=twin.category))  # fmt: skip
        with db.begin() as s:
            assert conflicts.count_conflicts(s)["hard"] == 1
            assert conflicts.count_conflicts(s, (one.event_id,))["hard"] == 1
            assert conflicts.count_conflicts(s, (two.event_id,))["hard"] == 0
            assert len(conflicts.list_conflicts(s, scope=(one.event_id,))) == 1
            assert conflicts.list_conflicts(s, scope=(fairs[2].event_id, two.event_id)) == []
            groups = duplicates.find_candidates(s, two.event_id)
            assert [sorted(g["ids"]) for g in groups] == [sorted([twin.id, copy_id])]
            assert duplicates.find_candidates(s, one.event_id) == []
            survivor = duplicates.link_same_person(s, groups[0]["ids"])
            link = s.scalars(select(DuplicateLink)).one()
            assert link.event_id == two.event_id and survivor == min(twin.id, copy_id)
            entry = s.scalars(
                select(AuditEntry).where(AuditEntry.action == "duplicate.linked")
            ).one()
            assert entry.event_id == two.event_id
    finally:
        laptop.dispose()
        db.dispose()


def test_follow_up_count_matches_its_rows_for_every_filter(ta: tuple[Path, list[Fair]]) -> None:
    """The list's count (lean when no status/due filter) is the number of rows it lists."""
    import datetime as dt
    import itertools

    path, fairs = ta
    db = open_database(path)
    try:
        with db.begin() as s:
            day = dt.date(2026, 12, 1)
            kec = s.execute(text("SELECT kecamatan_code FROM desa ORDER BY code")).scalar()
            for scope, bursa, typed, status, overdue, kecamatan in itertools.product(
                [(), (fairs[1].event_id,)], ["", "A", "B"], ["", "air", "kades 1", "zz"],
                ["", "belum dihubungi"], [False, True], ["", kec],
            ):  # fmt: skip
                flt = FollowUpFilter(kecamatan_code=kecamatan, bursa=bursa, status=status,
                                     overdue=overdue, text=typed, events=scope)  # fmt: skip
                page = followup_page(s, flt, limit=1000, today=day)
                assert page.total == len(page.rows), flt
    finally:
        db.dispose()


def _reference_followups(s, flt: FollowUpFilter, today) -> list[str]:  # type: ignore[no-untyped-def]
    """The follow-up list by hand: every live commitment with its desa, filtered and sorted in
    Python (due, kecamatan, desa, innovation code, id)."""
    from bid_desktop.domain.text import fold
    from bid_desktop.domain.workdays import followup_due

    found = s.execute(text(
        "SELECT c.id, c.event_id, c.kepala_desa, c.innovation_code, d.name, d.kecamatan_code, "
        "d.kecamatan_name, i.title, i.bursa, f.due_date, f.status, e.date FROM commitment c "
        "JOIN desa d ON d.event_id = c.event_id AND d.code = c.desa_code "
        "JOIN event e ON e.id = c.event_id LEFT JOIN innovation i ON i.id = c.innovation_id "
        "LEFT JOIN followup f ON f.commitment_id = c.id WHERE NOT c.voided"
    )).all()  # fmt: skip
    rows = []
    for cid, eid, kades, code, desa, kec, kec_name, title, bursa, due, status, day in found:
        due = due or followup_due(dt.date.fromisoformat(day)).isoformat()
        status = status or "belum dihubungi"
        words = [(v or "").lower() for v in (desa, kades, title, code)]
        if (flt.events and eid not in flt.events) or (flt.bursa and bursa != flt.bursa):
            continue
        if flt.kecamatan_code and kec != flt.kecamatan_code:
            continue
        if flt.status and status != flt.status:
            continue
        if flt.overdue and not (status == "belum dihubungi" and due < today.isoformat()):
            continue
        if all(any(w in v for v in words) for w in fold(flt.text).split()):
            rows.append((due, kec_name, desa, code, cid))
    return [r[-1] for r in sorted(rows)]


def test_follow_up_pages_match_a_reference_list(
    ta: tuple[Path, list[Fair]], tmp_path: Path
) -> None:
    """Every page of the list, walked a few rows at a time past its end, is the reference
    list's rows in order, and each page's count is the reference's (text in a desa name,
    a Kepala Desa, a title, a code; a saved follow-up with its own status)."""
    import itertools
    import shutil

    from bid_desktop.services.followup import FollowUpForm, save_followup

    path = tmp_path / "ta.sqlite"
    shutil.copy(ta[0], path)
    fairs = ta[1]
    db = open_database(path)
    try:
        with db.begin() as s:
            day = dt.date(2026, 12, 1)
            first = s.execute(text("SELECT id FROM commitment ORDER BY id")).scalar()
            form = FollowUpForm(contact_via="WA")
            save_followup(s, first, form, today=dt.date(2027, 1, 1))
            kec = s.execute(text("SELECT kecamatan_code FROM desa ORDER BY code")).scalar()
            for scope, bursa, typed, status, overdue, kecamatan in itertools.product(
                [(), (fairs[1].event_id,), (fairs[0].event_id, fairs[2].event_id)],
                ["", "A"], ["", "a", "rejo", "sistem", "a01", "kades 1", "zz"],
                ["", "belum dihubungi", "dihubungi"],
                [False, True], ["", kec],
            ):  # fmt: skip
                flt = FollowUpFilter(kecamatan_code=kecamatan, bursa=bursa, status=status,
                                     overdue=overdue, text=typed, events=scope)  # fmt: skip
                truth = _reference_followups(s, flt, day)
                listed: list[str] = []
                for offset in range(0, len(truth) + 4, 4):
                    page = followup_page(s, flt, limit=4, offset=offset, today=day)
                    assert page.total == len(truth), flt
                    listed += [r["id"] for r in page.rows]
                assert listed == truth, flt
    finally:
        db.dispose()
