"""Opening the window skips the subcommand parser (and every command module it imports)."""

from __future__ import annotations

from pathlib import Path

from bid_desktop.cli import window_args


def test_window_options_are_parsed_on_their_own():
    args = window_args(["--db", "acara.sqlite", "--lang", "en", "--smoke"])
    assert args is not None
    assert (args.db, args.lang, args.smoke) == (Path("acara.sqlite"), "en", True)
    plain = window_args([])
    assert plain is not None and (plain.db, plain.lang, plain.smoke) == (None, None, False)


def test_anything_else_goes_to_the_full_parser():
    for argv in (
        ["demo", "--db", "x.sqlite"],
        ["--db", "x.sqlite", "export", "--out", "usb"],
        ["--help"],
        ["--version"],
        ["--lang", "xx"],
        ["--unknown"],
    ):
        assert window_args(argv) is None, argv
