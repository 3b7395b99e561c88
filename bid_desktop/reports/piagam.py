"""The piagam (certificate of replication commitment): A4 landscape, one per desa, for framing.

Page 1: double border, the event, "PIAGAM", the desa, the table of its commitments with the
amount in figures and in words (*terbilang*), the serial and its Code128, and the signature
blocks configured for the event (place and date above the last signer, "Mengetahui," above the
others; title, name underlined, NIP). Commitments that do not fit page 1 in a readable type
continue on *lampiran* pages (same serial and barcode); page 1 then still closes with the count
and the total in figures and words. A reprint carries SALINAN across the page and in its
header. Fonts: the embedded DejaVu family (reports/fonts.py), so every
Latin diacritic prints; long texts shrink, wrap and end in "…" rather than being cut.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, Table, TableStyle

from bid_desktop.domain.amounts import rupiah, words
from bid_desktop.reports import fonts
from bid_desktop.reports.barcode import draw_code128
from bid_desktop.reports.output import atomic_output
from bid_desktop.reports.signatures import Signatory, draw_signatures

__all__ = ["PiagamData", "PiagamLine", "Signatory", "draw_piagam", "tanggal", "write_piagam"]

PAGE_W, PAGE_H = landscape(A4)
MARGIN = 22 * mm  # content inside the border
NAVY, GOLD, INK = HexColor("#0d3b66"), HexColor("#b8860b"), HexColor("#1a1a1a")
COPY_RED = HexColor("#c62828")
SERIF, SERIF_BOLD, SERIF_ITALIC = fonts.SERIF, fonts.SERIF_BOLD, fonts.SERIF_ITALIC
SANS, SANS_BOLD = fonts.SANS, fonts.SANS_BOLD
TABLE_TOP = PAGE_H - 85 * mm
TABLE_BOTTOM = 56 * mm  # the signatures and the barcode live below
LAMPIRAN_TOP, LAMPIRAN_BOTTOM = PAGE_H - 40 * mm, 34 * mm
COLUMNS = (9 * mm, 88 * mm, 15 * mm, 36 * mm, 105 * mm)  # No, Inovasi, Tahun, Rp, terbilang
FONT_SIZES = (10.0, 9.5, 9.0)  # page 1: the largest that holds every row; never below 9 pt
LAMPIRAN_SIZE = 10.0

MONTHS = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
]
DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]


def tanggal(day: dt.date, weekday: bool = False) -> str:
    """25 November 2026, or Rabu, 25 November 2026."""
    text = f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    return f"{DAYS[day.weekday()]}, {text}" if weekday else text


@dataclass(frozen=True)
class PiagamLine:
    code: str
    title: str
    amount: int | None
    year: int | None = None


@dataclass(frozen=True)
class PiagamData:
    serial: str
    desa_name: str
    kecamatan_name: str
    kabupaten_name: str
    event_name: str
    event_date: dt.date
    venue: str
    lines: tuple[PiagamLine, ...]
    signatories: tuple[Signatory, ...] = ()
    copy_note: str = ""  # non-empty: a reprint, marked SALINAN with this note
    place: str = ""  # where it is signed: the kecamatan by default
    village: str = "Desa"  # "Kelurahan" for a kelurahan included on purpose (no RKP Desa)
    plan: str = "RKP Desa"  # the planning document the commitment goes into

    @property
    def is_copy(self) -> bool:
        return bool(self.copy_note)

    @property
    def total(self) -> int:
        return sum(line.amount or 0 for line in self.lines)


def write_piagam(path: Path, data: PiagamData) -> Path:
    """One piagam, one PDF file (complete or none: written to a temporary name first)."""
    with atomic_output(path) as tmp:
        canvas = _canvas(tmp, f"Piagam {data.serial} — {data.village} {data.desa_name}")
        draw_piagam(canvas, data)
        canvas.save()
    return path


def _canvas(path: Path, title: str) -> Canvas:
    fonts.register()
    canvas = Canvas(str(path), pagesize=(PAGE_W, PAGE_H), pageCompression=1)
    canvas.setTitle(title)
    canvas.setAuthor("BID Desktop")
    return canvas


def draw_piagam(canvas: Canvas, data: PiagamData) -> None:
    """Page 1, then lampiran pages while commitments remain."""
    fonts.register()
    fitted = _fit(data, list(data.lines), TABLE_TOP - TABLE_BOTTOM, FONT_SIZES, first=True)
    rest = list(data.lines[fitted[0] :])
    _frame(canvas, data)
    _heading(canvas, data)
    _table(canvas, fitted, TABLE_TOP)
    draw_signatures(
        canvas,
        data.signatories,
        data.place or data.kecamatan_name,
        tanggal(data.event_date),
        left=MARGIN + 62 * mm,  # the serial and its barcode sit left of the signatures
        right=PAGE_W - MARGIN,
    )
    _serial(canvas, data)
    page = 1
    while rest:
        page += 1
        canvas.showPage()
        fitted = _fit(data, rest, LAMPIRAN_TOP - LAMPIRAN_BOTTOM, (LAMPIRAN_SIZE,))
        rest = rest[fitted[0] :]
        _frame(canvas, data)
        _lampiran_heading(canvas, data, page)
        _table(canvas, fitted, LAMPIRAN_TOP)
        _serial(canvas, data)


# --- page furniture ----------------------------------------------------------------------------


def _frame(canvas: Canvas, data: PiagamData) -> None:
    canvas.saveState()
    canvas.setStrokeColor(NAVY)
    canvas.setLineWidth(3)
    canvas.rect(9 * mm, 9 * mm, PAGE_W - 18 * mm, PAGE_H - 18 * mm)
    canvas.setStrokeColor(GOLD)
    canvas.setLineWidth(1)
    canvas.rect(12 * mm, 12 * mm, PAGE_W - 24 * mm, PAGE_H - 24 * mm)
    canvas.setFillColor(GOLD)
    for x, y in ((12, 12), (12, None), (None, 12), (None, None)):
        cx = x * mm if x is not None else PAGE_W - 12 * mm
        cy = y * mm if y is not None else PAGE_H - 12 * mm
        canvas.rect(cx - 2.5 * mm, cy - 2.5 * mm, 5 * mm, 5 * mm, stroke=0, fill=1)
    canvas.restoreState()
    if data.is_copy:
        _copy_mark(canvas, data)


def _copy_mark(canvas: Canvas, data: PiagamData) -> None:
    canvas.saveState()
    canvas.setFillColor(Color(0.78, 0.16, 0.16, alpha=0.12))
    canvas.translate(PAGE_W / 2, PAGE_H / 2)
    canvas.rotate(28)
    canvas.setFont(SANS_BOLD, 130)
    canvas.drawCentredString(0, -45, "SALINAN")
    canvas.restoreState()
    canvas.setFillColor(COPY_RED)
    canvas.setFont(SANS_BOLD, 10)
    canvas.drawString(MARGIN, PAGE_H - 19 * mm, f"SALINAN — {data.copy_note}")


def _centred(canvas: Canvas, text: str, y: float, font: str, size: float, colour=INK) -> None:  # type: ignore[no-untyped-def]
    lines, size = fonts.fit_lines(text, font, size, PAGE_W - 2 * MARGIN, 1, 8)
    text = lines[0] if lines else ""
    canvas.setFillColor(colour)
    canvas.setFont(font, size)
    canvas.drawCentredString(PAGE_W / 2, y, text)


def _heading(canvas: Canvas, data: PiagamData) -> None:
    canvas.setFillColor(INK)
    canvas.setFont(SANS, 9)
    canvas.drawRightString(PAGE_W - MARGIN, PAGE_H - 19 * mm, f"Nomor: {data.serial}")
    _centred(canvas, data.event_name.upper(), PAGE_H - 26 * mm, SERIF_BOLD, 12, NAVY)
    _centred(canvas, "PIAGAM", PAGE_H - 40 * mm, SERIF_BOLD, 40, NAVY)
    _centred(canvas, "KOMITMEN REPLIKASI INOVASI DESA", PAGE_H - 47 * mm, SERIF, 13, GOLD)
    _centred(canvas, "diberikan kepada", PAGE_H - 54 * mm, SERIF_ITALIC, 12)
    _centred(
        canvas, f"Pemerintah {data.village} {data.desa_name}", PAGE_H - 62 * mm, SERIF_BOLD, 24
    )
    region = f"Kecamatan {data.kecamatan_name}"
    if data.kabupaten_name:
        region += f", {data.kabupaten_name}"
    _centred(canvas, region, PAGE_H - 68.5 * mm, SERIF, 12)
    venue = f" di {data.venue}" if data.venue else ""
    body = (
        f"yang dalam {data.event_name}, {tanggal(data.event_date, weekday=True)}{venue}, "
        f"menyatakan komitmen untuk mereplikasi inovasi berikut melalui {data.plan}:"
    )
    lines, size = fonts.fit_lines(body, SERIF, 11, PAGE_W - 2 * MARGIN - 20 * mm, 2, 8.5)
    y = PAGE_H - 75 * mm
    for line in lines:
        _centred(canvas, line, y, SERIF, size)
        y -= 13


def _lampiran_heading(canvas: Canvas, data: PiagamData, page: int) -> None:
    canvas.setFillColor(INK)
    canvas.setFont(SANS, 9)
    canvas.drawRightString(PAGE_W - MARGIN, PAGE_H - 19 * mm, f"Nomor: {data.serial}")
    _centred(canvas, f"LAMPIRAN PIAGAM — halaman {page}", PAGE_H - 27 * mm, SERIF_BOLD, 14, NAVY)
    where = f"{data.village} {data.desa_name}, Kecamatan {data.kecamatan_name} · {data.event_name}"
    _centred(canvas, where, PAGE_H - 34 * mm, SERIF, 11)


def _serial(canvas: Canvas, data: PiagamData) -> None:
    canvas.setFillColor(INK)
    draw_code128(
        canvas,
        data.serial,
        MARGIN + 27 * mm,
        17 * mm,
        max_width=54 * mm,
        bar_height=11 * mm,
        caption=f"No. {data.serial}",
        font=SANS_BOLD,
        font_size=9,
    )


# --- the table of commitments ------------------------------------------------------------------


@dataclass
class _Styles:
    """Paragraph styles of one type size: only the cells that may wrap are Paragraphs."""

    size: float
    cell: ParagraphStyle = field(init=False)
    words: ParagraphStyle = field(init=False)

    def __post_init__(self) -> None:
        base = ParagraphStyle("c", fontName=SERIF, fontSize=self.size, leading=self.size * 1.18)
        self.cell = ParagraphStyle("l", parent=base, alignment=TA_LEFT)
        self.words = ParagraphStyle("w", parent=base, fontName=SERIF_ITALIC)


_STYLE_CACHE: dict[float, _Styles] = {}
HEAD = ["No", "Inovasi yang direplikasi", "Tahun", "Perkiraan Anggaran", "Terbilang"]


def _styles(size: float) -> _Styles:
    if size not in _STYLE_CACHE:
        _STYLE_CACHE[size] = _Styles(size)
    return _STYLE_CACHE[size]


def _build(
    data: PiagamData,
    rows: Sequence[PiagamLine],
    size: float,
    more: int,
    start: int = 1,
    first: bool = False,
) -> Table:
    """The table of ``rows``; ``start`` is the number of the first row, ``more`` how many
    follow on lampiran pages. The Jumlah row (count, total in figures and words) closes the
    last page, and page 1 (``first``) always."""
    st = _styles(size)
    body: list[list[object]] = [list(HEAD)]
    for n, line in enumerate(rows, start):
        body.append(
            [
                str(n),
                Paragraph(f"<b>{escape(line.code)}</b> — {escape(line.title)}", st.cell),
                str(line.year or ""),
                rupiah(line.amount),
                Paragraph(words(line.amount), st.words) if line.amount is not None else "",
            ]
        )
    if more:
        first_more, last = start + len(rows), len(data.lines)
        note = (
            f"… dan {more} inovasi lagi (nomor {first_more}–{last}) pada lampiran"
            if first
            else "… berlanjut pada halaman berikutnya"
        )
        body.append(["", Paragraph(note, st.words), "", "", ""])
    closing = first or not more
    if closing:
        total = data.total
        body.append(["", f"Jumlah ({len(data.lines)} inovasi)", "", rupiah(total), ""])
        body[-1][4] = Paragraph(words(total), st.words)
    table = Table(body, colWidths=COLUMNS, repeatRows=1)
    style = [
        ("FONT", (0, 0), (-1, -1), SERIF, size, size * 1.18),
        ("FONT", (0, 0), (-1, 0), SERIF_BOLD, size, size * 1.18),
        ("TEXTCOLOR", (0, 0), (-1, 0), HexColor("#ffffff")),
        ("BACKGROUND", (0, 0), (-1, 0), NAVY),
        ("ALIGN", (0, 0), (-1, 0), "CENTER"),
        ("ALIGN", (0, 1), (0, -1), "CENTER"),
        ("ALIGN", (2, 1), (2, -1), "CENTER"),
        ("ALIGN", (3, 1), (3, -1), "RIGHT"),
        ("GRID", (0, 0), (-1, -1), 0.4, HexColor("#7a8ca3")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    if closing:
        style.append(("BACKGROUND", (0, -1), (-1, -1), HexColor("#f3ecd8")))
        style.append(("FONT", (0, -1), (3, -1), SERIF_BOLD, size, size * 1.18))
    table.setStyle(TableStyle(style))
    return table


Fitted = tuple[int, Table | None, float]  # lines placed, their table (wrapped), its height


def _fit(
    data: PiagamData,
    lines: list[PiagamLine],
    height: float,
    sizes: Sequence[float],
    first: bool = False,
) -> Fitted:
    """How many of ``lines`` (the rest of ``data.lines``) fit ``height``, with their table
    already wrapped: all of them in the largest of ``sizes`` that fits, else as many as fit in
    the smallest (at least one on a lampiran page; page 1 may hold only the Jumlah row)."""
    if not lines:
        return 0, None, 0.0
    width, start = sum(COLUMNS), len(data.lines) - len(lines) + 1
    for size in sizes:
        table = _build(data, lines, size, 0, start, first)
        used = table.wrap(width, height)[1]
        if used <= height:
            return len(lines), table, used
    size, low, high = sizes[-1], (0 if first else 1), len(lines) - 1
    best: Fitted | None = None
    while low <= high:  # the largest count that fits: bisection, a table wrap per step
        count = (low + high) // 2
        table = _build(data, lines[:count], size, len(lines) - count, start, first)
        used = table.wrap(width, height)[1]
        if used <= height or best is None and count == low:
            best = (count, table, used)
        if used <= height:
            low = count + 1
        else:
            high = count - 1
    assert best is not None
    return best


def _table(canvas: Canvas, fitted: Fitted, top: float) -> None:
    _count, table, height = fitted
    if table is None:
        _centred(canvas, "(belum ada komitmen)", top - 14, SERIF_ITALIC, 12)
        return
    table.drawOn(canvas, (PAGE_W - sum(COLUMNS)) / 2, top - height)
