"""Registrasi tab (station 1): one search box for typing and the barcode scanner, the list
of matching people, and live counters.

Keys: Enter = check in (the exact number, the only match, or the row chosen with ↑/↓);
F2 walk-in; F3 Bursa Kit; F4 correction; Ctrl+P badge of the selected person; Esc clears.
Every database call runs on the task worker; the box keeps the focus.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from bid_desktop.services import counters as counter_service
from bid_desktop.services import registration as reg
from bid_desktop.services import registration_forms as forms
from bid_desktop.services.errors import UserError
from bid_desktop.ui.common.feedback import Feedback, Tone
from bid_desktop.ui.common.scan import ScanBox
from bid_desktop.ui.common.scan_queue import ScanJob, ScanQueue
from bid_desktop.ui.common.scan_router import install as install_scanner
from bid_desktop.ui.context import AppContext
from bid_desktop.ui.registrasi.actions import RegistrasiActions
from bid_desktop.ui.registrasi.counters_panel import CountersPanel
from bid_desktop.ui.registrasi.feedback_text import scan_message
from bid_desktop.ui.registrasi.participants import ParticipantsModel, ParticipantsView
from bid_desktop.ui.registrasi.person_dialog import DesaResolver, PersonDialog
from bid_desktop.ui.registrasi.person_save import save_person

NAV_KEYS = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1, Qt.Key.Key_PageUp: -10, Qt.Key.Key_PageDown: 10}
COUNTER_REFRESH_MS = 15000


class RegistrasiTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Registrasi"))
        self.model = ParticipantsModel()
        self._generation = 0  # newer searches win over older ones still on the worker
        self._text = ""
        self._limit = reg.PAGE
        self._picked: str | None = None  # row chosen with ↑/↓ in the box
        self._current: str | None = None  # last person scanned or handled
        self._last_status = ""
        self._listing = False
        self._desa: DesaResolver | None = None
        self.dialog: PersonDialog | None = None
        self.desk_actions = RegistrasiActions(self)
        self._build()
        self._shortcuts()
        self.scans = ScanQueue(self, ctx, self._start_scan)
        self.scanner = install_scanner(self, lambda text: self.submit(text))
        self._counter_debounce = QTimer(self, singleShot=True, interval=400)
        self._counter_debounce.timeout.connect(self.refresh_counters)
        self._counter_timer = QTimer(self, interval=COUNTER_REFRESH_MS)
        self._counter_timer.timeout.connect(self.refresh_counters)
        self._counter_timer.start()
        ctx.bus.data_changed.connect(self._data_changed)
        self.feedback.show_message(
            self.tr("Siap. Pindai badge, atau ketik nama / nomor / desa lalu Enter."), Tone.INFO
        )
        self.search("")
        self.refresh_counters()

    # --- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.box = ScanBox(self.tr("Pindai badge atau ketik nama, nomor, desa… lalu Enter"))
        self.box.submitted.connect(lambda text: self.submit(text, self._picked))
        self.box.confirmed.connect(self._confirm_picked)
        self.box.searched.connect(self.search)
        self.box.textEdited.connect(self._typed)
        self.box.installEventFilter(self)
        top = QHBoxLayout()
        top.addWidget(self.box, 1)
        self.btn_walkin = self._button(self.tr("Peserta baru (F2)"), self.open_walkin)
        self.btn_kit = self._button(self.tr("Kit (F3)"), self.hand_kit)
        self.btn_edit = self._button(self.tr("Koreksi (F4)"), self.open_correction)
        self.btn_badge = self._button(self.tr("Cetak badge"), None)
        self.btn_badge.setMenu(self.desk_actions.badge_menu())
        self.btn_more = self._button(self.tr("Lainnya"), None)
        self.btn_more.setMenu(self.desk_actions.more_menu())
        for button in (self.btn_walkin, self.btn_kit, self.btn_edit, self.btn_badge, self.btn_more):
            top.addWidget(button)
        self.feedback = Feedback()
        self.view = ParticipantsView(self.model)
        self.view.doubleClicked.connect(self._row_activated)
        self.view.activated.connect(self._row_activated)
        self.view.selectionModel().currentRowChanged.connect(self._row_selected)
        self.lbl_count = QLabel()
        self.btn_more_rows = QPushButton(self.tr("Tampilkan %d lagi") % reg.PAGE)
        self.btn_more_rows.clicked.connect(self.more_rows)
        footer = QHBoxLayout()
        footer.addWidget(self.lbl_count, 1)
        footer.addWidget(self.btn_more_rows)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.view, 1)
        left_layout.addLayout(footer)
        self.counters = CountersPanel()
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.counters)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([880, 470])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.feedback)
        layout.addWidget(splitter, 1)
        self.setFocusProxy(self.box)

    def _button(self, text: str, slot: Any) -> QPushButton:
        button = QPushButton(text)
        button.setMinimumHeight(40)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scan box keeps the keyboard
        if slot is not None:
            button.clicked.connect(slot)
        return button

    def _shortcuts(self) -> None:
        keys = [
            ("F2", self.open_walkin),
            ("F3", self.hand_kit),
            ("F4", self.open_correction),
            ("Ctrl+P", lambda: self.desk_actions.print_selected()),
            ("Ctrl+F", self.focus_box),
            ("F6", self.focus_box),
        ]
        for key, slot in keys:
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        QTimer.singleShot(0, self.focus_box)

    def run(
        self,
        work: Callable[..., Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
        title: str = "",
    ) -> None:
        """Database work on the task worker; results are dropped if this tab is gone."""

        def alive(fn: Callable[[Any], None] | None) -> Callable[[Any], None] | None:
            if fn is None:
                return None
            return lambda value: fn(value) if shiboken6.isValid(self.counters) else None

        if title:
            self.ctx.tasks.run_with_progress(title, work, alive(on_done), alive(on_error))
        else:
            self.ctx.tasks.run(work, alive(on_done), alive(on_error))

    def focus_box(self) -> None:
        self.box.ready_for_next()

    # --- keys in the box: ↑/↓ choose a row of the list -------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self.box and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            step = NAV_KEYS.get(Qt.Key(event.key()))
            if step is not None and self.model.rowCount():
                current = self.view.currentIndex().row()
                row = max(
                    0, min(self.model.rowCount() - 1, (current if current >= 0 else -1) + step)
                )
                self.view.selectRow(row)
                self._picked = self.model.rows[row]["id"]
                return True
        return super().eventFilter(watched, event)

    def _typed(self, _text: str) -> None:
        self._picked = None

    def _row_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._current = self.model.rows[current.row()]["id"]

    def _row_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            row = self.model.rows[index.row()]
            self.submit(row["number"], row["id"])

    def _confirm_picked(self) -> None:
        """Enter in the empty box after ↑/↓ chose one of several matches."""
        if self._picked is not None:
            self.submit("", self._picked)

    # --- search ----------------------------------------------------------------------------

    def search(self, text: str, limit: int = reg.PAGE) -> None:
        self._text, self._limit = text, limit
        self._generation += 1
        generation, event_id = self._generation, self.ctx.event_id

        def work() -> reg.SearchPage:
            with self.ctx.db.begin() as session:
                return reg.search_participants(session, event_id, text, limit)

        self.run(work, lambda page: self._show_page(generation, page))

    def more_rows(self) -> None:
        self.search(self._text, self._limit + reg.PAGE)
        self.focus_box()

    def _show_page(self, generation: int, page: reg.SearchPage) -> None:
        if generation != self._generation:
            return  # the operator typed on; a newer search is coming
        self.model.set_people(page.rows)
        self._listing = True  # a search result is shown (not a scanned person)
        self.view.scrollToTop()
        self._picked = None
        shown = len(page.rows)
        self.lbl_count.setText(self.tr("Menampilkan %d dari %d peserta") % (shown, page.total))
        self.btn_more_rows.setText(self.tr("Tampilkan %d lagi") % min(reg.PAGE, page.total - shown))
        self.btn_more_rows.setVisible(page.total > shown)
        if page.total == 0 and not page.text:  # a new event: nobody invited yet
            self.lbl_count.setText(
                self.tr("Belum ada peserta. Impor daftar undangan: Lainnya → Impor daftar "
                        "undangan (xlsx)…, atau F2 untuk peserta baru.")
            )  # fmt: skip
        if page.exact_id is not None:
            self.view.selectRow(0)

    # --- scan / check-in -------------------------------------------------------------------

    def submit(self, text: str, picked: str | None = None) -> None:
        """Queue a scan: the text scanned or typed, or the row chosen in the list (``picked``).
        A scanner burst caught elsewhere in the tab comes here with no row: the badge decides."""
        self.scans.push((text, picked))

    def _start_scan(self, item: tuple[str, str | None]) -> ScanJob:
        text, picked = item
        event_id = self.ctx.event_id
        self._picked = None
        self._generation += 1  # a pending search must not replace what the scan shows

        def work() -> reg.ScanResult:
            with self.ctx.db.begin() as session:
                if picked is not None:
                    return reg.check_in(session, picked, text=text)
                return reg.scan(session, event_id, text)

        return ScanJob(work, self._scanned, self._scan_failed)

    def _scanned(self, result: reg.ScanResult) -> None:
        self._last_status, self._listing = result.status, False
        message, tone = scan_message(result)
        self.feedback.show_message(message, tone)
        if result.status == reg.MANY:
            self.model.set_people(result.candidates)
            self.lbl_count.setText(self.tr("%d peserta cocok") % result.matches)
            self.view.selectRow(0)
            self._picked = result.candidates[0]["id"] if result.candidates else None
        elif result.row is not None:
            self.show_person(result.row)
            self._picked = None
        else:
            self._forget_person()
        if result.status == reg.CHECKED_IN:
            self.ctx.bus.data_changed.emit("participant")
        self.box.ready_for_next()

    def show_person(self, row: dict[str, Any]) -> None:
        if not self.model.update_person(row):
            self.model.set_people([row])
            self.lbl_count.setText(self.tr("Menampilkan 1 peserta"))
            self.btn_more_rows.hide()
        ids = [r["id"] for r in self.model.rows]
        self.view.selectRow(ids.index(row["id"]))
        self.view.scrollTo(self.model.index(ids.index(row["id"]), 0))
        self._current = row["id"]

    def _forget_person(self) -> None:
        """A scan that found nobody: no one stays chosen for the next key (Kit, badge, …)."""
        self.model.set_people([])
        self.lbl_count.setText("")
        self.btn_more_rows.hide()
        self._current = self._picked = None

    def _scan_failed(self, exc: BaseException) -> None:
        self._forget_person()
        self._failed(exc)

    def _failed(self, exc: BaseException) -> None:
        self.feedback.show_message(str(exc), Tone.ERROR)
        self.box.ready_for_next()
        if not isinstance(exc, UserError):
            self.ctx.tasks.show_error(exc)

    def selected_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        ids = [self.model.rows[r]["id"] for r in rows if r < len(self.model.rows)]
        return ids or ([self._current] if self._current else [])

    def target_id(self) -> str | None:
        ids = self.selected_ids()
        if not ids:
            self.feedback.show_message(self.tr("Pindai atau pilih peserta dulu."), Tone.WARN)
            self.focus_box()
            return None
        return ids[0]

    # --- kit -------------------------------------------------------------------------------

    def hand_kit(self) -> None:
        pid = self.target_id()
        if pid is None:
            return

        def work() -> reg.ScanResult:
            with self.ctx.db.begin() as session:
                return reg.hand_kit(session, pid)

        self.run(work, self._kit_done, self._failed)

    def _kit_done(self, result: reg.ScanResult) -> None:
        message, tone = scan_message(result, kit=True)
        self.feedback.show_message(message, tone)
        if result.row is not None:
            self.show_person(result.row)
        self.ctx.bus.data_changed.emit("participant")
        self.focus_box()

    # --- walk-in and correction ------------------------------------------------------------

    def desa_resolver(self) -> DesaResolver:
        if self._desa is None:
            with self.ctx.db.begin() as session:
                self._desa = DesaResolver(forms.desa_choices(session, self.ctx.event_id))
        return self._desa

    def open_walkin(self) -> None:
        typed = self.box.text().strip() or self.box.last
        name = typed if self._last_status == reg.NOT_FOUND and not typed[:1].isdigit() else ""
        self._open_dialog(None, name)

    def open_correction(self) -> None:
        pid = self.target_id()
        if pid is None:
            return
        with self.ctx.db.begin() as session:
            row = reg.participant_row(session, pid)
        self._open_dialog(row)

    def _open_dialog(self, row: dict[str, Any] | None, name: str = "") -> None:
        dialog = PersonDialog(
            self, self.desa_resolver(), lambda f: save_person(self, dialog, f), row, name
        )
        self.dialog = dialog
        dialog.finished.connect(lambda _r: self.focus_box())
        dialog.open()

    # --- counters --------------------------------------------------------------------------

    def _data_changed(self, area: str) -> None:
        self._counter_debounce.start()
        if area in ("merge", "restore") and self._listing and not self.scans.pending():
            self.search(self._text, self._limit)  # the list too: people came in the merge

    def refresh_counters(self) -> None:
        event_id = self.ctx.event_id

        def work() -> counter_service.Counters:
            with self.ctx.db.begin() as session:
                return counter_service.registration_counters(session, event_id)

        self.run(work, self.counters.show_counters)
