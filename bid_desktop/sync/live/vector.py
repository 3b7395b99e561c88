"""What a laptop has (a vector: per station, the latest clock and the number of versions) and
the batch of versions a peer lacks.

A station's clock only goes forward, so the versions of one station that a laptop holds are
normally a prefix in clock order: "after" (the latest clock held) says what the peer lacks.
The count guards the rare exception (a laptop restored from an older backup, then holding
later versions but missing some in between): when this laptop holds more versions of a
station up to the peer's "after" than the peer has, that station is a *gap*; the peer then
pulls it again from the start, paged by a cursor ("from") it keeps until the gap is filled.
Batches are cut in clock order with every version of a clock value kept together, so what a
peer has stays a prefix per station.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bid_desktop.sync.validate import STAGE_DDL, VERSION_COLUMNS

Vector = dict[str, tuple[str, int]]  # station → (latest clock held, versions held)

MAX_STATIONS = 512
_VCOLS = ", ".join(VERSION_COLUMNS)


def connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), timeout=10.0, check_same_thread=False)
    conn.execute("PRAGMA busy_timeout=10000")
    conn.execute("PRAGMA trusted_schema=OFF")
    return conn


def read_vector(conn: sqlite3.Connection, after_rowid: int = 0) -> tuple[Vector, int]:
    """(vector of the versions with rowid > ``after_rowid``, highest rowid)."""
    rows = conn.execute(
        "SELECT station, MAX(hlc), COUNT(*) FROM version WHERE rowid > ? GROUP BY station",
        (after_rowid,),
    ).fetchall()
    (top,) = conn.execute("SELECT COALESCE(MAX(rowid), 0) FROM version").fetchone()
    return {str(s): (str(h), int(n)) for s, h, n in rows}, int(top)


def combine(base: Vector, new: Vector) -> Vector:
    out = dict(base)
    for station, (hlc, n) in new.items():
        old_hlc, old_n = out.get(station, ("", 0))
        out[station] = (max(old_hlc, hlc), old_n + n)
    return out


def behind(mine: Vector, theirs: Vector) -> int:
    """How many of my versions the other side does not hold (by counts)."""
    return sum(max(0, n - theirs.get(s, ("", 0))[1]) for s, (_h, n) in mine.items())


def may_lack(
    mine: Vector, theirs: Vector, cursors: dict[str, str], direct: frozenset[str] = frozenset()
) -> bool:
    """True when the other side may lack something I hold (checked in memory), leaving out
    the stations it pulls from directly (``direct``)."""
    if cursors:
        return True
    for station, (hlc, n) in mine.items():
        if station in direct:
            continue
        their_hlc, their_n = theirs.get(station, ("", 0))
        if hlc > their_hlc or n > their_n:
            return True
    return False


def to_json(vector: Vector) -> dict[str, list[Any]]:
    return {s: [h, n] for s, (h, n) in vector.items()}


def from_json(obj: object) -> Vector:
    """A peer's vector, checked (a hostile peer's garbage raises ValueError)."""
    if not isinstance(obj, dict) or len(obj) > MAX_STATIONS:
        raise ValueError("vector")
    out: Vector = {}
    for station, value in obj.items():
        if (
            not isinstance(station, str)
            or len(station) > 16
            or not isinstance(value, list)
            or len(value) != 2
            or not isinstance(value[0], str)
            or len(value[0]) > 40
            or not isinstance(value[1], int)
            or isinstance(value[1], bool)
            or value[1] < 0
        ):
            raise ValueError("vector")
        out[station] = (value[0], value[1])
    return out


def stations_from_json(obj: object) -> frozenset[str]:
    if obj is None:
        return frozenset()
    if not isinstance(obj, list) or len(obj) > MAX_STATIONS:
        raise ValueError("stations")
    if not all(isinstance(s, str) and len(s) <= 16 for s in obj):
        raise ValueError("stations")
    return frozenset(obj)


def cursors_from_json(obj: object) -> dict[str, str]:
    if obj is None:
        return {}
    if not isinstance(obj, dict) or len(obj) > MAX_STATIONS:
        raise ValueError("cursors")
    for station, value in obj.items():
        if not isinstance(station, str) or not isinstance(value, str) or len(value) > 40:
            raise ValueError("cursors")
    return dict(obj)


@dataclass
class Batch:
    rows: list[tuple[Any, ...]] = field(default_factory=list)  # VERSION_COLUMNS
    parents: list[tuple[str, str]] = field(default_factory=list)
    more: bool = False  # cut: ask again
    gaps: list[str] = field(default_factory=list)  # stations to pull again from the start
    payload_bytes: int = 0


class VersionWatcher:
    """This laptop's vector, kept up to date cheaply (``PRAGMA data_version``, then only the
    versions added since the last look); ``wait_change`` wakes the long-polling requests."""

    def __init__(self, db_path: Path) -> None:
        self._conn = connect(db_path)
        self._lock = threading.Condition()
        self._data_version = -1
        self._top = 0
        self.vector: Vector = {}
        self.generation = 0
        self.refresh()

    def refresh(self) -> bool:
        """Look at the database now; True (and waiters woken) when versions were added."""
        with self._lock:
            (dv,) = self._conn.execute("PRAGMA data_version").fetchone()
            if dv == self._data_version:
                return False
            self._data_version = int(dv)
            new, top = read_vector(self._conn, self._top)
            if top == self._top:
                return False
            self.vector = combine(self.vector, new)
            self._top = top
            self.generation += 1
            self._lock.notify_all()
            return True

    def snapshot(self) -> tuple[Vector, int]:
        with self._lock:
            return dict(self.vector), self.generation

    def wait_change(self, generation: int, timeout: float) -> None:
        with self._lock:
            if self.generation == generation:
                self._lock.wait(timeout)

    def close(self) -> None:
        with self._lock:
            self._conn.close()
            self._lock.notify_all()


def _gap(conn: sqlite3.Connection, station: str, after: str, their_n: int, my_n: int) -> bool:
    """True when I hold more versions of ``station`` up to ``after`` than the peer does.

    Counts only the versions past ``after`` (the few new ones, through the (station, hlc)
    index) and takes the rest from ``my_n``; ``my_n`` comes from the watcher, which may lag
    the database, so a hole can be seen one pull late but never where there is none.
    """
    if my_n <= their_n:
        return False
    (newer,) = conn.execute(
        "SELECT COUNT(*) FROM version WHERE station = ? AND hlc > ?", (station, after)
    ).fetchone()
    return my_n - int(newer) > their_n


def select_batch(
    conn: sqlite3.Connection,
    mine: Vector,
    theirs: Vector,
    cursors: dict[str, str],
    *,
    max_rows: int,
    max_bytes: int,
    direct: frozenset[str] = frozenset(),
) -> Batch:
    """The versions (and their parent edges) the peer lacks, at most ``max_rows`` /
    ``max_bytes`` of payload (at least one clock value), in clock order. Stations in
    ``direct`` are left out: the peer is connected to them and gets their versions first hand
    (in a full mesh, relaying them too would send every stamp N-1 times to every laptop)."""
    batch = Batch()
    candidates: list[tuple[Any, ...]] = []
    for station, (hlc, _n) in sorted(mine.items()):
        if station in direct and station not in cursors:
            continue
        if station in cursors:
            after = cursors[station]
        else:
            after, their_n = theirs.get(station, ("", 0))
            if _gap(conn, station, after, their_n, mine[station][1]):
                batch.gaps.append(station)
                continue
            if hlc <= after:
                continue
        candidates.extend(
            conn.execute(
                f"SELECT {_VCOLS} FROM version WHERE station = ? AND hlc > ? "
                "ORDER BY hlc, version_id LIMIT ?",
                (station, after, max_rows + 1),
            )
        )
    candidates.sort(key=lambda r: (r[3], r[4], r[0]))
    _cut(batch, candidates, max_rows, max_bytes)
    batch.parents = _parents(conn, [r[0] for r in batch.rows])
    return batch


def _cut(batch: Batch, candidates: list[tuple[Any, ...]], max_rows: int, max_bytes: int) -> None:
    size = 0
    taken = 0
    for i, row in enumerate(candidates):
        full = taken >= max_rows or (taken > 0 and size + len(row[6]) > max_bytes)
        if full and row[3] != candidates[i - 1][3]:
            batch.more = True
            break
        size += len(row[6])
        taken += 1
    batch.rows = candidates[:taken]
    batch.payload_bytes = size
    batch.more = batch.more or bool(batch.gaps)


def _parents(conn: sqlite3.Connection, ids: list[str]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        marks = ", ".join("?" * len(chunk))
        out.extend(
            conn.execute(
                f"SELECT version_id, parent_id FROM version_parent WHERE version_id IN ({marks})",
                chunk,
            )
        )
    return out


def stage_bytes(
    rows: Iterable[tuple[Any, ...]], parents: list[tuple[str, str]]
) -> tuple[bytes, dict[str, int | str]]:
    """A staged version file (the ``data.sqlite`` of a package) holding ``rows``, built in
    memory (no file, no fsync: a batch is small), and its counts for the manifest."""
    conn = sqlite3.connect(":memory:")
    try:
        for ddl in STAGE_DDL:
            conn.execute(ddl.format(schema="main"))
        conn.executemany(f"INSERT INTO version ({_VCOLS}) VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
        conn.executemany("INSERT INTO version_parent VALUES (?, ?)", parents)
        conn.commit()
        n, lo, hi = conn.execute("SELECT COUNT(*), MIN(hlc), MAX(hlc) FROM version").fetchone()
        (m,) = conn.execute("SELECT COUNT(*) FROM version_parent").fetchone()
        data = conn.serialize()
    finally:
        conn.close()
    return data, {"version": n, "version_parent": m, "min_hlc": lo or "", "max_hlc": hi or ""}
