"""Translations: the UI is written in Bahasa Indonesia; English ships as a .qm file.

``resources/`` ships inside the wheel as ``bid_desktop.resources`` (pyproject.toml); from a
checkout or the PyInstaller bundle it is the ``resources/`` folder beside ``bid_desktop/``.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from PySide6.QtCore import QTranslator


def resources_dir() -> Path:
    try:
        packaged = Path(str(resources.files("bid_desktop.resources")))
        if packaged.is_dir():
            return packaged
    except ModuleNotFoundError:
        pass
    return Path(__file__).resolve().parents[2] / "resources"


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
