"""Databases and the in-process figures of bench_live: the floor (one direct pull + checks +
merge of a one-stamp batch) and a late laptop's catch-up (longest live merge transaction)."""

from __future__ import annotations

import random
import sqlite3
import statistics
import time
from pathlib import Path

EVENT = "0190f000-0000-7000-8000-00000000b015"
PASSPHRASE = "bench-live-gisting"


def make_db(path: Path, station: str) -> None:
    import datetime as dt

    from bid_desktop.services.demo import menu_path
    from bid_desktop.services.events import EventSetup, create_event
    from bid_desktop.services.import_catalog import import_csv_menu
    from bid_desktop.storage.db import open_database

    db = open_database(path)
    with db.begin() as s:
        create_event(
            s,
            EventSetup(
                name="BID Gisting (bench)",
                date=dt.date(2026, 11, 25),
                kecamatan_codes=["18.06.20"],
                station=station,
                passphrase=PASSPHRASE,
                event_id=EVENT,
            ),
        )
    with db.begin() as s:
        import_csv_menu(s, menu_path())
    db.dispose()


def combos_of(path: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(path)
    desa = [r[0] for r in conn.execute("SELECT code FROM desa ORDER BY code")]
    inno = [r[0] for r in conn.execute("SELECT code FROM innovation ORDER BY code")]
    conn.close()
    pairs = [(d, i) for d in desa for i in inno]
    random.Random(15).shuffle(pairs)
    return pairs


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def snapshot(path: Path) -> tuple[frozenset[str], str]:
    conn = sqlite3.connect(path, timeout=30)
    try:
        versions = frozenset(r[0] for r in conn.execute("SELECT version_id FROM version"))
        live = repr(conn.execute("SELECT * FROM commitment ORDER BY id").fetchall())
        return versions, live
    finally:
        conn.close()


def floor(folder: Path) -> tuple[float, int]:
    """Median ms of one handshake + pull + package checks + merge of one new stamp; the size
    of the stamp's version payload (bytes)."""
    from bid_desktop.services.commitments import StampInput, stamp_commitment
    from bid_desktop.services.live import LiveNode
    from bid_desktop.storage.db import open_database
    from bid_desktop.sync.live import client, protocol

    make_db(folder / "f-table.sqlite", "MKA1")
    make_db(folder / "f-j3.sqlite", "J3A")
    table, j3 = open_database(folder / "f-table.sqlite"), open_database(folder / "f-j3.sqlite")
    serving = LiveNode(table, host="127.0.0.1", poll=3600)
    pulling = LiveNode(j3, host="127.0.0.1", poll=3600)
    akey = protocol.auth_key(pulling.me.package_key)
    address = f"127.0.0.1:{serving.port}"
    pulling._merge(client.pull(address, akey, "J3A", {}, {}, wait=0))  # the initial state
    pulling.watcher.refresh()
    times, size = [], 0
    for desa, inno in combos_of(folder / "f-table.sqlite")[:15]:
        with table.begin() as s:
            stamp_commitment(s, StampInput(desa, inno, 10_000_000, 2027))
        serving.watcher.refresh()
        start = time.perf_counter()
        mine, _g = pulling.watcher.snapshot()
        answer = client.pull(address, akey, "J3A", mine, {}, wait=0)
        pulling._merge(answer)
        times.append((time.perf_counter() - start) * 1000)
        size = len(answer.package)
    serving.stop()
    pulling.stop()
    table.dispose()
    j3.dispose()
    return statistics.median(times), size


def catch_up(folder: Path, people: int = 10_000) -> tuple[int, float, float, float]:
    """A laptop joining late pulls ``people`` registrations: (versions, seconds to catch up,
    longest live merge transaction, one merge of the same versions as a USB package would)."""
    import uuid

    from bid_desktop.services import live
    from bid_desktop.storage.db import open_database
    from bid_desktop.storage.models import Participant
    from bid_desktop.sync import batch
    from bid_desktop.sync.merge import export_versions, merge_staged

    make_db(folder / "c-reg1.sqlite", "REG1")
    make_db(folder / "c-j3.sqlite", "J3A")
    make_db(folder / "c-usb.sqlite", "MKA1")
    source = open_database(folder / "c-reg1.sqlite")
    with source.begin() as s:
        for i in range(people):
            s.add(
                Participant(
                    id=str(uuid.uuid4()),
                    event_id=EVENT,
                    number=f"REG1-{i:05d}",
                    name=f"Peserta {i}",
                    desa_code="18.06.20.2001",
                )
            )
    late, usb = open_database(folder / "c-j3.sqlite"), open_database(folder / "c-usb.sqlite")
    durations: list[float] = []
    original = batch.merge_each

    def timed(*args, **kwargs):  # type: ignore[no-untyped-def]
        start = time.perf_counter()
        result = original(*args, **kwargs)
        durations.append(time.perf_counter() - start)
        return result

    live.batch.merge_each = timed  # type: ignore[attr-defined]
    serving = live.LiveNode(source, host="127.0.0.1")
    pulling = live.LiveNode(late, host="127.0.0.1", pull_back=False)
    wanted = snapshot(folder / "c-reg1.sqlite")[0]
    start = time.perf_counter()
    pulling.add_peer(f"127.0.0.1:{serving.port}")
    while not wanted <= snapshot(folder / "c-j3.sqlite")[0]:
        time.sleep(0.05)
    took = time.perf_counter() - start
    serving.stop()
    pulling.stop()
    live.batch.merge_each = original  # type: ignore[attr-defined]
    export_versions(source, folder / "c-all.sqlite")
    usb_start = time.perf_counter()
    merge_staged(usb, [folder / "c-all.sqlite"])
    usb_took = time.perf_counter() - usb_start
    for db in (source, late, usb):
        db.dispose()
    return len(wanted), took, max(durations), usb_took
