"""Live sync at the venue (issue 15): N real laptop processes on this machine's loopback.

Each process runs the app's ``LiveNode`` (``bench/live_worker.py``) with a static peer list of
every other one (what DNS-SD gives on one hotspot). N-1 table laptops stamp commitments at a
fixed pace through ``stamp_commitment``; Jendela 3 notes when each appears in its database.
Reports: stamp-to-visible-on-J3 p50/p95 (target p95 ≤ 5 s at N = 12), bytes sent per stamp,
CPU of an idle peer, and, after random kill -9 and restarts of table laptops, that every
database converges to the same live tables with nothing lost. Floor, same run: one direct
pull + checks + merge of a one-stamp batch between two nodes (no waiting, no polling).

Run: ``python -m bench.bench_live [--sizes 4 12] [--seconds 20]``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import HEADER, ROOT, machine, qt_env, ratio, row, wait_line

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


class Laptop:
    def __init__(self, folder: Path, station: str, port: int) -> None:
        self.station, self.port = station, port
        self.db = folder / f"{station.lower()}.sqlite"
        self.log = folder / f"{station.lower()}.jsonl"
        self.combos = folder / f"{station.lower()}.json"
        self.every = "0"
        self.peers = ""
        self.proc: subprocess.Popen[str] | None = None

    def start(self) -> None:
        args = [str(self.db), str(self.port), self.peers, str(self.combos), str(self.log)]
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "bench.live_worker", *args, self.every],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env=qt_env(),
            cwd=ROOT,
        )

    def stop(self, kill: bool = False) -> None:
        if self.proc is not None:
            self.proc.send_signal(signal.SIGKILL if kill else signal.SIGTERM)
            self.proc.wait()
            self.proc = None

    def events(self) -> list[dict[str, object]]:
        if not self.log.exists():
            return []
        return [json.loads(ln) for ln in self.log.read_text().splitlines() if ln.strip()]

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    def cpu_ticks(self) -> int:
        assert self.proc is not None
        with open(f"/proc/{self.proc.pid}/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])


def snapshot(path: Path) -> tuple[frozenset[str], str]:
    conn = sqlite3.connect(path, timeout=30)
    try:
        versions = frozenset(r[0] for r in conn.execute("SELECT version_id FROM version"))
        live = repr(conn.execute("SELECT * FROM commitment ORDER BY id").fetchall())
        return versions, live
    finally:
        conn.close()


def converged(laptops: list[Laptop], limit: float = 180.0) -> tuple[bool, float]:
    start = time.monotonic()
    while time.monotonic() - start < limit:
        states = {snapshot(lap.db) for lap in laptops}
        if len(states) == 1:
            return True, time.monotonic() - start
        time.sleep(0.5)
    return False, time.monotonic() - start


def run(n: int, seconds: float, every: float, kills: int, folder: Path) -> dict[str, object]:
    stations = ["J3A"] + [f"MKA{i}" for i in range(1, n)]
    laptops = [Laptop(folder, s, free_port()) for s in stations]
    for lap in laptops:
        make_db(lap.db, lap.station)
    pairs = combos_of(laptops[0].db)
    per_table = int(seconds / every)
    tables = laptops[1:]
    for i, lap in enumerate(laptops):
        lap.peers = ",".join(str(o.port) for o in laptops if o is not lap)
        mine = pairs[i - 1 :: len(tables)][:per_table] if i else []
        lap.combos.write_text(json.dumps(mine))
        lap.every = str(every)
    for lap in laptops:
        lap.start()
    for lap in laptops:
        assert lap.proc is not None
        wait_line(lap.proc, "ready")  # type: ignore[arg-type]
    converged(laptops)  # the first exchange (every laptop's menu and event) settles
    time.sleep(1.5)
    baseline = time.time()
    busy0 = {lap.station: (lap.pid, lap.cpu_ticks()) for lap in laptops}
    (folder / "go").touch()
    killed: set[str] = set()
    if kills:
        time.sleep(seconds / 3)
        victims = random.Random(n).sample(tables, kills)
        for lap in victims:
            lap.stop(kill=True)
            killed.add(lap.station)
        time.sleep(3.0)
        for lap in victims:
            lap.start()
    time.sleep(seconds + 2 * every)  # the tables finish their lists
    ok, catch_up = converged(laptops)
    # a killed laptop's CPU before its kill is lost: the figure is a lower bound with kills
    busy = sum(
        lap.cpu_ticks() - (busy0[lap.station][1] if busy0[lap.station][0] == lap.pid else 0)
        for lap in laptops
    )
    time.sleep(2.0)
    ticks0 = [lap.cpu_ticks() for lap in laptops]
    idle = 10.0
    time.sleep(idle)
    ticks1 = [lap.cpu_ticks() for lap in laptops]
    for lap in laptops:
        lap.stop()
    idle_ticks = [(b - a) / idle for a, b in zip(ticks0, ticks1, strict=True)]
    figures = _figures(laptops, killed, ok, catch_up, idle_ticks, baseline)
    hz = os.sysconf("SC_CLK_TCK")
    receipts = max(int(figures["stamps"]) * (n - 1), 1)  # type: ignore[call-overload]
    figures["cpu_ms_per_receipt"] = 1000.0 * busy / hz / receipts
    return figures


def _sent_since(lap: Laptop, baseline: float, end: float) -> int:
    """Bytes a laptop's server sent between ``baseline`` and ``end`` (every incarnation)."""
    first: dict[object, int] = {}
    last: dict[object, int] = {}
    for ev in lap.events():
        if "sent" not in ev:
            continue
        pid, t, sent = ev.get("pid"), float(ev.get("t", 0)), int(ev["sent"])  # type: ignore[arg-type]
        if t <= baseline:
            first[pid] = sent
        elif t <= end:
            last[pid] = sent
    return sum(n - first.get(pid, 0) for pid, n in last.items())


def _figures(laptops, killed, ok, catch_up, idle_ticks, baseline):  # type: ignore[no-untyped-def]
    hz = os.sysconf("SC_CLK_TCK")
    stamps: dict[str, float] = {}
    steady: set[str] = set()
    for lap in laptops[1:]:
        for ev in lap.events():
            if "stamp" in ev:
                stamps[str(ev["stamp"])] = float(ev["t"])  # type: ignore[arg-type]
                if lap.station not in killed:
                    steady.add(str(ev["stamp"]))
    seen = {str(e["seen"]): float(e["t"]) for e in laptops[0].events() if "seen" in e}  # type: ignore[arg-type]
    latency = sorted(seen[c] - stamps[c] for c in steady if c in seen)
    end = max(seen.values(), default=baseline) + 1.0
    sent = sum(_sent_since(lap, baseline, end) for lap in laptops)
    final = {snapshot(lap.db) for lap in laptops}
    everywhere = next(iter(final))[1] if len(final) == 1 else ""
    lost = [c for c in stamps if c not in everywhere]
    cpu = [100.0 * t / hz for t in idle_ticks]
    return {
        "n": len(laptops),
        "stamps": len(stamps),
        "p50": statistics.median(latency) if latency else float("nan"),
        "p95": latency[int(0.95 * (len(latency) - 1))] if latency else float("nan"),
        "bytes_per_stamp": sent / max(len(stamps), 1),
        "idle_cpu_mean": statistics.mean(cpu),
        "idle_cpu_max": max(cpu),
        "converged": ok and not lost,
        "catch_up": catch_up,
        "killed": sorted(killed),
        "lost": len(lost),
    }


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


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[4, 12])
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--every", type=float, default=3.0, help="seconds between stamps")
    args = parser.parse_args()
    print(machine(), flush=True)
    with tempfile.TemporaryDirectory(prefix="bid-bench-live-") as tmp:
        floor_ms, one_package = floor(Path(tmp))
        print(HEADER)
        versions, took, longest, usb = catch_up(Path(tmp))
        row(
            f"late laptop catches up {versions:,} versions: longest live merge transaction",
            f"{longest * 1000:.0f} ms",
            f"{usb * 1000:.0f} ms one USB merge of them all",
            ratio(longest, usb),
            "short: the DB worker waits at most this",
            True,
        )
        row(
            f"late laptop catches up {versions:,} versions: total",
            f"{took:.1f} s",
            f"{usb:.1f} s",
            ratio(took, usb),
            "—",
            True,
        )
        for n in args.sizes:
            folder = Path(tmp) / f"n{n}"
            folder.mkdir()
            kills = 2 if n >= 8 else 1
            every = args.every
            f = run(n, args.seconds, every, kills, folder)
            print(f"N={n}: {json.dumps(f)}", flush=True)
            p95 = float(f["p95"])  # type: ignore[arg-type]
            row(
                f"N={n} stamp→visible on J3, p50",
                f"{float(f['p50']) * 1000:.0f} ms",  # type: ignore[arg-type]
                f"{floor_ms:.0f} ms",
                ratio(float(f["p50"]) * 1000, floor_ms),
                "—",
                True,
            )  # type: ignore[arg-type]
            row(
                f"N={n} stamp→visible on J3, p95",
                f"{p95 * 1000:.0f} ms",
                f"{floor_ms:.0f} ms",
                ratio(p95 * 1000, floor_ms),
                "≤ 5 s",
                p95 <= 5.0,
            )
            row(
                f"N={n} bytes sent per stamp (all laptops)",
                f"{float(f['bytes_per_stamp']):,.0f} B",  # type: ignore[arg-type]
                f"{one_package:,} B one-stamp package",
                ratio(float(f["bytes_per_stamp"]), one_package),  # type: ignore[arg-type]
                "—",
                True,
            )
            row(
                f"N={n} CPU per stamp per receiving laptop (all processes, stamping phase)",
                f"{float(f['cpu_ms_per_receipt']):.0f} ms",  # type: ignore[arg-type]
                f"{floor_ms:.0f} ms",
                ratio(float(f["cpu_ms_per_receipt"]), floor_ms),  # type: ignore[arg-type]
                "—",
                True,
            )
            row(
                f"N={n} CPU of an idle peer (mean / max)",
                f"{float(f['idle_cpu_mean']):.1f} % / {float(f['idle_cpu_max']):.1f} %",  # type: ignore[arg-type]
                "—",
                "—",
                "—",
                True,
            )
            row(
                f"N={n} converged after kill -9 of {f['killed']} + restart, {f['stamps']} stamps",
                f"{'yes' if f['converged'] else 'NO'}, {f['lost']} lost, {float(f['catch_up']):.1f} s",  # type: ignore[arg-type]
                "—",
                "—",
                "same live tables, nothing lost",
                bool(f["converged"]),
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
