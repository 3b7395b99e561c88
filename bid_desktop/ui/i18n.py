"""Translations: the UI is written in Bahasa Indonesia; English ships as a .qm file.

``resources/`` is found through importlib.resources (bid_desktop/shipped.py).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTranslator

from bid_desktop.shipped import resources_dir

__all__ = ["guide_path", "load_translator", "resources_dir", "translations_dir"]


def translations_dir() -> Path:
    return resources_dir() / "translations"


def load_translator(lang: str) -> QTranslator | None:
    """The translator for ``lang``, None for a missing file.

    Our strings are written in Bahasa Indonesia; for Indonesian the translator holds Qt's
    own strings instead (Ya/Tidak/Batal on message boxes, the file dialog, the edit menu),
    which PySide6 does not ship in Indonesian (resources/translations/qt_id.ts)."""
    name = "qt_id" if lang == "id" else f"bid_desktop_{lang}"
    translator = QTranslator()
    if translator.load(name, str(translations_dir())):
        return translator
    return None


def guide_path(lang: str) -> Path | None:
    """The user guide (HTML, with screenshots) shipped in resources/guide/."""
    base = resources_dir() / "guide"
    for name in (f"panduan-{lang}.html", "panduan-id.html"):
        if (base / name).exists():
            return base / name
    return None
