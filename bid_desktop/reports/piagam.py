"""The piagam (certificate of replication commitment): A4 landscape, one per desa, for framing.

Page 1: double border, the event, "PIAGAM", the desa, the table of its commitments with the
amount in figures and in words (*terbilang*), the serial and its Code128, and the signature
blocks configured for the event. Commitments that do not fit page 1 even in the smallest type
continue on a *lampiran* page (same serial and barcode). A reprint carries SALINAN across the
page and in its header. Only reportlab's standard fonts are used: nothing to embed, fast.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, Table, TableStyle

from bid_desktop.domain.amounts import rupiah, words
from bid_desktop.reports.barcode import draw_code128

PAGE_W, PAGE_H = landscape(A4)
MARGIN = 22 * mm  # content inside the border
NAVY, GOLD, INK = HexColor("#0d3b66"), HexColor("#b8860b"), HexColor("#1a1a1a")
COPY_RED = HexColor("#c62828")
SERIF, SERIF_BOLD, SERIF_ITALIC = "Times-Roman", "Times-Bold", "Times-Italic"
SANS, SANS_BOLD = "Helvetica", "Helvetica-Bold"
TABLE_TOP = PAGE_H - 93 * mm
TABLE_BOTTOM = 54 * mm  # the signatures and the barcode live below
COLUMNS = (9 * mm, 88 * mm, 15 * mm, 36 * mm, 105 * mm)  # No, Inovasi, Tahun, Rp, terbilang
FONT_SIZES = (9.5, 8.5, 7.5)

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
class Signatory:
    title: str
    name: str = ""


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

    @property
    def is_copy(self) -> bool:
        return bool(self.copy_note)

    @property
    def total(self) -> int:
        return sum(line.amount or 0 for line in self.lines)


def write_piagam(path: Path, data: PiagamData) -> Path:
    """One piagam, one PDF file."""
    canvas = _canvas(path, f"Piagam {data.serial} — Desa {data.desa_name}")
    draw_piagam(canvas, data)
    canvas.save()
    return path


def _canvas(path: Path, title: str) -> Canvas:
    canvas = Canvas(str(path), pagesize=(PAGE_W, PAGE_H), pageCompression=1)
    canvas.setTitle(title)
    canvas.setAuthor("BID Desktop")
    return canvas


def draw_piagam(canvas: Canvas, data: PiagamData) -> None:
    """Page 1, then lampiran pages while commitments remain."""
    rows, size = _fit_rows(data, list(data.lines), TABLE_TOP - TABLE_BOTTOM)
    rest = list(data.lines[len(rows) :])
    _frame(canvas, data)
    _heading(canvas, data)
    _table(canvas, data, rows, size, TABLE_TOP, more=len(rest))
    _signatures(canvas, data)
    _serial(canvas, data)
    page = 1
    while rest:
        page += 1
        canvas.showPage()
        top = PAGE_H - 40 * mm
        rows, size = _fit_rows(data, rest, top - 36 * mm)
        rest = rest[len(rows) :]
        _frame(canvas, data)
        _lampiran_heading(canvas, data, page)
        _table(canvas, data, rows, size, top, more=len(rest))
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
    width = PAGE_W - 2 * MARGIN
    while size > 8 and canvas.stringWidth(text, font, size) > width:
        size -= 0.5
    canvas.setFillColor(colour)
    canvas.setFont(font, size)
    canvas.drawCentredString(PAGE_W / 2, y, text)


def _heading(canvas: Canvas, data: PiagamData) -> None:
    canvas.setFillColor(INK)
    canvas.setFont(SANS, 9)
    canvas.drawRightString(PAGE_W - MARGIN, PAGE_H - 19 * mm, f"Nomor: {data.serial}")
    _centred(canvas, data.event_name.upper(), PAGE_H - 27 * mm, SERIF_BOLD, 12, NAVY)
    _centred(canvas, "PIAGAM", PAGE_H - 43 * mm, SERIF_BOLD, 40, NAVY)
    _centred(canvas, "KOMITMEN REPLIKASI INOVASI DESA", PAGE_H - 51 * mm, SERIF, 13, GOLD)
    _centred(canvas, "diberikan kepada", PAGE_H - 59 * mm, SERIF_ITALIC, 12)
    _centred(canvas, f"Pemerintah Desa {data.desa_name}", PAGE_H - 68 * mm, SERIF_BOLD, 24)
    region = f"Kecamatan {data.kecamatan_name}"
    if data.kabupaten_name:
        region += f", {data.kabupaten_name}"
    _centred(canvas, region, PAGE_H - 75 * mm, SERIF, 12)
    venue = f" di {data.venue}" if data.venue else ""
    body = (
        f"yang dalam {data.event_name}, {tanggal(data.event_date, weekday=True)}{venue}, "
        "menyatakan komitmen untuk mereplikasi inovasi berikut melalui RKP Desa:"
    )
    lines = simpleSplit(body, SERIF, 11, PAGE_W - 2 * MARGIN - 20 * mm)
    y = PAGE_H - 82 * mm
    for line in lines[:2]:
        _centred(canvas, line, y, SERIF, 11)
        y -= 13


def _lampiran_heading(canvas: Canvas, data: PiagamData, page: int) -> None:
    canvas.setFillColor(INK)
    canvas.setFont(SANS, 9)
    canvas.drawRightString(PAGE_W - MARGIN, PAGE_H - 19 * mm, f"Nomor: {data.serial}")
    _centred(canvas, f"LAMPIRAN PIAGAM — halaman {page}", PAGE_H - 27 * mm, SERIF_BOLD, 14, NAVY)
    where = f"Desa {data.desa_name}, Kecamatan {data.kecamatan_name} · {data.event_name}"
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


def _signatures(canvas: Canvas, data: PiagamData) -> None:
    signers = data.signatories or (Signatory("Ketua Panitia"),)
    left, right = MARGIN + 62 * mm, PAGE_W - MARGIN
    width = (right - left) / len(signers)
    place = data.place or data.kecamatan_name
    canvas.setFillColor(INK)
    canvas.setFont(SERIF, 10.5)
    canvas.drawCentredString(right - width / 2, 49 * mm, f"{place}, {tanggal(data.event_date)}")
    for i, signer in enumerate(signers):
        centre = left + width * (i + 0.5)
        title = simpleSplit(signer.title, SERIF, 10.5, width - 6 * mm)[:2]
        y = 43 * mm
        canvas.setFont(SERIF, 10.5)
        for line in title:
            canvas.drawCentredString(centre, y, line)
            y -= 12
        name = signer.name.strip()
        canvas.setFont(SERIF_BOLD, 10.5)
        if name:
            shown = simpleSplit(name, SERIF_BOLD, 10.5, width - 6 * mm)[0]
            canvas.drawCentredString(centre, 18 * mm, shown)
            half = canvas.stringWidth(shown, SERIF_BOLD, 10.5) / 2
            canvas.setLineWidth(0.6)
            canvas.line(centre - half, 17 * mm, centre + half, 17 * mm)
        else:
            canvas.drawCentredString(centre, 18 * mm, "( ................................ )")


# --- the table of commitments ------------------------------------------------------------------


@dataclass
class _Styles:
    size: float
    cell: ParagraphStyle = field(init=False)
    right: ParagraphStyle = field(init=False)
    centre: ParagraphStyle = field(init=False)
    head: ParagraphStyle = field(init=False)
    words: ParagraphStyle = field(init=False)

    def __post_init__(self) -> None:
        lead = self.size * 1.18
        base = ParagraphStyle("c", fontName=SERIF, fontSize=self.size, leading=lead)
        self.cell = ParagraphStyle("l", parent=base, alignment=TA_LEFT)
        self.right = ParagraphStyle("r", parent=base, alignment=TA_RIGHT)
        self.centre = ParagraphStyle("m", parent=base, alignment=TA_CENTER)
        self.head = ParagraphStyle(
            "h",
            parent=base,
            fontName=SERIF_BOLD,
            alignment=TA_CENTER,
            textColor=HexColor("#ffffff"),
        )
        self.words = ParagraphStyle("w", parent=base, fontName=SERIF_ITALIC)


_STYLE_CACHE: dict[float, _Styles] = {}


def _styles(size: float) -> _Styles:
    if size not in _STYLE_CACHE:
        _STYLE_CACHE[size] = _Styles(size)
    return _STYLE_CACHE[size]


def _build(
    data: PiagamData,
    rows: Sequence[PiagamLine],
    size: float,
    with_total: bool,
    more: int,
    start: int = 1,
) -> Table:
    """The table of ``rows``; ``start`` is the number of the first row, ``more`` how many
    follow on a lampiran page, ``with_total`` adds the Jumlah row (on the last page)."""
    st = _styles(size)
    P = Paragraph  # noqa: N806 - reads like the table it builds
    head = ["No", "Inovasi yang direplikasi", "Tahun", "Perkiraan Anggaran", "Terbilang"]
    body: list[list[object]] = [[P(h, st.head) for h in head]]
    for n, line in enumerate(rows, start):
        body.append(
            [
                P(str(n), st.centre),
                P(f"<b>{escape(line.code)}</b> — {escape(line.title)}", st.cell),
                P(str(line.year or ""), st.centre),
                P(escape(rupiah(line.amount)), st.right),
                P(escape(words(line.amount)) if line.amount is not None else "", st.words),
            ]
        )
    if more:
        body.append(["", P(f"… dan {more} inovasi lagi pada lampiran", st.words), "", "", ""])
    if with_total:
        total = data.total
        body.append(
            [
                "",
                P(f"<b>Jumlah ({len(data.lines)} inovasi)</b>", st.cell),
                "",
                P(f"<b>{escape(rupiah(total))}</b>", st.right),
                P(escape(words(total)), st.words),
            ]
        )
    table = Table(body, colWidths=COLUMNS, repeatRows=1)
    style = [
        ("BACKGROUND", (0, 0), (-1, 0), NAVY),
        ("GRID", (0, 0), (-1, -1), 0.4, HexColor("#7a8ca3")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    if with_total:
        style.append(("BACKGROUND", (0, -1), (-1, -1), HexColor("#f3ecd8")))
    table.setStyle(TableStyle(style))
    return table


def _fit_rows(
    data: PiagamData, lines: list[PiagamLine], height: float
) -> tuple[list[PiagamLine], float]:
    """The first lines of ``lines`` (the rest of ``data.lines``) that fit ``height``: all of
    them in the largest type that fits, else as many as fit in the smallest type."""
    width, start = sum(COLUMNS), len(data.lines) - len(lines) + 1
    for size in FONT_SIZES:
        _w, h = _build(data, lines, size, True, 0, start).wrap(width, height)
        if h <= height:
            return lines, size
    size, count = FONT_SIZES[-1], len(lines) - 1
    while count > 1:
        table = _build(data, lines[:count], size, False, len(lines) - count, start)
        if table.wrap(width, height)[1] <= height:
            break
        count -= 1
    return lines[: max(count, 1)], size


def _table(
    canvas: Canvas,
    data: PiagamData,
    rows: Sequence[PiagamLine],
    size: float,
    top: float,
    more: int,
) -> None:
    if not rows:
        _centred(canvas, "(belum ada komitmen)", top - 14, SERIF_ITALIC, 12)
        return
    start = len(data.lines) - more - len(rows) + 1
    table = _build(data, rows, size, not more, more, start)
    width, height = table.wrap(sum(COLUMNS), top)
    table.drawOn(canvas, (PAGE_W - width) / 2, top - height)
