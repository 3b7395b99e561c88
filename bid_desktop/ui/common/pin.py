"""Ask for the committee PIN before a destructive action (void, resolve, restore, settings)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget


def ask_pin(parent: QWidget, action: str) -> str | None:
    pin, ok = QInputDialog.getText(
        parent,
        QCoreApplication.translate("PinDialog", "PIN panitia"),
        QCoreApplication.translate("PinDialog", "Masukkan PIN panitia untuk: %s") % action,
        QLineEdit.EchoMode.Password,
    )
    return pin if ok and pin else None


def ask_reason(parent: QWidget, title: str) -> str | None:
    reason, ok = QInputDialog.getText(
        parent, title, QCoreApplication.translate("PinDialog", "Alasan (wajib):")
    )
    reason = reason.strip()
    return reason if ok and reason else None


def ask_passphrase(parent: QWidget) -> str | None:
    """The event passphrase, when this laptop has no key file for the event (a restored or
    copied database)."""
    text, ok = QInputDialog.getText(
        parent,
        QCoreApplication.translate("PinDialog", "Kata sandi acara"),
        QCoreApplication.translate(
            "PinDialog",
            "Kunci paket acara ini tidak ada di laptop ini (basis data dipulihkan atau "
            "disalin). Masukkan kata sandi acara:",
        ),
        QLineEdit.EchoMode.Password,
    )
    return text if ok and text else None
