"""Generic spreadsheet reading/writing: header matching, typed cells, row errors, safe text."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import load_workbook

from bid_desktop.domain.text import header_key
from bid_desktop.services.errors import InputRefused

MAX_ERRORS = 20
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
        return {header_key(h) for h in (self.header, *self.aliases)}


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


def match_headers(
    file_name: str, row: tuple[object, ...], specs: list[ColumnSpec]
) -> dict[str, int]:
    """Map spec header → column index; refuse with one message if required ones are missing."""
    found = {header_key(v): i for i, v in enumerate(row) if cell_text(v)}
    mapping: dict[str, int] = {}
    for spec in specs:
        for key in spec.match_keys():
            if key in found:
                mapping[spec.header] = found[key]
                break
    missing = [s.header for s in specs if s.required and s.header not in mapping]
    if missing:
        seen = ", ".join(cell_text(v) for v in row if cell_text(v)) or "(kosong)"
        raise InputRefused(
            f"{file_name}: kolom wajib tidak ada: {', '.join(missing)} (kolom yang ditemukan: {seen})"
        )
    return mapping


def read_rows(
    path: Path, specs: list[ColumnSpec], sheet: str | None = None
) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (row number, {header: text}); blank rows skipped; formula cells refused."""
    try:
        wb = load_workbook(path, read_only=True, data_only=False)
    except Exception as exc:  # noqa: BLE001 - any unreadable file is refused the same way
        raise InputRefused(
            f"{path.name}: bukan berkas Excel (.xlsx) yang bisa dibaca ({exc})"
        ) from exc
    try:
        if sheet is not None and sheet not in wb.sheetnames:
            raise InputRefused(f"{path.name}: lembar '{sheet}' tidak ada")
        ws = wb[sheet] if sheet else wb.worksheets[0]
        rows = ws.iter_rows(values_only=True)
        header = next(rows, ())
        mapping = match_headers(path.name, tuple(header or ()), specs)
        for number, row in enumerate(rows, start=2):
            values = {h: row[i] if i < len(row) else None for h, i in mapping.items()}
            if all(cell_text(v) == "" for v in values.values()):
                continue
            yield number, {h: _checked(v) for h, v in values.items()}
    finally:
        wb.close()


class FormulaCell(str):
    """Marker: the cell held a formula (refused by the row validator)."""


def _checked(value: object) -> str:
    text = cell_text(value)
    if isinstance(value, str) and text.startswith("="):
        return FormulaCell(text)
    return text


def formula_errors(number: int, values: dict[str, str], errors: RowErrors) -> bool:
    bad = [h for h, v in values.items() if isinstance(v, FormulaCell)]
    for header in bad:
        errors.add(number, header, "berisi rumus (=...); isi dengan nilai biasa")
    return bool(bad)
