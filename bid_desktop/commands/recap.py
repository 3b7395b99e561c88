"""`recap` (the recap workbook) and `report` (the event report PDF), cli.md."""

from __future__ import annotations

import argparse
from pathlib import Path

from bid_desktop.commands.common import add_db, existing_db, out
from bid_desktop.commands.lang import t


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    recap = sub.add_parser("recap", help=t("buku rekap (xlsx) semua acara di basis data"))
    add_db(recap)
    recap.add_argument("--out", type=Path, required=True, help=t("berkas xlsx yang ditulis"))
    _add_scope(recap)
    recap.set_defaults(func=cmd_recap)
    report = sub.add_parser("report", help=t("laporan acara dengan grafik (PDF)"))
    add_db(report)
    report.add_argument("--out", type=Path, required=True, help=t("berkas PDF yang ditulis"))
    _add_scope(report)
    report.set_defaults(func=cmd_report)


def _add_scope(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--event",
        action="append",
        default=[],
        metavar="ID",
        help=t(
            "hanya acara ini (boleh berulang); bawaan: setiap acara (basis data TA: laporan "
            "kabupaten, ringkasan per kecamatan)"
        ),
    )


def cmd_recap(args: argparse.Namespace) -> int:
    from bid_desktop.services.recap import write_recap
    from bid_desktop.services.scope import checked

    db = existing_db(args)
    with db.begin() as session:
        result = write_recap(session, args.out, scope=checked(session, args.event))
    counts = ", ".join(f"{sheet} {n}" for sheet, n in result.rows.items())
    out(t("rekap ditulis: %s (%s)") % (result.path, counts))
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from bid_desktop.services.report import write_report
    from bid_desktop.services.scope import checked

    db = existing_db(args)
    with db.begin() as session:
        result = write_report(session, args.out, scope=checked(session, args.event))
    out(t("laporan ditulis: %s (%d halaman)") % (result.path, result.pages))
    if result.unprintable:
        out(
            t("peringatan: huruf tidak ada di font, tercetak sebagai kotak: %s")
            % "; ".join(result.unprintable)
        )
    return 0
