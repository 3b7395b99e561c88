"""The kabupaten and province demo databases, built through the code the users run.

Kabupaten: every station of every event exports its package (``export_package``); the TA
Kabupaten joins the first event from one of them (``join_event``, station ``TA``) and merges
all of them (``import_packages``, each new event opened with its passphrase once).

Province: the same per kabupaten (a TA database per kabupaten, next to the stations), then
each kabupaten TA exports one package per event (``export_event_packages``: every version,
original stations and clocks kept) and the province TA joins and merges those.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from bid_desktop.services.demo_rows import EventRows
from bid_desktop.storage.db import open_database

TA_STATION = "TA"
PROVINCE_STATION = "TAPROV"  # a province TA's own code: never one a kabupaten TA used
Progress = Callable[[str], None]


def _export_stations(files: list[Path], out_dir: Path) -> list[Path]:
    from bid_desktop.services.sync import export_package

    paths = []
    for file in files:
        db = open_database(file, migrate_now=False)
        try:
            paths.append(export_package(db, out_dir).path)
        finally:
            db.dispose()
    return paths


def merge_as_ta(
    path: Path, packages: list[Path], passphrase: str, station: str = TA_STATION
) -> None:
    """A new TA database at ``path``: join from the first package, merge every package."""
    from bid_desktop.services.sync import import_packages, join_event

    join_event(path, packages[0], station, passphrase, "rekap")
    db = open_database(path, migrate_now=False)
    try:
        import_packages(db, packages, passphrases=[passphrase], backup_dir=path.parent / "backups")
    finally:
        db.dispose()


def _ta_packages(path: Path, out_dir: Path) -> list[Path]:
    from bid_desktop.services.sync_events import export_event_packages

    db = open_database(path, migrate_now=False)
    try:
        return [p.path for p in export_event_packages(db, out_dir)]
    finally:
        db.dispose()


def build_ta(
    path: Path, files: list[Path], events: list[EventRows], scale: str, say: Progress
) -> dict[str, int]:
    from bid_desktop.services.demo import PASSPHRASE, station_dir, table_counts

    folder = station_dir(path)
    packages = folder / "paket"
    shutil.rmtree(packages, ignore_errors=True)
    say("mengekspor paket setiap stasiun ke " + str(packages))
    station_packages = _export_stations(files, packages)
    if scale != "province":
        say("TA Kabupaten: menggabungkan semua paket ke " + str(path))
        merge_as_ta(path, station_packages, PASSPHRASE)
    else:
        per_station = len(station_packages) // len(events)
        by_kab: dict[str, list[Path]] = {}
        for index, ev in enumerate(events):
            chunk = station_packages[index * per_station : (index + 1) * per_station]
            by_kab.setdefault(ev.kabupaten, []).extend(chunk)
        province_packages: list[Path] = []
        for kab, chunk in by_kab.items():
            slug = "-".join(kab.lower().split())
            ta = folder / f"ta-{slug}.sqlite"
            for old in folder.glob(f"ta-{slug}.sqlite*"):
                old.unlink()
            say(f"TA {kab}: {len(chunk)} paket")
            merge_as_ta(ta, chunk, PASSPHRASE)
            province_packages += _ta_packages(ta, folder / "paket-provinsi")
        say(f"TA Provinsi: {len(province_packages)} paket acara ke {path}")
        merge_as_ta(path, province_packages, PASSPHRASE, PROVINCE_STATION)
    db = open_database(path, migrate_now=False)
    try:
        return table_counts(db)
    finally:
        db.dispose()
