"""Invitation letters (surat undangan), A4 portrait, one PDF ready for the printer.

Each letter: the committee's letterhead, place and date, number and subject, the addressee,
the day (date, time, place) and its agenda, the invitees it covers each with their badge
number as Code128 (scanned at the registration desk, the letter checks the person in), and the
committee's signature. One letter per invitee, or per desa to its Kepala Desa listing the
delegation. Fonts: the embedded DejaVu family (reports/fonts.py), as every PDF of the app.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from bid_desktop.reports import fonts
from bid_desktop.reports.barcode import code128, fit_bar_width
from bid_desktop.reports.output import atomic_output
from bid_desktop.reports.piagam import tanggal

WIDTH = A4[0] - 40 * mm
BAR_WIDTH, BAR_HEIGHT = 55 * mm, 9 * mm


@dataclass(frozen=True)
class LetterDay:
    event_name: str
    date: dt.date
    venue: str
    kecamatan: str
    agenda: tuple[tuple[str, str], ...]
    signer_title: str = "Ketua Panitia"
    signer_name: str = ""
    letter_date: dt.date | None = None  # default: today


@dataclass(frozen=True)
class Letter:
    addressee: str
    role: str
    desa: str
    invitees: tuple[tuple[str, str, str], ...]  # (badge number, name, jabatan)


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("b", fontName=fonts.SERIF, fontSize=11, leading=14)
    return {
        "body": base,
        "head": ParagraphStyle(
            "h", parent=base, fontName=fonts.SERIF_BOLD, fontSize=13, leading=16, alignment=1
        ),  # fmt: skip
        "sub": ParagraphStyle("s", parent=base, fontSize=10, leading=12, alignment=1),
        "right": ParagraphStyle("r", parent=base, alignment=2),
        "cell": ParagraphStyle("c", parent=base, fontSize=10, leading=12),
        "small": ParagraphStyle(
            "m", parent=base, fontSize=9, leading=11, textColor=colors.HexColor("#444444")
        ),  # fmt: skip
    }


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text), style)


def _grid(rows: list[list[object]], widths: list[float], lines: bool = False) -> Table:
    table = Table(rows, colWidths=widths, hAlign="LEFT")
    style: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    if lines:
        style += [("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#888888")),
                  ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef5"))]  # fmt: skip
    table.setStyle(TableStyle(style))
    return table


def _role(role: str, desa: str) -> str:
    """ "Kepala Desa Fajaresuk", "Kader Posyandu Desa Fajaresuk", or the role alone."""
    if not desa:
        return role
    return f"{role} {desa}" if role.lower().endswith("desa") else f"{role} Desa {desa}"


def _barcode(number: str) -> object:
    return code128(number, fit_bar_width(number, BAR_WIDTH), BAR_HEIGHT)


def _letter(day: LetterDay, letter: Letter, index: int, st: dict[str, ParagraphStyle]) -> list:  # type: ignore[type-arg]
    where = day.kecamatan or day.venue
    dated = tanggal(day.letter_date or dt.date.today())
    to = [letter.addressee, _role(letter.role, letter.desa)]
    story: list = [  # type: ignore[type-arg]
        _p("PANITIA BURSA INOVASI DESA", st["head"]),
        _p(f"KECAMATAN {where.upper()}", st["head"]),
        _p(day.event_name, st["sub"]),
        Spacer(1, 2 * mm),
        _grid([[""]], [WIDTH]),
        Spacer(1, 4 * mm),
        _p(f"{where}, {dated}", st["right"]),
        _grid(
            [
                [_p(k, st["body"]), _p(f": {v}", st["body"])]
                for k, v in (
                    ("Nomor", f"{index:03d}/BID/{day.date:%m}/{day.date:%Y}"),
                    ("Lampiran", "-"),
                    ("Perihal", "Undangan"),
                )
            ],
            [25 * mm, WIDTH - 25 * mm],
        ),  # fmt: skip
        Spacer(1, 4 * mm),
        _p("Kepada Yth.", st["body"]),
        *[_p(line, st["body"]) for line in to if line],
        _p("di tempat", st["body"]),
        Spacer(1, 4 * mm),
        _p("Dengan hormat,", st["body"]),
        Spacer(1, 2 * mm),
        _p(
            f"Dalam rangka {day.event_name}, kami mengundang Bapak/Ibu "
            f"{'beserta delegasi desa ' if len(letter.invitees) > 1 else ''}untuk hadir pada:",
            st["body"],
        ),
        Spacer(1, 2 * mm),
        _grid(
            [
                [_p(k, st["body"]), _p(f": {v}", st["body"])]
                for k, v in (
                    ("Hari, tanggal", tanggal(day.date, weekday=True)),
                    (
                        "Waktu",
                        f"{day.agenda[0][0].split('–')[0].strip()} WIB – selesai"
                        if day.agenda
                        else "08.00 WIB – selesai",
                    ),
                    ("Tempat", day.venue or where),
                )
            ],
            [30 * mm, WIDTH - 30 * mm],
        ),  # fmt: skip
        Spacer(1, 3 * mm),
        _p("Susunan acara:", st["body"]),
        _grid(
            [[_p(t, st["cell"]), _p(a, st["cell"])] for t, a in day.agenda],
            [30 * mm, WIDTH - 30 * mm],
            lines=True,
        ),  # fmt: skip
        Spacer(1, 3 * mm),
        _p(
            "Mohon surat ini dibawa: kode batang di bawah dipindai di meja registrasi, "
            "tanpa antre mencari nama.",
            st["body"],
        ),
        Spacer(1, 2 * mm),
    ]
    rows: list[list[object]] = [["No", "Nama", "Jabatan", "Nomor peserta"]]
    for n, (number, name, jabatan) in enumerate(letter.invitees, 1):
        rows.append([str(n), _p(name, st["cell"]), _p(jabatan, st["cell"]),
                     [_barcode(number), _p(number, st["small"])]])  # fmt: skip
    story.append(_grid(rows, [9 * mm, 50 * mm, 44 * mm, WIDTH - 103 * mm], lines=True))
    signer = day.signer_name or "( ................................ )"
    story.append(
        KeepTogether([
            Spacer(1, 5 * mm),
            _p("Atas perhatian dan kehadiran Bapak/Ibu, kami ucapkan terima kasih.", st["body"]),
            Spacer(1, 6 * mm),
            _grid([["", _p(day.signer_title, st["body"])],
                   ["", Spacer(1, 16 * mm)],
                   ["", _p(signer, st["body"])]], [WIDTH - 65 * mm, 65 * mm]),
        ])
    )  # fmt: skip
    return story


def write_invitation_pdf(out: Path, day: LetterDay, letters: list[Letter]) -> int:
    """Every letter, each starting on a new page (complete or none); returns the pages."""
    fonts.register()
    with atomic_output(out) as tmp:
        return _build(tmp, day, letters)


def _build(out: Path, day: LetterDay, letters: list[Letter]) -> int:
    doc = SimpleDocTemplate(
        str(out), pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=15 * mm,
        bottomMargin=15 * mm, title=f"Surat undangan — {day.event_name}", author="BID Desktop",
    )  # fmt: skip
    st = _styles()
    story: list = []  # type: ignore[type-arg]
    for index, letter in enumerate(letters, 1):
        if index > 1:
            story.append(PageBreak())
        story += _letter(day, letter, index, st)
    doc.build(story)
    return int(doc.page)
