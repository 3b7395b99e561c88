"""The Kartu Ide form: proposer, desa, title, description, already done (Ya/Tidak), results.

Tab walks the fields (the two text areas too); Enter in a one-line field or Ctrl+Enter
anywhere saves; a refused field is named under the form and gets the focus."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from bid_desktop.services.exchange_ideas import IdeaFieldError, IdeaForm
from bid_desktop.services.registration_forms import FieldError
from bid_desktop.ui.registrasi.person_dialog import DesaResolver

YES, NO = 1, 0


class IdeaFormBox(QGroupBox):
    submitted = Signal(object, object)  # IdeaForm, idea id being edited (None = new)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.idea_id: str | None = None
        self.participant_id: str | None = None
        self.desa: DesaResolver | None = None
        self.ed_proposer = QLineEdit()
        self.ed_desa = QLineEdit()
        self.ed_desa.setPlaceholderText(self.tr("Nama atau kode desa (boleh kosong)"))
        self.ed_title = QLineEdit()
        self.ed_description = self._area(self.tr("Inovasi apa, di mana, bagaimana caranya"))
        self.cmb_done = QComboBox()
        self.cmb_done.addItems([self.tr("Tidak"), self.tr("Ya")])
        self.ed_results = self._area(self.tr("Hasil yang sudah terlihat (bila sudah dilaksanakan)"))
        self.lbl_error = QLabel()
        self.lbl_error.setStyleSheet("color: #b71c1c;")
        self.lbl_error.setWordWrap(True)
        self.ed_proposer.textEdited.connect(self._typed_proposer)
        for edit in (self.ed_proposer, self.ed_desa, self.ed_title):
            edit.returnPressed.connect(self.submit)
        form = QFormLayout()
        form.addRow(self.tr("Pengusul"), self.ed_proposer)
        form.addRow(self.tr("Desa"), self.ed_desa)
        form.addRow(self.tr("Judul ide"), self.ed_title)
        form.addRow(self.tr("Deskripsi"), self.ed_description)
        form.addRow(self.tr("Sudah dilaksanakan"), self.cmb_done)
        form.addRow(self.tr("Hasil"), self.ed_results)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.lbl_error)
        self.new_card()

    @staticmethod
    def _area(placeholder: str) -> QPlainTextEdit:
        area = QPlainTextEdit()
        area.setPlaceholderText(placeholder)
        area.setTabChangesFocus(True)
        area.setMaximumHeight(70)
        return area

    def set_desa(self, resolver: DesaResolver) -> None:
        self.desa = resolver
        completer = QCompleter(resolver.labels, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.ed_desa.setCompleter(completer)

    # --- filling ---------------------------------------------------------------------------------

    def new_card(self) -> None:
        self.idea_id = None
        self.participant_id = None
        self.setTitle(self.tr("Kartu Ide baru"))
        for edit in (self.ed_proposer, self.ed_desa, self.ed_title):
            edit.clear()
        self.ed_description.clear()
        self.ed_results.clear()
        self.cmb_done.setCurrentIndex(NO)
        self.lbl_error.clear()

    def set_proposer(self, person: dict[str, Any]) -> None:
        """A scanned badge: the proposer and the desa come from it; the title is next."""
        self.participant_id = person["id"]
        self.ed_proposer.setText(person["name"])
        self.ed_desa.setText(self._desa_label(person.get("desa_code")))
        self.ed_title.setFocus()

    def _typed_proposer(self, _text: str) -> None:
        self.participant_id = None  # a typed name is not the scanned badge any more

    def edit(self, row: dict[str, Any]) -> None:
        self.new_card()
        self.idea_id = row["id"]
        self.participant_id = row.get("participant_id")
        self.setTitle(self.tr("Ubah kartu ide: %s") % row["title"])
        self.ed_proposer.setText(row["proposer_name"])
        self.ed_desa.setText(self._desa_label(row.get("desa_code")))
        self.ed_title.setText(row["title"])
        self.ed_description.setPlainText(row["description"])
        self.cmb_done.setCurrentIndex(YES if row["already_done"] else NO)
        self.ed_results.setPlainText(row["results"])
        self.ed_title.setFocus()

    def _desa_label(self, code: str | None) -> str:
        if not code:
            return ""
        return (self.desa.label_of(code) if self.desa else "") or code

    # --- saving ----------------------------------------------------------------------------------

    def submit(self) -> None:
        self.lbl_error.clear()
        try:
            code = self.desa.resolve(self.ed_desa.text()) if self.desa else None
        except FieldError as exc:
            self.show_error(IdeaFieldError("desa_code", str(exc)))
            return
        form = IdeaForm(
            proposer_name=self.ed_proposer.text(),
            title=self.ed_title.text(),
            desa_code=code,
            participant_id=self.participant_id,
            description=self.ed_description.toPlainText(),
            already_done=self.cmb_done.currentIndex() == YES,
            results=self.ed_results.toPlainText(),
        )
        self.submitted.emit(form, self.idea_id)

    def show_error(self, exc: BaseException) -> None:
        self.lbl_error.setText(str(exc))
        field = getattr(exc, "field", "")
        widget = {
            "proposer_name": self.ed_proposer,
            "desa_code": self.ed_desa,
            "title": self.ed_title,
        }.get(field, self.ed_title)
        widget.setFocus()
