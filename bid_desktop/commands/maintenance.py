"""`backup`, `restore` and `check` (cli.md)."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from bid_desktop.commands.common import add_db, existing_db, out
from bid_desktop.commands.lang import t
from bid_desktop.services import sync as sync_service
from bid_desktop.services.errors import InputRefused


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    backup = sub.add_parser("backup", help=t("cadangan basis data yang diperiksa dan bergilir"))
    add_db(backup)
    backup.add_argument("--out", type=Path, help=t("folder cadangan (bawaan: pengaturan cadangan)"))
    backup.add_argument(
        "--keep", type=int, help=t("jumlah salinan terbaru yang disimpan (bawaan: pengaturan)")
    )
    backup.set_defaults(func=cmd_backup)

    restore = sub.add_parser(
        "restore", help=t("pulihkan cadangan yang sudah diperiksa (PIN panitia)")
    )
    add_db(restore)
    restore.add_argument("backup", type=Path, metavar="FILE")
    restore.add_argument(
        "--pin-file",
        type=Path,
        help=t("berkas berisi PIN panitia (jika tidak: $BID_PIN, jika tidak: ditanyakan)"),
    )
    restore.set_defaults(func=cmd_restore)

    check = sub.add_parser(
        "check", help=t("integritas dan invarian sinkronisasi; bukan nol jika rusak")
    )
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
    kept = sync_service.restore(args.db, args.backup, pin)
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
