"""A package is checked for meaning, not only shape (sync.md law 8): what the forms refuse, a
package is refused for too, with one line naming the file, and the database stays as it was."""

from __future__ import annotations

import datetime as dt
import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from bid_desktop.domain import ids
from bid_desktop.services import bursa_floor, commitments
from bid_desktop.services.errors import InputRefused
from bid_desktop.storage.db import Database
from bid_desktop.storage.models import Commitment, Participant, Rating
from bid_desktop.sync import meaning
from bid_desktop.sync.merge import export_versions, merge_staged
from tests.conftest import make_event_db
from tests.sync.helpers import add_innovation, state

EVENT = "0190f000-0000-7000-8000-00000000d018"
DESA = "18.06.20.2001"
PID = "0190f000-0000-7000-8000-0000000000a1"


def _row(entity: str) -> str:
    return f"rowid = (SELECT MAX(rowid) FROM version WHERE entity = '{entity}')"


def _set(entity: str, path: str, value: str) -> str:
    return f"UPDATE version SET payload = json_set(payload, '{path}', {value}) WHERE {_row(entity)}"


NOBODY = str(uuid.UUID(int=7))
TAMPER = {
    "amount as text": (_set("commitment", "$.amount", "'200 jt'"), "commitment.amount"),
    "amount 1.5e300": (_set("commitment", "$.amount", "1.5e300"), "commitment.amount"),
    "amount above the form's limit": (
        _set("commitment", "$.amount", str(10**14)),
        "commitment.amount",
    ),
    "voided = 'ya'": (_set("commitment", "$.voided", "'ya'"), "commitment.voided"),
    "score 99": (_set("rating", "$.score", "99"), "rating.score"),
    "year as text": (_set("commitment", "$.planned_year", "'2027'"), "commitment.planned_year"),
    "year out of range": (_set("commitment", "$.planned_year", "1890"), "commitment.planned_year"),
    "250 KB name": (
        _set("participant", "$.name", "printf('%.*c', 256000, 'x')"),
        "participant.name",
    ),
    "time that is no time": (_set("rating", "$.rated_at", "'besok'"), "rating.rated_at"),
    "event_id as a JSON number": (_set("commitment", "$.event_id", "12345"), "commitment.event_id"),
    "tombstone of the event": (
        f"UPDATE version SET deleted = 1 WHERE {_row('event')}",
        "event: tidak boleh dihapus",
    ),
    "tombstone of an audit entry": (
        f"UPDATE version SET deleted = 1 WHERE {_row('audit_entry')}",
        "audit_entry: tidak boleh dihapus",
    ),
    "commitment for a desa that does not exist": (
        _set("commitment", "$.desa_code", "'99.99.99.9999'"),
        "commitment.desa_code menunjuk desa",
    ),
    "commitment for an innovation that does not exist": (
        _set("commitment", "$.innovation_id", f"'{NOBODY}'"),
        "commitment.innovation_id menunjuk innovation",
    ),
    "rating by a participant who does not exist": (
        _set("rating", "$.participant_id", f"'{NOBODY}'"),
        "rating.participant_id menunjuk participant",
    ),
}


@pytest.fixture
def laptops(tmp_path: Path) -> Iterator[tuple[Database, Database]]:
    a = make_event_db(tmp_path / "a.sqlite", "MKA1", EVENT)
    b = make_event_db(tmp_path / "b.sqlite", "MKB2", EVENT)
    for db in (a, b):
        add_innovation(db, EVENT)
    with a.begin() as s:
        s.add(Participant(id=PID, event_id=EVENT, number="MKA1-0001", name="Siti", desa_code=DESA))
        s.add(
            Commitment(
                id=ids.commitment_id(EVENT, DESA, "A01"), event_id=EVENT, desa_code=DESA,
                innovation_id=ids.innovation_id(EVENT, "A01"), innovation_code="A01",
                amount=150_000_000, planned_year=2027,
            )
        )  # fmt: skip
        s.add(
            Rating(
                id=ids.rating_id(EVENT, PID, "A01"), event_id=EVENT, participant_id=PID,
                innovation_id=ids.innovation_id(EVENT, "A01"), score=4,
                rated_at=dt.datetime(2026, 11, 25, 10, 0),
            )
        )  # fmt: skip
        commitments.void_commitment(s, ids.commitment_id(EVENT, DESA, "A01"), "salah", "123456")
    yield a, b
    a.dispose()
    b.dispose()


def test_the_untouched_package_merges(laptops, tmp_path):
    a, b = laptops
    path = tmp_path / "ok.sqlite"
    export_versions(a, path)
    assert merge_staged(b, [path]).added >= 3


@pytest.mark.parametrize("case", sorted(TAMPER))
def test_meaningless_rows_are_refused(laptops, tmp_path, case):
    a, b = laptops
    sql, reason = TAMPER[case]
    path = tmp_path / "paket.sqlite"
    export_versions(a, path)
    with sqlite3.connect(path) as conn:
        assert conn.execute(sql).rowcount == 1
    before = state(b)
    with pytest.raises(InputRefused) as refused:
        merge_staged(b, [path])
    message = str(refused.value)
    assert message.startswith("paket") and reason in message and "\n" not in message
    assert state(b) == before


def test_the_bounds_are_the_forms_bounds():
    assert (meaning.MIN_YEAR, meaning.MAX_YEAR) == (commitments.MIN_YEAR, commitments.MAX_YEAR)
    assert meaning.RANGES[("rating", "score")] == (
        min(bursa_floor.SCORES),
        max(bursa_floor.SCORES),
    )
