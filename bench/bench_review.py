"""Sinkronisasi review screens: one refresh of the duplicate and conflict pages.

The tab counts duplicate candidates on every refresh it shows (its page title) and lists up
to 200 groups / 200 conflicts on the worker thread. Measured on 2,000 participants in one
event (a large cluster of kecamatan) and on 50,000 in ONE event (worst case: the province's
people in one database), 1 % registered twice, names as the demo writes them (so namesakes in
one desa are candidates too, as in life) over the real desa of that many kecamatan, and on
300 open conflicts. Floors, same run, raw sqlite3: the same grouping by ``lower(name)`` without
the Python name normaliser, and a plain fetch of the conflict rows with their head payloads.
Target (ours, not in quality.md): a page refresh ≤ 250 ms off the UI thread, like a search.

Run: ``python -m bench.bench_review``.
"""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
import sys
import tempfile
import uuid
from pathlib import Path

from bench.common import HEADER, median, ratio, row, time_ms
from bid_desktop.domain import regions
from bid_desktop.services import demo_data as data
from bid_desktop.services.events import EventSetup, create_event
from bid_desktop.storage.db import Database, open_database
from bid_desktop.storage.models import Participant
from bid_desktop.sync.conflicts import conflict_detail, list_conflicts
from bid_desktop.sync.duplicates import count_candidates_conn, find_candidates
from bid_desktop.sync.merge import export_versions, merge_staged

SIZES = (2_000, 50_000)  # a large kecamatan cluster; the whole province in one event
CONFLICTS = 300
EVENT = "0190f000-0000-7000-8000-0000000be001"


def event_db(path: Path, station: str) -> Database:
    db = open_database(path)
    with db.begin() as session:
        create_event(
            session,
            EventSetup(
                name="Bench review",
                date=dt.date(2026, 11, 25),
                kecamatan_codes=["18.06.20"],
                station=station,
                passphrase="bench-review-2026",
                event_id=EVENT,
            ),
        )
    return db


def real_desa(people: int) -> list[str]:
    """Desa as many as the people would come from: ~250 people per kecamatan's fair (a
    kecamatan's desa), so 2,000 people → 8 kecamatan of Tanggamus, 50,000 → the province."""
    kecamatan = [k.code for kab in regions.kecamatan_in(data.PROVINCE)
                 for k in regions.kecamatan_in(kab.code)][: max(1, people // 250)]  # fmt: skip
    return [d.code for k in kecamatan for d in regions.desa_of(k)]


def fill_people(path: Path, people: int) -> None:
    """Live participants straight into the table (reads only: no versions needed)."""
    rng = random.Random(7)
    desa = real_desa(people)
    rows = []
    for i in range(people):
        twin = i % 100 == 99  # 1 %: the person before, registered again at another desk
        name = rows[-1][3].lower() if twin else data.person(rng, rng.choice("LP"))
        where = rows[-1][5] if twin else rng.choice(desa)
        rows.append((str(uuid.uuid4()), EVENT, f"REG{i % 4 + 1}-{i:05d}", name, "", where))
    con = sqlite3.connect(path)
    con.executemany(
        "INSERT INTO participant (id, event_id, number, name, search, desa_code, jabatan, "
        "gender, institution, phone, category, guest_category, woman_rep, is_kepala_desa, "
        "source, checked_in_station, voided, void_reason) VALUES (?, ?, ?, ?, ?, ?, '', '', "
        "'', '', 'Peserta Utama', '', 0, 0, 'undangan', '', 0, '')",
        rows,
    )
    con.commit()
    con.close()


def make_conflicts(a: Database, b: Database, folder: Path) -> None:
    ids = [str(uuid.uuid4()) for _ in range(CONFLICTS)]
    with a.begin() as s:
        s.add_all(Participant(id=i, event_id=EVENT, number=f"K-{n}", name=f"K {n}")
                  for n, i in enumerate(ids))  # fmt: skip
    for target, source, tag in ((b, a, "ab"), (a, b, "ba")):
        export_versions(source, folder / f"{tag}.sqlite")
        merge_staged(target, [folder / f"{tag}.sqlite"])
        if tag == "ab":
            for db, phone in ((a, "+62811"), (b, "+62822")):
                with db.begin() as s:
                    for n, i in enumerate(ids):
                        s.get(Participant, i).phone = f"{phone}{n:06d}"


def floor_groups(con: sqlite3.Connection) -> int:
    sql = (
        "SELECT COUNT(*) FROM (SELECT lower(name) || '|' || desa_code AS k FROM participant "
        "WHERE event_id = ? AND NOT voided GROUP BY k HAVING COUNT(*) > 1)"
    )
    return int(con.execute(sql, (EVENT,)).fetchone()[0])


def floor_conflicts(con: sqlite3.Connection) -> int:
    sql = (
        "SELECT c.record_id, v.payload FROM (SELECT * FROM conflict LIMIT 200) c "
        "JOIN json_each(c.head_ids) h JOIN version v ON v.version_id = h.value"
    )
    return len(con.execute(sql).fetchall())


def duplicate_rows(db: Database, people: int, runs: int) -> None:
    con = sqlite3.connect(db.path)
    floor = median([time_ms(lambda: floor_groups(con)) for _ in range(runs)])
    con.close()

    def count() -> int:
        with db.begin() as s:
            raw = s.connection().connection.driver_connection
            return count_candidates_conn(raw)  # type: ignore[arg-type]

    def groups() -> int:
        with db.begin() as s:
            return len(find_candidates(s, EVENT))

    found = count()
    for what, fn in [("candidates counted (tab title)", count), ("page: 200 groups", groups)]:
        m = median([time_ms(fn) for _ in range(runs)])
        row(f"{people:,} people, {found} groups: duplicate {what}", f"{m:.0f} ms",
            f"{floor:.0f} ms raw GROUP BY", ratio(m, floor), "≤ 250 ms", m <= 250)  # fmt: skip


def conflict_rows(db: Database, runs: int) -> None:
    con = sqlite3.connect(db.path)
    floor = median([time_ms(lambda: floor_conflicts(con)) for _ in range(runs)])
    con.close()

    def conflicts() -> int:
        with db.begin() as s:
            return len(list_conflicts(s))

    def detail() -> int:
        with db.begin() as s:
            rid = str(s.connection().exec_driver_sql("SELECT record_id FROM conflict").scalar())
            return len(conflict_detail(s, rid)["fields"])

    for what, fn in [("page: 200 conflicts with heads", conflicts), ("detail", detail)]:
        m = median([time_ms(fn) for _ in range(runs)])
        row(f"{CONFLICTS} open conflicts: {what}", f"{m:.1f} ms", f"{floor:.1f} ms raw fetch",
            ratio(m, floor), "≤ 250 ms", m <= 250)  # fmt: skip


def main() -> int:
    runs = 7
    print(f"median of {runs} runs each\n")
    print(HEADER)
    with tempfile.TemporaryDirectory(prefix="bid-bench-review-") as tmp:
        folder = Path(tmp)
        a, b = event_db(folder / "a.sqlite", "REG1"), event_db(folder / "b.sqlite", "REG2")
        make_conflicts(a, b, folder)
        conflict_rows(a, runs)
        for people in SIZES:
            db = event_db(folder / f"people-{people}.sqlite", "REG1")
            fill_people(db.path, people)
            duplicate_rows(db, people, runs)
            db.dispose()
        a.dispose()
        b.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
