"""Generic spreadsheet reading/writing: header matching, typed cells, row errors, safe text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from bid_desktop.domain.errors import InputRefused
from bid_desktop.domain.text import header_key
from bid_desktop.reports.headers import HeaderMatch, find_header
from bid_desktop.reports.workbook import Cells, NoValue, read_cells, sheet_names

MAX_ERRORS = 20
OWN_SHEETS = ("Petunjuk", "Desa")  # the templates' guide and desa pick list: never the data
_PAREN = re.compile(r"[(\[][^)\]]*[)\]]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_text(value: object) -> object:
    """User text that a spreadsheet would run as a formula is written as text (prefix ')."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def from_safe_text(text: str) -> str:
    """Undo ``safe_text`` on text read back from a workbook this app wrote."""
    if text.startswith("'") and text[1:].startswith(_FORMULA_START):
        return text[1:]
    return text


@dataclass(frozen=True)
class ColumnSpec:
    header: str
    required: bool = False
    aliases: tuple[str, ...] = ()
    note: str = ""
    choices: tuple[str, ...] = ()
    width: int = 18

    def match_keys(self) -> set[str]:
        """Whole names and names without their (hint): "Perkiraan Biaya (Rp)" or "…Biaya"."""
        names = (self.header, *self.aliases)
        return {header_key(n) for n in names} | {header_key(_PAREN.sub(" ", n)) for n in names}


@dataclass
class RowErrors:
    file_name: str
    lines: list[str] = field(default_factory=list)
    count: int = 0

    def add(self, row: int, header: str | None, what: str) -> None:
        self.count += 1
        if len(self.lines) < MAX_ERRORS:
            col = f", kolom {header}" if header else ""
            self.lines.append(f"{self.file_name}: baris {row}{col}: {what}")

    def raise_if_any(self) -> None:
        if self.count:
            more = self.count - len(self.lines)
            tail = [f"... dan {more} kesalahan lain"] if more > 0 else []
            raise InputRefused("\n".join([*self.lines, *tail]))


def cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


@dataclass
class Sheet:
    """The data rows of an import file, the header row taken (1-based) and what was noticed."""

    rows: list[tuple[int, dict[str, str]]]
    header_row: int
    notes: list[str]


def read_sheet(
    path: Path, specs: list[ColumnSpec], sheet: str | None = None, *, allow_empty: bool = False
) -> Sheet:
    """Every non-blank data row below the header row as (row number, {header: text}).

    A formula cell gives its saved value; one without is a ``FormulaCell``. No data row at
    all is refused unless ``allow_empty``.
    """
    cells = read_cells(path, sheet)
    where = f"{path.name}" + (f" (lembar {sheet})" if sheet else "")
    try:
        match = find_header(where, cells.rows, specs)
    except InputRefused:
        found = None if sheet is not None else _other_sheet(path, specs)
        if found is None:
            raise
        cells, match = found
    rows: list[tuple[int, dict[str, str]]] = []
    for index in range(match.row + 1, len(cells.rows)):
        row = cells.rows[index]
        values = {h: row[i] if i < len(row) else None for h, i in match.mapping.items()}
        if all(cell_text(v) == "" for v in values.values()):
            continue
        rows.append((index + 1, {h: _checked(v) for h, v in values.items()}))
    if not rows and not allow_empty:
        raise InputRefused(
            f"{where}: tidak ada baris data di bawah judul kolom (baris {match.row + 1}); "
            "tidak ada yang diimpor"
        )
    return Sheet(rows, match.row + 1, [*cells.notes, *match.notes])


def _other_sheet(path: Path, specs: list[ColumnSpec]) -> tuple[Cells, HeaderMatch] | None:
    """The list is not on the first sheet (a cover sheet, an empty Sheet1): the first other
    sheet whose headers hold every required column."""
    for name in sheet_names(path)[1:]:
        if name in OWN_SHEETS:
            continue
        cells = read_cells(path, name)
        try:
            match = find_header(f"{path.name} (lembar {name})", cells.rows, specs)
        except InputRefused:
            continue
        if len(match.mapping) < 2:  # one matching cell is a note, not a list's header row
            continue
        match.notes.insert(0, f"daftar dibaca dari lembar '{name}'")
        return cells, match
    return None


def read_rows(
    path: Path, specs: list[ColumnSpec], sheet: str | None = None
) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (row number, {header: text}) of ``read_sheet``."""
    yield from read_sheet(path, specs, sheet).rows


class FormulaCell(str):
    """Marker: the cell held a formula the file has no saved value for (refused)."""


def _checked(value: object) -> str:
    text = cell_text(value)
    if isinstance(value, NoValue):
        return FormulaCell(text)
    return text


def formula_errors(number: int, values: dict[str, str], errors: RowErrors) -> bool:
    bad = [h for h, v in values.items() if isinstance(v, FormulaCell)]
    for header in bad:
        errors.add(
            number,
            header,
            f"berisi rumus ({values[header][:40]}) tanpa nilai tersimpan; buka berkas di "
            "Excel/LibreOffice lalu simpan lagi, atau salin lalu Tempel Nilai (Paste Values)",
        )
    return bool(bad)
