"""Random multi-laptop scenarios for the merge property tests.

Three laptops of one event (REG1, REG2, MK1) start as copies of template databases made once
per session. A scenario is a list of operations: invite the same person (natural id, so two
laptops create the same record with the same content), register a walk-in (new id), edit a
field, delete, stamp a commitment (natural id; amounts may differ between laptops), or send a
package from one laptop to another (relays happen naturally: an export holds every version
the laptop knows). Each laptop's wall clock can be skewed by years.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from sqlalchemy import select

from bid_desktop.domain import ids
from bid_desktop.services.station import set_station
from bid_desktop.storage.db import Database, open_database
from bid_desktop.storage.models import Commitment, Desa, Participant
from bid_desktop.sync import clock
from bid_desktop.sync.merge import merge_staged
from tests.conftest import make_event_db
from tests.sync.helpers import add_innovation, stage

EVENT = "0190f000-0000-7000-8000-0000000e0001"
STATIONS = ("REG1", "REG2", "MK1")
NAMES = ("Siti Aminah", "Budi Santoso", "Wayan Sudarma")
YEAR_MS = 365 * 24 * 3600 * 1000
EXAMPLES = int(os.environ.get("BID_HYPOTHESIS_EXAMPLES", "50"))
# The law tests' settings: examples copy database files, so no deadline.
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

laptop = st.integers(0, len(STATIONS) - 1)
operation = st.one_of(
    st.tuples(st.just("invite"), laptop, st.integers(0, 2)),
    st.tuples(st.just("walkin"), laptop, st.integers(0, 2)),
    st.tuples(st.just("edit"), laptop, st.integers(0, 6), st.integers(0, 1), st.integers(0, 2)),
    st.tuples(st.just("delete"), laptop, st.integers(0, 6)),
    st.tuples(st.just("commit"), laptop, st.integers(0, 1), st.integers(0, 2)),
    st.tuples(st.just("send"), laptop, laptop),
)
operations = st.lists(operation, min_size=1, max_size=12)
skews = st.sampled_from([0, 0, -3 * YEAR_MS, 2 * YEAR_MS])


def make_templates(folder: Path) -> dict[str, Path]:
    """Laptop databases (same event) and an empty merge target, built once and copied."""
    folder.mkdir(parents=True, exist_ok=True)
    out: dict[str, Path] = {}
    for station in STATIONS:
        path = folder / f"{station}.sqlite"
        db = make_event_db(path, station, EVENT)
        add_innovation(db, EVENT)
        db.dispose()
        out[station] = path
    empty = open_database(folder / "empty.sqlite")
    with empty.begin() as session:
        set_station(session, "GAB1")
    empty.dispose()
    out["empty"] = folder / "empty.sqlite"
    return out


def copy_db(template: Path, target: Path) -> Database:
    shutil.copyfile(template, target)
    return open_database(target)


@dataclass
class World:
    folder: Path
    laptops: list[Database]
    skew: list[int]
    now: int = field(default_factory=lambda: int(time.time() * 1000) + 3600_000)
    walkins: int = 0

    def tick(self, who: int) -> None:
        """The fake wall clock of laptop ``who`` for its next write."""
        self.now += 1000
        wall = self.now + self.skew[who]
        clock.wall_ms = lambda: wall  # type: ignore[assignment]

    def dispose(self) -> None:
        for db in self.laptops:
            db.dispose()


def _targets(session, kinds: tuple[type, ...]) -> list:
    objs: list = []
    for kind in kinds:
        objs += list(session.scalars(select(kind).order_by(kind.id)))
    return objs


def _desa(session, index: int) -> Desa:
    return session.scalars(select(Desa).order_by(Desa.code)).all()[index]


def run_op(world: World, op: tuple) -> None:
    kind, who = op[0], op[1]
    if kind == "send":
        if who != op[2]:
            world.tick(op[2])
            merge_staged(world.laptops[op[2]], [stage(world.laptops[who], world.folder)])
        return
    world.tick(who)
    station = STATIONS[who]
    with world.laptops[who].begin() as s:
        if kind == "invite":
            desa = _desa(s, op[2] % 2)
            pid = ids.invitee_id(EVENT, NAMES[op[2]], desa.code, "Kepala Desa")
            if s.get(Participant, pid) is None:
                s.add(_person(pid, ids.invitee_number(pid), NAMES[op[2]], desa.code))
        elif kind == "walkin":
            world.walkins += 1
            pid = str(uuid.uuid5(uuid.NAMESPACE_OID, f"{station}-{world.walkins}"))
            number = ids.walkin_number(station, world.walkins)
            s.add(_person(pid, number, NAMES[op[2]], _desa(s, 0).code))
        elif kind == "edit":
            _edit(s, op[2], op[3], op[4], station)
        elif kind == "delete":
            objs = _targets(s, (Participant, Commitment))
            if objs:
                s.delete(objs[op[2] % len(objs)])
        elif kind == "commit":
            _commit(s, _desa(s, op[2]), op[3], station)


def _person(pid: str, number: str, name: str, desa_code: str) -> Participant:
    return Participant(
        id=pid, event_id=EVENT, number=number, name=name, desa_code=desa_code, jabatan="Kepala Desa"
    )


EDITS = {
    Desa: (
        ("name", ["Desa Satu", "Desa Dua", "Desa Tiga"]),
        ("kecamatan_name", ["K1", "K2", "K3"]),
    ),
    Participant: (("phone", ["+6281", "+6282", "+6283"]), ("jabatan", ["Sekdes", "Kaur", "BPD"])),
    Commitment: (("amount", [1_000_000, 2_500_000, None]), ("notes", ["a", "b", "c"])),
}


def _edit(session, index: int, which: int, value: int, station: str) -> None:
    objs = _desa_pair(session) + _targets(session, (Participant, Commitment))
    obj = objs[index % len(objs)]
    name, values = EDITS[type(obj)][which]
    setattr(obj, name, values[value])


def _desa_pair(session) -> list:
    return list(session.scalars(select(Desa).order_by(Desa.code).limit(2)))


def _commit(session, desa: Desa, amount: int, station: str) -> None:
    cid = ids.commitment_id(EVENT, desa.code, "A01")
    row = session.get(Commitment, cid)
    if row is None:
        session.add(
            Commitment(
                id=cid,
                event_id=EVENT,
                desa_code=desa.code,
                innovation_id=ids.innovation_id(EVENT, "A01"),
                innovation_code="A01",
                amount=[50_000_000, 75_000_000, 50_000_000][amount],
                stamped_at=dt.datetime(2026, 11, 25, 10, 0),
                stamped_station=station if amount == 1 else "",
            )
        )
    else:
        row.amount = [50_000_000, 75_000_000, 60_000_000][amount]
