"""Live sync with REAL `bid-desktop live` processes exchanging over 127.0.0.1 (issue 15):
convergence and relay through a chain, a wrong-key peer refused both ways, a connection
dropped mid-transfer (nothing half merged, catch-up afterwards)."""

from __future__ import annotations

import datetime as dt
import http.client
import json
from pathlib import Path

import pytest

from bid_desktop.services.events import EventSetup, create_event
from bid_desktop.storage.db import open_database
from bid_desktop.sync import keys
from bid_desktop.sync.invariants import verify_invariants
from bid_desktop.sync.live import client, protocol
from tests.conftest import GISTING, make_event_db
from tests.live.procs import (
    CuttingProxy,
    LiveProcess,
    add_people,
    free_port,
    rename_first_desa,
    version_ids,
    wait_until,
)
from tests.sync.helpers import state

EVENT = "0190f000-0000-7000-8000-00000000e015"
pytestmark = pytest.mark.timeout(240)


@pytest.fixture
def procs():
    started: list[LiveProcess] = []
    yield started
    for proc in started:
        proc.stop()


def _db(tmp_path: Path, station: str):
    return make_event_db(tmp_path / f"{station.lower()}.sqlite", station, EVENT)


def _same_state(paths: list[Path]) -> bool:
    dbs = [open_database(p) for p in paths]
    try:
        states = [state(db) for db in dbs]
        return all(s == states[0] for s in states[1:])
    finally:
        for db in dbs:
            db.dispose()


def test_three_processes_converge_through_a_chain_with_a_conflict(tmp_path, procs):
    dbs = {s: _db(tmp_path, s) for s in ("REG1", "J3A", "MKA1")}
    # concurrent edits of one field before anyone talks: a hard conflict on every laptop
    rename_first_desa(dbs["REG1"], "Desa Nama Satu")
    rename_first_desa(dbs["MKA1"], "Desa Nama Dua")
    paths = {s: db.path for s, db in dbs.items()}
    ports = {s: free_port() for s in dbs}
    # a chain: REG1 — J3A — MKA1 (the ends never talk: J3A relays)
    links = {"REG1": ["J3A"], "J3A": ["REG1", "MKA1"], "MKA1": ["J3A"]}
    for s, peers in links.items():
        procs.append(
            LiveProcess(paths[s], ports[s], [ports[p] for p in peers], tmp_path / f"{s}.log")
        )
    for proc in procs:
        proc.start()
    reg_people = add_people(dbs["REG1"], EVENT, "REG1", 5)
    mka_people = add_people(dbs["MKA1"], EVENT, "MKA1", 3)
    wanted = version_ids(paths["REG1"]) | version_ids(paths["MKA1"])
    for db in dbs.values():
        db.dispose()
    wait_until(
        lambda: all(wanted <= version_ids(p) for p in paths.values()), "every version everywhere"
    )
    wait_until(lambda: _same_state(list(paths.values())), "identical live rows and conflicts")
    reg = open_database(paths["MKA1"])
    try:
        with reg.engine.connect() as conn:
            got = {r[0] for r in conn.exec_driver_sql("SELECT id FROM participant")}
            kinds = [r[0] for r in conn.exec_driver_sql("SELECT kind FROM conflict")]
        assert set(reg_people) | set(mka_people) <= got  # REG1's people reached MKA1 via J3A
        assert kinds == ["hard"]
        assert verify_invariants(reg) == []
    finally:
        reg.dispose()
    # the conflict was announced where versions arrived carrying it
    assert "hard conflict: desa" in procs[0].output() + procs[2].output()
    # a restarted laptop catches up with what was written while it was away
    procs[2].stop()
    late = open_database(paths["REG1"])
    add_people(late, EVENT, "LATE", 2)
    wanted = version_ids(paths["REG1"])
    late.dispose()
    procs[2].start()
    wait_until(lambda: wanted <= version_ids(paths["MKA1"]), "catch-up after a restart")


def _stranger_db(path: Path, home: Path, monkeypatch: pytest.MonkeyPatch):
    """Same event id, same station codes, but another passphrase: another key, kept in the
    stranger laptop's own user data folder ``home`` (the key store is per user)."""
    db = open_database(path)
    with monkeypatch.context() as env, db.begin() as session:
        env.setenv("BID_DATA_DIR", str(home))
        create_event(
            session,
            EventSetup(
                name="Acara Orang Lain",
                date=dt.date(2026, 11, 25),
                kecamatan_codes=[GISTING],
                station="REG9",
                passphrase="bukan-kata-sandi-ini",
                event_id=EVENT,
            ),
        )
    return db


def test_wrong_key_peer_learns_nothing_and_pushes_nothing(tmp_path, procs, monkeypatch):
    good = _db(tmp_path, "REG1")
    add_people(good, EVENT, "REG1", 2)
    home = tmp_path / "stranger-home"
    stranger = _stranger_db(tmp_path / "stranger.sqlite", home, monkeypatch)
    add_people(stranger, EVENT, "REG9", 2)
    good_before, stranger_before = version_ids(good.path), version_ids(stranger.path)
    ports = [free_port(), free_port()]
    procs.append(LiveProcess(good.path, ports[0], [ports[1]], tmp_path / "good.log"))
    procs.append(LiveProcess(stranger.path, ports[1], [ports[0]], tmp_path / "stranger.log", home))
    for proc in procs:
        proc.start()
    wrong_key = protocol.auth_key(keys.package_key("bukan-kata-sandi-ini", EVENT))
    # a stranger's client is told apart before it learns anything
    with pytest.raises(client.PeerError, match="kunci acara"):
        client.pull(f"127.0.0.1:{ports[0]}", wrong_key, "REG9", {}, {}, wait=0)
    # a stranger who skips the proof check and seals with its own key gets a bare 403
    conn = http.client.HTTPConnection("127.0.0.1", ports[0], timeout=10)
    nonce = protocol.new_nonce()
    conn.request("GET", f"/live/hello?c={nonce}")
    server_nonce = json.loads(conn.getresponse().read())["s"]
    body = protocol.seal_json(
        protocol.session_key(wrong_key, nonce, server_nonce), b"pull", {"station": "REG9"}
    )
    conn.request("POST", f"/live/pull?c={nonce}&s={server_nonce}", body=body)
    answer = conn.getresponse()
    assert (answer.status, answer.read()) == (403, b"")
    # garbage is refused the same way, and the server keeps serving
    conn.request("POST", f"/live/pull?c={nonce}&s={server_nonce}", body=b"\x00" * 64)
    answer = conn.getresponse()
    assert (answer.status, answer.read()) == (403, b"")
    conn.close()
    # both processes have been trying each other for a while: still nothing crossed
    for proc, other in ((procs[0], ports[1]), (procs[1], ports[0])):
        wait_until(lambda p=proc, o=other: f"{o}: ditolak" in p.output(), "refused each other")
    good_key = good_key_of(good)
    answer_ok = client.pull(f"127.0.0.1:{ports[0]}", good_key, "REG2", {}, {}, wait=0)
    assert answer_ok.station == "REG1" and answer_ok.package
    assert version_ids(good.path) == good_before
    assert version_ids(stranger.path) == stranger_before
    good.dispose()
    stranger.dispose()


def good_key_of(db) -> bytes:
    from bid_desktop.services.live import identity

    me = identity(db)
    assert me is not None
    return protocol.auth_key(me.package_key)


def test_connection_dropped_mid_transfer_merges_nothing_then_catches_up(tmp_path, procs):
    source, puller = _db(tmp_path, "REG1"), _db(tmp_path, "J3A")
    add_people(source, EVENT, "REG1", 300)
    wanted = version_ids(source.path)
    before = version_ids(puller.path)
    source_port = free_port()
    procs.append(LiveProcess(source.path, source_port, [], tmp_path / "source.log").start())
    proxy = CuttingProxy(source_port)
    proxy.cut_after = 4000  # the hello passes, the batch (~30 kB) is cut short
    procs.append(LiveProcess(puller.path, free_port(), [proxy.port], tmp_path / "pull.log").start())
    wait_until(lambda: proxy.cuts >= 3, "three answers cut mid-transfer")
    assert version_ids(puller.path) == before  # nothing of a cut batch was merged
    assert verify_invariants(puller) == []
    proxy.cut_after = None
    wait_until(lambda: wanted <= version_ids(puller.path), "catch-up once the link holds")
    assert verify_invariants(puller) == []
    assert "merged" in procs[1].output()
    proxy.close()
    source.dispose()
    puller.dispose()


def test_a_sleeping_laptop_catches_up_when_it_wakes(tmp_path, procs):
    import signal

    a, b = _db(tmp_path, "REG1"), _db(tmp_path, "J3A")
    ports = [free_port(), free_port()]
    procs.append(LiveProcess(a.path, ports[0], [ports[1]], tmp_path / "a.log").start())
    procs.append(LiveProcess(b.path, ports[1], [ports[0]], tmp_path / "b.log").start())
    wait_until(lambda: version_ids(a.path) == version_ids(b.path), "first exchange")
    sleeper = procs[0].proc
    assert sleeper is not None
    sleeper.send_signal(signal.SIGSTOP)  # the lid closes mid long-poll
    try:
        add_people(a, EVENT, "WHILE-ASLEEP", 3)  # written on its disk before it slept
        add_people(b, EVENT, "AWAKE", 3)
        awake_only = version_ids(b.path) - version_ids(a.path)
        assert awake_only
    finally:
        sleeper.send_signal(signal.SIGCONT)
    wait_until(lambda: version_ids(a.path) == version_ids(b.path), "both caught up")
    assert _same_state([a.path, b.path])
    a.dispose()
    b.dispose()
