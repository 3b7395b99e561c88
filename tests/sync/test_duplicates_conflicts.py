"""Duplicate candidates and links across laptops; delete-vs-edit conflicts."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

import pytest
from sqlalchemy import select

from bid_desktop.services.station import require_state
from bid_desktop.storage.models import Participant
from bid_desktop.sync.conflicts import conflict_detail, list_conflicts, resolve_conflict
from bid_desktop.sync.duplicates import (
    find_candidates,
    link_same_person,
    mark_not_duplicate,
    survivor_map,
)
from bid_desktop.sync.merge import verify_invariants
from tests.conftest import make_event_db
from tests.sync.helpers import conflicts, merge_from, state

EVENT = "0190f000-0000-7000-8000-00000000d001"
DESA = "18.06.20.2001"


@pytest.fixture
def pair(tmp_path: Path):
    a = make_event_db(tmp_path / "a.sqlite", "REG1", EVENT)
    b = make_event_db(tmp_path / "b.sqlite", "REG2", EVENT)
    yield a, b
    a.dispose()
    b.dispose()


def _walkin(db, number: str, name: str, phone: str = "", checked: bool = False) -> str:
    pid = str(uuid.uuid4())
    with db.begin() as s:
        s.add(
            Participant(
                id=pid,
                event_id=EVENT,
                number=number,
                name=name,
                desa_code=DESA,
                phone=phone,
                checked_in_at=dt.datetime(2026, 11, 25, 8, 5) if checked else None,
            )
        )
    return pid


def test_same_person_at_two_desks_is_a_candidate_never_merged(pair, tmp_path):
    a, b = pair
    p1 = _walkin(a, "REG1-0001", "Bapak Budi Santoso", checked=True)
    p2 = _walkin(b, "REG2-0001", "budi santoso")
    other = _walkin(b, "REG2-0002", "Wayan", phone="+628123456789")
    _walkin(b, "REG2-0003", "Made", phone="+628123456788")
    report = merge_from(b, a, folder=tmp_path)
    assert report.duplicate_candidates == 1 and report.added == 1
    with b.begin() as s:
        [group] = find_candidates(s, EVENT)
        assert group["ids"] == sorted([p1, p2]) and "nama+desa" in group["reasons"]
        assert [m["number"] for m in group["participants"]] == [
            m["number"] for m in sorted(group["participants"], key=lambda m: m["id"])
        ]
        assert len(s.scalars(select(Participant)).all()) == 4  # nothing merged by itself
        survivor = link_same_person(s, [p2, p1])
        assert survivor == min(p1, p2)
        assert find_candidates(s, EVENT) == []
    with b.begin() as s:
        loser = s.get(Participant, max(p1, p2))
        assert loser.voided and loser.void_reason.startswith("duplikat dari ")
        assert s.get(Participant, survivor).checked_in_at is not None
        assert survivor_map(s, EVENT) == {max(p1, p2): survivor}
        assert s.get(Participant, other).voided is False
    # the link replicates; linking the same group on A too gives the same record, no conflict
    merge_from(a, b, folder=tmp_path)
    with a.begin() as s:
        assert link_same_person(s, [p1, p2]) == survivor
    merge_from(b, a, folder=tmp_path)
    assert conflicts(a) == conflicts(b) == []
    assert state(a) == state(b) and verify_invariants(b) == []


def test_not_duplicate_hides_the_group(pair, tmp_path):
    a, b = pair
    p1 = _walkin(a, "REG1-0001", "Siti", phone="+628111111111")
    p2 = _walkin(a, "REG1-0002", "Siti Rahma", phone="+628111111111")
    with a.begin() as s:
        [group] = find_candidates(s, EVENT)
        assert group["reasons"] == "telepon"
        mark_not_duplicate(s, [p1, p2])
        assert find_candidates(s, EVENT) == []
        assert survivor_map(s, EVENT) == {}
    merge_from(b, a, folder=tmp_path)
    with b.begin() as s:
        assert find_candidates(s, EVENT) == []


def test_survivor_map_is_order_free_over_chained_links(db):
    with db.begin() as s:
        ev = require_state(s).event_id
    ids = sorted(str(uuid.uuid4()) for _ in range(3))
    with db.begin() as s:
        for i, pid in enumerate(ids):
            s.add(Participant(id=pid, event_id=ev, number=f"REG1-{i:04d}", name=f"P{i}"))
    with db.begin() as s:
        link_same_person(s, [ids[1], ids[2]])
        link_same_person(s, [ids[0], ids[2]])
        assert survivor_map(s, ev) == {ids[1]: ids[0], ids[2]: ids[0]}


def test_delete_against_edit_is_hard_and_resolvable(pair, tmp_path):
    a, b = pair
    pid = _walkin(a, "REG1-0001", "Siti")
    merge_from(b, a, folder=tmp_path)
    with a.begin() as s:
        s.delete(s.get(Participant, pid))
    with b.begin() as s:
        s.get(Participant, pid).phone = "+628111111111"  # later: the edit wins by default
    merge_from(a, b, folder=tmp_path)
    merge_from(b, a, folder=tmp_path)
    assert state(a) == state(b)
    with a.begin() as s:
        [item] = list_conflicts(s)
        assert item["kind"] == "hard" and item["fields"][0] == "_dihapus"
        assert item["label"] == "Peserta: REG1-0001 · Siti"
        detail = conflict_detail(s, pid)
        assert detail["deleted_conflict"] and not detail["winner_deleted"]
        assert s.get(Participant, pid) is not None
        resolve_conflict(s, pid, {"_dihapus": True}, pin="123456")
    with a.begin() as s:
        assert s.get(Participant, pid) is None
    merge_from(b, a, folder=tmp_path)
    assert conflicts(b) == [] and state(a) == state(b)
    assert verify_invariants(a) == [] and verify_invariants(b) == []
