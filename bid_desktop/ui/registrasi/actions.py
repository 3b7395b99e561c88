"""Less frequent work of the registration desk: badges, voids, invitation import, template.

Kept out of ``tab.py`` so the tab stays the scan flow. Every database call runs on the task
worker; destructive ones ask for the committee PIN and a reason first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QFileDialog, QMenu

from bid_desktop.services import registration as reg
from bid_desktop.services import registration_badges as badges
from bid_desktop.ui.common import pdf
from bid_desktop.ui.common.feedback import Tone
from bid_desktop.ui.common.pin import ask_pin, ask_reason

if TYPE_CHECKING:
    from bid_desktop.ui.registrasi.tab import RegistrasiTab


class RegistrasiActions(QObject):
    SELECTED, UNPRINTED, WALKINS, ALL = (
        badges.SELECTED,
        badges.UNPRINTED,
        badges.WALKINS,
        badges.ALL,
    )

    def __init__(self, tab: RegistrasiTab) -> None:
        super().__init__(tab)
        self.tab = tab
        self.badge_layout = "sheet"
        self.send_to_printer = False
        self.last_pdf: Path | None = None

    # --- menus ------------------------------------------------------------------------------

    def badge_menu(self) -> QMenu:
        menu = QMenu(self.tab)
        self._add(menu, self.tr("Badge peserta terpilih") + "\tCtrl+P", self.print_selected)
        self._add(
            menu, self.tr("Semua yang belum dicetak"), lambda: self.print_badges(self.UNPRINTED)
        )
        self._add(menu, self.tr("Semua walk-in"), lambda: self.print_badges(self.WALKINS))
        self._add(menu, self.tr("Semua peserta"), lambda: self.print_badges(self.ALL))
        menu.addSeparator()
        self._choice(
            menu,
            [
                (self.tr("Lembar A4 (10 badge per halaman)"), "sheet"),
                (self.tr("Satu badge per halaman (90×55 mm)"), "single"),
            ],
            lambda value: setattr(self, "badge_layout", value),
        )
        menu.addSeparator()
        self._choice(
            menu,
            [
                (self.tr("Buka PDF di penampil"), False),
                (self.tr("Kirim langsung ke printer"), True),
            ],
            lambda value: setattr(self, "send_to_printer", value),
        )
        return menu

    def more_menu(self) -> QMenu:
        menu = QMenu(self.tab)
        self._add(menu, self.tr("Impor daftar undangan (xlsx)…"), self.import_invitations)
        self._add(menu, self.tr("Unduh templat undangan…"), self.save_template)
        self._add(menu, self.tr("Konfirmasi kehadiran && surat undangan…"), self.open_confirmations)
        menu.addSeparator()
        self._add(menu, self.tr("Batalkan kehadiran peserta terpilih…"), self.undo_check_in)
        self._add(menu, self.tr("Batalkan (void) peserta terpilih…"), self.void_selected)
        return menu

    def _add(self, menu: QMenu, text: str, slot: Callable[[], Any]) -> QAction:
        action = menu.addAction(text)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _choice(
        self, menu: QMenu, options: list[tuple[str, Any]], apply: Callable[[Any], None]
    ) -> None:
        group = QActionGroup(menu)
        for i, (text, value) in enumerate(options):
            action = menu.addAction(text)
            action.setCheckable(True)
            action.setChecked(i == 0)
            group.addAction(action)
            action.triggered.connect(lambda _c=False, v=value: apply(v))

    def open_confirmations(self) -> None:
        from bid_desktop.ui.registrasi.confirmations import ConfirmationsDialog

        ConfirmationsDialog(self.tab.ctx, self.tab).exec()

    # --- badges -----------------------------------------------------------------------------

    def print_selected(self) -> None:
        ids = self.tab.selected_ids()
        if not ids:
            self.tab.target_id()  # says what to do
            return
        self.print_badges(self.SELECTED, ids=ids)

    def badge_path(self) -> Path:
        folder = self.tab.ctx.db.path.parent / "badge"
        folder.mkdir(parents=True, exist_ok=True)
        return folder / f"badge-{dt.datetime.now():%Y%m%d-%H%M%S-%f}.pdf"

    def print_badges(self, which: str, ids: Sequence[str] = (), quiet: bool = False) -> None:
        """Write the PDF on the worker, then open or print it. ``quiet``: the feedback line
        keeps what it says (a walk-in's badge), the status bar tells about the PDF."""
        out, layout, ctx = self.badge_path(), self.badge_layout, self.tab.ctx

        def work(progress: Any, _cancelled: Any) -> badges.BadgeRun:
            with ctx.db.begin() as session:
                return badges.print_badges(
                    session, out, which, ids=list(ids), layout=layout,
                    progress=lambda done, total: progress(done, total, ""),
                )  # fmt: skip

        title = self.tr("Membuat badge…")
        self.tab.run(work, lambda run: self._badges_done(run, quiet), self.tab._failed, title)

    def _badges_done(self, run: badges.BadgeRun, quiet: bool = False) -> None:
        self.last_pdf = run.path
        if run.count == 0:
            self.tab.feedback.show_message(self.tr("Tidak ada badge untuk dicetak."), Tone.WARN)
            self.tab.focus_box()
            return
        message = self.tr("Badge: %d dibuat → %s") % (run.count, run.path.name)
        if run.unprintable:
            message += "\n" + self.tr(
                "Huruf tidak ada di font, tercetak sebagai kotak (nomor peserta): %s"
            ) % "; ".join(run.unprintable)
        if quiet and not run.unprintable:
            self.tab.ctx.bus.status.emit(message)
        else:
            tone = Tone.WARN if run.unprintable else Tone.INFO
            self.tab.feedback.show_message(message, tone)
        shown = (
            pdf.print_pdf(self.tab, run.path) if self.send_to_printer else pdf.open_pdf(run.path)
        )
        if not shown and not self.send_to_printer:
            self.tab.feedback.show_message(
                self.tr("Tidak ada penampil PDF. Berkas badge: %s") % run.path, Tone.WARN
            )
        self.tab.focus_box()

    # --- mistakes: behind the committee PIN -------------------------------------------------------

    def void_selected(self) -> None:
        self._guarded(
            self.tr("batalkan peserta"), reg.void_participant, self.tr("Peserta dibatalkan.")
        )

    def undo_check_in(self) -> None:
        self._guarded(
            self.tr("batalkan kehadiran"), reg.undo_check_in, self.tr("Kehadiran dibatalkan.")
        )

    def _guarded(self, action: str, fn: Callable[..., None], done_text: str) -> None:
        pid = self.tab.target_id()
        if pid is None:
            return
        pin = ask_pin(self.tab, action)
        reason = ask_reason(self.tab, action.capitalize()) if pin else None
        if not pin or not reason:
            self.tab.focus_box()
            return
        ctx = self.tab.ctx

        def work() -> dict[str, Any]:
            with ctx.db.begin() as session:
                fn(session, pid, reason, pin)
                return reg.participant_row(session, pid)

        def done(row: dict[str, Any]) -> None:
            self.tab.feedback.show_message(
                f"{done_text} {row['name']} ({row['number']})", Tone.INFO
            )
            self.tab.show_person(row)
            ctx.bus.data_changed.emit("participant")
            self.tab.focus_box()

        self.tab.run(work, done, self.tab._failed)

    # --- invitations (xlsx) -----------------------------------------------------------------

    def import_invitations(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.tab,
            self.tr("Impor daftar undangan"),
            "",
            self.tr("Lembar kerja (*.xlsx *.xlsm *.xls *.ods *.csv)"),
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        from bid_desktop.services.imports import import_xlsx

        ctx = self.tab.ctx

        def work(_progress: Any, cancelled: Callable[[], bool]) -> Any:
            with ctx.db.begin() as session:
                return import_xlsx(session, "invitations", path, cancelled=cancelled)

        def done(result: Any) -> None:
            self.tab.feedback.show_message(
                self.tr("Impor %s: %d baris — %d baru, %d diperbarui, %d sama")
                % (path.name, result.total, result.added, result.updated, result.unchanged)
                + "".join(f"\n{note}" for note in result.notes),
                Tone.OK,
            )
            ctx.bus.data_changed.emit("participant")
            self.tab.search(self.tab.box.text().strip())

        self.tab.run(work, done, self._import_failed, self.tr("Mengimpor undangan…"))

    def _import_failed(self, exc: BaseException) -> None:
        self.tab.feedback.show_message(
            self.tr("Impor ditolak, tidak ada yang diubah: %s") % exc, Tone.ERROR
        )
        self.tab.ctx.tasks.show_error(exc)

    def save_template(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.tab,
            self.tr("Simpan templat undangan"),
            "templat-undangan.xlsx",
            self.tr("Excel (*.xlsx)"),
        )
        if path:
            self.write_template(Path(path))

    def write_template(self, path: Path) -> None:
        from bid_desktop.services.imports import write_template

        ctx = self.tab.ctx

        def work() -> Path:
            with ctx.db.begin() as session:
                return write_template("invitations", path, session=session)

        def done(out: Path) -> None:
            self.tab.feedback.show_message(self.tr("Templat disimpan: %s") % out, Tone.OK)

        self.tab.run(work, done, self.tab._failed)
