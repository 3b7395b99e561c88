"""P3 through the real package path: ``.bidsync`` files merged with ``import_packages``.

``bench_merge`` measures the merge engine (``merge_staged`` on staged files). Here the same
synthetic station data (``bench_merge.make_station_file``: 250 participants + check-ins, 120
commitments, 1,500 ratings per station, one event) is wrapped as encrypted packages (untimed),
then merged into an empty database with ``services.sync.import_packages`` — what
``bid-desktop merge`` and the Sinkronisasi tab run: read, decrypt, unzip with caps, hashes,
``integrity_check``, validation, a verified backup, then every package applied in turn in one
transaction (figures per package), import log. Beside it, in the same run: ``merge_staged``
of the same staged files (the engine alone) and the raw SQLite floor of ``bench_merge``.
At 200 and 20 stations for linearity.

Run: ``python -m bench.bench_packages [--stations 200]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import tempfile
import time
from pathlib import Path

from bench.bench_merge import EVENT, empty_db, floor, make_station_file, union_file
from bench.common import HEADER, ratio, row
from bid_desktop.services import sync as sync_service
from bid_desktop.sync import keys
from bid_desktop.sync import package as pkg
from bid_desktop.sync.merge import merge_staged

PASSPHRASE = "bench-packages-2026"


def seal_file(staged: Path, out: Path, station: str, key: bytes) -> Path:
    data = staged.read_bytes()
    counts = pkg_counts(staged)
    manifest = pkg.make_manifest(
        event_id=EVENT,
        event_name="Bench",
        station=station,
        created=dt.datetime(2026, 11, 25, 17, 0),
        counts=counts,
        data=data,
    )
    path = out / f"bench-{station}.bidsync"
    path.write_bytes(pkg.package_bytes(key, EVENT, manifest, data))
    return path


def pkg_counts(staged: Path) -> dict[str, int | str]:
    import sqlite3

    conn = sqlite3.connect(staged)
    n, lo, hi = conn.execute("SELECT COUNT(*), MIN(hlc), MAX(hlc) FROM version").fetchone()
    (m,) = conn.execute("SELECT COUNT(*) FROM version_parent").fetchone()
    conn.close()
    return {"version": n, "version_parent": m, "min_hlc": lo, "max_hlc": hi}


def target(path: Path, key: bytes):  # type: ignore[no-untyped-def]
    db = empty_db(path)
    with db.engine.begin() as conn:
        conn.exec_driver_sql(
            "UPDATE station_state SET event_id = ?, package_key = ? WHERE id = 1", (EVENT, key)
        )
    return db


def run(folder: Path, stations: int, key: bytes) -> dict[str, float]:
    files = [folder / f"s{n:03d}.sqlite" for n in range(stations)]
    versions = sum(make_station_file(p, n) for n, p in enumerate(files))
    usb = folder / "usb"
    usb.mkdir()
    packages = [seal_file(f, usb, f"STA{n:03d}", key) for n, f in enumerate(files)]
    size = sum(p.stat().st_size for p in packages)
    union = union_file(folder, files)
    empty_db(folder / "floor.sqlite").dispose()
    os.sync()
    t_floor = floor(folder / "floor.sqlite", union)
    engine_db = target(folder / "engine.sqlite", key)
    os.sync()
    start = time.perf_counter()
    merge_staged(engine_db, files)
    t_engine = time.perf_counter() - start
    engine_db.dispose()
    db = target(folder / "packages.sqlite", key)
    os.sync()
    start = time.perf_counter()
    summary = sync_service.import_packages(db, packages, backup_dir=folder / "backups")
    t_packages = time.perf_counter() - start
    db.dispose()
    print(
        f"<!-- {stations} packages, {versions:,} versions, {size / 1e6:.1f} MB on the stick: "
        f"added {summary.added:,}, conflicts hard {summary.conflicts_hard}, "
        f"duplicate candidates {summary.duplicate_candidates} -->",
        flush=True,
    )
    return {
        "stations": stations,
        "versions": versions,
        "floor": t_floor,
        "engine": t_engine,
        "packages": t_packages,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--stations", type=int, default=200)
    args = parser.parse_args()
    key = keys.package_key(PASSPHRASE, EVENT)
    with tempfile.TemporaryDirectory() as tmp:
        small_dir, big_dir = Path(tmp, "small"), Path(tmp, "big")
        small_dir.mkdir()
        big_dir.mkdir()
        small = run(small_dir, max(2, args.stations // 10), key)
        big = run(big_dir, args.stations, key)
    print(HEADER)
    for r in (small, big):
        what = f"import {r['stations']} packages, {r['versions']:,} versions"
        row(
            what + " vs raw floor",
            f"{r['packages']:.2f} s",
            f"{r['floor']:.2f} s",
            ratio(r["packages"], r["floor"]),
            "≤ 4× floor, ≤ 60 s",
            r["packages"] <= 4 * r["floor"] and r["packages"] <= 60,
        )
        row(
            what + " vs merge_staged",
            f"{r['packages']:.2f} s",
            f"{r['engine']:.2f} s",
            ratio(r["packages"], r["engine"]),
            "(overhead of the package path)",
            True,
        )
    rows = big["versions"] / small["versions"]
    growth = big["packages"] / small["packages"]
    row(
        f"linearity: {rows:.1f}× versions → import time",
        f"{growth:.1f}×",
        f"floor grew {big['floor'] / small['floor']:.1f}×, engine {big['engine'] / small['engine']:.1f}×",
        f"{growth / (big['floor'] / small['floor']):.2f}× of floor growth",
        f"≤ {rows * 1.2:.1f}×",
        growth <= rows * 1.2,
    )


if __name__ == "__main__":
    main()
