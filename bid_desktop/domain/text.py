"""Text normalisation used by identities, search and header matching."""

from __future__ import annotations

import re
import unicodedata

_HONORIFICS = {
    "bapak",
    "bpk",
    "bp",
    "ibu",
    "sdr",
    "sdri",
    "saudara",
    "saudari",
    "h",
    "hj",
    "dr",
    "ir",
}
_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def fold(text: str) -> str:
    """Lower-case, strip accents, collapse everything that is not a letter or digit to a space."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return _NON_ALNUM.sub(" ", text).strip()


def normalize_name(name: str) -> str:
    """Name as used in identities and duplicate detection: folded, honorifics dropped."""
    words = [w for w in fold(name).split() if w not in _HONORIFICS]
    return " ".join(words)


def header_key(text: object) -> str:
    """Spreadsheet header matching ignores case, spaces and punctuation."""
    return _NON_ALNUM.sub("", fold(str(text or "")))


def search_key(text: str) -> str:
    """What a search box matches against (stored beside names for SQL LIKE)."""
    return fold(text)
