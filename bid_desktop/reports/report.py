"""The event report (`bid-desktop report`): key figures, the dashboard's charts drawn with
reportlab.graphics, and the tables behind them. A4 portrait, page numbers in the footer."""

from __future__ import annotations

import math
from pathlib import Path
from xml.sax.saxutils import escape

from lokal import format_rupiah_short
from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from bid_desktop.domain.amounts import rupiah
from bid_desktop.reports import fonts
from bid_desktop.reports.fonts import SANS, SANS_BOLD
from bid_desktop.reports.output import atomic_output
from bid_desktop.reports.piagam import tanggal
from bid_desktop.reports.summary import EventSummary

TITLE = "Laporan Bursa Inovasi Desa"
WIDTH = A4[0] - 36 * mm
GREEN, BLUE, ORANGE, PURPLE = (
    colors.HexColor("#2e7d32"),
    colors.HexColor("#1565c0"),
    colors.HexColor("#ef6c00"),
    colors.HexColor("#8e24aa"),
)
BURSA_COLOURS = {"A": GREEN, "B": BLUE, "C": ORANGE}
MAX_BARS = 15


def _styles() -> dict[str, ParagraphStyle]:
    base = getSampleStyleSheet()
    return {
        "title": ParagraphStyle(
            "t", parent=base["Title"], fontName=SANS_BOLD, fontSize=18, spaceAfter=4
        ),
        "sub": ParagraphStyle("s", parent=base["Normal"], fontName=SANS, fontSize=10, alignment=1),
        "h2": ParagraphStyle(
            "h2", parent=base["Heading2"], fontName=SANS_BOLD, fontSize=13, spaceBefore=10
        ),
        "body": ParagraphStyle("b", parent=base["Normal"], fontName=SANS, fontSize=9, leading=11),
        "cell": ParagraphStyle("c", parent=base["Normal"], fontName=SANS, fontSize=8, leading=9.5),
    }


def _p(text: object, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(str(text)), style)


def _table(rows: list[list[object]], widths: list[float], numeric_from: int) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, 0), SANS_BOLD, 8),
                ("FONT", (0, 1), (-1, -1), SANS, 8),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dcefe0")),
                ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.black),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f5f5f5")]),
                ("ALIGN", (numeric_from, 0), (-1, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


LABEL_FONT, LABEL_SIZE, LABEL_WIDTH = SANS, 7, 140.0


def fit_label(text: str, width: float = LABEL_WIDTH, font: str = LABEL_FONT,
              size: float = LABEL_SIZE) -> str:  # fmt: skip
    """``text`` as it fits ``width`` points: whole, or cut at a word where possible and ended
    with an ellipsis, so a reader sees it was shortened."""
    if stringWidth(text, font, size) <= width:
        return text
    cut = text
    while cut and stringWidth(cut.rstrip() + "…", font, size) > width:
        cut = cut[:-1]
    words = cut.rsplit(" ", 1)
    if len(words) == 2 and len(words[0]) >= len(cut) * 0.6:
        cut = words[0]  # a whole word when little is lost
    return cut.rstrip(" ,.-–") + "…"


def _hbar(
    title: str, labels: list[str], values: list[float], fmt: str, colour: colors.Color
) -> Drawing:
    """Horizontal bars, one per label, the value written at the end of each bar."""
    bar = 14
    height = max(60, bar * len(labels) + 40)
    drawing = Drawing(WIDTH, height)
    drawing.add(String(0, height - 12, title, fontName=SANS_BOLD, fontSize=10))
    chart = HorizontalBarChart()
    chart.x, chart.y = 150, 15
    chart.width, chart.height = WIDTH - 220, height - 40
    chart.data = [list(reversed(values)) or [0]]
    names = [fit_label(lb) for lb in reversed(labels)]
    chart.categoryAxis.categoryNames = names or [""]
    _chart_fonts(chart)
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.valueAxis.valueMin = 0
    if fmt == "float":  # a mean rating: the 1-5 scale
        chart.valueAxis.valueMax, chart.valueAxis.valueStep = 5, 1
    elif fmt == "int":  # whole people: no repeated tick labels on a small count
        chart.valueAxis.valueStep = max(1, math.ceil(max(values or [0]) / 5))
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labelTextFormat = _axis_format(fmt)
    chart.bars[0].fillColor = colour
    chart.barLabels.fontSize = 7
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    chart.barLabelFormat = _axis_format(fmt)
    drawing.add(chart)
    return drawing


def _chart_fonts(chart) -> None:  # type: ignore[no-untyped-def]
    for labels in (chart.categoryAxis.labels, chart.valueAxis.labels, chart.barLabels):
        labels.fontName = SANS


def _axis_format(fmt: str):  # type: ignore[no-untyped-def]
    if fmt == "rp":
        return lambda v: format_rupiah_short(int(v)) if v else "0"
    if fmt == "float":
        return lambda v: f"{v:.2f}".replace(".", ",")
    return lambda v: f"{int(v)}"


def _top(shown: int, total: int) -> str:
    return f" ({shown} terbesar dari {total})" if total > shown else ""


def _bursa_chart(summary: EventSummary) -> Drawing:
    height = 150
    drawing = Drawing(WIDTH, height)
    drawing.add(String(0, height - 12, "Rp komitmen per bursa", fontName=SANS_BOLD, fontSize=10))
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 60, 25, WIDTH - 80, height - 55
    chart.data = [[f.amount for f in summary.bursa]]
    chart.categoryAxis.categoryNames = [f"{f.bursa} {f.label}" for f in summary.bursa]
    _chart_fonts(chart)
    chart.categoryAxis.labels.fontSize = 8
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labelTextFormat = _axis_format("rp")
    chart.barLabelFormat = _axis_format("rp")
    chart.barLabels.fontSize = 8
    chart.barLabels.nudge = 7
    for i, f in enumerate(summary.bursa):
        chart.bars[(0, i)].fillColor = BURSA_COLOURS.get(f.bursa, GREEN)
    drawing.add(chart)
    return drawing


def _women_chart(summary: EventSummary) -> Drawing:
    """The indicator: desa whose designated woman representative attended."""
    drawing = Drawing(WIDTH, 130)
    drawing.add(
        String(0, 118, "Perwakilan perempuan desa (hadir)", fontName=SANS_BOLD,
               fontSize=10)
    )  # fmt: skip
    desa = len(summary.desa)
    women, others = summary.desa_with_woman, desa - summary.desa_with_woman
    pie = Pie()
    pie.x, pie.y, pie.width, pie.height = 20, 5, 100, 100
    pie.data = [women, others] if desa else [1]
    pie.labels = None
    pie.slices.strokeColor = colors.white
    pie.slices[0].fillColor = PURPLE
    pie.slices[1].fillColor = colors.HexColor("#b0bec5")
    drawing.add(pie)
    share = f"{summary.woman_rep_share * 100:.0f}%"
    lines = [
        f"Desa dengan perwakilan perempuan hadir: {women} dari {desa} ({share})",
        f"Desa tanpa perwakilan perempuan hadir: {others}",
        f"Perwakilan perempuan yang hadir: {summary.woman_reps_arrived} orang",
        f"Perempuan lain yang hadir: {summary.other_women_arrived} orang",
        "Perwakilan perempuan: yang ditunjuk desa (undangan/registrasi) dan hadir.",
    ]
    for i, line in enumerate(lines):
        drawing.add(String(140, 80 - 16 * i, line, fontName=SANS, fontSize=9))
    return drawing


def _split(total: int, guests: int) -> str:
    return f"{total} ({total - guests} + {guests})"


def _key_figures(summary: EventSummary) -> Table:
    mean = "-" if summary.mean_rating is None else f"{summary.mean_rating:.2f}".replace(".", ",")
    rows = [
        ["Peserta terdaftar (desa + tamu)", _split(summary.registered, summary.guests_registered),
         "Komitmen", f"{summary.commitments}"],
        ["Peserta hadir (desa + tamu)", _split(summary.arrived, summary.guests_arrived),
         "Total komitmen", rupiah(summary.amount)],
        ["Desa hadir", f"{summary.desa_arrived} dari {len(summary.desa)}",
         "Desa berkomitmen", f"{summary.desa_committed}"],
        ["Perwakilan perempuan hadir", f"{summary.woman_reps_arrived}",
         "Kartu ide", f"{summary.ideas}"],
        ["Desa dengan wakil perempuan hadir",
         f"{summary.desa_with_woman} dari {len(summary.desa)}",
         "Penilaian inovasi (rata-rata)", f"{summary.ratings} ({mean})"],
        ["Perempuan lain yang hadir", f"{summary.other_women_arrived}", "", ""],
    ]  # fmt: skip
    table = Table(rows, colWidths=[WIDTH * 0.35, WIDTH * 0.15, WIDTH * 0.3, WIDTH * 0.2])
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), SANS, 9),
                ("FONT", (1, 0), (1, -1), SANS_BOLD, 9),
                ("FONT", (3, 0), (3, -1), SANS_BOLD, 9),
                ("BOX", (0, 0), (-1, -1), 0.5, colors.grey),
                ("INNERGRID", (0, 0), (-1, -1), 0.25, colors.lightgrey),
            ]
        )
    )
    return table


def _story(summary: EventSummary) -> list[object]:
    st = _styles()
    when = tanggal(summary.event_date, weekday=True)
    place = ", ".join(x for x in (summary.venue, f"Kecamatan {summary.kecamatan}",
                                  summary.kabupaten) if x)  # fmt: skip
    story: list[object] = [
        _p(TITLE, st["title"]),
        _p(summary.event_name, st["sub"]),
        _p(f"{when} — {place}", st["sub"]),
        Spacer(1, 6 * mm),
        _p("Ringkasan", st["h2"]),
        _key_figures(summary),
        Spacer(1, 4 * mm),
        _bursa_chart(summary),
    ]
    desa = summary.desa_by_amount(MAX_BARS)
    story += [
        KeepTogether([_p("Komitmen per desa", st["h2"]),
                      _hbar("Rp komitmen per desa" + _top(len(desa), summary.desa_committed),
                            [d.name for d in desa],
                            [d.amount for d in desa], "rp", GREEN)]),
    ]  # fmt: skip
    top = summary.top_innovations
    story += [
        KeepTogether([_p("Inovasi dengan nilai tertinggi", st["h2"]),
                      _hbar("Rata-rata nilai (1–5)", [f"{i.code} {i.title}" for i in top],
                            [i.mean for i in top], "float", BLUE)]),
    ]  # fmt: skip
    present = sorted(summary.desa, key=lambda d: (-d.arrived, d.name))[:MAX_BARS]
    story += [
        KeepTogether([_p("Kehadiran", st["h2"]),
                      _hbar("Peserta hadir per desa" + _top(len(present), len(summary.desa)),
                            [d.name for d in present],
                            [d.arrived for d in present], "int", ORANGE),
                      _women_chart(summary)]),
    ]  # fmt: skip
    story += _tables(summary, st)
    return story


def _tables(summary: EventSummary, st: dict[str, ParagraphStyle]) -> list[object]:
    cell = st["cell"]
    desa_rows: list[list[object]] = [["Desa", "Terdaftar", "Hadir", "Wakil\nperempuan",
                                      "Perempuan\nlain", "Komitmen", "Anggaran (Rp)", "Ide"]]  # fmt: skip
    for d in summary.desa:
        desa_rows.append([_p(d.name, cell), d.registered, d.arrived,
                          "Ya" if d.woman_rep_arrived else "Tidak", d.other_women_arrived,
                          d.commitments, rupiah(d.amount), d.ideas])  # fmt: skip
    desa_rows.append(["Jumlah", sum(d.registered for d in summary.desa),
                      sum(d.arrived for d in summary.desa), summary.desa_with_woman,
                      sum(d.other_women_arrived for d in summary.desa),
                      sum(d.commitments for d in summary.desa), rupiah(summary.amount),
                      sum(d.ideas for d in summary.desa)])  # fmt: skip
    w = WIDTH
    widths = [0.24, 0.1, 0.07, 0.12, 0.11, 0.11, 0.19, 0.06]
    desa_table = _table(desa_rows, [w * x for x in widths], 1)
    desa_table.setStyle(TableStyle([("FONT", (0, -1), (-1, -1), SANS_BOLD, 8)]))
    bursa_rows: list[list[object]] = [["Bursa", "Komitmen", "Anggaran (Rp)"]]
    for f in summary.bursa:
        bursa_rows.append([f"{f.bursa} {f.label}", f.commitments, rupiah(f.amount)])
    inno_rows: list[list[object]] = [["Kode", "Inovasi", "Bursa", "Penilaian", "Rata-rata"]]
    for i in summary.top_innovations:
        inno_rows.append([i.code, _p(i.title, cell), i.bursa, i.ratings,
                          f"{i.mean:.2f}".replace(".", ",")])  # fmt: skip
    follow_rows: list[list[object]] = [["Status tindak lanjut", "Komitmen"]]
    follow_rows += [[k, v] for k, v in summary.followup.items()]
    guests = (
        f"Tabel ini menghitung peserta dari desa. Tamu undangan (TIK, P2KTD, Camat dan tim, "
        f"lembaga, media) tidak termasuk: {summary.guests_registered} terdaftar, "
        f"{summary.guests_arrived} hadir. Seluruh peserta: {summary.registered} terdaftar, "
        f"{summary.arrived} hadir."
    )
    return [
        CondPageBreak(60 * mm),
        _p("Rekap per desa", st["h2"]),
        desa_table,
        Spacer(1, 2 * mm),
        _p(guests, st["body"]),
        _p("Komitmen per bursa", st["h2"]),
        _table(bursa_rows, [w * 0.5, w * 0.2, w * 0.3], 1),
        _p("Inovasi dengan nilai tertinggi", st["h2"]),
        _table(inno_rows, [w * 0.1, w * 0.56, w * 0.1, w * 0.12, w * 0.12], 2),
        KeepTogether([_p("Tindak lanjut komitmen", st["h2"]),
                      _table(follow_rows, [w * 0.5, w * 0.2], 1)]),
        *_ideas(summary, st),
    ]  # fmt: skip


def _ideas(summary: EventSummary, st: dict[str, ParagraphStyle]) -> list[object]:
    """Every Kartu Ide with its verification status."""
    head = _p(f"Kartu Ide ({len(summary.idea_list)})", st["h2"])
    if not summary.idea_list:
        return [head, _p("Belum ada kartu ide.", st["body"])]
    cell = st["cell"]
    rows: list[list[object]] = [["No", "Desa", "Pengusul", "Judul ide", "Dilaksanakan",
                                 "Verifikasi"]]  # fmt: skip
    for n, idea in enumerate(summary.idea_list, 1):
        rows.append([n, _p(idea.desa or "-", cell), _p(idea.proposer, cell),
                     _p(idea.title, cell), "Ya" if idea.already_done else "Tidak",
                     idea.verification])  # fmt: skip
    w = WIDTH
    widths = [w * 0.05, w * 0.16, w * 0.18, w * 0.34, w * 0.11, w * 0.16]
    return [head, _table(rows, widths, len(widths))]  # no numeric column


def _footer(summary: EventSummary):  # type: ignore[no-untyped-def]
    def draw(canvas, doc) -> None:  # type: ignore[no-untyped-def]
        canvas.saveState()
        canvas.setFont(SANS, 7.5)
        canvas.setFillColor(colors.grey)
        canvas.drawString(18 * mm, 10 * mm, f"{TITLE} — {summary.event_name}"[:110])
        canvas.drawRightString(A4[0] - 18 * mm, 10 * mm, f"Halaman {doc.page}")
        canvas.restoreState()

    return draw


def write_report_pdf(summary: EventSummary, out: Path) -> int:
    """Write the report; returns the number of pages."""
    fonts.register()
    with atomic_output(out) as tmp:
        return _build(summary, tmp)


def _build(summary: EventSummary, out: Path) -> int:
    doc = SimpleDocTemplate(
        str(out), pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=16 * mm,
        bottomMargin=18 * mm, title=f"{TITLE} — {summary.event_name}", author="BID Desktop",
    )  # fmt: skip
    footer = _footer(summary)
    doc.build(_story(summary), onFirstPage=footer, onLaterPages=footer)
    return int(doc.page)
