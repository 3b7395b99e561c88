"""Taking one side of a conflict (the review screen's buttons): field labels, hard fields,
the choice replicating as a version whose parents are all the heads."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from bid_desktop.services.errors import UserError
from bid_desktop.storage.models import Participant
from bid_desktop.sync.conflicts import choose_side, conflict_detail, list_conflicts
from bid_desktop.sync.merge import verify_invariants
from tests.conftest import make_event_db
from tests.sync.helpers import conflicts, merge_from, state

EVENT = "0190f000-0000-7000-8000-00000000d002"


@pytest.fixture
def pair(tmp_path: Path):
    a = make_event_db(tmp_path / "a.sqlite", "REG1", EVENT)
    b = make_event_db(tmp_path / "b.sqlite", "REG2", EVENT)
    yield a, b
    a.dispose()
    b.dispose()


def _hard_conflict(a, b, folder: Path) -> str:
    pid = str(uuid.uuid4())
    with a.begin() as s:
        s.add(Participant(id=pid, event_id=EVENT, number="REG1-0001", name="Siti"))
    merge_from(b, a, folder=folder)
    with a.begin() as s:
        s.get(Participant, pid).phone = "+628111111111"
    with b.begin() as s:
        p = s.get(Participant, pid)
        p.phone = "+628222222222"
        p.jabatan = "Sekdes"
    merge_from(a, b, folder=folder)
    merge_from(b, a, folder=folder)
    return pid


def test_detail_labels_fields_and_marks_hard_ones(pair, tmp_path):
    a, b = pair
    pid = _hard_conflict(a, b, tmp_path)
    with a.begin() as s:
        [item] = list_conflicts(s)
        assert item["kind"] == "hard"
        detail = conflict_detail(s, pid)
        rows = {r["field"]: r for r in detail["fields"]}
        assert rows["phone"]["label"] == "Telepon" and rows["phone"]["hard"]
        assert rows["jabatan"]["differs"] and not rows["jabatan"]["hard"]
        assert not rows["name"]["differs"]
        with pytest.raises(UserError):
            choose_side(s, pid, detail["heads"][0]["version_id"], pin="000000")


def test_choosing_the_losing_side_replicates(pair, tmp_path):
    a, b = pair
    pid = _hard_conflict(a, b, tmp_path)
    with a.begin() as s:
        detail = conflict_detail(s, pid)
        phones = {r["field"]: r for r in detail["fields"]}["phone"]["values"]
        loser = detail["heads"][phones.index("+628111111111")]["version_id"]
        values = choose_side(s, pid, loser, pin="123456")
        assert values["phone"] == "+628111111111"
    with a.begin() as s:
        assert s.get(Participant, pid).phone == "+628111111111"
        assert list_conflicts(s) == []
    merge_from(b, a, folder=tmp_path)
    assert conflicts(b) == [] and state(a) == state(b)
    assert verify_invariants(a) == [] and verify_invariants(b) == []


def test_keep_the_merged_result_still_closes_the_conflict(pair, tmp_path):
    a, b = pair
    pid = _hard_conflict(a, b, tmp_path)
    with a.begin() as s:
        before = s.get(Participant, pid).phone
        choose_side(s, pid, None, pin="123456")
    with a.begin() as s:
        assert s.get(Participant, pid).phone == before and list_conflicts(s) == []
    merge_from(b, a, folder=tmp_path)
    assert conflicts(b) == []
