"""Kartu Ide: scan the proposer's badge (or type the name), fill the card, save; the list of
cards received, filtered in SQL, with edit and void.

Keys: Enter in the box = proposer from the badge; Ctrl+Enter = save; Ctrl+N = new card;
Ctrl+L = the list (↑/↓, F4 or Enter edits the chosen card); Esc = back to the box.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QSplitter, QVBoxLayout, QWidget

from bid_desktop.services import exchange_ideas as ideas
from bid_desktop.services import registration_forms as forms
from bid_desktop.ui.common.feedback import Tone
from bid_desktop.ui.common.pin import ask_pin, ask_reason
from bid_desktop.ui.common.scan_queue import ScanJob
from bid_desktop.ui.common.sheet_files import SheetFiles
from bid_desktop.ui.context import AppContext
from bid_desktop.ui.jendela3.idea_form import IdeaFormBox
from bid_desktop.ui.jendela3.models import IdeasModel, table_view
from bid_desktop.ui.jendela3.page import Page
from bid_desktop.ui.registrasi.person_dialog import DesaResolver

LIST_AREAS = {"idea", "ideas", "merge", "restore", "conflict"}


class IdeasPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx, self.tr("Pindai badge pengusul, atau ketik namanya… lalu Enter"), parent
        )
        self.model = IdeasModel()
        self._generation = 0
        self._build()
        self.form.submitted.connect(self.save)
        self.ed_filter.textChanged.connect(lambda _t: self.refresh())
        self.shortcut("Ctrl+Return", self.form.submit)
        self.shortcut("Ctrl+Enter", self.form.submit)
        self.shortcut("Ctrl+L", self.view.setFocus)
        self.shortcut("Esc", self.focus_box)
        ctx.bus.data_changed.connect(self._data_changed)
        self.feedback.show_message(
            self.tr("Siap menerima Kartu Ide. Pindai badge pengusul."), Tone.INFO
        )
        self._load_desa()
        self.refresh()

    def _data_changed(self, area: str) -> None:
        if area in LIST_AREAS:
            self.refresh()

    def _build(self) -> None:
        self.form = IdeaFormBox()
        buttons = QHBoxLayout()
        buttons.addWidget(self.button(self.tr("Simpan"), self.form.submit, "Ctrl+S"))
        buttons.addWidget(self.button(self.tr("Kartu baru"), self.new_card, "Ctrl+N"))
        self.files = SheetFiles(self, self.ctx, "ideas", self.feedback, self.focus_box)
        sheets = QHBoxLayout()
        sheets.addWidget(
            self.button(self.tr("Impor kartu dari xlsx…"), self.files.ask_import, "Ctrl+I")
        )
        sheets.addWidget(self.button(self.tr("Templat xlsx…"), self.files.ask_template))
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.form)
        left_layout.addLayout(buttons)
        left_layout.addSpacing(12)
        left_layout.addWidget(
            QLabel(self.tr("Kartu Ide yang ditulis di kertas dan diketik ulang:"))
        )
        left_layout.addLayout(sheets)
        left_layout.addStretch(1)
        self.ed_filter = QLineEdit()
        self.ed_filter.setPlaceholderText(self.tr("Saring: judul, pengusul, desa"))
        self.ed_filter.setClearButtonEnabled(True)
        self.view = table_view(self.model, [260, 150, 130, 80, 95], 0)
        self.view.doubleClicked.connect(self._edit_index)
        self.view.activated.connect(self._edit_index)
        self.lbl_count = QLabel()
        actions = QHBoxLayout()
        actions.addWidget(self.lbl_count, 1)
        actions.addWidget(self.button(self.tr("Ubah terpilih"), self.edit_selected, "F4"))
        actions.addWidget(
            self.button(self.tr("Batalkan terpilih…"), self.void_selected, "Ctrl+Del")
        )
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.ed_filter)
        right_layout.addWidget(self.view, 1)
        right_layout.addLayout(actions)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([560, 780])
        layout = QVBoxLayout(self)
        layout.addWidget(self.box)
        layout.addWidget(self.feedback)
        layout.addWidget(splitter, 1)

    def _load_desa(self) -> None:
        event_id = self.ctx.event_id

        def work() -> list[dict[str, str]]:
            with self.ctx.db.begin() as session:
                return forms.desa_choices(session, event_id)

        self.run(work, lambda choices: self.form.set_desa(DesaResolver(choices)))

    # --- proposer ----------------------------------------------------------------------------------

    def start_scan(self, text: str) -> ScanJob:
        event_id = self.ctx.event_id

        def work() -> dict[str, Any] | None:
            with self.ctx.db.begin() as session:
                return ideas.find_proposer(session, event_id, text)

        return self.job(work, lambda person: self._proposer(text, person), self._scan_failed)

    def _proposer(self, text: str, person: dict[str, Any] | None) -> None:
        if self.form.idea_id is not None:
            self.form.new_card()
        if person is None:
            self.form.participant_id = None
            self.form.ed_proposer.setText(text)
            self.form.ed_desa.setFocus()
            self.feedback.show_message(
                self.tr("Bukan nomor badge: “%s” dipakai sebagai nama pengusul — isi desanya")
                % text,
                Tone.WARN,
            )
            return
        self.form.set_proposer(person)
        place = person["desa_name"] or person["institution"]
        self.feedback.show_message(
            self.tr("✓ Pengusul: %s (%s) %s — isi judul ide")
            % (person["name"], person["number"], place),
            Tone.OK,
        )

    def _scan_failed(self, exc: BaseException) -> None:
        """An unknown or voided badge: the proposer before it is not kept for this card."""
        if self.form.idea_id is None:
            self.form.participant_id = None
            self.form.ed_proposer.clear()
            self.form.ed_desa.clear()
        self.failed(exc)
        self.focus_box()

    def new_card(self) -> None:
        self.form.new_card()
        self.focus_box()

    # --- save / edit / void ------------------------------------------------------------------------

    def save(self, form: ideas.IdeaForm, idea_id: str | None) -> None:
        event_id = self.ctx.event_id
        title = form.title.strip()

        def work() -> dict[str, Any]:
            with self.ctx.db.begin() as session:
                # The next proposer's badge scanned while the form had the keyboard lands in a
                # field as its number: a title that is exactly a badge is that scan, not a title.
                if title and " " not in title:
                    person = ideas.find_proposer(session, event_id, title)
                    if person is not None:
                        return {"scanned": person}
                return ideas.save_idea(session, form, idea_id)

        def done(row: dict[str, Any]) -> None:
            if "scanned" in row:
                self.form.ed_title.clear()
                self._proposer(title, row["scanned"])
                return
            verb = self.tr("diubah") if idea_id else self.tr("diterima")
            self.feedback.show_message(
                self.tr("✓ Kartu Ide %s: “%s” dari %s")
                % (verb, row["title"], row["proposer_name"]),
                Tone.OK,
            )
            self.form.new_card()
            self.ctx.bus.data_changed.emit("idea")
            self.focus_box()

        def refused(exc: BaseException) -> None:
            self.feedback.show_message(str(exc), Tone.ERROR)
            self.form.show_error(exc)

        self.run(work, done, refused)

    def selected(self) -> dict[str, Any] | None:
        row = self.model.row_at(self.view.currentIndex())
        if row is None:
            self.feedback.show_message(
                self.tr("Pilih kartu ide di daftar dulu (Ctrl+L)."), Tone.WARN
            )
        return row

    def _edit_index(self, index: QModelIndex) -> None:
        row = self.model.row_at(index)
        if row is not None:
            self._edit(row)

    def edit_selected(self) -> None:
        row = self.selected()
        if row is not None:
            self._edit(row)

    def _edit(self, row: dict[str, Any]) -> None:
        if row["voided"]:
            self.feedback.show_message(self.tr("Kartu ini sudah dibatalkan."), Tone.WARN)
            return
        self.form.edit(row)
        self.feedback.show_message(
            self.tr("Mengubah “%s” — Ctrl+Enter untuk menyimpan") % row["title"], Tone.INFO
        )

    def void_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        pin = ask_pin(self, self.tr("batalkan kartu ide"))
        reason = ask_reason(self, self.tr("Batalkan kartu ide")) if pin else None
        if not pin or not reason:
            self.focus_box()
            return

        def work() -> dict[str, Any]:
            with self.ctx.db.begin() as session:
                return ideas.void_idea(session, row["id"], reason, pin)

        def done(voided: dict[str, Any]) -> None:
            self.feedback.show_message(
                self.tr("Kartu ide dibatalkan: “%s”") % voided["title"], Tone.INFO
            )
            self.ctx.bus.data_changed.emit("idea")

        self.run(work, done)

    # --- list ---------------------------------------------------------------------------------------

    def refresh(self) -> None:
        self._generation += 1
        generation, text, event_id = self._generation, self.ed_filter.text(), self.ctx.event_id

        def work() -> ideas.IdeaPage:
            with self.ctx.db.begin() as session:
                return ideas.idea_rows(session, event_id, text)

        self.run(work, lambda page: self._show(generation, page))

    def _show(self, generation: int, page: ideas.IdeaPage) -> None:
        if generation != self._generation:
            return
        self.model.set_ideas(page.rows)
        self.lbl_count.setText(self.tr("%d dari %d kartu ide") % (len(page.rows), page.total))
