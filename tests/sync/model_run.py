"""Random multi-laptop histories run on real databases and on the reference model (model.py).

Three laptops of one event share an invited participant ``P`` (imported on each, the same
content) and may stamp one commitment ``C`` (natural id; amounts differ between tables).
Operations: stamp, correct the amount, write a note, void, check in, undo the check-in, set a
phone, resolve a hard conflict by taking a side, and send a package to another laptop (relays
happen naturally: a package holds every version the laptop knows). At the end the TA merges
every laptop's package; the merged record must match the model: every value, which fields
are hard conflicts, and no conflict listed where no two events were concurrent.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bid_desktop.domain import ids
from bid_desktop.storage.db import Database, open_database
from bid_desktop.storage.models import Commitment, Participant
from bid_desktop.sync import clock, threeway
from bid_desktop.sync.conflicts import choose_side, conflict_detail
from bid_desktop.sync.duplicates import link_same_person, mark_not_duplicate, reconcile_all
from bid_desktop.sync.history import json_object_sql
from bid_desktop.sync.merge import merge_staged
from tests.conftest import make_event_db
from tests.sync.helpers import add_innovation, stage
from tests.sync.model import Model

EVENT = "0190f000-0000-7000-8000-00000000d171"
DESA = "18.06.20.2001"
STATIONS = ("MKA1", "MKB2", "REG1")
PIN = "123456"
CID = ids.commitment_id(EVENT, DESA, "A01")
PID = ids.invitee_id(EVENT, "Siti Aminah", DESA, "Kepala Desa")
RECORDS = {"C": (Commitment, CID, "commitment"), "P": (Participant, PID, "participant")}
AMOUNTS = (150_000_000, 175_000_000, 200_000_000)
NOTES = ("dicatat ulang", "sudah dibahas", "")
PHONES = ("+628111111111", "+628222222222", "+628333333333")
PERSON = {"phone": "", "checked_in_at": None, "checked_in_station": ""}
# three registrations of one person, to be linked ("same person") or not, in any order
SAME = [f"0190f000-0000-7000-8000-0000000001{n}0" for n in (1, 2, 3)]
PAIRS = [(SAME[0], SAME[1]), (SAME[0], SAME[2]), (SAME[1], SAME[2])]
LINKS = {f"L{i}": ids.duplicate_link_id(EVENT, list(pair)) for i, pair in enumerate(PAIRS)}
# json form of a column value as the capture hook stores it (SQLite json_object)
_FMT = "%Y-%m-%d %H:%M:%S.%f"


def norm(value: object) -> object:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, dt.datetime):
        return value.strftime(_FMT)
    return value


def make_templates(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = {}
    for station in (*STATIONS, "TA1"):
        path = folder / f"{station}.sqlite"
        db = make_event_db(path, station, EVENT)
        add_innovation(db, EVENT)
        if station != "TA1":
            with db.begin() as s:
                for n, pid in enumerate(SAME, start=1):
                    s.add(
                        Participant(
                            id=pid, event_id=EVENT, number=f"UND-{n:04d}", name="Budi Santoso",
                            desa_code=DESA,
                        )
                    )  # fmt: skip
            with db.begin() as s:
                s.add(
                    Participant(
                        id=PID,
                        event_id=EVENT,
                        number=ids.invitee_number(PID),
                        name="Siti Aminah",
                        desa_code=DESA,
                        jabatan="Kepala Desa",
                        **PERSON,
                    )
                )
        db.dispose()
        out[station] = path
    return out


@dataclass
class Run:
    folder: Path
    laptops: list[Database]
    model: Model
    now: int
    log: list[tuple[Any, ...]]

    def tick(self) -> None:
        self.now += 1000
        wall = self.now
        clock.wall_ms = lambda: wall  # type: ignore[assignment]


def _live(db: Database, rec: str) -> dict[str, object] | None:
    _model, rid, entity = RECORDS[rec]
    with db.engine.connect() as conn:
        row = conn.exec_driver_sql(
            f'SELECT {json_object_sql(entity)} FROM "{entity}" WHERE id = ?', (rid,)
        ).first()
    return None if row is None else json.loads(row[0])


def _resolution(db: Database, rec: str) -> threeway.Resolution | None:
    rid = RECORDS[rec][1]
    with db.engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert isinstance(raw, sqlite3.Connection)
        out = threeway.resolve_records(raw, [rid]).get(rid)
    return out if out is not None and out.fields else None


def _edit(run: Run, who: int, rec: str, values: dict[str, object]) -> None:
    """Set fields of a live record, and tell the model what was written."""
    live = _live(run.laptops[who], rec)
    if live is None:
        return
    changed = {k: v for k, v in values.items() if live.get(k) != norm(v)}
    if not changed:
        return  # nothing changes: no event
    writes = {k: norm(v) for k, v in changed.items()}
    res = _resolution(run.laptops[who], rec)
    if res is not None and set(writes) & set(res.hard_fields):
        # editing a disputed field saves the whole row as shown: it decides every dispute
        writes = {**{k: live.get(k) for k in res.hard_fields}, **writes}
    model_cls, rid, _entity = RECORDS[rec]
    with run.laptops[who].begin() as s:
        obj = s.get(model_cls, rid)
        for k, v in changed.items():
            setattr(obj, k, v)
    run.model.record(who, rec, writes)


def _stamp(run: Run, who: int, amount: int) -> None:
    db = run.laptops[who]
    if _live(db, "C") is not None:
        return _edit(run, who, "C", {"amount": amount})
    table = STATIONS[who]
    values = {"amount": amount, "notes": "", "voided": False, "void_reason": ""}
    values |= {"table_code": table, "stamped_station": table}
    with db.begin() as s:
        s.add(
            Commitment(
                id=CID,
                event_id=EVENT,
                desa_code=DESA,
                innovation_id=ids.innovation_id(EVENT, "A01"),
                innovation_code="A01",
                planned_year=2027,
                stamped_at=dt.datetime(2026, 11, 25, 10, 0),
                **values,
            )
        )
    run.model.record(who, "C", {k: norm(v) for k, v in values.items()}, creation=True)
    return None


def _resolve(run: Run, who: int, rec: str, side: int) -> None:
    db = run.laptops[who]
    res = _resolution(db, rec)
    if res is None or not res.hard_fields:
        return
    rid = RECORDS[rec][1]
    with db.begin() as s:
        detail = conflict_detail(s, rid)
        index = side % len(detail["heads"])
        head = detail["heads"][index]["version_id"]
        chosen = {
            r["field"]: r["values"][index]
            for r in detail["fields"]
            if r["differs"] and r["field"] != threeway.DELETED_FIELD
        }
        choose_side(s, rid, head, PIN)
    run.model.record(who, rec, chosen)


def _check_in(run: Run, who: int) -> None:
    live = _live(run.laptops[who], "P")
    if live is not None and live["checked_in_at"] is None:
        when = dt.datetime(2026, 11, 25, 8, 0) + dt.timedelta(seconds=run.now // 1000 % 86400)
        _edit(run, who, "P", {"checked_in_at": when, "checked_in_station": STATIONS[who]})


def _undo(run: Run, who: int) -> None:
    live = _live(run.laptops[who], "P")
    if live is not None and live["checked_in_at"] is not None:
        _edit(run, who, "P", {"checked_in_at": None, "checked_in_station": ""})


def _send(run: Run, source: int, target: int) -> None:
    if source != target:
        _import(run.laptops[target], [stage(run.laptops[source], run.folder)])
        run.model.send(source, target)


def _import(db: Database, staged: list[Path]) -> None:
    """What an import does: merge, then let the voids follow the links."""
    merge_staged(db, staged)
    with db.begin() as s:
        reconcile_all(s)


def _link_row(db: Database, key: str) -> dict[str, object] | None:
    with db.engine.connect() as conn:
        row = conn.exec_driver_sql(
            f"SELECT {json_object_sql('duplicate_link')} FROM duplicate_link WHERE id = ?",
            (LINKS[key],),
        ).first()
    return None if row is None else json.loads(row[0])


def _decide(run: Run, who: int, pair: int, same: bool) -> None:
    """Link two registrations as one person, or say they are different people."""
    key, db = f"L{pair}", run.laptops[who]
    before = _link_row(db, key)
    with db.begin() as s:
        if same:
            link_same_person(s, list(PAIRS[pair]))
        else:
            mark_not_duplicate(s, list(PAIRS[pair]))
    after = _link_row(db, key)
    assert after is not None
    writes = {k: v for k, v in after.items() if before is None or before.get(k) != v}
    run.model.record(who, key, writes, creation=before is None)


OPS: dict[str, Callable[[Run, int, int, int], None]] = {
    "stamp": lambda r, w, x, _y: _stamp(r, w, AMOUNTS[x % 3]),
    "correct": lambda r, w, x, _y: _edit(r, w, "C", {"amount": AMOUNTS[x % 3]}),
    "note": lambda r, w, x, _y: _edit(r, w, "C", {"notes": NOTES[x % 3]}),
    "void": lambda r, w, _x, _y: _edit(r, w, "C", {"voided": True, "void_reason": "batal"}),
    "checkin": lambda r, w, _x, _y: _check_in(r, w),
    "undo": lambda r, w, _x, _y: _undo(r, w),
    "phone": lambda r, w, x, _y: _edit(r, w, "P", {"phone": PHONES[x % 3]}),
    "resolve": lambda r, w, x, y: _resolve(r, w, "CP"[x % 2], y),
    "send": lambda r, w, x, _y: _send(r, w, x % 3),
    "link": lambda r, w, x, _y: _decide(r, w, x % 3, True),
    "unlink": lambda r, w, x, _y: _decide(r, w, x % 3, False),
}
WEIGHTS = {"stamp": 3, "correct": 2, "note": 2, "void": 1, "checkin": 2, "undo": 1}
WEIGHTS |= {"phone": 2, "resolve": 3, "send": 5, "link": 2, "unlink": 1}


def history(rng: random.Random) -> list[tuple[str, int, int, int]]:
    names = list(WEIGHTS)
    weights = [WEIGHTS[n] for n in names]
    size = rng.randint(3, 14)
    return [
        (rng.choices(names, weights)[0], rng.randrange(3), rng.randrange(6), rng.randrange(3))
        for _ in range(size)
    ]


def run_history(
    templates: dict[str, Path], folder: Path, ops: list[tuple[str, int, int, int]]
) -> list[str]:
    """Play ``ops`` on copies of the templates and the model; the mismatches (empty = right)."""
    folder.mkdir(parents=True, exist_ok=True)
    laptops = []
    for station in (*STATIONS, "TA1"):
        shutil.copyfile(templates[station], folder / f"{station}.sqlite")
        laptops.append(open_database(folder / f"{station}.sqlite", migrate_now=False))
    model = Model()
    for who in range(3):
        model.record(who, "P", dict(PERSON), creation=True)
    run = Run(folder, laptops[:3], model, 1_800_000_000_000, [])
    original = clock.wall_ms
    try:
        for name, who, x, y in ops:
            run.tick()
            OPS[name](run, who, x, y)
        run.tick()
        ta = laptops[3]
        _import(ta, [stage(db, folder) for db in laptops[:3]])
        return compare(ta, model) + compare_survivors(ta, model)
    finally:
        clock.wall_ms = original  # type: ignore[assignment]
        for db in laptops:
            db.dispose()
        shutil.rmtree(folder, ignore_errors=True)


def compare(db: Database, model: Model) -> list[str]:
    problems = []
    for rec in RECORDS:
        live = _live(db, rec)
        expected = model.state(model.everything(), rec)
        if live is None:
            if expected.values and rec == "C":
                problems.append(f"{rec}: missing")
            continue
        res = _resolution(db, rec)
        hard = sorted(res.hard_fields) if res else []
        if hard != expected.hard:
            problems.append(f"{rec}: hard {hard} != model {expected.hard}")
        if expected.kind == "none" and res is not None:
            problems.append(f"{rec}: listed as {res.kind} {res.fields}; model: no conflict")
        for name, values in expected.values.items():
            if name in threeway.PROVENANCE_FIELDS and expected.hard:
                continue
            if live.get(name) not in values or (len(values) == 1 and live.get(name) != values[0]):
                problems.append(f"{rec}.{name}: {live.get(name)!r} not in model {values!r}")
    return problems


def expected_survivors(model: Model) -> set[str] | None:
    """The registrations left live: every 'same person' link counted, whatever its order
    (None when a link itself is disputed: linked on one laptop, unlinked on another)."""
    parent = {pid: pid for pid in SAME}

    def root(pid: str) -> str:
        while parent[pid] != pid:
            pid = parent[pid]
        return pid

    for i, key in enumerate(LINKS):
        values = model.field_values(model.everything(), key, "not_duplicate")
        if len(values) > 1:
            return None
        if values == [0]:
            a, b = sorted((root(PAIRS[i][0]), root(PAIRS[i][1])))
            parent[b] = a
    return {pid for pid in SAME if root(pid) == pid}


def compare_survivors(db: Database, model: Model) -> list[str]:
    expected = expected_survivors(model)
    if expected is None:
        return []
    with db.engine.connect() as conn:
        marks = ",".join("?" * len(SAME))
        live = {
            r[0]
            for r in conn.exec_driver_sql(
                f"SELECT id FROM participant WHERE NOT voided AND id IN ({marks})", tuple(SAME)
            )
        }
    return [] if live == expected else [f"survivors {sorted(live)} != model {sorted(expected)}"]
