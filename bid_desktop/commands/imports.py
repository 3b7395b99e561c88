"""`template KIND --out FILE.xlsx` and `import KIND --db PATH FILE` (.xlsx/.xls/.ods/.csv)."""

from __future__ import annotations

import argparse
from pathlib import Path

from bid_desktop.commands.common import add_db, add_pin, existing_db, out, read_pin
from bid_desktop.commands.lang import t
from bid_desktop.services.audit import require_pin
from bid_desktop.services.imports import KINDS, import_xlsx, write_template

OVERWRITING = {"commitments"}  # re-stamps amounts already stamped at a table


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    tpl = sub.add_parser("template", help=t("tulis templat spreadsheet kosong"))
    # No blank recap template: the recap workbook is written by `recap` from the database and
    # matched back by its hidden ID column, so `template recap` is wrong usage (exit 2).
    tpl.add_argument("kind", choices=[k for k in KINDS if k != "recap"])
    tpl.add_argument("--out", type=Path, required=True)
    add_db(tpl, required=False)
    tpl.set_defaults(func=cmd_template)
    imp = sub.add_parser(
        "import",
        help=t(
            "impor spreadsheet yang sudah diisi: .xlsx, .xls, .ods atau .csv (semua atau tidak sama sekali)"
        ),
    )
    imp.add_argument("kind", choices=KINDS)
    add_db(imp)
    add_pin(imp)  # commitments may overwrite stamped amounts: the committee PIN
    imp.add_argument("file", type=Path)
    imp.set_defaults(func=cmd_import)


def cmd_template(args: argparse.Namespace) -> int:
    if args.db is not None:
        db = existing_db(args)
        with db.begin() as session:
            path = write_template(args.kind, args.out, session=session)
    else:
        path = write_template(args.kind, args.out)
    out(t("templat ditulis: %s") % path)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    db = existing_db(args)
    if args.kind in OVERWRITING:
        with db.begin() as session:
            require_pin(session, read_pin(args))
    with db.begin() as session:
        r = import_xlsx(session, args.kind, args.file)
    out(
        t("%s: %d baris, %d baru, %d diperbarui, %d sama")
        % (r.kind, r.total, r.added, r.updated, r.unchanged)
    )
    for note in r.notes:
        out(t("catatan: %s") % note)
    if r.ignored:
        out(t("%d suntingan tidak diimpor:") % len(r.ignored))
        for line in r.ignored:
            out(f"  {line}")
    return 0
