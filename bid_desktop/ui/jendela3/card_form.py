"""Add a commitment from the paper Kartu Komitmen: innovation (code or pick), amount with a live
Rupiah + terbilang preview (the shared ``AmountField``), planned year, notes. Tab walks the
fields, Enter adds."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCompleter,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from bid_desktop.domain.text import fold
from bid_desktop.services.commitments import MAX_YEAR, MIN_YEAR
from bid_desktop.ui.common.amount import AmountField

OK_STYLE, ERROR_STYLE = "color: #1b5e20;", "color: #b71c1c;"


@dataclass(frozen=True)
class CardValues:
    innovation_code: str
    amount: int
    planned_year: int
    notes: str


class CardForm(QGroupBox):
    submitted = Signal(object)  # CardValues
    scanned = Signal(str)  # Enter on a word that is no menu code: the next badge, scanned here

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Tambah dari Kartu Komitmen (F2)"))
        self._codes: dict[str, str] = {}  # code → "A01 — title (A)"
        self.ed_innovation = QLineEdit()
        self.ed_innovation.setPlaceholderText(self.tr("Kode (mis. A03) atau ketik judul"))
        self.lbl_innovation = QLabel()
        self.amount = AmountField()
        self.sp_year = QSpinBox()
        self.sp_year.setRange(MIN_YEAR, MAX_YEAR)
        self.ed_notes = QLineEdit()
        self.btn_add = QPushButton(self.tr("Tambah komitmen (Enter)"))
        self.btn_add.clicked.connect(self.submit)
        label = self.lbl_innovation
        label.setWordWrap(True)  # a long title takes two lines: keep room for them
        label.setMinimumHeight(2 * label.fontMetrics().lineSpacing() + 2)
        label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.ed_innovation.textChanged.connect(self._innovation_changed)
        for edit in (self.ed_innovation, self.amount.edit, self.ed_notes):
            edit.returnPressed.connect(self.submit)
        form = QFormLayout()
        form.addRow(self.tr("Inovasi"), self.ed_innovation)
        form.addRow("", self.lbl_innovation)
        form.addRow(self.tr("Perkiraan anggaran"), self.amount)
        form.addRow(self.tr("Tahun rencana"), self.sp_year)
        form.addRow(self.tr("Catatan"), self.ed_notes)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.btn_add)
        self.setFocusProxy(self.ed_innovation)

    def set_menu(self, choices: list[dict[str, Any]], year: int) -> None:
        self._codes = {c["code"]: f"{c['code']} — {c['title']} ({c['bursa']})" for c in choices}
        completer = QCompleter(list(self._codes.values()), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.ed_innovation.setCompleter(completer)
        self.sp_year.setValue(year)

    # --- live checks ---------------------------------------------------------------------------

    def innovation_code(self) -> str | None:
        """The code typed, picked ("A03 — title (A)"), or the one title that matches."""
        text = self.ed_innovation.text().strip()
        code = text.split(" — ", 1)[0].strip().upper()
        if code in self._codes:
            return code
        key = fold(text)
        found = [c for c, label in self._codes.items() if key and key in fold(label)]
        return found[0] if len(found) == 1 else None

    def _innovation_changed(self, text: str) -> None:
        code = self.innovation_code()
        if code is not None:
            self._show(self.lbl_innovation, self._codes[code], OK_STYLE)
        elif text.strip():
            self._show(self.lbl_innovation, self.tr("Tidak ada di menu inovasi"), ERROR_STYLE)
        else:
            self._show(self.lbl_innovation, "", OK_STYLE)

    @staticmethod
    def _show(label: QLabel, text: str, style: str) -> None:
        label.setText(text)
        label.setStyleSheet(style)

    # --- submit ----------------------------------------------------------------------------------

    def submit(self) -> None:
        code, text = self.innovation_code(), self.ed_innovation.text().strip()
        if code is None and text and " " not in text:
            self.scanned.emit(text)  # the page says if it was neither a badge nor a desa
            return
        if code is None:
            self._show(self.lbl_innovation, self.tr("Pilih inovasi dari menu"), ERROR_STYLE)
            self.ed_innovation.setFocus()
            return
        amount = self.amount.current().amount
        if amount is None:
            self.amount.setFocus()  # the field says what it did not understand
            return
        notes = self.ed_notes.text().strip()
        self.submitted.emit(CardValues(code, amount, self.sp_year.value(), notes))

    def not_a_code(self, text: str) -> None:
        self._show(
            self.lbl_innovation,
            self.tr("“%s” bukan kode inovasi, bukan badge atau desa") % text,
            ERROR_STYLE,
        )
        self.ed_innovation.setFocus()
        self.ed_innovation.selectAll()

    def clear(self) -> None:
        for edit in (self.ed_innovation, self.amount.edit, self.ed_notes):
            edit.clear()
        self.ed_innovation.setFocus()
