"""`backup`, `restore` and `check` (cli.md)."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from bid_desktop.commands.common import add_db, add_passphrase, existing_db, out, read_passphrase
from bid_desktop.commands.lang import t
from bid_desktop.services import keystore
from bid_desktop.services import sync as sync_service
from bid_desktop.services.errors import InputRefused


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    backup = sub.add_parser("backup", help="verified, rotating backup of the database")
    add_db(backup)
    backup.add_argument("--out", type=Path, help="backup folder (default: the backup settings)")
    backup.add_argument("--keep", type=int, help="newest copies kept (default: the settings)")
    backup.set_defaults(func=cmd_backup)

    restore = sub.add_parser("restore", help="put a verified backup in place (committee PIN)")
    add_db(restore)
    restore.add_argument("backup", type=Path, metavar="FILE")
    restore.add_argument(
        "--pin-file", type=Path, help="file holding the committee PIN (else $BID_PIN, else asked)"
    )
    add_passphrase(restore)  # an encrypted backup on a laptop without the event's key file
    restore.set_defaults(func=cmd_restore)

    check = sub.add_parser("check", help="integrity and sync invariants; non-zero when broken")
    add_db(check)
    check.set_defaults(func=cmd_check)


def cmd_backup(args: argparse.Namespace) -> int:
    db = existing_db(args)
    try:
        path = sync_service.backup_now(db, args.out, keep=args.keep)
    finally:
        db.dispose()
    out(str(path))
    return 0


def read_pin(args: argparse.Namespace) -> str:
    path: Path | None = getattr(args, "pin_file", None)
    if path is not None:
        try:
            return path.read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise InputRefused(
                t("%s: berkas PIN tidak bisa dibaca (%s)") % (path, exc.strerror)
            ) from exc
    env = os.environ.get("BID_PIN")
    if env:
        return env
    if not sys.stdin.isatty():
        raise InputRefused(t("tidak ada PIN panitia: pakai --pin-file atau BID_PIN"))
    return getpass.getpass(t("PIN panitia: "))


def cmd_restore(args: argparse.Namespace) -> int:
    pin = read_pin(args)
    try:
        kept = sync_service.restore(args.db, args.backup, pin)
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
