"""Signature blocks as Indonesian certificates place them (the piagam's lower right).

Place and date above the last signer, "Mengetahui," above the others on the same line; then
each signer's full title (up to three lines), room to sign, the name in bold and underlined,
and the NIP under it when the signer has one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.colors import HexColor
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from bid_desktop.reports import fonts

INK = HexColor("#1a1a1a")
SERIF, SERIF_BOLD = fonts.SERIF, fonts.SERIF_BOLD  # embedded DejaVu (every Latin diacritic)


@dataclass(frozen=True)
class Signatory:
    title: str  # the full title: "Kepala Dinas PMD Kabupaten Tanggamus"
    name: str = ""
    nip: str = ""  # optional: civil servants sign with their NIP


def nip_text(nip: str) -> str:
    """NIP as printed under a name: the 18 digits grouped 8 6 1 3, else as given."""
    digits = "".join(ch for ch in nip if ch.isdigit())
    if len(digits) == 18 and len(digits) == len(nip.replace(" ", "")):
        nip = f"{digits[:8]} {digits[8:14]} {digits[14]} {digits[15:]}"
    return f"NIP. {nip.strip()}"


SIGN_SIZE = 10.5
# Baselines from the bottom of the page: place and date, title, name (the NIP under it).
DATE_Y, TITLE_Y, NAME_Y = 51 * mm, 46 * mm, 20.5 * mm


def draw_signatures(
    canvas: Canvas,
    signatories: Sequence[Signatory],
    place: str,
    date: str,
    *,
    left: float,
    right: float,
) -> None:
    """Indonesian order: place and date above the last signer, "Mengetahui," above the others
    on the same line; then the full title, room to sign, the name underlined, the NIP."""
    fonts.register()
    signers = tuple(signatories) or (Signatory("Ketua Panitia"),)
    width = (right - left) / len(signers)
    for i, signer in enumerate(signers):
        centre = left + width * (i + 0.5)
        canvas.setFillColor(INK)
        canvas.setFont(SERIF, SIGN_SIZE)
        last = i == len(signers) - 1
        if last:
            canvas.drawCentredString(centre, DATE_Y, f"{place}, {date}")
        elif len(signers) > 1:
            canvas.drawCentredString(centre, DATE_Y, "Mengetahui,")
        _signer(canvas, signer, centre, width - 6 * mm)


def _signer(canvas: Canvas, signer: Signatory, centre: float, width: float) -> None:
    # shrunk, wrapped, and ended in "…" rather than cut (reports/fonts.py)
    title, size = fonts.fit_lines(signer.title, SERIF, SIGN_SIZE, width, 3, 7.5)
    y = TITLE_Y
    canvas.setFont(SERIF, size)
    for line in title[:3]:
        canvas.drawCentredString(centre, y, line)
        y -= size * 1.15
    name = signer.name.strip()
    canvas.setFont(SERIF_BOLD, SIGN_SIZE)
    if name:
        (shown,), name_size = fonts.fit_lines(name, SERIF_BOLD, SIGN_SIZE, width, 1, 7.5)
        canvas.setFont(SERIF_BOLD, name_size)
        canvas.drawCentredString(centre, NAME_Y, shown)
        half = canvas.stringWidth(shown, SERIF_BOLD, name_size) / 2
        canvas.setLineWidth(0.6)
        canvas.line(centre - half, NAME_Y - 1 * mm, centre + half, NAME_Y - 1 * mm)
    else:
        canvas.drawCentredString(centre, NAME_Y, "( ................................ )")
    if signer.nip.strip():
        canvas.setFont(SERIF, 10)
        canvas.drawCentredString(centre, NAME_Y - 4.5 * mm, nip_text(signer.nip))
