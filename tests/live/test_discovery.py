"""DNS-SD discovery (real zeroconf over the loopback interface): two laptops of one event
find each other; what is advertised names neither the event nor the station; a service of
another event is ignored."""

from __future__ import annotations

import pytest

from bid_desktop.services.live import LiveNode
from bid_desktop.services.live_discovery import start_discovery
from bid_desktop.sync.live import protocol
from tests.conftest import make_event_db
from tests.live.procs import wait_until

EVENT = "0190f000-0000-7000-8000-00000000e215"
pytestmark = pytest.mark.timeout(120)


def test_two_laptops_find_each_other_and_advertise_nothing_identifying(tmp_path):
    a = make_event_db(tmp_path / "a.sqlite", "REG1", EVENT)
    b = make_event_db(tmp_path / "b.sqlite", "J3A", EVENT)
    nodes = [LiveNode(db, host="127.0.0.1", long_poll=1.0) for db in (a, b)]
    found = [start_discovery(n, ["127.0.0.1"]) for n in nodes]
    if None in found:
        pytest.skip("no multicast on this machine's loopback")
    try:
        wait_until(
            lambda: all(any(p.state == "terhubung" for p in n.statuses()) for n in nodes),
            "both laptops found and reached each other",
        )
        stations = {p.station for n in nodes for p in n.statuses()}
        assert stations == {"REG1", "J3A"}, [
            (p.address, p.state) for n in nodes for p in n.statuses()
        ]
        info = found[0].info
        advertised = repr(info.properties) + info.name + str(info.server)
        assert set(info.properties) == {b"id"}
        for secret in (EVENT, "REG1", "Gisting", "gisting"):
            assert secret not in advertised
        # a laptop of another event (another key) is ignored
        other = protocol.discovery_id(b"\x01" * 32)
        assert not found[0].consider({b"id": other.encode()}, ["127.0.0.1"], 9)
        assert len(nodes[0].statuses()) == 1
    finally:
        for item in found:
            if item is not None:
                item.close()
        for node in nodes:
            node.stop()
        a.dispose()
        b.dispose()
