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


def _read_secret(path: Path | None, env: str, confirm: bool, texts: tuple[str, ...]) -> str:
    """A secret from ``path``, else the environment variable ``env``, else asked on the
    terminal (never a command-line argument: it would stay in the shell history)."""
    unreadable, missing, prompt, again, differ = texts
    if path is not None:
        try:
            return path.read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise InputRefused(unreadable % (path, exc.strerror)) from exc
    value = os.environ.get(env)
    if value:
        return value
    if not sys.stdin.isatty():
        raise InputRefused(missing)
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass(again) != first:
        raise InputRefused(differ)
    return first


def read_passphrase(args: argparse.Namespace, *, confirm: bool = False) -> str:
    """The event passphrase: ``--passphrase-file``, else ``BID_PASSPHRASE``, else asked."""
    texts = (
        t("%s: berkas kata sandi tidak bisa dibaca (%s)"),
        t("tidak ada kata sandi: pakai --passphrase-file atau BID_PASSPHRASE"),
        t("Kata sandi acara: "),
        t("Ulangi kata sandi: "),
        t("kedua kata sandi berbeda"),
    )
    return _read_secret(getattr(args, "passphrase_file", None), "BID_PASSPHRASE", confirm, texts)


def add_pin(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--pin-file",
        type=Path,
        help=t("berkas berisi PIN panitia (jika tidak: $BID_PIN, jika tidak: ditanyakan)"),
    )


def read_pin(args: argparse.Namespace, *, confirm: bool = False) -> str:
    """The committee PIN: ``--pin-file``, else ``BID_PIN``, else asked (never an argument)."""
    texts = (
        t("%s: berkas PIN tidak bisa dibaca (%s)"),
        t("tidak ada PIN panitia: pakai --pin-file atau BID_PIN"),
        t("PIN panitia: "),
        t("Ulangi PIN panitia: "),
        t("kedua PIN berbeda"),
    )
    return _read_secret(getattr(args, "pin_file", None), "BID_PIN", confirm, texts)


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
