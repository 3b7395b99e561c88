"""English translation: complete for the current UI sources, shipped as a loadable .qm, and
used by the window when the station's language is English (settings → Bahasa)."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from bid_desktop.services import station as station_service
from bid_desktop.ui.app import build_window, install_translator
from bid_desktop.ui.i18n import load_translator, translations_dir
from tests.conftest import save_screenshot

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "bid_desktop_en.ts"
BIN = Path(shutil.which("pyside6-lupdate") or ROOT / ".venv" / "bin" / "pyside6-lupdate").parent
UPDATE = "run resources/translations/update, translate, run it again"

Message = tuple[str, str]  # (context, source)


def messages(ts: Path) -> dict[Message, ET.Element]:
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


@pytest.fixture(scope="module")
def current_sources(tmp_path_factory) -> dict[Message, ET.Element]:
    """What lupdate extracts from the UI code as it is now."""
    out = tmp_path_factory.mktemp("lupdate") / "now.ts"
    sources = sorted(
        str(p) for p in (ROOT / "bid_desktop" / "ui").rglob("*.py") if "__pycache__" not in p.parts
    )
    subprocess.run(
        [str(BIN / "pyside6-lupdate"), "-silent", "-locations", "none", *sources, "-ts", str(out)],
        check=True,
        capture_output=True,
    )
    return messages(out)


def test_every_ui_string_has_a_finished_translation(current_sources):
    shipped = messages(TS)
    missing = sorted(set(current_sources) - set(shipped))
    assert not missing, f"{len(missing)} strings not in the .ts ({UPDATE}): {missing[:8]}"
    unfinished = [
        key
        for key in current_sources
        if shipped[key].find("translation").get("type") in ("unfinished", "vanished", "obsolete")
        or not "".join(shipped[key].find("translation").itertext()).strip()
    ]
    assert not unfinished, f"{len(unfinished)} untranslated ({UPDATE}): {unfinished[:8]}"


def test_translation_contexts_are_real(current_sources):
    """lupdate takes the context from the class of ``self.tr`` or the literal first argument of
    ``QCoreApplication.translate``; a ``tr`` wrapper or ``other.tr(...)`` gives a context that
    does not exist at run time, so the English would never show."""
    wrong = sorted({ctx for ctx, _src in current_sources if not re.fullmatch(r"_?[A-Z]\w*", ctx)})
    assert not wrong, (
        f"translation contexts lupdate cannot map: {wrong} — use self.tr() in the class, or "
        'QCoreApplication.translate("ClassName", "text") with literal arguments'
    )


def test_qm_loads_and_matches_the_ts():
    translator = load_translator("en")
    assert isinstance(translator, QTranslator)
    assert translator.filePath() == str(translations_dir() / "bid_desktop_en.qm")
    stale = []
    for (ctx, src), message in messages(TS).items():
        if message.get("numerus") == "yes":
            continue
        wanted = message.findtext("translation") or ""
        if translator.translate(ctx, src) != wanted:
            stale.append(src)
    assert not stale, f".qm older than the .ts — run resources/translations/update: {stale[:5]}"


def test_qt_own_buttons_speak_indonesian(qtbot):
    """Our sources are Indonesian; Qt's own strings (message box buttons) are not shipped in
    Indonesian by PySide6, so qt_id.qm carries them: a secretary reads Ya / Tidak / Batal."""
    translator = load_translator("id")
    assert isinstance(translator, QTranslator)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.installTranslator(translator)
    try:
        box = QMessageBox(QMessageBox.Icon.Question, "Pulihkan", "Lanjutkan?")
        box.setStandardButtons(
            QMessageBox.StandardButton.Yes
            | QMessageBox.StandardButton.No
            | QMessageBox.StandardButton.Cancel
        )
        qtbot.addWidget(box)
        texts = [box.button(b).text() for b in (QMessageBox.StandardButton.Yes,
                 QMessageBox.StandardButton.No, QMessageBox.StandardButton.Cancel)]  # fmt: skip
        assert texts == ["&Ya", "&Tidak", "Batal"]
    finally:
        app.removeTranslator(translator)


def test_window_in_english_when_the_station_language_is_english(qtbot, db):
    with db.begin() as s:
        station_service.set_language(s, "en")
        language = station_service.station_info(s).language
    indonesian = build_window(db)
    qtbot.addWidget(indonesian)
    sources = {role: indonesian.tab_by_role[role].windowTitle() for role in indonesian.tab_by_role}
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translator = install_translator(app, language)
    assert translator is not None
    try:
        window = build_window(db)
        qtbot.addWidget(window)
        placeholders = [window.tabs.tabText(i) for i in range(window.tabs.count())]
        widgets = [window.tab_by_role[role] for role in window.tab_by_role]  # builds each tab
        english = [window.tabs.tabText(i) for i in range(window.tabs.count())]
        assert english == placeholders  # a tab's title does not change when it is built
        for i, role in enumerate(window.tab_by_role):
            source = sources[role]
            expected = QCoreApplication.translate(type(widgets[i]).__name__, source)
            assert english[i] == expected != source, f"{role}: {english[i]!r} ({source!r})"
        assert "Registration" in english
        assert window.menuBar().actions()[0].text() == "&Event"
        assert window.lbl_pending.text().startswith("Not yet exported:")
        registrasi = window.tab_by_role["registrasi"]
        qtbot.waitUntil(lambda: registrasi.counters.counters is not None)
        qtbot.wait(100)  # the counters' labels re-wrap before the picture
        save_screenshot(window, "main-window-english")
        for role in window.tab_by_role:  # every station in English, for a person to look at
            window.tabs.setCurrentWidget(window.tab_by_role[role])
            save_screenshot(window, f"english-{role}")
    finally:
        app.removeTranslator(translator)


def test_sync_labels_are_generated_and_translated():
    """Record and field labels on the review screens come from sync/labels.py (no Qt there):
    the generated label_strings.py must be current, and each label has its English text."""
    import importlib.util

    from bid_desktop.sync.labels import field_label
    from bid_desktop.ui.sinkronisasi.common import translate_label

    script = ROOT / "resources" / "translations" / "sync_labels.py"
    spec = importlib.util.spec_from_file_location("sync_labels", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.TARGET.read_text(encoding="utf-8") == module.render(), (
        "run resources/translations/update: sync/labels.py changed"
    )
    translator = load_translator("en")
    app = QApplication.instance()
    assert isinstance(translator, QTranslator) and isinstance(app, QApplication)
    app.installTranslator(translator)
    try:
        assert translate_label(field_label("amount")) == "Budget (Rp)"
        assert translate_label(field_label("_dihapus")) == "deleted"
    finally:
        app.removeTranslator(translator)
