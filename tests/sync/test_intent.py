"""Intent kept (sync.md law 7): the live record is what the people meant.

Each test is one scenario of issue 17, merged at a third laptop (the TA), and checks the live
value and the conflict kind against what should have happened (the values in the docstrings
are the ones the merge produced before the fix)."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from bid_desktop.domain import ids
from bid_desktop.services import registration
from bid_desktop.storage.db import Database
from bid_desktop.storage.models import Commitment, Participant
from bid_desktop.sync.conflicts import choose_side, conflict_detail
from bid_desktop.sync.merge import verify_invariants
from tests.conftest import make_event_db
from tests.sync.helpers import add_innovation, conflicts, merge_from

EVENT = "0190f000-0000-7000-8000-00000000d017"
DESA = "18.06.20.2001"
CID = ids.commitment_id(EVENT, DESA, "A01")
JT = 1_000_000
PIN = "123456"


@pytest.fixture
def dbs(tmp_path: Path) -> Iterator[tuple[Database, Database, Database]]:
    made = [make_event_db(tmp_path / f"{s}.sqlite", s, EVENT) for s in ("MKA1", "MKB2", "TA1")]
    for db in made:
        add_innovation(db, EVENT)
    yield made[0], made[1], made[2]
    for db in made:
        db.dispose()


def _stamp(db: Database, amount: int, table: str) -> None:
    with db.begin() as s:
        s.add(
            Commitment(
                id=CID,
                event_id=EVENT,
                desa_code=DESA,
                innovation_id=ids.innovation_id(EVENT, "A01"),
                innovation_code="A01",
                amount=amount,
                planned_year=2027,
                table_code=table,
                stamped_at=dt.datetime(2026, 11, 25, 10, 0),
                stamped_station=table,
            )
        )


def _set(db: Database, model: type, record_id: str, **values: object) -> None:
    with db.begin() as s:
        obj = s.get(model, record_id)
        for key, value in values.items():
            setattr(obj, key, value)


def _commitment(db: Database) -> Commitment:
    with db.begin() as s:
        row = s.get(Commitment, CID)
        assert row is not None
        s.expunge(row)
        return row


def _kinds(db: Database) -> dict[str, tuple[str, set[str]]]:
    return {c[0]: (c[2], set(json.loads(c[3]))) for c in conflicts(db)}


def _choose(db: Database, record_id: str, field: str, value: object) -> None:
    """Take the side of the head whose ``field`` is ``value`` (the review screen's button)."""
    with db.begin() as s:
        detail = conflict_detail(s, record_id)
        row = next(r for r in detail["fields"] if r["field"] == field)
        head = detail["heads"][row["values"].index(value)]["version_id"]
        choose_side(s, record_id, head, PIN)


def _exchange(a: Database, b: Database, folder: Path) -> None:
    merge_from(a, b, folder=folder)
    merge_from(b, a, folder=folder)


def _hard_stamps(a: Database, b: Database, folder: Path, a_first: bool = True) -> None:
    """Two tables stamp desa D / innovation A01 concurrently: 200 jt and 150 jt (the later
    stamp is the default winner)."""
    stamps = [(a, 200 * JT, "A1"), (b, 150 * JT, "B2")]
    for db, amount, table in stamps if a_first else stamps[::-1]:
        _stamp(db, amount, table)
    _exchange(a, b, folder)
    for db in (a, b):
        assert _kinds(db)[CID][0] == "hard"


@pytest.mark.parametrize("a_first", [True, False])
def test_resolution_survives_an_unrelated_edit(dbs, tmp_path, a_first):
    """Before: 150 jt, listed as soft. Now: 200 jt, the new notes, no hard conflict."""
    a, b, ta = dbs
    _hard_stamps(a, b, tmp_path, a_first)
    _choose(a, CID, "amount", 200 * JT)
    _set(b, Commitment, CID, notes="dicatat ulang")
    merge_from(ta, a, b, folder=tmp_path)
    row = _commitment(ta)
    assert (row.amount, row.notes, row.table_code) == (200 * JT, "dicatat ulang", "A1")
    assert _kinds(ta).get(CID, ("none",))[0] != "hard"
    assert verify_invariants(ta) == []


@pytest.mark.parametrize("a_first", [True, False])
def test_resolution_against_a_concurrent_other_amount_is_hard(dbs, tmp_path, a_first):
    """Before: 175 jt, soft. Now: a hard conflict 200 jt against 175 jt."""
    a, b, ta = dbs
    _hard_stamps(a, b, tmp_path, a_first)
    _choose(a, CID, "amount", 200 * JT)
    _set(b, Commitment, CID, amount=175 * JT)
    merge_from(ta, a, b, folder=tmp_path)
    kind, fields = _kinds(ta)[CID]
    assert kind == "hard" and "amount" in fields
    with ta.begin() as s:
        detail = conflict_detail(s, CID)
    amounts = next(r for r in detail["fields"] if r["field"] == "amount")["values"]
    assert sorted(amounts) == [175 * JT, 200 * JT]
    assert verify_invariants(ta) == []


def test_revert_survives_a_note_on_the_old_value(dbs, tmp_path):
    """150 sent, 200 sent, back to 150; the other laptop notes on 200. Before: 200 jt (soft).
    Now: 150 jt and the note."""
    a, b, ta = dbs
    _stamp(a, 150 * JT, "A1")
    merge_from(b, a, folder=tmp_path)
    _set(a, Commitment, CID, amount=200 * JT)
    merge_from(b, a, folder=tmp_path)
    _set(a, Commitment, CID, amount=150 * JT)
    _set(b, Commitment, CID, notes="sudah dibahas")
    merge_from(ta, a, b, folder=tmp_path)
    row = _commitment(ta)
    assert (row.amount, row.notes) == (150 * JT, "sudah dibahas")
    assert _kinds(ta).get(CID, ("none",))[0] != "hard"
    assert verify_invariants(ta) == []


def _person(db: Database) -> str:
    pid = str(uuid.uuid4())
    with db.begin() as s:
        s.add(Participant(id=pid, event_id=EVENT, number="MKA1-0001", name="Siti", phone=""))
    return pid


def test_undone_check_in_survives_a_phone_correction(dbs, tmp_path):
    """Before: checked in at the TA. Now: not checked in, with the new phone."""
    a, b, ta = dbs
    pid = _person(a)
    with a.begin() as s:
        registration.check_in(s, pid)
    merge_from(b, a, folder=tmp_path)
    with a.begin() as s:
        registration.undo_check_in(s, pid, "salah orang", PIN)
    _set(b, Participant, pid, phone="+628111111111")
    merge_from(ta, a, b, folder=tmp_path)
    with ta.begin() as s:
        person = s.get(Participant, pid)
        assert person.checked_in_at is None and person.phone == "+628111111111"
    assert _kinds(ta).get(pid, ("none",))[0] != "hard"
    assert verify_invariants(ta) == []


def _phone_conflict(a: Database, b: Database, folder: Path) -> str:
    pid = _person(a)
    merge_from(b, a, folder=folder)
    _set(a, Participant, pid, phone="+628111111111")
    _set(b, Participant, pid, phone="+628222222222")
    _exchange(a, b, folder)
    assert _kinds(a)[pid] == ("hard", {"phone"})
    return pid


def test_a_check_in_does_not_close_a_hard_conflict(dbs, tmp_path):
    """Before: the check-in closed the conflict everywhere. Now it stays open until resolved."""
    a, b, ta = dbs
    pid = _phone_conflict(a, b, tmp_path)
    with a.begin() as s:
        registration.check_in(s, pid)
    assert _kinds(a)[pid] == ("hard", {"phone"})
    merge_from(b, a, folder=tmp_path)
    merge_from(ta, a, b, folder=tmp_path)
    for db in (a, b, ta):
        assert _kinds(db)[pid] == ("hard", {"phone"})
        with db.begin() as s:
            assert s.get(Participant, pid).checked_in_at is not None
        assert verify_invariants(db) == []
    # the explicit resolution closes it, on every laptop, and keeps the check-in
    _choose(b, pid, "phone", "+628111111111")
    _exchange(a, b, tmp_path)
    merge_from(ta, b, folder=tmp_path)
    for db in (a, b, ta):
        assert pid not in _kinds(db)
        with db.begin() as s:
            person = s.get(Participant, pid)
            assert person.phone == "+628111111111" and person.checked_in_at is not None


def test_choosing_a_side_takes_its_provenance(dbs, tmp_path):
    """Before: the amount of the chosen side with the other side's table. Now: the side whole."""
    a, b, _ta = dbs
    _hard_stamps(a, b, tmp_path)
    with a.begin() as s:
        detail = conflict_detail(s, CID)
    amounts = next(r for r in detail["fields"] if r["field"] == "amount")["values"]
    loser = amounts[1]  # not the default winner
    _choose(a, CID, "amount", loser)
    row = _commitment(a)
    table = "A1" if loser == 200 * JT else "B2"
    assert (row.amount, row.table_code, row.stamped_station) == (loser, table, table)
    assert CID not in _kinds(a)


@pytest.mark.parametrize("a_first", [True, False])
def test_two_different_resolutions_are_a_hard_conflict(dbs, tmp_path, a_first):
    """Before: the later resolution silently won. Now: hard, 200 jt against 150 jt."""
    a, b, ta = dbs
    _hard_stamps(a, b, tmp_path, a_first)
    _choose(a, CID, "amount", 200 * JT)
    _choose(b, CID, "amount", 150 * JT)
    merge_from(ta, a, b, folder=tmp_path)
    _exchange(a, b, tmp_path)
    for db in (a, b, ta):
        kind, fields = _kinds(db)[CID]
        assert kind == "hard" and "amount" in fields
        assert verify_invariants(db) == []


def test_the_same_resolution_twice_is_no_conflict(dbs, tmp_path):
    a, b, ta = dbs
    _hard_stamps(a, b, tmp_path)
    _choose(a, CID, "amount", 150 * JT)
    _choose(b, CID, "amount", 150 * JT)
    merge_from(ta, a, b, folder=tmp_path)
    assert CID not in _kinds(ta)
    assert _commitment(ta).amount == 150 * JT


def test_two_desks_checking_one_person_in_keep_the_earliest_arrival(dbs, tmp_path):
    """Before: the arrival of whichever desk's clock ranked last. Now: the earliest."""
    a, b, ta = dbs
    pid = _person(a)
    merge_from(b, a, folder=tmp_path)
    with b.begin() as s:
        registration.check_in(s, pid, dt.datetime(2026, 11, 25, 8, 5))
    with a.begin() as s:  # later in the version order, but a later arrival
        registration.check_in(s, pid, dt.datetime(2026, 11, 25, 8, 10))
    merge_from(ta, a, b, folder=tmp_path)
    with ta.begin() as s:
        person = s.get(Participant, pid)
        assert person.checked_in_at == dt.datetime(2026, 11, 25, 8, 5)
        assert person.checked_in_station == "MKB2"
    assert verify_invariants(ta) == []
