"""Which table this laptop is: a big header line, and the dialog that sets it (Ctrl+M)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from bid_desktop.services.meja import TableIdentity, set_table_identity
from bid_desktop.ui.bursa.dialogs import bursa_combo
from bid_desktop.ui.common.feedback import Tone
from bid_desktop.ui.common.runner import run_db


class TableHeader(QWidget):
    def __init__(self, change: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        font = QFont(self.label.font())
        font.setPointSize(font.pointSize() + 5)
        font.setBold(True)
        self.label.setFont(font)
        self.consultants = QLabel()
        self.consultants.setStyleSheet("color: #444;")
        self.button = QPushButton(self.tr("Ganti meja… (Ctrl+M)"))
        self.button.clicked.connect(lambda _c=False: change())
        text = QVBoxLayout()
        text.setSpacing(0)
        text.addWidget(self.label)
        text.addWidget(self.consultants)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(text, 1)
        layout.addWidget(self.button)

    def show_table(self, table: TableIdentity | None) -> None:
        if table is None:
            self.label.setText(self.tr("Laptop ini belum ditetapkan sebagai meja konsultasi"))
            self.label.setStyleSheet("color: #b71c1c;")
            self.consultants.setText(self.tr("Tekan Ctrl+M: pilih bursa dan nomor meja."))
            return
        self.label.setStyleSheet("color: #0d47a1;")
        self.label.setText(
            self.tr("Meja %s · Bursa %s — %s") % (table.code, table.bursa, table.bursa_label)
        )
        self.consultants.setText(
            self.tr("Konsultan: %s") % (table.consultants or self.tr("(belum diisi)"))
        )


class TableDialog(QDialog):
    def __init__(self, parent: QWidget, table: TableIdentity | None,
                 on_save: Callable[[str, int, str], None]) -> None:  # fmt: skip
        super().__init__(parent)
        self.setWindowTitle(self.tr("Meja konsultasi laptop ini"))
        self.on_save = on_save
        self.bursa = bursa_combo()
        self.bursa.setCurrentIndex(max(0, self.bursa.findData(table.bursa if table else "A")))
        self.number = QSpinBox()
        self.number.setRange(1, 20)
        self.number.setValue(table.number if table else 1)
        self.consultants = QLineEdit(table.consultants if table else "")
        self.consultants.setPlaceholderText(self.tr("Nama konsultan, dipisah koma"))
        self.error = QLabel()
        self.error.setStyleSheet("color: #b71c1c;")
        form = QFormLayout()
        form.addRow(self.tr("Bursa"), self.bursa)
        form.addRow(self.tr("Nomor meja"), self.number)
        form.addRow(self.tr("Konsultan"), self.consultants)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Simpan"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.bursa.setFocus()

    def save(self) -> None:
        self.on_save(self.bursa.currentData(), self.number.value(), self.consultants.text())

    def show_error(self, exc: BaseException) -> None:
        self.error.setText(str(exc))


def open_table_dialog(tab: Any) -> TableDialog:
    """Ctrl+M on a ``MejaTab``: choose bursa and table number; saved on the task worker."""

    def save(bursa: str, number: int, people: str) -> None:
        def work() -> TableIdentity:
            with tab.ctx.db.begin() as s:
                return set_table_identity(s, bursa, number, people)

        def done(table: TableIdentity) -> None:
            dialog.accept()
            text = QCoreApplication.translate("MejaTab", "Laptop ini sekarang Meja %s.")
            tab.feedback.show_message(text % table.code, Tone.OK)
            tab.ctx.bus.data_changed.emit("bursa_setup")
            tab.reload()

        run_db(tab, tab.ctx, work, done, dialog.show_error)

    dialog = TableDialog(tab, tab.table, save)
    dialog.finished.connect(lambda _r: tab.box.ready_for_next())
    dialog.open()
    return dialog
