"""Code128 barcodes drawn on a reportlab canvas (badges, piagam serials).

reportlab's own ``reportlab.graphics.barcode.code128`` is used rather than python-barcode:
it draws the bars as vector rectangles straight into the PDF (sharp at any printer
resolution, no intermediate SVG/PNG, nothing to convert), picks the Code128 subsets itself,
and is already the PDF engine, so there is one drawing path for every report.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

# Narrowest bar: 0.25 mm still scans from an office inkjet; wider when there is room.
MIN_BAR = 0.25 * mm
MAX_BAR = 0.45 * mm


@dataclass(frozen=True)
class DrawnBarcode:
    width: float
    height: float


def code128(value: str, bar_width: float, bar_height: float, font_size: float = 8) -> Code128:
    return Code128(
        value,
        barWidth=bar_width,
        barHeight=bar_height,
        quiet=True,  # quiet zones left and right: scanners need them
        humanReadable=False,
        fontSize=font_size,
    )


def fit_bar_width(value: str, max_width: float) -> float:
    """The widest bar (within MIN_BAR..MAX_BAR) at which the code fits ``max_width``."""
    modules = code128(value, 1.0, 10).width  # width in modules (bar width 1 pt)
    return max(MIN_BAR, min(MAX_BAR, max_width / modules))


def draw_code128(
    canvas: Canvas,
    value: str,
    center_x: float,
    y: float,
    *,
    max_width: float,
    bar_height: float = 10 * mm,
    caption: str | None = None,
    font: str = "Helvetica",
    font_size: float = 8,
) -> DrawnBarcode:
    """Draw ``value`` as Code128 centred on ``center_x`` with its bottom at ``y``; the
    caption (default: the value itself) is printed under the bars. Returns the size used."""
    barcode = code128(value, fit_bar_width(value, max_width), bar_height, font_size)
    text = value if caption is None else caption
    text_h = font_size * 1.25 if text else 0
    barcode.drawOn(canvas, center_x - barcode.width / 2, y + text_h)
    if text:
        canvas.setFont(font, font_size)
        canvas.drawCentredString(center_x, y + font_size * 0.3, text)
    return DrawnBarcode(barcode.width, bar_height + text_h)
