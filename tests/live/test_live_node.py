"""Live nodes in one process (real HTTP on 127.0.0.1, real SQLite files): a laptop holding a
station's versions with a hole (restored from an older backup) gets the hole filled, a peer
with the same station code is refused, batches are cut in clock order within their bounds."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bid_desktop.services.live import LiveNode
from bid_desktop.sync.live import vector
from bid_desktop.sync.merge import merge_staged
from tests.conftest import make_event_db
from tests.live.procs import add_people, version_ids, wait_until
from tests.sync.helpers import stage

EVENT = "0190f000-0000-7000-8000-00000000e115"
pytestmark = pytest.mark.timeout(120)


def _db(tmp_path: Path, station: str):
    return make_event_db(tmp_path / f"{station.lower()}.sqlite", station, EVENT)


def test_a_hole_in_a_station_history_is_filled(tmp_path):
    source, hole = _db(tmp_path, "REG1"), _db(tmp_path, "J3A")
    add_people(source, EVENT, "A", 30)
    staged = stage(source, tmp_path)
    conn = sqlite3.connect(staged)
    # keep the first and the last versions of REG1, drop every tenth in between
    conn.execute("DELETE FROM version WHERE station = 'REG1' AND rowid % 10 = 5 AND rowid > 20")
    conn.execute(
        "DELETE FROM version_parent WHERE version_id NOT IN (SELECT version_id FROM version)"
    )
    conn.commit()
    conn.close()
    merge_staged(hole, [staged])
    missing = version_ids(source.path) - version_ids(hole.path)
    assert missing  # and REG1's latest clock is the same on both: only the counts tell
    serving = LiveNode(source, host="127.0.0.1", long_poll=1.0)
    pulling = LiveNode(hole, host="127.0.0.1", long_poll=1.0)
    pulling.context.max_rows = serving.context.max_rows = 7  # pages, so the cursor is used
    try:
        pulling.add_peer(f"127.0.0.1:{serving.port}")
        wait_until(lambda: version_ids(source.path) <= version_ids(hole.path), "the hole is filled")
    finally:
        pulling.stop()
        serving.stop()
    source.dispose()
    hole.dispose()


def test_same_station_code_is_refused(tmp_path):
    a = make_event_db(tmp_path / "a.sqlite", "REG1", EVENT)
    b = make_event_db(tmp_path / "b.sqlite", "REG1", EVENT)
    add_people(a, EVENT, "A", 2)
    before = version_ids(b.path)
    node_a = LiveNode(a, host="127.0.0.1", long_poll=1.0)
    node_b = LiveNode(b, host="127.0.0.1", long_poll=1.0)
    try:
        node_b.add_peer(f"127.0.0.1:{node_a.port}")
        wait_until(lambda: node_b.statuses()[0].state == "ditolak", "refused")
        assert "stasiun" in node_b.statuses()[0].reason
    finally:
        node_a.stop()
        node_b.stop()
    assert version_ids(b.path) == before
    a.dispose()
    b.dispose()


def test_batches_are_bounded_and_cut_between_clock_values(tmp_path):
    db = _db(tmp_path, "REG1")
    add_people(db, EVENT, "A", 40)
    conn = vector.connect(db.path)
    mine, _top = vector.read_vector(conn)
    got: list[tuple] = []
    theirs: vector.Vector = {}
    while True:
        batch = vector.select_batch(conn, mine, theirs, {}, max_rows=9, max_bytes=10**6)
        assert 0 < len(batch.rows) <= 9
        got.extend(batch.rows)
        for row in batch.rows:
            hlc, n = theirs.get(row[4], ("", 0))
            theirs[row[4]] = (max(hlc, row[3]), n + 1)
        if not batch.more:
            break
    conn.close()
    assert sorted(r[0] for r in got) == sorted(version_ids(db.path))
    assert vector.behind(mine, theirs) == 0
    db.dispose()


def test_a_typed_address_on_one_side_is_enough(tmp_path):
    a, b = _db(tmp_path, "REG1"), _db(tmp_path, "J3A")
    add_people(a, EVENT, "A", 3)
    add_people(b, EVENT, "B", 3)
    node_a = LiveNode(a, host="127.0.0.1", long_poll=1.0)
    node_b = LiveNode(b, host="127.0.0.1", long_poll=1.0)
    try:
        node_b.add_peer(f"127.0.0.1:{node_a.port}")  # typed on J3A only
        wait_until(lambda: version_ids(a.path) == version_ids(b.path), "both ways")
        assert [p.station for p in node_a.statuses()] == ["J3A"]
    finally:
        node_a.stop()
        node_b.stop()
    a.dispose()
    b.dispose()
