"""`bid-desktop demo`: a realistic event (or many) spread over N station databases."""

from __future__ import annotations

import argparse
from pathlib import Path

from bid_desktop.commands.common import add_db, out


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    demo = sub.add_parser(
        "demo", help="create a realistic event with activity spread over N station databases"
    )
    add_db(demo)
    demo.add_argument("--scale", choices=["event", "kabupaten", "province"], default="event")
    demo.add_argument("--stations", type=int, default=4, help="station databases (1-30)")
    demo.add_argument("--seed", type=int, default=1)
    demo.add_argument(
        "--packages",
        type=Path,
        metavar="DIR",
        help="also write each station's .bidsync package into DIR",
    )
    demo.set_defaults(func=cmd_demo)


def cmd_demo(args: argparse.Namespace) -> int:
    from bid_desktop.services.demo import PASSPHRASE, build_demo, station_dir

    result = build_demo(args.db, args.scale, args.stations, args.seed, progress=out)
    counts = result.counts
    out(
        f"demo {args.scale}: {len(result.event_ids)} acara, {counts['participant']} peserta, "
        f"{counts['commitment']} komitmen, {counts['idea']} ide, {counts['rating']} penilaian "
        f"in {result.seconds:.1f} s"
    )
    names = sorted({p.stem for p in result.stations})
    out(f"stasiun: {station_dir(args.db)}/ ({len(result.stations)} basis data: {', '.join(names)})")
    if args.packages is not None:
        write_packages(result.stations, args.packages)
    out(f"kata sandi acara: {PASSPHRASE}")
    out(f"buka: bid-desktop --db {args.db}")
    return 0


def write_packages(stations: list[Path], folder: Path) -> None:
    """Each station database's package, as that laptop would export it to a USB stick."""
    from bid_desktop.services.sync import export_package
    from bid_desktop.storage.db import open_database

    for station in stations:
        db = open_database(station)
        try:
            result = export_package(db, folder)
        finally:
            db.dispose()
        out(f"paket {result.station}: {result.path} ({result.versions} versi)")
