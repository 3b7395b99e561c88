"""Desa given in an import row as offices write them: a code or a name, or both.

Codes: dotted (18.06.20.2001) or the 10-digit Permendagri code as text or as a number cell,
with spaces or dashes. Names: with a prefix ("Desa", "Pekon", "Kampung", "Nagari", "Gampong"),
words joined or split ("Banjarmanis"); a near miss gets a suggestion; a code and a name that
disagree is an error naming both.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable

from sqlalchemy.orm import Session

from bid_desktop.domain import regions
from bid_desktop.domain.text import fold
from bid_desktop.services.events import desa_list

PREFIXES = {
    "desa",
    "ds",
    "pekon",
    "kampung",
    "kampong",
    "nagari",
    "gampong",
    "tiyuh",
    "kalurahan",
    "kelurahan",
    "kel",
}
_SEPARATORS = re.compile(r"[\s.\-_/]+")
CODE_HEADER, NAME_HEADER = "Kode Desa", "Desa"

Resolver = Callable[[str, str], tuple[str | None, str]]


class DesaError(ValueError):
    """A desa that cannot be resolved; ``column`` is the header to name in the row error."""

    def __init__(self, column: str, what: str) -> None:
        super().__init__(what)
        self.column = column


def normalize_code(text: str) -> str | None:
    """'1806202001', '18 06 20 2001', '18-06-20-2001', '18.06.20.2001' → '18.06.20.2001'."""
    digits = _SEPARATORS.sub("", text.strip())
    if len(digits) == 10 and digits.isdigit():
        return f"{digits[:2]}.{digits[2:4]}.{digits[4:6]}.{digits[6:]}"
    return None


def name_key(name: str) -> str:
    """A desa name without its prefix, case, punctuation and spaces: 'Desa Banjar-Manis' → 'banjarmanis'."""
    words = fold(name).split()
    while len(words) > 1 and words[0] in PREFIXES:
        words = words[1:]
    return "".join(words)


def desa_resolver(session: Session, event_id: str) -> Resolver:
    rows = desa_list(session, event_id)
    by_code = {d.code: d.name for d in rows}
    by_key: dict[str, list[tuple[str, str]]] = {}
    for d in rows:
        by_key.setdefault(name_key(d.name), []).append((d.code, d.name))

    def resolve(code: str, name: str) -> tuple[str | None, str]:
        if code:
            return _by_code(code, name, by_code)
        if not name:
            return None, ""
        return _by_name(name, by_key)

    return resolve


def _by_code(code: str, name: str, by_code: dict[str, str]) -> tuple[str, str]:
    dotted = normalize_code(code)
    if dotted is None:
        raise DesaError(
            CODE_HEADER, f"'{code}' bukan kode desa (mis. 18.06.20.2001 atau 1806202001)"
        )
    if dotted not in by_code:
        raise DesaError(CODE_HEADER, f"kode desa '{code}' bukan desa acara ini{_hint(dotted)}")
    actual = by_code[dotted]
    if name and name_key(name) != name_key(actual):
        raise DesaError(
            f"{CODE_HEADER}/{NAME_HEADER}",
            f"Kode Desa '{code}' adalah desa {actual}, bukan '{name}'; perbaiki salah satunya",
        )
    return dotted, actual


def _hint(dotted: str) -> str:
    """A kelurahan is not a desa: say so, and how to list its people (guests, by institution)."""
    found = regions.village(dotted) if regions.is_kelurahan(dotted) else None
    if found is None:
        return ""
    return (
        f" ({dotted} adalah Kelurahan {found.name}: kelurahan bukan desa; catat sebagai "
        f"Undangan dengan Instansi 'Kelurahan {found.name}' dan Kode Desa kosong)"
    )


def _by_name(name: str, by_key: dict[str, list[tuple[str, str]]]) -> tuple[str, str]:
    found = by_key.get(name_key(name), [])
    if len(found) > 1:
        cands = "; ".join(f"{c} {n}" for c, n in found)
        raise DesaError(NAME_HEADER, f"desa '{name}' ada lebih dari satu ({cands}); isi Kode Desa")
    if found:
        return found[0]
    near = difflib.get_close_matches(name_key(name), list(by_key), n=3, cutoff=0.75)
    hint = ""
    if near:
        names = " atau ".join(f"'{n}' ({c})" for key in near for c, n in by_key[key])
        hint = f"; maksud Anda {names}?"
    raise DesaError(NAME_HEADER, f"desa '{name}' tidak ditemukan di acara ini{hint}")
