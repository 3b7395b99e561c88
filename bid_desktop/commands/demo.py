"""`bid-desktop demo`: a realistic event (or many) spread over N station databases."""

from __future__ import annotations

import argparse

from bid_desktop.commands.common import add_db, out


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    demo = sub.add_parser(
        "demo", help="create a realistic event with activity spread over N station databases"
    )
    add_db(demo)
    demo.add_argument("--scale", choices=["event", "kabupaten", "province"], default="event")
    demo.add_argument("--stations", type=int, default=4, help="station databases (1-30)")
    demo.add_argument("--seed", type=int, default=1)
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
    out(f"stasiun: {station_dir(args.db)}/ ({', '.join(p.stem for p in result.stations)})")
    out(f"kata sandi acara: {PASSPHRASE}")
    out(f"buka: bid-desktop --db {args.db}")
    return 0
