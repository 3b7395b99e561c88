"""The piagam exchange: scan the Kepala Desa's badge (or type the desa), see the desa's
commitments, add those on the paper card this laptop does not know, mark the card received,
print the piagam and attach the handover photo.

Keys: Enter in the box = find the desa; F2 = card form; Enter there = add; F3 = card
received; Ctrl+P print; Ctrl+O open the last PDF; Ctrl+Shift+P reprint (SALINAN, asks first);
F4 photo from a file; Esc = back to the box.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from bid_desktop.domain import amounts
from bid_desktop.services import exchange, meja
from bid_desktop.services.stamp_checks import StampQuestion
from bid_desktop.ui.common.confirm import ask_yes
from bid_desktop.ui.common.feedback import Tone
from bid_desktop.ui.common.scan_queue import ScanJob
from bid_desktop.ui.context import AppContext
from bid_desktop.ui.jendela3.card_form import CardForm, CardValues
from bid_desktop.ui.jendela3.models import CommitmentsModel, table_view
from bid_desktop.ui.jendela3.page import Page
from bid_desktop.ui.jendela3.piagam_actions import PiagamActions
from bid_desktop.ui.jendela3.scan_text import scan_message

PANEL_AREAS = {"commitment", "commitments", "piagam", "merge", "restore", "conflict"}
MENU_AREAS = {"innovation", "innovations", "merge", "restore"}


class ExchangePage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            self.tr("Pindai badge Kepala Desa, atau ketik kode / nama desa… lalu Enter"),
            parent,
        )
        self.panel: exchange.DesaPanel | None = None
        self.model = CommitmentsModel()
        self.piagam_actions = PiagamActions(self)
        self._build()
        self.card.submitted.connect(self.add_from_card)
        self.card.scanned.connect(self.scan_from_card)
        self.shortcut("F2", self.focus_card)
        self.shortcut("Esc", self.focus_box)
        ctx.bus.data_changed.connect(self._data_changed)
        self.feedback.show_message(self.tr("Siap. Pindai badge Kepala Desa."), Tone.INFO)
        self.load_menu()

    def _data_changed(self, area: str) -> None:
        """Changes here, at a table on this laptop, or arriving in a merge."""
        if area in PANEL_AREAS:
            self.reload()
        if area in MENU_AREAS:
            self.load_menu()

    # --- layout ------------------------------------------------------------------------------------

    def _build(self) -> None:
        self.lbl_desa = QLabel(self.tr("Belum ada desa dipilih"))
        self.lbl_desa.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.lbl_info = QLabel()
        self.lbl_info.setWordWrap(True)
        self.view = table_view(self.model, [50, 250, 120, 50, 80, 250], 1)
        self.lbl_total = QLabel()
        self.lbl_total.setWordWrap(True)
        self.lbl_total.setStyleSheet("font-weight: bold;")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.lbl_desa, self.lbl_info):
            left_layout.addWidget(widget)
        left_layout.addWidget(self.view, 1)
        left_layout.addWidget(self.lbl_total)
        self.card = CardForm()
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.card)
        right_layout.addWidget(self._piagam_box())
        right_layout.addStretch(1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([820, 520])
        layout = QVBoxLayout(self)
        layout.addWidget(self.box)
        layout.addWidget(self.feedback)
        layout.addWidget(splitter, 1)
        self._enable(False)

    def _piagam_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Piagam"))
        self.lbl_piagam = QLabel()
        self.lbl_piagam.setWordWrap(True)
        self.chk_card = QCheckBox(self.tr("Kartu Komitmen diterima (F3)"))
        self.chk_card.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.chk_card.clicked.connect(lambda checked: self.set_card_received(checked))
        self.shortcut("F3", lambda: self.set_card_received(not self.chk_card.isChecked()))
        self.chk_printer = QCheckBox(self.tr("Kirim langsung ke printer"))
        self.chk_printer.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        a = self.piagam_actions
        self.btn_print = self.button(self.tr("Cetak piagam"), a.print_piagam, "Ctrl+P")
        self.btn_open = self.button(self.tr("Buka"), a.open_last, "Ctrl+O")
        self.btn_reprint = self.button(self.tr("Cetak ulang SALINAN"), a.reprint, "Ctrl+Shift+P")
        self.btn_photo = self.button(self.tr("Lampirkan foto…"), a.attach_photo, "F4")
        self.lbl_photo = QLabel(self.tr("Belum ada foto serah terima"))
        self.lbl_photo.setFixedSize(180, 120)
        self.lbl_photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.lbl_photo.setStyleSheet("border: 1px solid #bbb; color: #777;")
        self.lbl_photo.setWordWrap(True)
        grid = QGridLayout(box)
        grid.addWidget(self.lbl_piagam, 0, 0, 1, 2)
        grid.addWidget(self.chk_card, 1, 0, 1, 2)
        grid.addWidget(self.btn_print, 2, 0)
        grid.addWidget(self.btn_open, 2, 1)
        grid.addWidget(self.btn_reprint, 3, 0)
        grid.addWidget(self.chk_printer, 3, 1)
        photo_row = QHBoxLayout()
        photo_row.addWidget(self.btn_photo, 0, Qt.AlignmentFlag.AlignTop)
        photo_row.addWidget(self.lbl_photo)
        photo_row.addStretch(1)
        grid.addLayout(photo_row, 4, 0, 1, 2)
        return box

    def _enable(self, on: bool) -> None:
        for widget in (self.card, self.chk_card, self.btn_print, self.btn_photo):
            widget.setEnabled(on)
        self.btn_reprint.setEnabled(
            on and bool(self.panel and self.panel.piagam and self.panel.piagam.prints)
        )
        self.btn_open.setEnabled(on and self.piagam_actions.last_pdf() is not None)

    def focus_card(self) -> None:
        if self.panel is None:
            self.feedback.show_message(self.tr("Pindai badge Kepala Desa dulu."), Tone.WARN)
            self.focus_box()
            return
        self.card.ed_innovation.setFocus()
        self.card.ed_innovation.selectAll()

    # --- menu for the card form -------------------------------------------------------------------

    def load_menu(self) -> None:
        event_id = self.ctx.event_id

        def work() -> tuple[list[dict[str, Any]], int]:
            with self.ctx.db.begin() as session:
                return meja.innovation_choices(session, event_id), meja.default_year(session)

        self.run(work, lambda result: self.card.set_menu(*result))

    # --- scan ------------------------------------------------------------------------------------

    def scan_from_card(self, text: str) -> None:
        """Enter on a word that is no menu code in the card form: the next Kepala Desa's badge
        typed while the form had the keyboard (or a desa typed there)."""
        self.scans.push((text, True))

    def start_scan(self, item: str | tuple[str, bool]) -> ScanJob:
        text, from_card = item if isinstance(item, tuple) else (item, False)
        event_id = self.ctx.event_id

        def work() -> exchange.DesaPanel:
            with self.ctx.db.begin() as session:
                return exchange.scan(session, event_id, text)

        if not from_card:
            return self.job(work, self._scanned, self._refused)

        def found(panel: exchange.DesaPanel) -> None:
            self.card.clear()
            self._scanned(panel)

        return self.job(work, found, lambda _exc: self.card.not_a_code(text))

    def _refused(self, exc: BaseException) -> None:
        """Not found, a guest, a voided badge: the desa shown before is put away, so nothing
        is added or printed for it by mistake."""
        self.panel = None
        self.lbl_desa.setText(self.tr("Belum ada desa dipilih"))
        self.lbl_info.clear()
        self.lbl_total.clear()
        self.lbl_piagam.clear()
        self.model.set_commitments([])
        self.card.clear()
        self.piagam_actions.show_photo(None)
        self._enable(False)
        self.failed(exc)
        self.box.ready_for_next()

    def _scanned(self, panel: exchange.DesaPanel) -> None:
        message, tone = scan_message(panel)
        self.feedback.show_message(message, tone)
        self.show_panel(panel)
        self.box.ready_for_next()

    def reload(self) -> None:
        if self.panel is None:
            return
        event_id, code = self.ctx.event_id, self.panel.desa_code

        def work() -> exchange.DesaPanel:
            with self.ctx.db.begin() as session:
                return exchange.desa_panel(session, event_id, code)

        self.run(work, self.show_panel)

    def show_panel(self, panel: exchange.DesaPanel) -> None:
        changed = self.panel is None or self.panel.desa_code != panel.desa_code
        self.panel = panel
        self.lbl_desa.setText(
            self.tr("Desa %s — Kec. %s") % (panel.desa_name, panel.kecamatan_name)
        )
        kades = panel.kepala_desa or self.tr("(belum tercatat)")
        self.lbl_info.setText(self.tr("Kepala Desa: %s · Kode desa %s") % (kades, panel.desa_code))
        self.model.set_commitments(panel.commitments)
        live = panel.live
        self.lbl_total.setText(
            self.tr("%d komitmen · %s — %s")
            % (len(live), amounts.rupiah(panel.total), amounts.words(panel.total))
            if live
            else self.tr("Belum ada komitmen untuk desa ini di laptop ini: tambahkan dari kartu.")
        )
        self._show_piagam(panel.piagam)
        self._enable(True)  # after the panel is set: Buka and reprint depend on it
        if changed:
            self.piagam_actions.show_photo(panel.piagam.photo_id if panel.piagam else None)

    def _show_piagam(self, piagam: exchange.PiagamState | None) -> None:
        self.chk_card.setChecked(bool(piagam and piagam.card_received))
        stale = bool(piagam and piagam.stale)
        self.lbl_piagam.setStyleSheet("color: #b71c1c; font-weight: bold;" if stale else "")
        self.btn_reprint.setText(
            self.tr("Cetak ulang SALINAN (daftar baru)")
            if stale
            else self.tr("Cetak ulang SALINAN")
        )
        if piagam is None:
            self.lbl_piagam.setText(self.tr("Piagam belum dibuat."))
        elif piagam.prints == 0:
            self.lbl_piagam.setText(self.tr("Nomor %s · belum dicetak") % piagam.serial)
        else:
            when = piagam.first_printed_at.strftime("%H:%M") if piagam.first_printed_at else ""
            text = self.tr("Nomor %s · dicetak %d× (pertama %s)") % (
                piagam.serial,
                piagam.prints,
                when,
            )
            if stale:
                text += self.tr(
                    " — piagam yang tercetak tidak memuat semua komitmen desa ini: "
                    "cetak ulang SALINAN dengan daftar baru (Ctrl+Shift+P)"
                )
            self.lbl_piagam.setText(text)

    # --- card ------------------------------------------------------------------------------------

    def add_from_card(self, values: CardValues, confirmed: frozenset[str] = frozenset()) -> None:
        if self.panel is None:
            self.focus_card()
            return
        card = exchange.CardCommitment(
            desa_code=self.panel.desa_code,
            innovation_code=values.innovation_code,
            amount=values.amount,
            planned_year=values.planned_year,
            notes=values.notes,
            kepala_desa=self.panel.kepala_desa,
            confirmed=confirmed,
        )

        def work() -> dict[str, Any]:
            with self.ctx.db.begin() as session:
                return exchange.add_from_card(session, card)

        printed = self.panel.piagam if self.panel.piagam and self.panel.piagam.prints else None

        def done(row: dict[str, Any]) -> None:
            added = self.tr("✓ Ditambahkan dari kartu: %s %s — %s") % (
                row["innovation_code"],
                row["title"],
                row["rupiah"],
            )
            if printed is None:
                self.feedback.show_message(added, Tone.OK)
            else:
                stale = self.tr(
                    "Piagam %s sudah dicetak %d× tanpa komitmen ini: cetak ulang SALINAN "
                    "dengan daftar baru (Ctrl+Shift+P)"
                ) % (printed.serial, printed.prints)
                self.feedback.show_message(f"{added}. {stale}", Tone.WARN)
            self.card.clear()
            self.ctx.bus.data_changed.emit("commitment")

        def refused(exc: BaseException) -> None:
            if isinstance(exc, StampQuestion) and ask_yes(
                self, self.tr("Periksa dulu"), str(exc), self.tr("Ya, tambahkan")
            ):
                self.add_from_card(values, confirmed | {exc.kind})
                return
            self.failed(exc)
            self.card.ed_innovation.setFocus()

        self.run(work, done, refused)

    def set_card_received(self, received: bool) -> None:
        if self.panel is None:
            self.focus_card()
            return
        event_id, code = self.ctx.event_id, self.panel.desa_code

        def work() -> exchange.PiagamState:
            with self.ctx.db.begin() as session:
                return exchange.mark_card_received(session, event_id, code, received)

        def done(state: exchange.PiagamState) -> None:
            text = (
                self.tr("✓ Kartu Komitmen diterima")
                if received
                else self.tr("Kartu Komitmen ditandai belum diterima")
            )
            self.feedback.show_message(text, Tone.OK if received else Tone.WARN)
            self.ctx.bus.data_changed.emit("piagam")

        self.run(work, done)
