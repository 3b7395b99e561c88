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


def test_a_key_holding_peer_sending_bad_rows_is_refused_whole(tmp_path, monkeypatch):
    from bid_desktop.sync.live import server

    a, b = _db(tmp_path, "REG1"), _db(tmp_path, "J3A")
    add_people(a, EVENT, "A", 20)
    before = version_ids(b.path)
    honest = server.package_of

    def forged(ctx, batch):  # type: ignore[no-untyped-def]
        rows = list(batch.rows)
        rows[-1] = (*rows[-1][:3], "bukan-jam", *rows[-1][4:])  # one bad clock among good rows
        return honest(ctx, vector.Batch(rows=rows, parents=batch.parents))

    monkeypatch.setattr(server, "package_of", forged)
    node_a = LiveNode(a, host="127.0.0.1", long_poll=1.0, pull_back=False)
    node_b = LiveNode(b, host="127.0.0.1", long_poll=1.0, pull_back=False)
    try:
        node_b.add_peer(f"127.0.0.1:{node_a.port}")
        wait_until(lambda: node_b.statuses()[0].state == "ditolak", "refused")
        assert "langsung-REG1" in node_b.statuses()[0].reason
        assert version_ids(b.path) == before  # nothing of the batch, not even its good rows
    finally:
        node_a.stop()
        node_b.stop()
    a.dispose()
    b.dispose()


def test_garbage_from_a_peer_is_refused_before_anything_is_sent(tmp_path):
    import threading
    from http.server import BaseHTTPRequestHandler, HTTPServer

    from bid_desktop.sync.live import client, protocol

    heard: list[bytes] = []

    class Junk(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            body = b'{"s": "' + b"0" * 32 + b'", "proof": "00"}'
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_POST(self) -> None:  # noqa: N802
            heard.append(self.rfile.read(int(self.headers["Content-Length"])))

        def log_message(self, *args: object) -> None:
            return

    junk = HTTPServer(("127.0.0.1", 0), Junk)
    threading.Thread(target=junk.serve_forever, daemon=True).start()
    try:
        with pytest.raises(client.PeerError, match="kunci"):
            client.pull(
                f"127.0.0.1:{junk.server_address[1]}",
                protocol.auth_key(b"k" * 32),
                "J3A",
                {"J3A": ("000001732345678901.000003", 7)},
                {},
                wait=0,
            )
    finally:
        junk.shutdown()
        junk.server_close()
    assert heard == []  # not even the station code or the vector went out
