"""Helpers shared by the subcommands: open the database, read the passphrase, print."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from bid_desktop.commands.lang import t
from bid_desktop.services.errors import InputRefused
from bid_desktop.storage.db import Database, open_database


def add_db(parser: argparse.ArgumentParser, required: bool = True) -> None:
    parser.add_argument("--db", type=Path, required=required, help=t("berkas basis data"))


def add_passphrase(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--passphrase-file",
        type=Path,
        help=t(
            "berkas berisi kata sandi acara (jika tidak: $BID_PASSPHRASE, jika tidak: ditanyakan)"
        ),
    )


def read_passphrase(args: argparse.Namespace, *, confirm: bool = False) -> str:
    path: Path | None = getattr(args, "passphrase_file", None)
    if path is not None:
        try:
            return path.read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise InputRefused(
                t("%s: berkas kata sandi tidak bisa dibaca (%s)") % (path, exc.strerror)
            ) from exc
    env = os.environ.get("BID_PASSPHRASE")
    if env:
        return env
    if not sys.stdin.isatty():
        raise InputRefused(t("tidak ada kata sandi: pakai --passphrase-file atau BID_PASSPHRASE"))
    first = getpass.getpass(t("Kata sandi acara: "))
    if confirm and getpass.getpass(t("Ulangi kata sandi: ")) != first:
        raise InputRefused(t("kedua kata sandi berbeda"))
    return first


def add_pin(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--pin-file", type=Path, help="file holding the committee PIN (else $BID_PIN, else asked)"
    )


def read_pin(args: argparse.Namespace, *, confirm: bool = False) -> str:
    """The committee PIN: ``--pin-file``, else ``BID_PIN``, else asked (never an argument)."""
    path: Path | None = getattr(args, "pin_file", None)
    if path is not None:
        try:
            return path.read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise InputRefused(f"{path.name}: cannot read PIN file ({exc.strerror})") from exc
    env = os.environ.get("BID_PIN")
    if env:
        return env
    if not sys.stdin.isatty():
        raise InputRefused("no committee PIN: use --pin-file or BID_PIN")
    first = getpass.getpass("PIN panitia: ")
    if confirm and getpass.getpass("Ulangi PIN panitia: ") != first:
        raise InputRefused("the two PINs differ")
    return first


def open_db(args: argparse.Namespace) -> Database:
    return open_database(args.db)


def existing_db(args: argparse.Namespace) -> Database:
    if not Path(args.db).exists():
        raise InputRefused(t("%s: basis data tidak ditemukan") % args.db)
    return open_database(args.db)


def out(text: str) -> None:
    print(text, flush=True)
