"""`bid-desktop demo`: realistic events, activity spread over N station databases, merged.

Each station database is what one laptop of the event would hold (REG1 registers, MKA1 stamps
commitments of bursa A, J3A takes ideas and prints piagam...). A station holds ONE event: the
first laptop creates it, the others start from a copy (as a laptop that joined from its
package). Event scale: the station files live in ``<PATH stem>-stations/`` and PATH is the
secretariat's database (SEK1), every station's versions merged with the merge engine.

Kabupaten and province scale: each event has its own station files in
``<PATH stem>-stations/<NNN>-<kecamatan>/``, and PATH is the TA's database built through the
code the users run (``demo_ta``): every station exports its package, the TA joins one and
merges them all (each event's passphrase given once); the province TA merges the packages
each kabupaten TA exports per event.

Rows are written with SQLAlchemy Core in batches and their versions recorded per batch with
``history.record_versions`` (what the ORM hook does per flush). Deterministic from the seed.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lokal import add_working_days
from sqlalchemy import Connection, update

from bid_desktop.domain import ids, regions
from bid_desktop.services import demo_data as data
from bid_desktop.services.demo_rows import EventRows, MenuItem, Stations, full_row, station_codes
from bid_desktop.services.errors import InputRefused
from bid_desktop.services.events import EventSetup, create_event
from bid_desktop.services.station import set_station
from bid_desktop.shipped import resource
from bid_desktop.storage.db import Database, open_database
from bid_desktop.storage.models import SYNCED_MODELS, StationState
from bid_desktop.sync import keys
from bid_desktop.sync.history import record_versions

SCALES = {"event": 1, "kabupaten": 20, "province": 200}
PASSPHRASE = "demo-bursa-inovasi"
DISTRICT_STATION = "SEK1"
FIRST_DATE = dt.date(2026, 11, 25)
BATCH = 5000
ORDER = [
    "event", "event_kecamatan", "desa", "provider", "innovation", "room", "bursa_session",
    "consultation_table", "participant", "attendance", "rating", "consultation", "commitment",
    "idea", "piagam", "piagam_print", "followup", "audit_entry",
]  # fmt: skip
# A progress line: an Indonesian template and its values (the command line translates it).
Progress = Callable[..., None]


@dataclass
class DemoResult:
    path: Path
    stations: list[Path]
    event_ids: list[str]
    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


def menu_path() -> Path:
    return resource("demo", "menu-inovasi-contoh.csv")


def load_menu(path: Path | None = None) -> list[MenuItem]:
    with open(path or menu_path(), encoding="utf-8", newline="") as handle:
        return [
            MenuItem(r["Kode"], r["Judul Inovasi"], r["Bursa"], r["Ringkasan"],
                     int(r["Perkiraan Biaya (Rp)"]))
            for r in csv.DictReader(handle)
        ]  # fmt: skip


def build_demo(
    path: Path, scale: str = "event", stations: int = 4, seed: int = 1,
    progress: Progress | None = None,
) -> DemoResult:  # fmt: skip
    say = progress or (lambda _msg, *_a: None)
    start = time.perf_counter()
    path = Path(path)
    if scale not in SCALES:
        raise InputRefused(f"--scale: '{scale}' tidak dikenal (event, kabupaten, province)")
    if path.exists():
        raise InputRefused(f"{path}: sudah ada; pilih berkas baru atau hapus dulu")
    if not 1 <= stations <= 30:
        raise InputRefused("--stations: antara 1 dan 30")
    rng = random.Random(seed)
    st = Stations(station_codes(stations))
    if scale == "event":
        events = plan_events(scale, st, rng)
        say("%d acara, %d baris, %d stasiun", 1, _count(events[0]), stations)
        files = write_stations(station_dir(path), st, events[0], say)
        say("sinkronisasi saat istirahat: setiap stasiun menerima data stasiun lain")
        break_sync(files)
        say("menggabungkan stasiun ke %s", str(path))
        counts = merge_into(path, files, events[0].event_id)
    else:
        from bid_desktop.services.demo_ta import build_ta

        files, events = [], []
        blank = _blank_database(station_dir(path))
        for index, ev in enumerate(iter_events(scale, st, rng)):
            files += write_stations(event_station_dir(path, index, ev), st, ev, say, blank)
            ev.rows.clear()  # written: one event's rows in memory at a time
            events.append(ev)
        blank.unlink()
        say(f"{len(events)} acara, {stations} stasiun per acara")
        counts = build_ta(path, files, events, scale, say)
    return DemoResult(path, files, [e.event_id for e in events], counts,
                      time.perf_counter() - start)  # fmt: skip


def _blank_database(folder: Path) -> Path:
    """A database at the schema head, copied for each event's first laptop (migrating 200
    fresh files one by one took most of a province build)."""
    folder.mkdir(parents=True, exist_ok=True)
    blank = folder / "blank.sqlite"
    for old in folder.glob("blank.sqlite*"):
        old.unlink()
    open_database(blank).dispose()
    return blank


def _count(ev: EventRows) -> int:
    return sum(len(rows) for per in ev.rows.values() for rows in per.values())


def plan_events(scale: str, st: Stations, rng: random.Random) -> list[EventRows]:
    return list(iter_events(scale, st, rng))


def iter_events(scale: str, st: Stations, rng: random.Random) -> Iterator[EventRows]:
    """The events of the scale, generated one at a time (deterministic from ``rng``)."""
    menu = load_menu()
    for index, code in enumerate(data.kecamatan_for(scale, rng)):
        kec = regions.kecamatan(code)
        kab = regions.kabupaten_of(code)
        assert kec is not None and kab is not None
        desa = [(d.code, d.name) for d in regions.desa_of(code)]
        ev = EventRows(
            event_id=ids.natural_id("demo-event", rng.getrandbits(64)),
            date=add_working_days(FIRST_DATE, index % 60), kecamatan=(kec.code, kec.name),
            kabupaten=kab.name, desa=desa, menu=menu, stations=st,
            rng=random.Random(rng.getrandbits(64)),
        )  # fmt: skip
        ev.build()
        yield ev


def _signatories(rng: random.Random, kecamatan: str) -> list[dict[str, str]]:
    return [
        {"title": "Camat " + kecamatan, "name": data.person(rng, "L")},
        {"title": "Ketua Panitia", "name": data.person(rng, "P")},
        {"title": "Kepala Dinas PMD", "name": data.person(rng, "L")},
    ]


def _setup(ev: EventRows, station: str) -> EventSetup:
    return EventSetup(
        name=f"Bursa Inovasi Desa Kecamatan {ev.kecamatan[1]} {ev.date.year}",
        date=ev.date, kecamatan_codes=[ev.kecamatan[0]], station=station,
        passphrase=PASSPHRASE, venue=f"Aula Kantor Camat {ev.kecamatan[1]}",
        signatories=_signatories(random.Random(ev.event_id), ev.kecamatan[1]),
        event_id=ev.event_id,
    )  # fmt: skip


def station_dir(path: Path) -> Path:
    return Path(path).parent / f"{Path(path).stem}-stations"


def event_station_dir(path: Path, index: int, ev: EventRows) -> Path:
    """At kabupaten/province scale each event has its own laptops (a station holds one
    event): ``<PATH stem>-stations/<NNN>-<kecamatan>/``."""
    slug = "-".join(ev.kecamatan[1].lower().split()) or "kecamatan"
    return station_dir(path) / f"{index + 1:03d}-{slug}"


def write_stations(
    folder: Path, st: Stations, ev: EventRows, say: Progress, blank: Path | None = None
) -> list[Path]:
    """The event's station databases: the first laptop creates the event (on a copy of
    ``blank``, a database at the schema head, when given), the others start from a copy of
    it (as a laptop that joined from its package), then each writes its rows."""
    folder.mkdir(parents=True, exist_ok=True)
    files: list[Path] = []
    for code in st.codes:
        for old in folder.glob(f"{code}.sqlite*"):
            old.unlink()
        file = folder / f"{code}.sqlite"
        if files:
            shutil.copyfile(files[0].with_name("created.sqlite"), file)
        elif blank is not None:
            shutil.copyfile(blank, file)
        db = open_database(file)
        try:
            with db.begin() as session:
                if not files:
                    create_event(session, _setup(ev, code))
                else:
                    set_station(session, code)
            if not files:
                db.engine.dispose()
                shutil.copyfile(file, file.with_name("created.sqlite"))
            n = write_station_rows(db, code, [ev], st)
        finally:
            db.dispose()
        say("  %s/%s: %d baris", folder.name, code, n)
        files.append(file)
    files[0].with_name("created.sqlite").unlink()
    return files


def write_station_rows(db: Database, code: str, events: list[EventRows], st: Stations) -> int:
    written = 0
    with db.engine.begin() as conn:
        for entity in ORDER:
            rows = [r for ev in events for r in ev.rows.get(code, {}).get(entity, [])]
            for start in range(0, len(rows), BATCH):
                written += insert_batch(conn, entity, rows[start : start + BATCH])
        for ev in events:
            apply_voids(conn, ev, code)
        conn.execute(
            update(StationState).where(StationState.id == 1).values(
                walkin_seq=st.walkin_seq.get(code, 0), piagam_seq=st.piagam_seq.get(code, 0))
        )  # fmt: skip
    return written


def insert_batch(conn: Connection, entity: str, rows: list[dict[str, object]]) -> int:
    if rows:
        conn.execute(SYNCED_MODELS[entity].__table__.insert(), rows)  # type: ignore[attr-defined]
        record_versions(conn, {entity: {str(r["id"]): False for r in rows}})
    return len(rows)


def apply_voids(conn: Connection, ev: EventRows, code: str) -> None:
    """Voids are edits after the fact: a second version of the record, and an audit entry."""
    for station, entity, record_id, reason in ev.voids:
        if station != code:
            continue
        model = SYNCED_MODELS[entity]
        conn.execute(
            update(model).where(model.id == record_id).values(voided=True, void_reason=reason)
        )
        record_versions(conn, {entity: {record_id: False}})
        at = dt.datetime.combine(ev.date, dt.time(15, 10))
        audit = full_row("audit_entry", id=ids.natural_id("demo-audit", record_id),
                         event_id=ev.event_id, at=at, station=code, action=f"{entity}.void",
                         entity=entity, record_id=record_id, reason=reason)  # fmt: skip
        insert_batch(conn, "audit_entry", [audit])


def break_sync(files: list[Path]) -> None:
    """What each laptop holds after the syncs at the breaks (live exchange or USB): its own
    records and every other station's, merged with the real merge engine, so Jendela 3 knows
    the stamps, the people and the menu behind its piagam. (At kabupaten and province scale
    the station files are relays of many events: left as written.)"""
    from bid_desktop.sync.merge import export_versions, merge_staged

    with tempfile.TemporaryDirectory(prefix="bid-demo-") as tmp:
        staged: dict[Path, Path] = {}
        for file in files:
            station_db = open_database(file, migrate_now=False)
            try:
                staged[file] = Path(tmp) / file.name
                export_versions(station_db, staged[file])
            finally:
                station_db.dispose()
        for file in files:
            others = [staged[other] for other in files if other != file]
            if not others:
                continue
            station_db = open_database(file, migrate_now=False)
            try:
                merge_staged(station_db, others)
            finally:
                station_db.dispose()


def merge_into(path: Path, files: list[Path], event_id: str) -> dict[str, int]:
    """PATH = the district database: a secretariat station joined to the first event, then
    every station's versions merged with the merge engine."""
    from bid_desktop.sync.merge import export_versions, merge_staged

    db = open_database(path)
    try:
        with db.begin() as session:
            state = set_station(session, DISTRICT_STATION, "registrasi")
            state.event_id = event_id
            state.package_key = keys.package_key(PASSPHRASE, event_id)
        with tempfile.TemporaryDirectory(prefix="bid-demo-") as tmp:
            staged = []
            for file in files:
                station_db = open_database(file, migrate_now=False)
                try:
                    export_versions(station_db, Path(tmp) / file.name)
                finally:
                    station_db.dispose()
                staged.append(Path(tmp) / file.name)
            merge_staged(db, staged)
        return table_counts(db)
    finally:
        db.dispose()


def table_counts(db: Database) -> dict[str, int]:
    with db.engine.connect() as conn:
        return {
            name: int(conn.exec_driver_sql(f'SELECT COUNT(*) FROM "{name}"').scalar() or 0)
            for name in SYNCED_MODELS
        }
