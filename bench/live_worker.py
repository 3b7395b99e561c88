"""One laptop of bench_live: the app's LiveNode on its database (static peer list), and, for a
table laptop, commitments stamped at scanner pace by the same service the Meja tab calls; for
Jendela 3, a watcher noting when each commitment becomes visible in its database.

Log (JSON lines, appended, flushed): {"stamp": id, "t": unix time} after each committed stamp;
{"seen": id, "t": unix time} on Jendela 3; {"sent": bytes} at the end.
Run by bench_live: ``python -m bench.live_worker DB PORT PEERS COMBOS_JSON LOG EVERY``.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sys
import threading
import time
from pathlib import Path

from bid_desktop.services.commitments import StampInput, stamp_commitment
from bid_desktop.services.live import LiveNode
from bid_desktop.storage.db import open_database
from bid_desktop.storage.models import Commitment, StationState


def main() -> int:
    db_path, port, peers, combos_path, log_path, every = sys.argv[1:7]
    db = open_database(Path(db_path))
    done = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_a: done.set())
    log = open(log_path, "a", encoding="utf-8")  # noqa: SIM115 - whole process

    def note(obj: dict[str, object]) -> None:
        log.write(json.dumps(obj) + "\n")
        log.flush()

    node = LiveNode(db, host="127.0.0.1", port=int(port))
    for peer in filter(None, peers.split(",")):
        node.add_peer(f"127.0.0.1:{peer}")
    print("ready", flush=True)
    combos = json.loads(Path(combos_path).read_text()) if combos_path != "-" else []
    if combos:
        args = (db, combos, float(every), done, note, node.nudge)
        threading.Thread(target=_stamp, args=args).start()
    elif node.me.station.startswith("J3"):
        threading.Thread(target=_watch, args=(db, done, note), daemon=True).start()
    while not done.wait(1.0):
        note({"sent": node.bytes_sent, "pid": os.getpid(), "t": time.time()})
    note({"sent": node.bytes_sent, "pid": os.getpid(), "t": time.time()})
    node.stop()
    return 0


def _stamp(db, combos, every: float, done: threading.Event, note, nudge) -> None:  # type: ignore[no-untyped-def]
    """One stamp every ``every`` seconds; after a restart, the stamps already made are skipped."""
    from bid_desktop.domain import ids

    with db.begin() as s:
        event_id = str(s.query(StationState).one().event_id)
    go = Path(db.path).with_name("go")
    while not go.exists():  # the bench says when the first exchange has settled
        if done.wait(0.2):
            return
    pace = random.Random(os.getpid())
    if done.wait(pace.uniform(0, every)):  # tables do not stamp in step
        return
    for desa, innovation in combos:
        with db.begin() as s:
            if s.get(Commitment, ids.commitment_id(event_id, desa, innovation)) is not None:
                continue
        if done.wait(every * pace.uniform(0.5, 1.5)):
            return
        with db.begin() as s:
            row, _created = stamp_commitment(s, StampInput(desa, innovation, 10_000_000, 2027))
            cid = row.id
        nudge()  # as the window does on its data_changed signal (ui/live.py)
        note({"stamp": cid, "t": time.time()})


def _watch(db, done: threading.Event, note) -> None:  # type: ignore[no-untyped-def]
    import sqlite3

    conn = sqlite3.connect(str(db.path), timeout=10)
    seen: set[str] = set()
    while not done.wait(0.02):
        rows = conn.execute("SELECT id FROM commitment").fetchall()
        now = time.time()
        for (cid,) in rows:
            if cid not in seen:
                seen.add(cid)
                note({"seen": cid, "t": now})


if __name__ == "__main__":
    sys.exit(main())
