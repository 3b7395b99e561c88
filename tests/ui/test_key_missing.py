"""Issue 12, item 8 in the window: a database whose event key is not on this laptop (copied
or restored) asks for the event passphrase and then works."""

from __future__ import annotations

import pytest

from tests.conftest import PASSPHRASE, make_event_db


@pytest.fixture
def own_data(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("BID_DATA_DIR", str(tmp_path / "data-pengguna"))


def test_window_asks_the_passphrase_when_the_key_is_missing(qtbot, tmp_path, own_data, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    from tests.ui.sinkronisasi_helpers import make_tab, settle

    db = make_event_db(tmp_path / "event.sqlite")
    monkeypatch.setenv("BID_DATA_DIR", str(tmp_path / "laptop-lain"))
    usb = tmp_path / "usb"
    usb.mkdir()
    tab = make_tab(qtbot, db)
    page = tab.export_page
    asked: list[str] = []

    def answer(_parent, title, *_a, **_k):  # type: ignore[no-untyped-def]
        asked.append(title)
        return PASSPHRASE, True

    monkeypatch.setattr(QInputDialog, "getText", answer)
    page.ed_folder.setText(str(usb))
    page.export()
    qtbot.waitUntil(lambda: settle(tab) or bool(asked))
    qtbot.waitUntil(lambda: settle(tab) or "disimpan" in page.feedback.text())
    page.export()
    qtbot.waitUntil(lambda: settle(tab) or page.last_result is not None)
    assert page.last_result.path.exists()
    db.dispose()
