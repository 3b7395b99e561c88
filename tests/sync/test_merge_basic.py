"""Merge engine: the contract on small, hand-written scenarios (property tests elsewhere)."""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path

import pytest
from sqlalchemy import select

from bid_desktop.services.errors import InputRefused, UserError
from bid_desktop.storage.db import head_revision
from bid_desktop.storage.models import Desa, Participant
from bid_desktop.sync.conflicts import conflict_detail, list_conflicts, resolve_conflict
from bid_desktop.sync.merge import (
    SCHEMA_REVISION,
    export_versions,
    merge_staged,
    upgrade_staged,
    verify_invariants,
)
from tests.conftest import make_event_db
from tests.sync.helpers import clock, conflicts, max_hlc, merge_from, stage, state

EVENT = "0190f000-0000-7000-8000-00000000e001"


@pytest.fixture
def pair(tmp_path: Path):
    a = make_event_db(tmp_path / "a.sqlite", "REG1", EVENT)
    b = make_event_db(tmp_path / "b.sqlite", "REG2", EVENT)
    yield a, b
    a.dispose()
    b.dispose()


def _first_desa(db) -> str:
    with db.begin() as s:
        return s.scalars(select(Desa).order_by(Desa.code)).first().id


def _edit(db, model, rid, **values) -> None:
    with db.begin() as s:
        obj = s.get(model, rid)
        for k, v in values.items():
            setattr(obj, k, v)


def test_same_event_on_two_laptops_is_no_conflict(pair, tmp_path):
    a, b = pair
    report = merge_from(b, a, folder=tmp_path)
    assert report.versions_new > 0 and report.added == 0 and report.updated == 0
    assert conflicts(b) == [] and verify_invariants(b) == []


def test_edits_of_different_fields_merge_softly_both_ways(pair, tmp_path):
    a, b = pair
    rid = _first_desa(a)
    _edit(a, Desa, rid, name="Nama dari A")
    _edit(b, Desa, rid, kecamatan_name="Kec dari B")
    sa, sb = stage(a, tmp_path), stage(b, tmp_path)
    report = merge_staged(b, [sa])
    merge_staged(a, [sb])
    assert report.conflicts_soft == 1 and report.conflicts_hard == 0 and report.updated == 1
    for db in (a, b):
        with db.begin() as s:
            desa = s.get(Desa, rid)
            assert (desa.name, desa.kecamatan_name) == ("Nama dari A", "Kec dari B")
        assert verify_invariants(db) == []
    assert state(a) == state(b)


def test_hard_conflict_same_winner_everywhere_and_resolution_replicates(pair, tmp_path):
    a, b = pair
    rid = _first_desa(a)
    _edit(a, Desa, rid, name="A")
    _edit(b, Desa, rid, name="B")  # later clock: B wins by default
    sa, sb = stage(a, tmp_path), stage(b, tmp_path)
    assert merge_staged(a, [sb]).conflicts_hard == 1
    assert merge_staged(b, [sa]).conflicts_hard == 1
    assert state(a) == state(b)
    with b.begin() as s:
        [item] = list_conflicts(s)
        assert item["kind"] == "hard" and item["fields"] == ["name"]
        assert [h["payload"]["name"] for h in item["heads"]] == ["B", "A"]
        detail = conflict_detail(s, rid)
        row = next(f for f in detail["fields"] if f["field"] == "name")
        assert row["hard"] and row["values"] == ["B", "A"] and row["base"] == "Banjar Manis"
        assert s.get(Desa, rid).name == "B"
    with a.begin() as s, pytest.raises(UserError):
        resolve_conflict(s, rid, {"name": "A"}, pin="000000")
    with a.begin() as s:
        resolve_conflict(s, rid, {"name": "A"}, pin="123456")
    assert conflicts(a) == []
    merge_from(b, a, folder=tmp_path)
    assert conflicts(b) == [] and verify_invariants(b) == []
    with b.begin() as s:
        assert s.get(Desa, rid).name == "A"


def test_resolution_keeping_the_default_winner_still_clears(pair, tmp_path):
    a, b = pair
    rid = _first_desa(a)
    _edit(a, Desa, rid, name="A")
    _edit(b, Desa, rid, name="B")
    merge_from(a, b, folder=tmp_path)
    with a.begin() as s:
        resolve_conflict(s, rid, {}, pin="123456")
    assert conflicts(a) == []
    merge_from(b, a, folder=tmp_path)
    assert conflicts(b) == [] and state(a) == state(b)


def test_delete_is_a_tombstone_and_history_stays(pair, tmp_path):
    a, b = pair
    pid = str(uuid.uuid4())
    with a.begin() as s:
        s.add(Participant(id=pid, event_id=EVENT, number="REG1-0001", name="Siti"))
    assert merge_from(b, a, folder=tmp_path).added == 1
    with a.begin() as s:
        s.delete(s.get(Participant, pid))
    report = merge_from(b, a, folder=tmp_path)
    assert report.deleted == 1 and report.per_entity["participant"]["deleted"] == 1
    with b.begin() as s:
        assert s.get(Participant, pid) is None
    with b.engine.connect() as conn:
        n = conn.exec_driver_sql("SELECT COUNT(*) FROM version WHERE record_id = ?", (pid,))
        assert n.scalar_one() == 2


def test_dry_run_and_cancel_change_nothing(pair, tmp_path):
    a, b = pair
    _edit(a, Desa, _first_desa(a), name="A")
    before = state(b)
    path = stage(a, tmp_path)
    report = merge_staged(b, [path], dry_run=True)
    assert report.dry_run and report.updated == 1 and state(b) == before
    with pytest.raises(UserError, match="Dibatalkan"):
        merge_staged(b, [path], cancelled=lambda: True)
    asked: list[bool] = []
    merge_staged(b, [path], dry_run=True, cancelled=lambda: asked.append(False) or False)
    calls = iter([False] * (len(asked) - 1) + [True])  # cancel at the last check, pre-commit
    with pytest.raises(UserError, match="Dibatalkan"):
        merge_staged(b, [path], cancelled=lambda: next(calls))
    assert state(b) == before
    seen = []
    assert merge_staged(b, [path], progress=lambda d, t, m: seen.append((d, t))).updated == 1
    assert seen[-1][0] == seen[-1][1] and state(b) != before


def test_clock_moves_past_every_imported_clock(pair, tmp_path):
    a, b = pair
    _edit(a, Desa, _first_desa(a), name="A")
    imported = max_hlc(a)
    merge_from(b, a, folder=tmp_path)
    wall, counter = clock(b)
    assert f"{wall:018d}.{counter:06d}" >= imported
    _edit(b, Desa, _first_desa(b), name="B")
    assert max_hlc(b) > imported


def test_verify_invariants_finds_a_tampered_live_row(db):
    assert verify_invariants(db) == []
    with db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE desa SET name = 'diubah diam-diam' WHERE rowid = 1")
    problems = verify_invariants(db)
    assert len(problems) == 1 and "desa" in problems[0]
    with db.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM desa WHERE rowid = 2")
    [problem] = verify_invariants(db)
    assert "2 rekaman" in problem


def test_schema_revision_is_the_alembic_head(tmp_path):
    assert head_revision() == SCHEMA_REVISION
    upgrade_staged(tmp_path / "x", SCHEMA_REVISION)
    with pytest.raises(InputRefused, match="perbarui aplikasi"):
        upgrade_staged(tmp_path / "x", "9999")
    with pytest.raises(InputRefused, match="terlalu lama"):
        upgrade_staged(tmp_path / "x", "0000")


def test_export_counts(db, tmp_path):
    counts = export_versions(db, tmp_path / "out.sqlite")
    with sqlite3.connect(tmp_path / "out.sqlite") as conn:
        assert conn.execute("SELECT COUNT(*) FROM version").fetchone()[0] == counts["version"]
    assert counts["version"] > 9 and counts["min_hlc"] <= counts["max_hlc"]


def test_same_invitee_and_commitment_on_two_laptops_is_one_record(pair, tmp_path):
    from bid_desktop.domain import ids

    a, b = pair
    for db in (a, b):
        pid = ids.invitee_id(EVENT, "Bpk. Siti Aminah", "18.06.20.2001", "Kepala Desa")
        with db.begin() as s:
            s.add(Participant(id=pid, event_id=EVENT, number=ids.invitee_number(pid), name="Siti"))
    report = merge_from(b, a, folder=tmp_path)
    assert report.added == 0 and report.conflicts_hard + report.conflicts_soft == 0
    with b.begin() as s:
        assert len(s.scalars(select(Participant)).all()) == 1
