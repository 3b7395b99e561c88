"""The ``bid-desktop`` command line: parse, call a service, print (cli.md)."""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from bid_desktop import __version__
from bid_desktop.commands.lang import set_language, split_lang, t
from bid_desktop.services.errors import InputRefused, UserError

# Each module registers its subcommands; add a line here for a new area.
COMMAND_MODULES = [
    "bid_desktop.commands.event",
    "bid_desktop.commands.demo",
    "bid_desktop.commands.imports",
    "bid_desktop.commands.registration",
    "bid_desktop.commands.sync",
    "bid_desktop.commands.live",
    "bid_desktop.commands.maintenance",
    "bid_desktop.commands.bursa",
    "bid_desktop.commands.exchange",
    "bid_desktop.commands.recap",
]

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_REFUSED = 0, 1, 2, 3
# A sync package handed over by the file manager or Windows (double-click, "Open with"):
# the window opens on its import preview (sync/package.py, services.sync.PACKAGE_SUFFIX).
PACKAGE_SUFFIX = ".bidsync"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bid-desktop",
        description=t("BID Desktop — Bursa Inovasi Desa, tanpa internet."),
        epilog=t(
            "Tanpa PERINTAH: buka jendela; dengan BERKAS.bidsync (bid-desktop [--db DB] "
            "BERKAS.bidsync) pada pratinjau impor paket itu."
        ),
    )
    parser.add_argument("--db", type=Path, help=t("berkas basis data (untuk jendela)"))
    parser.add_argument("--lang", choices=["id", "en"], help=t("bahasa antarmuka dan keluaran"))
    parser.add_argument("--version", action="version", version=f"bid-desktop {__version__}")
    parser.add_argument(
        "--smoke", action="store_true", help=t("buka jendela, keluar 0 begitu tampil (pemeriksaan)")
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                continue  # area not built yet
            raise
        module.register(sub)
    return parser


def window_args(argv: list[str]) -> argparse.Namespace | None:
    """The window's options when ``argv`` names no subcommand, else None.

    Opening the window must not import every command module (openpyxl, reportlab, lokal...:
    ~0.5 s of start-up, quality P1), so the window's few options are parsed on their own.
    """
    if any(a in ("-h", "--help", "--version") for a in argv):
        return None
    parser = argparse.ArgumentParser(prog="bid-desktop", add_help=False, exit_on_error=False)
    parser.add_argument("--db", type=Path)
    parser.add_argument("--lang", choices=["id", "en"])
    parser.add_argument("--smoke", action="store_true")
    try:
        args, rest = parser.parse_known_args(argv)
    except (argparse.ArgumentError, SystemExit):
        return None  # let the full parser print the usage error
    args.package = None
    if len(rest) == 1 and rest[0].lower().endswith(PACKAGE_SUFFIX) and rest[0][:1] != "-":
        args.package, rest = Path(rest[0]), []
    return None if rest else args


def run(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    window = window_args(argv)
    if window is not None:
        # The ORM before Qt: once PySide6 is imported, its import hook reads the source of
        # every module imported after it (~80 ms for SQLAlchemy's few hundred modules).
        import sqlalchemy.dialects.sqlite  # noqa: F401

        import bid_desktop.services.clock_check  # noqa: F401
        import bid_desktop.services.station  # noqa: F401
        import bid_desktop.storage.db  # noqa: F401
        from bid_desktop.ui.app import run_window

        return run_window(window.db, lang=window.lang, smoke=window.smoke, package=window.package)
    lang, argv = split_lang(argv)  # one language per run, wherever --lang was given
    set_language(lang)
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from bid_desktop.ui.app import run_window

        return run_window(args.db, lang=lang, smoke=args.smoke)
    if getattr(args, "db", None) and Path(args.db).exists():
        from bid_desktop.sync.staging import clean_leftovers

        clean_leftovers(args.db)  # staging a killed run left behind (names, phones)
    try:
        return int(args.func(args) or 0)
    except InputRefused as exc:
        print(f"bid-desktop: {exc}", file=sys.stderr)
        return EXIT_REFUSED
    except UserError as exc:
        print(f"bid-desktop: {exc}", file=sys.stderr)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        return EXIT_ERROR
    except Exception as exc:
        from bid_desktop.services.errors import plain_reason

        reason = plain_reason(exc)  # disk full, read-only...: one line, no SQL, no names
        if reason is None:
            raise
        print(f"bid-desktop: {reason}", file=sys.stderr)
        return EXIT_ERROR
