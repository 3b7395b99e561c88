"""Translations: the UI is written in Bahasa Indonesia; English ships as a .qm file."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from PySide6.QtCore import QTranslator


def translations_dir() -> Path:
    try:
        packaged = Path(str(resources.files("bid_desktop.resources"))) / "translations"
        if packaged.exists():
            return packaged
    except ModuleNotFoundError:
        pass
    return Path(__file__).resolve().parents[2] / "resources" / "translations"


def load_translator(lang: str) -> QTranslator | None:
    if lang == "id":
        return None
    translator = QTranslator()
    if translator.load(f"bid_desktop_{lang}", str(translations_dir())):
        return translator
    return None


def guide_path(lang: str) -> Path | None:
    """The user guide (HTML, with screenshots) shipped in resources/guide/."""
    base = translations_dir().parent / "guide"
    for name in (f"panduan-{lang}.html", "panduan-id.html"):
        if (base / name).exists():
            return base / name
    return None
