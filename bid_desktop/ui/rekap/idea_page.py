"""Verifikasi Ide page: the Kartu Ide list (filter by kecamatan, verification, text) and the
verification panel: really carried out? has results? feasible? Ctrl+S saves."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from bid_desktop.services import followup as fu
from bid_desktop.ui.common.table_model import Column, RowsModel
from bid_desktop.ui.context import AppContext
from bid_desktop.ui.rekap.followup_form import combo, pydate, qdate, select_data, text_box
from bid_desktop.ui.rekap.followup_page import filter_combo
from bid_desktop.ui.rekap.paged import PagedTable
from bid_desktop.ui.rekap.worker import run_for

TRI = [("", None), ("Ya", True), ("Tidak", False)]


def idea_columns() -> list[Column]:
    return [
        Column("kecamatan_name", QCoreApplication.translate("IdeaModel", "Kecamatan")),
        Column("desa_name", QCoreApplication.translate("IdeaModel", "Desa")),
        Column("proposer_name", QCoreApplication.translate("IdeaModel", "Pengusul")),
        Column("title", QCoreApplication.translate("IdeaModel", "Judul ide")),
        Column(
            "already_done",
            QCoreApplication.translate("IdeaModel", "Dilaksanakan"),
            lambda v: (
                QCoreApplication.translate("IdeaModel", "Ya")
                if v
                else QCoreApplication.translate("IdeaModel", "Tidak")
            ),
        ),
        Column("verification", QCoreApplication.translate("IdeaModel", "Verifikasi")),
    ]


def tri_combo(labels: tuple[str, str, str]) -> QComboBox:
    """Not checked yet / yes / no; labels translated by the caller."""
    return combo(list(zip(("", "Ya", "Tidak"), labels, strict=True)))


def tri_value(box: QComboBox) -> bool | None:
    return dict(TRI)[box.currentData() or ""]


def tri_set(box: QComboBox, value: bool | None) -> None:
    select_data(box, {None: "", True: "Ya", False: "Tidak"}[value])


class VerificationForm(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Verifikasi ide"))
        self.idea_id: str | None = None
        self.lbl_head = QLabel(self.tr("Pilih kartu ide di daftar."))
        self.lbl_head.setWordWrap(True)
        labels = (self.tr("belum dicek"), self.tr("Ya"), self.tr("Tidak"))
        self.cb_done = tri_combo(labels)
        self.cb_results = tri_combo(labels)
        self.cb_feasible = tri_combo(labels)
        self.ed_date = QDateEdit()
        self.ed_date.setCalendarPopup(True)
        self.ed_date.setDisplayFormat("dd-MM-yyyy")
        self.ed_notes = text_box(70)
        self.lbl_error = QLabel()
        self.lbl_error.setStyleSheet("color: #c62828;")
        self.btn_save = QPushButton(self.tr("Simpan verifikasi (Ctrl+S)"))
        form = QFormLayout()
        form.addRow(self.tr("Benar sudah dilaksanakan?"), self.cb_done)
        form.addRow(self.tr("Ada hasilnya?"), self.cb_results)
        form.addRow(self.tr("Layak direplikasi?"), self.cb_feasible)
        form.addRow(self.tr("Tanggal verifikasi"), self.ed_date)
        form.addRow(self.tr("Catatan"), self.ed_notes)
        layout = QVBoxLayout(self)
        layout.addWidget(self.lbl_head)
        layout.addLayout(form)
        layout.addWidget(self.lbl_error)
        layout.addWidget(self.btn_save)
        layout.addStretch(1)
        self.setEnabled(False)

    def show_row(self, row: dict[str, Any] | None) -> None:
        self.lbl_error.clear()
        self.idea_id = row["id"] if row else None
        self.setEnabled(row is not None)
        if row is None:
            self.lbl_head.setText(self.tr("Pilih kartu ide di daftar."))
            return
        done = self.tr("sudah dilaksanakan") if row["already_done"] else self.tr("belum dilaksanakan")  # fmt: skip
        results = f" — {escape(row['results'])}" if row.get("results") else ""
        said = self.tr("Menurut pengusul")
        self.lbl_head.setText(
            f"<b>{escape(row['title'])}</b><br>{escape(row['proposer_name'])} · "
            f"{escape(row['desa_name'] or '-')}<br><i>{escape(row['description'] or '')}</i>"
            f"<br>{said}: {done}{results}"
        )
        tri_set(self.cb_done, row["verified_really_done"])
        tri_set(self.cb_results, row["verified_has_results"])
        tri_set(self.cb_feasible, row["verified_feasible"])
        self.ed_date.setDate(qdate(row["verified_at"] or dt.date.today()))
        self.ed_notes.setPlainText(row["verification_notes"] or "")

    def form(self) -> fu.VerificationForm:
        return fu.VerificationForm(
            really_done=tri_value(self.cb_done),
            has_results=tri_value(self.cb_results),
            feasible=tri_value(self.cb_feasible),
            notes=self.ed_notes.toPlainText(),
            verified_at=pydate(self.ed_date.date()),
        )


class IdeaPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = RowsModel(idea_columns())
        self.cb_kecamatan = filter_combo(self.tr("Semua kecamatan"), [])
        self.cb_verified = filter_combo(
            self.tr("Semua kartu ide"),
            [
                ("belum", self.tr("Belum diverifikasi")),
                ("sudah", self.tr("Sudah diverifikasi")),
            ],  # fmt: skip
        )
        self.ed_text = QLineEdit()
        self.ed_text.setPlaceholderText(self.tr("Cari judul ide atau pengusul…"))
        self.ed_text.setClearButtonEnabled(True)
        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self.reload)
        self.cb_kecamatan.currentIndexChanged.connect(self.reload)
        self.cb_verified.currentIndexChanged.connect(self.reload)
        self.ed_text.textChanged.connect(lambda _t: self._debounce.start())
        filters = QHBoxLayout()
        filters.addWidget(self.cb_kecamatan)
        filters.addWidget(self.cb_verified)
        filters.addWidget(self.ed_text, 1)
        self.list = PagedTable(
            self.ctx,
            self.model,
            [100, 120, 160, 240, 92, 130],
            3,
            self.fetch,
            lambda shown, total: self.tr("%d dari %d kartu ide") % (shown, total),
            self.tr("Tampilkan %d lagi") % fu.PAGE,
        )
        self.view = self.list.view
        self.view.activated.connect(lambda _i: self.form.cb_done.setFocus())
        self.form: VerificationForm = VerificationForm()
        self.form.btn_save.clicked.connect(self.save)
        self.list.row_changed.connect(self.form.show_row)
        save = QShortcut(QKeySequence("Ctrl+S"), self, self.save)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        splitter = QSplitter()
        splitter.addWidget(self.list)
        splitter.addWidget(self.form)
        splitter.setSizes([880, 460])
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)

    def set_kecamatan(self, items: list[tuple[str, str]]) -> None:
        self.cb_kecamatan.blockSignals(True)
        for code, name in items:
            self.cb_kecamatan.addItem(name, code)
        self.cb_kecamatan.blockSignals(False)
        self.cb_kecamatan.setVisible(len(items) > 1)
        self.view.setColumnHidden(0, len(items) <= 1)

    def reload(self, *_args: object) -> None:
        self.list.reload()

    def fetch(self, limit: int) -> Callable[[], tuple[fu.Page, None]]:
        flt = fu.IdeaFilter(  # read here, on the GUI thread
            kecamatan_code=self.cb_kecamatan.currentData() or "",
            verified=self.cb_verified.currentData() or "",
            text=self.ed_text.text(),
            events=self.ctx.scope,
        )

        def work() -> tuple[fu.Page, None]:
            with self.ctx.db.begin() as session:
                return fu.idea_page(session, flt, limit), None

        return work

    def save(self) -> None:
        idea_id = self.form.idea_id
        if idea_id is None:
            return
        form = self.form.form()

        def work() -> dict[str, Any]:
            with self.ctx.db.begin() as session:
                return fu.verify_idea(session, idea_id, form)

        run_for(self, self.ctx, work, self._saved, lambda e: self.form.lbl_error.setText(str(e)))

    def _saved(self, row: dict[str, Any]) -> None:
        self.model.update_row(row["id"], row)
        self.form.show_row(row)
        self.ctx.bus.status.emit(self.tr("Verifikasi disimpan: %s") % row["title"])
        self.ctx.bus.data_changed.emit("idea")
        self.view.setFocus()  # keyboard: ↓ to the next row, Enter to edit it
