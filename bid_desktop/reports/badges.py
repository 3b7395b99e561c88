"""Name badges: 90 × 55 mm (a standard lanyard insert), one per page or ten per A4 sheet.

Each badge: a colour band with the category and the event, the name (large, wrapped, shrunk
to fit), jabatan, desa or instansi, and the Code128 of the participant number with the number
printed under it (what the registration and bursa stations scan).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.colors import HexColor, white
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from bid_desktop.reports import fonts
from bid_desktop.reports.barcode import draw_code128
from bid_desktop.reports.output import atomic_output

BADGE_W, BADGE_H = 90 * mm, 55 * mm
SHEET_COLS, SHEET_ROWS = 2, 5
PAD = 4 * mm
BAND_H = 8 * mm
BOLD, REGULAR = fonts.SANS_BOLD, fonts.SANS  # embedded DejaVu: every Latin diacritic and more

BAND_COLOURS = {
    "Peserta Utama": "#2e7d32",
    "Undangan": "#1565c0",
}
DEFAULT_BAND = "#6a1b9a"


@dataclass(frozen=True)
class BadgeData:
    number: str
    name: str
    jabatan: str = ""
    place: str = ""  # "Desa Banjar Manis, Kec. Gisting" or the institution
    category: str = "Peserta Utama"
    band_label: str = ""  # e.g. "PESERTA UTAMA" or "UNDANGAN · TIK"


Progress = Callable[[int, int], None]


def write_badges(
    path: Path,
    badges: Iterable[BadgeData],
    event_name: str,
    *,
    layout: str = "sheet",
    progress: Progress | None = None,
) -> int:
    """``_write_badges`` into a temporary file renamed when complete (no partial PDF)."""
    with atomic_output(path) as tmp:
        return _write_badges(tmp, badges, event_name, layout=layout, progress=progress)


def _write_badges(
    path: Path,
    badges: Iterable[BadgeData],
    event_name: str,
    *,
    layout: str = "sheet",
    progress: Progress | None = None,
) -> int:
    """Write the PDF; ``layout`` is ``sheet`` (A4, 10 per page) or ``single`` (one badge per
    page of badge size, for a card printer). Returns the number of badges written."""
    items = list(badges)
    fonts.register()
    if layout not in ("sheet", "single"):
        raise ValueError(f"unknown badge layout {layout!r}")
    size = A4 if layout == "sheet" else (BADGE_W, BADGE_H)
    canvas = Canvas(str(path), pagesize=size)
    canvas.setTitle(f"Badge peserta — {event_name}")
    canvas.setAuthor("BID Desktop")
    per_page = SHEET_COLS * SHEET_ROWS if layout == "sheet" else 1
    for i, badge in enumerate(items):
        slot = i % per_page
        if i and slot == 0:
            canvas.showPage()
        x, y = _slot_origin(slot) if layout == "sheet" else (0.0, 0.0)
        draw_badge(canvas, badge, event_name, x, y, cut_marks=layout == "sheet")
        if progress is not None and (i + 1) % 50 == 0:
            progress(i + 1, len(items))
    if not items:
        canvas.setFont(REGULAR, 12)
        canvas.drawString(20 * mm, size[1] - 20 * mm, "Tidak ada badge untuk dicetak.")
    canvas.save()
    return len(items)


def _slot_origin(slot: int) -> tuple[float, float]:
    page_w, page_h = A4
    margin_x = (page_w - SHEET_COLS * BADGE_W) / 2
    margin_y = (page_h - SHEET_ROWS * BADGE_H) / 2
    col, row = slot % SHEET_COLS, slot // SHEET_COLS
    return margin_x + col * BADGE_W, page_h - margin_y - (row + 1) * BADGE_H


def draw_badge(
    canvas: Canvas, badge: BadgeData, event_name: str, x: float, y: float, cut_marks: bool
) -> None:
    canvas.saveState()
    canvas.translate(x, y)
    if cut_marks:
        canvas.setStrokeColor(HexColor("#b0b0b0"))
        canvas.setLineWidth(0.3)
        canvas.setDash(2, 2)
        canvas.rect(0, 0, BADGE_W, BADGE_H)
        canvas.setDash()
    _band(canvas, badge, event_name)
    top = BADGE_H - BAND_H - 2 * mm
    top, name_lines = _name(canvas, badge.name, top)
    canvas.setFillColor(HexColor("#222222"))
    jabatan_lines = 2 if name_lines == 1 else 1  # a one-line name leaves room for two
    for text, size, most in ((badge.jabatan, 9, jabatan_lines), (badge.place, 8.5, 2)):
        lines, fitted = fonts.fit_lines(text, REGULAR, size, BADGE_W - 2 * PAD, most, 6.5)
        for line in lines:
            top -= size * 1.2
            canvas.setFont(REGULAR, fitted)
            canvas.drawCentredString(BADGE_W / 2, top, line)
    canvas.setFillColor(HexColor("#000000"))
    draw_code128(
        canvas,
        badge.number,
        BADGE_W / 2,
        2 * mm,
        max_width=BADGE_W - 2 * PAD,
        bar_height=11 * mm,
        font=BOLD,
        font_size=9,
    )
    canvas.restoreState()


def _band(canvas: Canvas, badge: BadgeData, event_name: str) -> None:
    canvas.setFillColor(HexColor(BAND_COLOURS.get(badge.category, DEFAULT_BAND)))
    canvas.rect(0, BADGE_H - BAND_H, BADGE_W, BAND_H, stroke=0, fill=1)
    canvas.setFillColor(white)
    label = badge.band_label or badge.category.upper()
    canvas.setFont(BOLD, 8)
    canvas.drawString(PAD, BADGE_H - BAND_H + 4.6 * mm, label)
    canvas.setFont(REGULAR, 6.5)
    event, size = fonts.fit_lines(event_name, REGULAR, 6.5, BADGE_W - 2 * PAD, 1, 5)
    canvas.setFont(REGULAR, size)
    canvas.drawString(PAD, BADGE_H - BAND_H + 1.6 * mm, event[0] if event else "")


def _name(canvas: Canvas, name: str, top: float) -> tuple[float, int]:
    """The name as large as fits in two lines; returns the new top and the lines drawn."""
    lines, size = fonts.fit_lines(name, BOLD, 18.0, BADGE_W - 2 * PAD, 2, 9)
    canvas.setFillColor(HexColor("#000000"))
    canvas.setFont(BOLD, size)
    for line in lines:
        top -= size * 1.1
        canvas.drawCentredString(BADGE_W / 2, top, line)
    return top - 1 * mm, len(lines)
