"""First start on a database without an event: create the event, or join one from a package.

``run_setup(ctx)`` returns True once the database has an event and a station; the main
window then opens on this station's tab.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from bid_desktop.services.errors import UserError
from bid_desktop.services.events import EventSetup, create_event, validate_setup
from bid_desktop.ui.context import AppContext
from bid_desktop.ui.setup.create_page import CreatePage
from bid_desktop.ui.setup.join_page import JoinPage, call_join


class SetupDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("BID Desktop — siapkan laptop ini"))
        self.resize(1100, 640)
        intro = QLabel(
            self.tr(
                "Basis data ini belum punya acara. Buat acara baru (laptop pertama), atau gabung "
                "acara yang sudah dibuat di laptop lain."
            )
        )
        intro.setWordWrap(True)
        self.pages = QTabWidget()
        self.create_page = CreatePage()
        self.join_page = JoinPage()
        self.pages.addTab(self.create_page, self.tr("Buat acara baru"))
        self.pages.addTab(self.join_page, self.tr("Gabung acara"))
        self.pages.currentChanged.connect(self._page_changed)
        self.lbl_error = QLabel()
        self.lbl_error.setWordWrap(True)
        self.lbl_error.setStyleSheet("color: #b71c1c; font-weight: bold;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.btn_ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.btn_ok.setDefault(True)  # Enter in the form submits; the kecamatan search eats its own
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Tutup"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.lbl_error)
        layout.addWidget(self.buttons)
        for button in self.pages.findChildren(QPushButton):
            button.setAutoDefault(False)  # else a page's "Pilih…" (even hidden) takes Enter
        self._page_changed(0)
        self.create_page.ed_name.setFocus()

    def _page_changed(self, index: int) -> None:
        joining = index == 1
        self.btn_ok.setText(self.tr("Gabung acara") if joining else self.tr("Buat acara"))
        self.btn_ok.setEnabled(not joining or self.join_page.available())
        self.lbl_error.clear()

    def submit(self) -> None:
        self.lbl_error.clear()
        try:
            work = self._join_work() if self.pages.currentIndex() == 1 else self._create_work()
        except UserError as exc:
            self.lbl_error.setText(str(exc))
            return
        self.btn_ok.setEnabled(False)
        self.ctx.tasks.run(work, self._done, self._failed)

    def _create_work(self) -> Any:
        setup: EventSetup = self.create_page.setup()
        validate_setup(setup)  # quick checks here; hashing the passphrase goes to the worker
        db = self.ctx.db

        def work() -> str:
            with db.begin() as session:
                return create_event(session, setup).name

        return work

    def _join_work(self) -> Any:
        package, passphrase, station, role = self.join_page.values()
        db = self.ctx.db
        return lambda: call_join(db, package, station, passphrase, role)

    def _done(self, _result: object) -> None:
        self.ctx.reload_station()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.btn_ok.setEnabled(True)
        if isinstance(exc, UserError):
            self.lbl_error.setText(str(exc))
        else:
            self.ctx.tasks.show_error(exc)


def run_setup(ctx: AppContext) -> bool:
    dialog = SetupDialog(ctx)
    return dialog.exec() == QDialog.DialogCode.Accepted
