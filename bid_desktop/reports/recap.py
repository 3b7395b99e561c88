"""The recap workbook (cli.md): sheets streamed row by row, so a province database never sits
in memory.

Written with XlsxWriter in constant-memory mode: about 2.5× faster than openpyxl's write-only
mode, which matters for P5 (about a million cells at province scale), and column widths can
still be set after the rows, from what was actually written. Every sheet: header row frozen,
autofilter over the data, real number and date cells, a totals row under the data (numbers
computed while streaming, no formulas), user text through ``safe_text``; printed as handed
over: A4 landscape, fitted to the page width, the header row repeated on every page, the
workbook's title and the sheet in the page header, "Halaman n dari m" in the footer. Import
reads the workbook back with openpyxl (``services/import_recap.py``).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import xlsxwriter

from bid_desktop.domain.errors import UserError
from bid_desktop.reports import recap_layout as L
from bid_desktop.reports.sheets import safe_text

NO, TEXT, INT, RUPIAH, FLOAT, DATETIME = "no", "text", "int", "rupiah", "float", "datetime"
SUM, COUNT, YES = "sum", "count", "ya"
MAX_TEXT = 32_767  # a spreadsheet cell holds no more
CHECK_EVERY = 2000
Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class Col:
    header: str
    kind: str = TEXT
    total: str = ""  # SUM, COUNT (non-empty cells) or YES (cells saying "Ya")
    hidden: bool = False
    max_width: int = 45


@dataclass
class Sheet:
    title: str
    columns: list[Col]
    rows: Iterable[Sequence[Any]]  # the values after "No", which is numbered here
    # Totals that are not sums (a mean over the rows): header → value, from the sums.
    derive_totals: Callable[[dict[str, Any]], dict[str, Any]] | None = None
    written: int = field(default=0, init=False)


def columns(headers: list[str], kinds: dict[str, Col]) -> list[Col]:
    """The layout's headers (shared with import) with the kinds of the non-text columns."""
    return [kinds.get(h, Col(h)) for h in headers]


COMMITMENT_COLUMNS = columns(
    L.COMMITMENT_HEADERS,
    {
        "No": Col("No", NO),
        "Perkiraan Anggaran (Rp)": Col("Perkiraan Anggaran (Rp)", RUPIAH, SUM),
        "Waktu Stempel": Col("Waktu Stempel", DATETIME),
        L.ID_HEADER: Col(L.ID_HEADER, hidden=True),
    },
)
IDEA_COLUMNS = columns(
    L.IDEA_HEADERS,
    {
        "No": Col("No", NO),
        "Sudah Dilaksanakan": Col("Sudah Dilaksanakan", total=YES),
        L.ID_HEADER: Col(L.ID_HEADER, hidden=True),
    },
)
DESA_COLUMNS = columns(
    L.DESA_HEADERS,
    {
        "No": Col("No", NO),
        "Hadir": Col("Hadir", total=YES),
        "Peserta Hadir": Col("Peserta Hadir", INT, SUM),
        "Perwakilan Perempuan": Col("Perwakilan Perempuan", total=YES),
        "Perempuan Lain Hadir": Col("Perempuan Lain Hadir", INT, SUM),
        "Komitmen": Col("Komitmen", INT, SUM),
        "Total Anggaran (Rp)": Col("Total Anggaran (Rp)", RUPIAH, SUM),
        "Ide": Col("Ide", INT, SUM),
    },
)
RATING_COLUMNS = columns(
    L.RATING_HEADERS,
    {
        "No": Col("No", NO),
        "Jumlah Penilaian": Col("Jumlah Penilaian", INT, SUM),
        "Rata-rata": Col("Rata-rata", FLOAT),
        **{f"Nilai {n}": Col(f"Nilai {n}", INT, SUM) for n in range(1, 6)},
    },
)
ATTENDANCE_COLUMNS = columns(
    L.ATTENDANCE_HEADERS,
    {
        "No": Col("No", NO),
        "Perwakilan Perempuan": Col("Perwakilan Perempuan", total=YES),
        "Waktu Datang": Col("Waktu Datang", DATETIME, COUNT),
        "Kit Diterima": Col("Kit Diterima", DATETIME, COUNT),
    },
)


def clean_text(value: str) -> str:
    """User text as a cell may hold it: within the cell limit and never run as a formula.
    (XlsxWriter itself escapes control characters, which XML cannot carry, as _xHHHH_.)"""
    return str(safe_text(value[:MAX_TEXT]))


def rating_mean(totals: dict[str, Any]) -> dict[str, Any]:
    """Overall mean of the totals row, weighted by the number of ratings."""
    count = totals.get("Jumlah Penilaian") or 0
    points = sum(n * (totals.get(f"Nilai {n}") or 0) for n in range(1, 6))
    return {"Rata-rata": round(points / count, 2) if count else None}


class _Formats:
    def __init__(self, wb: Any) -> None:
        self.header = wb.add_format(
            {"bold": True, "bg_color": "#DCEFE0", "bottom": 1, "text_wrap": True, "valign": "top"}
        )
        self.kinds = {
            RUPIAH: wb.add_format({"num_format": "#,##0"}),
            INT: wb.add_format({"num_format": "0"}),
            FLOAT: wb.add_format({"num_format": "0.00"}),
            DATETIME: wb.add_format({"num_format": "dd-mm-yyyy hh:mm"}),
            NO: wb.add_format({"num_format": "0"}),
        }
        self.total = wb.add_format({"bold": True, "top": 1})
        self.total_kinds = {
            kind: wb.add_format({"bold": True, "top": 1, "num_format": fmt})
            for kind, fmt in ((RUPIAH, "#,##0"), (INT, "0"), (FLOAT, "0.00"), (TEXT, "0"))
        }


TITLE = "Rekap Bursa Inovasi Desa"
A4 = 9  # the spreadsheet paper code


def write_workbook(
    path: Path,
    sheets: list[Sheet],
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    title: str = TITLE,
) -> dict[str, int]:
    """Write every sheet to ``path`` (atomically: a temporary file renamed at the end)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    wb = xlsxwriter.Workbook(
        str(tmp),
        {
            "constant_memory": True,
            "strings_to_formulas": False,
            "strings_to_numbers": False,
            "strings_to_urls": False,
        },
    )
    try:
        fmt = _Formats(wb)
        for index, sheet in enumerate(sheets):
            if progress:
                progress(index, len(sheets), sheet.title)
            _write_sheet(wb, fmt, sheet, cancelled, title)
        wb.close()
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    if progress:
        progress(len(sheets), len(sheets), "")
    return {s.title: s.written for s in sheets}


def _write_sheet(
    wb: Any, fmt: _Formats, sheet: Sheet, cancelled: Callable[[], bool] | None, title: str
) -> None:
    ws = wb.add_worksheet(sheet.title[:31])
    _print_setup(ws, title, sheet.title)
    cols = sheet.columns
    widths = [len(c.header) + 2 for c in cols]
    totals: dict[str, Any] = {c.header: 0 for c in cols if c.total}
    for col, spec in enumerate(cols):
        ws.write_string(0, col, spec.header, fmt.header)
    row = 0
    for row, values in enumerate(sheet.rows, start=1):
        if row % CHECK_EVERY == 0 and cancelled is not None and cancelled():
            raise UserError("Pembuatan rekap dibatalkan; berkas tidak ditulis")
        ws.write_number(row, 0, row, fmt.kinds[NO])
        for col, (spec, value) in enumerate(zip(cols[1:], values, strict=True), start=1):
            shown = _write_cell(ws, fmt, row, col, spec, value)
            if shown > widths[col]:
                widths[col] = shown
            if spec.total and value is not None and value != "":
                totals[spec.header] += _total_step(spec.total, value)
    sheet.written = row
    widths[0] = max(widths[0], len(str(row)) + 2)
    _finish(ws, fmt, sheet, row, widths, totals)


def _header_text(text: str) -> str:
    """Text as a page header shows it: "&" doubled (a code otherwise), within its limit."""
    return clean_text(text).replace("&", "&&")[:100]


def _print_setup(ws: Any, title: str, sheet: str) -> None:
    ws.set_paper(A4)
    ws.set_landscape()
    ws.fit_to_pages(1, 0)  # one page wide, as many pages tall as needed
    ws.repeat_rows(0)  # the header row on every printed page
    ws.set_margins(left=0.4, right=0.4, top=0.75, bottom=0.6)
    ws.set_header(f"&L&B{_header_text(title)}&R{_header_text(sheet)}", {"margin": 0.3})
    ws.set_footer("&CHalaman &P dari &N", {"margin": 0.3})


def _write_cell(ws: Any, fmt: _Formats, row: int, col: int, spec: Col, value: Any) -> int:
    """Write one cell; returns its displayed width in characters."""
    if value is None or value == "":
        return 0
    kind = spec.kind
    if kind == DATETIME and isinstance(value, dt.date):
        ws.write_datetime(row, col, value, fmt.kinds[DATETIME])
        return 17
    if kind in (INT, RUPIAH, FLOAT, NO) and isinstance(value, int | float):
        ws.write_number(row, col, value, fmt.kinds[kind])
        return len(f"{value:,.2f}" if kind == FLOAT else f"{value:,}") + 1
    text = clean_text(str(value))
    ws.write_string(row, col, text)
    return len(text) + 1


def _total_step(kind: str, value: Any) -> Any:
    if kind == SUM:
        return value
    if kind == YES:
        return 1 if value == "Ya" else 0
    return 1


def _finish(
    ws: Any, fmt: _Formats, sheet: Sheet, last: int, widths: list[int], totals: dict[str, Any]
) -> None:
    cols = sheet.columns
    if sheet.derive_totals is not None:
        totals.update(sheet.derive_totals(totals))
    total_row = last + 1
    ws.write_string(total_row, 0, "JUMLAH", fmt.total)
    for col, spec in enumerate(cols[1:], start=1):
        value = totals.get(spec.header)
        if value is None:
            ws.write_blank(total_row, col, None, fmt.total)
        else:
            ws.write_number(total_row, col, value, fmt.total_kinds.get(spec.kind, fmt.total))
            widths[col] = max(widths[col], len(f"{value:,}") + 2)
    for col, spec in enumerate(cols):
        width = max(6, min(spec.max_width, widths[col]))
        ws.set_column(col, col, width, None, {"hidden": spec.hidden})
    ws.freeze_panes(1, 0)
    ws.autofilter(0, 0, max(last, 1), len(cols) - 1)
