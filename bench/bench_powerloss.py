"""R1: kill the app hard at random moments while it registers and stamps; nothing confirmed
may be lost and the database must stay intact.

A child process opens the database with the app's own ``open_database`` (WAL,
synchronous=FULL) and loops over what the desks do, each one transaction through the real
services, as the tabs call them: register a walk-in (``registration_forms.register_walkin``),
check an invited participant in by scanning the badge number (``registration.scan``), and
stamp a commitment (``commitments.stamp_commitment``). It prints ``try …`` before and ``ok …``
after each transaction commits ("confirmed", what the UI would show). The parent SIGKILLs it
at a random moment (0–0.8 s after its first confirmation), 100 times, and after every kill
checks: ``PRAGMA integrity_check`` = ok, every confirmed walk-in exists with its version,
every confirmed check-in is still checked in, every commitment holds its last confirmed amount
or one tried after it.

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
import sys, random
from sqlalchemy import select
from bid_desktop.storage.db import open_database
from bid_desktop.storage.models import Participant, Desa, Innovation
from bid_desktop.services.station import require_state
from bid_desktop.services import registration as reg
from bid_desktop.services.registration_forms import ParticipantForm, register_walkin
from bid_desktop.services.commitments import StampInput, stamp_commitment
db = open_database(sys.argv[1]); rng = random.Random(int(sys.argv[2]))
window = sys.argv[3] == "window"
if window:  # the window's path: each action on the task worker, confirmed in its callback
    from PySide6.QtWidgets import QApplication
    from bid_desktop.ui.tasks import TaskManager
    app = QApplication([]); tasks = TaskManager()
def act(work, confirm):
    if not window:
        confirm(work()); return
    done = []
    tasks.run(work, lambda value: (confirm(value), done.append(1)))
    while not done:
        app.processEvents()
with db.begin() as s:
    event_id = require_state(s).event_id
    desa = list(s.scalars(select(Desa.code).where(Desa.event_id == event_id)))
    menu = list(s.scalars(select(Innovation.code).where(Innovation.event_id == event_id)))
    waiting = list(s.scalars(select(Participant.number).where(
        Participant.event_id == event_id, Participant.checked_in_at.is_(None),
        Participant.voided.is_(False))))
rng.shuffle(waiting)
n = 0
def walkin(name, code, phone):
    def work():
        with db.begin() as s:
            print("try P", flush=True)
            row = register_walkin(s, event_id, ParticipantForm(
                name=name, desa_code=code, gender="P", phone=phone, jabatan="Kader_posyandu"))
            return row["id"]
    return work
def scan(number):
    def work():
        with db.begin() as s:
            result = reg.scan(s, event_id, number)
            assert result.row is not None, number
            print(f"try K {result.row['id']} {result.status}", flush=True)
            return result.row["id"], result.status
    return work
def stamp(code, innovation, amount, year):
    def work():
        with db.begin() as s:
            c, _ = stamp_commitment(s, StampInput(code, innovation, amount, year))
            print(f"try C {c.id} {amount} {code} {innovation} {year}", flush=True)
            return c.id
    return work
while True:
    n += 1
    pick = rng.random()
    if pick < 0.45:
        name, code = f"WalkIn-{sys.argv[2]}-{n}", rng.choice(desa)
        phone = f"0812{rng.randrange(10**7, 10**8)}"
        act(walkin(name, code, phone),
            lambda pid: print(f"ok P {pid} {name} {code} +62{phone[1:]}", flush=True))
    elif pick < 0.48 and waiting:  # ~250 invitees spread over the 100 runs
        act(scan(waiting.pop()), lambda r: print(f"ok K {r[0]} {r[1]}", flush=True))
    else:
        amount, code = rng.randrange(5, 121) * 5_000_000, rng.choice(desa)
        innovation, year = rng.choice(menu), rng.choice((2026, 2027, 2028))
        act(stamp(code, innovation, amount, year),
            lambda cid: print(f"ok C {cid} {amount} {code} {innovation} {year}", flush=True))
"""


class Run:
    """Everything the child said, read by a thread so the kill can land at any moment."""

    def __init__(self, db: Path, seed: int, mode: str = "service") -> None:
        self.proc = child(CHILD, str(db), str(seed), mode)
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
    checked_in = state.setdefault("checked_in", set())
    for words in lines:
        if len(words) < 3:
            continue  # "try P": the walk-in's id is known only once it is confirmed
        kind, verb, rid = words[1], words[0], words[2]
        if kind == "P" and verb == "ok":
            state["participants"].add(rid)
            if len(words) >= 6:
                state.setdefault("fields", {})[rid] = tuple(words[3:6])  # name, desa, phone
        elif kind == "K" and verb == "ok":
            checked_in.add(rid)
        elif kind == "C":
            tried = state["tried"].setdefault(rid, [])
            if verb == "ok":
                state["confirmed"][rid] = int(words[3])
                if len(words) >= 7:
                    state.setdefault("stamp_fields", {})[rid] = (words[4], words[5], int(words[6]))
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
        present = {
            r for (r,) in conn.execute("SELECT id FROM participant WHERE checked_in_at IS NOT NULL")
        }
        problems += [f"lost check-in {p}" for p in checked_in - present]
        people = {r[0]: tuple(r[1:]) for r in conn.execute(
            "SELECT id, name, desa_code, phone FROM participant")}  # fmt: skip
        for pid, fields in state.get("fields", {}).items():
            if pid in people and people[pid] != fields:
                problems.append(f"participant {pid}: {people[pid]} != confirmed {fields}")
        stamped = {r[0]: tuple(r[1:]) for r in conn.execute(
            "SELECT c.id, c.desa_code, i.code, c.planned_year FROM commitment c "
            "JOIN innovation i ON i.id = c.innovation_id")}  # fmt: skip
        for cid, fields in state.get("stamp_fields", {}).items():
            if stamped.get(cid, fields)[:2] != fields[:2]:
                problems.append(f"commitment {cid}: {stamped.get(cid)} != confirmed {fields}")
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
    _reopen_the_door(path)
    return path


def _reopen_the_door(path: Path) -> None:
    """The demo has checked most invitees in; undo that (real service, PIN) so the children
    have badges left to scan."""
    from sqlalchemy import select

    from bid_desktop.services.audit import DEFAULT_PIN
    from bid_desktop.services.registration import undo_check_in
    from bid_desktop.storage.db import open_database
    from bid_desktop.storage.models import Participant

    db = open_database(path)
    with db.begin() as session:
        arrived = session.scalars(
            select(Participant.id).where(Participant.checked_in_at.is_not(None))
        ).all()
        for pid in arrived:
            undo_check_in(session, pid, "uji R1: pintu dibuka lagi", DEFAULT_PIN)
    db.dispose()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kills", type=int, default=100)
    args = parser.parse_args()
    db, rng = fresh_db(), random.Random(5)
    state: dict = {"participants": set(), "checked_in": set(), "confirmed": {}, "tried": {}}
    problems: list[str] = []
    confirmed_writes = 0
    start = time.perf_counter()
    for n in range(args.kills):
        run = Run(db, seed=n, mode="window" if n % 2 else "service")  # half through the window
        time.sleep(rng.uniform(0, 0.8))
        run.kill()
        confirmed_writes += sum(1 for w in run.lines if w[0] == "ok")
        problems += check(db, run.lines, state)
    from bid_desktop.storage.db import open_database

    open_database(db).dispose()  # the app reopens it after the last kill
    problems += check(db, [], state)
    print("(every other run drives the window's task worker and prints 'ok' in its callback;")
    print(" every field of confirmed walk-ins and stamps is compared, not only their presence)")
    print(f"{args.kills} hard kills in {time.perf_counter() - start:.0f} s; "
          f"{confirmed_writes} confirmed writes; {len(state['participants'])} walk-ins, "
          f"{len(state['checked_in'])} check-ins and {len(state['confirmed'])} commitments "
          "checked after every kill")  # fmt: skip
    print(f"corrupt databases: {sum('integrity' in p for p in problems)}; "
          f"lost confirmed records: {sum('integrity' not in p for p in problems)}")  # fmt: skip
    for p in problems[:20]:
        print("  " + p)
    print(f"R1 verdict: {'PASS' if not problems else 'FAIL'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
