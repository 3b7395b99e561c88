"""Show a PDF the app wrote (badges, piagam, report): open it in the system viewer, or send
it to a printer.

Printing renders each page with pdfium (pypdfium2) at the printer's resolution (capped at
300 dpi) and paints it on a ``QPrinter``; without pypdfium2 the viewer opens instead, and
prints from there.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSizeF, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtWidgets import QDialog, QWidget

MAX_DPI = 300


def open_pdf(path: Path) -> bool:
    """Open in the system PDF viewer; False when the system has none."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(path).resolve())))


def print_pdf(parent: QWidget | None, path: Path) -> bool:
    """Ask for a printer (the system dialog) and print every page. False when cancelled."""
    try:
        import pypdfium2  # noqa: F401
    except ImportError:
        return open_pdf(path)
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    _match_page_size(printer, path)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    render_to_printer(printer, path)
    return True


def _page_points(path: Path) -> tuple[float, float]:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    try:
        width, height = doc[0].get_size()
    finally:
        doc.close()
    return width, height


def _match_page_size(printer: object, path: Path) -> None:
    width, height = _page_points(path)
    size = QPageSize(
        QSizeF(width, height), QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch
    )
    printer.setPageSize(size)  # type: ignore[attr-defined]
    orientation = (
        QPageLayout.Orientation.Landscape if width > height else QPageLayout.Orientation.Portrait
    )
    printer.setPageOrientation(orientation)  # type: ignore[attr-defined]


def render_to_printer(printer: object, path: Path) -> int:
    """Paint every page of ``path`` on ``printer`` (any QPagedPaintDevice); returns pages."""
    import pypdfium2 as pdfium

    dpi = min(int(printer.resolution()), MAX_DPI)  # type: ignore[attr-defined]
    doc = pdfium.PdfDocument(str(path))
    painter = QPainter(printer)  # type: ignore[call-overload]
    try:
        for i in range(len(doc)):
            if i:
                printer.newPage()  # type: ignore[attr-defined]
            image = doc[i].render(scale=dpi / 72).to_pil().convert("RGB")
            data = image.tobytes()
            qimage = QImage(
                data, image.width, image.height, image.width * 3, QImage.Format.Format_RGB888
            )
            target = _fit(QRectF(painter.viewport()), image.width, image.height)
            painter.drawImage(target, qimage)
        return len(doc)
    finally:
        painter.end()
        doc.close()


def _fit(area: QRectF, width: int, height: int) -> QRectF:
    scale = min(area.width() / width, area.height() / height)
    w, h = width * scale, height * scale
    return QRectF(area.x() + (area.width() - w) / 2, area.y() + (area.height() - h) / 2, w, h)
