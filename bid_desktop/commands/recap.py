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
    recap.set_defaults(func=cmd_recap)
    report = sub.add_parser("report", help=t("laporan acara dengan grafik (PDF)"))
    add_db(report)
    report.add_argument("--out", type=Path, required=True, help=t("berkas PDF yang ditulis"))
    report.set_defaults(func=cmd_report)


def cmd_recap(args: argparse.Namespace) -> int:
    from bid_desktop.services.recap import write_recap

    db = existing_db(args)
    with db.begin() as session:
        result = write_recap(session, args.out)
    counts = ", ".join(f"{sheet} {n}" for sheet, n in result.rows.items())
    out(t("rekap ditulis: %s (%s)") % (result.path, counts))
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from bid_desktop.services.report import write_report

    db = existing_db(args)
    with db.begin() as session:
        result = write_report(session, args.out)
    out(t("laporan ditulis: %s (%d halaman)") % (result.path, result.pages))
    return 0
