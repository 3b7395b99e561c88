"""Stamping the Kartu Komitmen: innovation code → Enter → amount (parsed Rupiah and terbilang
shown live) → Enter → notes → Enter stamps; Ctrl+Enter stamps from any field."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QStringListModel, Qt, Signal
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

from bid_desktop.domain import amounts
from bid_desktop.services.commitments import MAX_YEAR, MIN_YEAR
from bid_desktop.services.meja import StampForm, StampResult
from bid_desktop.ui.common.amount import AmountField


def stamp_message(result: StampResult) -> str:
    """The feedback line after a stamp: new, changed, or the same values again."""
    translate = QCoreApplication.translate
    if result.created:
        text = translate("MejaTab", "Dicap: Desa %s — %s %s, %s (%s), tahun %s")
    elif result.changed:
        text = translate("MejaTab", "Diperbarui: Desa %s — %s %s, %s (%s), tahun %s")
    else:
        text = translate("MejaTab", "Sudah tercatat sama: Desa %s — %s %s, %s (%s), tahun %s")
    row = result.row
    words = amounts.words(row["amount"]) if row["amount"] is not None else ""
    return text % (row["desa_name"], row["innovation_code"], row["innovation_title"],
                   row["amount_text"], words, row["planned_year"])  # fmt: skip


def code_of(text: str) -> str:
    """'A01 — Air bersih' (a completer choice) or 'a01' → 'A01'."""
    parts = text.strip().split()
    return parts[0].upper() if parts else ""


class StampPanel(QGroupBox):
    stamp_requested = Signal()
    unknown_code = Signal(str)  # Enter on text that is no menu code: maybe the next badge

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Cap komitmen (Ctrl+Enter)"))
        self.menu: dict[str, dict[str, Any]] = {}
        self.code = QLineEdit()
        self.code.setPlaceholderText(
            self.tr("Kode inovasi, mis. A01 (atau pindai badge berikutnya)")
        )
        self.code.setMinimumHeight(34)
        self.completer_model = QStringListModel()
        completer = QCompleter(self.completer_model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.code.setCompleter(completer)
        self.code.textChanged.connect(self._code_changed)
        self.code.returnPressed.connect(self._code_entered)
        self.lbl_title = QLabel()
        self.lbl_title.setWordWrap(True)
        self.notes = QLineEdit()
        self.amount = AmountField()
        self.amount.edit.returnPressed.connect(lambda: self.notes.setFocus())
        self.year = QSpinBox()
        self.year.setRange(MIN_YEAR, MAX_YEAR)
        self.kepala_desa = QLineEdit()
        self.kepala_desa.setPlaceholderText(self.tr("Nama Kepala Desa"))
        self.notes.setPlaceholderText(self.tr("Catatan (opsional), Enter = cap"))
        self.notes.returnPressed.connect(self.stamp_requested.emit)
        self.button = QPushButton(self.tr("Cap komitmen"))
        self.button.setMinimumHeight(40)
        self.button.setStyleSheet("font-weight: bold;")
        self.button.clicked.connect(lambda _c=False: self.stamp_requested.emit())
        form = QFormLayout()
        form.addRow(self.tr("Inovasi"), self.code)
        form.addRow("", self.lbl_title)
        form.addRow(self.tr("Perkiraan anggaran"), self.amount)
        form.addRow(self.tr("Tahun rencana"), self.year)
        form.addRow(self.tr("Kepala Desa"), self.kepala_desa)
        form.addRow(self.tr("Catatan"), self.notes)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.button)
        self.setFocusProxy(self.code)

    def set_menu(self, rows: list[dict[str, Any]]) -> None:
        self.menu = {r["code"]: r for r in rows}
        self.completer_model.setStringList([f"{r['code']} — {r['title']}" for r in rows])
        self._code_changed(self.code.text())

    def _code_changed(self, text: str) -> None:
        code = code_of(text)
        item = self.menu.get(code)
        if not code:
            self.lbl_title.setText("")
        elif item is None:
            self.lbl_title.setStyleSheet("color: #b71c1c;")
            self.lbl_title.setText(self.tr("Kode %s tidak ada di menu") % code)
        else:
            self.lbl_title.setStyleSheet("color: #1b5e20;")
            cost = amounts.rupiah(item["cost_estimate"])
            hint = self.tr(" · biaya di menu %s") % cost if cost else ""
            self.lbl_title.setText(f"<b>{item['title']}</b> (Bursa {item['bursa']}){hint}")

    def _code_entered(self) -> None:
        code = code_of(self.code.text())
        if code in self.menu:
            self.code.setText(code)
            self.amount.setFocus()
            self.amount.edit.selectAll()
        elif code:
            self.unknown_code.emit(self.code.text().strip())

    def form(self, desa_code: str) -> StampForm:
        return StampForm(
            desa_code=desa_code,
            innovation_code=code_of(self.code.text()),
            amount_text=self.amount.text(),
            planned_year=self.year.value(),
            notes=self.notes.text(),
            kepala_desa=self.kepala_desa.text(),
        )

    def start(self, kepala_desa: str, year: int) -> None:
        """A new desa at the table: clear the card, keep the year (the tab moves the focus)."""
        self.clear_card(focus=False)
        self.kepala_desa.setText(kepala_desa)
        if not self.year.value() or self.year.value() == MIN_YEAR:
            self.year.setValue(year)

    def clear_card(self, focus: bool = True) -> None:
        for edit in (self.code, self.notes):
            edit.clear()
        self.amount.setText("")
        if focus:
            self.code.setFocus()
