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
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import HEADER, ROOT, machine, qt_env, ratio, row, wait_line
from bench.live_setup import catch_up, combos_of, floor, free_port, make_db, snapshot


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
