"""Identity law for stamps (sync.md law 6): the same commitment stamped at two tables on two
laptops of one event is one record, before and after a merge; ratings likewise."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select

from bid_desktop.domain import ids
from bid_desktop.services import bursa_floor, meja
from bid_desktop.storage.models import Commitment, Rating
from bid_desktop.sync.merge import verify_invariants
from tests.bursa_data import add_menu
from tests.conftest import make_event_db
from tests.registration_data import add_invitees
from tests.sync.helpers import conflicts, live_rows, merge_from

EVENT = "0190f000-0000-7000-8000-00000000e004"
DESA = "18.06.20.2003"


def _stamp(db, amount: str) -> str:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        table = meja.table_identity(s)
        assert table is not None
        return meja.stamp(s, table, meja.StampForm(DESA, "b01", amount, 2027)).row["id"]


def _participant(db, name: str) -> str:  # type: ignore[no-untyped-def]
    from bid_desktop.storage.models import Participant

    with db.begin() as s:
        return s.scalars(select(Participant.id).where(Participant.name == name)).one()


def test_same_stamp_on_two_laptops_is_one_record_after_merge(tmp_path: Path):
    a = make_event_db(tmp_path / "a.sqlite", "MKB1", EVENT)
    b = make_event_db(tmp_path / "b.sqlite", "MKB2", EVENT)
    try:
        for db in (a, b):
            add_menu(db)
            add_invitees(db)
        id_a, id_b = _stamp(a, "75jt"), _stamp(b, "Rp 75.000.000")
        assert id_a == id_b == ids.commitment_id(EVENT, DESA, "B01")
        person = _participant(a, "Made Wirawan")
        for db, score in ((a, 3), (b, 4)):
            with db.begin() as s:
                bursa_floor.rate(s, EVENT, person, "B01", score)
        merge_from(a, b, folder=tmp_path)
        merge_from(b, a, folder=tmp_path)
        for db in (a, b):
            with db.begin() as s:
                commitments = s.scalars(select(Commitment)).all()
                ratings = s.scalars(select(Rating)).all()
            assert [c.id for c in commitments] == [id_a]
            assert commitments[0].amount == 75_000_000 and not commitments[0].voided
            assert [r.id for r in ratings] == [ids.rating_id(EVENT, person, "B01")]
            assert verify_invariants(db) == []
        assert live_rows(a)["commitment"] == live_rows(b)["commitment"]
        # the two stamps agree on the amount; only where it was stamped differs: merged on its
        # own (soft, listed), nothing for the user to decide
        for db in (a, b):
            [(record, _e, kind, fields, _heads)] = [
                c for c in conflicts(db) if c[1] == "commitment"
            ]
            assert record == id_a and kind == "soft"
            assert set(json.loads(fields)) <= {"stamped_station", "table_code", "stamped_at"}
        assert live_rows(a)["rating"] == live_rows(b)["rating"]
    finally:
        a.dispose()
        b.dispose()
