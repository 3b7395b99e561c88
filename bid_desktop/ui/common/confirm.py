"""Ask before something that would overwrite data or looks mistyped; "Batal" is the default,
so an Enter (or a scanner's Enter) never says yes by accident."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def ask_yes(parent: QWidget, title: str, text: str, yes_text: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    yes = box.addButton(yes_text, QMessageBox.ButtonRole.YesRole)
    no = box.addButton(
        QCoreApplication.translate("Confirm", "Batal"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(no)
    box.setEscapeButton(no)
    box.exec()
    return box.clickedButton() is yes
