"""Folders the operator chose last time (USB stick for packages, import source), kept in
QSettings: they belong to this laptop, not to the event, so they do not replicate."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

EXPORT_KEY = "sinkronisasi/export_dir"
IMPORT_KEY = "sinkronisasi/import_dir"


def _settings() -> QSettings:
    return QSettings("BID", "BID Desktop")


def last_folder(key: str) -> str:
    value = _settings().value(key, "")
    return str(value) if value and Path(str(value)).is_dir() else ""


def remember_folder(key: str, folder: Path | str) -> None:
    settings = _settings()
    settings.setValue(key, str(folder))
    settings.sync()
