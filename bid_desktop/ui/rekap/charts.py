"""Dashboard charts painted with QPainter (QtCharts is not part of PySide6-Essentials):
horizontal bars with their value written at the end, and a donut for a share."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

GREEN, BLUE, ORANGE, PURPLE, GREY = "#2e7d32", "#1565c0", "#ef6c00", "#8e24aa", "#b0bec5"


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    colour: str = ""


class BarChart(QWidget):
    """Horizontal bars, largest first as given; labels elided to the left column."""

    def __init__(
        self,
        title: str,
        fmt: Callable[[float], str] = lambda v: f"{v:g}",
        colour: str = GREEN,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.title = title
        self.fmt = fmt
        self.colour = colour
        self.bars: list[Bar] = []
        self.empty_text = ""
        self.setMinimumSize(280, 160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_bars(self, bars: Sequence[Bar], empty_text: str = "") -> None:
        self.bars = list(bars)
        self.empty_text = empty_text
        self.setToolTip("\n".join(f"{b.label}: {self.fmt(b.value)}" for b in self.bars))
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(420, 260)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("white"))
        top = _title(p, self, self.title)
        area = QRectF(8, top + 4, self.width() - 16, self.height() - top - 10)
        if not self.bars:
            p.setPen(QColor("#757575"))
            p.drawText(area, Qt.AlignmentFlag.AlignCenter, self.empty_text)
            return
        self._paint_bars(p, area)

    def _paint_bars(self, p: QPainter, area: QRectF) -> None:
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, min(9.0, area.height() / max(len(self.bars), 1) * 0.45)))
        p.setFont(font)
        metrics = QFontMetrics(font)
        label_w = min(area.width() * 0.38, max(metrics.horizontalAdvance(b.label) for b in self.bars) + 8)  # fmt: skip
        value_w = max(metrics.horizontalAdvance(self.fmt(b.value)) for b in self.bars) + 8
        bar_area = area.width() - label_w - value_w
        slot = area.height() / len(self.bars)
        bar_h = min(22.0, slot * 0.72)
        peak = max((b.value for b in self.bars), default=0) or 1
        for i, b in enumerate(self.bars):
            y = area.top() + i * slot + (slot - bar_h) / 2
            text_rect = QRectF(area.left(), area.top() + i * slot, label_w - 6, slot)
            p.setPen(QColor("#212121"))
            label = metrics.elidedText(b.label, Qt.TextElideMode.ElideRight, int(label_w - 6))
            p.drawText(
                text_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label
            )
            width = max(1.0, bar_area * b.value / peak) if b.value else 0.0
            p.fillRect(
                QRectF(area.left() + label_w, y, width, bar_h), QColor(b.colour or self.colour)
            )
            value_rect = QRectF(
                area.left() + label_w + width + 4, area.top() + i * slot, value_w, slot
            )
            p.drawText(value_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                       self.fmt(b.value))  # fmt: skip
        p.setPen(QPen(QColor("#9e9e9e"), 1))
        x = area.left() + label_w
        p.drawLine(int(x), int(area.top()), int(x), int(area.bottom()))


class DonutChart(QWidget):
    """A share of a whole (desa whose woman representative attended), with lines of text."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.part = 0
        self.whole = 0
        self.lines: list[str] = []
        self.setMinimumSize(280, 160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_share(self, part: int, whole: int, lines: list[str]) -> None:
        self.part, self.whole, self.lines = part, whole, lines
        self.setToolTip("\n".join(lines))
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(420, 260)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("white"))
        top = _title(p, self, self.title)
        size = max(40.0, min(self.height() - top - 16, self.width() * 0.45))
        ring = QRectF(12, top + 8, size, size)
        pen_w = max(10.0, size * 0.2)
        inner = ring.adjusted(pen_w / 2, pen_w / 2, -pen_w / 2, -pen_w / 2)
        p.setPen(_ring_pen(GREY, pen_w))
        p.drawArc(inner, 0, 360 * 16)
        share = self.part / self.whole if self.whole else 0.0
        if share:
            p.setPen(_ring_pen(PURPLE, pen_w))
            p.drawArc(inner, 90 * 16, int(-share * 360 * 16))
        big = QFont(self.font())
        big.setPointSizeF(max(10.0, size / 7))
        big.setBold(True)
        p.setFont(big)
        p.setPen(QColor("#212121"))
        p.drawText(ring, Qt.AlignmentFlag.AlignCenter, f"{share * 100:.0f}%")
        p.setFont(self.font())
        text = QRectF(ring.right() + 16, ring.top(), self.width() - ring.right() - 24, size)
        p.drawText(text, Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap,
                   "\n".join(self.lines))  # fmt: skip


def _title(p: QPainter, widget: QWidget, title: str) -> float:
    font = QFont(widget.font())
    font.setBold(True)
    p.setFont(font)
    p.setPen(QColor("#212121"))
    height = QFontMetrics(font).height() + 6
    p.drawText(QRectF(8, 4, widget.width() - 16, height), Qt.AlignmentFlag.AlignLeft, title)
    p.setFont(widget.font())
    return height + 4


def _ring_pen(colour: str, width: float) -> QPen:
    pen = QPen(QColor(colour), width)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    return pen
