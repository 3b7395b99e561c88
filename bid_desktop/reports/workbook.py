"""Read the cells of a spreadsheet as offices save them: .xlsx/.xlsm/.xls/.xlsb/.ods and .csv.

Workbooks go through python-calamine (bench/bench_import.py: 12-16x faster than openpyxl's
read-only reader on 50,000 rows), which reads every cell that is there whatever size the sheet declares (WPS Office
writes ``A1``) and gives a formula's saved value. Only a formula with no saved value is
marked (``NoValue``); text that merely starts with ``=`` is text.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from posixpath import join as posix_join
from posixpath import normpath

from bid_desktop.domain.errors import InputRefused

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")
CSV_SUFFIXES = (".csv", ".txt")
FORMATS_TEXT = ".xlsx, .xls, .ods atau .csv"
_CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")


class NoValue(str):
    """A formula cell the file holds no saved value for."""


@dataclass
class Cells:
    """A sheet's cells as rows of Python values (row 1 first) and what the reader noticed."""

    rows: list[list[object]]
    notes: list[str] = field(default_factory=list)


def read_cells(path: Path, sheet: str | None = None) -> Cells:
    """Every cell of ``sheet`` (default the first) of the workbook or CSV at ``path``."""
    try:
        return _read_cells(path, sheet)
    except OSError as exc:
        raise InputRefused(
            f"{path.name}: berkas tidak bisa dibaca ({exc.strerror or 'ditolak sistem'}); "
            "tutup programnya atau salin berkas ke folder lain lalu coba lagi"
        ) from exc


def sheet_names(path: Path) -> list[str]:
    """The workbook's sheets in order (a CSV has one, unnamed: [])."""
    if path.suffix.lower() in CSV_SUFFIXES:
        return []
    from python_calamine import CalamineWorkbook

    try:
        wb = CalamineWorkbook.from_path(str(path))
    except Exception:  # noqa: BLE001 - read_cells has already said what is wrong
        return []
    try:
        return list(wb.sheet_names)
    finally:
        wb.close()


def _read_cells(path: Path, sheet: str | None) -> Cells:
    if not path.is_file():
        raise InputRefused(f"{path.name}: berkas tidak ditemukan")
    notes = _lock_notes(path)
    suffix = path.suffix.lower()
    if suffix in CSV_SUFFIXES:
        if sheet is not None:
            raise InputRefused(f"{path.name}: berkas CSV tidak punya lembar '{sheet}'")
        return Cells(read_csv_rows(path), notes)
    with path.open("rb") as fh:
        head = fh.read(8)
    if head.startswith(_CFB_MAGIC) and _encrypted(path):
        raise InputRefused(_password_text(path))
    if suffix not in WORKBOOK_SUFFIXES and not head.startswith((b"PK", _CFB_MAGIC)):
        raise InputRefused(f"{path.name}: bukan lembar kerja yang bisa dibaca ({FORMATS_TEXT})")
    return Cells(_calamine_rows(path, sheet), notes)


def _calamine_rows(path: Path, sheet: str | None) -> list[list[object]]:
    from python_calamine import CalamineWorkbook, PasswordError

    try:
        wb = CalamineWorkbook.from_path(str(path))
    except PasswordError as exc:
        raise InputRefused(_password_text(path)) from exc
    except Exception as exc:  # noqa: BLE001 - any unreadable file is refused the same way
        raise InputRefused(
            f"{path.name}: bukan lembar kerja yang bisa dibaca ({FORMATS_TEXT}); "
            "buka di Excel atau LibreOffice lalu simpan lagi"
        ) from exc
    try:
        names = wb.sheet_names
        if sheet is not None and sheet not in names:
            raise InputRefused(f"{path.name}: lembar '{sheet}' tidak ada")
        name = sheet if sheet is not None else names[0]
        try:
            rows: list[list[object]] = [
                list(r) for r in wb.get_sheet_by_name(name).to_python(skip_empty_area=False)
            ]
        except PasswordError as exc:
            raise InputRefused(_password_text(path)) from exc
        except Exception as exc:  # noqa: BLE001
            raise InputRefused(f"{path.name}: lembar '{name}' tidak bisa dibaca") from exc
    finally:
        wb.close()
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        _mark_missing_values(path, name, rows)
    return rows


def _password_text(path: Path) -> str:
    return (
        f"{path.name}: berkas dilindungi kata sandi; buka di Excel, hapus kata sandinya "
        "(File → Info → Lindungi Buku Kerja) lalu simpan dan impor lagi"
    )


def _encrypted(path: Path) -> bool:
    """An encrypted .xlsx is an OLE container holding an ``EncryptedPackage`` stream."""
    with path.open("rb") as fh:
        return _ENCRYPTED in fh.read(1 << 20)


def _lock_notes(path: Path) -> list[str]:
    locks = {f"~${path.name}", f"~${path.name[2:]}", f".~lock.{path.name}#"}
    if any((path.parent / lock).exists() for lock in locks):
        return [
            f"{path.name} sedang dibuka di Excel/LibreOffice: perubahan yang belum disimpan "
            "tidak ikut diimpor"
        ]
    return []


# --- formulas without a saved value (.xlsx only: .xls and .ods always store the result) ---

_CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?c>)", re.S)
_REF = re.compile(rb'\br="([A-Z]+)([0-9]+)"')
_VALUE = re.compile(rb"<(?:\w+:)?v>[^<]")
_TEXT_RESULT = re.compile(rb'\bt="str"')  # a formula whose saved result is text, maybe ""
_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")


def _mark_missing_values(path: Path, sheet: str, rows: list[list[object]]) -> None:
    try:
        with zipfile.ZipFile(path) as z:
            data = z.read(_sheet_member(z, sheet))
    except (KeyError, zipfile.BadZipFile, OSError):
        return
    if not _FORMULA.search(data):
        return
    for match in _CELL.finditer(data):
        body = match.group(2) or b""
        if not _FORMULA.search(body) or _VALUE.search(body) or _has_empty_text(match, body):
            continue
        ref = _REF.search(match.group(1))
        if ref is None:
            continue
        row, col = int(ref.group(2)) - 1, _column_index(ref.group(1).decode())
        while len(rows) <= row:
            rows.append([])
        while len(rows[row]) <= col:
            rows[row].append("")
        formula = re.search(rb"<(?:\w+:)?f[^>]*>([^<]*)<", body)
        rows[row][col] = NoValue("=" + (formula.group(1).decode() if formula else ""))


def _has_empty_text(match: re.Match[bytes], body: bytes) -> bool:
    """Excel saves a formula that gave "" (=IFERROR(VLOOKUP(…),"")) as t="str" with <v></v>."""
    return bool(_TEXT_RESULT.search(match.group(1))) and b"<v" in body


def _sheet_member(z: zipfile.ZipFile, sheet: str) -> str:
    workbook = z.read("xl/workbook.xml").decode("utf-8", "replace")
    rels = z.read("xl/_rels/workbook.xml.rels").decode("utf-8", "replace")
    for tag in re.finditer(r"<(?:\w+:)?sheet\b[^>]*>", workbook):
        attrs = dict(re.findall(r'([\w:]+)="([^"]*)"', tag.group(0)))
        if _unescape(attrs.get("name", "")) != sheet:
            continue
        rid = next((v for k, v in attrs.items() if k.endswith(":id")), "")
        for rel in re.finditer(r"<(?:\w+:)?Relationship\b[^>]*>", rels):
            rattrs = dict(re.findall(r'(\w+)="([^"]*)"', rel.group(0)))
            if rattrs.get("Id") == rid:
                target = rattrs.get("Target", "")
                return (
                    target.lstrip("/")
                    if target.startswith("/")
                    else normpath(posix_join("xl", target))
                )
    raise KeyError(sheet)


def _unescape(text: str) -> str:
    import html

    return html.unescape(text)


def _column_index(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


# --- CSV ---


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with its BOM (Excel's "Unicode Text"), else
    Windows-1252 (what Excel writes on Windows)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_csv_rows(path: Path) -> list[list[object]]:
    """CSV rows; the delimiter (comma, semicolon or tab) is the one giving the widest rows."""
    text = decode_text(path.read_bytes())
    first, _, rest = text.partition("\n")
    declared = re.fullmatch(r"\s*sep=(.)\s*", first)
    if declared:
        return _split(rest, declared.group(1))
    best: list[list[object]] = []
    best_score = (-1, -1)
    for delimiter in (";", ",", "\t"):
        rows = _split(text, delimiter)
        widths = [sum(1 for c in r if str(c).strip()) for r in rows[:30]]
        score = (max(widths, default=0), -len(set(widths)))
        if score > best_score:
            best, best_score = rows, score
    return best


def _split(text: str, delimiter: str) -> list[list[object]]:
    return [list(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
