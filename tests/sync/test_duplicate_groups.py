"""Duplicate people (issue 17 item 4): the groups are the union of every link, whatever order
and laptop they were made on; 'not the same person' after a link un-voids; a linked person
counts once in the recap."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from bid_desktop.domain import ids
from bid_desktop.services import recap
from bid_desktop.storage.db import Database
from bid_desktop.storage.models import Participant, Rating
from bid_desktop.sync.duplicates import (
    link_same_person,
    mark_not_duplicate,
    reconcile_all,
    survivor_map,
)
from bid_desktop.sync.merge import verify_invariants
from tests.conftest import make_event_db
from tests.sync.helpers import add_innovation, conflicts, merge_from

EVENT = "0190f000-0000-7000-8000-00000000d020"
DESA = "18.06.20.2001"
X, Y, Z = (f"0190f000-0000-7000-8000-0000000000{n}" for n in ("a1", "b2", "c3"))


@pytest.fixture
def trio(tmp_path: Path) -> Iterator[tuple[Database, Database, Database]]:
    made = [make_event_db(tmp_path / f"{s}.sqlite", s, EVENT) for s in ("REG1", "REG2", "TA1")]
    a, b, ta = made
    add_innovation(a, EVENT)
    with a.begin() as s:
        for n, pid in enumerate((X, Y, Z), start=1):
            s.add(
                Participant(
                    id=pid, event_id=EVENT, number=f"REG1-{n:04d}", name="Budi Santoso",
                    desa_code=DESA,
                    checked_in_at=dt.datetime(2026, 11, 25, 8, 10 * n),
                )
            )  # fmt: skip
    for target in (b, ta):
        merge_from(target, a, folder=tmp_path)
    yield a, b, ta
    for db in made:
        db.dispose()


def _merge(target: Database, *sources: Database, folder: Path) -> None:
    """What an import does: merge, then let the voids follow the links."""
    merge_from(target, *sources, folder=folder)
    with target.begin() as s:
        reconcile_all(s)


def _live(db: Database) -> dict[str, tuple[bool, str]]:
    with db.begin() as s:
        return {p.id: (p.voided, p.void_reason) for p in s.query(Participant)}


def test_links_made_in_different_orders_give_one_survivor(trio, tmp_path):
    """Before: x and y both live, and a hard conflict on z's void reason."""
    a, b, ta = trio
    with a.begin() as s:
        link_same_person(s, [X, Z])
    with b.begin() as s:
        link_same_person(s, [Y, Z])
    _merge(ta, a, b, folder=tmp_path)
    _merge(a, b, folder=tmp_path)
    _merge(b, a, folder=tmp_path)
    for db in (a, b, ta):
        people = _live(db)
        assert people[X] == (False, "")
        assert people[Y] == people[Z] == (True, "duplikat dari REG1-0001")
        assert [c for c in conflicts(db) if c[2] == "hard"] == []
        with db.begin() as s:
            assert survivor_map(s, EVENT) == {Y: X, Z: X}
            assert s.get(Participant, X).checked_in_at == dt.datetime(2026, 11, 25, 8, 10)
        assert verify_invariants(db) == []
    _merge(ta, a, b, folder=tmp_path)
    assert _live(ta) == _live(a) == _live(b)


def test_not_the_same_person_after_a_link_unvoids(trio, tmp_path):
    """Before: the person stayed voided."""
    a, b, ta = trio
    with a.begin() as s:
        link_same_person(s, [X, Y])
    _merge(b, a, folder=tmp_path)
    assert _live(b)[Y][0] is True
    with b.begin() as s:
        mark_not_duplicate(s, [X, Y])
    assert _live(b)[Y] == (False, "")
    _merge(a, b, folder=tmp_path)
    _merge(ta, a, folder=tmp_path)
    for db in (a, ta):
        assert _live(db)[Y] == (False, "")


def test_a_linked_person_rates_once_in_the_recap(trio, tmp_path):
    """Before: three registrations of one person gave three ratings."""
    a, _b, _ta = trio
    innovation = ids.innovation_id(EVENT, "A01")
    with a.begin() as s:
        for pid, score in ((X, 4), (Y, 2), (Z, 5)):
            s.add(
                Rating(
                    id=ids.rating_id(EVENT, pid, "A01"), event_id=EVENT, participant_id=pid,
                    innovation_id=innovation, score=score,
                    rated_at=dt.datetime(2026, 11, 25, 10, 0),
                )
            )  # fmt: skip
    with a.begin() as s:
        [row] = [r for r in recap.rating_rows(s) if r[1] == "A01"]
        assert row[4] == 3
        link_same_person(s, [X, Y, Z])
    with a.begin() as s:
        [row] = [r for r in recap.rating_rows(s) if r[1] == "A01"]
        assert (row[4], row[5]) == (1, 4)  # the survivor's own rating, once


def test_per_package_duplicate_counts_add_up(tmp_path):
    """Before: a group with one member from each package counted in both (2 for 1 group)."""
    from bid_desktop.sync.batch import merge_each
    from tests.sync.helpers import stage

    made = [make_event_db(tmp_path / f"{s}.sqlite", s, EVENT) for s in ("REG1", "REG2", "TA1")]
    a, b, ta = made
    try:
        for db, pid, number in ((a, X, "REG1-0001"), (b, Y, "REG2-0001")):
            with db.begin() as s:
                s.add(
                    Participant(
                        id=pid, event_id=EVENT, number=number, name="Budi Santoso", desa_code=DESA
                    )
                )
        result = merge_each(ta, [(stage(a, tmp_path), "a"), (stage(b, tmp_path), "b")])
        per_file = [f.duplicate_candidates for f in result.files]
        assert sum(per_file) == result.report.duplicate_candidates == 1
    finally:
        for db in made:
            db.dispose()


def test_a_linked_person_attends_a_session_once(trio, tmp_path):
    """Before: three registrations scanned at one session counted three."""
    from bid_desktop.services import bursa_floor
    from bid_desktop.storage.models import Attendance, BursaSession

    a, _b, _ta = trio
    sid = str(uuid.uuid4())
    with a.begin() as s:
        s.add(BursaSession(id=sid, event_id=EVENT, room_id=str(uuid.uuid4()), name="Sesi 1"))
        for pid in (X, Y, Z):
            s.add(
                Attendance(
                    id=ids.attendance_id(EVENT, sid, pid), event_id=EVENT, session_id=sid,
                    participant_id=pid, scanned_at=dt.datetime(2026, 11, 25, 9, 0),
                )
            )  # fmt: skip
    with a.begin() as s:
        assert bursa_floor.attendance_count(s, sid) == 3
        link_same_person(s, [Y, Z])
        link_same_person(s, [X, Z])
    with a.begin() as s:
        assert bursa_floor.attendance_count(s, sid) == 1
