"""Main window: status bar, station tab, settings (PIN, signatories, language), audit log."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QMessageBox

from bid_desktop.services import audit as audit_service
from bid_desktop.services import events as event_service
from bid_desktop.storage.models import AuditEntry, StationState
from bid_desktop.sync import clock
from bid_desktop.ui.app import build_window
from bid_desktop.ui.settings.dialog import AuditPage, SettingsDialog
from tests.conftest import save_screenshot


def _quiet_boxes(monkeypatch) -> list[str]:
    shown: list[str] = []
    for name in ("information", "warning"):
        monkeypatch.setattr(QMessageBox, name, lambda _p, _t, text, *a, **k: shown.append(text))
    return shown


def test_status_bar_tells_event_station_db_and_pending(qtbot, db):
    window = build_window(db)
    qtbot.addWidget(window)
    texts = [
        w.text() for w in (window.lbl_event, window.lbl_station, window.lbl_db, window.lbl_pending)
    ]
    assert "Bursa Inovasi Desa Kecamatan Gisting" in texts[0]
    assert "REG1" in texts[1] and "registrasi" in texts[1]
    assert db.path.name in texts[2]
    with db.engine.connect() as c:
        pending = c.exec_driver_sql(
            "SELECT COUNT(*) FROM version WHERE station='REG1'"
        ).scalar_one()
    assert f"{pending} perubahan" in texts[3]
    save_screenshot(window, "main-window")


def test_settings_change_pin_signatories_and_language(qtbot, db, monkeypatch):
    shown = _quiet_boxes(monkeypatch)
    dialog = SettingsDialog(build_window(db).ctx)
    qtbot.addWidget(dialog)
    # PIN: wrong old PIN refused, right one accepted
    dialog.ed_old.setText("000000")
    dialog.ed_new.setText("432198")
    dialog.ed_again.setText("432198")
    dialog._save_pin()
    assert shown[-1] == "PIN panitia salah"
    dialog.ed_old.setText(audit_service.DEFAULT_PIN)
    dialog._save_pin()
    with db.begin() as s:
        assert audit_service.check_pin(s, "432198")
        assert not audit_service.check_pin(s, audit_service.DEFAULT_PIN)
    # signatories, behind the new PIN
    dialog.tbl_signers.item(0, 1).setText("Drs. Ahmad Fauzi")
    dialog.tbl_signers.item(0, 2).setText("196805121990031005")
    monkeypatch.setattr("bid_desktop.ui.settings.dialog.ask_pin", lambda *_a: "432198")
    dialog._save_event()
    with db.begin() as s:
        signers = event_service.signatories(event_service.current_event(s))
        actions = [a.action for a in s.query(AuditEntry)]
    assert signers[0] == {"title": "Camat", "name": "Drs. Ahmad Fauzi", "nip": "196805121990031005"}
    assert "event.update" in actions and "pin.changed" in actions
    # language
    dialog.cmb_lang.setCurrentIndex(dialog.cmb_lang.findData("en"))
    dialog._save_language()
    with db.begin() as s:
        assert s.get(StationState, 1).language == "en"
    # the audit page lists the entries, newest first, with station and action
    page = dialog.findChild(AuditPage)
    page.reload()
    listed = [row["action"] for row in page.model.rows]
    assert listed[0] == "event.update" and "pin.changed" in listed
    assert {row["station"] for row in page.model.rows} == {"REG1"}
    save_screenshot(dialog, "settings-dialog")


def test_clock_warning_shown_at_start_but_window_opens(qtbot, db, monkeypatch):
    shown = _quiet_boxes(monkeypatch)
    monkeypatch.setattr(clock, "wall_ms", lambda: int(dt.datetime(2000, 1, 1).timestamp() * 1000))
    window = build_window(db)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: bool(shown), timeout=2000)
    assert "jauh dari tanggal acara" in shown[0]
    assert window.tabs.count() >= 0
