"""The fonts every PDF uses, embedded: DejaVu Sans and Serif Condensed (resources/fonts, Bitstream Vera
licence in LICENSE-DejaVu.txt), which cover Latin with every diacritic (Vietnamese included),
Greek, Cyrillic and more, where reportlab's standard fonts stop at Latin-1 and print ■.

``missing`` says which letters of a text a font cannot print (reported, never silently boxed);
``fit_lines`` shrinks and wraps a text into a box and ends it with "…" when it still does not fit.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

SANS, SANS_BOLD, SANS_ITALIC = "BID-Sans", "BID-Sans-Bold", "BID-Sans-Oblique"
SERIF, SERIF_BOLD, SERIF_ITALIC = "BID-Serif", "BID-Serif-Bold", "BID-Serif-Italic"
# The condensed cuts: as wide as Helvetica (and 15% wider than Times), so layouts drawn for
# reportlab's standard fonts still fit; the same glyph coverage as the regular cuts.
FILES = {
    SANS: "DejaVuSansCondensed.ttf",
    SANS_BOLD: "DejaVuSansCondensed-Bold.ttf",
    SANS_ITALIC: "DejaVuSansCondensed-Oblique.ttf",
    SERIF: "DejaVuSerifCondensed.ttf",
    SERIF_BOLD: "DejaVuSerifCondensed-Bold.ttf",
    SERIF_ITALIC: "DejaVuSerifCondensed-Italic.ttf",
}
ELLIPSIS = "…"


def fonts_dir() -> Path:
    """resources/fonts (shipped.py: the checkout, the wheel and the bundles alike)."""
    from bid_desktop.shipped import resource

    return resource("fonts")


@cache
def register() -> None:
    """Register the embedded fonts with reportlab (once per process)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    base = fonts_dir()
    for name, file in FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(base / file)))
    pdfmetrics.registerFontFamily(
        SANS, normal=SANS, bold=SANS_BOLD, italic=SANS_ITALIC, boldItalic=SANS_BOLD
    )
    pdfmetrics.registerFontFamily(
        SERIF, normal=SERIF, bold=SERIF_BOLD, italic=SERIF_ITALIC, boldItalic=SERIF_BOLD
    )


@cache
def _coverage(font: str) -> frozenset[int]:
    from reportlab.pdfbase import pdfmetrics

    register()
    face = pdfmetrics.getFont(font).face  # type: ignore[attr-defined]
    return frozenset(face.charToGlyph)


def missing(text: str, font: str = SANS) -> str:
    """The distinct characters of ``text`` the font has no glyph for (spaces and controls aside)."""
    covered = _coverage(font)
    seen: list[str] = []
    for ch in text or "":
        if ord(ch) not in covered and not ch.isspace() and ch not in seen:
            seen.append(ch)
    return "".join(seen)


def fit_lines(
    text: str,
    font: str,
    size: float,
    width: float,
    max_lines: int,
    min_size: float,
) -> tuple[list[str], float]:
    """Wrap ``text`` in at most ``max_lines`` lines of ``width``, shrinking from ``size`` down to
    ``min_size``; what still does not fit ends in "…" (never cut silently)."""
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfbase.pdfmetrics import stringWidth

    text = " ".join((text or "").split())
    if not text:
        return [], size
    while True:
        lines = simpleSplit(text, font, size, width)
        fits = len(lines) <= max_lines and all(stringWidth(s, font, size) <= width for s in lines)
        if fits or size - 0.5 < min_size:
            break
        size -= 0.5
    if fits:
        return lines, size
    kept = lines[:max_lines]
    kept[-1] = _with_ellipsis(" ".join(lines[max_lines - 1 :]), font, size, width)
    return kept, size


def one_line(text: str, font: str, size: float, width: float) -> str:
    """``text`` on one line of ``width`` at ``size``, ending in "…" when it is longer."""
    lines, _ = fit_lines(text, font, size, width, 1, size)
    return lines[0] if lines else ""


def _with_ellipsis(line: str, font: str, size: float, width: float) -> str:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    while line and stringWidth(line + ELLIPSIS, font, size) > width:
        line = line[:-1]
    return line.rstrip(" ,.;-") + ELLIPSIS
