"""`badges`: name badges as one PDF (cli.md); `letters`: the invitation letters as one PDF."""

from __future__ import annotations

import argparse
from pathlib import Path

from bid_desktop.commands.common import add_db, existing_db, out
from bid_desktop.commands.lang import t
from bid_desktop.services import registration_badges as badges


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    cmd = sub.add_parser("badges", help=t("badge nama (PDF, Code128 nomor peserta)"))
    add_db(cmd)
    cmd.add_argument("--out", type=Path, required=True, help=t("berkas PDF yang ditulis"))
    cmd.add_argument(
        "--participant",
        action="append",
        default=[],
        metavar="NUMBER",
        help=t("hanya nomor peserta ini (boleh berulang); bawaan: semua yang tidak dibatalkan"),
    )
    which = cmd.add_mutually_exclusive_group()
    which.add_argument("--unprinted", action="store_true", help=t("hanya badge yang belum dicetak"))
    which.add_argument("--walkins", action="store_true", help=t("hanya pendaftaran walk-in"))
    cmd.add_argument(
        "--layout",
        choices=["sheet", "single"],
        default="sheet",
        help=t("sheet: sepuluh per halaman A4 (bawaan); single: satu badge 90×55 mm per halaman"),
    )
    cmd.set_defaults(func=cmd_badges)
    register_letters(sub)


def cmd_badges(args: argparse.Namespace) -> int:
    db = existing_db(args)
    which = badges.UNPRINTED if args.unprinted else badges.WALKINS if args.walkins else badges.ALL
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with db.begin() as session:
        run = badges.print_badges(
            session, args.out, which, numbers=args.participant, layout=args.layout
        )
    out(t("%d badge: %s") % (run.count, run.path))
    if run.unprintable:
        out(
            t("peringatan: huruf tidak ada di font, tercetak sebagai kotak: %s")
            % "; ".join(run.unprintable)
        )
    return 0


def register_letters(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    cmd = sub.add_parser(
        "letters", help=t("surat undangan dalam satu PDF, masing-masing dengan kode badge")
    )
    add_db(cmd)
    cmd.add_argument("--out", type=Path, required=True, help=t("berkas PDF yang ditulis"))
    cmd.add_argument(
        "--per",
        choices=["invitee", "desa"],
        default="invitee",
        help=t("invitee: satu surat per undangan (bawaan); desa: satu per desa untuk Kepala Desa"),
    )
    cmd.add_argument(
        "--desa",
        action="append",
        default=[],
        metavar="CODE",
        help=t("hanya desa ini (boleh berulang)"),
    )
    cmd.set_defaults(func=cmd_letters)


def cmd_letters(args: argparse.Namespace) -> int:
    from bid_desktop.services.invitations import write_letters

    db = existing_db(args)
    with db.begin() as session:
        count = write_letters(session, args.out, per=args.per, desa_codes=args.desa)
    out(t("%d surat undangan: %s") % (count, args.out))
    return 0
