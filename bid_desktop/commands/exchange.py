"""`piagam`: one piagam PDF per desa with commitments (cli.md); Jendela 3 from a script."""

from __future__ import annotations

import argparse
from pathlib import Path

from bid_desktop.commands.common import add_db, existing_db, out
from bid_desktop.commands.lang import t
from bid_desktop.services.exchange_piagam import issue_many


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    cmd = sub.add_parser(
        "piagam",
        help=t("satu PDF piagam per desa yang punya komitmen (cetak ulang bertanda SALINAN)"),
    )
    add_db(cmd)
    cmd.add_argument("--out", type=Path, required=True, help=t("folder untuk berkas PDF"))
    cmd.add_argument(
        "--desa",
        action="append",
        default=[],
        metavar="CODE",
        help=t(
            "hanya desa ini (kode Kemendagri, boleh berulang); bawaan: setiap desa yang punya komitmen"
        ),
    )
    cmd.set_defaults(func=cmd_piagam)


def cmd_piagam(args: argparse.Namespace) -> int:
    from bid_desktop.services.import_desa import normalize_code

    # a code as offices write it (1806202001, 18-06-20-2001) is the same desa
    codes = [normalize_code(c) or c for c in args.desa] if args.desa else args.desa
    db = existing_db(args)
    with db.begin() as session:
        runs = issue_many(session, args.out, codes)
    for run in runs:
        copy = "  " + t("SALINAN") if run.is_copy else ""
        count = t("%d komitmen") % run.commitments
        out(f"{run.serial}\t{run.desa_name}\t{count}{copy}\t{run.path}")
        if run.unprintable:
            out(t("peringatan: %s: huruf tidak ada di font: %s") % (run.serial, run.unprintable))
    copies = sum(r.is_copy for r in runs)
    out(t("%d piagam (%d salinan) di %s") % (len(runs), copies, args.out))
    return 0
