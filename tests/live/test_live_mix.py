"""Live sync alongside USB packages, and clocks far apart (in one process, real HTTP on
127.0.0.1, real SQLite files): every laptop ends identical, whatever path each change took."""

from __future__ import annotations

from pathlib import Path

import pytest

from bid_desktop.services import sync as sync_service
from bid_desktop.services.live import LiveNode
from bid_desktop.sync import clock
from bid_desktop.sync.invariants import verify_invariants
from tests.conftest import make_event_db
from tests.live.procs import add_people, rename_first_desa, version_ids, wait_until
from tests.sync.helpers import clock as clock_of
from tests.sync.helpers import state

EVENT = "0190f000-0000-7000-8000-00000000e415"
pytestmark = pytest.mark.timeout(120)


def _db(tmp_path: Path, station: str):
    return make_event_db(tmp_path / f"{station.lower()}.sqlite", station, EVENT)


def _live(*dbs):  # type: ignore[no-untyped-def]
    return [LiveNode(db, host="127.0.0.1", long_poll=1.0, pull_back=False) for db in dbs]


def test_usb_and_live_in_any_mix_converge(tmp_path):
    a, b, c = (_db(tmp_path, s) for s in ("REG1", "J3A", "MKA1"))
    add_people(a, EVENT, "A", 4)
    rename_first_desa(b, "Nama dari J3A")
    rename_first_desa(c, "Nama dari MKA1")  # concurrent with J3A's: a hard conflict
    add_people(c, EVENT, "C", 2)
    # C reaches the others only by USB stick: its package goes into J3A
    usb = tmp_path / "usb"
    sync_service.import_packages(
        b, [sync_service.export_package(c, usb).path], backup_dir=tmp_path / "bk"
    )
    node_a, node_b = _live(a, b)
    try:
        node_a.add_peer(f"127.0.0.1:{node_b.port}")
        node_b.add_peer(f"127.0.0.1:{node_a.port}")
        wait_until(lambda: version_ids(a.path) == version_ids(b.path), "A and J3A live")
        add_people(a, EVENT, "A2", 1)  # while running
        wait_until(lambda: version_ids(a.path) == version_ids(b.path), "the new one too")
    finally:
        node_a.stop()
        node_b.stop()
    # and back by USB to C: REG1's changes reached C through J3A's live copy (relay)
    sync_service.import_packages(
        c, [sync_service.export_package(a, usb).path], backup_dir=tmp_path / "bk"
    )
    assert state(a) == state(b) == state(c)
    for db in (a, b, c):
        assert verify_invariants(db) == []
        db.dispose()


def test_a_peer_with_its_clock_years_ahead_merges_and_pulls_the_clock_along(tmp_path):
    a, b = _db(tmp_path, "REG1"), _db(tmp_path, "J3A")
    real = clock.wall_ms
    clock.wall_ms = lambda: real() + 3 * 365 * 86_400_000  # type: ignore[assignment]
    try:
        add_people(a, EVENT, "FUTURE", 2)
    finally:
        clock.wall_ms = real  # type: ignore[assignment]
    node_a, node_b = _live(a, b)
    try:
        node_b.add_peer(f"127.0.0.1:{node_a.port}")
        wait_until(lambda: version_ids(a.path) <= version_ids(b.path), "the future versions")
    finally:
        node_a.stop()
        node_b.stop()
    assert clock_of(b) >= clock_of(a)  # HLC receive: J3A's next version sorts after them
    a.dispose()
    b.dispose()
