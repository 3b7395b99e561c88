"""`event create` and `event join`."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from bid_desktop.commands.common import (
    add_db,
    add_passphrase,
    add_pin,
    new_file_or_nothing,
    open_db,
    out,
    read_passphrase,
    read_pin,
)
from bid_desktop.commands.lang import t
from bid_desktop.services.errors import UserError
from bid_desktop.services.events import EventSetup, create_event
from bid_desktop.services.station import role_for_station, validate_station_code
from bid_desktop.storage.models import Event


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    event = sub.add_parser("event", help=t("buat atau gabung ke acara"))
    esub = event.add_subparsers(dest="event_command", required=True)
    create = esub.add_parser("create", help=t("buat acara di laptop ini"))
    add_db(create)
    create.add_argument("--name", required=True)
    create.add_argument("--date", required=True, help=t("YYYY-MM-DD"))
    create.add_argument("--venue", default="")
    create.add_argument("--kecamatan", action="append", required=True, metavar="CODE")
    create.add_argument("--station", required=True)
    create.add_argument("--role")
    create.add_argument(
        "--kelurahan",
        action="append",
        default=[],
        metavar="CODE",
        help=t("sertakan kelurahan ini dengan sengaja (kelurahan bukan desa)"),
    )
    add_passphrase(create)
    add_pin(create)
    create.set_defaults(func=cmd_create)
    join = esub.add_parser("join", help=t("gabung ke acara dari salah satu paketnya"))
    add_db(join)
    join.add_argument("--package", type=Path, required=True, metavar="FILE")
    join.add_argument("--station", required=True, metavar="CODE")
    join.add_argument("--role", help=t("bawaan: dari kode stasiun (REG1 → registrasi ...)"))
    add_passphrase(join)
    join.set_defaults(func=cmd_join)


def cmd_create(args: argparse.Namespace) -> int:
    try:
        date = dt.date.fromisoformat(args.date)
    except ValueError as exc:
        raise UserError(t("--date: '%s' bukan tanggal YYYY-MM-DD") % args.date) from exc
    passphrase = read_passphrase(args, confirm=True)
    pin = read_pin(args, confirm=True)
    with new_file_or_nothing(args.db):
        event = _create(args, date, passphrase, pin)
    out(t("acara %s dibuat: %s, stasiun %s") % (event.id, event.name, args.station.upper()))
    return 0


def _create(args: argparse.Namespace, date: dt.date, passphrase: str, pin: str) -> Event:
    setup = EventSetup(
        name=args.name,
        date=date,
        kecamatan_codes=args.kecamatan,
        station=args.station,
        passphrase=passphrase,
        venue=args.venue,
        role=args.role,
        kelurahan_codes=args.kelurahan,
        pin=pin,
    )
    db = open_db(args)
    try:
        with db.begin() as session:
            return create_event(session, setup)
    finally:
        db.dispose()


def cmd_join(args: argparse.Namespace) -> int:
    from bid_desktop.services.sync import join_event

    station = validate_station_code(args.station)
    role = args.role or role_for_station(station).value
    passphrase = read_passphrase(args)
    with new_file_or_nothing(args.db):
        result = join_event(args.db, args.package, station, passphrase, role)
    out(
        t("bergabung ke acara %s: %s, stasiun %s (%s), %d versi")
        % (result.event_id, result.event_name, result.station, result.role, result.versions)
    )
    return 0
