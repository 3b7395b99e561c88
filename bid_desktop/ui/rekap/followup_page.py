"""Tindak lanjut page: filters (kecamatan, desa, bursa, status, overdue, text), the follow-up
list paged from SQL, and the edit panel. Enter in the list moves to the panel; Ctrl+S saves."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from bid_desktop.domain.amounts import rupiah
from bid_desktop.domain.enums import BURSA_LABELS, FOLLOWUP_STATUSES
from bid_desktop.services import followup as fu
from bid_desktop.ui.common.table_model import Column, Index, RowsModel
from bid_desktop.ui.context import AppContext
from bid_desktop.ui.rekap.followup_form import FollowUpForm
from bid_desktop.ui.rekap.paged import PagedTable
from bid_desktop.ui.rekap.worker import run_for

OVERDUE_BG = QColor("#ffebee")


def _date(value: Any) -> str:
    return value.strftime("%d-%m-%Y") if value else ""


def followup_columns() -> list[Column]:
    return [
        Column("due_text", QCoreApplication.translate("FollowUpModel", "Jatuh tempo")),
        Column("kecamatan_name", QCoreApplication.translate("FollowUpModel", "Kecamatan")),
        Column("desa_name", QCoreApplication.translate("FollowUpModel", "Desa")),
        Column("kades", QCoreApplication.translate("FollowUpModel", "Kepala Desa · HP")),
        Column("innovation", QCoreApplication.translate("FollowUpModel", "Inovasi")),
        Column("bursa", QCoreApplication.translate("FollowUpModel", "Bursa")),
        Column(
            "amount",
            QCoreApplication.translate("FollowUpModel", "Anggaran"),
            rupiah,
            align_right=True,
        ),
        Column("status", QCoreApplication.translate("FollowUpModel", "Status")),
        Column("contact_via", QCoreApplication.translate("FollowUpModel", "Kontak via")),
        Column("pendamping", QCoreApplication.translate("FollowUpModel", "PD/PLD")),
    ]


class FollowUpModel(RowsModel):
    def __init__(self) -> None:
        super().__init__(followup_columns())

    @staticmethod
    def shown(row: dict[str, Any]) -> dict[str, Any]:
        title = row.get("innovation_title") or ""
        kades = " · ".join(x for x in (row.get("kepala_desa"), row.get("kades_phone")) if x)
        due = _date(row.get("due_date")) + ("*" if row.get("due_estimated") else "")
        return {
            **row,
            "innovation": f"{row['innovation_code']} {title}".strip(),
            "kades": kades,
            "due_text": due,
        }

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        super().set_rows([self.shown(r) for r in rows])

    def update_row(self, row_id: str, row: dict[str, Any]) -> None:
        super().update_row(row_id, self.shown(row))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role == Qt.ItemDataRole.BackgroundRole:
            return OVERDUE_BG if self.rows[index.row()].get("overdue") else None
        return super().data(index, role)


def filter_combo(first: str, items: list[tuple[str, str]]) -> QComboBox:
    box = QComboBox()
    box.addItem(first, "")
    for value, label in items:
        box.addItem(label, value)
    return box


class FollowUpPage(QWidget):
    saved = Signal(dict)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = FollowUpModel()
        self._build()
        save = QShortcut(QKeySequence("Ctrl+S"), self, self.form.submit)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self._typed)
        # Counts per status do not depend on the text typed: a keystroke reuses them.
        self._counts_scope: tuple[str, ...] | None = None
        self._keep_counts = False
        self.loaded = False  # the first showing loads (a tab built but never opened costs nothing)

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if not self.loaded:
            self.loaded = True
            self.load_choices()

    def _build(self) -> None:
        self.cb_kecamatan = filter_combo(self.tr("Semua kecamatan"), [])
        self.cb_desa = filter_combo(self.tr("Semua desa"), [])
        self.cb_bursa = filter_combo(self.tr("Semua bursa"), [(b.value, f"{b.value} {label}") for b, label in BURSA_LABELS.items()])  # fmt: skip
        self.cb_status = filter_combo(self.tr("Semua status"), [(s, s) for s in FOLLOWUP_STATUSES])
        self.chk_overdue = QCheckBox(self.tr("Hanya yang terlambat"))
        self.ed_text = QLineEdit()
        self.ed_text.setPlaceholderText(self.tr("Cari desa, kepala desa, inovasi…"))
        self.ed_text.setClearButtonEnabled(True)
        self.cb_kecamatan.currentIndexChanged.connect(self._kecamatan_changed)
        for box in (self.cb_desa, self.cb_bursa, self.cb_status):
            box.currentIndexChanged.connect(self.reload)
        self.chk_overdue.toggled.connect(self.reload)
        self.ed_text.textChanged.connect(lambda _t: self._debounce.start())
        filters = QHBoxLayout()
        for w in (self.cb_kecamatan, self.cb_desa, self.cb_bursa, self.cb_status):
            filters.addWidget(w)
        filters.addWidget(self.chk_overdue)
        filters.addWidget(self.ed_text, 1)
        self.list = PagedTable(
            self.ctx,
            self.model,
            [88, 90, 110, 190, 230, 44, 112, 118, 110, 220],
            4,
            self.fetch,
            lambda shown, total: self.tr("%d dari %d komitmen") % (shown, total),
            self.tr("Tampilkan %d lagi") % fu.PAGE,
        )
        self.view = self.list.view
        self.list.loaded.connect(self._show_counts)
        self.view.activated.connect(lambda _i: self.form.cb_via.setFocus())
        self.form: FollowUpForm = FollowUpForm()
        self.form.save_requested.connect(self.save)
        self.list.row_changed.connect(self.form.show_row)
        splitter = QSplitter()
        splitter.addWidget(self.list)
        splitter.addWidget(self.form)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([950, 400])
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)

    # --- filters -----------------------------------------------------------------------------

    def load_choices(self) -> None:
        scope = self.ctx.scope

        def work() -> list[tuple[str, str]]:
            with self.ctx.db.begin() as session:
                return fu.kecamatan_choices(session, scope)

        run_for(self, self.ctx, work, self._fill_kecamatan)

    def _fill_kecamatan(self, items: list[tuple[str, str]]) -> None:
        current = self.cb_kecamatan.currentData()
        self.cb_kecamatan.blockSignals(True)
        while self.cb_kecamatan.count() > 1:
            self.cb_kecamatan.removeItem(1)
        for code, name in items:
            self.cb_kecamatan.addItem(name, code)
        self.cb_kecamatan.setCurrentIndex(max(0, self.cb_kecamatan.findData(current)))
        self.cb_kecamatan.blockSignals(False)
        self.cb_kecamatan.setVisible(len(items) > 1)  # one event, one kecamatan: say nothing
        self.view.setColumnHidden(1, len(items) <= 1)
        self._kecamatan_changed()

    def _kecamatan_changed(self) -> None:
        code = self.cb_kecamatan.currentData() or ""
        scope = self.ctx.scope

        def work() -> list[tuple[str, str]]:
            with self.ctx.db.begin() as session:
                return fu.desa_choices(session, code, scope)

        run_for(self, self.ctx, work, self._fill_desa)

    def _fill_desa(self, items: list[tuple[str, str]]) -> None:
        self.cb_desa.blockSignals(True)
        while self.cb_desa.count() > 1:
            self.cb_desa.removeItem(1)
        for code, name in items:
            self.cb_desa.addItem(name, code)
        self.cb_desa.blockSignals(False)
        self.reload()

    def current_filter(self) -> fu.FollowUpFilter:
        return fu.FollowUpFilter(
            kecamatan_code=self.cb_kecamatan.currentData() or "",
            desa_code=self.cb_desa.currentData() or "",
            bursa=self.cb_bursa.currentData() or "",
            status=self.cb_status.currentData() or "",
            overdue=self.chk_overdue.isChecked(),
            text=self.ed_text.text(),
            events=self.ctx.scope,
        )

    # --- list ----------------------------------------------------------------------------------

    def reload(self, *_args: object) -> None:
        self.list.reload()

    def _typed(self) -> None:
        self._keep_counts = True
        self.reload()

    def fetch(self, limit: int) -> Callable[[], tuple[fu.Page, dict[str, int] | None]]:
        """The work for the worker: a page of the filtered list and the counts per status
        (None while only the text changed: the counts shown still hold)."""
        flt = self.current_filter()  # read here, on the GUI thread
        need_counts = not self._keep_counts or self._counts_scope != flt.events
        self._keep_counts = False
        self._counts_scope = flt.events

        def work() -> tuple[fu.Page, dict[str, int] | None]:
            with self.ctx.db.begin() as session:
                counts = fu.status_counts(session, scope=flt.events) if need_counts else None
                return fu.followup_page(session, flt, limit), counts

        return work

    def _show_counts(self, counts: dict[str, int] | None) -> None:
        if counts is None:
            return
        counts = dict(counts)
        parts = [self.tr("terlambat: %d") % counts.pop("terlambat", 0)]
        parts += [f"{k}: {v}" for k, v in counts.items() if v]
        years = sorted({r["due_date"].year for r in self.model.rows if r.get("due_estimated")})
        if years:
            parts.append(
                self.tr(
                    "* perkiraan: libur tahun %s belum ditetapkan (SKB cuti bersama), "
                    "tanggal bisa bergeser"
                )
                % ", ".join(str(y) for y in years)
            )
        self.list.lbl_extra.setText(" · ".join(parts))

    # --- save --------------------------------------------------------------------------------

    def save(self, commitment_id: str, form: fu.FollowUpForm) -> None:
        def work() -> dict[str, Any]:
            with self.ctx.db.begin() as session:
                return fu.save_followup(session, commitment_id, form)

        run_for(self, self.ctx, work, self._saved, self.form.show_error)

    def _saved(self, row: dict[str, Any]) -> None:
        self.model.update_row(row["id"], row)
        self.form.show_row(row)
        self.ctx.bus.status.emit(self.tr("Tindak lanjut disimpan: %s") % row["desa_name"])
        self.ctx.bus.data_changed.emit("followup")
        self.saved.emit(row)
        self.list.reload()  # the filters and the counts may have changed with it
        self.view.setFocus()  # keyboard: ↓ to the next row, Enter to edit it
