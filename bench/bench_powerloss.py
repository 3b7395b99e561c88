"""R1: kill the app hard at random moments while it registers and stamps; nothing confirmed
may be lost and the database must stay intact.

A child process opens the database with the app's own ``open_database`` (WAL,
synchronous=FULL) and loops: register a walk-in (ORM session + ``next_walkin_seq`` + the
version capture hook, one transaction per action as the registration screen does) and stamp a
commitment with the real ``services.commitments.stamp_commitment``. It prints ``try …`` before
and ``ok …`` after each transaction commits ("confirmed", what the UI would show). The parent
SIGKILLs it at a random moment (0–0.8 s after its first confirmation), 100 times, and after
every kill checks: ``PRAGMA integrity_check`` = ok, every confirmed participant exists with
its version, every commitment holds its last confirmed amount or one tried after it.

SIGKILL loses the process, not the OS page cache: it proves transaction atomicity and WAL
recovery; surviving a real power cut additionally relies on synchronous=FULL (set in db.py).

Run: ``python -m bench.bench_powerloss [--kills 100]``.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import sqlite3
import sys
import threading
import time
from pathlib import Path

from bench.common import OUT, child, wait_line

CHILD = """
import sys, random, datetime as dt
from bid_desktop.storage.db import open_database
from bid_desktop.storage.models import Participant, Desa, Innovation
from bid_desktop.services.station import require_state, next_walkin_seq
from bid_desktop.services.commitments import StampInput, stamp_commitment
from bid_desktop.domain import ids
from bid_desktop.domain.people import participant_search_text
db = open_database(sys.argv[1]); rng = random.Random(int(sys.argv[2]))
with db.begin() as s:
    desa = [d.code for d in s.query(Desa).all()]; menu = [i.code for i in s.query(Innovation).all()]
while True:
    if rng.random() < 0.5:
        with db.begin() as s:
            st = require_state(s); seq = next_walkin_seq(s); pid = ids.new_id()
            number = ids.walkin_number(st.station, seq)
            print(f"try P {pid}", flush=True)
            s.add(Participant(id=pid, event_id=st.event_id, number=number, name=f"Walk In {seq}",
                  search=participant_search_text(f"Walk In {seq}", number), desa_code=rng.choice(desa),
                  source="walk-in", checked_in_at=dt.datetime.now(), checked_in_station=st.station))
        print(f"ok P {pid}", flush=True)
    else:
        amount = rng.randrange(5, 121) * 5_000_000
        with db.begin() as s:
            c, _ = stamp_commitment(s, StampInput(rng.choice(desa), rng.choice(menu), amount, 2027))
            cid = c.id
            print(f"try C {cid} {amount}", flush=True)
        print(f"ok C {cid} {amount}", flush=True)
"""


class Run:
    """Everything the child said, read by a thread so the kill can land at any moment."""

    def __init__(self, db: Path, seed: int) -> None:
        self.proc = child(CHILD, str(db), str(seed))
        self.lines: list[str] = []
        self.lines.append(wait_line(self.proc, "ok ").split())
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            if line.endswith("\n"):
                self.lines.append(line.split())

    def kill(self) -> None:
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait()
        self.reader.join(timeout=10)


def check(db: Path, lines: list[list[str]], state: dict) -> list[str]:
    for words in lines:
        kind, verb, rid = words[1], words[0], words[2]
        if kind == "P" and verb == "ok":
            state["participants"].add(rid)
        elif kind == "C":
            tried = state["tried"].setdefault(rid, [])
            if verb == "ok":
                state["confirmed"][rid] = int(words[3])
                tried.clear()
            tried.append(int(words[3]))
    conn = sqlite3.connect(db)
    try:
        problems = []
        if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            problems.append("integrity_check failed")
        have = {r for (r,) in conn.execute("SELECT id FROM participant")}
        versioned = {r for (r,) in conn.execute("SELECT DISTINCT record_id FROM version")}
        problems += [f"lost participant {p}" for p in state["participants"] - have]
        problems += [f"no version {p}" for p in state["participants"] - versioned]
        amounts = dict(conn.execute("SELECT id, amount FROM commitment"))
        for cid, amount in state["confirmed"].items():
            if amounts.get(cid) not in [amount, *state["tried"].get(cid, [])]:
                problems.append(f"commitment {cid}: {amounts.get(cid)} != confirmed {amount}")
        return problems
    finally:
        conn.close()


def fresh_db() -> Path:
    from bid_desktop.services.demo import build_demo, station_dir

    path = OUT / "powerloss.sqlite"
    for old in [*OUT.glob("powerloss.sqlite*"), *station_dir(path).glob("*")]:
        old.unlink()
    build_demo(path, "event", 1, seed=11)
    return path


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kills", type=int, default=100)
    args = parser.parse_args()
    db, rng = fresh_db(), random.Random(5)
    state: dict = {"participants": set(), "confirmed": {}, "tried": {}}
    problems: list[str] = []
    confirmed_writes = 0
    start = time.perf_counter()
    for n in range(args.kills):
        run = Run(db, seed=n)
        time.sleep(rng.uniform(0, 0.8))
        run.kill()
        confirmed_writes += sum(1 for w in run.lines if w[0] == "ok")
        problems += check(db, run.lines, state)
    from bid_desktop.storage.db import open_database

    open_database(db).dispose()  # the app reopens it after the last kill
    problems += check(db, [], state)
    print(f"{args.kills} hard kills in {time.perf_counter() - start:.0f} s; "
          f"{confirmed_writes} confirmed writes; {len(state['participants'])} walk-ins and "
          f"{len(state['confirmed'])} commitments checked after every kill")  # fmt: skip
    print(f"corrupt databases: {sum('integrity' in p for p in problems)}; "
          f"lost confirmed records: {sum('integrity' not in p for p in problems)}")  # fmt: skip
    for p in problems[:20]:
        print("  " + p)
    print(f"R1 verdict: {'PASS' if not problems else 'FAIL'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
