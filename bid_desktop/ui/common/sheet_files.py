"""Spreadsheet fallback from a tab: import a filled template of one kind (all-or-nothing,
on the worker with progress and cancel) or save a blank one — the menu (``innovations``),
the P2KTD directory (``providers``), transcribed Kartu Komitmen (``commitments``) and Kartu
Ide (``ideas``)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from bid_desktop.services.audit import require_pin
from bid_desktop.ui.common.feedback import Feedback, Tone
from bid_desktop.ui.common.pin import ask_pin
from bid_desktop.ui.context import AppContext

if TYPE_CHECKING:
    from bid_desktop.services.imports import ImportResult

# services.imports (openpyxl, ~100 ms) is imported when a file is imported or a template
# saved, not when a tab that offers it opens (start-up, quality P1).

# The owner tab's class is not this module's: translations use the literal "SheetFiles" context.


TITLES = {
    "innovations": "Menu Inovasi",
    "providers": "Direktori P2KTD",
    "commitments": "Kartu Komitmen",
    "ideas": "Kartu Ide",
}


OVERWRITING = {"commitments"}  # as the CLI (commands/imports.py): behind the committee PIN


class SheetFiles:
    def __init__(self, owner: QWidget, ctx: AppContext, kind: str, feedback: Feedback,
                 changed: Callable[[], None]) -> None:  # fmt: skip
        self.owner, self.ctx, self.kind = owner, ctx, kind
        self.feedback, self.changed = feedback, changed

    def ask_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.owner, QCoreApplication.translate("SheetFiles", "Impor %s") % TITLES[self.kind], "",
            QCoreApplication.translate("SheetFiles", "Lembar kerja (*.xlsx *.xlsm *.xls *.ods *.csv)"),
        )  # fmt: skip
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        ctx, kind = self.ctx, self.kind
        pin: str | None = None
        if kind in OVERWRITING:  # re-stamps amounts stamped at a table: the committee decides
            pin = ask_pin(
                self.owner, QCoreApplication.translate("SheetFiles", "mengimpor Kartu Komitmen")
            )
            if pin is None:
                return

        def work(_progress: Any, cancelled: Callable[[], bool]) -> ImportResult:
            from bid_desktop.services.imports import import_xlsx

            with ctx.db.begin() as session:
                if kind in OVERWRITING:
                    require_pin(session, pin)
                return import_xlsx(session, kind, path, cancelled=cancelled)

        def done(r: ImportResult) -> None:
            self.feedback.show_message(
                QCoreApplication.translate(
                    "SheetFiles", "Impor %s: %d baris — %d baru, %d diperbarui, %d sama"
                )
                % (path.name, r.total, r.added, r.updated, r.unchanged)
                + "".join(f"\n{note}" for note in r.notes),
                Tone.OK,
            )
            ctx.bus.data_changed.emit(kind)
            self.changed()

        def failed(exc: BaseException) -> None:
            self.feedback.show_message(
                QCoreApplication.translate("SheetFiles", "Impor ditolak, tidak ada yang diubah: %s")
                % exc,
                Tone.ERROR,
            )

        title = QCoreApplication.translate("SheetFiles", "Mengimpor %s…") % TITLES[self.kind]
        ctx.tasks.run_with_progress(title, work, done, failed)

    def ask_template(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.owner, QCoreApplication.translate("SheetFiles", "Simpan templat %s") % TITLES[self.kind],
            f"templat-{self.kind}.xlsx", QCoreApplication.translate("SheetFiles", "Excel (*.xlsx)"),
        )  # fmt: skip
        if path:
            self.save_template(Path(path))

    def save_template(self, path: Path) -> None:
        ctx, kind = self.ctx, self.kind

        def work() -> Path:
            from bid_desktop.services.imports import write_template

            with ctx.db.begin() as session:
                return write_template(kind, path, session=session)

        ctx.tasks.run(
            work,
            lambda out: self.feedback.show_message(
                QCoreApplication.translate("SheetFiles", "Templat disimpan: %s") % out, Tone.OK
            ),
            lambda exc: self.feedback.show_message(str(exc), Tone.ERROR),
        )
