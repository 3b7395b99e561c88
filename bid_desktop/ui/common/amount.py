"""An amount field that shows, as you type, the Rupiah it understood and the terbilang — or
why the text is not an amount (forms: 'Rp 150.000.000', '150jt', '1,5 M')."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from bid_desktop.services.meja import AmountPreview, preview_amount


class AmountField(QWidget):
    def __init__(self, placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(placeholder or self.tr("contoh: Rp 150.000.000, 150jt, 1,5 M"))
        self.edit.setMinimumHeight(34)
        self.preview = QLabel()
        self.preview.setWordWrap(True)
        self.preview.setMinimumHeight(36)
        self.edit.textChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.preview)
        self.setFocusProxy(self.edit)
        self._update("")

    def text(self) -> str:
        return self.edit.text()

    def setText(self, text: str) -> None:  # noqa: N802 - Qt naming
        self.edit.setText(text)

    def current(self) -> AmountPreview:
        return preview_amount(self.edit.text())

    def _update(self, text: str) -> None:
        found = preview_amount(text)
        if found.error:
            self.preview.setStyleSheet("color: #b71c1c;")
            self.preview.setText(self.tr("Tidak dimengerti: %s") % found.error)
        elif found.amount is None:
            self.preview.setStyleSheet("color: #555;")
            self.preview.setText(self.tr("Ketik jumlah: Rp 150.000.000, 150jt, 1,5 M"))
        else:
            self.preview.setStyleSheet("color: #1b5e20;")
            self.preview.setText(f"<b>{found.figures}</b> — <i>{found.words}</i>")
