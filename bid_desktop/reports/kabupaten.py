"""The kabupaten report (`bid-desktop report` on a TA database, scope of several events):
the key figures of the scope, the summary per kecamatan (desa present / total, women
representatives, commitments and Rp, ideas, follow-up progress), a chart comparing the
kecamatan, then one chart per kecamatan (Rp committed per desa). Reuses the event report's
styles and charts (``reports/report.py``)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, SimpleDocTemplate, Spacer, Table

from bid_desktop.domain.amounts import rupiah
from bid_desktop.reports import fonts
from bid_desktop.reports.output import atomic_output
from bid_desktop.reports.report import (
    BLUE,
    GREEN,
    MAX_BARS,
    TITLE,
    WIDTH,
    _footer,
    _hbar,
    _key_figures,
    _p,
    _styles,
    _table,
    _top,
)
from bid_desktop.reports.summary import DesaFigure, EventFigures, EventSummary

KAB_TITLE = "Laporan Bursa Inovasi Desa Kabupaten"


def _summary_table(figures: Sequence[EventFigures], cell: ParagraphStyle) -> Table:
    rows: list[list[object]] = [["Kecamatan", "Desa hadir", "Perempuan", "Komitmen",
                                 "Anggaran (Rp)", "Ide", "Dihubungi", "RKP Desa",
                                 "Terealisasi"]]  # fmt: skip
    totals = [0] * 9
    for f in figures:
        values = [f.desa_present, f.desa_total, f.women_present, f.commitments, f.amount,
                  f.ideas, f.contacted, f.in_rkp, f.realised]  # fmt: skip
        totals = [a + b for a, b in zip(totals, values, strict=False)]
        rows.append([_p(f.kecamatan, cell), f"{values[0]} / {values[1]}", values[2], values[3],
                     rupiah(values[4]), *values[5:]])  # fmt: skip
    rows.append(["Jumlah", f"{totals[0]} / {totals[1]}", totals[2], totals[3],
                 rupiah(totals[4]), *totals[5:]])  # fmt: skip
    w = WIDTH
    widths = [w * 0.2, w * 0.1, w * 0.09, w * 0.09, w * 0.17, w * 0.07, w * 0.09, w * 0.09, w * 0.1]
    return _table(rows, widths, 1)


def _kecamatan_chart(name: str, desa: list[DesaFigure]) -> Drawing:
    ranked = sorted((d for d in desa if d.amount), key=lambda d: (-d.amount, d.name))
    shown = ranked[:MAX_BARS]
    return _hbar(
        f"Kecamatan {name}: Rp komitmen per desa" + _top(len(shown), len(ranked)),
        [d.name for d in shown], [d.amount for d in shown], "rp", GREEN,
    )  # fmt: skip


def _story(
    summary: EventSummary, figures: Sequence[EventFigures], per_event: dict[str, list[DesaFigure]]
) -> list[object]:
    st = _styles()
    story: list[object] = [
        _p(KAB_TITLE, st["title"]),
        _p(summary.event_name, st["sub"]),
        _p(f"{summary.kabupaten} — {summary.kecamatan}", st["sub"]),
        Spacer(1, 6 * mm),
        _p("Ringkasan", st["h2"]),
        _key_figures(summary),
        _p("Ringkasan per kecamatan", st["h2"]),
        _summary_table(figures, st["cell"]),
    ]
    ranked = sorted(figures, key=lambda f: (-f.amount, f.kecamatan))[:30]
    story += [
        CondPageBreak(80 * mm),
        _hbar("Rp komitmen per kecamatan" + _top(len(ranked), len(figures)),
              [f.kecamatan for f in ranked], [f.amount for f in ranked], "rp", BLUE),
        _p("Komitmen per kecamatan", st["h2"]),
    ]  # fmt: skip
    for f in figures:
        desa = per_event.get(f.event_id, [])
        story.append(KeepTogether([_kecamatan_chart(f.kecamatan, desa)]))
    return story


def write_kabupaten_pdf(
    summary: EventSummary,
    figures: Sequence[EventFigures],
    per_event: dict[str, list[DesaFigure]],
    out: Path,
) -> int:
    """Write the kabupaten report (complete or none); returns the number of pages."""
    fonts.register()  # the embedded Unicode fonts the event report's styles name
    with atomic_output(out) as tmp:
        return _build(summary, figures, per_event, tmp)


def _build(
    summary: EventSummary,
    figures: Sequence[EventFigures],
    per_event: dict[str, list[DesaFigure]],
    out: Path,
) -> int:
    doc = SimpleDocTemplate(
        str(out), pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=16 * mm,
        bottomMargin=18 * mm, title=f"{TITLE} — {summary.event_name}", author="BID Desktop",
    )  # fmt: skip
    footer = _footer(summary)
    doc.build(_story(summary, figures, per_event), onFirstPage=footer, onLaterPages=footer)
    return int(doc.page)
