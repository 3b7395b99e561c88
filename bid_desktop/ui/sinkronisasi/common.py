"""Pieces every Sinkronisasi page shares: background runs that die with the page, a PIN
prompt, and value formatting for the field-by-field review tables."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QPushButton, QWidget
from sqlalchemy import Boolean, Date, DateTime

from bid_desktop.domain.amounts import rupiah
from bid_desktop.services import keystore
from bid_desktop.services.errors import UserError
from bid_desktop.services.keystore import KeyMissing
from bid_desktop.storage.models import SYNCED_MODELS
from bid_desktop.sync.clock import Hlc
from bid_desktop.ui.common.feedback import Feedback, Tone
from bid_desktop.ui.common.pin import ask_passphrase
from bid_desktop.ui.context import AppContext

HARD_BG = QColor("#fdecea")  # the same field edited differently: the user decides
SOFT_BG = QColor("#fff4e0")  # differs, merged automatically
DIFF_BG = QColor("#fff4e0")  # duplicate review: the persons differ here


class PageFeedback(Feedback):
    """The shared feedback line, hidden until there is something to say (no empty band)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hide()

    def show_message(self, text: str, tone: Tone = Tone.INFO) -> None:
        super().show_message(text, tone)
        self.show()


class SyncPage(QWidget):
    """A page of the tab. Database work runs on the task worker; results arriving after the
    page is gone are dropped; a ``UserError`` lands in the page's feedback line."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.feedback = PageFeedback()

    def run(
        self,
        work: Callable[..., Any],
        on_done: Callable[[Any], None],
        title: str = "",
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        def alive(fn: Callable[[Any], None]) -> Callable[[Any], None]:
            return lambda value: fn(value) if shiboken6.isValid(self) else None

        failed = alive(on_error or self.failed)
        if title:
            self.ctx.tasks.run_with_progress(title, work, alive(on_done), failed)
        else:
            self.ctx.tasks.run(work, alive(on_done), failed)

    def failed(self, exc: BaseException) -> None:
        self.feedback.show_message(str(exc), Tone.ERROR)
        if isinstance(exc, KeyMissing):
            self.unlock_event()
        elif not isinstance(exc, UserError):
            self.ctx.tasks.show_error(exc)

    def unlock_event(self) -> None:
        """Ask the event passphrase and keep the key in this user's key file."""
        passphrase = ask_passphrase(self)
        if passphrase is None:
            return
        db = self.ctx.db

        def work() -> None:
            with db.begin() as session:
                keystore.unlock(session, passphrase)

        self.run(
            work,
            lambda _none: self.feedback.show_message(
                self.tr("Kunci acara disimpan di laptop ini; ulangi tindakan tadi."), Tone.OK
            ),
        )

    def button(self, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setMinimumHeight(36)
        button.clicked.connect(lambda _checked=False: slot())
        return button


def translate_label(text: str) -> str:
    """Labels that come from ``sync.labels`` (no Qt there) go through the translator too."""
    return QCoreApplication.translate("SyncLabels", text)


def hlc_time(hlc: str) -> str:
    """A version's clock as a local wall time, e.g. '25-11-2026 10:42'."""
    try:
        wall = Hlc.decode(hlc).wall
    except ValueError:
        return hlc
    return dt.datetime.fromtimestamp(wall / 1000).strftime("%d-%m-%Y %H:%M")


def _column_type(entity: str, field: str) -> object:
    model = SYNCED_MODELS.get(entity)
    if model is None or field not in model.__table__.columns:
        return None
    return model.__table__.columns[field].type


def _date_text(kind: object, value: object) -> str | None:
    """Payload dates are ISO text ('2026-11-25 08:05:00'); show them the Indonesian way."""
    if not isinstance(value, str) or not isinstance(kind, Date | DateTime):
        return None
    try:
        when = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return when.strftime("%d-%m-%Y %H:%M" if isinstance(kind, DateTime) else "%d-%m-%Y")


MONEY = {("commitment", "amount"), ("innovation", "cost_estimate")}


def format_value(entity: str, field: str, value: object) -> str:
    """A payload value as the user reads it: booleans as ya/tidak, empty as a dash."""
    if field == "_dihapus":
        if value:
            return QCoreApplication.translate("SyncPage", "dihapus")
        return QCoreApplication.translate("SyncPage", "tidak dihapus")
    if value is None or value == "":
        return "—"
    if isinstance(value, dt.datetime):
        return value.strftime("%d-%m-%Y %H:%M")
    if (entity, field) in MONEY and isinstance(value, int | float) and not isinstance(value, bool):
        return rupiah(int(value))  # Rp150.000.000, as on the card and the piagam
    kind = _column_type(entity, field)
    if isinstance(value, bool) or isinstance(kind, Boolean):
        if value:
            return QCoreApplication.translate("SyncPage", "ya")
        return QCoreApplication.translate("SyncPage", "tidak")
    text = _date_text(kind, value) or str(value)
    return text if len(text) <= 120 else text[:117] + "…"


def size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{max(size, 0) / 1024:.0f} KB"


ALIGN_TOP_LEFT = Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft
