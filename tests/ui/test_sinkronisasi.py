"""Sinkronisasi tab, export and import: real packages between two SQLite files of one event.
Results are read back from the databases, not from the widgets."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from sqlalchemy import select

from bid_desktop.storage.models import ImportLog, Participant
from bid_desktop.ui.common.feedback import Tone
from bid_desktop.ui.sinkronisasi.export_page import ExportPage
from tests.conftest import make_event_db, save_screenshot
from tests.ui.sinkronisasi_helpers import EVENT, dump, make_tab, packages_in, settle, walkin


@pytest.fixture(autouse=True)
def private_settings(tmp_path: Path) -> None:
    """Remembered folders go to a temporary place, not the tester's profile."""
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))


@pytest.fixture
def pair(tmp_path: Path):  # type: ignore[no-untyped-def]
    a = make_event_db(tmp_path / "reg1.sqlite", "REG1", EVENT)
    b = make_event_db(tmp_path / "sync.sqlite", "SYNC1", EVENT)
    yield a, b
    a.dispose()
    b.dispose()


def export_via_ui(qtbot, db, folder: Path, shot: str = "") -> Path:  # type: ignore[no-untyped-def]
    tab = make_tab(qtbot, db)
    page = tab.export_page
    page.ed_folder.setText(str(folder))
    page.btn_export.click()
    settle(tab)
    [package] = packages_in(folder)
    assert page.feedback.tone is Tone.OK and package.name in page.feedback.text()
    assert page.last_result is not None and page.last_result.path == package
    with db.engine.connect() as c:
        versions = c.exec_driver_sql("SELECT COUNT(*) FROM version").scalar_one()
    assert page.last_result.versions == versions
    assert f"({versions} versi)" in page.feedback.text()
    assert [r["name"] for r in page.model.rows] == [package.name]  # the stick's contents
    again = ExportPage(tab.ctx)
    qtbot.addWidget(again)
    assert again.ed_folder.text() == str(folder)  # remembered for next time
    if shot:
        save_screenshot(tab, shot)
    return package


def test_export_then_preview_then_merge_with_progress(qtbot, pair, tmp_path):
    a, b = pair
    pid = walkin(a, "REG1-0001", "Ibu Sulastri", checked=True)
    usb = tmp_path / "usb"
    usb.mkdir()
    package = export_via_ui(qtbot, a, usb, shot="sinkronisasi-ekspor")

    tab = make_tab(qtbot, b)
    tab.show_page(1)
    page = tab.import_page
    before = dump(b)
    page.set_files([package])  # what the file dialog hands over; the preview starts itself
    settle(tab)
    assert page.preview is not None and page.preview.dry_run
    [row] = page.model.rows
    assert row["file"] == package.name and row["station"] == "REG1" and row["added"] >= 1
    assert "Jika digabung:" in page.lbl_summary.text()
    assert dump(b) == before  # the dry run changed nothing
    save_screenshot(tab, "sinkronisasi-impor-pratinjau")

    merged: list[str] = []
    tab.ctx.bus.data_changed.connect(merged.append)
    assert page.btn_merge.isEnabled()
    page.btn_merge.click()
    settle(tab)
    assert "merge" in merged
    assert page.progress.steps and page.progress.steps[-1][0] == page.progress.steps[-1][1]
    assert page.progress.isHidden()
    assert page.feedback.tone is Tone.OK and "1 paket digabung" in page.feedback.text()
    with b.begin() as s:
        assert s.get(Participant, pid).name == "Ibu Sulastri"
        [log] = s.scalars(select(ImportLog)).all()
        assert log.file_name == package.name and log.station == "REG1"
    assert page.result is not None and page.result.backup is not None
    assert page.result.backup.exists()

    tab.show_page(2)
    settle(tab)
    [log_row] = tab.log_page.model.rows
    assert log_row["file_name"] == package.name and log_row["station"] == "REG1"
    save_screenshot(tab, "sinkronisasi-log-impor")


def test_refused_package_names_the_file_and_changes_nothing(qtbot, pair, tmp_path):
    a, b = pair
    walkin(a, "REG1-0001", "Ibu Sulastri")
    usb = tmp_path / "usb"
    usb.mkdir()
    package = export_via_ui(qtbot, a, usb)
    raw = bytearray(package.read_bytes())
    raw[len(raw) // 2] ^= 0xFF  # a flipped byte on a cheap USB stick
    tampered = usb / "rusak.bidsync"
    tampered.write_bytes(bytes(raw))

    tab = make_tab(qtbot, b)
    page = tab.import_page
    before = dump(b)
    page.set_files([package, tampered])
    settle(tab)
    text = page.feedback.text()
    assert page.feedback.tone is Tone.ERROR
    assert text.startswith("rusak.bidsync: ") and "\n" not in text
    assert page.preview is None and not page.btn_merge.isEnabled()
    assert page.model.rows == []
    assert dump(b) == before
    tab.show_page(1)
    save_screenshot(tab, "sinkronisasi-impor-ditolak")


def test_cancel_during_merge_leaves_the_database_unchanged(qtbot, pair, tmp_path):
    a, b = pair
    walkin(a, "REG1-0001", "Ibu Sulastri")
    usb = tmp_path / "usb"
    usb.mkdir()
    package = export_via_ui(qtbot, a, usb)
    tab = make_tab(qtbot, b)
    page = tab.import_page
    page.set_files([package])
    settle(tab)
    before = dump(b)
    gate = threading.Event()
    tab.ctx.tasks.run(lambda: gate.wait(10))  # hold the worker so Cancel comes first
    page.btn_merge.click()
    assert not page.progress.isHidden() and page.progress.btn_cancel.isEnabled()
    page.progress.btn_cancel.click()
    gate.set()
    settle(tab)
    assert page.feedback.tone is Tone.WARN and "Dibatalkan" in page.feedback.text()
    assert dump(b) == before


def test_export_needs_an_existing_folder(qtbot, db, tmp_path):
    tab = make_tab(qtbot, db)
    page = tab.export_page
    page.ed_folder.setText(str(tmp_path / "tidak-ada"))
    page.btn_export.click()
    settle(tab)
    assert page.feedback.tone is Tone.WARN and page.last_result is None
    assert "perubahan belum diekspor" in page.lbl_pending.text()


def test_several_packages_at_once_and_a_package_seen_before(qtbot, pair, tmp_path):
    a, b = pair
    c = make_event_db(tmp_path / "mka1.sqlite", "MKA1", EVENT)
    try:
        walkin(a, "REG1-0001", "Ibu Sulastri")
        walkin(c, "MKA1-0001", "Pak Wayan")
        usb_a, usb_c = tmp_path / "usb-a", tmp_path / "usb-c"
        usb_a.mkdir()
        usb_c.mkdir()
        first = export_via_ui(qtbot, a, usb_a)
        second = export_via_ui(qtbot, c, usb_c)
        tab = make_tab(qtbot, b)
        page = tab.import_page
        page.set_files([first, second, first])  # the same file twice is listed once
        settle(tab)
        assert [r["station"] for r in page.model.rows] == ["REG1", "MKA1"]
        assert page.files.count() == 2
        page.btn_merge.click()
        settle(tab)
        with b.begin() as s:
            numbers = set(s.scalars(select(Participant.number)))
            assert {"REG1-0001", "MKA1-0001"} <= numbers
            assert len(s.scalars(select(ImportLog)).all()) == 2
        page.set_files([first])  # again: recognised by its hash, nothing new
        settle(tab)
        [row] = page.model.rows
        assert row["seen"] is True and row["versions"].startswith("0 / ")
        assert page.model.data(page.model.index(0, 9)) == "ya"
    finally:
        c.dispose()
