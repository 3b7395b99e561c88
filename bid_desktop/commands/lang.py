"""The language of a command's output: Bahasa Indonesia unless ``--lang en`` asks for English.

Messages are written in Indonesian, ``t("…")`` with literal arguments, and translated from the
window's own catalogue, ``resources/translations/bid_desktop_en.ts`` (context "Cli"), so the
command line and the window say the same things in the same words. No Qt here: the .ts is read
as XML. ``resources/translations/cli_strings.py`` lists the t() messages for lupdate.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from functools import lru_cache
from pathlib import Path

CONTEXT = "Cli"
LANGUAGES = ("id", "en")
_current = {"lang": "id"}


def set_language(lang: str | None) -> None:
    _current["lang"] = lang if lang in LANGUAGES else "id"


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
