"""The consultation record: innovations discussed, questions, notes, P2KTD provider
suggested. Enter moves to the next field; Enter on the last one (or Ctrl+S) saves."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bid_desktop.services.meja import ConsultationForm


class ConsultationPanel(QGroupBox):
    save_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Catatan konsultasi (Ctrl+S)"))
        self.codes = QLineEdit()
        self.codes.setPlaceholderText(self.tr("Kode inovasi yang dibahas, mis. A01, A02"))
        self.questions = QLineEdit()
        self.questions.setPlaceholderText(self.tr("Pertanyaan desa"))
        self.notes = QLineEdit()
        self.notes.setPlaceholderText(self.tr("Catatan konsultan, Enter = simpan"))
        self.provider = QComboBox()
        self.codes.returnPressed.connect(self.questions.setFocus)
        self.questions.returnPressed.connect(self.notes.setFocus)
        self.notes.returnPressed.connect(self.save_requested.emit)
        button = QPushButton(self.tr("Simpan konsultasi"))
        button.clicked.connect(lambda _c=False: self.save_requested.emit())
        form = QFormLayout()
        form.addRow(self.tr("Inovasi dibahas"), self.codes)
        form.addRow(self.tr("Pertanyaan"), self.questions)
        form.addRow(self.tr("Catatan"), self.notes)
        form.addRow(self.tr("Saran P2KTD"), self.provider)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(button)
        self.setFocusProxy(self.codes)

    def set_providers(self, rows: list[dict[str, Any]]) -> None:
        current = self.provider.currentData()
        self.provider.clear()
        self.provider.addItem(self.tr("(tidak ada saran penyedia)"), None)
        for row in rows:
            bidang = f" ({row['bidang']})" if row["bidang"] else ""
            self.provider.addItem(f"{row['name']}{bidang}", row["id"])
        self.provider.setCurrentIndex(max(0, self.provider.findData(current)))

    def form(self, desa_code: str, participant_id: str | None) -> ConsultationForm:
        codes = [c.strip().upper() for c in self.codes.text().replace(",", " ").split()]
        return ConsultationForm(
            desa_code=desa_code,
            innovation_codes=codes,
            questions=self.questions.text(),
            notes=self.notes.text(),
            provider_id=self.provider.currentData(),
            participant_id=participant_id,
        )

    def clear(self) -> None:
        for edit in (self.codes, self.questions, self.notes):
            edit.clear()
        self.provider.setCurrentIndex(0)
