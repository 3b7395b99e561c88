"""Dasbor page: the key figures and charts of the scope (same figures as the report PDF);
with several events, the summary per kecamatan and the Rp chart per kecamatan."""

from __future__ import annotations

from lokal import format_rupiah_short
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from bid_desktop.domain.amounts import rupiah
from bid_desktop.reports.summary import EventFigures, EventSummary
from bid_desktop.ui.rekap.charts import BLUE, GREEN, ORANGE, Bar, BarChart, DonutChart
from bid_desktop.ui.rekap.kabupaten_table import KabupatenTable

BURSA_COLOURS = {"A": GREEN, "B": BLUE, "C": ORANGE}
MAX_BARS = 12


def short_rp(value: float) -> str:
    return format_rupiah_short(int(value)) if value else "Rp0"


def decimal(value: float) -> str:
    return f"{value:.2f}".replace(".", ",")


class DashboardPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary: EventSummary | None = None
        self.lbl_title = QLabel()
        self.lbl_title.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.figures = QLabel()
        self.figures.setWordWrap(True)
        self.figures.setFrameShape(QFrame.Shape.StyledPanel)
        self.figures.setStyleSheet("QLabel { background: white; padding: 8px; font-size: 14px; }")
        self.figures.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.chart_bursa = BarChart(self.tr("Rp komitmen per bursa"), short_rp)
        self.chart_desa = BarChart(self.tr("Rp komitmen per desa"), short_rp, GREEN)
        self.chart_top = BarChart(self.tr("Inovasi dengan nilai tertinggi (rata-rata 1–5)"), decimal, BLUE)  # fmt: skip
        self.chart_attendance = BarChart(
            self.tr("Peserta hadir per desa"), lambda v: f"{v:.0f}", ORANGE
        )
        self.chart_women = DonutChart(self.tr("Perwakilan perempuan desa (hadir)"))
        grid = QGridLayout()
        grid.setSpacing(8)
        grid.addWidget(self.figures, 0, 0)
        grid.addWidget(self.chart_bursa, 0, 1)
        grid.addWidget(self.chart_women, 0, 2)
        grid.addWidget(self.chart_desa, 1, 0)
        grid.addWidget(self.chart_top, 1, 1)
        grid.addWidget(self.chart_attendance, 1, 2)
        for col in range(3):
            grid.setColumnStretch(col, 1)
        grid.setRowStretch(0, 2)
        grid.setRowStretch(1, 3)
        # A TA scope of several events: the summary per kecamatan takes the place of the
        # top innovations and attendance per desa (a province's desa do not fit a chart).
        self.kabupaten = KabupatenTable()
        self.kabupaten.setVisible(False)
        self.kabupaten_figures: list[EventFigures] = []
        grid.addWidget(self.kabupaten, 1, 1, 1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.lbl_title)
        layout.addLayout(grid, 1)

    def show_kabupaten(self, figures: list[EventFigures]) -> None:
        """Several events in scope: the summary per kecamatan, and the Rp chart per
        kecamatan instead of per desa."""
        self.kabupaten_figures = figures
        many = len(figures) > 1
        self.kabupaten.setVisible(many)
        self.chart_top.setVisible(not many)
        self.chart_attendance.setVisible(not many)
        if not many:
            return
        self.kabupaten.show_figures(figures)
        ranked = sorted(figures, key=lambda f: (-f.amount, f.kecamatan))
        shown = [f for f in ranked if f.amount][:MAX_BARS]
        self.chart_desa.title = self.tr("Rp komitmen per kecamatan")
        if len(ranked) > len(shown):
            self.chart_desa.title += " " + self.tr("(%d terbesar dari %d)") % (len(shown), len(ranked))  # fmt: skip
        self.chart_desa.set_bars(
            [Bar(f.kecamatan, f.amount) for f in shown], self.tr("Belum ada komitmen")
        )

    def show_summary(self, s: EventSummary) -> None:
        self.summary = s
        self.lbl_title.setText(self.tr("Dasbor: %s") % s.event_name)
        mean = "-" if s.mean_rating is None else decimal(s.mean_rating)
        rows = [
            (self.tr("Peserta hadir"), f"{s.arrived} / {s.registered}"),
            (self.tr("Desa hadir"), f"{s.desa_arrived} / {len(s.desa)}"),
            (self.tr("Komitmen"), f"{s.commitments} ({s.desa_committed} desa)"),
            (self.tr("Total komitmen"), rupiah(s.amount)),
            (self.tr("Kartu ide"), f"{s.ideas}"),
            (self.tr("Penilaian (rata-rata)"), f"{s.ratings} ({mean})"),
            (self.tr("Tindak lanjut terlambat"), f"{s.followup.get('terlambat', 0)}"),
        ]
        self.figures.setText(
            "<table cellspacing=4 width=100%>"
            + "".join(f"<tr><td>{k}</td><td align=right><b>{v}</b></td></tr>" for k, v in rows)
            + "</table>"
        )
        none = self.tr("Belum ada komitmen")
        self.chart_bursa.set_bars(
            [
                Bar(f"{f.bursa} {f.label}", f.amount, BURSA_COLOURS.get(f.bursa, GREEN))
                for f in s.bursa
            ],  # fmt: skip
            none,
        )
        desa = s.desa_by_amount(MAX_BARS)
        self.chart_desa.title = self.tr("Rp komitmen per desa")
        if s.desa_committed > len(desa):
            self.chart_desa.title += " " + self.tr("(%d terbesar dari %d)") % (len(desa), s.desa_committed)  # fmt: skip
        self.chart_desa.set_bars([Bar(d.name, d.amount) for d in desa], none)
        self.chart_top.set_bars(
            [Bar(f"{i.code} {i.title}", i.mean) for i in s.top_innovations],
            self.tr("Belum ada penilaian"),
        )
        present = sorted(s.desa, key=lambda d: (-d.arrived, d.name))[:MAX_BARS]
        self.chart_attendance.set_bars(
            [Bar(d.name, d.arrived) for d in present if d.arrived], self.tr("Belum ada yang hadir")
        )
        self.chart_women.set_share(
            s.desa_with_woman,
            len(s.desa),
            [
                self.tr("Desa dengan perwakilan perempuan hadir: %d dari %d")
                % (s.desa_with_woman, len(s.desa)),
                self.tr("Perwakilan perempuan yang hadir: %d orang") % s.woman_reps_arrived,
                self.tr("Perempuan lain yang hadir: %d orang") % s.other_women_arrived,
            ],
        )
