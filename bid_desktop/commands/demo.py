"""`bid-desktop demo`: a realistic event (or many) spread over N station databases."""

from __future__ import annotations

import argparse
from pathlib import Path

from bid_desktop.commands.common import add_db, out
from bid_desktop.commands.lang import t, t_noop


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    demo = sub.add_parser(
        "demo",
        help=t("buat acara contoh yang realistis, kegiatannya tersebar di N basis data stasiun"),
    )
    add_db(demo)
    demo.add_argument("--scale", choices=["event", "kabupaten", "province"], default="event")
    demo.add_argument("--stations", type=int, default=4, help=t("jumlah basis data stasiun (1-30)"))
    demo.add_argument("--seed", type=int, default=1)
    demo.add_argument(
        "--packages",
        type=Path,
        metavar="DIR",
        help=t("tulis juga paket .bidsync setiap stasiun ke DIR"),
    )
    demo.set_defaults(func=cmd_demo)


def cmd_demo(args: argparse.Namespace) -> int:
    from bid_desktop.services.demo import PASSPHRASE, build_demo, station_dir

    result = build_demo(args.db, args.scale, args.stations, args.seed, progress=_progress)
    counts = result.counts
    out(
        t("demo %s: %d acara, %d peserta, %d komitmen, %d ide, %d penilaian dalam %.1f detik")
        % (
            args.scale,
            len(result.event_ids),
            counts["participant"],
            counts["commitment"],
            counts["idea"],
            counts["rating"],
            result.seconds,
        )
    )
    names = sorted({p.stem for p in result.stations})
    out(
        t("stasiun: %s/ (%d basis data: %s)")
        % (station_dir(args.db), len(result.stations), ", ".join(names))
    )
    if args.packages is not None:
        write_packages(result.stations, args.packages)
    out(t("kata sandi acara: %s") % PASSPHRASE)
    out(t("buka: %s") % f"bid-desktop --db {args.db}")
    return 0


# The progress lines of services/demo.py, for the catalogue (resources/translations/cli_strings.py).
PROGRESS = (
    t_noop("%d acara, %d baris, %d stasiun"),
    t_noop("menggabungkan stasiun ke %s"),
    t_noop("  %s: %d baris"),
    t_noop("sinkronisasi saat istirahat: setiap stasiun menerima data stasiun lain"),
)


def _progress(template: str, *values: object) -> None:
    out(t(template) % values)


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
        out(t("paket %s: %s (%d versi)") % (result.station, result.path, result.versions))
