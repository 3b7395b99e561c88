"""Find the header row of an office list and map its columns to a template's columns.

Office lists put a merged title, a subtitle and a blank row above the headers and a "No"
column first; headers are spelt many ways ("Nomor HP", "No. HP/WA", "Jenis Kelamin (L/P)").
A header matches a column when, ignoring case, spaces and punctuation, it equals the column's
name or a synonym, whole, without its parenthetical hint, or one of its slash-separated parts.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bid_desktop.domain.errors import InputRefused
from bid_desktop.domain.text import fold, header_key

if TYPE_CHECKING:
    from bid_desktop.reports.sheets import ColumnSpec

HEADER_SEARCH_ROWS = 15
# Columns every office list may carry that no import needs: said nowhere, not an error.
IGNORED = {"no", "nomor", "nourut", "nomorurut", "urut", "ttd", "tandatangan", "paraf"}
_PAREN = re.compile(r"[(\[][^)\]]*[)\]]")
SIMILAR = 0.88  # a missing column's header spelt this much alike is an error
HINT = 0.72  # an ignored column this much alike gets "maksud Anda …?"


def header_keys(text: object) -> set[str]:
    """The keys a header cell can match: whole, without (hints), and each slash-separated part."""
    raw = str(text or "").replace("*", " ").strip()
    bare = _PAREN.sub(" ", raw)
    keys = {header_key(raw), header_key(bare)}
    for part in re.split(r"[/|]", bare):
        keys.add(header_key(part))
    return {k for k in keys if k}


@dataclass
class HeaderMatch:
    row: int  # 0-based index of the header row
    mapping: dict[str, int]  # spec header -> column index
    ignored: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def map_row(row: list[object], specs: list[ColumnSpec]) -> dict[str, int]:
    """Spec header -> column index for the cells of ``row`` that match (first match wins)."""
    wanted = {spec.header: spec.match_keys() for spec in specs}
    mapping: dict[str, int] = {}
    taken: set[int] = set()
    # Exact whole-header matches first, so "No HP" is not taken by a looser "HP" elsewhere.
    for strict in (True, False):
        for i, value in enumerate(row):
            if i in taken or not _cell_text(value):
                continue
            keys = {header_key(value)} if strict else header_keys(value)
            for header, spec_keys in wanted.items():
                if header not in mapping and keys & spec_keys:
                    mapping[header] = i
                    taken.add(i)
                    break
    return mapping


def find_header(file_name: str, rows: list[list[object]], specs: list[ColumnSpec]) -> HeaderMatch:
    """The row among the first ones that matches most columns; refuse when required are missing."""
    best_row, best = -1, dict[str, int]()
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        mapping = map_row(row, specs)
        if len(mapping) > len(best):
            best_row, best = index, mapping
    if best_row < 0:
        first = next((r for r in rows if any(_cell_text(v) for v in r)), [])
        best_row = rows.index(first) if first else 0
    row = rows[best_row] if rows else []
    match = HeaderMatch(best_row, best)
    _check(file_name, row, specs, match)
    return match


def _check(file_name: str, row: list[object], specs: list[ColumnSpec], match: HeaderMatch) -> None:
    mapped = set(match.mapping.values())
    unknown = [
        _cell_text(v)
        for i, v in enumerate(row)
        if i not in mapped and _cell_text(v) and header_key(v) not in IGNORED
    ]
    missing = [s for s in specs if s.header not in match.mapping]
    guesses = {text: _closest(text, missing) for text in unknown}
    for spec in missing:
        near = [text for text, guess in guesses.items() if guess is spec]
        if near:
            raise InputRefused(
                f"{file_name}: baris {match.row + 1}: kolom '{near[0]}' tidak dikenali; "
                f"maksud Anda '{spec.header}'? Ganti judul kolomnya menjadi '{spec.header}'"
            )
    required = [s.header for s in missing if s.required]
    if required:
        seen = ", ".join(_cell_text(v) for v in row if _cell_text(v)) or "(kosong)"
        raise InputRefused(
            f"{file_name}: kolom wajib tidak ada: {', '.join(required)} "
            f"(kolom yang ditemukan: {seen})"
        )
    match.ignored = unknown
    if unknown:
        named = [_ignored_text(text, specs) for text in unknown]
        match.notes.append(f"kolom diabaikan: {', '.join(named)}")
    if match.row > 0:
        match.notes.append(f"judul kolom dibaca dari baris {match.row + 1}")


def _ignored_text(text: str, specs: list[ColumnSpec]) -> str:
    guess = _closest(text, specs, HINT)
    return f"'{text}' (maksud Anda '{guess.header}'?)" if guess else f"'{text}'"


def _closest(text: str, specs: list[ColumnSpec], cutoff: float = SIMILAR) -> ColumnSpec | None:
    """The column (of ``specs``) whose name or synonym is spelt most like ``text``."""
    best: tuple[float, ColumnSpec | None] = (cutoff, None)
    plain = fold(_PAREN.sub(" ", text))
    for spec in specs:
        for name in (spec.header, *spec.aliases):
            ratio = difflib.SequenceMatcher(None, plain, fold(_PAREN.sub(" ", name))).ratio()
            if ratio >= best[0]:
                best = (ratio, spec)
    return best[1]
