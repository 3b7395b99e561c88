"""P3 merge: province-scale packages merged into an empty database vs the raw SQLite floor.

Synthetic station staging files (as ``export_versions`` writes them) are generated with SQL:
50,000 participants (10 % with a second version: check-in), 24,000 commitments and 300,000
ratings spread over 200 stations, plus 100 commitments written on two stations with different
amounts (real conflicts for the three-way merge). Payloads are ``json_object`` renderings of
every payload column, like the capture hook writes them.

Measured in the same run:
- floor: the station files concatenated (untimed) into one staged file, then in one
  transaction ``INSERT INTO version SELECT * FROM staged.version`` + parent edges + a plain
  ``INSERT … SELECT json_extract(…)`` of the live rows (no heads, no validation), same PRAGMAs
  and page cache as the merge;
- merge: ``merge_staged(empty_db, files)`` (validation, union, heads, derivation, conflicts);
- the real ``bid-desktop merge`` of the same files sealed as encrypted packages (sealing
  untimed), in a child process, with its peak resident memory (≤ 400 MB: a 4 GB laptop).
Both at full scale and at 1/10 scale (20 stations) for linearity.

Run: ``python -m bench.bench_merge`` (``--scale 0.5`` for a quicker look).
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import Boolean, Date, DateTime, Integer
from sqlalchemy.types import BigInteger

from bench.common import HEADER, OUT, ratio, row
from bid_desktop.services.station import set_station
from bid_desktop.storage.db import open_database
from bid_desktop.storage.models import SYNCED_MODELS
from bid_desktop.sync.derive import MERGE_CACHE_KIB, column_exprs
from bid_desktop.sync.history import payload_columns
from bid_desktop.sync.meaning import RANGES
from bid_desktop.sync.merge import export_versions, merge_staged
from bid_desktop.sync.validate import STAGE_DDL

EVENT = "0190f000-0000-7000-8000-0000000be001"
PER_STATION = {"participant": 250, "commitment": 120, "rating": 1500}
BASE_WALL = 1_795_400_000_000


def _value_sql(entity: str, column: str) -> str:
    """A value the validation accepts (types, lengths, ranges, references; sync/meaning.py)."""
    col = SYNCED_MODELS[entity].__table__.columns[column]
    if column == "event_id":
        return f"'{EVENT}'"
    if (entity, column) == ("rating", "participant_id"):  # a participant of the same station
        return _uuid_sql(1, "n", "(i - 1) % 250 + 1")
    if isinstance(col.type, Boolean):
        return "(i % 2)"
    if isinstance(col.type, DateTime):
        return "'2026-11-25 10:00:00.000000'"
    if isinstance(col.type, Date):
        return "'2026-11-25'"
    if isinstance(col.type, Integer | BigInteger):
        lo, hi = RANGES.get((entity, column), (0, 100000))
        return f"({lo} + i * 7919 % {min(hi - lo + 1, 100000)})"
    length = getattr(col.type, "length", None)
    if column.endswith("_id") and length == 36:
        return _uuid_sql(40 + len(column), "n", "i")
    text = f"printf('{column[:6]} %d %s', i, s)"
    return f"substr({text}, 1, {length})" if length else text


def _payload_sql(entity: str) -> str:
    pairs = ", ".join(f"'{c}', {_value_sql(entity, c)}" for c in payload_columns(entity))
    return f"json_object({pairs})"


def _uuid_sql(kind: int, number: int | str, index: str) -> str:
    """A uuid-shaped id unique per (kind, station number, index)."""
    return f"printf('%08x-%04x-7000-8000-%012x', {kind}, {number}, {index})"


def make_station_file(path: Path, number: int) -> int:
    station = f"STA{number:03d}"
    conn = sqlite3.connect(path)
    for ddl in STAGE_DDL:
        conn.execute(ddl.format(schema="main"))
    s = f"'{station}'"
    for kind, (entity, count) in enumerate(PER_STATION.items(), start=1):
        conn.execute(
            f"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {count}), "
            f"r AS (SELECT i, {s} AS s, {number} AS n, {_uuid_sql(kind, number, 'i')} AS rid "
            "FROM n) "
            "INSERT INTO version SELECT "
            f"{_uuid_sql(kind + 10, number, 'i')}, '{entity}', rid, "
            f"printf('%018d.%06d', {BASE_WALL} + i * 1000 + {number}, 0), s, 0, "
            f"{_payload_sql(entity)} FROM r"
        )
    _add_updates(conn, station, number)
    conn.commit()
    (n,) = conn.execute("SELECT COUNT(*) FROM version").fetchone()
    conn.close()
    return int(n)


def _add_updates(conn: sqlite3.Connection, station: str, number: int) -> None:
    """10 % of participants checked in (second version); shared commitments in conflict."""
    conn.execute(
        "CREATE TEMP TABLE upd AS SELECT version_id AS parent, record_id, payload, hlc, "
        "rowid AS k FROM version WHERE entity = 'participant' AND rowid % 10 = 0"
    )
    conn.execute(
        "INSERT INTO version SELECT printf('%08x-0000-7000-8000-%012x', 99, k + 1000000 * "
        f"{number}), 'participant', record_id, printf('%018d.%06d', {BASE_WALL} + 9000000 + k,"
        f" {number}), '{station}', 0, json_set(payload, '$.checked_in_at', "
        "'2026-11-25 08:00:00.000000') FROM upd"
    )
    conn.execute(
        "INSERT INTO version_parent SELECT printf('%08x-0000-7000-8000-%012x', 99, k + "
        f"1000000 * {number}), parent FROM upd"
    )
    if number < 2:  # the same 100 commitments written on two stations, different amounts
        conn.execute(
            "INSERT INTO version SELECT printf('%08x-0000-7000-8000-%012x', 77, i + 1000 * "
            f"{number}), 'commitment', printf('%08x-0000-7000-8000-%012x', 66, i), "
            f"printf('%018d.%06d', {BASE_WALL} + i, {number}), '{station}', 0, "
            f"json_set(payload, '$.amount', {number} * 1000 + i) FROM (SELECT rowid AS i, "
            "payload FROM version WHERE entity = 'commitment' LIMIT 100)"
        )


def empty_db(path: Path):
    db = open_database(path)
    with db.begin() as session:
        set_station(session, "GAB1")
    return db


def union_file(folder: Path, files: list[Path]) -> Path:
    """All station files in one staged file (not timed), so the floor is one transaction."""
    path = folder / "union.sqlite"
    conn = sqlite3.connect(path, isolation_level=None)
    for ddl in STAGE_DDL:
        conn.execute(ddl.format(schema="main"))
    for station_file in files:
        conn.execute("ATTACH DATABASE ? AS stg", (str(station_file),))
        conn.execute("INSERT INTO version SELECT * FROM stg.version")
        conn.execute("INSERT INTO version_parent SELECT * FROM stg.version_parent")
        conn.execute("DETACH DATABASE stg")
    conn.close()
    return path


def floor(db_path: Path, union: Path) -> float:
    """Raw copy: versions, edges, and the live rows by json_extract, one transaction."""
    conn = sqlite3.connect(db_path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute(f"PRAGMA cache_size = {-MERGE_CACHE_KIB}")  # same page cache as the merge
    start = time.perf_counter()
    conn.execute("ATTACH DATABASE ? AS stg", (str(union),))
    conn.execute("BEGIN")
    conn.execute("INSERT INTO version SELECT * FROM stg.version")
    conn.execute("INSERT INTO version_parent SELECT * FROM stg.version_parent")
    for entity in SYNCED_MODELS:
        cols = ", ".join(f'"{c}"' for c in payload_columns(entity))
        conn.execute(
            f'INSERT OR REPLACE INTO "{entity}" (id, {cols}) SELECT record_id, '
            f"{', '.join(column_exprs(entity))} FROM stg.version WHERE entity = ?",
            (entity,),
        )
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


def run(folder: Path, stations: int) -> dict[str, float]:
    files = [folder / f"s{n:03d}.sqlite" for n in range(stations)]
    versions = sum(make_station_file(p, n) for n, p in enumerate(files))
    floor_db = empty_db(folder / "floor.sqlite")
    floor_db.dispose()
    union = union_file(folder, files)
    # Flush the freshly generated files first: otherwise the first fsync of a timed commit
    # also pays for writing them back (ext4 ordered mode), which grows with the input size.
    os.sync()
    t_floor = floor(folder / "floor.sqlite", union)
    db = empty_db(folder / "merged.sqlite")
    os.sync()
    start = time.perf_counter()
    report = merge_staged(db, files)
    t_merge = time.perf_counter() - start
    db.dispose()
    print(
        f"<!-- {stations} stations, {versions:,} versions: added {report.added:,}, "
        f"conflicts hard {report.conflicts_hard}, soft {report.conflicts_soft} -->"
    )
    t_cli, peak = cli_merge(folder, files)
    return {
        "stations": stations,
        "versions": versions,
        "floor": t_floor,
        "merge": t_merge,
        "cli": t_cli,
        "peak_mib": peak,
    }


# The real command in a child process: its own peak RSS, printed on stderr at exit.
_CLI = (
    "import resource, sys\n"
    "from bid_desktop.cli import run\n"
    "code = run(sys.argv[1:])\n"
    "print('PEAK_KIB', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
    "sys.exit(code)\n"
)


def cli_merge(folder: Path, files: list[Path]) -> tuple[float, float]:
    """``bid-desktop merge`` of the station files sealed as packages (sealing untimed):
    (seconds, peak RSS in MiB)."""
    from bench.bench_packages import PASSPHRASE, seal_file, target
    from bid_desktop.sync import keys

    key = keys.package_key(PASSPHRASE, EVENT)
    usb = folder / "usb"
    usb.mkdir()
    packages = [seal_file(f, usb, f"STA{n:03d}", key) for n, f in enumerate(files)]
    target(folder / "cli.sqlite", key).dispose()
    os.sync()
    argv = ["merge", "--db", str(folder / "cli.sqlite"), "--backup-dir", str(folder / "bk")]
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _CLI, *argv, *map(str, packages)],
        capture_output=True,
        text=True,
        check=True,
    )
    elapsed = time.perf_counter() - start
    peak = next(line for line in done.stderr.splitlines() if line.startswith("PEAK_KIB"))
    return elapsed, int(peak.split()[1]) / 1024


def run_demo(folder: Path) -> dict[str, float] | None:
    """The province demo's station databases (bench/out, built by ``bench.common``), if any."""
    stations = sorted((OUT / "province-stations").glob("*.sqlite"))
    if not stations:
        return None
    files = []
    for station in stations:
        db = open_database(station, migrate_now=False)
        files.append(folder / station.name)
        export_versions(db, files[-1])
        db.dispose()
    union = union_file(folder, files)
    empty_db(folder / "floor.sqlite").dispose()
    os.sync()
    t_floor = floor(folder / "floor.sqlite", union)
    db = empty_db(folder / "merged.sqlite")
    os.sync()
    start = time.perf_counter()
    report = merge_staged(db, files)
    t_merge = time.perf_counter() - start
    db.dispose()
    return {
        "stations": len(files),
        "versions": report.versions_total,
        "floor": t_floor,
        "merge": t_merge,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args()
    full = max(20, int(200 * args.scale))
    with tempfile.TemporaryDirectory() as tmp:
        small_dir, big_dir = Path(tmp, "small"), Path(tmp, "big")
        small_dir.mkdir()
        big_dir.mkdir()
        small = run(small_dir, max(2, full // 10))
        big = run(big_dir, full)
        demo_dir = Path(tmp, "demo")
        demo_dir.mkdir()
        demo = run_demo(demo_dir)
    print(HEADER)
    for r in (small, big, *([demo] if demo else [])):
        what = f"merge {r['stations']} station files, {r['versions']:,} versions"
        what += " (province demo)" if r is demo else " (synthetic)"
        ok = r["merge"] <= 4 * r["floor"] and r["merge"] <= 60
        row(
            what,
            f"{r['merge']:.2f} s",
            f"{r['floor']:.2f} s",
            ratio(r["merge"], r["floor"]),
            "≤ 4× floor, ≤ 60 s",
            ok,
        )
        if "cli" in r:
            row(
                f"`bid-desktop merge` of the same as {r['stations']} packages",
                f"{r['cli']:.2f} s",
                f"{r['floor']:.2f} s",
                ratio(r["cli"], r["floor"]),
                "≤ 4× floor, ≤ 60 s",
                r["cli"] <= 4 * r["floor"] and r["cli"] <= 60,
            )
            row(
                f"peak memory of that `bid-desktop merge` ({r['stations']} packages)",
                f"{r['peak_mib']:.0f} MiB",
                "—",
                "—",
                "≤ 400 MB",
                r["peak_mib"] * 1.048576 <= 400,
            )
    rows = big["versions"] / small["versions"]
    growth = big["merge"] / small["merge"]
    floor_growth = big["floor"] / small["floor"]
    row(
        f"linearity: {rows:.1f}× versions → merge time",
        f"{growth:.1f}×",
        f"floor grew {floor_growth:.1f}×",
        f"{growth / floor_growth:.2f}× of floor growth",
        f"≤ {rows * 1.2:.1f}×",
        growth <= rows * 1.2,
    )


if __name__ == "__main__":
    main()
