"""Sinkronisasi tab, backups: settings behind the PIN, backup now + list with integrity,
restore with a warning and the PIN, and the automatic backup timer of the main window."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from bid_desktop.services import sync as sync_service
from bid_desktop.services.station import require_state
from bid_desktop.storage.models import AuditEntry, Participant
from bid_desktop.ui.app import build_window
from bid_desktop.ui.common.feedback import Tone
from bid_desktop.ui.sinkronisasi import backups_page
from bid_desktop.ui.sinkronisasi.backup_timer import BackupTimer
from tests.conftest import save_screenshot
from tests.ui.sinkronisasi_helpers import PIN, make_tab, settle


def answer_pin(monkeypatch, *answers: str | None) -> None:  # type: ignore[no-untyped-def]
    queue = list(answers)
    monkeypatch.setattr(backups_page, "ask_pin", lambda _p, _a: queue.pop(0))


def add_person(db, number: str) -> None:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        event_id = require_state(s).event_id
        s.add(Participant(id=str(uuid.uuid4()), event_id=event_id, number=number, name="Budi"))


@pytest.fixture
def stick(tmp_path: Path) -> Path:
    folder = tmp_path / "usb-cadangan"
    folder.mkdir()
    return folder


def test_settings_backup_now_list_and_restore(qtbot, db, stick, monkeypatch):
    tab = make_tab(qtbot, db)
    tab.show_page(5)
    settle(tab)
    page = tab.backups_page
    assert page.sp_minutes.value() == sync_service.DEFAULT_BACKUP_MINUTES
    page.ed_folder.setText(str(stick))
    page.sp_minutes.setValue(15)
    page.sp_keep.setValue(5)
    answer_pin(monkeypatch, "000000")
    page.btn_save.click()
    settle(tab)
    assert page.feedback.tone is Tone.ERROR
    with db.begin() as s:
        assert sync_service.backup_settings(s).minutes == sync_service.DEFAULT_BACKUP_MINUTES
    answer_pin(monkeypatch, PIN)
    page.btn_save.click()
    settle(tab)
    with db.begin() as s:
        settings = sync_service.backup_settings(s)
    assert (settings.folder, settings.minutes, settings.keep) == (stick, 15, 5)

    page.btn_now.click()
    settle(tab)
    [backup] = sorted(stick.glob("*.sqlite"))
    assert page.feedback.tone is Tone.OK and backup.name in page.feedback.text()
    [row] = page.model.rows
    assert row["path"] == backup and row["ok"] is True and row["reason"] == "manual"
    assert page.model.data(page.model.index(0, 3)) == "baik"

    add_person(db, "REG1-9001")  # written after the backup: a restore takes it away
    page.view.selectRow(0)
    warnings: list[str] = []

    def warn(_parent, _title, text, *_args):  # type: ignore[no-untyped-def]
        warnings.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "warning", warn)
    answer_pin(monkeypatch, PIN)
    page.btn_restore.click()
    settle(tab)
    assert "DIGANTI" in warnings[0]
    assert page.feedback.tone is Tone.OK and "dipulihkan" in page.feedback.text()
    with db.begin() as s:
        assert s.scalars(select(Participant).where(Participant.number == "REG1-9001")).all() == []
        actions = set(s.scalars(select(AuditEntry.action)))
    assert "backup.restored" in actions
    qtbot.waitUntil(lambda: settle(tab) or len(page.model.rows) == 2)  # + the safety copy
    save_screenshot(tab, "sinkronisasi-cadangan")


def test_restore_declined_or_without_pin_changes_nothing(qtbot, db, stick, monkeypatch):
    tab = make_tab(qtbot, db)
    tab.show_page(5)
    settle(tab)
    page = tab.backups_page
    page.ed_folder.setText(str(stick))
    answer_pin(monkeypatch, PIN)
    page.btn_save.click()
    settle(tab)
    page.btn_now.click()
    settle(tab)
    add_person(db, "REG1-9002")
    page.view.selectRow(0)
    monkeypatch.setattr(QMessageBox, "warning", lambda *_a: QMessageBox.StandardButton.No)
    page.btn_restore.click()
    monkeypatch.setattr(QMessageBox, "warning", lambda *_a: QMessageBox.StandardButton.Yes)
    answer_pin(monkeypatch, "000000")
    page.btn_restore.click()
    settle(tab)
    assert page.feedback.tone is Tone.ERROR
    with db.begin() as s:
        assert (
            len(s.scalars(select(Participant).where(Participant.number == "REG1-9002")).all()) == 1
        )


def test_backup_timer_runs_when_due_and_main_window_starts_it(qtbot, db, stick):
    with db.begin() as s:
        sync_service.set_backup_settings(s, stick, 1, 3)
    window = build_window(db)
    qtbot.addWidget(window)
    assert isinstance(window.backup_timer, BackupTimer)
    assert window.backup_timer.timer.isActive()
    timer = window.backup_timer
    messages: list[str] = []
    window.ctx.bus.status.connect(messages.append)
    timer.check()  # no backup yet: due
    window.ctx.tasks.wait()
    qtbot.waitUntil(lambda: timer.last_path is not None)
    assert timer.last_path.parent == stick and timer.last_path.name.endswith("-timer.sqlite")
    assert any("Cadangan otomatis" in m for m in messages)
    timer.check()  # just made one: not due for another minute
    window.ctx.tasks.wait()
    qtbot.waitUntil(lambda: not timer.busy)
    assert len(list(stick.glob("*.sqlite"))) == 1
    # let the other tabs' debounced refreshes (triggered by "backup") run before teardown
    qtbot.wait(600)
    window.ctx.tasks.wait()
    window.show_role("sinkronisasi")
    tab = window.tab_by_role["sinkronisasi"]
    tab.show_page(5)
    qtbot.waitUntil(lambda: settle(tab) or len(tab.backups_page.model.rows) == 1)
    save_screenshot(window, "sinkronisasi-main-window")


def test_timer_says_in_the_status_bar_when_space_stops_backups(qtbot, db, stick, monkeypatch):
    """Issue 12 item 7: no room on the stick (the reserve the app keeps free is more than the
    disk has): the copy is refused, the status bar says so, the old copy stays."""
    import shutil

    from bid_desktop.storage import backup as storage_backup

    with db.begin() as s:
        sync_service.set_backup_settings(s, stick, 1, 3)
    old = sync_service.backup_now(db, reason="timer")
    with db.begin() as s:
        require_state(s).last_backup_at = None  # due again
    monkeypatch.setattr(storage_backup, "MIN_RESERVE", 2 * shutil.disk_usage(stick).free)
    ctx = make_tab(qtbot, db).ctx
    timer = BackupTimer(ctx, check_ms=3_600_000)
    messages: list[str] = []
    ctx.bus.status.connect(messages.append)
    timer.check()
    qtbot.waitUntil(lambda: not timer.busy)
    assert any("BERHENTI" in m and "ruang disk" in m and str(stick) in m for m in messages)
    assert sorted(stick.iterdir()) == [old]
    timer.stop()
