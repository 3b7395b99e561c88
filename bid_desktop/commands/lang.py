"""The language of a command's output: Bahasa Indonesia unless ``--lang en`` asks for English.

Messages are written in Indonesian, ``t("…")`` with literal arguments, and translated from the
window's own catalogue, ``resources/translations/bid_desktop_en.ts`` (context "Cli"), so the
command line and the window say the same things in the same words. No Qt here: the .ts is read
as XML. ``resources/translations/cli_strings.py`` lists the t() messages for lupdate.
"""

from __future__ import annotations

import argparse
import xml.etree.ElementTree as ET
from functools import lru_cache
from pathlib import Path

CONTEXT = "Cli"
LANGUAGES = ("id", "en")
_current = {"lang": "id"}
# argparse's own words (usage, options, its errors), which it looks up through its module-level
# ``_`` at call time: in Indonesian runs they are Indonesian too.
ARGPARSE_ID = {
    "usage: ": "penggunaan: ",
    "options": "opsi",
    "positional arguments": "argumen posisi",
    "show this help message and exit": "tampilkan bantuan ini lalu keluar",
    "show program's version number and exit": "tampilkan versi program lalu keluar",
    "%(prog)s: error: %(message)s\n": "%(prog)s: galat: %(message)s\n",
    "the following arguments are required: %s": "argumen berikut wajib diisi: %s",
    "unrecognized arguments: %s": "argumen tidak dikenal: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "pilihan tidak sah: %(value)r (pilih dari %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": "nilai %(type)s tidak sah: %(value)r",
    "expected one argument": "perlu satu nilai",
    "argument %(argument_name)s: %(message)s": "argumen %(argument_name)s: %(message)s",
    "not allowed with argument %s": "tidak boleh bersama argumen %s",
    "one of the arguments %s is required": "salah satu argumen %s wajib diisi",
}
_ARGPARSE_GETTEXT = argparse._  # type: ignore[attr-defined]


def _argparse_id(text: str) -> str:
    return ARGPARSE_ID.get(text, text)


def set_language(lang: str | None) -> None:
    _current["lang"] = lang if lang in LANGUAGES else "id"
    argparse._ = _argparse_id if _current["lang"] == "id" else _ARGPARSE_GETTEXT  # type: ignore[attr-defined]


def language() -> str:
    return _current["lang"]


def split_lang(argv: list[str]) -> tuple[str | None, list[str]]:
    """``--lang X`` (or ``--lang=X``) wherever it is, and the arguments without it; a value
    that is no language stays for argparse to refuse."""
    rest: list[str] = []
    lang: str | None = None
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--lang" and i + 1 < len(argv) and argv[i + 1] in LANGUAGES:
            lang, i = argv[i + 1], i + 2
            continue
        if arg.startswith("--lang=") and arg.split("=", 1)[1] in LANGUAGES:
            lang, i = arg.split("=", 1)[1], i + 1
            continue
        rest.append(arg)
        i += 1
    return lang, rest


def t_noop(source: str) -> str:
    """Marks a message translated elsewhere by ``t`` (a service's template), for the catalogue."""
    return source


def t(source: str) -> str:
    """``source`` (Indonesian) in the language of this run."""
    if _current["lang"] == "id":
        return source
    return _catalogue().get(source) or source


def _translations_dir() -> Path:
    from bid_desktop.shipped import resource

    return resource("translations")


@lru_cache(maxsize=1)
def _catalogue() -> dict[str, str]:
    path = _translations_dir() / "bid_desktop_en.ts"
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError):
        return {}
    found: dict[str, str] = {}
    for context in root.iter("context"):
        if context.findtext("name") != CONTEXT:
            continue
        for message in context.iter("message"):
            source, translation = message.find("source"), message.find("translation")
            if source is not None and translation is not None and translation.text:
                found[source.text or ""] = translation.text
    return found
