"""Meja Konsultasi tab (station 3): this laptop is table N of bursa X. Scan the Kepala Desa's
badge (or type / pick the desa), record the consultation, stamp the commitment; this table's
stamps below, void behind the committee PIN.

Keys: the scan box takes badges and desa names; after a desa the innovation code has the
focus (Enter → amount → Enter → notes → Enter stamps; Ctrl+Enter stamps); a badge scanned
into the code box starts the next desa. Ctrl+S saves the consultation, Ctrl+M sets the
table, Ctrl+L goes to the stamps list, Ctrl+Del voids the selected stamp, Ctrl+I imports
transcribed cards (Ctrl+T their template), F6 / Ctrl+F the scan box.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from bid_desktop.domain import amounts
from bid_desktop.services import meja
from bid_desktop.services.errors import UserError
from bid_desktop.services.registration_forms import desa_choices
from bid_desktop.services.stamp_checks import StampQuestion
from bid_desktop.ui.common.confirm import ask_yes
from bid_desktop.ui.common.feedback import Feedback, Tone
from bid_desktop.ui.common.pin import ask_pin, ask_reason
from bid_desktop.ui.common.runner import run_db
from bid_desktop.ui.common.scan import ScanBox
from bid_desktop.ui.common.scan_queue import ScanJob, ScanQueue
from bid_desktop.ui.common.scan_router import install as install_scanner
from bid_desktop.ui.common.sheet_files import SheetFiles
from bid_desktop.ui.context import AppContext
from bid_desktop.ui.meja.consult_panel import ConsultationPanel
from bid_desktop.ui.meja.header import TableDialog, TableHeader, open_table_dialog
from bid_desktop.ui.meja.stamp_panel import StampPanel, stamp_message
from bid_desktop.ui.meja.stamps_view import StampsModel, StampsView

REFRESH_AREAS = {"merge", "innovation", "innovations", "provider", "providers", "commitment",
                 "commitments", "bursa_setup"}  # fmt: skip


class MejaTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Meja Konsultasi"))
        self.table: meja.TableIdentity | None = None
        self.desa: meja.DesaPick | None = None
        self.year = 0
        self.dialog: TableDialog | None = None
        self._emitting = False
        self.stamps = StampsModel()
        self._build()
        self._shortcuts()
        self.scans = ScanQueue(self, ctx, self._start_pick)
        self.scanner = install_scanner(self, self.pick)
        self._debounce = QTimer(self, singleShot=True, interval=500)
        self._debounce.timeout.connect(self.reload)
        ctx.bus.data_changed.connect(self._data_changed)
        self.reload()

    # --- layout ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.header = TableHeader(self.change_table)
        self.box = ScanBox(
            self.tr("Pindai badge Kepala Desa, atau ketik nama / kode desa, lalu Enter")
        )
        self.box.submitted.connect(self.pick)
        self.desa_combo = QComboBox()
        self.desa_combo.setMinimumWidth(260)
        self.desa_combo.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.desa_combo.activated.connect(self._desa_chosen)
        scan_row = QHBoxLayout()
        scan_row.addWidget(self.box, 1)
        scan_row.addWidget(self.desa_combo)
        self.feedback = Feedback()
        self.lbl_desa = QLabel(self.tr("Belum ada desa di meja."))
        self.lbl_desa.setWordWrap(True)
        self.stamp_panel = StampPanel()
        self.stamp_panel.stamp_requested.connect(self.stamp)
        self.stamp_panel.unknown_code.connect(self.pick)
        self.consult = ConsultationPanel()
        self.consult.save_requested.connect(self.save_consultation)
        self.view = StampsView(self.stamps)
        self.lbl_stamps = QLabel()
        self.btn_void = QPushButton(self.tr("Batalkan cap terpilih… (Ctrl+Del)"))
        self.btn_void.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.btn_void.clicked.connect(lambda _c=False: self.void_selected())
        self.cards = SheetFiles(self, self.ctx, "commitments", self.feedback, self.reload)
        footer = QHBoxLayout()
        footer.addWidget(self.lbl_stamps, 1)
        for text, slot in [
            (self.tr("Impor kartu komitmen (xlsx)… (Ctrl+I)"), self.cards.ask_import),
            (self.tr("Templat kartu (Ctrl+T)"), self.cards.ask_template),
        ]:
            button = QPushButton(text)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _c=False, s=slot: s())
            footer.addWidget(button)
        footer.addWidget(self.btn_void)
        stamps_box = QGroupBox(self.tr("Cap di meja ini (Ctrl+L)"))
        stamps_layout = QVBoxLayout(stamps_box)
        stamps_layout.addWidget(self.view, 1)
        stamps_layout.addLayout(footer)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.stamp_panel)
        left_layout.addWidget(self.consult)
        left_layout.addStretch(1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(stamps_box)
        splitter.setSizes([560, 780])
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addLayout(scan_row)
        layout.addWidget(self.feedback)
        layout.addWidget(self.lbl_desa)
        layout.addWidget(splitter, 1)
        self.setFocusProxy(self.box)

    def _shortcuts(self) -> None:
        keys: list[tuple[str, Any]] = [
            ("Ctrl+Return", self.stamp),
            ("Ctrl+Enter", self.stamp),
            ("Ctrl+S", self.save_consultation),
            ("Ctrl+M", self.change_table),
            ("Ctrl+L", self.view.setFocus),
            ("Ctrl+Del", self.void_selected),
            ("Ctrl+I", lambda: self.cards.ask_import()),
            ("Ctrl+T", lambda: self.cards.ask_template()),
            ("F6", self.box.ready_for_next),
            ("Ctrl+F", self.box.ready_for_next),
        ]
        for key, slot in keys:
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        QTimer.singleShot(0, lambda: (self.stamp_panel if self.desa else self.box).setFocus())

    # --- loading ---------------------------------------------------------------------------

    def reload(self) -> None:
        event_id = self.ctx.event_id

        def work() -> dict[str, Any]:
            with self.ctx.db.begin() as s:
                table = meja.table_identity(s)
                return dict(
                    table=table,
                    year=meja.default_year(s),
                    desa=desa_choices(s, event_id),
                    menu=meja.innovation_choices(s, event_id, table.bursa if table else ""),
                    providers=meja.provider_choices(s, event_id),
                    stamps=meja.stamp_rows(s, event_id, table_code=table.code) if table else [],
                )

        run_db(self, self.ctx, work, self._loaded, self._failed)

    def _loaded(self, data: dict[str, Any]) -> None:
        self.table, self.year = data["table"], data["year"]
        self.header.show_table(self.table)
        self.stamp_panel.set_menu(data["menu"])
        self.consult.set_providers(data["providers"])
        current = self.desa_combo.currentData()
        self.desa_combo.clear()
        self.desa_combo.addItem(self.tr("— pilih desa —"), None)
        for d in data["desa"]:
            self.desa_combo.addItem(f"{d['name']} ({d['kecamatan']})", d["code"])
        self.desa_combo.setCurrentIndex(max(0, self.desa_combo.findData(current)))
        if self.stamp_panel.year.value() == self.stamp_panel.year.minimum():
            self.stamp_panel.year.setValue(self.year)
        self._show_stamps(data["stamps"])
        for panel in (self.stamp_panel, self.consult):
            panel.setEnabled(self.table is not None)
        if self.table is None:
            self.feedback.show_message(
                self.tr("Tetapkan dulu meja laptop ini: tekan Ctrl+M."), Tone.WARN
            )

    def _show_stamps(self, rows: list[dict[str, Any]]) -> None:
        self.stamps.set_rows(rows)
        valid = [r for r in rows if not r["voided"]]
        total = sum(r["amount"] or 0 for r in valid)
        self.lbl_stamps.setText(
            self.tr("%d komitmen sah, total %s") % (len(valid), amounts.rupiah(total))
        )

    def _data_changed(self, area: str) -> None:
        if area in REFRESH_AREAS and not self._emitting:
            self._debounce.start()

    def announce(self, area: str) -> None:
        """Tell the other tabs; this tab already shows what it changed."""
        self._emitting = True
        try:
            self.ctx.bus.data_changed.emit(area)
        finally:
            self._emitting = False

    def _failed(self, exc: BaseException) -> None:
        self.feedback.show_message(str(exc), Tone.ERROR)
        if not isinstance(exc, UserError):
            self.ctx.tasks.show_error(exc)

    # --- the table -------------------------------------------------------------------------

    def change_table(self) -> None:
        self.dialog = open_table_dialog(self)

    # --- the desa --------------------------------------------------------------------------

    def pick(self, text: str) -> None:
        """A badge scanned (anywhere in the tab), a desa typed or chosen: queued in order."""
        self.scans.push(text)

    def _start_pick(self, text: str) -> ScanJob:
        event_id = self.ctx.event_id

        def work() -> meja.DesaPick:
            with self.ctx.db.begin() as s:
                return meja.pick_desa(s, event_id, text)

        return ScanJob(work, self._picked, self._pick_failed)

    def _desa_chosen(self, _index: int) -> None:
        code = self.desa_combo.currentData()
        if code:
            self.pick(code)

    def _pick_failed(self, exc: BaseException) -> None:
        """Not found: the desa before it is no longer at the table (nothing is stamped for it
        by mistake); the card is emptied."""
        self.desa = None
        self.desa_combo.setCurrentIndex(0)
        self.lbl_desa.setText(self.tr("Belum ada desa di meja."))
        self.stamp_panel.start("", self.year)
        self.consult.clear()
        self._failed(exc)
        self.box.ready_for_next()

    def _picked(self, pick: meja.DesaPick) -> None:
        self.desa = pick
        self.desa_combo.setCurrentIndex(max(0, self.desa_combo.findData(pick.code)))
        self._show_desa(pick)
        if pick.scanned_name and not pick.is_kepala_desa:
            self.feedback.show_message(
                self.tr("%s bukan Kepala Desa — komitmen tetap atas nama Desa %s.")
                % (pick.scanned_name, pick.name),
                Tone.WARN,
            )
        else:
            self.feedback.show_message(
                self.tr("Desa %s — ketik kode inovasi lalu Enter.") % pick.name, Tone.INFO
            )
        self.stamp_panel.start(pick.kepala_desa, self.year)
        self.consult.clear()
        if not self.box.text():  # else the next badge is being typed there: leave it be
            self.stamp_panel.code.setFocus()

    def _show_desa(self, pick: meja.DesaPick) -> None:
        kades = pick.kepala_desa or self.tr("(belum terdaftar)")
        done = [r for r in pick.stamped if not r["voided"]]
        already = ", ".join(f"{r['innovation_code']} {r['amount_text']}" for r in done)
        self.lbl_desa.setText(
            self.tr("<b>Desa %s</b> (%s), Kec. %s · Kepala Desa: %s · sudah berkomitmen: %s")
            % (pick.name, pick.code, pick.kecamatan, kades, already or self.tr("belum ada"))
        )

    def _need_desa(self) -> bool:
        if self.table is None:
            self.feedback.show_message(self.tr("Tetapkan dulu meja laptop ini: Ctrl+M."), Tone.WARN)
            return True
        if self.desa is None:
            self.feedback.show_message(
                self.tr("Pindai badge Kepala Desa atau pilih desa dulu."), Tone.WARN
            )
            self.box.ready_for_next()
            return True
        return False

    # --- stamp -----------------------------------------------------------------------------

    def stamp(self) -> None:
        if self._need_desa():
            return
        assert self.desa is not None
        self._stamp(self.stamp_panel.form(self.desa.code))

    def _stamp(self, form: meja.StampForm) -> None:
        """Stamp; a question (another table's stamp, an implausible amount, another bursa's
        innovation) is asked here and, if the answer is yes, the same card is stamped again."""
        table, event_id = self.table, self.ctx.event_id
        assert table is not None

        def work() -> tuple[meja.StampResult, list[dict[str, Any]]]:
            with self.ctx.db.begin() as s:
                result = meja.stamp(s, table, form)
                return result, meja.stamp_rows(s, event_id, table_code=table.code)

        def refused(exc: BaseException) -> None:
            if not isinstance(exc, StampQuestion):
                self._failed(exc)
            elif ask_yes(self, self.tr("Periksa dulu"), str(exc), self.tr("Ya, cap")):
                self._stamp(replace(form, confirmed=form.confirmed | {exc.kind}))
            else:
                self.feedback.show_message(self.tr("Belum dicap: %s") % exc, Tone.WARN)
                self.stamp_panel.amount.setFocus()

        run_db(self, self.ctx, work, self._stamped, refused)

    def _stamped(self, data: tuple[meja.StampResult, list[dict[str, Any]]]) -> None:
        result, rows = data
        row = result.row
        self.feedback.show_message(stamp_message(result), Tone.OK)
        self._show_stamps(rows)
        if self.desa is not None:
            self.desa.stamped = [r for r in self.desa.stamped if r["id"] != row["id"]] + [row]
            self._show_desa(self.desa)
        self.announce("commitment")
        self.stamp_panel.clear_card()

    # --- consultation ----------------------------------------------------------------------

    def save_consultation(self) -> None:
        if self._need_desa():
            return
        assert self.desa is not None and self.table is not None
        form, table = self.consult.form(self.desa.code, self.desa.participant_id), self.table

        def work() -> str:
            with self.ctx.db.begin() as s:
                return meja.record_consultation(s, table, form)

        def done(_cid: str) -> None:
            assert self.desa is not None
            self.feedback.show_message(
                self.tr("Konsultasi Desa %s tersimpan.") % self.desa.name, Tone.OK
            )
            self.announce("consultation")
            self.consult.clear()
            self.stamp_panel.code.setFocus()

        run_db(self, self.ctx, work, done, self._failed)

    # --- void ------------------------------------------------------------------------------

    def void_selected(self) -> None:
        row = self.stamps.row_at(self.view.currentIndex())
        if row is None:
            self.feedback.show_message(
                self.tr("Pilih cap di daftar dulu (Ctrl+L, ↑/↓)."), Tone.WARN
            )
            return
        if row["voided"]:
            self.feedback.show_message(self.tr("Cap ini sudah dibatalkan."), Tone.WARN)
            return
        action = self.tr("batalkan cap %s Desa %s") % (row["innovation_code"], row["desa_name"])
        pin = ask_pin(self, action)
        reason = ask_reason(self, action) if pin else None
        if not pin or not reason:
            self.box.ready_for_next()
            return
        table, event_id = self.table, self.ctx.event_id

        def work() -> list[dict[str, Any]]:
            with self.ctx.db.begin() as s:
                meja.void_stamp(s, row["id"], reason, pin)
                return meja.stamp_rows(s, event_id, table_code=table.code) if table else []

        def done(rows: list[dict[str, Any]]) -> None:
            self.feedback.show_message(
                self.tr("Cap dibatalkan: %s Desa %s (alasan: %s).")
                % (row["innovation_code"], row["desa_name"], reason),
                Tone.INFO,
            )
            self._show_stamps(rows)
            if self.desa is not None:
                for stamped in self.desa.stamped:
                    stamped["voided"] = stamped["voided"] or stamped["id"] == row["id"]
                self._show_desa(self.desa)
            self.announce("commitment")
            self.box.ready_for_next()

        run_db(self, self.ctx, work, done, self._failed)
