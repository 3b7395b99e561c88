"""Helpers shared by the subcommands: open the database, read the passphrase, print."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
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
        "--pin-file",
        type=Path,
        help=t("berkas berisi PIN panitia (jika tidak: $BID_PIN, jika tidak: ditanyakan)"),
    )


def read_pin(args: argparse.Namespace, *, confirm: bool = False) -> str:
    """The committee PIN: ``--pin-file``, else ``BID_PIN``, else asked (never an argument)."""
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
    first = getpass.getpass(t("PIN panitia: "))
    if confirm and getpass.getpass(t("Ulangi PIN panitia: ")) != first:
        raise InputRefused(t("kedua PIN berbeda"))
    return first


def open_db(args: argparse.Namespace) -> Database:
    return open_database(args.db)


@contextmanager
def new_file_or_nothing(path: Path) -> Iterator[None]:
    """A database the command creates is removed again when the command fails (a refused
    join or create leaves no half-made file that later reads as damaged)."""
    existed = Path(path).exists()
    try:
        yield
    except BaseException:
        if not existed:
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
        raise


def existing_db(args: argparse.Namespace) -> Database:
    if not Path(args.db).exists():
        raise InputRefused(t("%s: basis data tidak ditemukan") % args.db)
    return open_database(args.db)


def out(text: str) -> None:
    print(text, flush=True)
