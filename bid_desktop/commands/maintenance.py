"""`backup`, `restore` and `check` (cli.md)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from bid_desktop.commands.common import (
    add_db,
    add_passphrase,
    add_pin,
    existing_db,
    out,
    read_passphrase,
    read_pin,
)
from bid_desktop.commands.lang import t
from bid_desktop.services import keystore
from bid_desktop.services import sync as sync_service
from bid_desktop.services.audit import require_pin


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    backup = sub.add_parser("backup", help=t("cadangan basis data yang diperiksa dan bergilir"))
    add_db(backup)
    backup.add_argument("--out", type=Path, help=t("folder cadangan (bawaan: pengaturan cadangan)"))
    backup.add_argument(
        "--keep",
        type=int,
        help=t("jumlah salinan terbaru yang disimpan (bawaan: pengaturan; perlu PIN)"),
    )
    add_pin(backup)
    backup.set_defaults(func=cmd_backup)

    restore = sub.add_parser(
        "restore", help=t("pulihkan cadangan yang sudah diperiksa (PIN panitia)")
    )
    add_db(restore)
    restore.add_argument("backup", type=Path, metavar="FILE")
    add_pin(restore)
    add_passphrase(restore)  # an encrypted backup on a laptop without the event's key file
    restore.set_defaults(func=cmd_restore)

    check = sub.add_parser(
        "check", help=t("integritas dan invarian sinkronisasi; bukan nol jika rusak")
    )
    add_db(check)
    check.set_defaults(func=cmd_check)


def cmd_backup(args: argparse.Namespace) -> int:
    db = existing_db(args)
    try:
        if args.keep is not None:  # pruning deletes backups: the committee decides
            with db.begin() as session:
                require_pin(session, read_pin(args))
        path = sync_service.backup_now(db, args.out, keep=args.keep)
    finally:
        db.dispose()
    out(str(path))
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    pin = read_pin(args)
    # a passphrase given up front also opens an encrypted backup and stands in for a PIN
    # nobody remembers when the database is damaged
    given = args.passphrase_file is not None or bool(os.environ.get("BID_PASSPHRASE"))
    try:
        kept = sync_service.restore(
            args.db, args.backup, pin, read_passphrase(args) if given else None
        )
    except keystore.KeyMissing:
        kept = sync_service.restore(args.db, args.backup, pin, read_passphrase(args))
    out(t("%s dipulihkan ke %s") % (args.backup, args.db))
    if kept is not None:
        out(t("basis data sebelumnya disimpan sebagai %s") % kept)
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    problems = sync_service.check_database(args.db)
    for problem in problems:
        print(f"bid-desktop: {Path(args.db).name}: {problem}", file=sys.stderr)
    if problems:
        return 1
    out(t("%s: baik (integrity_check, invarian sinkronisasi, tidak ada nomor ganda)") % args.db)
    return 0
